#include "server/site.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "ngodesk/embedded.h"
#include "ngodesk/office_json.h"
#include "ngodesk/resolver.h"
#include "server/atom_feed.h"
#include "server/gzip.h"

NGODESK_DECLARE_EMBEDDED(ngodesk_openapi_json)

namespace ngodesk::server {
namespace {

// Bodies below this size gain little from gzip and cost a header's worth of bytes.
constexpr std::size_t kMinGzipBytes = 256;

// 64-bit FNV-1a: a stable, fast hash for ETags. ETags only need to change
// when the bytes do, so a non-cryptographic hash is enough.
std::string QuotedHash(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char text[19];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace

std::shared_ptr<const Representation> MakeRepresentation(std::string content_type,
                                                         std::string body, bool compress) {
  auto representation = std::make_shared<Representation>();
  representation->content_type = std::move(content_type);
  representation->etag = QuotedHash(body);
  representation->compress = compress && body.size() >= kMinGzipBytes;
  representation->body = std::move(body);
  return representation;
}

const std::string& Representation::gzip_body() const {
  std::call_once(gzip_once_, [this] {
    if (!compress) return;
    std::string gzip = GzipCompress(body);
    if (gzip.size() < body.size()) gzip_body_ = std::move(gzip);
  });
  return gzip_body_;
}

std::string_view EmbeddedOpenApiDocument() { return NGODESK_EMBEDDED_VIEW(ngodesk_openapi_json); }

std::shared_ptr<const Site> Site::Build(std::vector<Office> offices, std::span<const Asset> assets) {
  return FromContent({std::move(offices), {}}, assets);
}

std::shared_ptr<const Site> Site::FromContent(SiteContent content, std::span<const Asset> assets,
                                              std::shared_ptr<ResolutionCache> resolutions) {
  constexpr std::string_view kJson = "application/json; charset=utf-8";
  auto site = std::shared_ptr<Site>(new Site());
  site->resolutions_ =
      resolutions != nullptr ? std::move(resolutions) : std::make_shared<ResolutionCache>();
  std::vector<Office>& offices = content.offices;
  std::sort(offices.begin(), offices.end(),
            [](const Office& a, const Office& b) { return a.id < b.id; });

  site->office_list_ = MakeRepresentation(std::string(kJson), DirectoryToJson(offices));
  for (std::size_t i = 0; i < offices.size(); ++i) {
    const nlohmann::ordered_json json = OfficeToJson(offices[i]);
    site->office_json_[offices[i].id] = MakeRepresentation(
        std::string(kJson),
        json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
    site->office_index_[offices[i].id] = i;
    site->hours_[offices[i].id] = PrepareHours(offices[i]);
  }
  site->offices_ = std::move(offices);

  site->changes_ = std::move(content.changes);
  const std::size_t feed_entries = std::min(site->changes_.size(), kFeedEntries);
  site->feed_ = MakeRepresentation(
      "application/atom+xml; charset=utf-8",
      RenderAtomFeed(std::span(site->changes_).first(feed_entries), site->offices_));

  site->openapi_ = MakeRepresentation(std::string(kJson), std::string(EmbeddedOpenApiDocument()));
  for (const Asset& asset : assets) {
    site->assets_[std::string(asset.path)] =
        MakeRepresentation(std::string(asset.content_type), std::string(asset.bytes));
  }
  return site;
}

void Site::Warm() const {
  // The resolver builds its index on first use (about two thirds of the
  // start-up work); building it here keeps the first search as fast as the
  // others without making the server wait for it before listening.
  Resolver::Bundled();
  office_list_->gzip_body();
  for (const auto& [id, representation] : office_json_) representation->gzip_body();
  openapi_->gzip_body();
  feed_->gzip_body();
  for (const auto& [path, representation] : assets_) representation->gzip_body();
}

const Office* Site::FindOffice(std::string_view id) const {
  const auto it = office_index_.find(id);
  return it == office_index_.end() ? nullptr : &offices_[it->second];
}

std::shared_ptr<const Representation> Site::office_json(std::string_view id) const {
  const auto it = office_json_.find(id);
  return it == office_json_.end() ? nullptr : it->second;
}

const PreparedHours* Site::hours(std::string_view id) const {
  const auto it = hours_.find(id);
  return it == hours_.end() ? nullptr : &it->second;
}

std::shared_ptr<const Representation> Site::asset(std::string_view path) const {
  const auto it = assets_.find(path);
  return it == assets_.end() ? nullptr : it->second;
}

std::vector<Change> Site::History(std::string_view office_id, std::size_t limit) const {
  std::vector<Change> history;
  for (const Change& change : changes_) {
    if (history.size() >= limit) break;
    if (change.office_id == office_id) history.push_back(change);
  }
  return history;
}

std::shared_ptr<const Representation> Site::cached_resolution(std::string_view key) const {
  return resolutions_->Find(key);
}

void Site::CacheResolution(std::string key,
                           std::shared_ptr<const Representation> representation) const {
  resolutions_->Insert(std::move(key), std::move(representation));
}

std::shared_ptr<const Representation> ResolutionCache::Find(std::string_view key) const {
  const std::shared_lock lock(mutex_);
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

void ResolutionCache::Insert(std::string key, std::shared_ptr<const Representation> representation) {
  const std::unique_lock lock(mutex_);
  // Emptying the whole cache keeps this simple and bounded; popular searches
  // come back within a few requests.
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.insert_or_assign(std::move(key), std::move(representation));
}

}  // namespace ngodesk::server
