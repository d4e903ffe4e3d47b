// Tests of the corrections parts of the server-rendered pages. They cover the
// call badges of numbers and the history of accepted changes, whose reader
// text is escaped with its invisible characters shown. They also cover the
// feed link in every head, the note for readers without JavaScript and the
// editor page's shell. The HtmlFinder tests cover the finder pages of the
// bundled offices: search messages, the office card and the error pages.
#include "server/html.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ngodesk/moderation.h"
#include "server/handlers.h"
#include "server/site.h"
#include "test_support.h"

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

// The bundled 33 offices, built once for the tests of the finder pages.
const Site& BundledSite() {
  static const std::shared_ptr<const Site> site = Site::Build(testing::BundledOffices(), {});
  return *site;
}

// The full response to GET `target` with an Accept-Language header; `now`
// is Tuesday 3 March 2026, 10:00 in Beijing.
Response GetResponse(std::string_view target, std::string_view accept_language = "") {
  Request request;
  request.method = "GET";
  request.target = target;
  request.accept_language = accept_language;
  request.now = std::chrono::sys_days{std::chrono::year{2026} / 3 / 3} + std::chrono::hours{2};
  return HandleRequest(BundledSite(), request);
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

namespace ngodesk::server {
namespace {

TEST(HtmlFinder, QueryWithoutPlacePlainWording) {
  EXPECT_TRUE(Contains(GetResponse("/?lang=en&q=!!!").body, "<p class=\"error\">Enter a place or an address.</p>"));
  EXPECT_TRUE(Contains(GetResponse("/?lang=zh&q=!!!").body, "<p class=\"error\">请输入地名或地址。</p>"));
  EXPECT_FALSE(Contains(GetResponse("/?lang=en&q=!!!").body, "punctuation"));
}

TEST(HtmlFinder, LongQueryNamesLimit) {
  const std::string query(1100, 'a');
  EXPECT_TRUE(Contains(GetResponse("/?lang=en&q=" + query).body, "The text is too long: at most 1024 bytes"));
  EXPECT_TRUE(Contains(GetResponse("/?lang=zh&q=" + query).body, "文本过长：最多 1024 字节"));
}

TEST(HtmlFinder, AmbiguousLeadsWithChoice) {
  const std::string page(GetResponse("/?lang=en&q=%E6%9C%9D%E9%98%B3").body);
  EXPECT_TRUE(Contains(page, "“朝阳” matches several places: pick one."));
  EXPECT_TRUE(Contains(page, "<li>朝阳区 / Chaoyang, 北京市 / Beijing: <a href=\"/offices/beijing?lang=en\">"));
  // No rule of the first candidate before the pick.
  EXPECT_FALSE(Contains(page, "Art. 11"));
}

TEST(HtmlFinder, PlaceNamesWholeChain) {
  const std::string target = "/?q=%E5%8D%97%E4%BA%AC%E5%B8%82%E9%BC%93%E6%A5%BC%E5%8C%BA";  // 南京市鼓楼区
  EXPECT_TRUE(Contains(GetResponse(target + "&lang=en").body, "鼓楼区 / Gulou, 南京市 / Nanjing, 江苏省 / Jiangsu → "));
  EXPECT_TRUE(Contains(GetResponse(target + "&lang=zh").body, "江苏省南京市鼓楼区 → "));
}

TEST(HtmlFinder, BadProcedureIs400Page) {
  const Response english = GetResponse("/?lang=en&q=%E8%8B%8F%E5%B7%9E&procedure=visit");
  EXPECT_EQ(english.status, 400u);
  EXPECT_TRUE(Contains(english.body, "The procedure 'visit' is invalid"));
  EXPECT_FALSE(Contains(english.body, "Art. 11"));
  const Response chinese = GetResponse("/?lang=zh&q=%E8%8B%8F%E5%B7%9E&procedure=visit");
  EXPECT_TRUE(Contains(chinese.body, "事项“visit”无效"));
  EXPECT_EQ(GetResponse("/?lang=en&q=%E8%8B%8F%E5%B7%9E&procedure=activity").status, 200u);
}

TEST(HtmlFinder, BadTargetIsHtmlOutsideApi) {
  const Response english = GetResponse("/?q=%FF", "en-GB");
  EXPECT_EQ(english.status, 400u);
  EXPECT_EQ(english.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(Contains(english.body, "<link rel=\"stylesheet\" href=\"/assets/style.css\">"));
  EXPECT_TRUE(Contains(english.body, "UTF-8"));
  const Response chinese = GetResponse("/offices/%FF", "zh-CN,zh;q=0.9");
  EXPECT_EQ(chinese.status, 400u);
  EXPECT_TRUE(Contains(chinese.body, "<html lang=\"zh-Hans\">"));
  const Response api = GetResponse("/api/v1/offices?x=%FF");
  EXPECT_EQ(api.status, 400u);
  EXPECT_EQ(api.Header("Content-Type"), kJsonMediaType);
}

TEST(HtmlFinder, UnknownOfficeNamesId) {
  const Response english = GetResponse("/offices/atlantis?lang=en");
  EXPECT_EQ(english.status, 404u);
  EXPECT_TRUE(Contains(english.body, "No office has the id “atlantis”."));
  EXPECT_TRUE(Contains(english.body, "<link rel=\"stylesheet\" href=\"/assets/style.css\">"));
  EXPECT_TRUE(Contains(english.body, "<a href=\"/?lang=en\">All offices</a>"));
  EXPECT_TRUE(Contains(GetResponse("/offices/atlantis?lang=zh").body, "没有 id 为“atlantis”的机关。"));
  EXPECT_TRUE(Contains(GetResponse("/nowhere?lang=en").body, "<link rel=\"stylesheet\""));
}

TEST(HtmlFinder, FaviconRedirectsToSvg) {
  const Response response = GetResponse("/favicon.ico");
  EXPECT_EQ(response.status, 301u);
  EXPECT_EQ(response.Header("Location"), "/assets/favicon.svg");
  EXPECT_TRUE(Contains(GetResponse("/").body, "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">"));
}

TEST(HtmlFinder, CardGroupsPhoneNumbers) {
  const std::string page(GetResponse("/offices/anhui?lang=en").body);
  EXPECT_TRUE(Contains(page, "<a class=\"tel\" href=\"tel:+86"));
  EXPECT_FALSE(Contains(page, "\">+86551"));
  EXPECT_TRUE(Contains(page, "<dt>Published hours</dt>"));
  EXPECT_TRUE(Contains(page, "<dt>As an opening_hours expression</dt>"));
  EXPECT_TRUE(Contains(page, "<p class=\"next-change\">Then closed from 2026-03-03 "));
  EXPECT_TRUE(Contains(GetResponse("/offices/anhui?lang=zh").body, "<p class=\"next-change\">自 2026-03-03 "));
}

TEST(HtmlFinder, MinistryIsNationwide) {
  EXPECT_TRUE(Contains(GetResponse("/offices/mps?lang=en").body, "Jurisdiction: Nationwide"));
  EXPECT_TRUE(Contains(GetResponse("/offices/mps?lang=zh").body, "管辖范围：全国"));
  EXPECT_TRUE(Contains(GetResponse("/?lang=en").body, "<span class=\"jurisdiction\">Nationwide</span>"));
}

TEST(HtmlFinder, UnknownHoursReadNaturally) {
  const std::string english(GetResponse("/offices/jiangsu?lang=en").body);
  EXPECT_TRUE(Contains(english, "<span class=\"badge state-unknown\">Hours unknown</span> No hours published."));
  EXPECT_FALSE(Contains(english, "Unknown hours unknown"));
  EXPECT_TRUE(Contains(GetResponse("/offices/jiangsu?lang=zh").body, "<span class=\"badge state-unknown\">办公时间不明</span> "));
  // A week of unknown hours has no table: seven rows would repeat the badge.
  EXPECT_FALSE(Contains(english, "<table class=\"week\">"));
  EXPECT_FALSE(Contains(english, "00:00–24:00"));
  EXPECT_TRUE(Contains(GetResponse("/offices/anhui?lang=en").body, "<table class=\"week\">"));
}

TEST(HtmlFinder, BadTargetPageFollowsRawLangParameter) {
  const Response chinese = GetResponse("/?lang=zh&q=%FF", "en-GB");
  EXPECT_EQ(chinese.status, 400u);
  EXPECT_TRUE(Contains(chinese.body, "<html lang=\"zh-Hans\">"));
  EXPECT_TRUE(Contains(chinese.body, "网址无效"));
  EXPECT_TRUE(Contains(chinese.body, "无法读取此网址"));
  const Response english = GetResponse("/?q=%FF&lang=en", "zh-CN");
  EXPECT_TRUE(Contains(english.body, "<html lang=\"en\">"));
  EXPECT_TRUE(Contains(english.body, "Invalid web address"));
  // "xlang=zh" is another parameter.
  EXPECT_TRUE(Contains(GetResponse("/?xlang=zh&q=%FF", "en").body, "<html lang=\"en\">"));
}

TEST(HtmlFinder, SearchBoxKeepsAddressesShort) {
  EXPECT_TRUE(Contains(GetResponse("/?lang=en").body, "type=\"search\" maxlength=\"200\""));
}

}  // namespace
}  // namespace ngodesk::server
