// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/demo/demo_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <tuple>

#include "samkoll/io/budget_json.hpp"

namespace samkoll::core {

namespace {

struct TeamSpec {
    const char* code;
    const char* name;
    const char* kommun;
    const char* prefix;
    int casesPerYear;
    int staff;
    double quality;  ///< 0..1: how positive this team's participants and staff answer
};

constexpr std::array kTeams{
    TeamSpec{"vannas", "Samordningsteamet Vännäs", "vannas", "VNS", 34, 10, 0.80},
    TeamSpec{"vindeln", "Samordningsteamet Vindeln", "vindeln", "VDL", 22, 9, 0.72},
    TeamSpec{"nordmaling", "Samordningsteamet Nordmaling", "nordmaling", "NML", 26, 10, 0.65},
    TeamSpec{"robertsfors", "Samordningsteamet Robertsfors", "robertsfors", "RBF", 24, 9, 0.75},
    TeamSpec{"bjurholm", "Samordningsteamet Bjurholm", "bjurholm", "BJH", 12, 8, 0.70},
    TeamSpec{"ungdomstorget", "Ungdomstorget", "umea", "UT", 140, 40, 0.78},
    TeamSpec{"vuxentorget", "Vuxentorget", "umea", "VT", 160, 42, 0.70},
};

struct KommunSpec {
    const char* code;
    const char* name;
    std::int64_t population;
    double haeShare2019;
};

constexpr std::array kKommuner{
    KommunSpec{"umea", "Umeå", 73500, 0.118}, KommunSpec{"vannas", "Vännäs", 4950, 0.131},
    KommunSpec{"vindeln", "Vindeln", 2800, 0.152}, KommunSpec{"robertsfors", "Robertsfors", 3500, 0.139},
    KommunSpec{"nordmaling", "Nordmaling", 3800, 0.158}, KommunSpec{"bjurholm", "Bjurholm", 1250, 0.149},
};

class Generator {
public:
    Generator(Repository& repo, std::uint64_t seed) : m_repo(repo), m_rng(seed) {}

    Result<DemoSummary> run();

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(double p) { return std::bernoulli_distribution(std::clamp(p, 0.0, 1.0))(m_rng); }
    Date addDays(Date d, int days) { return Date::fromDays(d.days() + days); }

    Status cases(const TeamSpec& spec, Id teamId, int year);
    Status surveys(Id teamId, const TeamSpec* spec, int year);
    Status answer(Id roundId, const std::string& questionnaire, int respondents, double quality, int womenPercent);
    Status other(const TeamSpec& spec, Id teamId, int year);

    Repository& m_repo;
    std::mt19937_64 m_rng;
    Id m_federation = 0;
    DemoSummary m_summary;
    std::map<Id, int> m_exits;  ///< exits per team in the current year, for invited counts
};

Status Generator::cases(const TeamSpec& spec, Id teamId, int year)
{
    static constexpr std::array<std::pair<ExitOutcome, int>, 7> kOutcomes{{{ExitOutcome::Work, 24},
                                                                           {ExitOutcome::ExtraJob, 8},
                                                                           {ExitOutcome::Studies, 17},
                                                                           {ExitOutcome::ContinuedRehab, 26},
                                                                           {ExitOutcome::NoWorkCapacity, 7},
                                                                           {ExitOutcome::HealthDropout, 11},
                                                                           {ExitOutcome::OtherDropout, 7}}};
    const bool youth = std::string_view(spec.code) == "ungdomstorget";
    for (int i = 0; i < spec.casesPerYear; ++i) {
        Case c;
        c.teamId = teamId;
        c.code = std::string(spec.prefix) + "-" + std::to_string(year) + "-" + (i + 1 < 10 ? "00" : i + 1 < 100 ? "0" : "") +
                 std::to_string(i + 1);
        const int g = uniform(0, 99);
        c.gender = g < 52 ? Gender::Woman : g < 98 ? Gender::Man : Gender::Other;
        const int age = youth ? uniform(16, 29) : uniform(20, 63);
        c.referralDate = addDays(Date{year, 1, 1}, uniform(0, 300));
        c.birthYear = year - age;
        c.referringParty = static_cast<ReferringParty>(std::discrete_distribution<int>({30, 25, 25, 12, 8})(m_rng));
        c.decisionDate = addDays(c.referralDate, uniform(7, 28));
        c.decision = chance(0.86) ? Decision::Yes : Decision::No;
        if (c.decision == Decision::Yes) {
            c.startDate = addDays(*c.decisionDate, uniform(3, 30));
            c.birthYear = c.startDate->year - age;
            const int months = uniform(3, 20);
            const Date exit = addDays(*c.startDate, months * 30);
            if (exit <= Date{2021, 12, 31}) {
                c.exitDate = exit;
                std::vector<double> weights;
                for (auto [o, w] : kOutcomes)
                    weights.push_back(w * (isPositive(o) ? 0.6 + spec.quality * 0.5 : 1.0));
                c.exitOutcome = kOutcomes[static_cast<std::size_t>(
                                              std::discrete_distribution<int>(weights.begin(), weights.end())(m_rng))]
                                    .first;
                if (exit.year == 2021)
                    ++m_exits[teamId];
            }
            c.education = static_cast<Education>(std::discrete_distribution<int>({30, 42, 6, 7, 4, 5, 6})(m_rng));
            c.supportDuration = static_cast<SupportDuration>(
                std::discrete_distribution<int>({18, 14, 11, 9, 8, 7, 6, 5, 4, 12, 6})(m_rng));
            c.incomeSupport.push_back(static_cast<IncomeSupport>(uniform(0, 6)));
            if (chance(0.3)) {
                const auto extra = static_cast<IncomeSupport>(uniform(0, 6));
                if (extra != c.incomeSupport.front())
                    c.incomeSupport.push_back(extra);
            }
        }
        auto saved = m_repo.saveCase(c, Date::today());
        if (!saved)
            return saved.error();
        ++m_summary.cases;
    }
    return {};
}

Status Generator::answer(Id roundId, const std::string& questionnaire, int respondents, double quality, int womenPercent)
{
    auto& db = m_repo.database();
    auto st = db.prepare(
        "SELECT q.id, q.code, (SELECT count(*) FROM scale_option o WHERE o.scale_id = q.scale_id), s.code "
        "FROM questionnaire qn JOIN questionnaire_question qq ON qq.questionnaire_id = qn.id "
        "JOIN question q ON q.id = qq.question_id JOIN scale s ON s.id = q.scale_id "
        "WHERE qn.federation_id = ? AND qn.code = ? ORDER BY qq.position");
    st.bind(1, m_federation).bind(2, questionnaire);
    struct Q {
        Id id;
        std::string code;
        int options;
        std::string scale;
    };
    std::vector<Q> questions;
    while (st.step())
        questions.push_back({st.integer(0), st.text(1), static_cast<int>(st.integer(2)), st.text(3)});

    for (const auto& q : questions) {
        // counts[option][gender]
        std::map<std::pair<int, Gender>, std::int64_t> counts;
        for (int r = 0; r < respondents; ++r) {
            const int g = uniform(0, 99);
            const Gender gender = g < womenPercent ? Gender::Woman : g < 97 ? Gender::Man : Gender::Declined;
            const double p = std::clamp(quality + (gender == Gender::Woman ? 0.04 : -0.02), 0.0, 1.0);
            int option = 1;
            if (q.scale == "yes_no") {
                // Discrimination questions: "Nej" is the good answer.
                const bool good = q.code.rfind("d_diskr_", 0) == 0 ? chance(0.97) : chance(p + 0.1);
                option = q.code.rfind("d_diskr_", 0) == 0 ? (good ? 2 : 1) : (good ? 1 : 2);
            } else if (q.scale == "treatment" || q.scale == "importance" || q.scale == "extent4") {
                // Best option first (treatment, importance) or last (extent4).
                const int best = q.scale == "extent4" ? q.options : 1;
                const int step = chance(p) ? uniform(0, 1) : uniform(1, q.options - 1);
                option = best == 1 ? 1 + step : q.options - step;
            } else {
                // extent/agreement/frequency: higher is better.
                option = chance(p) ? uniform(q.options - 2, q.options) : uniform(1, q.options - 2);
            }
            ++counts[{option, gender}];
        }
        for (const auto& [key, n] : counts) {
            TallyDelta d;
            d.roundId = roundId;
            d.questionId = q.id;
            d.option = key.first;
            d.gender = key.second;
            d.delta = n;
            d.enteredBy = "demo";
            auto added = m_repo.addTally(d);
            if (!added)
                return added.error();
            ++m_summary.tallyRows;
        }
    }
    return {};
}

Status Generator::surveys(Id teamId, const TeamSpec* spec, int year)
{
    const Period period = Period::year(year);
    if (!spec) {
        // Förbund level: the board and the förbundschefer.
        auto round = m_repo.ensureRound(m_federation, "styrelse", RespondentGroup::Board, std::nullopt, period, 12);
        if (!round)
            return round.error();
        return answer(*round, "styrelse", 9, 0.78, 55);
    }
    const int exits = std::max(1, m_exits[teamId]);
    const int respondents = std::max(1, exits * uniform(26, 55) / 100);
    auto r1 = m_repo.ensureRound(m_federation, "deltagare_avslut", RespondentGroup::ParticipantsExit, teamId, period, exits);
    if (!r1)
        return r1.error();
    if (auto s = answer(*r1, "deltagare_avslut", respondents, spec->quality, 50); !s)
        return s;
    auto r2 = m_repo.ensureRound(m_federation, "personal", RespondentGroup::Staff, teamId, period, spec->staff);
    if (!r2)
        return r2.error();
    if (auto s = answer(*r2, "personal", spec->staff * uniform(60, 90) / 100, spec->quality + 0.05, 70); !s)
        return s;
    auto r3 = m_repo.ensureRound(m_federation, "styrgrupp", RespondentGroup::SteeringGroup, teamId, period, 7);
    if (!r3)
        return r3.error();
    return answer(*r3, "styrgrupp", uniform(4, 7), spec->quality, 60);
}

Status Generator::other(const TeamSpec& spec, Id teamId, int year)
{
    static constexpr std::array<const char*, 5> kTitles{
        "Från långvarig sjukskrivning till anställning", "Samarbete med lokalt företag gav praktikplatser",
        "Gemensam rutin för remisser mellan parterna", "Rundgången bröts efter samlad kartläggning",
        "Anpassad studiegång löste rehabiliteringshinder"};
    for (std::size_t cat = 0; cat < 5; ++cat) {
        const int n = uniform(cat == 0 ? 1 : 0, 3);
        for (int i = 0; i < n; ++i) {
            Story s;
            s.federationId = m_federation;
            s.teamId = teamId;
            s.category = static_cast<StoryCategory>(cat);
            s.date = Date{year, uniform(1, 12), uniform(1, 28)};
            s.title = kTitles[cat];
            s.text = "En deltagare hos " + std::string(spec.name) +
                     " fick samordnat stöd från flera parter. Texten är avidentifierad och beskriver insatsen, "
                     "samverkan och resultatet.";
            auto saved = m_repo.saveStory(s);
            if (!saved)
                return saved.error();
            ++m_summary.stories;
        }
    }
    const int women = spec.staff * uniform(55, 80) / 100;
    if (auto s = m_repo.setComposition({m_federation, teamId, CompositionBody::Staff, year, women, spec.staff - women}); !s)
        return s;
    const int sgWomen = uniform(2, 6);
    if (auto s = m_repo.setComposition({m_federation, teamId, CompositionBody::SteeringGroup, year, sgWomen, 8 - sgWomen});
        !s)
        return s;
    for (const char* code : {"1.2.4", "4.1.3"}) {
        const bool achieved = chance(spec.quality);
        if (auto s = m_repo.setManualAssessment(
                {m_federation, code, teamId, year, achieved,
                 achieved ? "Redovisat i verksamhetsberättelsen." : "Redovisningen saknar den efterfrågade sammanställningen."});
            !s)
            return s;
    }
    return {};
}

Result<DemoSummary> Generator::run()
{
    auto fed = m_repo.addFederation("umea", "Samordningsförbundet Umeåregionen (demo)");
    if (!fed)
        return fed.error();
    m_federation = *fed;
    m_summary.federationId = m_federation;
    for (auto [code, name, kind] : {std::tuple{"af", "Arbetsförmedlingen", MemberKind::State},
                                    std::tuple{"fk", "Försäkringskassan", MemberKind::State},
                                    std::tuple{"region", "Region Västerbotten", MemberKind::Region}}) {
        if (auto m = m_repo.addMember(m_federation, code, name, kind); !m)
            return m.error();
    }
    std::map<std::string, Id> kommunIds;
    for (const auto& k : kKommuner) {
        auto m = m_repo.addMember(m_federation, k.code, k.name, MemberKind::Kommun);
        if (!m)
            return m.error();
        kommunIds[k.code] = *m;
    }

    auto doc = parseBudgetDocument(socialBudgetTemplate2021());
    if (!doc)
        return doc.error();
    doc->budget.name = "Social budget 2021 – demo";
    if (auto b = m_repo.saveBudget(m_federation, *doc, false); !b)
        return b.error();
    doc->budget.year = 2020;
    doc->budget.name = "Social budget 2020 – demo";
    if (auto b = m_repo.saveBudget(m_federation, *doc, false); !b)
        return b.error();

    std::vector<Id> teamIds;
    for (const auto& spec : kTeams) {
        auto t = m_repo.addTeam(m_federation, spec.code, spec.name, std::string(spec.kommun));
        if (!t)
            return t.error();
        teamIds.push_back(*t);
        ++m_summary.teams;
    }
    for (int year : {2020, 2021}) {
        m_exits.clear();
        for (std::size_t i = 0; i < kTeams.size(); ++i)
            if (auto s = cases(kTeams[i], teamIds[i], year); !s)
                return s.error();
    }
    // Exits per team during 2021 (cases from both years), for the invited counts.
    for (int year : {2020, 2021}) {
        for (std::size_t i = 0; i < kTeams.size(); ++i) {
            auto& db = m_repo.database();
            auto st = db.prepare("SELECT count(*) FROM cases WHERE team_id = ? AND substr(exit_date, 1, 4) = ?");
            st.bind(1, teamIds[i]).bind(2, std::to_string(year));
            st.step();
            m_exits[teamIds[i]] = static_cast<int>(st.integer(0));
        }
        for (std::size_t i = 0; i < kTeams.size(); ++i) {
            if (auto s = surveys(teamIds[i], &kTeams[i], year); !s)
                return s.error();
            if (auto s = other(kTeams[i], teamIds[i], year); !s)
                return s.error();
        }
        if (auto s = surveys(0, nullptr, year); !s)
            return s.error();
        if (auto s = m_repo.setComposition({m_federation, std::nullopt, CompositionBody::Board, year, 5, 5}); !s)
            return s.error();
        for (const char* code : {"1.2.4", "4.1.3"})
            if (auto s = m_repo.setManualAssessment({m_federation, code, std::nullopt, year, true,
                                                     "Kansliets bedömning: redovisat i årsredovisningen."});
                !s)
                return s.error();
    }
    for (const auto& k : kKommuner) {
        double share = k.haeShare2019;
        for (int year : {2019, 2020, 2021}) {
            share += (uniform(0, 99) < 70 ? -1 : 1) * uniform(1, 8) / 1000.0;
            const double total = share * static_cast<double>(k.population);
            HaeStatistic s{kommunIds[k.code], year, std::round(total), std::round(total * 0.45), std::round(total * 0.30),
                           std::round(total * 0.25), k.population};
            if (auto st = m_repo.setHaeStatistic(s); !st)
                return st.error();
        }
    }
    return m_summary;
}

}  // namespace

Result<DemoSummary> createDemoFederation(Repository& repo, std::uint64_t seed)
{
    return inTransaction<DemoSummary>(repo.database(), [&]() -> Result<DemoSummary> {
        auto summary = Generator(repo, seed).run();
        if (!summary)
            return summary;
        if (auto s = createDemoFinance(repo.database(), summary->federationId, seed); !s)
            return s.error();
        return summary;
    });
}

}  // namespace samkoll::core
