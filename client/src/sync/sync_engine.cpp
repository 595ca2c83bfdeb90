// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync_engine.hpp"

#include <cctype>

#include "samkoll/store/repository.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <thread>

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {
/// "2026-11-22T09:17:38Z" — what SyncStatus::lastSync promises.
std::string isoTimeUtc(std::int64_t millis)
{
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}
}  // namespace

SyncEngine::SyncEngine(const std::string& localDatabase)
{
    auto db = Database::open(localDatabase);
    if (!db)
        throw std::runtime_error(db.error().describe());
    m_db = std::move(*db);
    auto device = Replica(*m_db, "").state("device_id");
    m_replica = std::make_unique<Replica>(*m_db, device.value_or("new-device"));
    connect();
}

void SyncEngine::connect()
{
    auto url = m_replica->state("server_url");
    if (!url)
        return;
    m_http = std::make_unique<HttpsClient>(*url, m_replica->state("server_ca").value_or(""));
    m_http->setToken(m_replica->state("token").value_or(""));
}

Status SyncEngine::enrol(const std::string& serverUrl, const std::string& code, const std::string& deviceName,
                         const std::string& caPem)
{
    HttpsClient http(serverUrl, caPem);
    auto reply = http.request("POST", "/api/v1/enrol", json{{"code", code}, {"device_name", deviceName}}.dump());
    if (!reply)
        return reply.error();
    const json j = json::parse(reply->body, nullptr, false);
    if (reply->status != 200) {
        if (j.is_object() && j.contains("error"))
            return makeError(j["error"].value("code", "server"), "code", j["error"].value("message", ""));
        return makeError("server", "", "servern svarade " + std::to_string(reply->status));
    }
    try {
        for (auto [key, value] : {std::pair<std::string, std::string>{"server_url", serverUrl},
                                  {"server_ca", caPem},
                                  {"device_id", j.at("device_id").get<std::string>()},
                                  {"token", j.at("token").get<std::string>()},
                                  {"role", j.at("role").get<std::string>()},
                                  {"login", j.value("login", deviceName)},
                                  {"team", j.at("team").is_object() ? j["team"].at("code").get<std::string>() : ""}}) {
            if (auto s = m_replica->setState(key, value); !s)
                return s;
        }
    } catch (const json::exception& e) {
        return makeError("invalid_response", "", std::string("oväntat svar vid registrering: ") + e.what());
    }
    m_replica = std::make_unique<Replica>(*m_db, m_replica->state("device_id").value());
    connect();
    return {};
}

Result<SyncReport> SyncEngine::syncOnce(bool confirmMassDelete, bool refreshConfiguration)
{
    if (!m_http)
        return makeError("not_enrolled", "", "enheten är inte registrerad – ange serveradress och kod från kansliet");
    HttpsTransport transport(*m_http);
    m_lastAttempt = isoTimeUtc(systemMillis());
    auto report = synchronise(*m_replica, transport, m_replica->state("device_id").value_or(""), refreshConfiguration,
                              confirmMassDelete);
    m_online = report || report.error().code != "network";
    if (!report) {
        m_lastError = report.error();
        return report;
    }
    m_lastError.reset();
    m_skew = report->clockSkewMs;
    (void)m_replica->setState("last_sync", isoTimeUtc(systemMillis()));
    // The förbund's figure is a courtesy: nothing in it may fail the sync that succeeded.
    try {
        fetchFederationIndex(refreshConfiguration);
    } catch (const std::exception&) {
    }
    return report;
}

void SyncEngine::fetchFederationIndex(bool refreshed)
{
    constexpr std::int64_t kEveryMs = 15 * 60 * 1000;
    const auto now = systemMillis();
    const auto last = m_replica->state("federation_index_ms");
    // At start (a configuration refresh) and then at most every 15 minutes:
    // the server computes the whole förbund's index for it.
    const auto lastMs = last ? std::strtoll(last->c_str(), nullptr, 10) : 0;
    if (!refreshed && last && now - lastMs < kEveryMs)
        return;
    // Every year the förbund has a social budget for (the last three): the
    // Översikt shows the year the coordinator picks.
    auto fed = m_replica->federationId();
    if (!fed)
        return;
    auto years = Repository(*m_db).budgetYears(*fed);
    if (!years)
        return;
    std::sort(years->rbegin(), years->rend());
    if (years->size() > 3)
        years->resize(3);
    for (int year : *years) {
        auto reply = m_http->request("GET", "/api/v1/index?scope=federation&year=" + std::to_string(year));
        if (!reply || reply->status != 200)
            return;  // the förbund's figure is a courtesy: the sync itself succeeded
        const json j = json::parse(reply->body, nullptr, false);
        if (!j.is_object() || !j.contains("index"))
            continue;
        const json stored{{"fetched_at", isoTimeUtc(now)}, {"year", year}, {"index", j["index"]}};
        (void)m_replica->setState("federation_index:" + std::to_string(year), stored.dump());
    }
    (void)m_replica->setState("federation_index_ms", std::to_string(now));
}

namespace {

/// A query value as a URL carries it (a team may be given by its name, with spaces and å ä ö).
std::string urlEncoded(const std::string& value)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

Result<Document> SyncEngine::fetchReport(const ReportRequest& request)
{
    if (!m_http)
        return makeError("not_enrolled", "", "enheten är inte registrerad – ange serveradress och kod från kansliet");
    std::string path = "/api/v1/report?kind=" + std::string(codeOf(request.kind)) +
                       "&year=" + std::to_string(request.year);
    if (request.tertial)
        path += "&tertial=" + std::to_string(*request.tertial);
    if (!request.team.empty())
        path += "&team=" + urlEncoded(request.team);
    HttpsTransport transport(*m_http);
    auto answer = transport.get(path);
    if (!answer) {
        if (answer.error().code == "network")
            return makeError("network", "", "rapporter görs av servern, som inte kan nås just nu – försök igen när "
                                            "nätet är tillbaka");
        return answer.error();
    }
    return documentFromJson(answer->dump());
}

Result<json> SyncEngine::serverCall(const std::string& path, const std::optional<json>& body)
{
    if (!m_http)
        return makeError("not_enrolled", "", "enheten är inte registrerad – ange serveradress och kod från kansliet");
    HttpsTransport transport(*m_http);
    auto answer = body ? transport.post(path, *body) : transport.get(path);
    if (!answer && answer.error().code == "network")
        return makeError("network", "", "det här görs på servern, som inte kan nås just nu – försök igen när nätet är "
                                        "tillbaka");
    return answer;
}

std::optional<json> SyncEngine::federationIndex(int year)
{
    auto text = m_replica->state("federation_index:" + std::to_string(year));
    if (!text)
        return std::nullopt;
    auto j = json::parse(*text, nullptr, false);
    if (j.is_discarded())
        return std::nullopt;
    return j;
}

Result<SyncReport> SyncEngine::syncWithRetry(int attempts, std::chrono::milliseconds base)
{
    auto delay = base;
    for (int i = 1;; ++i) {
        auto r = syncOnce();
        // Only transport failures are worth retrying; a refusal stays a refusal.
        if (r || i >= attempts || (r.error().code != "network" && r.error().code != "storage"))
            return r;
        std::this_thread::sleep_for(delay);
        delay = std::min(delay * 2, std::chrono::milliseconds(30000));
    }
}

SyncStatus SyncEngine::status()
{
    SyncStatus s;
    s.enrolled = m_http != nullptr;
    s.online = m_online;
    s.lastAttempt = m_lastAttempt;
    s.lastSync = m_replica->state("last_sync").value_or("");
    s.pending = m_replica->pendingCount();
    s.refused = m_replica->refusedCount();
    s.conflicts = m_replica->conflictCount();
    s.lastError = m_lastError;
    s.clockSkewMs = m_skew;
    return s;
}

}  // namespace samkoll::client
