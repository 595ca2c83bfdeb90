// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/protocol.hpp"

#include "samkoll/io/json_reader.hpp"
#include "samkoll/sync/hlc.hpp"

namespace samkoll::core {

using nlohmann::json;
using namespace json_reader;

namespace {

constexpr const char* kKinds[] = {"case.upsert",     "case.delete",     "tally.add",    "conflict.resolve",
                                  "story.upsert",    "composition.set", "round.invited"};
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
    switch (op.kind) {
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
    default:
        return 2;
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

json pullResultToJson(const PullResult& r)
{
    json changes = json::array();
    for (const auto& c : r.changes)
        changes.push_back({{"cursor", c.cursor}, {"entity", c.entity}, {"uid", c.uid}, {"data", c.data}});
    return {{"cursor", r.cursor}, {"more", r.more}, {"changes", changes}};
}

Result<PullResult> parsePullResult(const json& j)
{
    try {
        PullResult r;
        r.cursor = j.at("cursor").get<std::int64_t>();
        r.more = j.at("more").get<bool>();
        for (const auto& c : j.at("changes"))
            r.changes.push_back({c.at("cursor").get<std::int64_t>(), c.at("entity").get<std::string>(),
                                 c.at("uid").get<std::string>(), c.at("data")});
        return r;
    } catch (const json::exception& e) {
        return makeError("invalid_response", "", std::string("oväntat svar från servern: ") + e.what());
    }
}

}  // namespace samkoll::core
