// The socket side of the server: accepting, reading requests under the
// limits, writing responses and logging. Everything a response contains comes
// from HandleRequest (handlers.h); this file only moves bytes and enforces
// limits and deadlines.

// Boost 1.74's Asio uses std::exchange without including <utility>, which
// g++ 12 in C++20 mode no longer provides transitively.
#include <utility>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <chrono>
#include <optional>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "ngodesk/server.h"
#include "server/corrections.h"
#include "server/handlers.h"
#include "server/rate_limiter.h"
#include "server/response_head.h"
#include "server/site.h"

namespace ngodesk {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// A client that does not read a response within this time is dropped, so an
// error response cannot hold a connection either.
constexpr std::chrono::seconds kWriteTimeout{10};
// Pause before accepting again when the process has no file descriptor left.
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};

// Logs at most one warning of each kind per second, so that a flood of bad
// requests cannot flood the log and one kind cannot hide another. Warnings
// in between are counted. The count goes with the next line of that kind, or
// with a last line when the server stops.
class ThrottledWarnings {
 public:
  ~ThrottledWarnings() {
    for (const auto& [kind, state] : kinds_) {
      if (state.suppressed > 0) {
        spdlog::warn("not logged: {} more {} of the kind \"{}\"", state.suppressed,
                     WarningNoun(state.suppressed), kind);
      }
    }
  }

  // Logs `message` unless a warning of `kind` (a short fixed name, such as
  // "rejected 414") was logged less than a second ago.
  void Warn(std::string_view kind, const std::string& message) {
    const Clock::time_point now = Clock::now();
    std::size_t suppressed = 0;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      auto it = kinds_.find(kind);
      if (it == kinds_.end()) it = kinds_.emplace(std::string(kind), Kind{}).first;
      Kind& state = it->second;
      if (state.logged && now - state.last < std::chrono::seconds(1)) {
        ++state.suppressed;
        return;
      }
      state.logged = true;
      state.last = now;
      suppressed = std::exchange(state.suppressed, 0);
    }
    if (suppressed == 0) {
      spdlog::warn("{}", message);
    } else {
      spdlog::warn("{} (not logged since the last line of this kind: {} more {})", message,
                   suppressed, WarningNoun(suppressed));
    }
  }

 private:
  static std::string_view WarningNoun(std::size_t count) {
    return count == 1 ? "warning" : "warnings";
  }

  struct Kind {
    bool logged = false;
    Clock::time_point last{};
    std::size_t suppressed = 0;
  };

  std::mutex mutex_;
  std::map<std::string, Kind, std::less<>> kinds_;
};

// State shared by all connections of one server; read-only but for the
// counter and the warning throttle.
struct SharedState {
  // The snapshot of a server without a database; with one, `corrections`
  // keeps the current snapshot and handles every request.
  std::shared_ptr<const server::Site> site;
  std::unique_ptr<server::Corrections> corrections;
  ServerLimits limits;
  std::unique_ptr<server::RateLimiter> rate_limiter;
  bool access_log = true;
  std::optional<std::chrono::sys_seconds> fixed_now;
  std::atomic<std::size_t> connections{0};
  ThrottledWarnings warnings;
};

// The path of a request for the access log: without the query string (it
// contains what a visitor searched for), non-printable bytes escaped, truncated.
std::string LoggablePath(std::string_view target) {
  constexpr std::size_t kMaxLoggedBytes = 200;
  target = target.substr(0, target.find('?'));
  std::string path;
  for (const char c : target.substr(0, kMaxLoggedBytes)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7f) {
      path += c;
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      path += '%';
      path += kHex[byte >> 4];
      path += kHex[byte & 0xf];
    }
  }
  if (target.size() > kMaxLoggedBytes) path += "...";
  return path;
}

// The fault in a request that Beast's parser rejected, in English and
// Chinese. Beast's own messages are English only.
struct ParseFault {
  std::string en;
  std::string zh;
};

ParseFault DescribeParseError(const beast::error_code& ec) {
  if (ec == http::error::bad_line_ending) return {"a line does not end with CRLF", "某行未以 CRLF 结尾"};
  if (ec == http::error::bad_method) return {"the method is not a valid token", "请求方法无效"};
  if (ec == http::error::bad_target) {
    return {"the request target contains a character that is not allowed",
            "请求目标含有不允许的字符"};
  }
  if (ec == http::error::bad_version) {
    return {"the version is not HTTP/1.0 or HTTP/1.1", "版本不是 HTTP/1.0 或 HTTP/1.1"};
  }
  if (ec == http::error::bad_field) {
    return {"a header name is invalid or a header line has no colon",
            "某个请求头名称无效，或请求头行缺少冒号"};
  }
  if (ec == http::error::bad_value) {
    return {"a header value contains a character that is not allowed",
            "某个请求头的值含有不允许的字符"};
  }
  if (ec == http::error::bad_content_length) {
    return {"the Content-Length header is not a valid number or comes twice",
            "Content-Length 请求头不是有效数字或出现了两次"};
  }
  if (ec == http::error::bad_transfer_encoding) {
    return {"the Transfer-Encoding header is not supported", "不支持该 Transfer-Encoding 请求头"};
  }
  if (ec == http::error::bad_chunk || ec == http::error::bad_chunk_extension) {
    return {"the chunked body is malformed", "分块传输的请求体格式错误"};
  }
  if (ec == http::error::bad_obs_fold) {
    return {"a header continues on the next line (obsolete line folding)",
            "某个请求头折行续写（已废弃的折行格式）"};
  }
  return {"the parser failed (" + ec.message() + ")", "无法解析该请求"};
}

// One client connection: a chain of callbacks, all on the thread of the
// io_context the connection was accepted onto.
// A deadline timer bounds every read and write; when it fires the pending
// operation is cancelled and the connection sends 408 or closes.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, SharedState& shared)
      : socket_(std::move(socket)), timer_(socket_.get_executor()), shared_(shared) {}

  ~Connection() { --shared_.connections; }

  void Start() {
    // The address is the rate limiter's key only: it is never logged.
    beast::error_code ec;
    const tcp::endpoint peer = socket_.remote_endpoint(ec);
    if (!ec) {
      const auto bytes = peer.address().is_v4() ? net::ip::make_address_v6(net::ip::v4_mapped,
                                                                            peer.address().to_v4())
                                                      .to_bytes()
                                                : peer.address().to_v6().to_bytes();
      client_key_.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    net::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }

  // Sends 503 without reading the request and closes, because the server is full.
  void Reject() {
    net::dispatch(socket_.get_executor(), [self = shared_from_this()] {
      server::Response response = server::ErrorResponse(
          503, "service_unavailable", "the server has too many open connections; try again soon",
          "服务器打开的连接过多，请稍后重试");
      response.headers.emplace_back("Retry-After", "1");
      self->Write(std::move(response), /*keep_alive=*/false, /*head=*/false, 11);
    });
  }

 private:
  // Sets the deadline of the next read or write. Moving a timer costs a
  // cancelled wait and a handler call, so a later deadline only updates
  // deadline_, which the pending wait checks when it fires. Only an earlier
  // deadline moves the timer.
  void Arm(std::chrono::milliseconds timeout) {
    timed_out_ = false;
    deadline_ = Clock::now() + timeout;
    if (wait_pending_ && timer_.expiry() <= deadline_) return;
    timer_.expires_at(deadline_);  // a pending wait ends with operation_aborted
    WaitForDeadline();
  }

  void WaitForDeadline() {
    wait_pending_ = true;
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec == net::error::operation_aborted) return;  // moved or closed: a newer wait is pending
      self->OnDeadline();
    });
  }

  void OnDeadline() {
    wait_pending_ = false;
    if (closed_) return;
    if (Clock::now() < deadline_) {
      timer_.expires_at(deadline_);
      WaitForDeadline();
      return;
    }
    timed_out_ = true;
    beast::error_code ignored;
    socket_.cancel(ignored);
  }

  void Disarm() {
    closed_ = true;
    timer_.cancel();
  }

  void WaitForRequest() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.max_header_bytes));
    parser_->body_limit(shared_.limits.max_body_bytes);
    if (buffer_.size() > 0) {
      ReadHeader();  // the client sent the next request already (pipelining)
      return;
    }

    Arm(shared_.limits.idle_timeout);
    socket_.async_read_some(
        buffer_.prepare(4096),
        [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
          self->OnFirstBytes(ec, bytes);
        });
  }

  void OnFirstBytes(beast::error_code ec, std::size_t bytes) {
    if (ec) {
      // An idle keep-alive connection that times out or is closed by the
      // client ends without a response; that is normal.
      if (!timed_out_ && ec != net::error::eof && ec != net::error::connection_reset &&
          ec != net::error::operation_aborted) {
        shared_.warnings.Warn("idle read failed",
                              "connection read failed while idle: " + ec.message());
      }
      Close();
      return;
    }
    buffer_.commit(bytes);
    ReadHeader();
  }

  void ReadHeader() {
    started_ = Clock::now();
    Arm(shared_.limits.request_timeout);
    http::async_read_header(socket_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->OnHeader(ec);
                            });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) {
      OnReadError(ec);
      return;
    }
    const auto& request = parser_->get();
    if (request.target().size() > shared_.limits.max_target_bytes) {
      SendLimitError(414, "uri_too_long",
                     "the request target is " + std::to_string(request.target().size()) +
                         " bytes long; the maximum is " +
                         std::to_string(shared_.limits.max_target_bytes),
                     "请求目标长 " + std::to_string(request.target().size()) + " 字节，上限为 " +
                         std::to_string(shared_.limits.max_target_bytes) + " 字节");
      return;
    }
    if (parser_->content_length().value_or(0) > shared_.limits.max_body_bytes) {
      SendBodyTooLarge();
      return;
    }
    if (parser_->is_done()) {
      Respond();
      return;
    }
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) {
                         self->OnReadError(ec);
                         return;
                       }
                       self->Respond();
                     });
  }

  void OnReadError(beast::error_code ec) {
    if (timed_out_) {
      SendLimitError(408, "request_timeout",
                     "the request was not complete within " +
                         std::to_string(shared_.limits.request_timeout.count()) + " ms",
                     "请求未在 " + std::to_string(shared_.limits.request_timeout.count()) +
                         " 毫秒内发送完毕");
      return;
    }
    if (ec == http::error::header_limit) {
      SendLimitError(431, "request_header_fields_too_large",
                     "the request line and headers exceed " +
                         std::to_string(shared_.limits.max_header_bytes) + " bytes",
                     "请求行和请求头超过 " + std::to_string(shared_.limits.max_header_bytes) +
                         " 字节");
      return;
    }
    if (ec == http::error::body_limit) {
      SendBodyTooLarge();
      return;
    }
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::connection_reset || ec == http::error::partial_message) {
      Close();  // the client left in the middle of a request
      return;
    }
    const ParseFault fault = DescribeParseError(ec);
    SendLimitError(400, "bad_request",
                   "the request is not valid HTTP/1.1: " + fault.en +
                       "; send a well-formed HTTP/1.1 request",
                   "请求不是有效的 HTTP/1.1：" + fault.zh + "。请发送格式正确的 HTTP/1.1 请求");
  }

  void SendBodyTooLarge() {
    SendLimitError(413, "payload_too_large",
                   "the request body exceeds " + std::to_string(shared_.limits.max_body_bytes) +
                       " bytes",
                   "请求体超过 " + std::to_string(shared_.limits.max_body_bytes) + " 字节");
  }

  // Responds to a request that broke a limit or could not be parsed, then
  // closes, because the rest of its bytes cannot be trusted to start a new request.
  void SendLimitError(unsigned status, std::string_view code, const std::string& message,
                      const std::string& message_zh) {
    shared_.warnings.Warn("rejected " + std::to_string(status),
                          "rejected request with " + std::to_string(status) + ": " + message);
    server::Response response = server::ErrorResponse(status, code, message, message_zh);
    logged_method_ = "-";
    logged_path_ = parser_.has_value() && parser_->is_header_done()
                       ? LoggablePath(parser_->get().target())
                       : "-";
    Write(std::move(response), /*keep_alive=*/false, /*head=*/false, 11);
  }

  void Respond() {
    const auto& request = parser_->get();
    server::Request view{
        request.method_string(),         request.target(),
        request[http::field::if_none_match], request[http::field::accept_encoding],
        request[http::field::accept_language],
        shared_.fixed_now.value_or(
            std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())),
    };
    view.content_type = request[http::field::content_type];
    view.cookie = request[http::field::cookie];
    view.origin = request[http::field::origin];
    view.host = request[http::field::host];
    view.csrf_token = request["X-CSRF-Token"];
    view.client = client_key_;
    view.body = request.body();
    if (shared_.access_log) {
      logged_method_ = std::string(request.method_string());
      logged_path_ = LoggablePath(request.target());
    }

    const server::RateDecision admitted =
        shared_.rate_limiter->Admit(client_key_, server::RateLimiter::Clock::now());
    if (!admitted.allowed) {
      shared_.warnings.Warn("throttled 429", "throttled a client with 429: more than " +
                            std::to_string(shared_.limits.rate_limit) +
                            " requests per second (--rate-limit)");
      Write(server::TooManyRequestsResponse(admitted.retry_after), request.keep_alive(),
            request.method() == http::verb::head, request.version());
      return;
    }
    // Most requests are handled from the snapshot on this thread; the rest
    // go to the store thread.
    std::optional<server::Response> answer;
    try {
      if (shared_.corrections == nullptr) {
        answer = server::HandleRequest(*shared_.site, view);
      } else {
        answer = shared_.corrections->RespondFromSnapshot(view);
      }
    } catch (const std::exception& error) {
      answer = HandlerFailed(error);
    }
    if (!answer.has_value()) {
      RespondFromStore(view);
      return;
    }
    Write(*std::move(answer), request.keep_alive(), request.method() == http::verb::head,
          request.version());
  }

  // The 500 response to a request whose handler threw, logged.
  server::Response HandlerFailed(const std::exception& error) const {
    const auto& request = parser_->get();
    spdlog::error("request handler failed on {} {}: {}", request.method_string(),
                  LoggablePath(request.target()), error.what());
    return server::ErrorResponse(500, "internal", "the server failed to process this request",
                                 "服务器未能处理此请求");
  }

  // Lets Corrections respond from its store thread; the response is written
  // on this connection's thread.
  void RespondFromStore(const server::Request& view) {
    const auto& request = parser_->get();
    const bool keep_alive = request.keep_alive();
    const bool head = request.method() == http::verb::head;
    const unsigned version = request.version();
    auto respond = [self = shared_from_this(), keep_alive, head,
                    version](server::Response response) {
      net::dispatch(self->socket_.get_executor(),
                    [self, keep_alive, head, version, response = std::move(response)]() mutable {
                      self->Write(std::move(response), keep_alive, head, version);
                    });
    };
    try {
      shared_.corrections->Handle(view, respond);
    } catch (const std::exception& error) {
      respond(HandlerFailed(error));
    }
  }

  void Write(server::Response response, bool keep_alive, bool head, unsigned version) {
    reply_ = std::move(response);
    keep_alive_ = keep_alive;
    head_.clear();
    server::AppendResponseHead(reply_, keep_alive, version, head_);
    const std::string_view body = head ? std::string_view() : reply_.body;
    const std::array<net::const_buffer, 2> buffers{net::buffer(head_),
                                                   net::buffer(body.data(), body.size())};

    Arm(std::chrono::duration_cast<std::chrono::milliseconds>(kWriteTimeout));
    net::async_write(socket_, buffers,
                     [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                       self->OnWrite(ec, bytes);
                     });
  }

  void OnWrite(beast::error_code ec, std::size_t bytes) {
    if (shared_.access_log && !logged_method_.empty()) {
      const double milliseconds =
          std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
      spdlog::info("{} {} {} {} bytes {:.2f} ms", logged_method_, logged_path_, reply_.status,
                   bytes, milliseconds);
    }
    logged_method_.clear();
    if (ec) {
      if (ec != net::error::broken_pipe && ec != net::error::connection_reset) {
        shared_.warnings.Warn("write failed", std::string("response write failed") +
                              (timed_out_ ? " (timed out): " : ": ") + ec.message());
      }
      Close();
      return;
    }
    if (!keep_alive_) {
      Close();
      return;
    }
    reply_ = {};
    WaitForRequest();
  }

  void Close() {
    Disarm();
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    socket_.close(ignored);
  }

  tcp::socket socket_;
  net::steady_timer timer_;
  SharedState& shared_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string head_;         // the status line and headers being written
  server::Response reply_;   // owns the body being written
  bool keep_alive_ = false;  // whether the connection stays open after the write
  Clock::time_point deadline_{};
  bool wait_pending_ = false;
  bool closed_ = false;
  bool timed_out_ = false;
  Clock::time_point started_ = Clock::now();
  std::string logged_method_;
  std::string logged_path_;
  std::string client_key_;  // the peer address as 16 bytes (IPv4 mapped), for the rate limit
};

bool IsOutOfDescriptors(const beast::error_code& ec) {
  return ec == net::error::no_descriptors || ec.value() == ENFILE;
}

}  // namespace

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  const Error usage = Error::InvalidArgument(
      "invalid listen address '" + std::string(text) +
          "': use an IP literal and a port, e.g. 127.0.0.1:8080 or [::1]:8080",
      "监听地址“" + std::string(text) + "”无效：请使用 IP 地址和端口，例如 127.0.0.1:8080 或 [::1]:8080");

  std::string_view host;
  std::string_view port;
  if (text.starts_with('[')) {
    const std::size_t close = text.find("]:");
    if (close == std::string_view::npos) return usage;
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return usage;
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return usage;  // IPv6 needs brackets
  }

  beast::error_code ec;
  net::ip::make_address(std::string(host), ec);
  if (ec || port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string_view::npos) {
    return usage;
  }
  const unsigned long number = std::stoul(std::string(port));
  if (number > 65535) return usage;
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(number)};
}

// Returns the error for a listen address that cannot be bound, naming the
// usual causes in both languages (Asio's messages are English only).
Error ListenFailed(const std::string& listen, const beast::error_code& ec) {
  std::string en = ec.message();
  std::string zh = "系统错误（" + std::to_string(ec.value()) + "）";
  if (ec == net::error::address_in_use) {
    en = "the address is already in use; choose another port or stop the program that uses it";
    zh = "该地址已被占用；请换一个端口，或停止占用它的程序";
  } else if (ec == net::error::access_denied) {
    en = "permission denied; ports below 1024 need root, so choose a port above 1024";
    zh = "权限不足；1024 以下的端口需要 root 权限，请选择 1024 以上的端口";
  } else if (ec.value() == EADDRNOTAVAIL) {
    en = "no network interface of this machine has that address; use 127.0.0.1 or ::1";
    zh = "本机没有任何网络接口使用该地址；请使用 127.0.0.1 或 ::1";
  }
  return Error::Io("cannot listen on " + listen + ": " + en, "无法在 " + listen + " 上监听：" + zh);
}

int DefaultServerThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(2 * cores, 2u, 64u));
}

// One io_context per thread, each run by that thread alone, and each
// connection bound to one of them. With one io_context shared by all threads,
// every completion woke another thread through the kernel, and the context
// switches cost more than the requests (measured with perf under wrk).
std::vector<std::unique_ptr<net::io_context>> MakeContexts(int threads) {
  std::vector<std::unique_ptr<net::io_context>> contexts;
  for (int i = 0; i < std::max(1, threads); ++i) {
    contexts.push_back(std::make_unique<net::io_context>(1));
  }
  return contexts;
}

struct Server::Impl {
  ServerOptions options;
  // Declared before the io_contexts, so that it outlives the connections that
  // the io_contexts destroy with their pending handlers.
  SharedState shared;
  std::vector<std::unique_ptr<net::io_context>> contexts;
  // The acceptor, signals and retry timer live on the first context, so
  // their handlers run on that context's thread only.
  net::io_context& context;
  tcp::acceptor acceptor{context};
  net::signal_set signals{context};
  net::steady_timer accept_retry{context};
  std::size_t next_context = 0;
  // Builds the slow, lazily built parts of the site while the server already
  // answers, so that the first request comes within milliseconds of start.
  std::thread warm_up;

  explicit Impl(ServerOptions server_options)
      : options(std::move(server_options)),
        contexts(MakeContexts(options.threads)),
        context(*contexts.front()) {}

  ~Impl() {
    if (warm_up.joinable()) warm_up.join();
    // The store thread posts responses to the io_contexts, so it stops
    // while they still exist.
    shared.corrections.reset();
  }

  void Accept() {
    net::io_context& target = *contexts[next_context];
    next_context = (next_context + 1) % contexts.size();
    acceptor.async_accept(target,
                          [this](beast::error_code ec, tcp::socket socket) {
                            OnAccept(ec, std::move(socket));
                          });
  }

  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      spdlog::error("accepting a connection failed: {}", ec.message());
      if (IsOutOfDescriptors(ec)) {
        accept_retry.expires_after(kAcceptRetryDelay);
        accept_retry.async_wait([this](beast::error_code) { Accept(); });
        return;
      }
      Accept();
      return;
    }

    const std::size_t open = shared.connections.fetch_add(1);
    auto connection = std::make_shared<Connection>(std::move(socket), shared);
    if (open >= shared.limits.max_connections) {
      shared.warnings.Warn("rejected 503", "rejected a connection with 503: " + std::to_string(open) +
                           " connections are open (--max-connections)");
      connection->Reject();
    } else {
      connection->Start();
    }
    Accept();
  }

  void Shutdown() {
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    accept_retry.cancel();
    for (const auto& each : contexts) each->stop();
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, std::vector<Office> offices) {
  Result<ListenAddress> address = ParseListenAddress(options.listen);
  if (!address.ok()) return address.error();

  auto impl = std::make_unique<Impl>(std::move(options));
  if (impl->options.db_path.empty()) {
    impl->shared.site = server::Site::Build(std::move(offices));
  } else {
    Result<std::unique_ptr<server::Corrections>> corrections = server::Corrections::Open(
        impl->options.db_path, impl->options.limits, impl->options.data_version_poll);
    if (!corrections.ok()) return corrections.error();
    impl->shared.corrections = std::move(corrections).value();
    impl->shared.site = impl->shared.corrections->site();
  }
  impl->shared.limits = impl->options.limits;
  impl->shared.rate_limiter = std::make_unique<server::RateLimiter>(
      impl->options.limits.rate_limit, impl->options.limits.rate_burst);
  impl->shared.access_log = impl->options.access_log;
  impl->shared.fixed_now = impl->options.fixed_now;

  const tcp::endpoint endpoint(net::ip::make_address(address->host), address->port);
  beast::error_code ec;
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return ListenFailed(impl->options.listen, ec);
  impl->warm_up = std::thread([site = impl->shared.site] { site->Warm(); });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

std::string Server::url() const {
  const tcp::endpoint endpoint = impl_->acceptor.local_endpoint();
  const std::string host = endpoint.address().to_string();
  return "http://" + (endpoint.address().is_v6() ? "[" + host + "]" : host) + ":" +
         std::to_string(endpoint.port()) + "/";
}

void Server::Run() {
  Impl& impl = *impl_;
  if (impl.options.handle_signals) {
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](beast::error_code ec, int signal) {
      if (ec) return;
      spdlog::info("received signal {}, stopping", signal);
      impl.Shutdown();
    });
  }
  net::dispatch(impl.context, [&impl] { impl.Accept(); });

  spdlog::info("ngodesk server started: open {} ({} offices, {} threads)", url(),
               impl.shared.site->offices().size(), std::max(1, impl.options.threads));
  // A context without work would return from run() at once, so each one
  // keeps a work guard until Shutdown stops them all.
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  for (const auto& each : impl.contexts) guards.push_back(net::make_work_guard(*each));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl.contexts.size(); ++i) {
    threads.emplace_back([&impl, i] { impl.contexts[i]->run(); });
  }
  impl.context.run();
  for (std::thread& thread : threads) thread.join();
  spdlog::info("ngodesk server stopped");
}

void Server::Stop() {
  net::post(impl_->context, [impl = impl_.get()] { impl->Shutdown(); });
}

}  // namespace ngodesk
