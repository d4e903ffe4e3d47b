// Nothing acknowledged is lost: `ngodesk serve` takes a burst of 1,000
// reports from several connections and is killed with SIGKILL partway
// through. Every report that got a 201 must then be in the database with its
// content.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdlib.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"
#include "ngodesk/store.h"
#include "test_support.h"

namespace ngodesk::server {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kReports = 1000;
constexpr int kConnections = 8;
// SIGKILL goes out once this many reports were acknowledged.
constexpr int kKillAfter = 300;

// `ngodesk serve` on a free loopback port, with its output in a pipe.
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
              "--listen", "127.0.0.1:0", "--rate-limit", "0", "--report-rate", "0",
              "--no-access-log", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    output_fd_ = pipe_fds[0];
  }

  ~ServeProcess() {
    Kill();
    if (output_fd_ >= 0) ::close(output_fd_);
  }

  // The port from the "open http://127.0.0.1:PORT/" line, or 0 after `timeout`.
  std::uint16_t WaitForPort(std::chrono::milliseconds timeout) {
    constexpr std::string_view kPrefix = "open http://127.0.0.1:";
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t start;
    while ((start = output_.find(kPrefix)) == std::string::npos ||
           output_.find('/', start + kPrefix.size()) == std::string::npos) {
      if (!ReadSome(deadline)) return 0;
    }
    return static_cast<std::uint16_t>(std::stoi(output_.substr(start + kPrefix.size())));
  }

  void Kill() {
    if (pid_ <= 0 || killed_) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    killed_ = true;
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
  bool killed_ = false;
  std::string output_;
};

std::string ReportBody(int number) {
  return nlohmann::json{{"office", "beijing"},
                        {"field", "other"},
                        {"current", ""},
                        {"proposed", "durability report " + std::to_string(number)},
                        {"evidence", "sent by the SIGKILL test"}}
      .dump();
}

// The acknowledged reports: id → the number the report was sent with.
class Acknowledgements {
 public:
  void Add(std::int64_t id, int number) {
    const std::lock_guard<std::mutex> lock(mutex_);
    numbers_[id] = number;
    changed_.notify_all();
  }

  // Waits until `count` reports are acknowledged or `timeout` passes.
  bool WaitFor(std::size_t count, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return numbers_.size() >= count; });
  }

  std::map<std::int64_t, int> Snapshot() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return numbers_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::int64_t, int> numbers_;
};

// Sends reports first, first + kConnections, ... on one kept-alive connection
// until they are all sent or the server goes away.
void SendReports(std::uint16_t port, int first, Acknowledgements& acknowledged) {
  testing::RawClient client(port);
  if (!client.connected()) return;
  for (int number = first; number < kReports; number += kConnections) {
    const std::string body = ReportBody(number);
    const bool sent = client.Send("POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Content-Type: application/json\r\nContent-Length: " +
                                  std::to_string(body.size()) + "\r\n\r\n" + body);
    if (!sent) return;
    const std::optional<testing::HttpResponse> response = client.Read(30s);
    if (!response.has_value()) return;
    if (response->status != 201) {
      ADD_FAILURE() << "report " << number << " got " << response->status << ": " << response->body;
      return;
    }
    acknowledged.Add(nlohmann::json::parse(response->body).at("id").get<std::int64_t>(), number);
  }
}

TEST(Durability, AcknowledgedReportsSurviveSigkill) {
  std::string pattern = (fs::temp_directory_path() / "ngodesk-durability-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path directory = pattern;
  const std::string db_path = (directory / "ngodesk.db").string();

  Acknowledgements acknowledged;
  {
    ServeProcess serve(db_path);
    const std::uint16_t port = serve.WaitForPort(20s);
    ASSERT_NE(port, 0) << serve.output();

    std::vector<std::thread> senders;
    for (int i = 0; i < kConnections; ++i) {
      senders.emplace_back([&, i] { SendReports(port, i, acknowledged); });
    }
    EXPECT_TRUE(acknowledged.WaitFor(kKillAfter, 60s)) << serve.output();
    serve.Kill();
    for (std::thread& sender : senders) sender.join();
  }

  const std::map<std::int64_t, int> expected = acknowledged.Snapshot();
  EXPECT_GE(expected.size(), static_cast<std::size_t>(kKillAfter));
  Result<Store> store = Store::Open(db_path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Result<std::vector<Report>> reports = Moderation(*store).ListReports(std::nullopt);
  ASSERT_TRUE(reports.ok()) << reports.error().message;

  std::map<std::int64_t, const Report*> stored;
  for (const Report& report : *reports) stored[report.id] = &report;
  for (const auto& [id, number] : expected) {
    const auto it = stored.find(id);
    ASSERT_NE(it, stored.end()) << "acknowledged report " << id << " is missing";
    EXPECT_EQ(it->second->content.office_id, "beijing") << id;
    EXPECT_EQ(it->second->content.field, ReportField::kOther) << id;
    EXPECT_EQ(it->second->content.proposed, "durability report " + std::to_string(number)) << id;
    EXPECT_EQ(it->second->content.evidence, "sent by the SIGKILL test") << id;
  }
  std::error_code ignored;
  fs::remove_all(directory, ignored);
}

}  // namespace
}  // namespace ngodesk::server
