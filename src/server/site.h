// The immutable data a running server responds with. It contains the offices
// and the history of accepted changes read from the store, their JSON bodies
// and the Atom feed prepared once with gzip forms and ETags, the OpenAPI
// document and the files embedded from web/. A Site is shared read-only by every thread, so
// requests never lock and never touch the store. After a change the server
// builds a new Site and swaps it in, and requests in flight keep the old one.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/moderation.h"
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

  // The header lines ("Name: value\r\n" each) of a 200 response with the
  // identity (`gzip` false) or gzip form, made by `build` on first use and
  // kept, so that a busy route does not assemble the same headers for every
  // request. A representation is served with one Cache-Control; a call with
  // another one gets an empty view and the caller builds its headers itself.
  // Thread-safe.
  template <typename Build>
  std::string_view header_lines(bool gzip, std::string_view cache_control, Build&& build) const {
    HeaderLines& lines = header_lines_[gzip ? 1 : 0];
    std::call_once(lines.once, [&] {
      lines.cache_control = cache_control;
      lines.text = build();
    });
    if (lines.cache_control != cache_control) return {};
    return lines.text;
  }

 private:
  struct HeaderLines {
    std::once_flag once;
    std::string cache_control;
    std::string text;
  };

  mutable std::once_flag gzip_once_;
  mutable std::string gzip_body_;
  mutable std::array<HeaderLines, 2> header_lines_;
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

// GET /api/v1/resolve bodies made earlier, by procedure and query. They
// depend only on the bundled place finder, which never changes while the
// server runs, so every Site of one server shares one cache.
class ResolutionCache {
 public:
  // The body kept for `key`, or nullptr. Thread-safe.
  std::shared_ptr<const Representation> Find(std::string_view key) const;

  // Keeps `representation` for `key`. The cache keeps at most kMaxEntries
  // bodies and is emptied when full. Thread-safe.
  void Insert(std::string key, std::shared_ptr<const Representation> representation);

  static constexpr std::size_t kMaxEntries = 1024;

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> entries_;
};

// The input of a Site: the offices and their accepted changes.
struct SiteContent {
  std::vector<Office> offices;  // need not be sorted
  std::vector<Change> changes;  // newest first
};

class Site {
 public:
  // Prepares every body in identity form. `offices` need not be sorted.
  // Cheap enough to run before the server listens: the slow parts (the place
  // finder's index, gzip forms) are left to Warm or to their first use.
  static std::shared_ptr<const Site> Build(std::vector<Office> offices,
                                           std::span<const Asset> assets = EmbeddedAssets());

  // Builds a Site with a history and its feed. A new Site of the same
  // server passes the `resolutions` of the one it replaces.
  static std::shared_ptr<const Site> FromContent(
      SiteContent content, std::span<const Asset> assets = EmbeddedAssets(),
      std::shared_ptr<ResolutionCache> resolutions = nullptr);

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

  // Accepted changes of all offices, newest first.
  const std::vector<Change>& changes() const { return changes_; }

  // The office's accepted changes, newest first, at most `limit`.
  std::vector<Change> History(std::string_view office_id, std::size_t limit) const;

  // GET /feed.atom: the latest kFeedEntries changes of all offices.
  const std::shared_ptr<const Representation>& feed() const { return feed_; }

  static constexpr std::size_t kFeedEntries = 50;

  // A GET /api/v1/resolve body made earlier for this key (procedure and
  // query), or nullptr. The bundled place finder never changes while the
  // server runs, so a repeated search can reuse the body. Thread-safe.
  std::shared_ptr<const Representation> cached_resolution(std::string_view key) const;

  // Keeps `representation` for `key`. The cache holds at most
  // ResolutionCache::kMaxEntries bodies and is emptied when full. Thread-safe.
  void CacheResolution(std::string key, std::shared_ptr<const Representation> representation) const;

  static constexpr std::size_t kMaxCachedResolutions = ResolutionCache::kMaxEntries;

 private:
  std::vector<Office> offices_;
  std::map<std::string, std::size_t, std::less<>> office_index_;
  std::shared_ptr<const Representation> office_list_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> office_json_;
  std::map<std::string, PreparedHours, std::less<>> hours_;
  std::shared_ptr<const Representation> openapi_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> assets_;
  std::vector<Change> changes_;
  std::shared_ptr<const Representation> feed_;
  std::shared_ptr<ResolutionCache> resolutions_;
};

}  // namespace ngodesk::server
