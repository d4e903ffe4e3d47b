#include "server/atom_feed.h"

#include <fmt/format.h>

#include "server/reader_text.h"

namespace ngodesk::server {
namespace {

// Atom ids must be permanent IRIs. A fixed UUID names the feed, and the
// change id fills the last 12 hex digits of the entry ids.
constexpr std::string_view kFeedId = "urn:uuid:6e676f64-6573-4b00-8000-000000000000";
constexpr std::string_view kEntryIdPrefix = "urn:uuid:6e676f64-6573-4b00-8001-";

// An Atom feed must state when it last changed; with no change yet, this
// fixed instant keeps the document (and its ETag) stable.
constexpr std::string_view kNoChangeUpdated = "1970-01-01T00:00:00Z";

std::string JurisdictionTitle(const Change& change, std::span<const Office> offices) {
  for (const Office& office : offices) {
    if (office.id != change.office_id) continue;
    const BilingualText& name = office.jurisdiction.name;
    if (name.en.empty() || name.zh.empty()) return name.en.empty() ? name.zh : name.en;
    return name.en + " / " + name.zh;
  }
  return change.office_id;
}

// The entry title's end, e.g. "phones changed / 电话已更改".
std::string ChangedWords(ReportField field) {
  switch (field) {
    case ReportField::kPhones: return "phones changed / 电话已更改";
    case ReportField::kFax: return "fax changed / 传真已更改";
    case ReportField::kAddresses: return "addresses changed / 地址已更改";
    case ReportField::kHours: return "hours changed / 办公时间已更改";
    case ReportField::kEmails: return "emails changed / 电子邮箱已更改";
    case ReportField::kWebsites: return "websites changed / 网站已更改";
    case ReportField::kOther: break;
  }
  return "other details changed / 其他信息已更改";
}

std::string ValueOrPlaceholder(const std::string& value, std::string_view placeholder) {
  return value.empty() ? std::string(placeholder) : value;
}

std::string EntryContent(const Change& change) {
  std::string content = ValueOrPlaceholder(change.old_value, "(none / 无)") + " → " +
                        ValueOrPlaceholder(change.new_value, "(removed / 已删除)");
  if (!change.evidence.empty()) content += "\nEvidence / 依据: " + change.evidence;
  return content;
}

void AppendEntry(std::string& out, const Change& change, std::span<const Office> offices) {
  fmt::format_to(std::back_inserter(out),
                 "  <entry>\n"
                 "    <id>{}{:012x}</id>\n"
                 "    <title>{}: {}</title>\n"
                 "    <updated>{}</updated>\n"
                 "    <link rel=\"alternate\" type=\"text/html\" href=\"/offices/{}\"/>\n"
                 "    <author><name>{}</name></author>\n"
                 "    <content type=\"text\">{}</content>\n"
                 "  </entry>\n",
                 kEntryIdPrefix, static_cast<std::uint64_t>(change.id),
                 EscapeReaderText(JurisdictionTitle(change, offices)), ChangedWords(change.field),
                 EscapeReaderText(change.changed_at), EscapeReaderText(change.office_id),
                 EscapeReaderText(ValueOrPlaceholder(change.editor, "ngodesk")),
                 EscapeReaderText(EntryContent(change)));
}

}  // namespace

std::string RenderAtomFeed(std::span<const Change> changes, std::span<const Office> offices) {
  const std::string updated =
      changes.empty() ? std::string(kNoChangeUpdated) : changes.front().changed_at;
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      "  <id>{}</id>\n"
      "  <title>ngodesk: accepted corrections / 已采纳的更正</title>\n"
      "  <subtitle>Changes to the contact data of China's registration authorities for "
      "overseas NGOs / 境外非政府组织登记管理机关联系信息的变更</subtitle>\n"
      "  <updated>{}</updated>\n"
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"/feed.atom\"/>\n"
      "  <link rel=\"alternate\" type=\"text/html\" href=\"/\"/>\n"
      "  <author><name>ngodesk</name></author>\n",
      kFeedId, EscapeReaderText(updated));
  for (const Change& change : changes) AppendEntry(out, change, offices);
  out += "</feed>\n";
  return out;
}

}  // namespace ngodesk::server
