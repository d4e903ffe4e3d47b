// The ngodesk web server: the JSON API under /api/v1, the server-side HTML
// pages and the files embedded from web/, served by one asynchronous
// Boost.Beast server. A Server runs a small fixed number of threads, each with
// its own io_context. Each connection is a chain of callbacks on one of them,
// so a slow or stalled client ties up a socket and a timer, never a thread.
//
// Reads are served from an immutable snapshot of the offices and their
// history, so they take no lock and never touch the store. Reports, sign-in
// and editor actions go to one store thread. After a change the snapshot is
// rebuilt and swapped in.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "ngodesk/result.h"

namespace ngodesk {

// The limits that keep clients from exhausting the server, each with the
// status a client gets when it breaks it. Every limit is a flag of
// `ngodesk serve`, with these defaults.
struct ServerLimits {
  std::size_t max_header_bytes = 8 * 1024;  // request line and headers; above: 431
  std::size_t max_body_bytes = 16 * 1024;   // request body (no route takes one); above: 413
  std::size_t max_target_bytes = 2 * 1024;  // request target, path and query; above: 414
  // From the first byte of a request to its last; after that 408 and close.
  std::chrono::milliseconds request_timeout{10'000};
  // How long a kept-alive connection may wait for its next request before it is closed.
  std::chrono::milliseconds idle_timeout{30'000};
  // Open connections; a connection beyond this gets 503 and is closed.
  std::size_t max_connections = 1000;
  // Requests per second from one client address once its burst is spent;
  // above: 429 with Retry-After. 0 turns the limit off. Kept in memory, for
  // at most 10,000 addresses at a time.
  unsigned rate_limit = 50;
  unsigned rate_burst = 100;  // requests one client address may send at once

  // The body of POST /api/v1/reports, in bytes; above: 413.
  std::size_t max_report_bytes = 8 * 1024;
  // Reports per hour from one client address once its burst is spent;
  // above: 429 with Retry-After. 0 turns the limit off. In memory.
  unsigned report_rate = 20;
  unsigned report_burst = 5;  // reports one client address may send at once
  // Failed editor sign-ins from one client address within the window; one
  // more attempt gets 429. 0 turns the limit off. In memory.
  unsigned max_sign_in_failures = 5;
  std::chrono::seconds sign_in_window{15 * 60};
};

// Returns the default number of server threads: twice the cores, from 2 to
// 64. Measured with wrk on the same 2 cores, one thread per core gave a 99th
// percentile latency of 2 to 6 ms and two per core 0.6 to 2.7 ms, at the
// same throughput. A thread that the kernel preempts delays only its share of
// the connections.
int DefaultServerThreads();

struct ServerOptions {
  // "host:port" with an IPv4 or IPv6 literal ("127.0.0.1:8080", "[::1]:8080");
  // port 0 takes a free port, see Server::port().
  std::string listen = "127.0.0.1:8080";
  // Threads serving connections, each with its own io_context. The caller of
  // Run is one of them.
  int threads = DefaultServerThreads();
  ServerLimits limits;
  bool access_log = true;        // one line per request: method, path without query, status, time
  bool handle_signals = false;   // stop on SIGINT and SIGTERM
  // A fixed "now" for opening hours, for tests and screenshots; unset: the system clock.
  std::optional<std::chrono::sys_seconds> fixed_now;
  // The SQLite database of offices, reports and history. Empty: the server
  // responds from the offices given to Create and has no store routes
  // (they respond with 503).
  std::string db_path;
  // How often the server checks whether another process changed the database.
  std::chrono::milliseconds data_version_poll{2000};
};

// An IP address literal and a port.
struct ListenAddress {
  std::string host;  // without brackets: "127.0.0.1", "::1"
  std::uint16_t port = 0;
};

// Parses "host:port" as in ServerOptions::listen; host names are rejected.
Result<ListenAddress> ParseListenAddress(std::string_view text);

class Server {
 public:
  // Prepares the snapshot and binds the listening socket. The snapshot comes
  // from the database when options.db_path is set (then `offices` is not
  // used), else from `offices`. Fails with InvalidArgument for a malformed
  // address, Store when the database cannot be opened and Io when binding
  // fails.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options, std::vector<Office> offices);

  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (the chosen one when the options asked for port 0).
  std::uint16_t port() const;

  // The address to open in a browser, e.g. "http://127.0.0.1:8080/".
  std::string url() const;

  // Serves until Stop() or, with handle_signals, SIGINT or SIGTERM. Logs the
  // start with the URL and the stop. Call once.
  void Run();

  // Makes Run return; callable from any thread, also before Run.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ngodesk
