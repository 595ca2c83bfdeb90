// SPDX-License-Identifier: GPL-3.0-or-later
#include "https_transport.hpp"

#include "samkoll/io/gzip.hpp"

#include <cstdlib>

#include <curl/curl.h>

#include <mutex>

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user)
{
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpsClient::HttpsClient(std::string baseUrl, std::string caPem) : m_base(std::move(baseUrl)), m_ca(std::move(caPem))
{
    globalInit();
    m_curl = curl_easy_init();
    while (!m_base.empty() && m_base.back() == '/')
        m_base.pop_back();
}

HttpsClient::~HttpsClient()
{
    curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

RequestBody RequestBody::encode(std::string body)
{
    if (body.size() > 1024)
        return {gzipCompress(body), true};
    return {std::move(body), false};
}

Result<HttpReply> HttpsClient::request(const std::string& method, const std::string& path, const std::string& body)
{
    return request(method, path, method == "POST" ? RequestBody::encode(body) : RequestBody{body, false});
}

Result<HttpReply> HttpsClient::request(const std::string& method, const std::string& path, const RequestBody& body)
{
    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl)
        return makeError("network", "", "nätverksbiblioteket kunde inte startas");
    curl_easy_reset(curl);  // keeps the open connection and TLS session for reuse
    HttpReply reply;
    const std::string url = m_base + path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
    // A stalled connection (a laptop losing the network mid-request) is given
    // up after 15 s without progress, not 120 s: local edits queue behind a sync.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 15L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip responses, decompressed by curl
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_blob ca{};
    if (!m_ca.empty()) {
        ca.data = m_ca.data();
        ca.len = m_ca.size();
        ca.flags = CURL_BLOB_NOCOPY;
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &ca);
    } else if (const char* bundle = std::getenv("SSL_CERT_FILE"); bundle && *bundle) {
        curl_easy_setopt(curl, CURLOPT_CAINFO, bundle);  // else curl's default: the system store
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Accept: application/json");
    std::string auth;
    if (!m_token.empty()) {
        auth = "Authorization: Bearer " + m_token;
        headers = curl_slist_append(headers, auth.c_str());
    }
    if (body.gzip)
        headers = curl_slist_append(headers, "Content-Encoding: gzip");
    const std::string& payload = body.bytes;
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
    }
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
        return makeError("certificate", "certificate",
                         m_ca.empty() ? "serverns certifikat går inte att lita på: det är inte utfärdat av en betrodd "
                                        "utfärdare för just den adressen. Har servern ett eget (självsignerat) "
                                        "certifikat, ange certifikatfilen från kansliet."
                                      : "serverns certifikat är inte det som enheten fick vid registreringen, eller "
                                        "gäller inte för adressen – fråga kansliet.");
    if (rc != CURLE_OK)
        return makeError("network", "", std::string("servern kan inte nås: ") + curl_easy_strerror(rc));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

Result<json> HttpsTransport::call(const std::string& method, const std::string& path, const RequestBody& body)
{
    auto reply = m_client.request(method, path, body);
    if (!reply)
        return reply.error();
    json j = json::parse(reply->body, nullptr, false);
    if (reply->status != 200) {
        if (j.is_object() && j.contains("error") && j["error"].is_object()) {
            Error e = makeError(j["error"].value("code", "server"), j["error"].value("field", ""),
                                j["error"].value("message", "servern svarade " + std::to_string(reply->status)));
            e.where = j["error"].value("where", "");
            return e;
        }
        return makeError("server", "", "servern svarade " + std::to_string(reply->status));
    }
    if (j.is_discarded())
        return makeError("invalid_response", "", "servern svarade inte med JSON");
    return j;
}

Result<json> HttpsTransport::configuration()
{
    return call("GET", "/api/v1/config", RequestBody{});
}

Result<BatchResult> HttpsTransport::push(const Batch& batch)
{
    return preparePush(batch)();
}

std::function<Result<BatchResult>()> HttpsTransport::preparePush(const Batch& batch)
{
    return [this, body = RequestBody::encode(batchToJson(batch).dump())]() -> Result<BatchResult> {
        auto j = call("POST", "/api/v1/sync/push", body);
        if (!j)
            return j.error();
        return parseBatchResult(*j);
    };
}

Result<PullResult> HttpsTransport::pull(std::int64_t cursor, int limit)
{
    // shape=tables: cases and tally rows as tables (a server that does not
    // know it answers with changes only, which is read the same way).
    auto j = call("GET", "/api/v1/sync/pull?shape=tables&cursor=" + std::to_string(cursor) + "&limit=" + std::to_string(limit),
                  RequestBody{});
    if (!j)
        return j.error();
    return parsePullResult(std::move(*j));
}

}  // namespace samkoll::client
