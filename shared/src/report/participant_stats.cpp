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

std::string table(const std::string& title, const std::vector<GenderRow>& rows, bool shares)
{
    std::string out = "\n" + title + "\n";
    out += padRight("", 58) + padLeft("Kvinnor", 9) + padLeft("Män", 7) + padLeft("Annat", 7) + padLeft("Totalt", 8) +
           (shares ? padLeft("Andel", 8) : "") + "\n";
    std::int64_t sum = 0;
    for (const auto& r : rows)
        sum += r.total();
    for (const auto& r : rows) {
        out += padRight(r.label, 58) + padLeft(formatInteger(r.byGender[0]), 9) + padLeft(formatInteger(r.byGender[1]), 7) +
               padLeft(formatInteger(r.byGender[2]), 7) + padLeft(formatInteger(r.total()), 8) +
               (shares ? padLeft(formatPercent(r.total(), sum), 8) : "") + "\n";
    }
    return out;
}

json rowsToJson(const std::vector<GenderRow>& rows)
{
    json out = json::array();
    for (const auto& r : rows)
        out.push_back({{"label", r.label},
                       {"women", r.byGender[0]},
                       {"men", r.byGender[1]},
                       {"other", r.byGender[2]},
                       {"total", r.total()}});
    return out;
}

}  // namespace

std::string renderParticipantStatisticsText(const ParticipantStatistics& s)
{
    std::string out = "Deltagarstatistik " + s.period.label + " – " + s.unitName + "\n";
    out += "Period " + s.period.from.iso() + " – " + s.period.to.iso() + "\n";
    out += table("Volym", s.volume, false);
    const auto& part = s.volume.front();
    const auto& exits = s.volume[2];
    out += "Genomströmning (avslut / deltagare): " + formatShare(exits.total(), part.total()) + "; kvinnor " +
           formatPercent(exits.byGender[0], part.byGender[0]) + ", män " + formatPercent(exits.byGender[1], part.byGender[1]) +
           "\n";
    out += table("Avslut per avslutsorsak", s.outcomes, true);
    out += table("Ålder vid start (nya under perioden)", s.ageGroups, true);
    out += table("Tid i offentlig försörjning före start (nya under perioden)", s.supportDuration, true);
    out += table("Utbildningsnivå (nya under perioden)", s.education, true);
    out += table("Försörjning före start (nya under perioden; flera kan gälla)", s.incomeSupport, false);
    out += "\nAktualiseringar under perioden per part och beslut i beredningen\n";
    out += padRight("", 40) + padLeft("Aktualiserade", 14) + padLeft("Ja", 6) + padLeft("Nej", 6) + padLeft("Ej beslut", 11) +
           padLeft("Andel ja", 10) + "\n";
    for (const auto& p : s.parties)
        out += padRight(p.label, 40) + padLeft(formatInteger(p.referred), 14) + padLeft(formatInteger(p.yes), 6) +
               padLeft(formatInteger(p.no), 6) + padLeft(formatInteger(p.pending), 11) +
               padLeft(formatPercent(p.yes, p.yes + p.no), 10) + "\n";
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
    json parties = json::array();
    for (const auto& p : s.parties)
        parties.push_back({{"label", p.label}, {"referred", p.referred}, {"yes", p.yes}, {"no", p.no}, {"pending", p.pending}});
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
            {"volume", rowsToJson(s.volume)},
            {"outcomes", rowsToJson(s.outcomes)},
            {"age_groups", rowsToJson(s.ageGroups)},
            {"support_duration", rowsToJson(s.supportDuration)},
            {"education", rowsToJson(s.education)},
            {"income_support", rowsToJson(s.incomeSupport)},
            {"referring_parties", parties}};
}

}  // namespace samkoll::core
