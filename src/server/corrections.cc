// Boost 1.74's Asio uses std::exchange without including <utility>, which
// g++ 12 in C++20 mode no longer provides transitively.
#include <utility>

#include "server/corrections.h"

#include <atomic>
#include <future>

#include <boost/asio.hpp>
#include <openssl/crypto.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "ngodesk/moderation.h"
#include "ngodesk/store.h"
#include "server/correction_routes.h"
#include "server/editor_access.h"
#include "server/rate_limiter.h"
#include "server/router.h"

namespace ngodesk::server {
namespace {

namespace net = boost::asio;

// The history kept in a snapshot: enough for the feed and any history
// request (at most 1000 per office), without reading an unbounded table.
constexpr std::size_t kSnapshotChanges = 10'000;

Result<SiteContent> ReadContent(const Store& store, Moderation& moderation) {
  Result<std::vector<Office>> offices = store.ListOffices();
  if (!offices.ok()) return offices.error();
  Result<std::vector<Change>> changes = moderation.History("", kSnapshotChanges);
  if (!changes.ok()) return changes.error();
  return SiteContent{std::move(offices).value(), std::move(changes).value()};
}

// PRAGMA data_version: a number that changes when another connection commits.
Result<std::int64_t> DataVersion(const Store& store) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(store.handle(), "PRAGMA data_version", -1, &statement, nullptr) !=
      SQLITE_OK) {
    return Error::Store(std::string("reading PRAGMA data_version failed: ") +
                        sqlite3_errmsg(store.handle()));
  }
  std::int64_t version = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) version = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  if (version < 0) return Error::Store("PRAGMA data_version returned no row");
  return version;
}

// False for a target that cannot reach a store route, so that most GETs skip
// a second parse of the target. A percent sign in the path may spell a store
// route's name, so such targets are parsed.
bool MayUseStore(std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  return path.find('%') != std::string_view::npos || path.starts_with("/api/v1/reports") ||
         path.starts_with("/api/v1/session") || path.starts_with("/api/v1/calls");
}

StoreRequest CopyRequest(const Request& request, const RouteMatch& match,
                         RequestTarget target) {
  StoreRequest copy;
  copy.route = match.route->id;
  copy.method = request.method == "HEAD" ? "GET" : std::string(request.method);
  copy.params = match.params;
  copy.target = std::move(target);
  copy.content_type = request.content_type;
  copy.session_id = CookieValue(request.cookie, kSessionCookie).value_or("");
  copy.origin = request.origin;
  copy.host = request.host;
  copy.csrf_token = request.csrf_token;
  copy.client = request.client;
  copy.body = request.body;
  copy.now = request.now;
  return copy;
}

}  // namespace

struct Corrections::Impl {
  Impl(Store opened_store, const ServerLimits& server_limits, std::chrono::milliseconds poll,
       std::span<const Asset> embedded)
      : store(std::move(opened_store)),
        moderation(store),
        limits(server_limits),
        poll_interval(poll),
        assets(embedded),
        report_rate(RateLimiter::PerHour{server_limits.report_rate}, server_limits.report_burst),
        sign_ins(server_limits.max_sign_in_failures, server_limits.sign_in_window) {}

  // Runs on the store thread only --------------------------------------------

  Status Rebuild() {
    Result<SiteContent> content = ReadContent(store, moderation);
    if (!content.ok()) return content.error();
    std::shared_ptr<const Site> next =
        Site::FromContent(std::move(content).value(), assets, resolutions);
    next->Warm();
    site.store(std::move(next));
    return {};
  }

  void RebuildOrLog(std::string_view cause) {
    const Status rebuilt = Rebuild();
    if (!rebuilt.ok()) {
      spdlog::error("rebuilding the snapshot after {} failed: {}", cause, rebuilt.error().message);
    }
  }

  void SchedulePoll() {
    poll_timer.expires_after(poll_interval);
    poll_timer.async_wait([this](boost::system::error_code ec) {
      if (ec || stopping) return;
      Poll();
      SchedulePoll();
    });
  }

  void Poll() {
    Result<std::int64_t> version = DataVersion(store);
    if (!version.ok()) {
      spdlog::error("{}", version.error().message);
      return;
    }
    if (*version == data_version) return;
    data_version = *version;
    spdlog::info("the database changed in another process; rebuilding the snapshot");
    RebuildOrLog("a change by another process");
  }

  void Run(const StoreRequest& request, const Responder& respond) {
    StoreContext context{store, moderation, sign_ins};
    StoreOutcome outcome;
    try {
      outcome = HandleStoreRoute(context, request);
    } catch (const std::exception& error) {
      spdlog::error("store request handler failed: {}", error.what());
      outcome.response = ErrorResponse(500, "internal", "the server failed to process this request",
                                       "服务器未能处理此请求");
    }
    // Rebuilt before responding, so that a client's next read after the
    // response already includes its change.
    if (outcome.changed) RebuildOrLog("a change");
    respond(std::move(outcome.response));
  }

  // --------------------------------------------------------------------------

  Store store;
  Moderation moderation;
  const ServerLimits limits;
  const std::chrono::milliseconds poll_interval;
  const std::span<const Asset> assets;
  RateLimiter report_rate;
  SignInThrottle sign_ins;
  std::shared_ptr<ResolutionCache> resolutions = std::make_shared<ResolutionCache>();
  std::atomic<std::shared_ptr<const Site>> site;
  std::int64_t data_version = -1;
  bool stopping = false;  // store thread only
  // Declared last, so that the thread stops before the members it uses go.
  net::thread_pool pool{1};
  net::steady_timer poll_timer{pool};
};

Corrections::Corrections(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Corrections::~Corrections() {
  Impl* impl = impl_.get();
  net::post(impl->pool, [impl] {
    impl->stopping = true;
    impl->poll_timer.cancel();
  });
  // Session tokens come from OpenSSL's random generator, which keeps state
  // per thread; the store thread frees it before it ends.
  net::post(impl->pool, [] { OPENSSL_thread_stop(); });
  impl->pool.join();
}

Result<std::unique_ptr<Corrections>> Corrections::Open(const std::string& db_path,
                                                       const ServerLimits& limits,
                                                       std::chrono::milliseconds poll_interval,
                                                       std::span<const Asset> assets) {
  Result<Store> store = Store::Open(db_path);
  if (!store.ok()) return store.error();
  Result<bool> seeded = store->SeedFromBundledDirectory();
  if (!seeded.ok()) return seeded.error();
  if (*seeded) spdlog::info("filled the new database {} from the bundled directory", db_path);

  // OpenSSL (session tokens, token hashes) initialises itself on first use
  // and keeps that thread's error state until the process exits. Doing it
  // here, on the caller's thread, keeps the store thread free of state that
  // outlives it.
  OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, nullptr);
  auto impl = std::make_unique<Impl>(std::move(store).value(), limits, poll_interval, assets);
  Result<std::int64_t> version = DataVersion(impl->store);
  if (!version.ok()) return version.error();
  impl->data_version = *version;

  Result<SiteContent> content = ReadContent(impl->store, impl->moderation);
  if (!content.ok()) return content.error();
  impl->site.store(Site::FromContent(std::move(content).value(), assets, impl->resolutions));

  Impl* raw = impl.get();
  net::post(raw->pool, [raw] { raw->SchedulePoll(); });
  return std::unique_ptr<Corrections>(new Corrections(std::move(impl)));
}

std::shared_ptr<const Site> Corrections::site() const { return impl_->site.load(); }

namespace {

// The route of a request that the store thread must handle, or nullopt for
// one the snapshot handles: other routes, 400, 404 and 405.
std::optional<RouteMatch> StoreRoute(const Request& request,
                                     const Result<RequestTarget>& target) {
  if (!target.ok()) return std::nullopt;
  std::optional<RouteMatch> match = MatchRoute(*target);
  if (!match || !match->route->uses_store) return std::nullopt;
  const bool head_of_get = request.method == "HEAD" && match->route->Allows("GET");
  if (!head_of_get && !match->route->Allows(request.method)) return std::nullopt;
  return match;
}

}  // namespace

std::optional<Response> Corrections::RespondFromSnapshot(const Request& request) const {
  if (MayUseStore(request.target) &&
      StoreRoute(request, ParseRequestTarget(request.target)).has_value()) {
    return std::nullopt;
  }
  return HandleRequest(*site(), request);
}

void Corrections::Handle(const Request& request, Responder respond) {
  if (!MayUseStore(request.target)) {
    respond(HandleRequest(*site(), request));
    return;
  }
  Result<RequestTarget> target = ParseRequestTarget(request.target);
  const std::optional<RouteMatch> match = StoreRoute(request, target);
  if (!match) {
    respond(HandleRequest(*site(), request));
    return;
  }

  if (match->route->id == RouteId::kApiReports && request.method == "POST") {
    if (std::optional<Response> refused =
            CheckReportLimits(request, impl_->limits, impl_->report_rate)) {
      refused->route = match->route->pattern;
      respond(*std::move(refused));
      return;
    }
  }

  StoreRequest copy = CopyRequest(request, *match, std::move(target).value());
  const std::string_view route = match->route->pattern;
  const bool is_report = copy.route == RouteId::kApiReports && copy.method == "POST";
  net::post(impl_->pool, [impl = impl_.get(), copy = std::move(copy), route,
                          is_report, respond = std::move(respond)] {
    impl->Run(copy, [&](Response response) {
      // Only a stored report spends the client's allowance, so that a reader
      // who fixes a rejected report can send it again.
      if (is_report && response.status != 201) {
        impl->report_rate.Refund(copy.client, LimitClock(copy.now));
      }
      response.route = route;
      respond(std::move(response));
    });
  });
}

Status Corrections::Refresh() {
  std::promise<Status> done;
  std::future<Status> result = done.get_future();
  net::post(impl_->pool, [impl = impl_.get(), &done] { done.set_value(impl->Rebuild()); });
  return result.get();
}

}  // namespace ngodesk::server
