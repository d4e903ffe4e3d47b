#include "server/handlers.h"

#include <zlib.h>

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ngodesk/office_json.h"
#include "ngodesk/resolver.h"
#include "server/gzip.h"
#include "server/router.h"
#include "test_support.h"

namespace ngodesk::server {
namespace {

std::string Gunzip(std::string_view data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[4096];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  inflateEnd(&stream);
  EXPECT_EQ(result, Z_STREAM_END);
  return out;
}

class HandlersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site_ = Site::Build(testing::BundledOffices()); }
  static void TearDownTestSuite() { site_.reset(); }

  Response Get(std::string_view target, std::string_view if_none_match = {},
               std::string_view accept_encoding = {}, std::string_view accept_language = {}) {
    return HandleRequest(*site_, {"GET", target, if_none_match, accept_encoding, accept_language});
  }

  static nlohmann::json ErrorOf(const Response& response) {
    return nlohmann::json::parse(response.body).at("error");
  }

  static std::shared_ptr<const Site> site_;
};

std::shared_ptr<const Site> HandlersTest::site_;

TEST_F(HandlersTest, OfficesListsAllOffices) {
  const Response response = Get("/api/v1/offices");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=300");
  EXPECT_FALSE(response.Header("ETag").empty());
  EXPECT_EQ(response.body, DirectoryToJson(site_->offices()));
  EXPECT_EQ(nlohmann::json::parse(response.body).at("offices").size(), 33u);
}

TEST_F(HandlersTest, OfficeBodyIsExportJson) {
  const Response response = Get("/api/v1/offices/jiangsu");
  ASSERT_EQ(response.status, 200u);
  const Office* office = site_->FindOffice("jiangsu");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(response.body, OfficeToJson(*office).dump(2) + "\n");
  EXPECT_EQ(response.route, "/api/v1/offices/{id}");
}

TEST_F(HandlersTest, UnknownOfficeIs404) {
  const Response response = Get("/api/v1/offices/atlantis");
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(ErrorOf(response).at("code"), "not_found");
  EXPECT_EQ(ErrorOf(response).at("message"),
            "no office has the id 'atlantis'; GET /api/v1/offices lists the ids");
  EXPECT_FALSE(ErrorOf(response).at("message_zh").get<std::string>().empty());
}

TEST_F(HandlersTest, UnknownApiPathIs404Json) {
  const Response response = Get("/api/v1/nothing");
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(ErrorOf(response).at("code"), "not_found");
}

TEST_F(HandlersTest, PostIs405WithAllow) {
  const Response response =
      HandleRequest(*site_, {"POST", "/api/v1/offices", {}, {}, {}});
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(ErrorOf(response).at("code"), "method_not_allowed");
}

TEST_F(HandlersTest, MatchingETagIs304) {
  const std::string etag(Get("/api/v1/offices/beijing").Header("ETag"));
  ASSERT_FALSE(etag.empty());

  const Response strong = Get("/api/v1/offices/beijing", etag);
  EXPECT_EQ(strong.status, 304u);
  EXPECT_TRUE(strong.body.empty());
  EXPECT_EQ(strong.Header("ETag"), etag);

  EXPECT_EQ(Get("/api/v1/offices/beijing", "\"other\", W/" + etag).status, 304u);
  EXPECT_EQ(Get("/api/v1/offices/beijing", "*").status, 304u);
  EXPECT_EQ(Get("/api/v1/offices/beijing", "\"0000000000000000\"").status, 200u);
  EXPECT_EQ(Get("/api/v1/offices/shanghai", etag).status, 200u);
}

TEST_F(HandlersTest, GzipWhenAccepted) {
  const Response plain = Get("/api/v1/offices");
  const Response gzip = Get("/api/v1/offices", {}, "br, gzip;q=0.8");
  EXPECT_EQ(gzip.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(gzip.Header("Vary"), "Accept-Encoding");
  EXPECT_LT(gzip.body.size(), plain.body.size());
  EXPECT_EQ(Gunzip(gzip.body), plain.body);
  EXPECT_NE(gzip.Header("ETag"), plain.Header("ETag"));
  EXPECT_EQ(Get("/api/v1/offices", std::string(gzip.Header("ETag")), "gzip").status, 304u);
  EXPECT_EQ(Get("/api/v1/offices", {}, "gzip;q=0, *").Header("Content-Encoding"), "");
  EXPECT_EQ(Get("/api/v1/offices", {}, "identity").Header("Content-Encoding"), "");
}

TEST(AcceptsGzip, Table) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("x-gzip;q=0.5"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.000, *"));
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
}

TEST_F(HandlersTest, ResolveValidatesParameters) {
  EXPECT_EQ(Get("/api/v1/resolve").status, 400u);
  EXPECT_EQ(Get("/api/v1/resolve?q=").status, 400u);
  EXPECT_EQ(Get("/api/v1/resolve?q=+++").status, 400u);
  EXPECT_EQ(Get("/api/v1/resolve?q=" + std::string(1025, 'a')).status, 400u);
  EXPECT_EQ(Get("/api/v1/resolve?q=%E3%80%82%EF%BC%8C").status, 400u);  // punctuation only
  EXPECT_EQ(Get("/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E&procedure=visa").status, 400u);
  EXPECT_EQ(ErrorOf(Get("/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E&procedure=visa")).at("message"),
            "the query parameter 'procedure' is 'visa'; use 'office' or 'activity'");
}

TEST_F(HandlersTest, ResolveFindsSuzhouInJiangsu) {
  const Response response = Get("/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E");
  ASSERT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=300");
  const nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body.at("query"), "苏州");
  EXPECT_EQ(body.at("procedure"), "office");
  EXPECT_EQ(body.at("office").at("id"), "jiangsu");
  EXPECT_EQ(response.body, ResolutionToJson("苏州", Procedure::kOffice,
                                            *Resolver::Bundled().Resolve("苏州")) + "\n");
}

TEST_F(HandlersTest, ResolveRepeatedComesFromCache) {
  const Response first = Get("/api/v1/resolve?q=%E6%97%A0%E9%94%A1");  // 无锡
  const Response again = Get("/api/v1/resolve?q=%E6%97%A0%E9%94%A1", {}, "gzip");
  const Response activity = Get("/api/v1/resolve?q=%E6%97%A0%E9%94%A1&procedure=activity");
  ASSERT_EQ(first.status, 200u);
  ASSERT_EQ(again.status, 200u);
  EXPECT_EQ(again.representation, first.representation);
  EXPECT_EQ(Gunzip(again.body), first.body);
  EXPECT_NE(activity.representation, first.representation);
  EXPECT_EQ(nlohmann::json::parse(activity.body).at("procedure"), "activity");
  EXPECT_EQ(site_->cached_resolution("office\n无锡"), first.representation);
}

TEST_F(HandlersTest, ResolveAmbiguousListsCandidates) {
  const Response response = Get("/api/v1/resolve?q=%E6%9C%9D%E9%98%B3&procedure=activity");
  ASSERT_EQ(response.status, 200u);
  const nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body.at("procedure"), "activity");
  EXPECT_TRUE(body.at("ambiguous").get<bool>());
  EXPECT_GE(body.at("candidates").size(), 2u);
}

TEST_F(HandlersTest, ResolveUnknownPlaceIsNotAnError) {
  const Response response = Get("/api/v1/resolve?q=Atlantis");
  ASSERT_EQ(response.status, 200u);
  EXPECT_TRUE(nlohmann::json::parse(response.body).at("office").is_null());
}

TEST_F(HandlersTest, ResolveRejectsBadEncoding) {
  const Response response = Get("/api/v1/resolve?q=%E8%8B");
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(ErrorOf(response).at("code"), "bad_request");
  EXPECT_EQ(Get("/api/v1/resolve?q=%zz").status, 400u);
}

TEST_F(HandlersTest, HoursOfUnknownOfficeIs404) {
  EXPECT_EQ(Get("/api/v1/offices/atlantis/hours").status, 404u);
}

TEST_F(HandlersTest, HoursAtInstant) {
  const Response response = Get("/api/v1/offices/jiangsu/hours?at=2026-02-17T10:00%2B08:00");
  ASSERT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=300");
  const nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body.at("office"), "jiangsu");
  EXPECT_EQ(body.at("at"), "2026-02-17T10:00:00+08:00");
  EXPECT_TRUE(body.at("state") == "open" || body.at("state") == "closed" ||
              body.at("state") == "unknown");
  EXPECT_FALSE(body.at("reason").at("zh").get<std::string>().empty());
  ASSERT_EQ(body.at("days").size(), 7u);
  EXPECT_EQ(body.at("days").at(0).at("date"), "2026-02-17");
  EXPECT_EQ(body.at("days").at(6).at("date"), "2026-02-23");
}

TEST_F(HandlersTest, HoursWithoutAtUseServerClock) {
  Request request{"GET", "/api/v1/offices/beijing/hours", {}, {}, {}};
  request.now = std::chrono::sys_days{std::chrono::year{2026} / 2 / 17} + std::chrono::hours{2};
  const Response response = HandleRequest(*site_, request);
  ASSERT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_EQ(nlohmann::json::parse(response.body).at("at"), "2026-02-17T10:00:00+08:00");
}

TEST_F(HandlersTest, HoursWithInvalidAtIs400) {
  const Response response = Get("/api/v1/offices/jiangsu/hours?at=tomorrow");
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(ErrorOf(response).at("code"), "invalid_argument");
  EXPECT_TRUE(ErrorOf(response).at("message").get<std::string>().starts_with(
      "invalid query parameter 'at': "));
}

TEST_F(HandlersTest, HealthCountsOffices) {
  const Response response = Get("/api/v1/health");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_EQ(nlohmann::json::parse(response.body),
            (nlohmann::json{{"status", "ok"}, {"offices", 33}}));
}

TEST_F(HandlersTest, OpenApiIsServed) {
  const Response response = Get("/api/v1/openapi.json");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, EmbeddedOpenApiDocument());
}

TEST_F(HandlersTest, AssetPathTraversalIs400) {
  EXPECT_EQ(Get("/assets/../CMakeLists.txt").status, 400u);
  EXPECT_EQ(Get("/assets/%2e%2e/%2e%2e/etc/passwd").status, 400u);
  EXPECT_EQ(Get("/assets/..%2Fdocs%2Fapi.md").status, 400u);
  EXPECT_EQ(Get("/assets/no-such-file.js").status, 404u);
}

// Every status a route returns is documented for its path in the OpenAPI
// document. The connection-level statuses (408, 413, 414, 431, 503) are
// described once, in info.description.
TEST_F(HandlersTest, StatusesAreDocumented) {
  const nlohmann::json document = nlohmann::json::parse(EmbeddedOpenApiDocument());
  const struct {
    std::string_view method;
    std::string target;
    std::string documented_path;
  } cases[] = {
      {"GET", "/api/v1/offices", "/offices"},
      {"POST", "/api/v1/offices", "/offices"},
      {"GET", "/api/v1/offices/jiangsu", "/offices/{id}"},
      {"GET", "/api/v1/offices/atlantis", "/offices/{id}"},
      {"DELETE", "/api/v1/offices/jiangsu", "/offices/{id}"},
      {"GET", "/api/v1/offices/jiangsu/hours", "/offices/{id}/hours"},
      {"GET", "/api/v1/offices/jiangsu/hours?at=2026-02-17T10:00", "/offices/{id}/hours"},
      {"GET", "/api/v1/offices/jiangsu/hours?at=noon", "/offices/{id}/hours"},
      {"GET", "/api/v1/offices/atlantis/hours", "/offices/{id}/hours"},
      {"GET", "/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E", "/resolve"},
      {"GET", "/api/v1/resolve?q=%E8%8B", "/resolve"},
      {"GET", "/api/v1/resolve", "/resolve"},
      {"PUT", "/api/v1/resolve?q=x", "/resolve"},
      {"GET", "/api/v1/health", "/health"},
      {"GET", "/api/v1/health?x=%ZZ", "/health"},
      {"GET", "/api/v1/offices?x=%FF", "/offices"},
      {"GET", "/api/v1/openapi.json", "/openapi.json"},
      {"GET", "/api/v1/openapi.json?x=%ZZ", "/openapi.json"},
  };
  for (const auto& c : cases) {
    const Response response = HandleRequest(*site_, {c.method, c.target, {}, {}, {}});
    const nlohmann::json& responses = document.at("paths").at(c.documented_path).at("get").at("responses");
    EXPECT_TRUE(responses.contains(std::to_string(response.status)))
        << c.method << " " << c.target << " answered " << response.status;
  }
}

// Checks `value` against an OpenAPI 3.0 schema: $ref, allOf, nullable, type,
// enum, required, properties, additionalProperties and items. Each mismatch
// is added to `faults` with its JSON pointer.
void CheckSchema(const nlohmann::json& document, const nlohmann::json& schema,
                 const nlohmann::json& value, const std::string& pointer,
                 std::vector<std::string>& faults) {
  if (schema.contains("$ref")) {
    const std::string ref = schema.at("$ref");
    const nlohmann::json::json_pointer target(ref.substr(1));  // drop the leading '#'
    CheckSchema(document, document.at(target), value, pointer, faults);
    return;
  }
  if (schema.contains("allOf")) {
    for (const nlohmann::json& part : schema.at("allOf")) {
      CheckSchema(document, part, value, pointer, faults);
    }
  }
  if (value.is_null()) {
    if (!schema.value("nullable", false) && schema.contains("type")) {
      faults.push_back(pointer + ": null, but the schema is not nullable");
    }
    return;
  }
  if (schema.contains("type")) {
    const std::string type = schema.at("type");
    const bool matches = (type == "string" && value.is_string()) ||
                         (type == "integer" && value.is_number_integer()) ||
                         (type == "number" && value.is_number()) ||
                         (type == "boolean" && value.is_boolean()) ||
                         (type == "array" && value.is_array()) ||
                         (type == "object" && value.is_object());
    if (!matches) {
      faults.push_back(pointer + ": " + value.dump() + " is not of type " + type);
      return;
    }
  }
  if (schema.contains("enum")) {
    const nlohmann::json& choices = schema.at("enum");
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
      faults.push_back(pointer + ": " + value.dump() + " is not in the enum");
    }
  }
  if (value.is_object()) {
    for (const nlohmann::json& name : schema.value("required", nlohmann::json::array())) {
      if (!value.contains(name.get<std::string>())) {
        faults.push_back(pointer + ": required member " + name.dump() + " is missing");
      }
    }
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [name, member] : value.items()) {
      if (properties.contains(name)) {
        CheckSchema(document, properties.at(name), member, pointer + "/" + name, faults);
      } else if (schema.contains("additionalProperties") &&
                 schema.at("additionalProperties").is_object()) {
        CheckSchema(document, schema.at("additionalProperties"), member, pointer + "/" + name,
                    faults);
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      CheckSchema(document, schema.at("items"), value[i], pointer + "/" + std::to_string(i),
                  faults);
    }
  }
}

// The bodies the API sends match the schemas of docs/openapi.json.
TEST_F(HandlersTest, BodiesMatchTheirSchemas) {
  const nlohmann::json document = nlohmann::json::parse(EmbeddedOpenApiDocument());
  const struct {
    std::string target;
    std::string documented_path;
  } cases[] = {
      {"/api/v1/offices", "/offices"},
      {"/api/v1/offices/jiangsu", "/offices/{id}"},
      {"/api/v1/offices/mps", "/offices/{id}"},
      {"/api/v1/offices/hebei/hours?at=2026-07-01T10:00%2B08:00", "/offices/{id}/hours"},
      {"/api/v1/offices/jiangsu/hours?at=2026-02-17T10:00%2B08:00", "/offices/{id}/hours"},
      {"/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E", "/resolve"},
      {"/api/v1/resolve?q=%E6%9C%9D%E9%98%B3&procedure=activity", "/resolve"},
      {"/api/v1/resolve?q=Atlantis", "/resolve"},
      {"/api/v1/health", "/health"},
      {"/api/v1/offices/jiangsu/history", "/offices/{id}/history"},
  };
  for (const auto& c : cases) {
    const Response response = Get(c.target);
    ASSERT_EQ(response.status, 200u) << c.target;
    const nlohmann::json& schema = document.at("paths")
                                       .at(c.documented_path)
                                       .at("get")
                                       .at("responses")
                                       .at("200")
                                       .at("content")
                                       .at("application/json")
                                       .at("schema");
    std::vector<std::string> faults;
    CheckSchema(document, schema, nlohmann::json::parse(response.body), "", faults);
    EXPECT_TRUE(faults.empty()) << c.target << ":\n" << ::testing::PrintToString(faults);
  }
}

TEST_F(HandlersTest, HomePageListsOfficesInEnglish) {
  const Response response = Get("/");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(response.Header("Content-Security-Policy").find("default-src 'self'"),
            std::string_view::npos);
  EXPECT_EQ(response.Header("Content-Security-Policy").find("unsafe-inline"), std::string_view::npos);
  EXPECT_EQ(response.Header("Content-Security-Policy").find("http"), std::string_view::npos);
  EXPECT_NE(response.body.find("<html lang=\"en\">"), std::string_view::npos);
  EXPECT_NE(response.body.find("href=\"/offices/jiangsu?lang=en\""), std::string_view::npos);
  EXPECT_EQ(response.body.find("<script>"), std::string_view::npos);
  EXPECT_EQ(response.body.find("style="), std::string_view::npos);
  EXPECT_EQ(response.body.find("http://"), std::string_view::npos);
  EXPECT_EQ(response.body.find("https://"), std::string_view::npos);
}

TEST_F(HandlersTest, HomePageInChineseByParameterOrHeader) {
  EXPECT_NE(Get("/?lang=zh").body.find("<html lang=\"zh-Hans\">"), std::string_view::npos);
  EXPECT_NE(Get("/", {}, {}, "zh-CN,zh;q=0.9,en;q=0.8").body.find("境外非政府组织登记管理机关"),
            std::string_view::npos);
  EXPECT_NE(Get("/", {}, {}, "zh;q=0, en").body.find("<html lang=\"en\">"), std::string_view::npos);
  EXPECT_NE(Get("/?lang=en", {}, {}, "zh-CN").body.find("<html lang=\"en\">"),
            std::string_view::npos);
}

TEST_F(HandlersTest, HomePageSearchWithoutJavaScript) {
  const Response found = Get("/?lang=en&q=%E8%8B%8F%E5%B7%9E");
  ASSERT_EQ(found.status, 200u);
  EXPECT_NE(found.body.find("<form action=\"/\" method=\"get\" role=\"search\">"),
            std::string_view::npos);
  EXPECT_NE(found.body.find("value=\"苏州\""), std::string_view::npos);
  EXPECT_NE(found.body.find("苏州市 / Suzhou, 江苏省 / Jiangsu → <a href=\"/offices/jiangsu?lang=en\">"),
            std::string_view::npos);

  const Response ambiguous = Get("/?lang=zh&q=%E6%9C%9D%E9%98%B3&procedure=activity");
  EXPECT_NE(ambiguous.body.find("“朝阳”符合多个地方，请选择其一："), std::string_view::npos);
  EXPECT_NE(ambiguous.body.find("<option value=\"activity\" selected>"), std::string_view::npos);

  const Response nothing = Get("/?lang=en&q=Atlantis");
  EXPECT_NE(nothing.body.find("No place in mainland China was found"), std::string_view::npos);

  const Response escaped = Get("/?q=%3Cscript%3E");
  EXPECT_EQ(escaped.body.find("<script>"), std::string_view::npos);
  EXPECT_NE(escaped.body.find("&lt;script&gt;"), std::string_view::npos);
}

TEST_F(HandlersTest, OfficePageShowsCard) {
  const Response response = Get("/offices/jiangsu?lang=zh");
  EXPECT_EQ(response.status, 200u);
  EXPECT_NE(response.body.find("江苏省公安厅境外非政府组织管理办公室"), std::string_view::npos);
  EXPECT_EQ(Get("/offices/atlantis").status, 404u);
  EXPECT_EQ(Get("/offices/atlantis").Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Get("/nowhere").status, 404u);
}

TEST_F(HandlersTest, OfficePageShowsHoursBadgeAndWeek) {
  // Anhui publishes its hours; an office without them has no week table.
  Request request{"GET", "/offices/anhui?lang=en", {}, {}, {}};
  request.now = std::chrono::sys_days{std::chrono::year{2026} / 2 / 17} + std::chrono::hours{2};
  const Response response = HandleRequest(*site_, request);
  ASSERT_EQ(response.status, 200u);
  EXPECT_NE(response.body.find("<span class=\"badge state-"), std::string_view::npos);
  EXPECT_NE(response.body.find("(China time 2026-02-17 10:00)"), std::string_view::npos);
  EXPECT_NE(response.body.find("<table class=\"week\">"), std::string_view::npos);
  EXPECT_NE(response.body.find("Mon <span class=\"date\">2026-02-23</span>"), std::string_view::npos);
}

TEST(HtmlPages, EscapeReaderVisibleText) {
  Office office;
  office.id = "test";
  office.name = {"<script>alert(1)</script>", "\"引号\" & 'quote'"};
  office.addresses.push_back({{"<b>1 Road</b>", "<i>路</i>"}, "", ""});
  const std::shared_ptr<const Site> site = Site::Build({office}, {});
  const Response en = HandleRequest(*site, {"GET", "/offices/test", {}, {}, {}});
  const Response list = HandleRequest(*site, {"GET", "/", {}, {}, {}});
  for (const Response* response : {&en, &list}) {
    EXPECT_EQ(response->body.find("<script>"), std::string_view::npos);
    EXPECT_NE(response->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string_view::npos);
  }
  EXPECT_EQ(en.body.find("<b>"), std::string_view::npos);
  EXPECT_NE(en.body.find("&lt;i&gt;路&lt;/i&gt;"), std::string_view::npos);
  EXPECT_NE(en.body.find("&quot;引号&quot; &amp; &#39;quote&#39;"), std::string_view::npos);
}

}  // namespace
}  // namespace ngodesk::server
