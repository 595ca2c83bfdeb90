// SPDX-License-Identifier: GPL-3.0-or-later
// Session life cycle after Boost.Beast's advanced_server_flex example (1.74):
// one session template for plain and TLS streams, timeouts on every operation.
#include "http_server.hpp"

#include "log.hpp"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <utility>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace samkoll::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

/// Errors that are part of normal life on a network: a peer that went away,
/// a timeout, a TLS peer that closed without close_notify. Not logged.
bool ordinary(const beast::error_code& ec)
{
    return ec == beast::error::timeout || ec == net::error::operation_aborted || ec == net::error::connection_reset ||
           ec == net::error::eof || ec == net::error::broken_pipe || ec == ssl::error::stream_truncated ||
           ec == http::error::end_of_stream || ec == http::error::partial_message;
}

/// Beast's examples' fail(): report what went wrong, where.
void fail(const beast::error_code& ec, const char* what)
{
    if (!ordinary(ec))
        logLine(what, ec.message());
}

Response plainError(http::status status, unsigned version, bool keepAlive, const std::string& code, const std::string& message)
{
    Response res{status, version};
    res.set(http::field::server, "samkolld");
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.keep_alive(keepAlive);
    std::string escaped;
    for (char c : message)
        escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    res.body() = R"({"error":{"code":")" + code + R"(","message":")" + escaped + R"("}})";
    res.prepare_payload();
    return res;
}

/// What every connection shares: the handler, the configuration, the worker
/// pool, and the count of open connections (in all and per address).
struct Shared {
    Handler handler;
    Offload offload;
    ServerConfig config;
    std::optional<net::thread_pool> workers;
    std::mutex mutex;
    int open = 0;
    std::map<std::string, int> perAddress;
    /// Requests read and not yet answered: a stop waits for them.
    std::atomic<int> inFlight{0};
    std::atomic<bool> stopping{false};

    /// Counts a new connection from `remote`; false when a cap is reached.
    bool admit(const std::string& remote)
    {
        std::lock_guard lock(mutex);
        if (open >= config.maxConnections || perAddress[remote] >= config.maxConnectionsPerAddress)
            return false;
        ++open;
        ++perAddress[remote];
        return true;
    }
    void release(const std::string& remote)
    {
        std::lock_guard lock(mutex);
        --open;
        if (--perAddress[remote] <= 0)
            perAddress.erase(remote);
    }
};

/// Holds a counted connection for as long as its session lives.
class Admission {
public:
    Admission(Shared& shared, std::string remote) : m_shared(&shared), m_remote(std::move(remote)) {}
    Admission(Admission&& other) noexcept : m_shared(std::exchange(other.m_shared, nullptr)), m_remote(std::move(other.m_remote)) {}
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;
    Admission& operator=(Admission&&) = delete;
    ~Admission()
    {
        if (m_shared)
            m_shared->release(m_remote);
    }
    [[nodiscard]] const std::string& remote() const { return m_remote; }

private:
    Shared* m_shared;
    std::string m_remote;
};

/// Counts one request from when it is read until its answer is written (or
/// the connection fails).
class InFlight {
public:
    explicit InFlight(Shared& shared) : m_shared(shared) { ++m_shared.inFlight; }
    ~InFlight() { --m_shared.inFlight; }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

private:
    Shared& m_shared;
};

/// Shared by plain and TLS sessions (CRTP): read a request, answer, repeat.
template <class Derived>
class Session {
public:
    Session(beast::flat_buffer buffer, Shared& shared, Admission admission)
        : m_buffer(std::move(buffer)), m_shared(shared), m_config(shared.config), m_admission(std::move(admission)),
          m_remote(m_admission.remote())
    {
    }

protected:
    Derived& derived() { return static_cast<Derived&>(*this); }

    void doRead()
    {
        m_parser.emplace();
        m_parser->body_limit(m_config.bodyLimit);
        // Beast's own limit ends the read (the 431 sent then may be lost when
        // the connection closes on unread data); well above ours, requests a
        // little too large are read whole and answered 414/431 cleanly.
        m_parser->header_limit(static_cast<std::uint32_t>(4 * std::max(m_config.maxHeaderBytes, m_config.maxTarget)));
        beast::get_lowest_layer(derived().stream()).expires_after(m_config.timeout);
        http::async_read(derived().stream(), m_buffer, *m_parser,
                         beast::bind_front_handler(&Session::onRead, derived().shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t)
    {
        if (ec == http::error::end_of_stream)
            return derived().doEof();
        if (ec == http::error::body_limit) {
            auto res = plainError(http::status::payload_too_large, 11, false, "too_large",
                                  "kroppen är större än servern tar emot (" + std::to_string(m_config.bodyLimit) + " byte)");
            return send(std::move(res));
        }
        if (ec == http::error::header_limit)
            return send(plainError(http::status::request_header_fields_too_large, 11, false, "header_too_large",
                                   "begärans rubriker är för stora"));
        if (ec == http::error::bad_target || ec == http::error::bad_method || ec == http::error::bad_version ||
            ec == http::error::bad_field || ec == http::error::bad_value || ec == http::error::bad_line_ending ||
            ec == http::error::bad_chunk || ec == http::error::bad_content_length || ec == http::error::unexpected_body) {
            return send(plainError(http::status::bad_request, 11, false, "bad_request",
                                   "begäran är inte giltig HTTP: " + ec.message()));
        }
        if (ec)
            return fail(ec, "läsning");  // timeout, reset, truncated TLS: nothing to answer
        m_inFlight.emplace(m_shared);
        auto req = std::make_shared<Request>(m_parser->release());
        if (req->target().size() > m_config.maxTarget)
            return send(plainError(http::status::uri_too_long, req->version(), false, "uri_too_long",
                                   "adressen är för lång (högst " + std::to_string(m_config.maxTarget) + " tecken)"));
        std::size_t headerBytes = 0;
        for (const auto& field : *req)
            headerBytes += field.name_string().size() + field.value().size() + 4;
        if (headerBytes > m_config.maxHeaderBytes)
            return send(plainError(http::status::request_header_fields_too_large, req->version(), false,
                                   "header_too_large", "begärans rubriker är för stora"));
        if (m_shared.offload && m_shared.workers && m_shared.offload(*req)) {
            // Long work on a worker thread; the answer is written on this
            // connection's own executor.
            net::post(*m_shared.workers, [self = derived().shared_from_this(), req] {
                auto res = std::make_shared<Response>(self->respond(*req));
                auto& stream = beast::get_lowest_layer(self->derived().stream());
                net::post(stream.get_executor(), [self, res] { self->send(std::move(*res)); });
            });
            return;
        }
        send(respond(*req));
    }

    Response respond(const Request& req)
    {
        Response res;
        try {
            res = m_shared.handler(req, m_remote);
        } catch (const std::exception& e) {
            // The handler must not throw; if it does, log it and say nothing of the library's text.
            logLine("oväntat fel i hanteraren", e.what());
            res = plainError(http::status::internal_server_error, req.version(), false, "internal",
                             "ett oväntat fel uppstod på servern – det är loggat; försök igen");
        }
        res.keep_alive(res.keep_alive() && req.keep_alive());
        return res;
    }

    void send(Response res)
    {
        auto sp = std::make_shared<Response>(std::move(res));
        m_response = sp;
        beast::get_lowest_layer(derived().stream()).expires_after(m_config.timeout);
        http::async_write(derived().stream(), *sp,
                          beast::bind_front_handler(&Session::onWrite, derived().shared_from_this(), sp->need_eof()));
    }

    void onWrite(bool close, beast::error_code ec, std::size_t)
    {
        m_response.reset();
        m_inFlight.reset();
        if (ec)
            return fail(ec, "skrivning");
        // Stopping: the answer is out; no further request on this connection.
        if (close || m_shared.stopping)
            return derived().doEof();
        doRead();
    }

    beast::flat_buffer m_buffer;
    Shared& m_shared;
    const ServerConfig& m_config;
    Admission m_admission;
    std::string m_remote;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::shared_ptr<Response> m_response;
    std::optional<InFlight> m_inFlight;
};

class PlainSession : public Session<PlainSession>, public std::enable_shared_from_this<PlainSession> {
public:
    PlainSession(tcp::socket&& socket, beast::flat_buffer buffer, Shared& shared, Admission admission)
        : Session(std::move(buffer), shared, std::move(admission)), m_stream(std::move(socket))
    {
    }
    void run() { doRead(); }
    beast::tcp_stream& stream() { return m_stream; }
    void doEof()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

private:
    beast::tcp_stream m_stream;
};

class TlsSession : public Session<TlsSession>, public std::enable_shared_from_this<TlsSession> {
public:
    TlsSession(tcp::socket&& socket, ssl::context& ctx, beast::flat_buffer buffer, Shared& shared, Admission admission)
        : Session(std::move(buffer), shared, std::move(admission)), m_stream(std::move(socket), ctx)
    {
    }
    void run()
    {
        beast::get_lowest_layer(m_stream).expires_after(m_config.timeout);
        m_stream.async_handshake(ssl::stream_base::server, m_buffer.data(),
                                 beast::bind_front_handler(&TlsSession::onHandshake, shared_from_this()));
    }
    beast::ssl_stream<beast::tcp_stream>& stream() { return m_stream; }
    void doEof()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
        // A peer that closes without close_notify gives stream_truncated: harmless.
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {});
    }

private:
    void onHandshake(beast::error_code ec, std::size_t used)
    {
        if (ec)
            return fail(ec, "TLS-handskakning");
        m_buffer.consume(used);
        doRead();
    }

    beast::ssl_stream<beast::tcp_stream> m_stream;
};

/// Detects TLS on a new connection; plain HTTP is served only when allowed.
class Detector : public std::enable_shared_from_this<Detector> {
public:
    Detector(tcp::socket&& socket, ssl::context* ctx, Shared& shared, Admission admission)
        : m_stream(std::move(socket)), m_ctx(ctx), m_shared(shared), m_admission(std::move(admission))
    {
    }
    void run()
    {
        m_stream.expires_after(m_shared.config.timeout);
        beast::async_detect_ssl(m_stream, m_buffer, beast::bind_front_handler(&Detector::onDetect, shared_from_this()));
    }

private:
    void onDetect(beast::error_code ec, bool tls)
    {
        if (ec)
            return fail(ec, "anslutning");
        if (tls && m_ctx) {
            std::make_shared<TlsSession>(m_stream.release_socket(), *m_ctx, std::move(m_buffer), m_shared,
                                         std::move(m_admission))
                ->run();
        } else if (!tls && m_shared.config.allowPlain) {
            std::make_shared<PlainSession>(m_stream.release_socket(), std::move(m_buffer), m_shared, std::move(m_admission))
                ->run();
        } else if (!tls) {
            // Tell a plain-HTTP client what is wrong instead of hanging up silently.
            auto res = std::make_shared<Response>(plainError(http::status::bad_request, 11, false, "tls_required",
                                                             "servern kräver HTTPS"));
            auto self = shared_from_this();
            http::async_write(m_stream, *res, [self, res](beast::error_code, std::size_t) {
                beast::error_code ignored;
                self->m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
            });
        }
    }

    beast::tcp_stream m_stream;
    ssl::context* m_ctx;
    Shared& m_shared;
    Admission m_admission;
    beast::flat_buffer m_buffer;
};

}  // namespace

struct HttpServer::Impl {
    Shared shared;
    ServerConfig& config = shared.config;
    net::io_context ioc;
    std::optional<ssl::context> tls;
    tcp::acceptor acceptor{net::make_strand(ioc)};
    net::signal_set signals{ioc, SIGINT, SIGTERM};
    std::atomic<bool>& stopping = shared.stopping;
    net::steady_timer drainTimer{ioc};

    Impl(ServerConfig c, Handler h, Offload o)
        : shared{std::move(h), std::move(o), std::move(c), std::nullopt, {}, 0, {}}, ioc(std::max(1, shared.config.threads))
    {
        if (shared.offload)
            shared.workers.emplace(static_cast<std::size_t>(std::max(1, shared.config.workerThreads)));
    }

    net::steady_timer acceptPause{acceptor.get_executor()};  // on the acceptor's strand
    std::chrono::steady_clock::time_point lastAcceptLog{};

    void accept()
    {
        acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (ec == net::error::operation_aborted || stopping)
                    return;
                // Out of file descriptors (EMFILE/ENFILE) or another failure:
                // pause instead of spinning on the same error, and say so at
                // most every ten seconds.
                const auto now = std::chrono::steady_clock::now();
                if (now - lastAcceptLog > std::chrono::seconds(10)) {
                    lastAcceptLog = now;
                    fail(ec, "accept (väntar 100 ms)");
                }
                acceptPause.expires_after(std::chrono::milliseconds(100));
                acceptPause.async_wait([this](beast::error_code waited) {
                    if (!waited && !stopping)
                        accept();
                });
                return;
            }
            beast::error_code rec;
            const auto endpoint = socket.remote_endpoint(rec);
            std::string remote = rec ? std::string("?") : endpoint.address().to_string();
            if (!shared.admit(remote)) {
                // Over the cap: close at once; the client retries later.
                beast::error_code ignored;
                socket.close(ignored);
                logLine("för många anslutningar", remote);
            } else {
                // Answers go out at once: without this, a response written in
                // pieces (TLS records) waits for the client's delayed ACK
                // (~40 ms per request — a first download is many requests).
                beast::error_code ignored;
                socket.set_option(tcp::no_delay(true), ignored);
                std::make_shared<Detector>(std::move(socket), tls ? &*tls : nullptr, shared, Admission(shared, remote))
                    ->run();
            }
            accept();
        });
    }

    void shutdown()
    {
        if (stopping.exchange(true))
            return;
        net::post(acceptor.get_executor(), [this] {
            beast::error_code ec;
            acceptor.close(ec);
            acceptPause.cancel();
        });
        // Requests being handled finish and their answers are written (a
        // service manager's stop waits, up to its own limit); then stop.
        const int busy = shared.inFlight.load();
        logLine("stoppar", busy > 0 ? "väntar på " + std::to_string(busy) + " pågående begäran(den)" : "inget pågår");
        drain(std::chrono::steady_clock::now() + config.drainLimit);
    }

    void drain(std::chrono::steady_clock::time_point deadline)
    {
        if (shared.inFlight.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
            if (shared.inFlight.load() > 0)
                logLine("stoppar", std::to_string(shared.inFlight.load()) + " begäran(den) avbryts efter väntetiden");
            ioc.stop();
            return;
        }
        drainTimer.expires_after(std::chrono::milliseconds(20));
        drainTimer.async_wait([this, deadline](beast::error_code) { drain(deadline); });
    }
};

HttpServer::HttpServer(ServerConfig config, Handler handler, Offload offload)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(handler), std::move(offload)))
{
}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::start()
{
    auto& c = m_impl->config;
    beast::error_code ec;
    const auto address = net::ip::make_address(c.address, ec);
    if (ec)
        throw std::runtime_error("ogiltig adress '" + c.address + "'");
    if (c.allowPlain && !address.is_loopback())
        throw std::runtime_error("okrypterad HTTP tillåts bara på loopback (127.0.0.1 eller ::1), inte på " + c.address);
    if (!c.certificateFile.empty()) {
        m_impl->tls.emplace(ssl::context::tls_server);
        auto& tls = *m_impl->tls;
        tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        tls.use_certificate_chain_file(c.certificateFile, ec);
        if (ec)
            throw std::runtime_error("kan inte läsa certifikatet " + c.certificateFile + ": " + ec.message());
        tls.use_private_key_file(c.keyFile, ssl::context::pem, ec);
        if (ec)
            throw std::runtime_error("kan inte läsa nyckeln " + c.keyFile + ": " + ec.message());
    } else if (!c.allowPlain) {
        throw std::runtime_error("ange --cert och --key (skapa ett par med 'samkolld cert'), eller --allow-plain på loopback");
    }
    auto& acceptor = m_impl->acceptor;
    const tcp::endpoint endpoint{address, c.port};
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("kan inte lyssna på " + c.address + ":" + std::to_string(c.port) + ": " + ec.message());
    return acceptor.local_endpoint().port();
}

void HttpServer::run()
{
    m_impl->signals.async_wait([this](beast::error_code, int) { m_impl->shutdown(); });
    m_impl->accept();
    std::vector<std::thread> threads;
    for (int i = 1; i < m_impl->config.threads; ++i)
        threads.emplace_back([this] { m_impl->ioc.run(); });
    m_impl->ioc.run();
    for (auto& t : threads)
        t.join();
    // Requests still on a worker finish (their answers go nowhere now).
    if (m_impl->shared.workers)
        m_impl->shared.workers->join();
}

void HttpServer::stop()
{
    m_impl->shutdown();
}

}  // namespace samkoll::server
