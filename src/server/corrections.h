// The part of the server that uses the store: readers' reports, editor
// sign-in and sessions, review, verification calls, and the snapshot that
// every other route responds from.
//
// Corrections owns its own Store connection and one thread that makes every
// database call, so a slow fsync holds up only other store requests, never a
// GET served from the snapshot. After an accepted change or a recorded call
// it rebuilds the Site from the store and swaps it in. Requests in flight
// keep the Site they started with. It also polls PRAGMA data_version, so a
// change committed by another process (the CLI) shows within one poll
// interval.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "ngodesk/result.h"
#include "ngodesk/server.h"
#include "server/handlers.h"
#include "server/site.h"

namespace ngodesk::server {

class Corrections {
 public:
  // Receives the response of one request, exactly once, on the caller's
  // thread for snapshot routes and on the store thread for store routes.
  using Responder = std::function<void(Response)>;

  // Opens the database at `db_path`, fills it from the bundled directory
  // when it is new, builds the first snapshot and starts the store thread.
  // `poll_interval` is the period of the data_version check.
  static Result<std::unique_ptr<Corrections>> Open(
      const std::string& db_path, const ServerLimits& limits,
      std::chrono::milliseconds poll_interval = std::chrono::seconds(2),
      std::span<const Asset> assets = EmbeddedAssets());

  // Finishes the queued store requests, then stops the store thread.
  ~Corrections();
  Corrections(const Corrections&) = delete;
  Corrections& operator=(const Corrections&) = delete;

  // The current snapshot. Thread-safe.
  std::shared_ptr<const Site> site() const;

  // Handles any request. The views in `request` are copied before the call
  // returns, so they need to stay valid only during the call. Thread-safe.
  void Handle(const Request& request, Responder respond);

  // The response of a request that the snapshot handles (every route that
  // does not use the store, and every error found before the store is
  // needed), or nullopt for one that Handle must send to the store thread.
  // Lets the connection skip making a Responder for most requests.
  // Thread-safe.
  std::optional<Response> RespondFromSnapshot(const Request& request) const;

  // Rebuilds the snapshot from the store on the store thread and waits for
  // it; for tests and after a restore.
  Status Refresh();

  struct Impl;

 private:
  explicit Corrections(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ngodesk::server
