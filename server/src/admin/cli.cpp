// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.hpp"

#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "accounts.hpp"
#include "api.hpp"
#include "crypto.hpp"
#include "http_server.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/domain/text.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/io/budget_json.hpp"
#include "samkoll/io/csv.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/store/backup.hpp"
#include "samkoll/io/finance_import.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/index/index_snapshot.hpp"
#include "samkoll/report/document.hpp"
#ifdef SAMKOLL_HAVE_PDF
#include "pdf_document.hpp"
#endif
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/participant_stats.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/store/schema.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::server {

using namespace samkoll::core;

namespace {

constexpr const char* kUsage = R"(samkolld – Samkolls server och administrationsverktyg

Användning:
  samkolld --version
  samkolld finance unit     --db FIL --code KOD --name NAMN [--net]
  samkolld finance line     --db FIL --code KOD --name NAMN --group income|administration|operations|interventions|financial
                            --unit ENHET [--team KOD] [--member KOD]
  samkolld finance budget   --db FIL --line KOD --year ÅR (--amount KR | --months "KR;…;KR" med tolv belopp) [--revise]
  samkolld finance outcome  --db FIL --line KOD --year ÅR --month 1-12 --amount KR
  samkolld finance forecast --db FIL --line KOD --year ÅR --amount KR
  samkolld finance equity   --db FIL --year ÅR --opening KR
  samkolld finance report   --db FIL --year ÅR [--tertial 1-3] [--format text|json|csv [--table drift|medlemmar|kostnad|femar]]
  samkolld finance setting  --db FIL --key equity_rule|member_key --from DATUM --value VÄRDE
  samkolld finance import-budget  --db FIL --file BUDGET.csv [--revise]
  samkolld finance import-outcome --db FIL --file UTFALL.csv [--dry-run]
  samkolld finance mapping  --db FIL [--file MAPPNING.csv]  (utan --file: skriver den sparade mappningen)
  samkolld finance sie      --db FIL --file FIL.se [--mapping MAPPNING.csv] [--dry-run] [--budget]
          (belopp i kronor med tecken: intäkter positiva, kostnader negativa; öre med decimalkomma)
  samkolld init        --db FIL
  samkolld demo        --db FIL [--seed N]
  samkolld federation  add  --db FIL --code KOD --name NAMN
  samkolld federation  list --db FIL
  samkolld member      add  --db FIL [--federation KOD] --code KOD --name NAMN --kind state|region|kommun
  samkolld team        add  --db FIL [--federation KOD] --code KOD --name NAMN [--kommun KOD]
  samkolld team        list --db FIL [--federation KOD]
  samkolld template    [--year 2021]                       (skriver mallen för social budget som JSON)
  samkolld template    --nns [--year ÅR]                   (NNS kärnindikatorer som mall, 26 mätpunkter)
  samkolld import      budget|cases|tallies|hae --db FIL [--federation KOD] --file FIL  (hae: [--dry-run] visar ändringarna)
                       [--replace] [--entered-by NAMN]
  samkolld report      bokslut|drift|delar|statistik|ranking --db FIL --year ÅR [--tertial 1-3]
                       [--team KOD|alla] [--for kansli|board]
                       [--format pdf|html|csv] --out FIL   (csv: en fil per tabell, FIL-index.csv …)
  samkolld index       --db FIL --year ÅR [--tertial 1-3 | --from DATUM --to DATUM]
                       [--team KOD] [--federation KOD] [--format text|json]
  samkolld stats       --db FIL --year ÅR [--tertial 1-3 | --from DATUM --to DATUM]
                       [--team KOD] [--federation KOD] [--format text|json]
  samkolld backup      --db FIL --to KOPIA       (medan servern kör; kopian kontrolleras)
  samkolld restore     --from KOPIA --db FIL     (stoppa servern först; den tidigare sparas)
  samkolld check       --db FIL                  (integritet, främmande nycklar, schemaversion)
  samkolld lock        --db FIL --year ÅR --by NAMN [--federation KOD]
  samkolld unlock      --db FIL --year ÅR [--federation KOD]

Server och konton:
  samkolld cert        --cert FIL --key FIL [--host NAMN] [--days 825]
  samkolld serve       --db FIL --cert FIL --key FIL [--address 0.0.0.0] [--port 8443] [--threads 2]
  samkolld serve       --db FIL --allow-plain [--address 127.0.0.1] [--port 8080]   (bara loopback)
  samkolld user add    --db FIL [--federation KOD] --login NAMN --role coordinator|central_office|board [--team KOD]
  samkolld enrol-code  --db FIL [--federation KOD] --login NAMN [--days 14]
  samkolld device list --db FIL [--federation KOD]
  samkolld device revoke --db FIL --device ID

Filformaten beskrivs i docs/formats.md.
)";

/// Parsed command line: words, then --options with values, and flags.
struct Args {
    std::vector<std::string> words;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;

    [[nodiscard]] std::string get(const std::string& key, const std::string& fallback = {}) const
    {
        auto it = options.find(key);
        return it == options.end() ? fallback : it->second;
    }
    [[nodiscard]] bool has(const std::string& key) const { return options.count(key) > 0; }
};

struct UsageError {
    std::string message;
};

Args parse(const std::vector<std::string>& raw)
{
    static const std::set<std::string> kFlags{"replace", "help", "allow-plain", "version", "net", "revise", "dry-run", "budget", "nns"};
    static const std::set<std::string> kValued{"db",   "code",    "name", "kind",   "kommun",     "federation",
                                               "file", "year",    "team", "format", "tertial",    "from",
                                               "to",   "seed",    "by",   "entered-by", "cert", "key", "host", "days", "address", "port", "threads",
                                               "login", "role", "device", "group", "unit", "member", "line",
                                               "amount", "months", "month", "opening", "mapping", "table", "key", "value", "out", "for"};
    Args a;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string& s = raw[i];
        if (s.rfind("--", 0) != 0) {
            a.words.push_back(s);
            continue;
        }
        std::string key = s.substr(2);
        std::optional<std::string> value;
        if (auto eq = key.find('='); eq != std::string::npos) {
            value = key.substr(eq + 1);
            key = key.substr(0, eq);
        }
        if (kFlags.count(key)) {
            a.flags.insert(key);
            continue;
        }
        if (!kValued.count(key))
            throw UsageError{"okänt alternativ --" + key};
        if (!value) {
            if (i + 1 >= raw.size())
                throw UsageError{"--" + key + " behöver ett värde"};
            value = raw[++i];
        }
        a.options[key] = *value;
    }
    return a;
}

std::string required(const Args& a, const std::string& key)
{
    if (!a.has(key) || a.get(key).empty())
        throw UsageError{"--" + key + " saknas"};
    return a.get(key);
}

/// A refused operation: the Error goes to stderr and the exit code is 1.
struct Failure {
    Error error;
};

template <typename T>
T check(Result<T> r)
{
    if (!r)
        throw Failure{r.error()};
    return std::move(r).value();
}

void check(const Status& s)
{
    if (!s)
        throw Failure{s.error()};
}

std::unique_ptr<Database> openDb(const Args& a, bool mustExist = true)
{
    const auto path = required(a, "db");
    return check(mustExist ? Database::openExisting(path) : Database::open(path));
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Failure{makeError("not_found", "file", "kan inte läsa filen " + path)};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int intOption(const Args& a, const std::string& key, int lo, int hi)
{
    const auto text = required(a, key);
    auto v = parseInteger(text);
    if (!v || *v < lo || *v > hi)
        throw UsageError{"--" + key + " ska vara ett heltal " + std::to_string(lo) + "–" + std::to_string(hi) +
                         " (fick '" + text + "')"};
    return static_cast<int>(*v);
}

Period periodFrom(const Args& a)
{
    if (a.has("from") || a.has("to")) {
        auto from = Date::parse(required(a, "from"), "from");
        auto to = Date::parse(required(a, "to"), "to");
        if (!from)
            throw Failure{from.error()};
        if (!to)
            throw Failure{to.error()};
        return check(Period::range(*from, *to));
    }
    const int year = intOption(a, "year", 1990, 2200);
    if (a.has("tertial"))
        return Period::tertial(year, intOption(a, "tertial", 1, 3));
    return Period::year(year);
}

enum class Format { Text, Json };

Format formatFrom(const Args& a)
{
    const auto f = a.get("format", "text");
    if (f == "text")
        return Format::Text;
    if (f == "json")
        return Format::Json;
    throw UsageError{"--format ska vara text eller json"};
}

int cmdInit(const Args& a, std::ostream& out)
{
    auto db = openDb(a, false);
    out << "Databasen " << db->path() << " är klar (schemaversion " << db->schemaVersion() << ").\n";
    return 0;
}

int cmdDemo(const Args& a, std::ostream& out)
{
    auto db = openDb(a, false);
    Repository repo(*db);
    auto feds = check(repo.federations());
    for (const auto& f : feds)
        if (f.code == "umea")
            throw Failure{makeError("duplicate", "db", "databasen har redan demoförbundet – använd en ny fil")};
    const auto seed = a.has("seed") ? static_cast<std::uint64_t>(intOption(a, "seed", 0, 1 << 30)) : 2021u;
    const auto s = check(createDemoFederation(repo, seed));
    out << "Demoförbundet skapat: " << s.teams << " team, " << s.cases << " ärenden, " << s.tallyRows
        << " enkätrader, " << s.stories << " framgångsbeskrivningar.\n";
    return 0;
}

int cmdFederation(const Args& a, std::ostream& out)
{
    const auto sub = a.words.size() > 1 ? a.words[1] : "";
    auto db = openDb(a);
    Repository repo(*db);
    if (sub == "add") {
        check(repo.addFederation(required(a, "code"), required(a, "name")));
        out << "Förbundet " << a.get("code") << " skapat.\n";
        return 0;
    }
    if (sub == "list") {
        for (const auto& f : check(repo.federations()))
            out << f.code << "\t" << f.name << "\n";
        return 0;
    }
    throw UsageError{"ange 'federation add' eller 'federation list'"};
}

int cmdMember(const Args& a, std::ostream& out)
{
    if (a.words.size() < 2 || a.words[1] != "add")
        throw UsageError{"ange 'member add'"};
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    auto kind = parseTerm<MemberKind>(required(a, "kind"));
    if (!kind)
        throw UsageError{"--kind ska vara state, region eller kommun"};
    check(repo.addMember(fed.id, required(a, "code"), required(a, "name"), *kind));
    out << "Medlemmen " << a.get("code") << " tillagd i " << fed.name << ".\n";
    return 0;
}

int cmdTeam(const Args& a, std::ostream& out)
{
    const auto sub = a.words.size() > 1 ? a.words[1] : "";
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    if (sub == "add") {
        std::optional<std::string> kommun;
        if (a.has("kommun"))
            kommun = a.get("kommun");
        check(repo.addTeam(fed.id, required(a, "code"), required(a, "name"), kommun));
        out << "Teamet " << a.get("code") << " tillagt i " << fed.name << ".\n";
        return 0;
    }
    if (sub == "list") {
        for (const auto& t : check(repo.teams(fed.id)))
            out << t.code << "\t" << t.name << "\n";
        return 0;
    }
    throw UsageError{"ange 'team add' eller 'team list'"};
}

int cmdTemplate(const Args& a, std::ostream& out)
{
    if (a.flags.count("nns")) {
        // The NNS core indicators are not tied to a year: the one asked for, this one by default.
        auto doc = nlohmann::json::parse(socialBudgetTemplateNns());
        doc["year"] = a.has("year") ? intOption(a, "year", 1990, 2200) : Date::today().year;
        out << doc.dump(2) << "\n";
        return 0;
    }
    if (a.has("year") && a.get("year") != "2021")
        throw Failure{makeError("not_found", "year", "den inbyggda mallen är 2021 års sociala budget – ändra \"year\" i filen")};
    out << socialBudgetTemplate2021();
    return 0;
}

int cmdImport(const Args& a, std::ostream& out)
{
    const auto what = a.words.size() > 1 ? a.words[1] : "";
    if (what != "budget" && what != "cases" && what != "tallies" && what != "hae")
        throw UsageError{"ange vad som ska importeras: budget, cases, tallies eller hae"};
    const auto path = required(a, "file");
    const auto content = readFile(path);
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    if (what == "hae") {
        const auto preview = check(importHae(repo, fed.id, content, path, !a.flags.count("dry-run")));
        out << path << ": " << preview.changes.size() << " kommunår nya eller ändrade, " << preview.unchanged
            << " oförändrade" << (preview.applied ? "" : " (inget sparat: --dry-run)") << ".\n";
        for (const auto& c : preview.changes)
            out << "  " << c.kommun << " " << c.after.year << ": HÅE " << formatDecimal(c.after.total, 1)
                << (c.before ? " (var " + formatDecimal(c.before->total, 1) + ")" : std::string(" (ny)")) << "\n";
        return 0;
    }
    Result<ImportSummary> r = what == "budget"  ? importBudget(repo, fed.id, content, path, a.flags.count("replace") > 0)
                              : what == "cases" ? importCases(repo, fed.id, content, path, Date::today())
                                                : importTallies(repo, fed.id, content, path, a.get("entered-by", "samkolld"));
    out << check(std::move(r)).describe() << ".\n";
    return 0;
}

/// The index of the period the options name, and the team they name (by code
/// or name; reports are keyed by code, empty for the whole förbund).
struct IndexRequest {
    FederationIndex index;
    std::string teamCode;
};

IndexRequest indexFrom(const Args& a)
{
    const auto period = periodFrom(a);
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    std::string teamCode = a.has("team") ? check(repo.team(fed.id, a.get("team"))).code : std::string();
    return {check(computeFederationIndex(*db, fed.id, period)), std::move(teamCode)};
}

int cmdIndex(const Args& a, std::ostream& out)
{
    const auto format = formatFrom(a);
    const auto [index, teamCode] = indexFrom(a);
    if (format == Format::Json)
        out << federationIndexToJson(index, teamCode).dump(2) << "\n";
    else
        out << renderFederationIndexText(index, teamCode);
    return 0;
}

/// A document for the board or the kansli, written to a file (HTML) or one
/// file per table (CSV) — the same description the client will save.
int cmdReport(const Args& a, std::ostream& out)
{
    const std::string kindText = a.words.size() >= 2 ? a.words[1] : "";
    const auto kind = reportKindFrom(kindText);
    if (!kind)
        throw UsageError{"ange vilken rapport: samkolld report bokslut|drift|delar|statistik|ranking …"};
    const auto format = a.get("format", "pdf");
    if (format != "pdf" && format != "html" && format != "csv")
        throw UsageError{"--format ska vara pdf, html eller csv"};
    const auto audienceText = a.get("for", "kansli");
    if (audienceText != "kansli" && audienceText != "board")
        throw UsageError{"--for ska vara kansli eller board"};
    if (!a.has("out"))
        throw UsageError{"ange --out FIL"};
    const auto target = a.get("out");
    ReportRequest request;
    request.kind = *kind;
    request.year = intOption(a, "year", 1990, 2200);
    if (a.has("tertial"))
        request.tertial = intOption(a, "tertial", 1, 3);
    request.team = a.get("team", "");
    request.audience = audienceText == "board" ? Audience::Board : Audience::CentralOffice;
    auto db = openDb(a);
    const auto fed = check(Repository(*db).federation(a.get("federation")));
    const Document document = check(buildReport(*db, fed.id, request, localTimeText()));
    if (format == "pdf") {
#ifdef SAMKOLL_HAVE_PDF
        const int pages = check(pdf::writeDocumentPdf(document, target));
        out << "skrev " << target << " (" << pages << (pages == 1 ? " sida" : " sidor") << ")\n";
        return 0;
#else
        throw UsageError{"den här samkolld är byggd utan PDF (Qt saknas) – välj --format html eller csv"};
#endif
    }
    for (const auto& file : check(writeDocumentFiles(document, format, target)))
        out << "skrev " << file << "\n";
    return 0;
}

int cmdStats(const Args& a, std::ostream& out)
{
    const auto format = formatFrom(a);
    const auto period = periodFrom(a);
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    std::optional<Id> teamId;
    if (a.has("team"))
        teamId = check(repo.team(fed.id, a.get("team"))).id;
    const auto stats = check(computeParticipantStatistics(*db, fed.id, teamId, period));
    if (format == Format::Json)
        out << participantStatisticsToJson(stats).dump(2) << "\n";
    else
        out << renderParticipantStatisticsText(stats);
    return 0;
}

int cmdLock(const Args& a, std::ostream& out, bool lock)
{
    const int year = intOption(a, "year", 1990, 2200);
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    if (!lock) {
        check(repo.unlockYear(fed.id, year));
        out << year << " är öppnat igen för ändringar.\n";
        return 0;
    }
    const auto approval = check(approveYear(*db, fed.id, year, required(a, "by")));
    const auto approved = indexSnapshotFromJson(approval.snapshot);
    const auto& total = approved ? approved->federationIndex.total.index : std::optional<int>();
    out << year << " är fastställt och låst; siffrorna har sparats som de godkändes (index "
        << (total ? std::to_string(*total) : "–") << ").\n";
    return 0;
}

/// "−1 234 567,50" kronor → öre.
finance::Amount kronorOption(const Args& a, const std::string& key)
{
    const auto text = required(a, key);
    auto amount = parseKronor(text);
    if (!amount)
        throw UsageError{"--" + key + " ska vara ett belopp i kronor, t.ex. -125000 eller 1 234,50 (fick '" + text + "')"};
    return *amount;
}

int cmdFinance(const Args& a, std::ostream& out)
{
    using namespace finance;
    if (a.words.size() < 2)
        throw UsageError{"ange vad: finance unit|line|budget|outcome|forecast|equity|report|setting|import-budget|"
                         "import-outcome|mapping|sie"};
    const auto& what = a.words[1];
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    FinanceStore store(*db);
    if (what == "unit") {
        check(store.addUnit(fed.id, required(a, "code"), required(a, "name"), a.flags.count("net") > 0));
        out << "Budgetenheten " << a.get("code") << " är tillagd.\n";
        return 0;
    }
    if (what == "line") {
        const auto group = parseLineGroup(required(a, "group"));
        if (!group)
            throw UsageError{"--group ska vara income, administration, operations, interventions eller financial"};
        check(store.addLine(fed.id, {required(a, "code"), required(a, "name"), *group, required(a, "unit"), a.get("team"),
                                     a.get("member")}));
        out << "Budgetraden " << a.get("code") << " är tillagd.\n";
        return 0;
    }
    if (what == "budget") {
        const int year = intOption(a, "year", 1990, 2200);
        std::optional<std::array<Amount, 12>> months;
        Amount total = 0;
        if (a.has("months")) {
            months = std::array<Amount, 12>{};
            const auto text = a.get("months");
            std::size_t pos = 0;
            for (int m = 0; m < 12; ++m) {
                const auto end = text.find(';', pos);
                auto amount = parseKronor(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
                if (!amount || (m < 11 && end == std::string::npos))
                    throw UsageError{"--months ska vara tolv belopp i kronor åtskilda av ';'"};
                (*months)[static_cast<std::size_t>(m)] = *amount;
                pos = end + 1;
            }
        } else {
            total = kronorOption(a, "amount");
        }
        check(a.flags.count("revise") ? store.reviseBudget(fed.id, required(a, "line"), year, total, months)
                                      : store.setBudget(fed.id, required(a, "line"), year, total, months));
        out << "Budgeten för " << a.get("line") << " " << year << " är sparad.\n";
        return 0;
    }
    if (what == "outcome") {
        check(store.setOutcome(fed.id, required(a, "line"), intOption(a, "year", 1990, 2200), intOption(a, "month", 1, 12),
                               kronorOption(a, "amount")));
        out << "Utfallet är sparat.\n";
        return 0;
    }
    if (what == "forecast") {
        check(store.setForecast(fed.id, required(a, "line"), intOption(a, "year", 1990, 2200), kronorOption(a, "amount")));
        out << "Prognosen är sparad.\n";
        return 0;
    }
    if (what == "equity") {
        check(store.setOpeningEquity(fed.id, intOption(a, "year", 1990, 2200), kronorOption(a, "opening")));
        out << "Ingående eget kapital är sparat.\n";
        return 0;
    }
    if (what == "report") {
        const int year = intOption(a, "year", 1990, 2200);
        const auto tertial = a.has("tertial") ? std::optional<int>(intOption(a, "tertial", 1, 3)) : std::nullopt;
        const auto overview = check(computeFinanceOverview(*db, fed.id, year, tertial));
        const auto format = a.get("format", "text");
        if (format == "json")
            out << financeOverviewToJson(overview).dump(2) << "\n";
        else if (format == "csv")
            out << check(financeOverviewCsv(overview, a.get("table", "drift")));
        else if (format == "text")
            out << renderFinanceOverviewText(overview);
        else
            throw UsageError{"--format ska vara text, json eller csv"};
        return 0;
    }
    if (what == "setting") {
        const auto from = Date::parse(required(a, "from"), "from");
        if (!from)
            throw UsageError{"--from ska vara ett datum ÅÅÅÅ-MM-DD"};
        check(store.setSetting(fed.id, required(a, "key"), *from, required(a, "value")));
        out << "Inställningen " << a.get("key") << " gäller från " << from->iso() << ".\n";
        return 0;
    }
    if (what == "import-budget") {
        const auto path = required(a, "file");
        const auto summary = check(importFinanceBudget(store, fed.id, readFile(path), path, a.flags.count("revise") > 0));
        out << path << ": budget för " << summary.rows << " rader sparad (" << summary.created << " nya budgetrader)"
            << (a.flags.count("revise") ? ", som reviderad budget" : "") << ".\n";
        return 0;
    }
    if (what == "import-outcome") {
        const auto path = required(a, "file");
        const auto result = check(importFinanceOutcome(store, fed.id, readFile(path), path, a.flags.count("dry-run") == 0));
        out << path << ":\n" << describeOutcomeImport(result);
        return 0;
    }
    if (what == "mapping") {
        if (a.has("file")) {
            const auto path = required(a, "file");
            const auto summary = check(importAccountMapping(store, fed.id, readFile(path), path));
            out << "Kontomappningen är sparad: " << summary.rows << " regler.\n";
            return 0;
        }
        const auto rules = check(store.mapping(fed.id));
        if (rules.empty())
            out << "Ingen kontomappning ännu (samkolld finance mapping --file MAPPNING.csv).\n";
        for (const auto& r : rules)
            out << padRight(r.accountsText(), 14)
                << padRight(r.object.empty() ? std::string() : "dim " + r.dimension + " objekt " + r.object, 24) << "→ "
                << r.line << "\n";
        return 0;
    }
    if (what == "sie") {
        const auto path = required(a, "file");
        if (a.has("mapping")) {
            const auto mappingPath = a.get("mapping");
            check(importAccountMapping(store, fed.id, readFile(mappingPath), mappingPath));
        }
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw Failure{makeError("file", "file", "kan inte läsa " + path)};
        SieOptions options;
        options.apply = a.flags.count("dry-run") == 0;
        options.budget = a.flags.count("budget") > 0;
        const auto result = check(importSie(store, fed.id, in, path, options));
        out << describeSieImport(result);
        return 0;
    }
    throw UsageError{"okänt: finance " + what};
}

/// backup, restore and check: the database's care (docs/drift.md).
int cmdBackup(const std::string& cmd, const Args& a, std::ostream& out)
{
    if (cmd == "check") {
        const auto result = check(checkDatabase(required(a, "db")));
        out << result.verdict() << "\n";
        return result.ok ? 0 : 1;
    }
    if (cmd == "backup") {
        const auto to = required(a, "to");
        auto db = openDb(a);
        check(backupDatabase(*db, to));
        const auto copy = check(checkDatabase(to));
        out << "Säkerhetskopian " << to << " är gjord. " << copy.verdict() << "\n";
        return copy.ok ? 0 : 1;
    }
    const auto kept = check(restoreDatabase(required(a, "from"), required(a, "db")));
    out << "Databasen " << a.get("db") << " är återställd från " << a.get("from") << "."
        << (kept.empty() ? std::string() : " Den tidigare finns kvar som " + kept + ".") << "\n";
    return 0;
}

int cmdCert(const Args& a, std::ostream& out)
{
    const auto cert = required(a, "cert");
    const auto key = required(a, "key");
    const int days = a.has("days") ? intOption(a, "days", 1, 3650) : 825;
    try {
        writeSelfSignedCertificate(cert, key, a.get("host", "localhost"), days);
    } catch (const std::runtime_error& e) {
        throw Failure{makeError("certificate", "cert", e.what())};
    }
    out << "Självsignerat certifikat skrivet till " << cert << " och nyckel till " << key
        << ". Klienterna litar på certifikatet när de registreras.\n";
    return 0;
}

int cmdServe(const Args& a, std::ostream& out)
{
    ServerConfig config;
    const auto path = required(a, "db");
    check(Database::openExisting(path));  // migrate once, before the threads open their connections
    config.address = a.get("address", a.flags.count("allow-plain") ? "127.0.0.1" : "0.0.0.0");
    config.port = static_cast<std::uint16_t>(a.has("port") ? intOption(a, "port", 0, 65535) : 8443);
    config.threads = a.has("threads") ? intOption(a, "threads", 1, 256) : 2;
    config.certificateFile = a.get("cert");
    config.keyFile = a.get("key");
    config.allowPlain = a.flags.count("allow-plain") > 0;
    if (!config.certificateFile.empty() && config.keyFile.empty())
        throw UsageError{"--key saknas"};
    config.workerThreads = config.threads;
    auto api = std::make_shared<Api>(path);
    HttpServer server(
        config, [api](const Request& req, const std::string& remote) { return api->handle(req, remote); },
        [api](const Request& req) { return api->slow(req); });
    std::uint16_t port = 0;
    try {
        port = server.start();
    } catch (const std::runtime_error& e) {
        throw Failure{makeError("serve", "", e.what())};
    }
    out << "samkolld lyssnar på " << (config.certificateFile.empty() ? "http" : "https") << "://" << config.address
        << ":" << port << "/ (" << config.threads << " trådar). Avsluta med Ctrl+C eller SIGTERM.\n"
        << std::flush;
    server.run();
    out << "samkolld har avslutats.\n";
    return 0;
}

int cmdUser(const Args& a, std::ostream& out)
{
    if (a.words.size() < 2 || a.words[1] != "add")
        throw UsageError{"ange 'user add'"};
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    auto role = parseRole(required(a, "role"));
    if (!role)
        throw UsageError{"--role ska vara coordinator, central_office eller board"};
    check(Accounts(*db).addUser(fed.id, required(a, "login"), *role, a.get("team")));
    out << "Användaren " << a.get("login") << " (" << codeOf(*role) << ") skapad. Skapa en registreringskod med "
        << "'samkolld enrol-code --login " << a.get("login") << "'.\n";
    return 0;
}

int cmdEnrolCode(const Args& a, std::ostream& out)
{
    auto db = openDb(a);
    Repository repo(*db);
    const auto fed = check(repo.federation(a.get("federation")));
    const int days = a.has("days") ? intOption(a, "days", 1, 90) : 14;
    const auto code = check(Accounts(*db).newEnrolmentCode(fed.id, required(a, "login"), days));
    out << code << "\n";
    return 0;
}

int cmdDevice(const Args& a, std::ostream& out)
{
    const auto sub = a.words.size() > 1 ? a.words[1] : "";
    auto db = openDb(a);
    Accounts accounts(*db);
    if (sub == "revoke") {
        check(accounts.revoke(required(a, "device")));
        out << "Enheten " << a.get("device") << " är spärrad.\n";
        return 0;
    }
    if (sub == "list") {
        const auto fed = check(Repository(*db).federation(a.get("federation")));
        for (const auto& d : check(accounts.devices(fed.id)))
            out << d.id << "\t" << printable(d.login, 200) << "\t" << printable(d.name, 200) << "\t" << d.createdAt << (d.revoked ? "\tspärrad" : "")
                << "\n";
        return 0;
    }
    throw UsageError{"ange 'device list' eller 'device revoke'"};
}

}  // namespace

int runAdminCli(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err)
{
    try {
        const Args a = parse(raw);
        if (a.flags.count("version") || (!a.words.empty() && a.words[0] == "version")) {
            out << "samkolld " << SAMKOLL_VERSION << " (protokoll " << kProtocolVersion << ", schema "
                << currentSchemaVersion() << ")\n";
            return 0;
        }
        if (a.words.empty() || a.flags.count("help") || a.words[0] == "help") {
            (a.words.empty() && !a.flags.count("help") ? err : out) << kUsage;
            return a.words.empty() && !a.flags.count("help") ? 2 : 0;
        }
        const auto& cmd = a.words[0];
        if (cmd == "init")
            return cmdInit(a, out);
        if (cmd == "demo")
            return cmdDemo(a, out);
        if (cmd == "federation")
            return cmdFederation(a, out);
        if (cmd == "member")
            return cmdMember(a, out);
        if (cmd == "team")
            return cmdTeam(a, out);
        if (cmd == "template")
            return cmdTemplate(a, out);
        if (cmd == "import")
            return cmdImport(a, out);
        if (cmd == "report")
            return cmdReport(a, out);
        if (cmd == "index")
            return cmdIndex(a, out);
        if (cmd == "stats")
            return cmdStats(a, out);
        if (cmd == "lock")
            return cmdLock(a, out, true);
        if (cmd == "unlock")
            return cmdLock(a, out, false);
        if (cmd == "cert")
            return cmdCert(a, out);
        if (cmd == "serve")
            return cmdServe(a, out);
        if (cmd == "user")
            return cmdUser(a, out);
        if (cmd == "enrol-code")
            return cmdEnrolCode(a, out);
        if (cmd == "device")
            return cmdDevice(a, out);
        if (cmd == "finance")
            return cmdFinance(a, out);
        if (cmd == "backup" || cmd == "restore" || cmd == "check")
            return cmdBackup(cmd, a, out);
        throw UsageError{"okänt kommando '" + cmd + "'"};
    } catch (const UsageError& e) {
        err << "samkolld: " << e.message << "\n\n" << kUsage;
        return 2;
    } catch (const Failure& f) {
        err << "samkolld: " << f.error.describe() << "\n";
        return 1;
    } catch (const std::exception& e) {
        err << "samkolld: oväntat fel: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace samkoll::server
