// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/protocol.hpp"

#include "samkoll/domain/json_reader.hpp"
#include "samkoll/sync/case_fields.hpp"
#include "samkoll/sync/hlc.hpp"

namespace samkoll::core {

using nlohmann::json;
using namespace json_reader;

namespace {

constexpr const char* kKinds[] = {"case.upsert",     "case.delete",     "tally.add",        "conflict.resolve",
                                  "story.upsert",    "composition.set", "round.invited",    "finance.line",
                                  "finance.budget",  "finance.outcome", "finance.forecast", "finance.equity",
                                  "finance.setting", "judgment.set"};
static_assert(std::size(kKinds) == static_cast<std::size_t>(OperationKind::JudgmentSet) + 1);

/// Öre within ±10¹⁵ (ten thousand billion kronor): every förbund's money, and no overflow in a sum.
constexpr long long kMaxAmount = 1'000'000'000'000'000LL;

std::optional<std::int64_t> optionalAmount(const json& j, const std::string& path, const char* key)
{
    if (!j.contains(key) || j[key].is_null())
        return std::nullopt;
    return integer(j, path, key, -kMaxAmount, kMaxAmount);
}

/// The finance operations that carry what the editor saw: one figure each.
bool hasBase(OperationKind kind)
{
    return kind == OperationKind::FinanceBudget || kind == OperationKind::FinanceOutcome ||
           kind == OperationKind::FinanceForecast || kind == OperationKind::FinanceEquity;
}

void parseFinance(const json& j, const std::string& path, Operation& op)
{
    auto& f = op.finance;
    auto year = [&] { f.year = static_cast<int>(integer(j, path, "year", 1990, 2200)); };
    auto optionalLabel = [&](const char* key) {
        return j.contains(key) && !j[key].is_null() ? label(j, path, key, 100) : std::string();
    };
    switch (op.kind) {
    case OperationKind::FinanceLine:
        f.line = label(j, path, "line", 40);
        f.name = text(j, path, "name", 200);
        f.group = label(j, path, "group", 40);
        f.unit = label(j, path, "unit", 40);
        f.team = optionalLabel("team");
        f.member = optionalLabel("member");
        break;
    case OperationKind::FinanceBudget:
        f.line = label(j, path, "line", 40);
        year();
        f.revise = j.value("revise", false);
        if (j.contains("months") && !j["months"].is_null()) {
            const auto& months = j["months"];
            if (!months.is_array() || months.size() != 12)
                fail(path + ".months", "ska vara tolv belopp i öre");
            f.months = std::array<std::int64_t, 12>{};
            for (std::size_t m = 0; m < 12; ++m) {
                if (!months[m].is_number_integer() || months[m].get<long long>() < -kMaxAmount ||
                    months[m].get<long long>() > kMaxAmount)
                    fail(path + ".months[" + std::to_string(m) + "]", "ska vara ett belopp i öre");
                (*f.months)[m] = months[m].get<std::int64_t>();
            }
        } else {
            f.amount = integer(j, path, "amount", -kMaxAmount, kMaxAmount);
        }
        break;
    case OperationKind::FinanceOutcome:
        f.line = label(j, path, "line", 40);
        year();
        f.month = static_cast<int>(integer(j, path, "month", 1, 12));
        f.amount = optionalAmount(j, path, "amount");
        break;
    case OperationKind::FinanceForecast:
        f.line = label(j, path, "line", 40);
        year();
        f.amount = optionalAmount(j, path, "amount");
        break;
    case OperationKind::FinanceEquity:
        year();
        f.amount = integer(j, path, "amount", -kMaxAmount, kMaxAmount);
        break;
    case OperationKind::FinanceSetting:
        f.key = label(j, path, "key", 40);
        f.validFrom = label(j, path, "valid_from", 10);
        f.value = text(j, path, "value", 4000);
        break;
    default:
        break;
    }
    // What the editor saw of the figure (version 4): present, the server
    // refuses the edit when the figure is no longer that (code "conflict").
    if (hasBase(op.kind) && j.contains("base")) {
        f.checked = true;
        f.base = optionalAmount(j, path, "base");
    }
    if (op.uid != financeUid(op.kind, f.year))
        fail(path + ".uid", "ska vara " + financeUid(op.kind, f.year) + " för " + kKinds[static_cast<int>(op.kind)]);
}

void financeToJson(const Operation& op, json& j)
{
    const auto& f = op.finance;
    auto amount = [](const std::optional<std::int64_t>& a) { return a ? json(*a) : json(nullptr); };
    if (hasBase(op.kind) && f.checked)
        j["base"] = amount(f.base);
    switch (op.kind) {
    case OperationKind::FinanceLine:
        j.update({{"line", f.line}, {"name", f.name}, {"group", f.group}, {"unit", f.unit},
                  {"team", f.team.empty() ? json(nullptr) : json(f.team)},
                  {"member", f.member.empty() ? json(nullptr) : json(f.member)}});
        break;
    case OperationKind::FinanceBudget:
        j.update({{"line", f.line}, {"year", f.year}, {"revise", f.revise}});
        if (f.months)
            j["months"] = *f.months;
        else
            j["amount"] = amount(f.amount);
        break;
    case OperationKind::FinanceOutcome:
        j.update({{"line", f.line}, {"year", f.year}, {"month", f.month}, {"amount", amount(f.amount)}});
        break;
    case OperationKind::FinanceForecast:
        j.update({{"line", f.line}, {"year", f.year}, {"amount", amount(f.amount)}});
        break;
    case OperationKind::FinanceEquity:
        j.update({{"year", f.year}, {"amount", amount(f.amount)}});
        break;
    case OperationKind::FinanceSetting:
        j.update({{"key", f.key}, {"valid_from", f.validFrom}, {"value", f.value}});
        break;
    default:
        break;
    }
}
constexpr const char* kStatus[] = {"applied", "duplicate", "refused"};

CaseFields parseFields(const json& j, const std::string& path)
{
    if (!j.is_object())
        fail(path, "ska vara ett objekt med fältnamn och värden");
    CaseFields out;
    const auto& names = caseFieldNames();
    for (const auto& [key, value] : j.items()) {
        if (std::find(names.begin(), names.end(), key) == names.end())
            fail(path + "." + key, "okänt fält");
        if (value.is_null())
            out[key] = std::nullopt;
        else if (value.is_string() && utf8Characters(value.get_ref<const std::string&>()) > 500)
            fail(path + "." + key, "är för lång (högst 500 tecken)");
        else if (value.is_string())
            out[key] = value.get<std::string>();
        else
            fail(path + "." + key, "ska vara en text eller null");
    }
    return out;
}

json fieldsToJson(const CaseFields& f)
{
    json j = json::object();
    for (const auto& [k, v] : f)
        j[k] = v ? json(*v) : json(nullptr);
    return j;
}

void parseRound(const json& j, const std::string& path, Operation& op)
{
    const auto& round = member(j, path, "round");
    const std::string rp = path + ".round";
    op.questionnaire = label(round, rp, "questionnaire", 100);
    op.group = term<RespondentGroup>(member(round, rp, "group"), rp + ".group");
    if (round.contains("team") && !round["team"].is_null())
        op.roundTeam = label(round, rp, "team", 100);
    op.period = label(round, rp, "period", 40);
}

json roundToJson(const Operation& op)
{
    return {{"questionnaire", op.questionnaire},
            {"group", codeOf(op.group)},
            {"team", op.roundTeam.empty() ? json(nullptr) : json(op.roundTeam)},
            {"period", op.period}};
}

Operation parseOp(const json& j, const std::string& path)
{
    Operation op;
    op.seq = integer(j, path, "seq", 1, std::numeric_limits<long long>::max());
    const auto kind = label(j, path, "kind", 40);
    bool known = false;
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (kind == kKinds[i]) {
            op.kind = static_cast<OperationKind>(i);
            known = true;
        }
    if (!known) {
        std::string allowed;
        for (const char* k : kKinds)
            allowed += (allowed.empty() ? "" : ", ") + std::string(k);
        fail(path + ".kind", "okänd operation '" + kind + "' – tillåtna: " + allowed);
    }
    op.hlc = label(j, path, "hlc", 120);
    if (!Hlc::decode(op.hlc))
        fail(path + ".hlc", "ogiltig klocka '" + op.hlc + "'");
    op.uid = label(j, path, "uid", 64);
    if (isFinance(op.kind)) {
        parseFinance(j, path, op);
        return op;
    }
    switch (op.kind) {
    case OperationKind::FinanceLine:
    case OperationKind::FinanceBudget:
    case OperationKind::FinanceOutcome:
    case OperationKind::FinanceForecast:
    case OperationKind::FinanceEquity:
    case OperationKind::FinanceSetting:
        break;  // read above
    case OperationKind::JudgmentSet: {
        const auto& jj = member(j, path, "judgment");
        const std::string jp = path + ".judgment";
        auto& e = op.judgment;
        e.indicator = label(jj, jp, "indicator", 40);
        if (jj.contains("team") && !jj["team"].is_null())
            e.team = label(jj, jp, "team", 100);
        e.year = static_cast<int>(integer(jj, jp, "year", 1990, 2200));
        if (jj.contains("achieved") && !jj["achieved"].is_null()) {
            if (!jj["achieved"].is_boolean())
                fail(jp + ".achieved", "ska vara true, false eller null");
            e.achieved = jj["achieved"].get<bool>();
        }
        // Room for a long motivation; the store's own rules (required, no personnummer) apply per operation.
        // (Taking a judgment away needs none.)
        if (e.achieved || (jj.contains("motivation") && jj["motivation"].is_string() &&
                           !jj["motivation"].get_ref<const std::string&>().empty()))
            e.motivation = text(jj, jp, "motivation", 20000);
        if (jj.contains("base") && !jj["base"].is_null())
            e.base = label(jj, jp, "base", 120);  // a clock, as `hlc`
        if (op.uid != judgmentUid(e.year))
            fail(path + ".uid", "ska vara " + judgmentUid(e.year) + " för judgment.set");
        break;
    }
    case OperationKind::CaseUpsert:
        op.create = j.value("create", false);
        if (j.contains("team"))
            op.team = label(j, path, "team", 100);
        if (op.create && op.team.empty())
            fail(path + ".team", "ett nytt ärende behöver ett team");
        op.fields = parseFields(member(j, path, "fields"), path + ".fields");
        if (j.contains("base"))
            op.base = parseFields(j["base"], path + ".base");
        break;
    case OperationKind::CaseDelete:
    case OperationKind::ConflictResolve:
        break;
    case OperationKind::RoundInvited:
        parseRound(j, path, op);
        op.invited = integer(j, path, "invited", 0, 1000000);
        break;
    case OperationKind::StoryUpsert:
        if (j.contains("team") && !j["team"].is_null())
            op.team = label(j, path, "team", 100);
        op.category = term<StoryCategory>(member(j, path, "category"), path + ".category");
        op.date = label(j, path, "date", 20);
        // Bounds for the transport only, well above the domain's (200 and 20 000,
        // refused per operation by the store): one long story must not fail a batch.
        op.title = text(j, path, "title", 2000);
        op.text = text(j, path, "text", 200000);
        break;
    case OperationKind::CompositionSet:
        if (j.contains("team") && !j["team"].is_null())
            op.team = label(j, path, "team", 100);
        op.body = term<CompositionBody>(member(j, path, "body"), path + ".body");
        op.year = static_cast<int>(integer(j, path, "year", 1900, 2200));
        op.women = integer(j, path, "women", 0, 100000);
        op.men = integer(j, path, "men", 0, 100000);
        break;
    case OperationKind::TallyAdd: {
        parseRound(j, path, op);
        if (j.contains("batch") && j["batch"].is_string())
            op.batch = label(j, path, "batch", 64);
        op.question = label(j, path, "question", 100);
        op.option = static_cast<int>(integer(j, path, "option", 1, 100));
        op.gender = term<Gender>(member(j, path, "gender"), path + ".gender");
        op.delta = integer(j, path, "delta", -1000000, 1000000);
        if (op.delta == 0)
            fail(path + ".delta", "antalet kan inte vara 0");
        if (j.contains("entered_by") && j["entered_by"].is_string() && !j["entered_by"].get_ref<const std::string&>().empty())
            op.enteredBy = label(j, path, "entered_by", 100);
        break;
    }
    }
    return op;
}

}  // namespace

int introducedIn(OperationKind kind)
{
    switch (kind) {
    case OperationKind::CaseUpsert:
    case OperationKind::CaseDelete:
    case OperationKind::TallyAdd:
        return 1;
    case OperationKind::JudgmentSet:
        return 4;
    default:
        return isFinance(kind) ? 3 : 2;
    }
}

std::optional<int> yearOfUid(std::string_view uid, std::string_view prefix)
{
    if (uid.size() != prefix.size() + 4 || uid.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    int year = 0;
    for (char c : uid.substr(prefix.size())) {
        if (c < '0' || c > '9')
            return std::nullopt;
        year = year * 10 + (c - '0');
    }
    return year;
}

std::string judgmentUid(int year)
{
    return "judgment:" + std::to_string(year);
}

std::string financeUid(OperationKind kind, int year)
{
    switch (kind) {
    case OperationKind::FinanceLine:
        return "finance:definitions";
    case OperationKind::FinanceSetting:
        return "finance:settings";
    default:
        return "finance:" + std::to_string(year);
    }
}

json operationToJson(const Operation& op)
{
    json j{{"seq", op.seq}, {"kind", kKinds[static_cast<int>(op.kind)]}, {"hlc", op.hlc}, {"uid", op.uid}};
    switch (op.kind) {
    case OperationKind::CaseUpsert:
        if (!op.team.empty())
            j["team"] = op.team;
        if (op.create)
            j["create"] = true;
        j["fields"] = fieldsToJson(op.fields);
        if (!op.base.empty())
            j["base"] = fieldsToJson(op.base);
        break;
    case OperationKind::CaseDelete:
    case OperationKind::ConflictResolve:
        break;
    case OperationKind::RoundInvited:
        j["round"] = roundToJson(op);
        j["invited"] = op.invited;
        break;
    case OperationKind::StoryUpsert:
        j["team"] = op.team.empty() ? json(nullptr) : json(op.team);
        j["category"] = codeOf(op.category);
        j["date"] = op.date;
        j["title"] = op.title;
        j["text"] = op.text;
        break;
    case OperationKind::CompositionSet:
        j["team"] = op.team.empty() ? json(nullptr) : json(op.team);
        j["body"] = codeOf(op.body);
        j["year"] = op.year;
        j["women"] = op.women;
        j["men"] = op.men;
        break;
    case OperationKind::JudgmentSet: {
        const auto& e = op.judgment;
        j["judgment"] = {{"indicator", e.indicator},
                         {"team", e.team.empty() ? json(nullptr) : json(e.team)},
                         {"year", e.year},
                         {"achieved", e.achieved ? json(*e.achieved) : json(nullptr)},
                         {"motivation", e.motivation},
                         {"base", e.base.empty() ? json(nullptr) : json(e.base)}};
        break;
    }
    default:
        if (isFinance(op.kind))
            financeToJson(op, j);
        break;
    case OperationKind::TallyAdd:
        j["round"] = roundToJson(op);
        if (!op.batch.empty())
            j["batch"] = op.batch;
        j["question"] = op.question;
        j["option"] = op.option;
        j["gender"] = codeOf(op.gender);
        j["delta"] = op.delta;
        j["entered_by"] = op.enteredBy;
        break;
    }
    return j;
}

Result<Operation> parseOperation(const json& j, const std::string& path)
{
    try {
        return parseOp(j, path);
    } catch (const PathError& e) {
        return makeError("invalid_operation", e.path, e.message);
    } catch (const json::exception& e) {
        return makeError("invalid_operation", path, std::string("fel typ: ") + e.what());
    }
}

Result<Batch> parseBatch(std::string_view text)
{
    try {
        const json root = json::parse(text);
        Batch b;
        b.schemaVersion = static_cast<int>(integer(root, "", "schema_version", 0, 1000000));
        b.deviceId = json_reader::label(root, "", "device_id", 64);
        b.clientTimeMs = integer(root, "", "client_time_ms", 0, std::numeric_limits<long long>::max());
        b.confirmMassDelete = root.value("confirm_mass_delete", false);
        const auto& ops = member(root, "", "operations");
        if (!ops.is_array())
            fail("operations", "ska vara en lista");
        for (std::size_t i = 0; i < ops.size(); ++i)
            b.operations.push_back(parseOp(ops[i], "operations[" + std::to_string(i) + "]"));
        return b;
    } catch (const PathError& e) {
        return makeError("invalid_batch", e.path, e.message);
    } catch (const json::parse_error& e) {
        return makeError("invalid_json", "", std::string("kroppen är inte giltig JSON (byte ") + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) {
        return makeError("invalid_batch", "", std::string("fel typ i kroppen: ") + e.what());
    }
}

json batchToJson(const Batch& b)
{
    json ops = json::array();
    for (const auto& op : b.operations)
        ops.push_back(operationToJson(op));
    return {{"schema_version", b.schemaVersion},
            {"device_id", b.deviceId},
            {"client_time_ms", b.clientTimeMs},
            {"confirm_mass_delete", b.confirmMassDelete},
            {"operations", ops}};
}

json errorToJson(const Error& e)
{
    json j{{"code", e.code}, {"message", e.message}};
    if (!e.field.empty())
        j["field"] = e.field;
    if (!e.where.empty())
        j["where"] = e.where;  // a file's name and row ("hae.csv, rad 3")
    return j;
}

json batchResultToJson(const BatchResult& r)
{
    json results = json::array();
    for (const auto& o : r.results) {
        json j{{"seq", o.seq}, {"status", kStatus[static_cast<int>(o.status)]}};
        if (o.error)
            j["error"] = errorToJson(*o.error);
        results.push_back(std::move(j));
    }
    json out{{"results", results}, {"server_time_ms", r.serverTimeMs}, {"conflicts", r.conflicts}};
    out["highest_acknowledged"] = r.highestAcknowledged ? json(*r.highestAcknowledged) : json(nullptr);
    out["clock_skew_ms"] = r.clockSkewMs ? json(*r.clockSkewMs) : json(nullptr);
    return out;
}

Result<BatchResult> parseBatchResult(const json& j)
{
    try {
        BatchResult r;
        r.serverTimeMs = j.at("server_time_ms").get<std::int64_t>();
        r.conflicts = j.value("conflicts", 0);
        if (!j.at("highest_acknowledged").is_null())
            r.highestAcknowledged = j["highest_acknowledged"].get<std::int64_t>();
        if (!j.at("clock_skew_ms").is_null())
            r.clockSkewMs = j["clock_skew_ms"].get<std::int64_t>();
        for (const auto& o : j.at("results")) {
            OperationResult res;
            res.seq = o.at("seq").get<std::int64_t>();
            const auto status = o.at("status").get<std::string>();
            res.status = status == "applied"     ? OperationStatus::Applied
                         : status == "duplicate" ? OperationStatus::Duplicate
                                                 : OperationStatus::Refused;
            if (o.contains("error"))
                res.error = makeError(o["error"].value("code", ""), o["error"].value("field", ""),
                                      o["error"].value("message", ""));
            r.results.push_back(std::move(res));
        }
        return r;
    } catch (const json::exception& e) {
        return makeError("invalid_response", "", std::string("oväntat svar från servern: ") + e.what());
    }
}

json pullResultToJson(PullResult r)
{
    // A page holds thousands of records: each one's data is moved, not copied.
    json changes = json::array();
    changes.get_ref<json::array_t&>().reserve(r.changes.size());
    for (auto& c : r.changes)
        changes.push_back({{"cursor", c.cursor}, {"entity", std::move(c.entity)}, {"uid", std::move(c.uid)},
                           {"data", std::move(c.data)}});
    return {{"cursor", r.cursor}, {"more", r.more}, {"changes", std::move(changes)}};
}

std::size_t PullResult::size() const
{
    std::size_t n = changes.size();
    for (const auto& t : tables)
        n += t.rows.size();
    return n;
}

const std::vector<std::string>& pageColumns(const std::string& entity)
{
    static const std::vector<std::string> none;
    static const std::vector<std::string> tally{"cursor", "uid", "questionnaire", "group", "team", "period", "question",
                                                "option", "gender", "delta", "entered_by", "entered_at", "batch"};
    static const std::vector<std::string> cases = [] {
        std::vector<std::string> c{"cursor", "uid", "team", "deleted"};
        for (const auto& f : caseFieldNames())
            c.push_back(f);
        return c;
    }();
    return entity == "case" ? cases : entity == "tally" ? tally : none;
}

Result<PullResult> parsePullResult(json j)
{
    try {
        PullResult r;
        r.cursor = j.at("cursor").get<std::int64_t>();
        r.more = j.at("more").get<bool>();
        auto& changes = j.at("changes");
        if (!changes.is_array())
            return makeError("invalid_response", "changes", "oväntat svar från servern: changes är ingen lista");
        r.changes.reserve(changes.size());
        for (auto& c : changes)
            r.changes.push_back({c.at("cursor").get<std::int64_t>(), std::move(c.at("entity").get_ref<std::string&>()),
                                 std::move(c.at("uid").get_ref<std::string&>()), std::move(c.at("data"))});
        if (auto t = j.find("tables"); t != j.end()) {
            for (auto& [entity, table] : t->items()) {
                PullTable out;
                out.entity = entity;
                out.columns = table.at("columns").get<std::vector<std::string>>();
                // A table this client does not know, or with other columns, is
                // not guessed at: the page is refused and nothing is applied.
                if (out.columns != pageColumns(entity))
                    return makeError("invalid_response", "tables." + entity,
                                     "oväntade kolumner i nedladdningen – uppdatera Samkoll");
                out.rows = std::move(table.at("rows"));
                if (!out.rows.is_array())
                    return makeError("invalid_response", "tables." + entity + ".rows",
                                     "oväntat svar från servern – inget sparades; synka igen, och uppdatera Samkoll om det kvarstår");
                for (const auto& row : out.rows)
                    if (!row.is_array() || row.size() != out.columns.size() || !row[0].is_number_integer() ||
                        !row[1].is_string())
                        return makeError("invalid_response", "tables." + entity + ".rows",
                                         "en rad i nedladdningen har fel form – inget sparades; synka igen, och "
                                         "uppdatera Samkoll om det kvarstår");
                r.tables.push_back(std::move(out));
            }
        }
        return r;
    } catch (const json::exception& e) {
        return makeError("invalid_response", "", std::string("oväntat svar från servern: ") + e.what());
    }
}

}  // namespace samkoll::core
