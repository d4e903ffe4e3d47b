// Helpers for the server tests: the bundled offices, a server on a free
// loopback port run by a background thread, and a raw HTTP/1.1 client on
// POSIX sockets with timeouts, so tests can send malformed bytes and stall.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "ngodesk/office_json.h"
#include "ngodesk/server.h"

namespace ngodesk::server::testing {

inline std::vector<Office> BundledOffices() {
  std::ifstream in(std::string(NGODESK_SOURCE_DIR) + "/data/offices.json");
  std::stringstream text;
  text << in.rdbuf();
  Result<std::vector<Office>> offices = DirectoryFromJson(text.str());
  EXPECT_TRUE(offices.ok()) << (offices.ok() ? "" : offices.error().message);
  return offices.ok() ? std::move(offices).value() : std::vector<Office>{};
}

// A server on 127.0.0.1 with a port the kernel picked, serving the bundled
// offices until the object is destroyed.
class TestServer {
 public:
  explicit TestServer(ServerOptions options = {}) {
    options.listen = "127.0.0.1:0";
    options.access_log = false;
    Result<std::unique_ptr<Server>> server = Server::Create(options, BundledOffices());
    if (!server.ok()) {
      ADD_FAILURE() << server.error().message;
      return;
    }
    server_ = std::move(server).value();
    thread_ = std::thread([this] { server_->Run(); });
  }

  ~TestServer() {
    if (server_ == nullptr) return;
    server_->Stop();
    thread_.join();
  }

  std::uint16_t port() const { return server_ == nullptr ? 0 : server_->port(); }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

struct HttpResponse {
  int status = 0;
  std::string head;  // the status line and headers as received, without the empty line
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  std::string Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// One client connection to 127.0.0.1 with blocking sends and bounded reads.
class RawClient {
 public:
  explicit RawClient(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }

  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Reads one response; nullopt when the server closes or `timeout` passes first.
  std::optional<HttpResponse> Read(std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                   bool head = false) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill(deadline)) return std::nullopt;
    }
    HttpResponse response = ParseHead(pending_.substr(0, header_end));
    pending_.erase(0, header_end + 4);

    const std::string length = response.Header("content-length");
    const std::size_t body_size =
        head || response.status == 304 || length.empty() ? 0 : std::stoul(length);
    while (pending_.size() < body_size) {
      if (!Fill(deadline)) return std::nullopt;
    }
    response.body = pending_.substr(0, body_size);
    pending_.erase(0, body_size);
    return response;
  }

  // True when the server closed the connection within `timeout`.
  bool WaitForClose(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (Fill(deadline)) {
    }
    return closed_;
  }

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd poll_fd{fd_, POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[16384];
    const ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
    if (received <= 0) {
      closed_ = true;
      return false;
    }
    pending_.append(chunk, static_cast<std::size_t>(received));
    return true;
  }

  static HttpResponse ParseHead(const std::string& head) {
    HttpResponse response;
    response.head = head;
    std::istringstream lines(head);
    std::string line;
    std::getline(lines, line);
    if (line.size() >= 12) response.status = std::stoi(line.substr(9, 3));
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[name] = value;
    }
    return response;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  std::string pending_;
};

// Sends one GET and returns its response.
inline std::optional<HttpResponse> Get(std::uint16_t port, const std::string& target,
                                       const std::string& extra_headers = "") {
  RawClient client(port);
  if (!client.connected()) return std::nullopt;
  client.Send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers +
              "Connection: close\r\n\r\n");
  return client.Read();
}

}  // namespace ngodesk::server::testing
