// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/prctl.h>
#include <csignal>
#include <cstdlib>
#include <sys/resource.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "cli.hpp"

namespace samkoll::test {

/// Runs `samkolld` in process (the admin CLI) and returns what it printed; the test fails if it fails.
inline std::string admin(std::vector<std::string> args)
{
    std::ostringstream out;
    std::ostringstream err;
    const int code = samkoll::server::runAdminCli(args, out, err);
    INFO(err.str());
    REQUIRE(code == 0);
    return out.str();
}

/// A temporary directory removed at the end of the test.
/// A count from the environment (a knob for long runs), else `fallback`:
/// SAMKOLL_KILLS=1000 makes every crash test kill 1 000 times.
inline int envCount(const char* name, int fallback)
{
    const char* value = std::getenv(name);
    const int n = value ? std::atoi(value) : 0;
    return n > 0 ? n : fallback;
}

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("samkoll-it-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

inline std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The real samkolld binary serving a database on a loopback port chosen by the
/// kernel, read from its first line of output. Stopped (SIGTERM, then SIGKILL)
/// when destroyed.
class ServerProcess {
public:
    /// `fixedPort` 0 = a free port chosen by the kernel; a restarted server can reuse the old one.
    /// `maxFiles` > 0 limits the server's open files (RLIMIT_NOFILE), to see it run out.
    ServerProcess(const std::string& db, const std::string& cert, const std::string& key, int fixedPort = 0,
                  int maxFiles = 0)
    {
        const std::string portText = std::to_string(fixedPort);
        m_db = db;
        int out[2];
        REQUIRE(pipe(out) == 0);
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            // Dies with the test: a test that aborts must not leave a child holding ctest's output open.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (maxFiles > 0) {
                const rlimit limit{static_cast<rlim_t>(maxFiles), static_cast<rlim_t>(maxFiles)};
                setrlimit(RLIMIT_NOFILE, &limit);
            }
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            // Its log (one line per request) in a file beside the database, as the journal would hold it.
            const int log = ::open((db + ".log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (log >= 0) {
                dup2(log, STDERR_FILENO);
                close(log);
            }
            execl(SAMKOLLD_PATH, SAMKOLLD_PATH, "serve", "--db", db.c_str(), "--cert", cert.c_str(), "--key",
                  key.c_str(), "--address", "127.0.0.1", "--port", portText.c_str(), "--threads", "2", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        m_out = fdopen(out[0], "r");
        char line[512];
        REQUIRE(std::fgets(line, sizeof line, m_out) != nullptr);
        const std::string text = line;
        const auto colon = text.find(":", text.find("127.0.0.1"));
        REQUIRE(colon != std::string::npos);
        port = std::stoi(text.substr(colon + 1));
        url = "https://localhost:" + std::to_string(port);
    }
    ~ServerProcess() { stop(SIGTERM); }

    /// Stops the server; SIGKILL simulates a crash.
    void stop(int signal)
    {
        if (m_pid <= 0)
            return;
        kill(m_pid, signal);
        int status = 0;
        for (int i = 0; i < 100 && waitpid(m_pid, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (waitpid(m_pid, &status, WNOHANG) == 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
        if (m_out)
            std::fclose(m_out);
        m_out = nullptr;
    }

    int port = 0;
    std::string url;
    /// What the server has logged so far (stderr, one line per request).
    [[nodiscard]] std::string log() const { return readText(m_db + ".log"); }
    [[nodiscard]] pid_t pid() const { return m_pid; }

    /// CPU time the server has used so far (user + system), in seconds.
    [[nodiscard]] double cpuSeconds() const
    {
        std::ifstream stat("/proc/" + std::to_string(m_pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        std::istringstream fields(text.substr(text.rfind(')') + 2));
        std::string skip;
        for (int i = 3; i < 14; ++i)
            fields >> skip;  // state … cmajflt
        long utime = 0, stime = 0;
        fields >> utime >> stime;
        return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }

    /// The server's peak resident memory so far, in kB (VmHWM).
    [[nodiscard]] long peakMemoryKb() const
    {
        std::ifstream status("/proc/" + std::to_string(m_pid) + "/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("VmHWM:", 0) == 0)
                return std::stol(line.substr(6));
        return -1;
    }

private:
    pid_t m_pid = -1;
    FILE* m_out = nullptr;
    std::string m_db;
};

}  // namespace samkoll::test
