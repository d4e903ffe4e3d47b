// Runs `ngodesk serve` as a child process: it prints the address to open,
// responds, and on SIGTERM or SIGINT logs its stop and exits with status 0.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/handlers.h"
#include "test_support.h"

namespace ngodesk::server {
namespace {

using namespace std::chrono_literals;

// The child process with its standard output and error in one pipe.
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db_path) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::dup2(pipe_fds[1], STDERR_FILENO);
      ::close(pipe_fds[0]);
      const std::string binary = std::string(NGODESK_BINARY_DIR) + "/ngodesk";
      ::execl(binary.c_str(), binary.c_str(), "--lang", "en", "--db", db_path.c_str(), "serve",
              "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    output_fd_ = pipe_fds[0];
  }

  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (output_fd_ >= 0) ::close(output_fd_);
  }

  // Reads output until it contains `text` followed by `terminator`, or
  // `timeout` passes. Returns what lies between them, or nullopt.
  // NOTE: plain string search, because g++ 12's <regex> trips
  // -Wmaybe-uninitialized under the sanitizer build.
  std::optional<std::string> WaitForOutput(std::string_view text, std::string_view terminator,
                                           std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const std::size_t start = output_.find(text);
      const std::size_t end = start == std::string::npos
                                  ? std::string::npos
                                  : output_.find(terminator, start + text.size());
      if (end != std::string::npos) {
        return output_.substr(start + text.size(), end - start - text.size());
      }
      if (!ReadSome(deadline)) return std::nullopt;
    }
  }

  // Sends `signal` and waits for the exit; returns the exit status or -1.
  int SignalAndWait(int signal, std::chrono::milliseconds timeout) {
    ::kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        while (ReadSome(std::chrono::steady_clock::now() + 100ms)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      ReadSome(std::chrono::steady_clock::now() + 10ms);
    }
    return -1;
  }

  const std::string& output() const { return output_; }

 private:
  bool ReadSome(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd poll_fd{output_fd_, POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[4096];
    const ssize_t received = ::read(output_fd_, chunk, sizeof chunk);
    if (received <= 0) return false;
    output_.append(chunk, static_cast<std::size_t>(received));
    return true;
  }

  pid_t pid_ = -1;
  int output_fd_ = -1;
  bool exited_ = false;
  std::string output_;
};

class ServeCommandTest : public ::testing::TestWithParam<int> {};

TEST_P(ServeCommandTest, StopsCleanlyOnSignal) {
  const std::filesystem::path db =
      std::filesystem::temp_directory_path() /
      ("ngodesk-serve-test-" + std::to_string(::getpid()) + "-" + std::to_string(GetParam())) /
      "ngodesk.db";
  std::filesystem::create_directories(db.parent_path());
  {
    ServeProcess serve(db.string());
    const std::optional<std::string> port_text =
        serve.WaitForOutput("open http://127.0.0.1:", "/", 10s);
    ASSERT_TRUE(port_text.has_value()) << serve.output();

    const auto port = static_cast<std::uint16_t>(std::stoi(*port_text));
    const auto health = testing::Get(port, "/api/v1/health?probe=secret");
    ASSERT_TRUE(health.has_value());
    EXPECT_EQ(health->status, 200);
    // The access log line follows the response, so wait for it.
    EXPECT_TRUE(serve.WaitForOutput("GET /api/v1/health 200", " ", 5s).has_value())
        << serve.output();

    EXPECT_EQ(serve.SignalAndWait(GetParam(), 5s), 0) << serve.output();
    EXPECT_NE(serve.output().find("ngodesk server stopped"), std::string::npos) << serve.output();
    // The access log leaves out query strings and client addresses.
    EXPECT_EQ(serve.output().find("secret"), std::string::npos) << serve.output();
    EXPECT_EQ(serve.output().find("127.0.0.1:" + std::to_string(port) + " "), std::string::npos);
  }
  std::filesystem::remove_all(db.parent_path());
}

// Runs the ngodesk CLI with `arguments` and returns its standard output.
std::string RunCli(const std::string& arguments) {
  const std::string command = std::string(NGODESK_BINARY_DIR) + "/ngodesk " + arguments + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  std::string output;
  char chunk[4096];
  std::size_t read;
  while ((read = std::fread(chunk, 1, sizeof chunk, pipe)) > 0) output.append(chunk, read);
  ::pclose(pipe);
  return output;
}

// The hours API returns the JSON of `ngodesk hours ID --json`, and as "days"
// that of `--week --json`.
TEST(ServeCommand, HoursJsonMatchesCli) {
  const std::filesystem::path db = std::filesystem::temp_directory_path() /
                                   ("ngodesk-hours-test-" + std::to_string(::getpid())) / "n.db";
  std::filesystem::create_directories(db.parent_path());
  const std::string common = "--lang en --db " + db.string() + " hours jiangsu --json --at 2026-02-17T10:00+08:00";
  const nlohmann::json status = nlohmann::json::parse(RunCli(common));
  const nlohmann::json week = nlohmann::json::parse(RunCli(common + " --week"));
  std::filesystem::remove_all(db.parent_path());

  const std::shared_ptr<const Site> site = Site::Build(testing::BundledOffices(), {});
  const Response response = HandleRequest(
      *site, {"GET", "/api/v1/offices/jiangsu/hours?at=2026-02-17T10:00%2B08:00", {}, {}, {}});
  ASSERT_EQ(response.status, 200u);
  nlohmann::json api = nlohmann::json::parse(response.body);
  EXPECT_EQ(api.at("days"), week.at("days"));
  api.erase("days");
  EXPECT_EQ(api, status);
}

INSTANTIATE_TEST_SUITE_P(Signals, ServeCommandTest, ::testing::Values(SIGTERM, SIGINT),
                         [](const auto& info) { return info.param == SIGTERM ? "Sigterm" : "Sigint"; });

}  // namespace
}  // namespace ngodesk::server
