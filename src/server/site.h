// The immutable data a running server responds with: the offices read from the
// store once at start, their JSON bodies prepared once with gzip forms and
// ETags, the OpenAPI document and the files embedded from web/. Built before
// the server starts and shared read-only by every thread, so requests never
// lock and never touch the store.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "server/hours_api.h"

namespace ngodesk::server {

// A response body prepared once: its media type, bytes, gzip form (empty when
// compressing would not make it smaller) and strong ETag of the identity bytes.
struct Representation {
  std::string content_type;
  std::string body;
  std::string gzip_body;
  std::string etag;  // quoted, e.g. "\"9f2c4e0a1b3d5f70\""
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
  // Prepares every body. `offices` need not be sorted.
  static std::shared_ptr<const Site> Build(std::vector<Office> offices,
                                           std::span<const Asset> assets = EmbeddedAssets());

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

 private:
  std::vector<Office> offices_;
  std::map<std::string, std::size_t, std::less<>> office_index_;
  std::shared_ptr<const Representation> office_list_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> office_json_;
  std::map<std::string, PreparedHours, std::less<>> hours_;
  std::shared_ptr<const Representation> openapi_;
  std::map<std::string, std::shared_ptr<const Representation>, std::less<>> assets_;
};

}  // namespace ngodesk::server
