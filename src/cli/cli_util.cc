#include "cli/cli_util.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "importer/text.h"
#include "ngodesk/jurisdictions.h"

namespace ngodesk::cli {

Result<Store> OpenStoreForCli(Context& context, Seeding seeding) {
  if (context.db_path.empty()) context.db_path = DefaultDatabasePath();
  Result<Store> store = Store::Open(context.db_path);
  if (!store.ok() || seeding == Seeding::kNone) return store;

  Result<bool> seeded = store->SeedFromBundledDirectory();
  if (!seeded.ok()) return seeded.error();
  if (*seeded) {
    Result<int> count = store->CountOffices();
    const std::string offices = std::to_string(count.ok() ? *count : 0);
    *context.err << (context.chinese()
                         ? "ngodesk：已创建数据库 " + context.db_path + "，并载入内置名录中的 " +
                               offices + " 个机关。\n"
                         : "ngodesk: created the database " + context.db_path + " with the " +
                               offices + " offices of the bundled directory.\n");
  }
  return store;
}

namespace {

// Decodes the UTF-8 sequence at `text[i]`, advancing `i`. Invalid bytes
// decode as themselves, one at a time.
std::uint32_t NextCodePoint(std::string_view text, std::size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  const int length = byte < 0x80           ? 1
                     : (byte >> 5) == 0x6  ? 2
                     : (byte >> 4) == 0xE  ? 3
                     : (byte >> 3) == 0x1E ? 4
                                           : 1;
  if (length == 1 || i + length > text.size()) {
    ++i;
    return byte;
  }
  std::uint32_t code = byte & (0x7F >> length);
  for (int k = 1; k < length; ++k)
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return code;
}

// The East Asian Wide and Fullwidth ranges of Unicode's EastAsianWidth.txt
// that occur in Chinese text: Hangul Jamo to Yi, compatibility ideographs,
// fullwidth forms and the supplementary ideograph planes.
bool IsWide(std::uint32_t code) {
  return (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0x303E) ||
         (code >= 0x3041 && code <= 0x33FF) || (code >= 0x3400 && code <= 0x4DBF) ||
         (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xA000 && code <= 0xA4CF) ||
         (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
         (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
         (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x20000 && code <= 0x3FFFD);
}

Error UnknownOffice(const Store& store, const std::string& id) {
  std::string closest;
  std::size_t best = 3;  // suggest only ids within two edits
  if (Result<std::vector<Office>> offices = store.ListOffices(); offices.ok()) {
    for (const Office& office : *offices) {
      const std::size_t distance = importer::EditDistance(id, office.id);
      if (distance < best) {
        best = distance;
        closest = office.id;
      }
    }
  }

  std::string en = "no office has the id \"" + id + "\".";
  std::string zh = "没有 id 为 \"" + id + "\" 的机关。";
  if (!closest.empty()) {
    en += " Did you mean \"" + closest + "\"?";
    zh += "是否要查 \"" + closest + "\"？";
  }
  return Error::NotFound(en + " Run `ngodesk list` to see all ids.",
                         zh + "运行 `ngodesk list` 可查看所有 id。");
}

std::string ToLowerAscii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Maps what a user may type instead of the id to the office id: the id in
// any case, the GB/T 2260 code of the province, or the jurisdiction's name
// ("江苏省", "江苏", "Jiangsu Province", "jiangsu province"). Returns the
// lower-cased input when nothing matches.
std::string ResolveOfficeId(const std::string& query) {
  const std::string lower = ToLowerAscii(query);
  if (const JurisdictionEntry* entry = FindJurisdictionByProvinceCode(query);
      entry != nullptr && query.size() == 6) {
    return std::string(entry->office_id);
  }

  const JurisdictionEntry* prefix_match = nullptr;
  int prefix_matches = 0;
  for (const JurisdictionEntry& entry : Jurisdictions()) {
    if (query == entry.name_zh || lower == ToLowerAscii(std::string(entry.name_en))) {
      return std::string(entry.office_id);
    }
    // Chinese names are often written without 省, 市 or 自治区; two Chinese
    // characters take 6 bytes in UTF-8.
    if (query.size() >= 6 && entry.name_zh.starts_with(query)) {
      prefix_match = &entry;
      ++prefix_matches;
    }
  }
  if (prefix_matches == 1) return std::string(prefix_match->office_id);
  return lower;
}


}  // namespace

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += IsWide(NextCodePoint(text, i)) ? 2 : 1;
  return width;
}

std::string PadToWidth(std::string_view text, std::size_t width) {
  std::string padded(text);
  const std::size_t used = DisplayWidth(text);
  if (used < width) padded.append(width - used, ' ');
  return padded;
}

Status WriteOutput(Context& context, const std::string& path, std::string_view text) {
  if (path.empty() || path == "-") {
    context.out->write(text.data(), static_cast<std::streamsize>(text.size()));
    context.out->flush();
    return {};
  }

  const std::string temporary = path + ".partial";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (file) file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file || !file.flush()) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return Error::Io("cannot write " + path + " (" + reason +
                           "). Check that its directory exists and is writable.",
                       "无法写入 " + path + "（" + reason + "）。请确认其所在目录存在且可写。");
    }
  }

  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (!error) return {};

  const std::string reason = error.message();
  std::filesystem::remove(temporary, error);
  return Error::Io(
      "cannot write " + path + " (" + reason + "). Check that the path is not a directory.",
      "无法写入 " + path + "（" + reason + "）。请确认该路径不是目录。");
}

Result<Office> FindOfficeByUserQuery(const Store& store, const std::string& query) {
  Result<std::optional<Office>> office = store.FindOffice(ResolveOfficeId(query));
  if (!office.ok()) return office.error();
  if (!office->has_value()) return UnknownOffice(store, query);
  return std::move(**office);
}

}  // namespace ngodesk::cli
