// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <boost/beast/http.hpp>

namespace samkoll::server {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

/// Turns a request into a response. Called on an I/O thread, or on a worker
/// thread when `Offload` says so; must not throw.
using Handler = std::function<Response(const Request& request, const std::string& remoteAddress)>;
/// Whether a request may take long (a batch to apply, an index to compute):
/// then it runs on a worker thread, so the I/O threads keep answering
/// handshakes and quick requests meanwhile.
using Offload = std::function<bool(const Request& request)>;

struct ServerConfig {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8443;   ///< 0 = any free port (printed on start)
    int threads = 2;
    std::string certificateFile; ///< PEM; empty only with allowPlain
    std::string keyFile;         ///< PEM
    bool allowPlain = false;     ///< plain HTTP, accepted only on a loopback address
    std::size_t bodyLimit = 8 * 1024 * 1024;
    std::chrono::seconds timeout{30};
    /// On SIGTERM: how long requests in flight may take to finish (the unit's TimeoutStopSec is longer).
    std::chrono::seconds drainLimit{30};
    std::size_t maxTarget = 8 * 1024;          ///< a longer URL is answered 414
    std::size_t maxHeaderBytes = 16 * 1024;    ///< larger headers are answered 431
    int workerThreads = 2;                     ///< for requests that Offload names
    int maxConnections = 1000;                 ///< open connections in all; more wait in the kernel's queue
    int maxConnectionsPerAddress = 200;        ///< one office behind NAT may have many devices, not all of them
};

/// The transport: an asynchronous Boost.Beast server, HTTPS (or plain HTTP on
/// loopback when allowed), keep-alive, per-connection timeouts and body limits,
/// graceful stop on SIGTERM/SIGINT. Knows nothing of the domain: every request
/// goes to the handler.
class HttpServer {
public:
    HttpServer(ServerConfig config, Handler handler, Offload offload = {});
    ~HttpServer();

    /// Binds and listens; returns the bound port, or throws std::runtime_error
    /// with a Swedish message (bad certificate, port taken, plain on a public address).
    std::uint16_t start();
    /// Serves until SIGTERM/SIGINT or stop(); blocks the calling thread.
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace samkoll::server
