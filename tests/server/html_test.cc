// Tests of the corrections parts of the server-rendered pages. They cover the
// call badges of numbers and the history of accepted changes, whose reader
// text is escaped with its invisible characters shown. They also cover the
// feed link in every head, the note for readers without JavaScript and the
// editor page's shell.
#include "server/html.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ngodesk/moderation.h"
#include "server/handlers.h"
#include "server/site.h"

namespace ngodesk::server {
namespace {

constexpr std::string_view kFeedLink =
    "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.atom\"";

PhoneNumber Number(std::string text, std::string confirmed_on, std::string last_failed_call_on) {
  PhoneNumber number;
  number.text = std::move(text);
  number.confirmed_on = std::move(confirmed_on);
  number.last_failed_call_on = std::move(last_failed_call_on);
  return number;
}

// One office with a confirmed, a stale and an unconfirmed number, and one
// accepted change whose texts came from a hostile reader.
std::shared_ptr<const Site> TestSite() {
  Office office;
  office.id = "test";
  office.name = {"Test office", "测试机关"};
  office.phones = {Number("025-1111", "2017-04-23", ""), Number("025-2222", "2017-04-23", "2026-03-02"),
                   Number("025-3333", "", "")};
  office.field_changes = {{"phones", "2026-03-03T02:00:00Z", 1}};

  Change change;
  change.id = 1;
  change.office_id = "test";
  change.field = ReportField::kPhones;
  change.new_value = "025-3333<script>";
  change.evidence = "<script>window.__x=1</script> \u202Eevil\u200B \" onmouseover=\"x";
  change.editor = "li";
  change.changed_at = "2026-03-03T02:00:00Z";
  change.report_id = 1;
  return Site::FromContent({{office}, {change}}, {});
}

std::string Get(const Site& site, std::string_view target) {
  Request request;
  request.method = "GET";
  request.target = target;
  return std::string(HandleRequest(site, request).body);
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

TEST(HtmlCorrections, NumberBadgesInEnglish) {
  const std::string page = Get(*TestSite(), "/offices/test?lang=en");
  EXPECT_TRUE(Contains(page, "<span class=\"badge confirmed\">Confirmed on 2017-04-23</span>"));
  EXPECT_TRUE(Contains(page, "Possibly out of date: a call on 2026-03-02 did not reach the office"));
  EXPECT_TRUE(Contains(page, "<span class=\"badge unconfirmed\">Not confirmed</span>"));
}

TEST(HtmlCorrections, NumberBadgesInChinese) {
  const std::string page = Get(*TestSite(), "/offices/test?lang=zh");
  EXPECT_TRUE(Contains(page, "已于 2017-04-23 核实"));
  EXPECT_TRUE(Contains(page, "可能已过时：2026-03-02 的电话未能联系上该机关"));
  EXPECT_TRUE(Contains(page, "未核实"));
}

TEST(HtmlCorrections, HistoryEscapesReaderText) {
  const std::string page = Get(*TestSite(), "/offices/test?lang=en");
  EXPECT_TRUE(Contains(page, "<h2>History of changes</h2>"));
  EXPECT_TRUE(Contains(page, "<ins>025-3333&lt;script&gt;</ins>"));
  EXPECT_TRUE(Contains(page, "(added)"));
  EXPECT_TRUE(Contains(page, "&lt;script&gt;window.__x=1&lt;/script&gt;"));
  EXPECT_TRUE(Contains(page, "⟨U+202E⟩evil⟨U+200B⟩"));
  EXPECT_TRUE(Contains(page, "&quot; onmouseover=&quot;x"));
  EXPECT_FALSE(Contains(page, "<script>"));
  EXPECT_FALSE(Contains(page, "\u202E"));
  EXPECT_FALSE(Contains(page, "\u200B"));
}

TEST(HtmlCorrections, LastChangedPerField) {
  const std::string page = Get(*TestSite(), "/offices/test?lang=en");
  EXPECT_TRUE(Contains(page, "<p class=\"last-changed\">Last changed on 2026-03-03</p>"));
  EXPECT_TRUE(Contains(Get(*TestSite(), "/offices/test?lang=zh"), "最近更改于 2026-03-03"));
}

TEST(HtmlCorrections, EmptyHistorySaysSo) {
  Office office;
  office.id = "quiet";
  const std::string page = Get(*Site::FromContent({{office}, {}}, {}), "/offices/quiet?lang=en");
  EXPECT_TRUE(Contains(page, "No change has been accepted since the list was published."));
  EXPECT_FALSE(Contains(page, "last-changed"));
}

TEST(HtmlCorrections, WebsitesLinkOnlyHttp) {
  Office office;
  office.id = "links";
  office.emails = {"ngo@example.org"};
  office.websites = {"https://example.org/ngo", "javascript:alert(1)"};
  const std::string page = Get(*Site::FromContent({{office}, {}}, {}), "/offices/links?lang=en");
  EXPECT_TRUE(Contains(page, "<a href=\"mailto:ngo@example.org\">ngo@example.org</a>"));
  EXPECT_TRUE(Contains(page, "<a href=\"https://example.org/ngo\">https://example.org/ngo</a>"));
  EXPECT_TRUE(Contains(page, "<li>javascript:alert(1)</li>"));
  EXPECT_FALSE(Contains(page, "href=\"javascript:"));
}

TEST(HtmlCorrections, ReportNoteWithoutJavaScript) {
  const std::string page = Get(*TestSite(), "/offices/test?lang=en");
  EXPECT_TRUE(Contains(page, "Reporting a problem on this page needs JavaScript."));
  EXPECT_TRUE(Contains(page, "POST /api/v1/reports"));
}

TEST(HtmlCorrections, EveryPageLinksFeed) {
  const std::shared_ptr<const Site> site = TestSite();
  for (const std::string_view target : {"/", "/offices/test", "/nowhere"}) {
    EXPECT_TRUE(Contains(Get(*site, target), kFeedLink)) << target;
  }
  EXPECT_TRUE(Contains(RenderEditorPage("en"), kFeedLink));
}

TEST(HtmlCorrections, EditorPageShell) {
  const std::string english = RenderEditorPage("en");
  EXPECT_TRUE(Contains(english, "<html lang=\"en\">"));
  EXPECT_TRUE(Contains(english, "<label for=\"token\">Editor token</label>"));
  EXPECT_TRUE(Contains(english, "type=\"password\""));
  EXPECT_TRUE(Contains(english, "<script src=\"/assets/editor.js\" type=\"module\"></script>"));
  EXPECT_TRUE(Contains(english, "<link rel=\"stylesheet\" href=\"/assets/style.css\">"));
  EXPECT_FALSE(Contains(english, "<script>"));
  EXPECT_FALSE(Contains(english, "style="));

  const std::string chinese = RenderEditorPage("zh");
  EXPECT_TRUE(Contains(chinese, "<html lang=\"zh-Hans\">"));
  EXPECT_TRUE(Contains(chinese, "编辑令牌"));
}

}  // namespace
}  // namespace ngodesk::server
