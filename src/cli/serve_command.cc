// ngodesk serve: the web finder, the JSON API, reader reports and the
// editor actions on one address, from the database given with --db, until
// SIGINT or SIGTERM.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "cli/command_registry.h"
#include "ngodesk/calendar.h"
#include "ngodesk/server.h"
#include "ngodesk/store.h"

namespace ngodesk::cli {
namespace {

struct ServeOptions {
  ServerOptions server;
  long long request_timeout_ms = 0;
  long long idle_timeout_ms = 0;
  long long sign_in_window_minutes = 0;
  std::string test_now;
  bool no_access_log = false;
};

int RunServe(Context& context, ServeOptions& options) {
  options.server.limits.request_timeout = std::chrono::milliseconds(options.request_timeout_ms);
  options.server.limits.idle_timeout = std::chrono::milliseconds(options.idle_timeout_ms);
  options.server.limits.sign_in_window = std::chrono::minutes(options.sign_in_window_minutes);
  // A report may use its whole limit even when it is above the general body limit.
  options.server.limits.max_body_bytes =
      std::max(options.server.limits.max_body_bytes, options.server.limits.max_report_bytes);
  options.server.db_path = context.db_path;
  options.server.access_log = !options.no_access_log;
  options.server.handle_signals = true;
  if (!options.test_now.empty()) {
    Result<std::chrono::sys_seconds> now = ParseInstant(options.test_now);
    if (!now.ok()) return context.Fail(now.error());
    options.server.fixed_now = *now;
  }

  // Held while the server runs, so that `ngodesk restore` cannot replace the
  // database under it.
  Result<DatabaseUseLock> in_use =
      DatabaseUseLock::Acquire(context.db_path, DatabaseUseLock::Mode::kShared);
  if (!in_use.ok()) return context.Fail(in_use.error());

  // The server opens the database itself and fills it when it is new.
  Result<std::unique_ptr<Server>> server = Server::Create(options.server, {});
  if (!server.ok()) return context.Fail(server.error());

  const std::string url = (*server)->url();
  context.Print("Serving the ngodesk finder at " + url + " (Ctrl+C stops it)",
                "ngodesk 查询页面已在 " + url + " 上提供服务（按 Ctrl+C 停止）");
  context.out->flush();
  (*server)->Run();
  return kExitOk;
}

void SetupServe(CLI::App& app, Context& context) {
  auto options = std::make_shared<ServeOptions>();
  const ServerLimits defaults;
  options->request_timeout_ms = defaults.request_timeout.count();
  options->idle_timeout_ms = defaults.idle_timeout.count();
  options->sign_in_window_minutes =
      std::chrono::duration_cast<std::chrono::minutes>(defaults.sign_in_window).count();

  CLI::App* command = app.add_subcommand(
      "serve",
      "Serve the web finder and the JSON API (/api/v1) until SIGINT or SIGTERM.\n"
      "提供网页查询和 JSON API（/api/v1），直到收到 SIGINT 或 SIGTERM。");
  command->add_option("--listen", options->server.listen,
                      "Address and port: an IPv4 literal or a bracketed IPv6 literal / 监听地址")
      ->capture_default_str();
  command->add_option("--threads", options->server.threads, "Threads serving requests / 线程数")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  command->add_option("--max-header-bytes", options->server.limits.max_header_bytes,
                      "Request line and headers, in bytes; above: 431 / 请求头上限（字节）")
      ->capture_default_str()
      ->check(CLI::Range(1024, 1 << 20));
  command->add_option("--max-body-bytes", options->server.limits.max_body_bytes,
                      "Request body, in bytes; above: 413 / 请求体上限（字节）")
      ->capture_default_str();
  command->add_option("--max-target-bytes", options->server.limits.max_target_bytes,
                      "Request target (path and query), in bytes; above: 414 / 请求目标上限（字节）")
      ->capture_default_str()
      ->check(CLI::Range(64, 1 << 20));
  command->add_option("--request-timeout-ms", options->request_timeout_ms,
                      "Time to send a whole request, in ms; then 408 / 请求超时（毫秒）")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 3'600'000LL));
  command->add_option("--idle-timeout-ms", options->idle_timeout_ms,
                      "Keep-alive wait for the next request, in ms; then close / 空闲超时（毫秒）")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 3'600'000LL));
  command->add_option("--max-connections", options->server.limits.max_connections,
                      "Open connections; above: 503 / 最大连接数")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000'000));
  command->add_option("--rate-limit", options->server.limits.rate_limit,
                      "Requests per second per client address after its burst; above: 429; "
                      "0: no limit / 每个客户端地址每秒请求数上限（0 为不限）")
      ->capture_default_str()
      ->check(CLI::Range(0u, 10'000'000u));
  command->add_option("--rate-burst", options->server.limits.rate_burst,
                      "Requests one client address may send at once / 每个客户端地址的突发请求数")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10'000'000u));
  command->add_option("--max-report-bytes", options->server.limits.max_report_bytes,
                      "Body of a reader report, in bytes; above: 413 / 读者报告的请求体上限（字节）")
      ->capture_default_str()
      ->check(CLI::Range(256, 1 << 20));
  command->add_option("--report-rate", options->server.limits.report_rate,
                      "Reports per hour per client address after its burst; above: 429; "
                      "0: no limit / 每个客户端地址每小时的报告数上限（0 为不限）")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1'000'000u));
  command->add_option("--report-burst", options->server.limits.report_burst,
                      "Reports one client address may send at once / 每个客户端地址的突发报告数")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1'000'000u));
  command->add_option("--max-sign-in-failures", options->server.limits.max_sign_in_failures,
                      "Failed editor sign-ins per client address within the window; then 429; "
                      "0: no limit / 时间窗口内每个客户端地址的登录失败次数上限（0 为不限）")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1'000'000u));
  command->add_option("--sign-in-window-minutes", options->sign_in_window_minutes,
                      "The window of --max-sign-in-failures, in minutes / 登录失败计数的时间窗口（分钟）")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 10'080LL));
  command->add_option("--test-now", options->test_now,
                      "Fixed ISO 8601 instant used as \"now\" for opening hours, for tests; "
                      "default: the system clock / 测试用的固定“当前”时刻");
  command->add_flag("--no-access-log", options->no_access_log,
                    "Log no line per request / 不记录访问日志");
  command->callback([&context, options] { context.exit_code = RunServe(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupServe);

}  // namespace ngodesk::cli
