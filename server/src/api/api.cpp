// SPDX-License-Identifier: GPL-3.0-or-later
#include "api.hpp"

#include <nlohmann/json.hpp>

#include <memory>

#include "accounts.hpp"
#include "samkoll/io/gzip.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/io/csv.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/participant_stats.hpp"
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
    if (code == "unsupported_media_type")
        return http::status::unsupported_media_type;
    if (code == "too_large")
        return http::status::payload_too_large;
    if (code == "method_not_allowed")
        return http::status::method_not_allowed;
    return http::status::bad_request;
}

Response jsonResponse(const Request& req, http::status status, const json& body)
{
    Response res{status, req.version()};
    res.set(http::field::server, "samkolld");
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    std::string text = body.dump();
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

Response errorResponse(const Request& req, const Error& e)
{
    auto res = jsonResponse(req, statusOf(e.code), json{{"error", errorToJson(e)}});
    if (e.code == "rate_limited")
        res.set(http::field::retry_after, "60");
    return res;
}

/// Query parameters of the target, percent-decoded.
std::map<std::string, std::string> queryOf(std::string_view target)
{
    std::map<std::string, std::string> out;
    const auto q = target.find('?');
    if (q == std::string_view::npos)
        return out;
    std::string_view rest = target.substr(q + 1);
    auto decode = [](std::string_view s) {
        std::string d;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '%' && i + 2 < s.size()) {
                d.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
                i += 2;
            } else {
                d.push_back(s[i] == '+' ? ' ' : s[i]);
            }
        }
        return d;
    };
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        try {
            out[decode(pair.substr(0, eq))] = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
        } catch (const std::exception&) {
            // an invalid %-escape: the parameter is ignored and reported as missing
        }
        if (amp == std::string_view::npos)
            break;
        rest.remove_prefix(amp + 1);
    }
    return out;
}

Result<std::string> bodyOf(const Request& req)
{
    const auto encoding = req[http::field::content_encoding];
    if (encoding.empty() || encoding == "identity")
        return req.body();
    if (encoding != "gzip")
        return makeError("unsupported_media_type", "Content-Encoding", "bara gzip stöds som Content-Encoding");
    return gzipDecompress(req.body(), kMaxInflated);
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
        if (!opened)
            throw std::runtime_error(opened.error().describe());
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

Response Api::handle(const Request& req, const std::string& remote)
{
    try {
        const std::string target(req.target());
        const std::string path = target.substr(0, target.find('?'));
        const auto query = queryOf(target);
        Database& db = database();

        if (path == "/health") {
            return jsonResponse(req, http::status::ok,
                                {{"status", "ok"},
                                 {"schema_version", db.schemaVersion()},
                                 {"protocol_version", kProtocolVersion},
                                 {"oldest_protocol_version", kOldestAcceptedProtocolVersion},
                                 {"server_time_ms", systemMillis()}});
        }
        if (path.rfind("/api/v1/", 0) != 0)
            return errorResponse(req, makeError("not_found", "path", "okänd adress " + path));

        const bool post = req.method() == http::verb::post;
        const bool get = req.method() == http::verb::get;
        Accounts accounts(db);

        if (path == "/api/v1/enrol") {
            if (!post)
                return errorResponse(req, makeError("method_not_allowed", "method", "använd POST"));
            if (rateLimited(remote))
                return errorResponse(req, makeError("rate_limited", "", "för många misslyckade försök – vänta en minut"));
            auto body = bodyOf(req);
            if (!body)
                return errorResponse(req, body.error());
            const json j = json::parse(*body, nullptr, false);
            if (!j.is_object() || !j.contains("code") || !j["code"].is_string())
                return errorResponse(req, makeError("invalid_body", "code", "skicka {\"code\": \"…\", \"device_name\": \"…\"}"));
            auto e = accounts.enrol(j["code"].get<std::string>(), j.value("device_name", std::string("enhet")));
            if (!e) {
                recordFailure(remote);
                return errorResponse(req, e.error());
            }
            return jsonResponse(req, http::status::ok,
                                {{"device_id", e->deviceId},
                                 {"token", e->token},
                                 {"role", codeOf(e->context.role)},
                                 {"login", e->login},
                                 {"federation", e->federationName},
                                 {"team", e->teamCode.empty() ? json(nullptr)
                                                              : json{{"code", e->teamCode}, {"name", e->teamName}}},
                                 {"protocol_version", kProtocolVersion}});
        }

        // Everything else needs a device token.
        if (rateLimited(remote))
            return errorResponse(req, makeError("rate_limited", "", "för många misslyckade försök – vänta en minut"));
        const auto auth = req[http::field::authorization];
        if (auth.size() < 8 || auth.substr(0, 7) != "Bearer ") {
            recordFailure(remote);
            return errorResponse(req, makeError("unauthorized", "Authorization", "logga in: Authorization: Bearer <token>"));
        }
        // A download reads the device and the changes in one snapshot (one
        // read transaction per poll instead of two).
        std::optional<ReadTransaction> snapshot;
        if (get && path == "/api/v1/sync/pull")
            snapshot.emplace(db);
        auto ctx = accounts.authenticate(std::string(auth.substr(7)));
        if (!ctx) {
            recordFailure(remote);
            return errorResponse(req, ctx.error());
        }

        if (path == "/api/v1/config") {
            if (!get)
                return errorResponse(req, makeError("method_not_allowed", "method", "använd GET"));
            return jsonResponse(req, http::status::ok, exportConfiguration(db, ctx->federationId));
        }
        if (path == "/api/v1/sync/push") {
            if (!post)
                return errorResponse(req, makeError("method_not_allowed", "method", "använd POST"));
            if (req[http::field::content_type].find("application/json") == boost::beast::string_view::npos)
                return errorResponse(req, makeError("unsupported_media_type", "Content-Type", "skicka application/json"));
            auto body = bodyOf(req);
            if (!body)
                return errorResponse(req, body.error());
            auto batch = parseBatch(*body);
            if (!batch)
                return errorResponse(req, batch.error());
            std::lock_guard writer(m_writer);
            auto result = SyncService(db).push(*ctx, *batch, Date::today());
            if (!result)
                return errorResponse(req, result.error());
            return jsonResponse(req, http::status::ok, batchResultToJson(*result));
        }
        if (path == "/api/v1/sync/pull") {
            if (!get)
                return errorResponse(req, makeError("method_not_allowed", "method", "använd GET"));
            auto cursor = parseInteger(query.count("cursor") ? query.at("cursor") : "0");
            if (!cursor)
                return errorResponse(req, makeError("invalid_value", "cursor", "cursor ska vara ett heltal"));
            auto limit = parseInteger(query.count("limit") ? query.at("limit") : "1000");
            if (!limit || *limit < 1 || *limit > kMaxPullLimit)
                return errorResponse(req, makeError("invalid_value", "limit",
                                                    "limit ska vara 1–" + std::to_string(kMaxPullLimit)));
            auto result = SyncService(db).pull(*ctx, *cursor, static_cast<int>(*limit));
            if (!result)
                return errorResponse(req, result.error());
            return jsonResponse(req, http::status::ok, pullResultToJson(*result));
        }
        if (path == "/api/v1/index" || path == "/api/v1/stats") {
            if (!get)
                return errorResponse(req, makeError("method_not_allowed", "method", "använd GET"));
            auto period = periodOf(query);
            if (!period)
                return errorResponse(req, period.error());
            Repository repo(db);
            std::optional<Team> team;
            if (query.count("team")) {
                auto t = repo.team(ctx->federationId, query.at("team"));
                if (!t)
                    return errorResponse(req, t.error());
                team = *t;
            }
            if (path == "/api/v1/index") {
                auto index = computeFederationIndex(db, ctx->federationId, *period);
                if (!index)
                    return errorResponse(req, index.error());
                if (!team && query.count("scope") && query.at("scope") == "federation") {
                    // The förbund's own figure without every team's (what a client shows beside its own).
                    auto out = federationIndexToJson(*index, "");
                    out.erase("teams");
                    return jsonResponse(req, http::status::ok, out);
                }
                return jsonResponse(req, http::status::ok, federationIndexToJson(*index, team ? team->code : ""));
            }
            auto stats = computeParticipantStatistics(db, ctx->federationId,
                                                      team ? std::optional<Id>(team->id) : std::nullopt, *period);
            if (!stats)
                return errorResponse(req, stats.error());
            return jsonResponse(req, http::status::ok, participantStatisticsToJson(*stats));
        }
        return errorResponse(req, makeError("not_found", "path", "okänd adress " + path));
    } catch (const std::exception& e) {
        return errorResponse(req, makeError("storage", "", std::string("serverfel: ") + e.what()));
    }
}

}  // namespace samkoll::server
