// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.hpp"

#include <chrono>
#include <sstream>

#include <boost/beast/core/detail/base64.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <memory>

#include "accounts.hpp"
#include "crypto.hpp"
#include "log.hpp"
#include "samkoll/domain/personnummer.hpp"
#include "samkoll/domain/text.hpp"
#include "samkoll/io/gzip.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/io/csv.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/io/finance_import.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/participant_stats.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/store/schema.hpp"
#include "samkoll/sync/hlc.hpp"
#include "samkoll/sync/protocol.hpp"
#include "samkoll/sync/replica.hpp"
#include "samkoll/sync/sync_service.hpp"

namespace samkoll::server {

namespace http = boost::beast::http;
using namespace samkoll::core;
using nlohmann::json;

namespace {

constexpr int kMaxFailuresPerMinute = 10;
constexpr std::size_t kMaxInflated = 32 * 1024 * 1024;
constexpr int kMaxPullLimit = 5000;

http::status statusOf(const std::string& code)
{
    if (code == "unauthorized")
        return http::status::unauthorized;
    if (code == "forbidden")
        return http::status::forbidden;
    if (code == "not_found")
        return http::status::not_found;
    if (code == "unsupported_version")
        return http::status::upgrade_required;
    if (code == "invalid_cursor")
        return http::status::gone;
    if (code == "rate_limited")
        return http::status::too_many_requests;
    if (code == "storage")
        return http::status::service_unavailable;
    if (code == "internal")
        return http::status::internal_server_error;
    if (code == "unsupported_media_type")
        return http::status::unsupported_media_type;
    if (code == "too_large")
        return http::status::payload_too_large;
    if (code == "method_not_allowed")
        return http::status::method_not_allowed;
    return http::status::bad_request;
}

/// A JSON body already written as text (a download page).
Response jsonTextResponse(const Request& req, http::status status, std::string text)
{
    Response res{status, req.version()};
    res.set(http::field::server, "samkolld");
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    const auto accept = req[http::field::accept_encoding];
    if (text.size() > 1024 && accept.find("gzip") != boost::beast::string_view::npos) {
        text = gzipCompress(text);
        res.set(http::field::content_encoding, "gzip");
    }
    res.body() = std::move(text);
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    return res;
}

Response jsonResponse(const Request& req, http::status status, const json& body)
{
    return jsonTextResponse(req, status, body.dump());
}

Response errorResponse(const Request& req, const Error& e)
{
    auto res = jsonResponse(req, statusOf(e.code), json{{"error", errorToJson(e)}});
    if (e.code == "rate_limited")
        res.set(http::field::retry_after, "60");
    return res;
}

/// Query parameters of the target, percent-decoded; a name or value that is
/// not UTF-8 (or an invalid %-escape) is refused naming the parameter.
Result<std::map<std::string, std::string>> queryOf(std::string_view target)
{
    std::map<std::string, std::string> out;
    const auto q = target.find('?');
    if (q == std::string_view::npos)
        return out;
    std::string_view rest = target.substr(q + 1);
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    auto decode = [&](std::string_view s) -> std::optional<std::string> {
        std::string d;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '%') {
                if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0)
                    return std::nullopt;
                d.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
                i += 2;
            } else {
                d.push_back(s[i] == '+' ? ' ' : s[i]);
            }
        }
        if (!validUtf8(d))
            return std::nullopt;
        return d;
    };
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        auto name = decode(pair.substr(0, eq));
        if (!name || hasControlCharacters(*name))
            return makeError("invalid_encoding", "query", "en parameter i adressen är inte giltig UTF-8");
        auto value = eq == std::string_view::npos ? std::optional<std::string>("") : decode(pair.substr(eq + 1));
        if (!value)
            return makeError("invalid_encoding", printable(*name), "parametern '" + printable(*name) + "' är inte giltig UTF-8");
        out[*name] = std::move(*value);
        if (amp == std::string_view::npos)
            break;
        rest.remove_prefix(amp + 1);
    }
    return out;
}

/// The request body, unpacked when gzipped, at most `limit` bytes both on the
/// wire and unpacked.
Result<std::string> bodyOf(const Request& req, std::size_t limit)
{
    if (req.body().size() > limit)
        return makeError("too_large", "body", "kroppen är för stor (högst " + std::to_string(limit) + " byte)");
    const auto encoding = req[http::field::content_encoding];
    if (encoding.empty() || encoding == "identity")
        return req.body();
    if (encoding != "gzip")
        return makeError("unsupported_media_type", "Content-Encoding", "bara gzip stöds som Content-Encoding");
    return gzipDecompress(req.body(), limit);
}

/// JSON with bounded nesting: a small body of brackets cannot make a deep tree.
Result<json> parseJson(const std::string& text)
{
    constexpr int kMaxDepth = 32;
    bool tooDeep = false;
    json j = json::parse(
        text,
        [&](int depth, json::parse_event_t, json&) {
            if (depth > kMaxDepth)
                tooDeep = true;
            return !tooDeep;
        },
        false);
    if (tooDeep)
        return makeError("invalid_json", "body", "JSON-dokumentet är för djupt nästlat");
    if (j.is_discarded())
        return makeError("invalid_json", "body", "kroppen är inte giltig JSON");
    return j;
}

/// A small JSON object body (its route's size limit applied), or the error
/// that says what to send (`usage`).
Result<json> objectBody(const Request& req, std::size_t maxBody, const std::string& usage)
{
    auto body = bodyOf(req, maxBody);
    if (!body)
        return body.error();
    auto j = parseJson(*body);
    if (!j)
        return j.error();
    if (!j->is_object())
        return makeError("invalid_body", "", usage);
    return std::move(*j);
}

/// An uploaded file's name ("file" of the body, for messages and the log), or `fallback`.
Result<std::string> fileNameOf(const json& body, const std::string& fallback)
{
    const auto f = body.find("file");
    if (f == body.end())
        return fallback;
    if (!f->is_string() || f->get_ref<const std::string&>().empty() || utf8Characters(f->get_ref<const std::string&>()) > 200 ||
        hasControlCharacters(f->get_ref<const std::string&>()))
        return makeError("invalid_value", "file", "file ska vara filens namn");
    return f->get<std::string>();
}

/// A true/false field of a body (`replace`, `apply` …): false when absent.
Result<bool> flagOf(const json& body, const char* key)
{
    const auto it = body.find(key);
    if (it == body.end())
        return false;
    if (!it->is_boolean())
        return makeError("invalid_value", key, std::string(key) + " ska vara true eller false");
    return it->get<bool>();
}

Result<Period> periodOf(const std::map<std::string, std::string>& q)
{
    // 0 when missing or not a number: refused below like any year out of range.
    const long long year = q.count("year") ? parseInteger(q.at("year")).value_or(0) : 0;
    if (q.count("from") || q.count("to")) {
        auto from = Date::parse(q.count("from") ? q.at("from") : "", "from");
        auto to = Date::parse(q.count("to") ? q.at("to") : "", "to");
        if (!from)
            return from.error();
        if (!to)
            return to.error();
        return Period::range(*from, *to);
    }
    if (year < 1990 || year > 2200)
        return makeError("invalid_value", "year", "ange year, t.ex. ?year=2021");
    if (q.count("tertial")) {
        auto t = parseInteger(q.at("tertial"));
        if (!t || *t < 1 || *t > 3)
            return makeError("invalid_value", "tertial", "tertial ska vara 1, 2 eller 3");
        return Period::tertial(static_cast<int>(year), static_cast<int>(*t));
    }
    return Period::year(static_cast<int>(year));
}

}  // namespace

Api::Api(std::string databasePath)
    : m_path(std::move(databasePath)), m_checkpointer(std::make_shared<Checkpointer>(m_path))
{
}

Database& Api::database()
{
    struct Connection {
        std::unique_ptr<Database> db;
        std::shared_ptr<void> hook;  // the WAL hook's context: must outlive the connection
        ~Connection() { db.reset(); }  // so close the connection first
    };
    thread_local std::map<std::string, Connection> connections;
    auto& c = connections[m_path];
    if (!c.db) {
        auto opened = Database::openExisting(m_path);
        if (!opened) {
            // The path is for the log, not for a client.
            logLine("databasen kan inte öppnas", opened.error().describe());
            throw StoreError(SQLITE_CANTOPEN, "databasen kan inte öppnas");
        }
        c.db = std::move(*opened);
        // A sync batch dirties pages all over the case indexes; with SQLite's
        // default 2 MB cache they spill to the WAL before the commit.
        c.db->exec("PRAGMA cache_size = -32768");
        c.hook = m_checkpointer->attach(*c.db);
    }
    return *c.db;
}

bool Api::rateLimited(const std::string& remote)
{
    // The usual case, nothing failed lately: no lock shared by every request.
    if (m_failureCount.load(std::memory_order_relaxed) == 0)
        return false;
    std::lock_guard lock(m_mutex);
    auto it = m_failures.find(remote);
    if (it == m_failures.end())
        return false;
    auto& times = it->second;
    const auto cutoff = std::chrono::steady_clock::now() - std::chrono::minutes(1);
    const auto expired = std::erase_if(times, [&](auto t) { return t < cutoff; });
    m_failureCount -= expired;
    const bool limited = static_cast<int>(times.size()) >= kMaxFailuresPerMinute;
    if (times.empty())
        m_failures.erase(it);
    return limited;
}

void Api::recordFailure(const std::string& remote)
{
    std::lock_guard lock(m_mutex);
    m_failures[remote].push_back(std::chrono::steady_clock::now());
    ++m_failureCount;
}

// --- Routes ------------------------------------------------------------------------

const std::vector<Api::Route>& Api::routes()
{
    // One row per endpoint: the dispatcher answers 404 (no such path) and 405
    // (path known, method not) once, authenticates when a route needs it and
    // checks the role, so a handler only parses, calls the core and serialises.
    // Bodies are bounded by what each route needs: an enrolment is a few
    // hundred bytes, so a stranger cannot make the server unpack and parse
    // megabytes; only an upload may be large.
    constexpr std::size_t kSmall = 4 * 1024;
    constexpr std::size_t kBudgetBody = 4 * 1024 * 1024;  // a social budget with its survey questions
    constexpr std::size_t kSieBody = 8 * 1024 * 1024;  // a SIE file of up to 6 MB in base64 (the HTTP layer's limit)
    static const std::vector<Route> table{
        {http::verb::get, "/health", Access::Public, &Api::health, kSmall},
        {http::verb::get, "/metrics", Access::Public, &Api::metrics, kSmall},
        {http::verb::post, "/api/v1/enrol", Access::Public, &Api::enrol, kSmall, /*slow=*/true},
        {http::verb::get, "/api/v1/config", Access::AnyDevice, &Api::config, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/sync/push", Access::AnyDevice, &Api::push, kMaxInflated, /*slow=*/true},
        {http::verb::get, "/api/v1/sync/pull", Access::AnyDevice, &Api::pull, kSmall, /*slow=*/false,
         /*readSnapshot=*/true},
        {http::verb::get, "/api/v1/index", Access::AnyDevice, &Api::index, kSmall, /*slow=*/true},
        {http::verb::get, "/api/v1/stats", Access::AnyDevice, &Api::stats, kSmall, /*slow=*/true},
        {http::verb::get, "/api/v1/finance", Access::OfficeOrBoard, &Api::finance, kSmall, /*slow=*/true},
        {http::verb::get, "/api/v1/report", Access::OfficeOrBoard, &Api::report, kSmall, /*slow=*/true},
        {http::verb::get, "/api/v1/federation", Access::OfficeOrBoard, &Api::federation, kSmall, /*slow=*/true},
        {http::verb::get, "/api/v1/periods", Access::OfficeOrBoard, &Api::periods, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/periods", Access::Office, &Api::changePeriod, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/budgets", Access::Office, &Api::saveBudget, kBudgetBody, /*slow=*/true},
        {http::verb::post, "/api/v1/hae", Access::Office, &Api::importHaeFile, kBudgetBody, /*slow=*/true},
        {http::verb::get, "/api/v1/finance/mapping", Access::Office, &Api::accountMapping, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/finance/mapping", Access::Office, &Api::setAccountMapping, kBudgetBody, /*slow=*/true},
        {http::verb::post, "/api/v1/finance/sie", Access::Office, &Api::importSieFile, kSieBody, /*slow=*/true},
        {http::verb::post, "/api/v1/finance/outcome", Access::Office, &Api::importOutcomeFile, kBudgetBody, /*slow=*/true},
        {http::verb::get, "/api/v1/users", Access::Office, &Api::users, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/users", Access::Office, &Api::addUser, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/enrolment-codes", Access::Office, &Api::enrolmentCode, kSmall, /*slow=*/true},
        {http::verb::post, "/api/v1/devices/revoke", Access::Office, &Api::revokeDevice, kSmall, /*slow=*/true},
    };
    return table;
}

const Api::Route* Api::find(std::string_view path, http::verb method, std::string* allowed)
{
    const Route* route = nullptr;
    for (const auto& r : routes()) {
        if (r.path != path)
            continue;
        if (r.method == method)
            route = &r;
        if (allowed)
            *allowed += (allowed->empty() ? "" : ", ") + std::string(http::to_string(r.method));
    }
    return route;
}

bool Api::slow(const Request& req) const
{
    const auto target = std::string_view(req.target().data(), req.target().size());
    const auto* route = find(target.substr(0, target.find('?')), req.method());
    return route && route->slow;
}

Response Api::handle(const Request& req, const std::string& remote)
{
    const auto started = std::chrono::steady_clock::now();
    Trace trace;
    Response res;
    try {
        res = dispatch(req, remote, trace);
    } catch (const StoreError& e) {
        // A busy or damaged database: 503, with what to do, and the SQL in the log.
        const auto error = storageError(e);
        logLine("databasfel", error.detail);
        res = errorResponse(req, error);
    } catch (const std::exception& e) {
        logLine("oväntat fel", e.what());
        res = errorResponse(req, makeError("internal", "", "ett oväntat fel uppstod på servern – det är loggat; "
                                                           "försök igen"));
    }
    // One line per request for the journal: method, route, status, time,
    // bytes in and out, device and address — never a token, a code or a query.
    {
        std::lock_guard lock(m_counters.mutex);
        ++m_counters.requests[{trace.route, res.result_int()}];
    }
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    logLine("begäran", std::string(http::to_string(req.method())) + " " + trace.route + " " +
                           std::to_string(res.result_int()) + " " + std::to_string(micros / 1000) + "." +
                           std::to_string(micros % 1000 / 100) + " ms in " + std::to_string(req.body().size()) +
                           " B ut " + std::to_string(res.body().size()) + " B enhet " + trace.device + " från " + remote);
    return res;
}

Response Api::dispatch(const Request& req, const std::string& remote, Trace& trace)
{
    const std::string target(req.target());
    const std::string path = target.substr(0, target.find('?'));
    // Bytes that are not UTF-8 are refused before anything reads them (and
    // never echoed back).
    if (!validUtf8(path))
        return errorResponse(req, makeError("invalid_encoding", "path", "adressen är inte giltig UTF-8"));
    std::string allowed;
    const Route* route = find(path, req.method(), &allowed);
    if (allowed.empty())
        return errorResponse(req, makeError("not_found", "path", "okänd adress " + printable(path)));
    trace.route = path;  // a known path (validated above): the route's own
    if (!route) {
        auto res = errorResponse(req, makeError("method_not_allowed", "method", "använd " + allowed));
        res.set(http::field::allow, allowed);
        return res;
    }
    auto query = queryOf(target);
    if (!query)
        return errorResponse(req, query.error());
    if (req.body().size() > route->maxBody)
        return errorResponse(req, makeError("too_large", "body", "kroppen är större än den här adressen tar emot (" +
                                                                     std::to_string(route->maxBody) + " byte)"));

    Call call{req, remote, std::move(*query), database(), std::nullopt, route->maxBody};
    if (route->access == Access::Public)
        return (this->*route->handler)(call);

    // Everything else needs a device token.
    const auto auth = req[http::field::authorization];
    if (auth.size() < 8 || auth.substr(0, 7) != "Bearer ") {
        if (rateLimited("a:" + remote))
            return errorResponse(req, makeError("rate_limited", "", "för många misslyckade försök – vänta en minut"));
        recordFailure("a:" + remote);
        return errorResponse(req, makeError("unauthorized", "Authorization", "logga in: Authorization: Bearer <token>"));
    }
    // A download reads the device and the changes in one snapshot (one read
    // transaction per poll instead of two).
    std::optional<ReadTransaction> snapshot;
    if (route->readSnapshot)
        snapshot.emplace(call.db);
    const std::string token(auth.substr(7));
    auto ctx = Accounts(call.db).authenticate(token);
    if (!ctx) {
        // An unknown or revoked token: limited per address and per token, so
        // the valid devices behind the same address go on working.
        const std::string credential = "c:" + sha256Hex(token).substr(0, 32);
        if (rateLimited("a:" + remote) || rateLimited(credential))
            return errorResponse(req, makeError("rate_limited", "", "för många misslyckade försök – vänta en minut"));
        recordFailure("a:" + remote);
        recordFailure(credential);
        return errorResponse(req, ctx.error());
    }
    call.device = *ctx;
    trace.device = ctx->deviceId;
    if (route->access == Access::OfficeOrBoard && ctx->role == Role::Coordinator)
        return errorResponse(req, makeError("forbidden", "", "det här är kansliets och styrelsens (ekonomi, rapporter, "
                                                             "fastställda år)"));
    if (route->access == Access::Office && ctx->role != Role::CentralOffice)
        return errorResponse(req, makeError("forbidden", "", "bara kansliet kan fastställa ett år, lägga till användare "
                                                             "och spärra enheter"));
    auto res = (this->*route->handler)(call);
    // Only on a worker thread: the write may wait for the database's write
    // lock, which an I/O thread must never do. Every device reaches one often
    // enough (configuration at start, an upload, the förbund's index).
    if (route->slow)
        touchDevice(call.db, ctx->deviceId);
    return res;
}

void Api::touchDevice(Database& db, const std::string& deviceId)
{
    // When the device was last seen (the kansli's list of devices), written at
    // most every five minutes per device: not a write on every request.
    constexpr auto kEvery = std::chrono::minutes(5);
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(m_mutex);
        auto& last = m_lastSeen[deviceId];
        if (last.time_since_epoch().count() != 0 && now - last < kEvery)
            return;
        last = now;
    }
    try {
        db.prepare("UPDATE device SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
            .bind(1, deviceId)
            .run();
    } catch (const StoreError& e) {
        logLine("databasfel", e.what());  // a busy database: the next request tries again
        std::lock_guard lock(m_mutex);
        m_lastSeen.erase(deviceId);
    }
}

// --- Handlers: parse, call the core, serialise ----------------------------------------

Response Api::health(Call& c)
{
    return jsonResponse(c.req, http::status::ok,
                        {{"status", "ok"},
                         {"schema_version", c.db.schemaVersion()},
                         {"protocol_version", kProtocolVersion},
                         {"oldest_protocol_version", kOldestAcceptedProtocolVersion},
                         {"server_time_ms", systemMillis()}});
}

Response Api::enrol(Call& c)
{
    const std::string address = "a:" + c.remote;
    if (rateLimited(address))
        return errorResponse(c.req, makeError("rate_limited", "", "för många misslyckade försök – vänta en minut"));
    // Every failure counts here, a malformed body as much as a wrong code.
    auto refuse = [&](const Error& e, const std::string& credential = {}) {
        recordFailure(address);
        if (!credential.empty())
            recordFailure(credential);
        return errorResponse(c.req, e);
    };
    auto body = bodyOf(c.req, c.maxBody);
    if (!body)
        return refuse(body.error());
    auto j = parseJson(*body);
    if (!j)
        return refuse(j.error());
    if (!j->is_object() || !j->contains("code") || !(*j)["code"].is_string() ||
        (*j)["code"].get_ref<const std::string&>().size() > 100)
        return refuse(makeError("invalid_body", "code", "skicka {\"code\": \"…\", \"device_name\": \"…\"}"));
    std::string deviceName = "enhet";
    if (j->contains("device_name")) {
        const auto& name = (*j)["device_name"];
        if (!name.is_string() || name.get_ref<const std::string&>().size() > 400 ||
            utf8Characters(name.get_ref<const std::string&>()) > 100 || hasControlCharacters(name.get_ref<const std::string&>()))
            return refuse(makeError("invalid_value", "device_name",
                                    "device_name ska vara en text på högst 100 tecken utan styrtecken"));
        deviceName = name.get<std::string>();
    }
    const auto code = (*j)["code"].get<std::string>();
    const std::string credential = "c:" + sha256Hex(code).substr(0, 32);
    if (rateLimited(credential))
        return errorResponse(c.req, makeError("rate_limited", "", "för många misslyckade försök – vänta en minut"));
    auto e = Accounts(c.db).enrol(code, deviceName);
    if (!e)
        return refuse(e.error(), credential);
    return jsonResponse(c.req, http::status::ok,
                        {{"device_id", e->deviceId},
                         {"token", e->token},
                         {"role", codeOf(e->context.role)},
                         {"login", e->login},
                         {"federation", e->federationName},
                         {"team", e->teamCode.empty() ? json(nullptr) : json{{"code", e->teamCode}, {"name", e->teamName}}},
                         {"protocol_version", kProtocolVersion}});
}

Response Api::config(Call& c)
{
    return jsonResponse(c.req, http::status::ok, exportConfiguration(c.db, c.device->federationId));
}

Response Api::push(Call& c)
{
    if (c.req[http::field::content_type].find("application/json") == boost::beast::string_view::npos)
        return errorResponse(c.req, makeError("unsupported_media_type", "Content-Type", "skicka application/json"));
    auto body = bodyOf(c.req, c.maxBody);
    if (!body)
        return errorResponse(c.req, body.error());
    auto batch = parseBatch(*body);
    if (!batch)
        return errorResponse(c.req, batch.error());
    std::lock_guard writer(m_writer);
    auto result = SyncService(c.db).push(*c.device, *batch, Date::today());
    if (!result)
        return errorResponse(c.req, result.error());
    {
        std::lock_guard lock(m_counters.mutex);
        ++m_counters.batches;
        m_counters.conflicts += static_cast<std::uint64_t>(result->conflicts);
        m_counters.foreignIds += static_cast<std::uint64_t>(result->foreignIds);
        for (const auto& r : result->results)
            ++(r.status == OperationStatus::Applied     ? m_counters.applied
               : r.status == OperationStatus::Duplicate ? m_counters.duplicates
                                                        : m_counters.refused);
    }
    // Answered as taken (an answer must not tell that the id exists elsewhere);
    // the operator sees it here.
    if (result->foreignIds > 0)
        logLine("uppladdning nämnde id som ett annat förbund använder – besvarad som sparad, inget sparat",
                "enhet " + c.device->deviceId + ", " + std::to_string(result->foreignIds) + " operationer");
    return jsonResponse(c.req, http::status::ok, batchResultToJson(*result));
}

Response Api::metrics(Call& c)
{
    std::string out;
    auto family = [&](const char* name, const char* type, const char* help) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    };
    auto sample = [&](const std::string& name, const std::string& labels, auto value) {
        out += name + (labels.empty() ? "" : "{" + labels + "}") + " " + std::to_string(value) + "\n";
    };
    {
        std::lock_guard lock(m_counters.mutex);
        family("samkoll_requests_total", "counter", "Requests answered, by route and status.");
        for (const auto& [key, n] : m_counters.requests)
            sample("samkoll_requests_total", "route=\"" + key.first + "\",status=\"" + std::to_string(key.second) + "\"", n);
        family("samkoll_sync_batches_total", "counter", "Upload batches applied.");
        sample("samkoll_sync_batches_total", "", m_counters.batches);
        family("samkoll_sync_operations_total", "counter", "Uploaded operations, by result.");
        sample("samkoll_sync_operations_total", "result=\"applied\"", m_counters.applied);
        sample("samkoll_sync_operations_total", "result=\"duplicate\"", m_counters.duplicates);
        sample("samkoll_sync_operations_total", "result=\"refused\"", m_counters.refused);
        family("samkoll_sync_conflicts_total", "counter", "Conflicts recorded (the same field changed on two devices).");
        sample("samkoll_sync_conflicts_total", "", m_counters.conflicts);
        family("samkoll_sync_foreign_ids_total", "counter", "Creates naming another association's id (answered, not stored).");
        sample("samkoll_sync_foreign_ids_total", "", m_counters.foreignIds);
    }
    auto size = c.db.prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    size.step();
    std::error_code ec;
    const auto wal = std::filesystem::file_size(m_path + "-wal", ec);
    family("samkoll_database_bytes", "gauge", "Size of the database file and its write-ahead log.");
    sample("samkoll_database_bytes", "", size.integer(0) + (ec ? 0 : static_cast<std::int64_t>(wal)));
    family("samkoll_checkpoints_total", "counter", "Write-ahead log checkpoints run in the background.");
    sample("samkoll_checkpoints_total", "", m_checkpointer->completed());
    family("samkoll_last_checkpoint_timestamp_seconds", "gauge", "When the last checkpoint finished (0: none yet).");
    sample("samkoll_last_checkpoint_timestamp_seconds", "", m_checkpointer->lastCompletedMs() / 1000);

    Response res{http::status::ok, c.req.version()};
    res.set(http::field::server, "samkolld");
    res.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    res.body() = std::move(out);
    res.keep_alive(c.req.keep_alive());
    res.prepare_payload();
    return res;
}

Response Api::pull(Call& c)
{
    auto cursor = parseInteger(c.query.count("cursor") ? c.query.at("cursor") : "0");
    if (!cursor)
        return errorResponse(c.req, makeError("invalid_value", "cursor", "cursor ska vara ett heltal"));
    auto limit = parseInteger(c.query.count("limit") ? c.query.at("limit") : "1000");
    if (!limit || *limit < 1 || *limit > kMaxPullLimit)
        return errorResponse(c.req, makeError("invalid_value", "limit", "limit ska vara 1–" + std::to_string(kMaxPullLimit)));
    // shape=tables: cases and tally rows as tables (clients from protocol 3 on ask for it).
    const std::string shapeText = c.query.count("shape") ? c.query.at("shape") : "changes";
    if (shapeText != "changes" && shapeText != "tables")
        return errorResponse(c.req, makeError("invalid_value", "shape", "shape ska vara changes eller tables"));
    const auto shape = shapeText == "tables" ? PageShape::Tables : PageShape::Changes;
    auto page = SyncService(c.db).pullJson(*c.device, *cursor, static_cast<int>(*limit), shape);
    if (!page)
        return errorResponse(c.req, page.error());
    return jsonTextResponse(c.req, http::status::ok, std::move(*page));
}

Result<Api::UnitQuery> Api::unitQuery(Call& c)
{
    auto period = periodOf(c.query);
    if (!period)
        return period.error();
    UnitQuery out{*period, std::nullopt, false};
    if (c.query.count("team")) {
        auto t = Repository(c.db).team(c.device->federationId, c.query.at("team"));
        if (!t)
            return t.error();
        out.team = *t;
    }
    // Aggregates only (domain.md §1) for the board, and for a coordinator
    // reading anything but its own team: whole years and tertials, small
    // cells hidden. The team's own coordinator and the kansli see exact figures.
    const auto& d = *c.device;
    const bool ownTeam = d.role == Role::Coordinator && out.team && d.teamId == out.team->id;
    out.aggregatesOnly = d.role == Role::Board || (d.role == Role::Coordinator && !ownTeam);
    if (out.aggregatesOnly && (c.query.count("from") || c.query.count("to")))
        return makeError("forbidden", c.query.count("from") ? "from" : "to",
                         "här visas bara helår och tertial (year, tertial) – enstaka dagar kan peka ut enskilda deltagare");
    return out;
}

Response Api::index(Call& c)
{
    auto unit = unitQuery(c);
    if (!unit)
        return errorResponse(c.req, unit.error());
    const auto& team = unit->team;
    // Aggregates only: a share with a count, base or remainder of 1–4 is hidden, as in /stats and the reports.
    const int suppressBelow = unit->aggregatesOnly ? kSmallCell : 0;
    auto index = computeFederationIndex(c.db, c.device->federationId, unit->period);
    if (!index)
        return errorResponse(c.req, index.error());
    if (!team && c.query.count("scope") && c.query.at("scope") == "federation") {
        // The förbund's own figure without every team's (what a client shows beside its own).
        auto out = federationIndexToJson(*index, "", Language::Swedish, suppressBelow);
        out.erase("teams");
        return jsonResponse(c.req, http::status::ok, out);
    }
    return jsonResponse(c.req, http::status::ok,
                        federationIndexToJson(*index, team ? team->code : "", Language::Swedish, suppressBelow));
}

Response Api::finance(Call& c)
{
    using namespace finance;
    const auto year = parseInteger(c.query.count("year") ? c.query.at("year") : "");
    if (!year || *year < 1990 || *year > 2200)
        return errorResponse(c.req, makeError("invalid_value", "year", "ange year, t.ex. ?year=2021"));
    int tertial = 3;
    if (c.query.count("tertial")) {
        auto t = parseInteger(c.query.at("tertial"));
        if (!t || *t < 1 || *t > 3)
            return errorResponse(c.req, makeError("invalid_value", "tertial", "tertial ska vara 1, 2 eller 3"));
        tertial = static_cast<int>(*t);
    }
    // The board reads aggregates only: counts of 1–4 behind a cost per person are hidden.
    const int suppressBelow = c.device->role == Role::Board ? kSmallCell : 0;
    auto overview = computeFinanceOverview(c.db, c.device->federationId, static_cast<int>(*year),
                                           c.query.count("tertial") ? std::optional<int>(tertial) : std::nullopt,
                                           suppressBelow);
    if (!overview)
        return errorResponse(c.req, overview.error());
    return jsonResponse(c.req, http::status::ok, financeOverviewToJson(*overview));
}

Response Api::report(Call& c)
{
    // The same description `samkolld report` writes; the client saves it as PDF, CSV or HTML.
    const auto kind = reportKindFrom(c.query.count("kind") ? c.query.at("kind") : "");
    if (!kind)
        return errorResponse(c.req, makeError("invalid_value", "kind",
                                              "ange kind: bokslut, drift, delar, statistik eller ranking"));
    ReportRequest r;
    r.kind = *kind;
    const auto year = parseInteger(c.query.count("year") ? c.query.at("year") : "");
    if (!year || *year < 1990 || *year > 2200)
        return errorResponse(c.req, makeError("invalid_value", "year", "ange year, t.ex. ?year=2021"));
    r.year = static_cast<int>(*year);
    if (c.query.count("tertial")) {
        const auto t = parseInteger(c.query.at("tertial"));
        if (!t || *t < 1 || *t > 3)
            return errorResponse(c.req, makeError("invalid_value", "tertial", "tertial ska vara 1, 2 eller 3"));
        r.tertial = static_cast<int>(*t);
    }
    r.team = c.query.count("team") ? c.query.at("team") : "";
    // The board's copy: aggregates only, small counts hidden — as every answer to a board device.
    r.audience = c.device->role == Role::Board ? Audience::Board : Audience::CentralOffice;
    auto document = buildReport(c.db, c.device->federationId, r, localTimeText());
    if (!document)
        return errorResponse(c.req, document.error());
    return jsonResponse(c.req, http::status::ok, documentToJson(*document));
}

Response Api::federation(Call& c)
{
    // The Förbundet screen: ?year=2021[&tertial=2][&lang=en]. The board's copy
    // hides small counts, as every answer to a board device.
    const auto year = parseInteger(c.query.count("year") ? c.query.at("year") : "");
    if (!year || *year < 1990 || *year > 2200)
        return errorResponse(c.req, makeError("invalid_value", "year", "ange year, t.ex. ?year=2021"));
    std::optional<int> tertial;
    if (c.query.count("tertial")) {
        const auto t = parseInteger(c.query.at("tertial"));
        if (!t || *t < 0 || *t > 3)
            return errorResponse(c.req, makeError("invalid_value", "tertial", "tertial ska vara 1, 2 eller 3"));
        if (*t > 0)
            tertial = static_cast<int>(*t);
    }
    Language language = Language::Swedish;
    if (c.query.count("lang")) {
        const auto& lang = c.query.at("lang");
        if (lang != "sv" && lang != "en")
            return errorResponse(c.req, makeError("invalid_value", "lang", "lang ska vara sv eller en"));
        language = lang == "en" ? Language::English : Language::Swedish;
    }
    const int suppressBelow = c.device->role == Role::Board ? kSmallCell : 0;
    auto view = federationOverviewJson(c.db, c.device->federationId, static_cast<int>(*year), tertial, language,
                                       suppressBelow, localTimeText());
    if (!view)
        return errorResponse(c.req, view.error());
    return jsonResponse(c.req, http::status::ok, *view);
}

Response Api::periods(Call& c)
{
    auto years = yearStates(c.db, c.device->federationId);
    if (!years)
        return errorResponse(c.req, years.error());
    return jsonResponse(c.req, http::status::ok, yearStatesToJson(*years));
}

Response Api::changePeriod(Call& c)
{
    // {"year": 2021, "action": "lock", "by": "Styrelsen 2022-03-14 § 12"} or {"year": 2021, "action": "unlock"}
    const auto usage = "skicka {\"year\": 2021, \"action\": \"lock\", \"by\": \"Styrelsen …\"} eller "
                       "{\"year\": 2021, \"action\": \"unlock\"}";
    auto j = objectBody(c.req, c.maxBody, usage);
    if (!j)
        return errorResponse(c.req, j.error());
    const auto year = j->find("year");
    if (year == j->end() || !year->is_number_integer() || year->get<long long>() < 1990 || year->get<long long>() > 2200)
        return errorResponse(c.req, makeError("invalid_value", "year", "year ska vara ett år mellan 1990 och 2200"));
    const auto action = j->find("action");
    if (action == j->end() || !action->is_string() || (*action != "lock" && *action != "unlock"))
        return errorResponse(c.req, makeError("invalid_value", "action", usage));
    const int y = static_cast<int>(year->get<long long>());
    if (*action == "lock") {
        const auto by = j->find("by");
        if (by == j->end() || !by->is_string())
            return errorResponse(c.req, makeError("invalid_value", "by", "skriv vems beslut det är i by"));
        auto lock = approveYear(c.db, c.device->federationId, y, by->get<std::string>());
        if (!lock)
            return errorResponse(c.req, lock.error());
        logLine("fastställt", std::to_string(y) + " av " + c.device->deviceId);
    } else {
        if (auto open = Repository(c.db).unlockYear(c.device->federationId, y); !open)
            return errorResponse(c.req, open.error());
        logLine("öppnat igen", std::to_string(y) + " av " + c.device->deviceId);
    }
    auto years = yearStates(c.db, c.device->federationId);
    if (!years)
        return errorResponse(c.req, years.error());
    return jsonResponse(c.req, http::status::ok, yearStatesToJson(*years));
}

Response Api::saveBudget(Call& c)
{
    // {"replace": false, "budget": {…a social budget file, docs/formats.md…}}
    auto j = objectBody(c.req, c.maxBody,
                        "skicka {\"replace\": false, \"budget\": {…en fil för social budget, docs/formats.md…}}");
    if (!j)
        return errorResponse(c.req, j.error());
    const auto budget = j->find("budget");
    if (budget == j->end() || !budget->is_object())
        return errorResponse(c.req, makeError("invalid_value", "budget", "budget ska vara en social budget (ett JSON-objekt)"));
    const auto replace = flagOf(*j, "replace");
    if (!replace)
        return errorResponse(c.req, replace.error());
    const bool replacing = *replace;
    Repository repo(c.db);
    // The import's own checks (ideal shares, weights, targets, questions …), the
    // locked year and an existing budget: each refused naming the field.
    auto saved = importBudget(repo, c.device->federationId, budget->dump(), "budget", replacing);
    if (!saved)
        return errorResponse(c.req, saved.error());
    const int year = budget->value("year", 0);
    logLine("social budget", std::to_string(year) + (replacing ? " ersatt" : " sparad") + " av " + c.device->deviceId);
    return jsonResponse(c.req, http::status::ok,
                        json{{"year", year}, {"indicators", saved->rows}, {"replaced", replacing}});
}

Response Api::importHaeFile(Call& c)
{
    // {"file": "hae-2024.csv", "csv": "kommun;year;hae_total;…", "apply": false}
    auto j = objectBody(c.req, c.maxBody,
                        "skicka {\"file\": \"hae.csv\", \"csv\": \"kommun;year;hae_total;…\", \"apply\": false}");
    if (!j)
        return errorResponse(c.req, j.error());
    const auto csv = j->find("csv");
    if (csv == j->end() || !csv->is_string())
        return errorResponse(c.req, makeError("invalid_value", "csv", "csv ska vara filens text (semikolonseparerad)"));
    const auto apply = flagOf(*j, "apply");
    if (!apply)
        return errorResponse(c.req, apply.error());
    auto fileName = fileNameOf(*j, "hae.csv");
    if (!fileName)
        return errorResponse(c.req, fileName.error());
    const std::string file = *fileName;
    const bool applying = *apply;
    Repository repo(c.db);
    auto preview = importHae(repo, c.device->federationId, csv->get_ref<const std::string&>(), file, applying);
    if (!preview)
        return errorResponse(c.req, preview.error());
    auto figures = [](const HaeStatistic& h) {
        return json{{"total", h.total},
                    {"illness", h.illness},
                    {"unemployment", h.unemployment},
                    {"assistance", h.assistance},
                    {"population", h.population}};
    };
    json changes = json::array();
    for (const auto& ch : preview->changes)
        changes.push_back({{"kommun", ch.kommun},
                           {"year", ch.after.year},
                           {"before", ch.before ? figures(*ch.before) : json(nullptr)},
                           {"after", figures(ch.after)}});
    if (applying)
        logLine("HÅE", std::to_string(preview->changes.size()) + " kommunår från " + file + " av " + c.device->deviceId);
    return jsonResponse(c.req, http::status::ok,
                        json{{"file", preview->file},
                             {"applied", preview->applied},
                             {"unchanged", preview->unchanged},
                             {"changes", changes}});
}

namespace {

/// The mapping and the lines it may name, as GET /api/v1/finance/mapping answers.
Result<json> mappingAnswer(Database& db, Id federationId)
{
    finance::FinanceStore store(db);
    auto rules = store.mapping(federationId);
    if (!rules)
        return rules.error();
    auto lines = store.lines(federationId);
    if (!lines)
        return lines.error();
    json l = json::array();
    for (const auto& line : *lines)
        l.push_back({{"code", line.code}, {"name", line.name}});
    return json{{"rules", mappingToJson(*rules)}, {"lines", l}};
}

}  // namespace

Response Api::accountMapping(Call& c)
{
    auto answer = mappingAnswer(c.db, c.device->federationId);
    if (!answer)
        return errorResponse(c.req, answer.error());
    return jsonResponse(c.req, http::status::ok, *answer);
}

Response Api::setAccountMapping(Call& c)
{
    auto j = objectBody(c.req, c.maxBody, "skicka {\"rules\": [{\"account_from\": \"5010\", \"line\": \"lokal\"}, …]}");
    if (!j)
        return errorResponse(c.req, j.error());
    auto rules = mappingFromJson(j->value("rules", json()));
    if (!rules)
        return errorResponse(c.req, rules.error());
    finance::FinanceStore store(c.db);
    if (auto s = store.setMapping(c.device->federationId, *rules); !s)
        return errorResponse(c.req, s.error());
    logLine("kontomappning", std::to_string(rules->size()) + " regler av " + c.device->deviceId);
    auto answer = mappingAnswer(c.db, c.device->federationId);
    if (!answer)
        return errorResponse(c.req, answer.error());
    return jsonResponse(c.req, http::status::ok, *answer);
}

Response Api::importOutcomeFile(Call& c)
{
    // {"file": "utfall-2026-03.csv", "csv": "line;year;month;amount\n…", "apply": false}
    auto j = objectBody(c.req, c.maxBody,
                        "skicka {\"file\": \"utfall.csv\", \"csv\": \"line;year;month;amount…\", \"apply\": false}");
    if (!j)
        return errorResponse(c.req, j.error());
    const auto csv = j->find("csv");
    if (csv == j->end() || !csv->is_string())
        return errorResponse(c.req, makeError("invalid_value", "csv", "csv ska vara filens text (semikolonseparerad)"));
    const auto apply = flagOf(*j, "apply");
    if (!apply)
        return errorResponse(c.req, apply.error());
    auto fileName = fileNameOf(*j, "utfall.csv");
    if (!fileName)
        return errorResponse(c.req, fileName.error());
    const std::string file = *fileName;
    const bool applying = *apply;
    finance::FinanceStore store(c.db);
    auto imported = importFinanceOutcome(store, c.device->federationId, csv->get_ref<const std::string&>(), file, applying);
    if (!imported)
        return errorResponse(c.req, imported.error());
    if (applying)
        logLine("utfall", file + " inläst av " + c.device->deviceId);
    return jsonResponse(c.req, http::status::ok, outcomeImportToJson(*imported));
}

Response Api::importSieFile(Call& c)
{
    // {"file": "bokforing.se", "content_base64": "…", "apply": false, "budget": false}
    auto j = objectBody(c.req, c.maxBody,
                        "skicka {\"file\": \"bokforing.se\", \"content_base64\": \"…\", \"apply\": false}");
    if (!j)
        return errorResponse(c.req, j.error());
    const auto content = j->find("content_base64");
    if (content == j->end() || !content->is_string())
        return errorResponse(c.req, makeError("invalid_value", "content_base64", "content_base64 ska vara filens innehåll i base64"));
    const auto& encoded = content->get_ref<const std::string&>();
    // Plain base64: the alphabet, a length of whole quads, at most two '=' at the end.
    const auto padding = encoded.find('=');
    const bool valid = encoded.size() % 4 == 0 &&
                       encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
                           std::string::npos &&
                       (padding == std::string::npos ||
                        (padding >= encoded.size() - 2 && encoded.find_first_not_of('=', padding) == std::string::npos));
    if (!valid)
        return errorResponse(c.req, makeError("invalid_value", "content_base64", "content_base64 är inte giltig base64"));
    std::string bytes(boost::beast::detail::base64::decoded_size(encoded.size()), '\0');
    bytes.resize(boost::beast::detail::base64::decode(bytes.data(), encoded.data(), encoded.size()).first);
    const auto apply = flagOf(*j, "apply");
    if (!apply)
        return errorResponse(c.req, apply.error());
    const auto budget = flagOf(*j, "budget");
    if (!budget)
        return errorResponse(c.req, budget.error());
    auto fileName = fileNameOf(*j, "bokforing.se");
    if (!fileName)
        return errorResponse(c.req, fileName.error());
    const std::string file = *fileName;
    SieOptions options;
    options.apply = *apply;
    options.budget = *budget;
    finance::FinanceStore store(c.db);
    std::istringstream in(bytes);
    auto imported = importSie(store, c.device->federationId, in, file, options);
    if (!imported)
        return errorResponse(c.req, imported.error());
    if (options.apply)
        logLine("SIE", file + " inläst av " + c.device->deviceId);
    return jsonResponse(c.req, http::status::ok, sieImportToJson(*imported));
}

namespace {

/// A one-line text field of a small JSON body: present, a string, 1–`max` characters, no control characters.
Result<std::string> textField(const json& body, const char* key, std::size_t max, const std::string& example)
{
    const auto it = body.find(key);
    if (it == body.end() || !it->is_string() || it->get_ref<const std::string&>().empty() ||
        utf8Characters(it->get_ref<const std::string&>()) > max || hasControlCharacters(it->get_ref<const std::string&>()))
        return makeError("invalid_value", key,
                         std::string(key) + " ska vara en text på 1–" + std::to_string(max) + " tecken, t.ex. " + example);
    return it->get<std::string>();
}

}  // namespace

Response Api::users(Call& c)
{
    Accounts accounts(c.db);
    auto users = accounts.users(c.device->federationId);
    if (!users)
        return errorResponse(c.req, users.error());
    auto devices = accounts.devices(c.device->federationId);
    if (!devices)
        return errorResponse(c.req, devices.error());
    json u = json::array();
    for (const auto& x : *users)
        u.push_back({{"login", x.login},
                     {"role", codeOf(x.role)},
                     {"team", x.teamCode.empty() ? json(nullptr) : json{{"code", x.teamCode}, {"name", x.teamName}}}});
    json d = json::array();
    for (const auto& x : *devices)
        d.push_back({{"id", x.id},
                     {"login", x.login},
                     {"name", x.name},
                     {"created_at", x.createdAt},
                     {"last_seen_at", x.lastSeenAt.empty() ? json(nullptr) : json(x.lastSeenAt)},
                     {"revoked", x.revoked},
                     {"this_device", x.id == c.device->deviceId}});
    return jsonResponse(c.req, http::status::ok, {{"users", u}, {"devices", d}});
}

Response Api::addUser(Call& c)
{
    // {"login": "anna", "role": "coordinator", "team": "vannas"}
    auto j = objectBody(c.req, c.maxBody, "skicka {\"login\": \"anna\", \"role\": "
                                                                  "\"coordinator\", \"team\": \"vannas\"}");
    if (!j)
        return errorResponse(c.req, j.error());
    auto login = textField(*j, "login", 100, "anna.k");
    if (!login)
        return errorResponse(c.req, login.error());
    const auto roleIt = j->find("role");
    const auto role = roleIt != j->end() && roleIt->is_string() ? parseRole(roleIt->get<std::string>()) : std::nullopt;
    if (!role)
        return errorResponse(c.req, makeError("invalid_value", "role", "role ska vara coordinator, central_office eller board"));
    std::string team;
    if (const auto t = j->find("team"); t != j->end() && !t->is_null()) {
        auto text = textField(*j, "team", 100, "vannas");
        if (!text)
            return errorResponse(c.req, text.error());
        team = *text;
    }
    // The same rules as the person's name: a personnummer in a login is refused.
    if (looksLikePersonnummer(*login))
        return errorResponse(c.req, makeError("personnummer", "login",
                                              "användarnamnet ser ut som ett personnummer – välj ett annat namn"));
    auto added = Accounts(c.db).addUser(c.device->federationId, *login, *role, team);
    if (!added)
        return errorResponse(c.req, added.error());
    logLine("användare", "ny " + std::string(codeOf(*role)) + " av " + c.device->deviceId);
    return users(c);
}

Response Api::enrolmentCode(Call& c)
{
    // {"login": "anna"} → {"code": "…", "login": "anna", "valid_days": 14}; the code is shown once, never logged.
    auto j = objectBody(c.req, c.maxBody, "skicka {\"login\": \"anna\"}");
    if (!j)
        return errorResponse(c.req, j.error());
    auto login = textField(*j, "login", 100, "anna.k");
    if (!login)
        return errorResponse(c.req, login.error());
    constexpr int kDays = 14;
    auto code = Accounts(c.db).newEnrolmentCode(c.device->federationId, *login, kDays);
    if (!code)
        return errorResponse(c.req, code.error());
    logLine("registreringskod", "ny kod för en användare av " + c.device->deviceId);
    return jsonResponse(c.req, http::status::ok, {{"code", *code}, {"login", *login}, {"valid_days", kDays}});
}

Response Api::revokeDevice(Call& c)
{
    // {"device_id": "…"}: only a device of the caller's förbund.
    auto j = objectBody(c.req, c.maxBody, "skicka {\"device_id\": \"…\"}");
    if (!j)
        return errorResponse(c.req, j.error());
    auto id = textField(*j, "device_id", 100, "d-…");
    if (!id)
        return errorResponse(c.req, id.error());
    Accounts accounts(c.db);
    auto devices = accounts.devices(c.device->federationId);
    if (!devices)
        return errorResponse(c.req, devices.error());
    // Another förbund's device answers as one nobody has.
    if (std::none_of(devices->begin(), devices->end(), [&](const DeviceInfo& d) { return d.id == *id; }))
        return errorResponse(c.req, makeError("not_found", "device_id", "enheten finns inte"));
    if (auto revoked = accounts.revoke(*id); !revoked)
        return errorResponse(c.req, revoked.error());
    logLine("enhet spärrad", *id + " av " + c.device->deviceId);
    return users(c);
}

Response Api::stats(Call& c)
{
    auto unit = unitQuery(c);
    if (!unit)
        return errorResponse(c.req, unit.error());
    auto stats = computeParticipantStatistics(c.db, c.device->federationId,
                                              unit->team ? std::optional<Id>(unit->team->id) : std::nullopt, unit->period);
    if (!stats)
        return errorResponse(c.req, stats.error());
    if (unit->aggregatesOnly)
        stats->suppressBelow = kSmallCell;
    return jsonResponse(c.req, http::status::ok, participantStatisticsToJson(*stats));
}

}  // namespace samkoll::server
