// The Atom feed: well-formed XML (checked with libxml2), the required Atom
// elements, and reader text that cannot add markup or hide characters.
#include "server/atom_feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ngodesk::server {
namespace {

struct XmlDocumentDeleter {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocumentDeleter>;

// Parses strictly: any well-formedness error fails, and no network access.
XmlDocument ParseXml(const std::string& text) {
  return XmlDocument(xmlReadMemory(text.data(), static_cast<int>(text.size()), "feed.atom",
                                   nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING));
}

// The text values of the nodes an XPath expression selects, with the Atom
// namespace bound to "a".
std::vector<std::string> Select(xmlDoc* document, const char* expression) {
  std::vector<std::string> values;
  xmlXPathContext* context = xmlXPathNewContext(document);
  xmlXPathRegisterNs(context, BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
  xmlXPathObject* result = xmlXPathEvalExpression(BAD_CAST expression, context);
  if (result != nullptr && result->nodesetval != nullptr) {
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      values.emplace_back(reinterpret_cast<const char*>(content));
      xmlFree(content);
    }
  }
  xmlXPathFreeObject(result);
  xmlXPathFreeContext(context);
  return values;
}

Office Jiangsu() {
  Office office;
  office.id = "jiangsu";
  office.jurisdiction.name = {"Jiangsu Province", "江苏省"};
  return office;
}

Change PhoneChange(std::int64_t id, std::string old_value, std::string new_value) {
  Change change;
  change.id = id;
  change.office_id = "jiangsu";
  change.field = ReportField::kPhones;
  change.old_value = std::move(old_value);
  change.new_value = std::move(new_value);
  change.evidence = "called on 2026-12-01";
  change.editor = "li";
  change.changed_at = "2026-12-04T08:30:00Z";
  change.report_id = 7;
  return change;
}

TEST(AtomFeed, EmptyFeedIsValid) {
  const std::string xml = RenderAtomFeed({}, {});
  XmlDocument document = ParseXml(xml);
  ASSERT_NE(document, nullptr) << xml;
  EXPECT_EQ(Select(document.get(), "/a:feed/a:id").size(), 1u);
  EXPECT_EQ(Select(document.get(), "/a:feed/a:updated"),
            std::vector<std::string>{"1970-01-01T00:00:00Z"});
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry").size(), 0u);
  EXPECT_EQ(Select(document.get(), "/a:feed/a:link[@rel='self']/@href"),
            std::vector<std::string>{"/feed.atom"});
  EXPECT_EQ(Select(document.get(), "/a:feed/a:link[@rel='alternate']/@href"),
            std::vector<std::string>{"/"});
}

TEST(AtomFeed, OneEntryPerChange) {
  const std::vector<Office> offices = {Jiangsu()};
  Change older = PhoneChange(3, "025-86783861", "025-86783862");
  older.changed_at = "2026-11-01T00:00:00Z";
  const std::vector<Change> changes = {PhoneChange(4, "", "025-1"), older};
  XmlDocument document = ParseXml(RenderAtomFeed(changes, offices));
  ASSERT_NE(document, nullptr);

  EXPECT_EQ(Select(document.get(), "/a:feed/a:updated"),
            std::vector<std::string>{"2026-12-04T08:30:00Z"});
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:title"),
            (std::vector<std::string>{"Jiangsu Province / 江苏省: phones changed / 电话已更改",
                                      "Jiangsu Province / 江苏省: phones changed / 电话已更改"}));
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:link/@href"),
            (std::vector<std::string>{"/offices/jiangsu", "/offices/jiangsu"}));
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:id"),
            (std::vector<std::string>{"urn:uuid:6e676f64-6573-4b00-8001-000000000004",
                                      "urn:uuid:6e676f64-6573-4b00-8001-000000000003"}));
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry[2]/a:content"),
            std::vector<std::string>{
                "025-86783861 → 025-86783862\nEvidence / 依据: called on 2026-12-01"});
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry[1]/a:content"),
            std::vector<std::string>{"(none / 无) → 025-1\nEvidence / 依据: called on 2026-12-01"});
}

TEST(AtomFeed, TitleNamesFieldInBothLanguages) {
  const struct {
    ReportField field;
    std::string title;
  } cases[] = {
      {ReportField::kFax, "jiangsu: fax changed / 传真已更改"},
      {ReportField::kHours, "jiangsu: hours changed / 办公时间已更改"},
      {ReportField::kOther, "jiangsu: other details changed / 其他信息已更改"},
  };
  for (const auto& each : cases) {
    Change change = PhoneChange(1, "a", "b");
    change.field = each.field;
    XmlDocument document = ParseXml(RenderAtomFeed(std::vector<Change>{change}, {}));
    ASSERT_NE(document, nullptr);
    EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:title"),
              std::vector<std::string>{each.title});
  }
}

TEST(AtomFeed, ReaderTextCannotAddMarkup) {
  const std::vector<Office> offices = {Jiangsu()};
  Change change = PhoneChange(1, "<script>alert(1)</script>", "\" onmouseover=\"alert(1)");
  change.evidence = "see \u202Eevil\u200B & <b>bold</b>";
  change.editor = "</name></author><entry>";
  const std::string xml = RenderAtomFeed(std::vector<Change>{change}, offices);

  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
  EXPECT_EQ(xml.find("\u202E"), std::string::npos);
  EXPECT_EQ(xml.find("\u200B"), std::string::npos);
  XmlDocument document = ParseXml(xml);
  ASSERT_NE(document, nullptr) << xml;
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry").size(), 1u);
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:author/a:name"),
            std::vector<std::string>{"</name></author><entry>"});
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:content"),
            std::vector<std::string>{"<script>alert(1)</script> → \" onmouseover=\"alert(1)\n"
                                     "Evidence / 依据: see ⟨U+202E⟩evil⟨U+200B⟩ & <b>bold</b>"});
}

TEST(AtomFeed, ControlCharactersStayWellFormed) {
  Change change = PhoneChange(1, std::string("a\0b", 3), "c\x01\x1F\xFF");
  XmlDocument document = ParseXml(RenderAtomFeed(std::vector<Change>{change}, {}));
  ASSERT_NE(document, nullptr);
  EXPECT_EQ(Select(document.get(), "/a:feed/a:entry/a:title"),
            std::vector<std::string>{"jiangsu: phones changed / 电话已更改"});
}

}  // namespace
}  // namespace ngodesk::server
