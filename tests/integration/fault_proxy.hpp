// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace samkoll::test {

/// A TCP proxy on 127.0.0.1 between a client and the server that misbehaves
/// like a flaky mobile connection: it refuses some connections outright,
/// delays chunks, and cuts connections in the middle of a request or a
/// response (truncation). TLS runs end to end through it. Bounded: it stops
/// when destroyed.
class FaultProxy {
public:
    FaultProxy(int targetPort, double faultRate, std::uint64_t seed) : m_target(targetPort), m_rate(faultRate), m_rng(seed)
    {
        m_listen = socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        listen(m_listen, 16);
        socklen_t len = sizeof addr;
        getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { acceptLoop(); });
    }
    ~FaultProxy()
    {
        m_stop = true;
        shutdown(m_listen, SHUT_RDWR);
        close(m_listen);
        m_thread.join();
        for (auto& t : m_workers)
            t.join();
    }
    void setFaultRate(double rate) { m_rate = rate; }

    int port = 0;
    std::atomic<int> faults{0};

private:
    bool chance()
    {
        std::lock_guard lock(m_mutex);
        return std::bernoulli_distribution(m_rate.load())(m_rng);
    }
    int between(int lo, int hi)
    {
        std::lock_guard lock(m_mutex);
        return std::uniform_int_distribution<int>(lo, hi)(m_rng);
    }

    void acceptLoop()
    {
        while (!m_stop) {
            pollfd p{m_listen, POLLIN, 0};
            if (poll(&p, 1, 100) <= 0)
                continue;
            const int client = accept(m_listen, nullptr, nullptr);
            if (client < 0)
                continue;
            if (chance()) {  // the connection is refused at once
                ++faults;
                close(client);
                continue;
            }
            m_workers.emplace_back([this, client] { relay(client); });
        }
    }

    void relay(int client)
    {
        const int server = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(m_target));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            close(client);
            close(server);
            return;
        }
        // Cut this connection after a random number of bytes, or never.
        long cutAfter = chance() ? between(1, 6000) : -1;
        if (cutAfter > 0)
            ++faults;
        const bool slow = chance();
        long relayed = 0;
        char buf[4096];
        pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!m_stop && std::chrono::steady_clock::now() < deadline) {
            if (poll(fds, 2, 100) <= 0)
                continue;
            bool closed = false;
            for (int i = 0; i < 2 && !closed; ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const auto n = read(fds[i].fd, buf, sizeof buf);
                if (n <= 0) {
                    closed = true;
                    break;
                }
                long send = n;
                if (cutAfter >= 0 && relayed + n > cutAfter)
                    send = cutAfter - relayed;
                if (slow)
                    std::this_thread::sleep_for(std::chrono::milliseconds(between(1, 20)));
                if (send > 0 && write(fds[1 - i].fd, buf, static_cast<std::size_t>(send)) < 0)
                    closed = true;
                relayed += send;
                if (cutAfter >= 0 && relayed >= cutAfter)
                    closed = true;  // truncated mid-stream
            }
            if (closed)
                break;
        }
        close(client);
        close(server);
    }

    int m_target;
    std::atomic<double> m_rate;
    std::mt19937_64 m_rng;
    std::mutex m_mutex;
    int m_listen = -1;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::vector<std::thread> m_workers;
};

}  // namespace samkoll::test
