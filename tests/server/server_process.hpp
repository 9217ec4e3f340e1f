// The real `safesurvey serve` as a child process, for the server crash test:
// started on a data folder with port 0 (the kernel picks a free port, so two
// test runs never race for one) and --demo, so it prints the demonstration
// link it opened, from which the test learns both the port and the link's
// token. Its output goes to a file per start, never a pipe: a pipe nobody
// drains would block the service's logging and stall it, which is not the
// failure under test.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <string>
#include <thread>

namespace server_crash {

namespace fs = std::filesystem;

// Where a running service can be reached.
struct ServedLink {
    std::uint16_t port = 0;
    std::string token;
};

class ServerProcess {
  public:
    // Starts `safesurvey serve --config CONFIG --listen 127.0.0.1:0 --demo`,
    // its stdout and stderr written to `log`.
    ServerProcess(const fs::path& config, const fs::path& log) : log_(log) {
        pid_ = ::fork();
        if (pid_ != 0) return;
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0) ::_exit(126);
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        ::close(fd);
        ::execl(SAFESURVEY_BINARY, SAFESURVEY_BINARY, "serve", "--config", config.c_str(),
                "--listen", "127.0.0.1:0", "--demo", nullptr);
        ::_exit(127);
    }
    ~ServerProcess() { kill_now(); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool started() const { return pid_ > 0; }

    // Waits until the service has printed the main survey's link (it prints
    // it after it is listening, so connections succeed from then on).
    // nullopt if it exited first or printed nothing within a minute (a
    // sanitizer build opening a large database is slow, never that slow).
    std::optional<ServedLink> wait_for_link() {
        static const std::regex line(
            R"(Survey 'send-not-in-school-2025' open at http://127\.0\.0\.1:([0-9]+)/s/([A-Za-z0-9_-]+))");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
        while (std::chrono::steady_clock::now() < deadline) {
            std::smatch found;
            const std::string text = output();
            if (std::regex_search(text, found, line)) {
                return ServedLink{static_cast<std::uint16_t>(std::stoi(found[1].str())),
                                  found[2].str()};
            }
            if (exited()) return std::nullopt;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return std::nullopt;
    }

    // SIGKILL: no handler runs, nothing is flushed, as in a power cut to the
    // process. True if it was still running and died of the signal.
    bool kill_now() {
        if (pid_ <= 0) return false;
        ::kill(pid_, SIGKILL);
        const int status = reap();
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }

    // SIGTERM, the clean shutdown; the exit status (-1 if it did not exit).
    int stop() {
        if (pid_ <= 0) return -1;
        ::kill(pid_, SIGTERM);
        const int status = reap();
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    // Everything the service printed so far (for failure messages; the
    // service never prints answers).
    std::string output() const {
        std::ifstream in(log_, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

  private:
    bool exited() {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
        pid_ = 0;
        return true;
    }

    int reap() {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = 0;
        return status;
    }

    fs::path log_;
    pid_t pid_ = -1;
};

}  // namespace server_crash
