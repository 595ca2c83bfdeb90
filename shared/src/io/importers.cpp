// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/io/importers.hpp"

#include <map>
#include <set>

#include "samkoll/io/budget_json.hpp"
#include "samkoll/io/csv.hpp"
#include "csv_rows.hpp"

namespace samkoll::core {

using csv_rows::RowReader;
using csv_rows::missingColumn;

std::string ImportSummary::describe() const
{
    std::string out = file + ": " + std::to_string(rows) + " rader importerade";
    if (created || updated)
        out += " (" + std::to_string(created) + " nya, " + std::to_string(updated) + " uppdaterade)";
    return out;
}

Result<Period> parsePeriod(std::string_view text)
{
    text = trim(text);
    auto bad = [&] {
        return makeError("invalid_period", "period",
                         "ogiltig period '" + std::string(text) +
                             "' – skriv ett år (2021), en tertial (2021 T2) eller ett intervall (2021-01-01/2021-06-30)");
    };
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        auto from = Date::parse(trim(text.substr(0, slash)), "period");
        auto to = Date::parse(trim(text.substr(slash + 1)), "period");
        if (!from)
            return from.error();
        if (!to)
            return to.error();
        return Period::range(*from, *to);
    }
    if (text.size() < 4)
        return bad();
    auto year = parseInteger(text.substr(0, 4));
    if (!year || *year < 1990 || *year > 2200)
        return bad();
    auto rest = trim(text.substr(4));
    if (rest.empty())
        return Period::year(static_cast<int>(*year));
    if ((rest.size() == 2) && (rest[0] == 'T' || rest[0] == 't') && rest[1] >= '1' && rest[1] <= '3')
        return Period::tertial(static_cast<int>(*year), rest[1] - '0');
    return bad();
}

namespace {

std::uint64_t fnv1a(std::string_view data)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

Result<ImportSummary> importBudget(Repository& repo, Id federationId, std::string_view json, const std::string& fileName,
                                   bool replace)
{
    // A storage failure while looking up a question is a storage error, not "no such question".
    auto doc = guarded<BudgetDocument>([&] {
        return parseBudgetDocument(
            json, [&](const std::string& code) { return valueOrThrow(repo.questionOptions(federationId, code)); });
    });
    if (!doc) {
        Error e = doc.error();
        e.where = fileName;
        return e;
    }
    auto id = repo.saveBudget(federationId, *doc, replace);
    if (!id) {
        Error e = id.error();
        e.where = fileName;
        return e;
    }
    if (auto s = repo.noteConfigurationChanged(federationId); !s)
        return s.error();
    ImportSummary s{fileName, static_cast<int>(doc->budget.indicatorCount()), 1, 0};
    return s;
}

Result<ImportSummary> importCases(Repository& repo, Id federationId, std::string_view csvText, const std::string& fileName,
                                  Date today)
{
    auto table = parseCsv(csvText, fileName);
    if (!table)
        return table.error();
    const CsvTable& t = *table;
    const auto cCode = t.column({"code", "ärendekod", "kod"});
    const auto cTeam = t.column({"team", "verksamhet"});
    const auto cGender = t.column({"gender", "kön"});
    const auto cBirth = t.column({"birth_year", "födelseår"});
    const auto cReferral = t.column({"referral_date", "aktualiseringsdatum", "aktualiserad"});
    const auto cParty = t.column({"referring_party", "aktualiserande part"});
    const auto cDecision = t.column({"decision", "beslut"});
    const auto cDecisionDate = t.column({"decision_date", "beslutsdatum", "beredningsdatum"});
    const auto cStart = t.column({"start_date", "startdatum"});
    const auto cExit = t.column({"exit_date", "avslutsdatum"});
    const auto cOutcome = t.column({"exit_outcome", "avslutsorsak"});
    const auto cIncome = t.column({"income_support", "försörjning före start", "försörjning"});
    const auto cEducation = t.column({"education", "utbildningsnivå", "utbildning"});
    const auto cDuration = t.column({"support_duration", "tid i offentlig försörjning"});
    if (!cCode)
        return missingColumn(t, "code");
    if (!cTeam)
        return missingColumn(t, "team");
    if (!cGender)
        return missingColumn(t, "gender");
    if (!cReferral)
        return missingColumn(t, "referral_date");
    if (!cParty)
        return missingColumn(t, "referring_party");

    auto teams = repo.teams(federationId);
    if (!teams)
        return teams.error();

    return inTransaction<ImportSummary>(repo.database(), [&]() -> Result<ImportSummary> {
        ImportSummary summary{fileName, 0, 0, 0};
        std::set<std::pair<Id, std::string>> seen;
        for (const auto& row : t.rows) {
            RowReader r(t, row);
            Case c;
            c.code = r.get(cCode);
            if (auto s = validateCaseCode(c.code); !s)
                return r.wrap(s.error());

            const auto teamText = r.get(cTeam);
            const Team* team = nullptr;
            for (const auto& candidate : *teams)
                if (candidate.code == teamText || foldCase(candidate.name) == foldCase(teamText))
                    team = &candidate;
            if (!team)
                return r.error("team", "teamet '" + teamText + "' finns inte i förbundet");
            c.teamId = team->id;
            if (!seen.insert({c.teamId, c.code}).second)
                return r.error("code", "ärendekoden '" + c.code + "' förekommer två gånger i filen för samma team");

            auto gender = r.term<Gender>(cGender, "gender", true);
            if (!gender)
                return gender.error();
            c.gender = **gender;
            if (const auto by = r.get(cBirth); !by.empty()) {
                auto v = parseInteger(by);
                if (!v)
                    return r.error("birth_year", "födelseåret '" + by + "' är inget årtal");
                c.birthYear = static_cast<int>(*v);
            }
            auto referral = r.date(cReferral, "referral_date", true);
            if (!referral)
                return referral.error();
            c.referralDate = **referral;
            auto party = r.term<ReferringParty>(cParty, "referring_party", true);
            if (!party)
                return party.error();
            c.referringParty = *party;
            auto decision = r.term<Decision>(cDecision, "decision", false);
            if (!decision)
                return decision.error();
            c.decision = *decision;
            for (auto [column, field, target] :
                 {std::tuple{cDecisionDate, "decision_date", &c.decisionDate}, std::tuple{cStart, "start_date", &c.startDate},
                  std::tuple{cExit, "exit_date", &c.exitDate}}) {
                auto d = r.date(column, field, false);
                if (!d)
                    return d.error();
                *target = *d;
            }
            auto outcome = r.term<ExitOutcome>(cOutcome, "exit_outcome", false);
            if (!outcome)
                return outcome.error();
            c.exitOutcome = *outcome;
            if (const auto income = r.get(cIncome); !income.empty()) {
                std::size_t pos = 0;
                while (pos <= income.size()) {
                    auto bar = income.find('|', pos);
                    if (bar == std::string::npos)
                        bar = income.size();
                    const auto part = std::string(trim(std::string_view(income).substr(pos, bar - pos)));
                    auto v = parseTerm<IncomeSupport>(part);
                    if (!v)
                        return r.error("income_support", "okänd försörjning '" + part + "' – tillåtna (åtskilda med |): " +
                                                             listCodes(termsOf<IncomeSupport>()));
                    c.incomeSupport.push_back(*v);
                    pos = bar + 1;
                }
            }
            auto education = r.term<Education>(cEducation, "education", false);
            if (!education)
                return education.error();
            c.education = *education;
            auto duration = r.term<SupportDuration>(cDuration, "support_duration", false);
            if (!duration)
                return duration.error();
            c.supportDuration = *duration;

            // Re-importing a corrected file updates the cases it already created.
            auto existing = repo.database().cached("SELECT uid FROM cases WHERE team_id = ? AND code = ? AND deleted = 0");
            existing->bind(1, c.teamId).bind(2, c.code);
            if (existing->step()) {
                c.uid = existing->text(0);
                ++summary.updated;
            } else {
                ++summary.created;
            }
            existing->reset();
            auto saved = repo.saveCase(c, today);
            if (!saved)
                return r.wrap(saved.error());
            ++summary.rows;
        }
        return summary;
    });
}

Result<ImportSummary> importTallies(Repository& repo, Id federationId, std::string_view csvText,
                                    const std::string& fileName, const std::string& enteredBy)
{
    auto table = parseCsv(csvText, fileName);
    if (!table)
        return table.error();
    const CsvTable& t = *table;
    const auto cQuestionnaire = t.column({"questionnaire", "enkät"});
    const auto cGroup = t.column({"respondent_group", "group", "respondentgrupp"});
    const auto cTeam = t.column({"team"});
    const auto cPeriod = t.column({"period"});
    const auto cQuestion = t.column({"question", "fråga"});
    const auto cOption = t.column({"option", "svarsalternativ", "svar"});
    const auto cGender = t.column({"gender", "kön"});
    const auto cCount = t.column({"count", "antal"});
    const auto cInvited = t.column({"invited", "tillfrågade"});
    for (auto [col, name] : {std::pair{cQuestionnaire, "questionnaire"}, std::pair{cGroup, "respondent_group"},
                             std::pair{cPeriod, "period"}, std::pair{cQuestion, "question"},
                             std::pair{cOption, "option"}, std::pair{cGender, "gender"}, std::pair{cCount, "count"}})
        if (!col)
            return missingColumn(t, name);

    auto teams = repo.teams(federationId);
    if (!teams)
        return teams.error();
    auto& db = repo.database();
    const std::string filePrefix = "imp-" + std::to_string(fnv1a(csvText)) + "-";

    return inTransaction<ImportSummary>(db, [&]() -> Result<ImportSummary> {
        ImportSummary summary{fileName, 0, 0, 0};
        if (!t.rows.empty()) {
            auto st = db.prepare("SELECT 1 FROM tally_delta WHERE uid = ?");
            st.bind(1, filePrefix + std::to_string(t.rows.front().line));
            if (st.step()) {
                Error e = makeError("already_imported", "",
                                    "exakt samma fil har redan importerats – inget importerades igen, så inga svar "
                                    "räknas dubbelt. Rätta med en ny fil med negativa antal.");
                e.where = fileName;
                return e;
            }
        }
        std::map<std::string, std::int64_t> invitedByRound;
        for (const auto& row : t.rows) {
            RowReader r(t, row);
            auto group = r.term<RespondentGroup>(cGroup, "respondent_group", true);
            if (!group)
                return group.error();
            std::optional<Id> teamId;
            if (const auto teamText = r.get(cTeam); !teamText.empty()) {
                for (const auto& candidate : *teams)
                    if (candidate.code == teamText || foldCase(candidate.name) == foldCase(teamText))
                        teamId = candidate.id;
                if (!teamId)
                    return r.error("team", "teamet '" + teamText + "' finns inte i förbundet");
            }
            auto period = parsePeriod(r.get(cPeriod));
            if (!period)
                return r.wrap(period.error());
            std::optional<std::int64_t> invited;
            if (const auto inv = r.get(cInvited); !inv.empty()) {
                invited = parseInteger(inv);
                if (!invited || *invited < 0)
                    return r.error("invited", "antalet tillfrågade '" + inv + "' är inget icke-negativt heltal");
            }
            const std::string questionnaire = r.get(cQuestionnaire);
            const std::string roundKey = questionnaire + "|" + std::string(codeOf(**group)) + "|" +
                                         std::to_string(teamId.value_or(0)) + "|" + period->from.iso() + "|" +
                                         period->to.iso();
            if (invited) {
                auto [it, inserted] = invitedByRound.emplace(roundKey, *invited);
                if (!inserted && it->second != *invited)
                    return r.error("invited", "antalet tillfrågade skiljer sig från en tidigare rad för samma enkätomgång (" +
                                                  std::to_string(it->second) + ")");
            }
            auto round = repo.ensureRound(federationId, questionnaire, **group, teamId, *period, invited);
            if (!round)
                return r.wrap(round.error());

            const std::string questionCode = r.get(cQuestion);
            auto q = db.cached("SELECT id FROM question WHERE federation_id = ? AND code = ?");
            q->bind(1, federationId).bind(2, questionCode);
            if (!q->step())
                return r.error("question", "frågan '" + questionCode + "' finns inte – importera den sociala budgeten/enkäten först");
            const Id questionId = q->integer(0);
            q->reset();

            TallyDelta d;
            d.uid = filePrefix + std::to_string(row.line);
            d.roundId = *round;
            d.questionId = questionId;
            d.enteredBy = enteredBy;
            const std::string optionText = r.get(cOption);
            if (auto n = parseInteger(optionText)) {
                d.option = static_cast<int>(*n);
            } else {
                auto options = valueOrThrow(repo.questionOptions(federationId, questionCode)).value_or(std::vector<std::string>{});
                d.option = 0;
                for (std::size_t i = 0; i < options.size(); ++i)
                    if (foldCase(options[i]) == foldCase(optionText))
                        d.option = static_cast<int>(i + 1);
                if (d.option == 0) {
                    std::string all;
                    for (const auto& o : options)
                        all += (all.empty() ? "" : ", ") + o;
                    return r.error("option", "svarsalternativet '" + optionText + "' finns inte för frågan (" + all + ")");
                }
            }
            auto gender = r.term<Gender>(cGender, "gender", true);
            if (!gender)
                return gender.error();
            d.gender = **gender;
            const std::string countText = r.get(cCount);
            auto count = parseInteger(countText);
            if (!count)
                return r.error("count", "antalet '" + countText + "' är inget heltal");
            if (*count == 0)
                continue;  // an empty cell of a tally sheet
            d.delta = *count;
            auto added = repo.addTally(d);
            if (!added)
                return r.wrap(added.error());
            ++summary.rows;
            ++summary.created;
        }
        return summary;
    });
}

namespace {

struct HaeRow {
    HaeStatistic statistic;
    std::string kommun;  ///< the member's name
};

/// Every row of a HÅE file, checked (kommun a member, a year, numbers, the
/// population); nothing is written.
Result<std::vector<HaeRow>> readHae(Repository& repo, Id federationId, std::string_view csvText, const std::string& fileName)
{
    auto table = parseCsv(csvText, fileName);
    if (!table)
        return table.error();
    const CsvTable& t = *table;
    const auto cKommun = t.column({"kommun"});
    const auto cYear = t.column({"year", "år"});
    const auto cTotal = t.column({"hae_total", "håe", "håe totalt"});
    const auto cIllness = t.column({"hae_illness", "ohälsa"});
    const auto cUnemployment = t.column({"hae_unemployment", "arbetslöshetsstöd", "arbetslöshet"});
    const auto cAssistance = t.column({"hae_assistance", "ekonomiskt bistånd"});
    const auto cPopulation = t.column({"population_20_64", "befolkning 20-64", "befolkning 20–64", "befolkning"});
    for (auto [col, name] : {std::pair{cKommun, "kommun"}, std::pair{cYear, "year"}, std::pair{cTotal, "hae_total"},
                             std::pair{cPopulation, "population_20_64"}})
        if (!col)
            return missingColumn(t, name);
    auto members = repo.members(federationId);
    if (!members)
        return members.error();

    return guarded<std::vector<HaeRow>>([&]() -> Result<std::vector<HaeRow>> {
        std::vector<HaeRow> read;
        std::set<std::pair<Id, int>> seen;
        for (const auto& row : t.rows) {
            RowReader r(t, row);
            const auto kommunText = r.get(cKommun);
            const Member* kommun = nullptr;
            for (const auto& m : *members)
                if (m.kind == MemberKind::Kommun && (m.code == kommunText || foldCase(m.name) == foldCase(kommunText)))
                    kommun = &m;
            if (!kommun)
                return r.error("kommun", "kommunen '" + kommunText + "' är inte medlem i förbundet");
            HaeStatistic s;
            s.kommunId = kommun->id;
            const auto yearText = r.get(cYear);
            auto year = parseInteger(yearText);
            if (!year || *year < 1990 || *year > 2200)
                return r.error("year", "året '" + yearText + "' är inget årtal");
            s.year = static_cast<int>(*year);
            if (!seen.insert({s.kommunId, s.year}).second)
                return r.error("year", kommun->name + " " + std::to_string(s.year) + " förekommer två gånger i filen");
            auto decimal = [&](std::optional<std::size_t> col, const char* field, bool required, double& out) -> Status {
                const auto text = r.get(col);
                if (text.empty()) {
                    if (required)
                        return r.error(field, "värde saknas", "required");
                    return {};
                }
                auto v = parseDecimal(text);
                if (!v || *v < 0)
                    return r.error(field, "'" + text + "' är inget icke-negativt tal");
                out = *v;
                return {};
            };
            for (auto [col, field, required, target] :
                 {std::tuple{cTotal, "hae_total", true, &s.total}, std::tuple{cIllness, "hae_illness", false, &s.illness},
                  std::tuple{cUnemployment, "hae_unemployment", false, &s.unemployment},
                  std::tuple{cAssistance, "hae_assistance", false, &s.assistance}}) {
                if (auto st = decimal(col, field, required, *target); !st)
                    return st.error();
            }
            const auto popText = r.get(cPopulation);
            auto pop = parseInteger(popText);
            if (!pop || *pop <= 0)
                return r.error("population_20_64", "befolkningen '" + popText + "' ska vara ett positivt heltal");
            s.population = *pop;
            if (s.total > static_cast<double>(s.population))
                return r.error("hae_total", "fler helårsekvivalenter än invånare 20–64 år – kontrollera kolumnerna");
            read.push_back({s, kommun->name});
        }
        return read;
    });
}

bool sameFigures(const HaeStatistic& a, const HaeStatistic& b)
{
    return a.total == b.total && a.illness == b.illness && a.unemployment == b.unemployment &&
           a.assistance == b.assistance && a.population == b.population;
}

}  // namespace

Result<HaePreview> importHae(Repository& repo, Id federationId, std::string_view csvText, const std::string& fileName,
                             bool apply)
{
    auto rows = readHae(repo, federationId, csvText, fileName);
    if (!rows)
        return rows.error();
    return inTransaction<HaePreview>(repo.database(), [&]() -> Result<HaePreview> {
        HaePreview preview;
        preview.file = fileName;
        std::map<int, std::vector<HaeStatistic>> stored;
        for (const auto& row : *rows) {
            const int year = row.statistic.year;
            if (!stored.count(year)) {
                auto existing = repo.haeStatistics(federationId, year);
                if (!existing)
                    return existing.error();
                stored[year] = std::move(*existing);
            }
            HaeChange change;
            change.kommun = row.kommun;
            change.after = row.statistic;
            for (const auto& h : stored[year])
                if (h.kommunId == row.statistic.kommunId)
                    change.before = h;
            if (change.before && sameFigures(*change.before, change.after)) {
                ++preview.unchanged;
                continue;
            }
            if (apply)
                if (auto st = repo.setHaeStatistic(row.statistic); !st)
                    return st.error();
            preview.changes.push_back(std::move(change));
        }
        // HÅE figures travel with the förbund's configuration.
        if (apply && !preview.changes.empty())
            if (auto st = repo.noteConfigurationChanged(federationId); !st)
                return st.error();
        preview.applied = apply;
        return preview;
    });
}

}  // namespace samkoll::core
