// The immutable data a running server responds with: the offices read from the
// store once at start, their JSON bodies prepared once with gzip forms and
// ETags, the OpenAPI document and the files embedded from web/. Built before
// the server starts and shared read-only by every thread, so requests never
// lock and never touch the store.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "server/hours_api.h"

namespace ngodesk::server {

// A response body prepared once: its media type, bytes, strong ETag of the
// identity bytes and gzip form. The gzip form is compressed on first use
// (once, whichever thread asks first), so that start-up does not wait for
// deflate of every body; Site::Warm compresses them ahead of traffic.
struct Representation {
  std::string content_type;
  std::string body;
  std::string etag;  // quoted, e.g. "\"9f2c4e0a1b3d5f70\""
  bool compress = false;  // whether a gzip form may be offered at all

  // The gzip form, or empty when compressing is off or would not make the
  // body smaller. Thread-safe.
  const std::string& gzip_body() const;

 private:
  mutable std::once_flag gzip_once_;
  mutable std::string gzip_body_;
};

// Builds a Representation. With `compress`, adds the gzip form when that
// saves bytes; responses built per request pass whether the client accepts it.
std::shared_ptr<const Representation> MakeRepresentation(std::string content_type,
                                                         std::string body, bool compress = true);

// A file from web/, linked into the binary by ngodesk_embed.
struct Asset {
  std::string_view path;  // relative to web/, e.g. "app.js" or "i18n/zh.json"
  std::string_view content_type;
  std::string_view bytes;
};

// The files of web/ embedded at build time; empty when web/ has none.
std::span<const Asset> EmbeddedAssets();

// The OpenAPI 3 document of the JSON API (docs/openapi.json, embedded).
std::string_view EmbeddedOpenApiDocument();

class Site {
 public:
  // Prepares every body in identity form. `offices` need not be sorted.
  // Cheap enough to run before the server listens: the slow parts (the place
  // finder's index, gzip forms) are left to Warm or to their first use.
  static std::shared_ptr<const Site> Build(std::vector<Office> offices,
                                           std::span<const Asset> assets = EmbeddedAssets());

  // Builds what requests would otherwise build on first use: the bundled
  // place finder and every gzip form. Safe to run on a background thread
  // while requests are served; a request that needs a part not yet ready
  // waits for it instead of building it twice.
  void Warm() const;

  // All offices, sorted by id.
  const std::vector<Office>& offices() const { return offices_; }

  // The office with this id, or nullptr.
  const Office* FindOffice(std::string_view id) const;

  // GET /api/v1/offices: the directory document.
  const std::shared_ptr<const Representation>& office_list() const { return office_list_; }

  // GET /api/v1/offices/{id}, or nullptr for an unknown id.
  std::shared_ptr<const Representation> office_json(std::string_view id) const;

  const std::shared_ptr<const Representation>& openapi() const { return openapi_; }

  // The office's hours, parsed once, or nullptr for an unknown id.
  const PreparedHours* hours(std::string_view id) const;

  // The embedded file at this path, or nullptr.
  std::shared_ptr<const Representation> asset(std::string_view path) const;

  // A GET /api/v1/resolve body made earlier for this key (procedure and
  // query), or nullptr. The bundled place finder never changes while the
  // server runs, so a repeated search can reuse the body. Thread-safe.
  std::shared_ptr<const Representation> cached_resolution(std::string_view key) const;

  // Keeps `representation` for `key`. The cache holds at most
  // kMaxCachedResolutions bodies and is emptied when full. Thread-safe.
  void CacheResolution(std::string key, std::shared_ptr<const Representation> representation) const;

  static constexpr std::size_t kMaxCachedResolutions = 1024;

 private:
  std::vector<Office> offices_;
  std::map<std::string, std::size_t, std::less<>> office_index_;
  std::shared_ptr<const Representation> office_list_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> office_json_;
  std::map<std::string, PreparedHours, std::less<>> hours_;
  std::shared_ptr<const Representation> openapi_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> assets_;
  mutable std::shared_mutex resolution_mutex_;
  mutable std::map<std::string, std::shared_ptr<const Representation>, std::less<>> resolutions_;
};

}  // namespace ngodesk::server
