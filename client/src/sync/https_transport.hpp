// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "samkoll/sync/replica.hpp"

namespace samkoll::client {

/// An HTTP reply: status and body (already decompressed).
struct HttpReply {
    long status = 0;
    std::string body;
};

/// A request body as it goes on the wire: beyond a kilobyte gzip-compressed
/// (a batch of edits shrinks to a fraction: it matters on a slow connection).
struct RequestBody {
    std::string bytes;
    bool gzip = false;
    static RequestBody encode(std::string body);
};

/// HTTPS to the Samkoll server with libcurl: one connection reused across
/// requests, timeouts on every request, TLS always verified (the chain and the
/// host name) — against the server's own certificate when the device was given
/// one at enrolment (pinning, for a self-signed server), otherwise against the
/// system's CA store (a certificate from the kommun's or a public CA;
/// SSL_CERT_FILE names another bundle, as for OpenSSL).
class HttpsClient {
public:
    /// `caPem` empty = the system's trust store (a server with a public certificate).
    HttpsClient(std::string baseUrl, std::string caPem);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    void setToken(std::string token) { m_token = std::move(token); }
    /// Sends a request; transport failures (no network, TLS, timeout) are errors with code "network".
    core::Result<HttpReply> request(const std::string& method, const std::string& path, const std::string& body = {});
    /// The same with a body encoded ahead of time.
    core::Result<HttpReply> request(const std::string& method, const std::string& path, const RequestBody& body);

private:
    std::string m_base;
    std::string m_ca;
    std::string m_token;
    void* m_curl;
};

/// The sync transport over HTTPS: JSON bodies, server errors mapped back to
/// their codes ("invalid_cursor", "unsupported_version", "unauthorized" …).
class HttpsTransport : public core::SyncTransport {
public:
    explicit HttpsTransport(HttpsClient& client) : m_client(client) {}
    core::Result<nlohmann::json> configuration() override;
    core::Result<core::BatchResult> push(const core::Batch& batch) override;
    /// Encodes and compresses the batch now, on the calling thread.
    std::function<core::Result<core::BatchResult>()> preparePush(const core::Batch& batch) override;
    core::Result<core::PullResult> pull(std::int64_t cursor, int limit) override;
    /// Any other GET of the API: the JSON answer, or the server's error (code, field, message).
    core::Result<nlohmann::json> get(const std::string& path) { return call("GET", path, RequestBody{}); }
    core::Result<nlohmann::json> post(const std::string& path, const nlohmann::json& body)
    {
        return call("POST", path, RequestBody::encode(body.dump()));
    }

private:
    core::Result<nlohmann::json> call(const std::string& method, const std::string& path, const RequestBody& body);
    HttpsClient& m_client;
};

}  // namespace samkoll::client
