// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace samkoll::test {

/// An HTTPS proxy on 127.0.0.1 that works on whole HTTP messages, which a
/// TCP proxy cannot do through TLS: it ends the client's TLS with the
/// server's own certificate and key (so the device's pinned certificate still
/// matches) and opens its own TLS connection to the server. Per request it
/// may drop the request, lose the response after the server answered, send
/// the request twice, first replay an older upload (requests arrive out of
/// order), delay, or cut the response off in the middle. Bounded: it stops
/// when destroyed.
class HttpFaultProxy {
public:
    enum class Fault { DropRequest, LoseResponse, Duplicate, ReplayOlder, Delay, TruncateResponse };

    HttpFaultProxy(int targetPort, const std::string& certFile, const std::string& keyFile, double faultRate,
                   std::uint64_t seed)
        : m_target(targetPort), m_rate(faultRate), m_rng(seed)
    {
        m_downstreamTls.use_certificate_chain_file(certFile);
        m_downstreamTls.use_private_key_file(keyFile, boost::asio::ssl::context::pem);
        m_upstreamTls.load_verify_file(certFile);
        m_upstreamTls.set_verify_mode(boost::asio::ssl::verify_peer);
        m_acceptor.open(boost::asio::ip::tcp::v4());
        m_acceptor.set_option(boost::asio::socket_base::reuse_address(true));
        m_acceptor.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
        m_acceptor.listen();
        port = m_acceptor.local_endpoint().port();
        m_thread = std::thread([this] { acceptLoop(); });
    }
    ~HttpFaultProxy()
    {
        m_stop = true;
        m_thread.join();
        {
            // Wake every worker blocked on a kept-alive connection.
            std::lock_guard lock(m_mutex);
            for (int fd : m_open)
                ::shutdown(fd, SHUT_RDWR);
        }
        for (auto& t : m_workers)
            t.join();
    }
    HttpFaultProxy(const HttpFaultProxy&) = delete;
    HttpFaultProxy& operator=(const HttpFaultProxy&) = delete;

    void setFaultRate(double rate) { m_rate = rate; }
    /// How often each fault was injected.
    int count(Fault f)
    {
        std::lock_guard lock(m_mutex);
        return m_counts[f];
    }

    int port = 0;

private:
    using Tcp = boost::asio::ip::tcp;
    using TlsStream = boost::beast::ssl_stream<Tcp::socket>;
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    std::optional<Fault> pickFault()
    {
        std::lock_guard lock(m_mutex);
        if (!std::bernoulli_distribution(m_rate.load())(m_rng))
            return std::nullopt;
        const auto f = static_cast<Fault>(std::uniform_int_distribution<int>(0, 5)(m_rng));
        ++m_counts[f];
        return f;
    }
    int between(int lo, int hi)
    {
        std::lock_guard lock(m_mutex);
        return std::uniform_int_distribution<int>(lo, hi)(m_rng);
    }

    /// Every read and write gives up after 10 s: no test can hang on the proxy.
    static void bound(Tcp::socket& s)
    {
        timeval tv{10, 0};
        setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(s.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    }

    void acceptLoop()
    {
        while (!m_stop) {
            pollfd p{m_acceptor.native_handle(), POLLIN, 0};
            if (poll(&p, 1, 100) <= 0)
                continue;
            boost::system::error_code ec;
            Tcp::socket client(m_io);
            m_acceptor.accept(client, ec);
            if (ec)
                continue;
            m_workers.emplace_back([this, c = std::move(client)]() mutable { serve(std::move(c)); });
        }
    }

    /// One upstream connection to the server, opened when first needed.
    struct Registered;
    struct Upstream {
        std::unique_ptr<TlsStream> stream;
        boost::beast::flat_buffer buffer;
        Registered* registered = nullptr;
    };

    bool connect(Upstream& up)
    {
        boost::system::error_code ec;
        up.stream = std::make_unique<TlsStream>(m_io, m_upstreamTls);
        up.buffer.clear();
        auto& socket = boost::beast::get_lowest_layer(*up.stream);
        socket.connect({boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(m_target)}, ec);
        if (ec)
            return false;
        bound(socket);
        SSL_set_tlsext_host_name(up.stream->native_handle(), "localhost");
        up.stream->handshake(boost::asio::ssl::stream_base::client, ec);
        return !ec;
    }

    /// Sends `req` to the server and reads its answer; one reconnect when the
    /// server closed the kept-alive connection meanwhile.
    std::optional<Response> forward(Upstream& up, Request req)
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (!up.stream) {
                if (!connect(up))
                    return std::nullopt;
                up.registered->add(boost::beast::get_lowest_layer(*up.stream).native_handle());
            }
            boost::system::error_code ec;
            req.keep_alive(true);
            boost::beast::http::write(*up.stream, req, ec);
            if (!ec) {
                boost::beast::http::response_parser<boost::beast::http::string_body> parser;
                parser.body_limit(64 * 1024 * 1024);
                boost::beast::http::read(*up.stream, up.buffer, parser, ec);
                if (!ec)
                    return parser.release();
            }
            up.registered->remove(boost::beast::get_lowest_layer(*up.stream).native_handle());
            up.stream.reset();
        }
        return std::nullopt;
    }

    /// Sockets a worker may be blocked on; shut down when the proxy stops.
    struct Registered {
        HttpFaultProxy& proxy;
        std::vector<int> fds;
        void add(int fd)
        {
            std::lock_guard lock(proxy.m_mutex);
            if (proxy.m_stop)
                ::shutdown(fd, SHUT_RDWR);
            proxy.m_open.insert(fd);
            fds.push_back(fd);
        }
        void remove(int fd)
        {
            std::lock_guard lock(proxy.m_mutex);
            proxy.m_open.erase(fd);
            fds.erase(std::remove(fds.begin(), fds.end(), fd), fds.end());
        }
        ~Registered()
        {
            std::lock_guard lock(proxy.m_mutex);
            for (int fd : fds)
                proxy.m_open.erase(fd);
        }
    };

    void serve(Tcp::socket socket)
    {
        bound(socket);
        TlsStream client(std::move(socket), m_downstreamTls);
        Upstream up;
        Registered registered{*this, {}};  // destroyed first: unregisters before the sockets close
        up.registered = &registered;
        registered.add(boost::beast::get_lowest_layer(client).native_handle());
        boost::system::error_code ec;
        client.handshake(boost::asio::ssl::stream_base::server, ec);
        if (ec)
            return;
        boost::beast::flat_buffer buffer;
        while (!m_stop) {
            boost::beast::http::request_parser<boost::beast::http::string_body> parser;
            parser.body_limit(64 * 1024 * 1024);
            boost::beast::http::read(client, buffer, parser, ec);
            if (ec)
                return;
            Request req = parser.release();
            const bool upload = req.method() == boost::beast::http::verb::post && req.target() == "/api/v1/sync/push";
            const auto fault = pickFault();
            if (fault == Fault::DropRequest)
                return;  // the request never reaches the server
            if (fault == Fault::Delay)
                std::this_thread::sleep_for(std::chrono::milliseconds(between(50, 400)));
            if (fault == Fault::ReplayOlder) {
                std::optional<Request> older;
                {
                    std::lock_guard lock(m_mutex);
                    if (!m_uploads.empty())
                        older = m_uploads[static_cast<std::size_t>(
                            std::uniform_int_distribution<int>(0, static_cast<int>(m_uploads.size()) - 1)(m_rng))];
                }
                if (older)
                    (void)forward(up, *older);  // an old upload arrives late; its answer goes nowhere
            }
            if (upload) {
                std::lock_guard lock(m_mutex);
                m_uploads.push_back(req);
            }
            auto res = forward(up, req);
            if (res && fault == Fault::Duplicate)
                res = forward(up, req);  // sent twice: the second answer is the one the device gets
            if (!res || fault == Fault::LoseResponse)
                return;  // the server answered (or not); the device hears nothing
            if (fault == Fault::TruncateResponse) {
                std::ostringstream wire;
                wire << *res;
                const std::string bytes = wire.str();
                const auto cut = static_cast<std::size_t>(between(1, static_cast<int>(bytes.size()) - 1));
                boost::asio::write(client, boost::asio::buffer(bytes.data(), cut), ec);
                return;  // the connection ends in the middle of the answer
            }
            res->keep_alive(req.keep_alive());
            boost::beast::http::write(client, *res, ec);
            if (ec || !req.keep_alive())
                return;
        }
    }

    int m_target;
    std::atomic<double> m_rate;
    std::mt19937_64 m_rng;
    std::mutex m_mutex;
    std::map<Fault, int> m_counts;
    std::vector<Request> m_uploads;
    std::set<int> m_open;
    boost::asio::io_context m_io;
    boost::asio::ssl::context m_downstreamTls{boost::asio::ssl::context::tls_server};
    boost::asio::ssl::context m_upstreamTls{boost::asio::ssl::context::tls_client};
    Tcp::acceptor m_acceptor{m_io};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::vector<std::thread> m_workers;
};

}  // namespace samkoll::test
