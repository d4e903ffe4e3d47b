// Unit tests of the resolver: input validation, the JSON form, matched
// parts, procedure rules and concurrent use.
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ngodesk/resolver.h"

namespace ngodesk {
namespace {

Resolution ResolveOk(std::string_view query, Procedure procedure = Procedure::kOffice) {
  Result<Resolution> resolution = Resolver::Bundled().Resolve(query, procedure);
  EXPECT_TRUE(resolution.ok()) << query << ": " << (resolution.ok() ? "" : resolution.error().message);
  return resolution.ok() ? std::move(resolution).value() : Resolution{};
}

TEST(ResolverInput, RejectsBadQueries) {
  const std::string too_long(kMaxQueryBytes + 1, 'a');
  const std::string cases[] = {
      "", "   ", too_long, std::string("苏州\xff"), std::string("\xe8\x8b"), std::string("苏州\x01市"),
      "苏州\n市", "，。！？", "...---", std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
  };
  for (const std::string& query : cases) {
    const Result<Resolution> resolution = Resolver::Bundled().Resolve(query);
    ASSERT_FALSE(resolution.ok()) << "accepted: " << query;
    EXPECT_EQ(resolution.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(resolution.error().message.empty());
    EXPECT_FALSE(resolution.error().message_zh.empty());
  }
}

TEST(ResolverInput, AcceptsLongestAllowedQuery) {
  std::string query = "苏州市";
  query.append(kMaxQueryBytes - query.size(), 'x');
  const Resolution resolution = ResolveOk(query);
  EXPECT_TRUE(resolution.found);
}

TEST(ResolverInput, NoPlaceIsNotAnError) {
  const Resolution resolution = ResolveOk("hello world");
  EXPECT_FALSE(resolution.found);
  EXPECT_TRUE(resolution.office_id.empty());
  EXPECT_EQ(resolution.chain.deepest(), nullptr);
}

TEST(ResolverMatch, ReportsMatchedParts) {
  const Resolution resolution = ResolveOk("江苏苏州市姑苏区人民路100号");
  ASSERT_EQ(resolution.matched.size(), 3u);
  EXPECT_EQ(resolution.matched[0].text, "江苏");
  EXPECT_EQ(resolution.matched[0].kind, MatchKind::kShortName);
  EXPECT_EQ(resolution.matched[1].text, "苏州市");
  EXPECT_EQ(resolution.matched[1].kind, MatchKind::kName);
  EXPECT_EQ(resolution.matched[2].division->code, "320508");
  EXPECT_GT(resolution.confidence, 0.9);
}

TEST(ResolverMatch, FormerNameCarriesYear) {
  const Resolution resolution = ResolveOk("襄樊市");
  ASSERT_EQ(resolution.matched.size(), 1u);
  EXPECT_EQ(resolution.matched[0].kind, MatchKind::kFormerName);
  EXPECT_NE(resolution.matched[0].note.find("2010"), std::string::npos);
  EXPECT_LT(resolution.confidence, 0.9);
}

TEST(ResolverMatch, CorrectionLowersConfidence) {
  const Resolution exact = ResolveOk("Tianjin");
  const Resolution corrected = ResolveOk("Tianjing");
  EXPECT_FALSE(exact.corrected);
  EXPECT_TRUE(corrected.corrected);
  EXPECT_LT(corrected.confidence, exact.confidence);
  EXPECT_EQ(corrected.matched.front().kind, MatchKind::kCorrection);
}

TEST(ResolverMatch, AmbiguityLowersConfidence) {
  const Resolution resolution = ResolveOk("鼓楼区");
  EXPECT_TRUE(resolution.ambiguous);
  EXPECT_EQ(resolution.candidates.size(), 4u);
  EXPECT_LE(resolution.confidence, 0.5);
}

TEST(ResolverProcedure, RulesCiteTheLaw) {
  const Resolution office = ResolveOk("杭州", Procedure::kOffice);
  EXPECT_EQ(office.rule.id, "representative-office");
  EXPECT_NE(office.rule.citation.find("Art. 11"), std::string_view::npos);
  EXPECT_EQ(office.rule.citation_zh, "《境外非政府组织境内活动管理法》第十一条、第十二条");

  const Resolution activity = ResolveOk("杭州", Procedure::kActivity);
  EXPECT_EQ(activity.rule.id, "temporary-activity");
  EXPECT_NE(activity.rule.citation.find("Art. 16, 17"), std::string_view::npos);
  EXPECT_EQ(activity.rule.citation_zh, "《境外非政府组织境内活动管理法》第十六条、第十七条");
  EXPECT_NE(activity.rule.text.en.find("15 days"), std::string_view::npos);
  EXPECT_NE(activity.rule.text.zh.find("十五日"), std::string_view::npos);

  const Resolution taiwan = ResolveOk("台湾");
  EXPECT_EQ(taiwan.rule.id, "no-mainland-office");
  EXPECT_TRUE(taiwan.office_id.empty());
}

TEST(ResolverJson, HasEveryField) {
  const Resolution resolution = ResolveOk("朝阳");
  const nlohmann::json json = nlohmann::json::parse(ResolutionToJson("朝阳", Procedure::kOffice, resolution));
  for (const char* key : {"query", "procedure", "office", "division", "matched", "confidence", "ambiguous",
                          "corrected", "candidates", "rule", "notes"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["office"]["id"], "liaoning");
  EXPECT_EQ(json["division"]["province"]["code"], "210000");
  EXPECT_EQ(json["division"]["prefecture"]["zh"], "朝阳市");
  EXPECT_EQ(json["division"]["prefecture"]["en"], "Chaoyang");
  EXPECT_TRUE(json["division"]["county"].is_null());
  EXPECT_EQ(json["ambiguous"], true);
  EXPECT_EQ(json["candidates"][1]["office"], "beijing");
  EXPECT_EQ(json["matched"][0]["by"], "short-name");
  EXPECT_FALSE(json["notes"].empty());
  EXPECT_FALSE(json["notes"][0]["zh"].get<std::string>().empty());
  EXPECT_EQ(json["rule"]["citation_zh"], "《境外非政府组织境内活动管理法》第十一条、第十二条");
}

TEST(ResolverJson, NoMatchHasNullOffice) {
  const Resolution resolution = ResolveOk("Geneva");
  const nlohmann::json json = nlohmann::json::parse(ResolutionToJson("Geneva", Procedure::kOffice, resolution));
  EXPECT_TRUE(json["office"].is_null());
  EXPECT_TRUE(json["division"]["province"].is_null());
  EXPECT_TRUE(json["rule"].is_null());
}

TEST(ResolverJson, ErrorObject) {
  const Error error = Error::InvalidArgument("bad", "坏");
  const nlohmann::json json = nlohmann::json::parse(ResolutionErrorToJson("x", error));
  EXPECT_EQ(json["error"]["code"], "invalid-argument");
  EXPECT_EQ(json["error"]["message_zh"], "坏");
}

TEST(ResolverThreads, ConcurrentResolveAgrees) {
  const std::vector<std::string> queries = {"苏州", "廣州", "Xi'an", "朝阳区", "维坊", "Tianjing", "石河子"};
  std::vector<std::string> expected;
  for (const std::string& query : queries) expected.push_back(ResolveOk(query).office_id);

  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
          const Result<Resolution> resolution = Resolver::Bundled().Resolve(queries[i]);
          if (!resolution.ok() || resolution->office_id != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace ngodesk
