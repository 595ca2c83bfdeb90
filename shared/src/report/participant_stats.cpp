// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/participant_stats.hpp"

#include "samkoll/domain/case_status.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "samkoll/report/format.hpp"

namespace samkoll::core {

using nlohmann::json;

std::int64_t GenderRow::total() const
{
    std::int64_t t = 0;
    for (auto v : byGender)
        t += v;
    return t;
}

namespace {

template <typename E>
std::vector<GenderRow> rowsFor()
{
    std::vector<GenderRow> rows;
    for (const auto& t : termsOf<E>())
        rows.push_back(GenderRow{std::string(t.label), {}});
    return rows;
}

constexpr std::array<std::pair<int, int>, 6> kAgeBands{{{16, 19}, {20, 24}, {25, 29}, {30, 39}, {40, 49}, {50, 64}}};

}  // namespace

Result<ParticipantStatistics> computeParticipantStatistics(Database& db, Id federationId, std::optional<Id> teamId,
                                                           const Period& period)
{
    return guarded<ParticipantStatistics>([&]() -> Result<ParticipantStatistics> {
        ParticipantStatistics s;
        s.period = period;
        auto name = teamId ? db.prepare("SELECT name FROM team WHERE id = ?") : db.prepare("SELECT name FROM federation WHERE id = ?");
        name.bind(1, teamId.value_or(federationId));
        if (!name.step())
            return makeError("not_found", teamId ? "team" : "federation", "enheten finns inte");
        s.unitName = name.text(0);

        s.supportDuration = rowsFor<SupportDuration>();
        s.education = rowsFor<Education>();
        s.incomeSupport = rowsFor<IncomeSupport>();
        GenderRow missingDuration{"Ej angivet", {}};
        GenderRow missingEducation{"Ej angivet", {}};
        GenderRow missingIncome{"Ej angivet", {}};
        for (auto [lo, hi] : kAgeBands)
            s.ageGroups.push_back(GenderRow{std::to_string(lo) + "–" + std::to_string(hi) + " år", {}});

        // One scan over the period's participants; background is grouped so
        // that few rows come back even for a large förbund.
        auto st = db.prepare(
            "SELECT gender, exit_outcome, exit_date IS NOT NULL AND exit_date <= ?3, start_date >= ?2, "
            "       support_duration, education, income_support, CAST(substr(start_date, 1, 4) AS INTEGER) - birth_year, "
            "       count(*) "
            "FROM cases WHERE federation_id = ?1 AND (?4 = 0 OR team_id = ?4) AND deleted = 0 "
            "  AND start_date IS NOT NULL AND start_date <= ?3 AND (exit_date IS NULL OR exit_date >= ?2) "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8");
        st.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso()).bind(4, teamId.value_or(0));
        while (st.step()) {
            const auto g = static_cast<std::size_t>(parseCode<Gender>(st.text(0)).value_or(Gender::Other));
            const auto n = st.integer(8);
            s.counts.participants[g] += n;
            if (st.integer(2))
                if (auto o = parseCode<ExitOutcome>(st.text(1)))
                    s.counts.exits[g][static_cast<std::size_t>(*o)] += n;
            if (!st.integer(3))
                continue;
            s.counts.started[g] += n;
            if (auto d = st.optionalText(4); d && parseCode<SupportDuration>(*d))
                s.supportDuration[static_cast<std::size_t>(*parseCode<SupportDuration>(*d))].byGender[g] += n;
            else
                missingDuration.byGender[g] += n;
            if (auto e = st.optionalText(5); e && parseCode<Education>(*e))
                s.education[static_cast<std::size_t>(*parseCode<Education>(*e))].byGender[g] += n;
            else
                missingEducation.byGender[g] += n;
            const std::string income = st.text(6);
            if (income.empty())
                missingIncome.byGender[g] += n;
            for (auto v : splitIncomeSupport(income))
                s.incomeSupport[static_cast<std::size_t>(v)].byGender[g] += n;
            if (auto age = st.optionalInteger(7)) {
                for (std::size_t b = 0; b < kAgeBands.size(); ++b)
                    if (*age >= kAgeBands[b].first && *age <= kAgeBands[b].second)
                        s.ageGroups[b].byGender[g] += n;
            }
        }
        if (missingDuration.total())
            s.supportDuration.push_back(missingDuration);
        if (missingEducation.total())
            s.education.push_back(missingEducation);
        if (missingIncome.total())
            s.incomeSupport.push_back(missingIncome);

        const CaseFilter all{CasePopulation::Participants, CaseFilter::kAllOutcomes};
        auto row = [&](const char* label, CaseFilter f) {
            GenderRow r{label, {}};
            for (std::size_t g = 0; g < kGenderCount; ++g)
                r.byGender[g] = s.counts.count(f, static_cast<Gender>(g));
            return r;
        };
        s.volume.push_back(row("Deltagare under perioden", all));
        s.volume.push_back(row("Nya under perioden", {CasePopulation::New, CaseFilter::kAllOutcomes}));
        s.volume.push_back(row("Avslutade under perioden", {CasePopulation::Exits, CaseFilter::kAllOutcomes}));
        s.volume.push_back(row("Kvar vid periodens slut", {CasePopulation::Remaining, CaseFilter::kAllOutcomes}));
        for (std::size_t o = 0; o < kOutcomeCount; ++o) {
            const auto outcome = static_cast<ExitOutcome>(o);
            GenderRow r{std::string(labelOf(outcome)) + (isPositive(outcome) ? " (positiv)" : ""), {}};
            for (std::size_t g = 0; g < kGenderCount; ++g)
                r.byGender[g] = s.counts.exits[g][o];
            s.outcomes.push_back(r);
        }

        // Referrals in the period by referring party, with the beredning's decisions.
        std::map<std::string, PartyRow> parties;
        for (const auto& t : termsOf<ReferringParty>())
            parties[std::string(t.code)] = PartyRow{std::string(t.label)};
        auto ref = db.prepare(
            "SELECT ifnull(referring_party, ''), decision, count(*) FROM cases "
            "WHERE federation_id = ?1 AND (?4 = 0 OR team_id = ?4) AND deleted = 0 AND referral_date BETWEEN ?2 AND ?3 "
            "GROUP BY 1, 2");
        ref.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso()).bind(4, teamId.value_or(0));
        while (ref.step()) {
            auto it = parties.find(ref.text(0));
            if (it == parties.end())
                it = parties.emplace(ref.text(0), PartyRow{"Ej angivet"}).first;
            const auto n = ref.integer(2);
            it->second.referred += n;
            const auto decision = ref.optionalText(1);
            if (!decision)
                it->second.pending += n;
            else if (*decision == "yes")
                it->second.yes += n;
            else
                it->second.no += n;
        }
        for (const auto& t : termsOf<ReferringParty>())
            s.parties.push_back(parties[std::string(t.code)]);
        if (auto it = parties.find(""); it != parties.end())
            s.parties.push_back(it->second);

        // Response rates of the rounds that count for the unit: its own and
        // the förbund-level ones (all rounds for the förbund).
        auto rr = db.prepare(
            "SELECT qn.title, r.respondent_group, ifnull(t.name, ''), r.period_start, r.period_end, r.invited, "
            "       ifnull((SELECT max(answers) FROM (SELECT sum(total) AS answers FROM tally_total "
            "               WHERE round_id = r.id GROUP BY question_id)), 0) "
            "FROM survey_round r JOIN questionnaire qn ON qn.id = r.questionnaire_id LEFT JOIN team t ON t.id = r.team_id "
            "WHERE r.federation_id = ?1 AND r.period_start >= ?2 AND r.period_end <= ?3 "
            "  AND (?4 = 0 OR r.team_id IS NULL OR r.team_id = ?4) "
            "ORDER BY r.team_id IS NULL, t.name, qn.title, r.period_start");
        rr.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso()).bind(4, teamId.value_or(0));
        while (rr.step()) {
            const auto group = parseCode<RespondentGroup>(rr.view(1));
            const auto from = rr.text(3);
            const auto to = rr.text(4);
            s.responseRates.push_back(ResponseRateRow{rr.text(0), group ? std::string(labelOf(*group)) : rr.text(1),
                                                      rr.text(2), from + " – " + to, rr.integer(5), rr.integer(6)});
        }
        return s;
    });
}

namespace {

bool small(std::int64_t v, int below)
{
    return v > 0 && v < below;
}

/// Hides the small cells among `parts` (whose sum is `total`), then one more
/// (the smallest non-zero) where exactly one is hidden and the total is shown,
/// so that no hidden cell can be worked out by subtraction.
template <std::size_t N>
std::array<bool, N + 1> hideParts(const std::array<std::int64_t, N>& parts, std::int64_t total, int below)
{
    std::array<bool, N + 1> hidden{};
    if (below <= 0)
        return hidden;
    int count = 0;
    for (std::size_t i = 0; i < N; ++i)
        count += hidden[i] = small(parts[i], below);
    hidden[N] = small(total, below);
    if (count == 1 && !hidden[N]) {
        std::optional<std::size_t> next;
        for (std::size_t i = 0; i < N; ++i)
            if (!hidden[i] && parts[i] > 0 && (!next || parts[i] < parts[*next]))
                next = i;
        if (next)
            hidden[*next] = true;
        else
            hidden[N] = true;  // the only other figure is the total: hide it
    }
    return hidden;
}

}  // namespace

std::array<bool, kGenderCount + 1> hiddenCells(const GenderRow& row, int suppressBelow)
{
    return hideParts(row.byGender, row.total(), suppressBelow);
}

std::array<bool, 4> hiddenCells(const PartyRow& row, int suppressBelow)
{
    const auto parts = hideParts(std::array<std::int64_t, 3>{row.yes, row.no, row.pending}, row.referred, suppressBelow);
    return {parts[3], parts[0], parts[1], parts[2]};
}

namespace {

/// A count as text, "<5" when hidden.
std::string countText(std::int64_t v, bool hidden, int below)
{
    return hidden ? "<" + std::to_string(below) : formatInteger(v);
}

json countJson(std::int64_t v, bool hidden, int below)
{
    return hidden ? json("<" + std::to_string(below)) : json(v);
}

std::string table(const std::string& title, const std::vector<GenderRow>& rows, bool shares, int below)
{
    std::string out = "\n" + title + "\n";
    out += padRight("", 58) + padLeft("Kvinnor", 9) + padLeft("Män", 7) + padLeft("Annat", 7) +
           padLeft("Vill ej svara", 15) + padLeft("Totalt", 8) +
           (shares ? padLeft("Andel", 8) : "") + "\n";
    std::int64_t sum = 0;
    for (const auto& r : rows)
        sum += r.total();
    for (const auto& r : rows) {
        const auto h = hiddenCells(r, below);
        out += padRight(r.label, 58) + padLeft(countText(r.byGender[0], h[0], below), 9) +
               padLeft(countText(r.byGender[1], h[1], below), 7) + padLeft(countText(r.byGender[2], h[2], below), 7) +
               padLeft(countText(r.byGender[3], h[3], below), 15) +
               padLeft(countText(r.total(), h[kGenderCount], below), 8) +
               (shares ? padLeft(h[kGenderCount] ? "–" : formatPercent(r.total(), sum), 8) : "") + "\n";
    }
    return out;
}

json rowsToJson(const std::vector<GenderRow>& rows, int below)
{
    json out = json::array();
    for (const auto& r : rows) {
        const auto h = hiddenCells(r, below);
        out.push_back({{"label", r.label},
                       {"women", countJson(r.byGender[0], h[0], below)},
                       {"men", countJson(r.byGender[1], h[1], below)},
                       {"other", countJson(r.byGender[2], h[2], below)},
                       {"declined", countJson(r.byGender[3], h[3], below)},
                       {"total", countJson(r.total(), h[kGenderCount], below)}});
    }
    return out;
}

}  // namespace

std::string renderParticipantStatisticsText(const ParticipantStatistics& s)
{
    std::string out = "Deltagarstatistik " + s.period.label + " – " + s.unitName + "\n";
    out += "Period " + s.period.from.iso() + " – " + s.period.to.iso() + "\n";
    const int below = s.suppressBelow;
    if (below > 0)
        out += "Antal under " + std::to_string(below) + " visas som \"<" + std::to_string(below) +
               "\" (och ytterligare en ruta där den annars kan räknas fram).\n";
    out += table("Volym", s.volume, false, below);
    const auto& part = s.volume.front();
    const auto& exits = s.volume[2];
    const auto hp = hiddenCells(part, below);
    const auto he = hiddenCells(exits, below);
    out += "Genomströmning (avslut / deltagare): " +
           (hp[kGenderCount] || he[kGenderCount] ? std::string("–") : formatShare(exits.total(), part.total())) + "; kvinnor " +
           (hp[0] || he[0] ? std::string("–") : formatPercent(exits.byGender[0], part.byGender[0])) + ", män " +
           (hp[1] || he[1] ? std::string("–") : formatPercent(exits.byGender[1], part.byGender[1])) + "\n";
    out += table("Avslut per avslutsorsak", s.outcomes, true, below);
    out += table("Ålder vid start (nya under perioden)", s.ageGroups, true, below);
    out += table("Tid i offentlig försörjning före start (nya under perioden)", s.supportDuration, true, below);
    out += table("Utbildningsnivå (nya under perioden)", s.education, true, below);
    out += table("Försörjning före start (nya under perioden; flera kan gälla)", s.incomeSupport, false, below);
    out += "\nAktualiseringar under perioden per part och beslut i beredningen\n";
    out += padRight("", 40) + padLeft("Aktualiserade", 14) + padLeft("Ja", 6) + padLeft("Nej", 6) + padLeft("Ej beslut", 11) +
           padLeft("Andel ja", 10) + "\n";
    for (const auto& p : s.parties) {
        const auto h = hiddenCells(p, below);
        out += padRight(p.label, 40) + padLeft(countText(p.referred, h[0], below), 14) +
               padLeft(countText(p.yes, h[1], below), 6) + padLeft(countText(p.no, h[2], below), 6) +
               padLeft(countText(p.pending, h[3], below), 11) +
               padLeft(h[1] || h[2] ? "–" : formatPercent(p.yes, p.yes + p.no), 10) + "\n";
    }
    out += "\nSvarsfrekvens per enkätomgång\n";
    if (s.responseRates.empty())
        out += "  Inga enkätomgångar under perioden.\n";
    else
        out += padRight("Enkät", 44) + padRight("Grupp", 26) + padRight("Team", 30) + padLeft("Tillfrågade", 12) +
               padLeft("Svarande", 10) + padLeft("Svarsfrekvens", 15) + "\n";
    for (const auto& r : s.responseRates)
        out += padRight(r.questionnaire, 44) + padRight(r.group, 26) + padRight(r.team.empty() ? "(förbundet)" : r.team, 30) +
               padLeft(formatInteger(r.invited), 12) + padLeft(formatInteger(r.respondents), 10) +
               padLeft(r.invited > 0 ? formatPercent(r.respondents, r.invited) : "–", 15) + "\n";
    return out;
}

json participantStatisticsToJson(const ParticipantStatistics& s)
{
    const int below = s.suppressBelow;
    json parties = json::array();
    for (const auto& p : s.parties) {
        const auto h = hiddenCells(p, below);
        parties.push_back({{"label", p.label},
                           {"referred", countJson(p.referred, h[0], below)},
                           {"yes", countJson(p.yes, h[1], below)},
                           {"no", countJson(p.no, h[2], below)},
                           {"pending", countJson(p.pending, h[3], below)}});
    }
    json rates = json::array();
    for (const auto& r : s.responseRates)
        rates.push_back({{"questionnaire", r.questionnaire},
                         {"group", r.group},
                         {"team", r.team},
                         {"period", r.period},
                         {"invited", r.invited},
                         {"respondents", r.respondents}});
    return {{"unit", s.unitName},
            {"response_rates", rates},
            {"period", {{"label", s.period.label}, {"from", s.period.from.iso()}, {"to", s.period.to.iso()}}},
            {"suppressed_below", below > 0 ? json(below) : json(nullptr)},
            {"volume", rowsToJson(s.volume, below)},
            {"outcomes", rowsToJson(s.outcomes, below)},
            {"age_groups", rowsToJson(s.ageGroups, below)},
            {"support_duration", rowsToJson(s.supportDuration, below)},
            {"education", rowsToJson(s.education, below)},
            {"income_support", rowsToJson(s.incomeSupport, below)},
            {"referring_parties", parties}};
}

}  // namespace samkoll::core
