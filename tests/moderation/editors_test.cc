#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "moderation_fixture.h"

namespace ngodesk::testing {
namespace {

TEST_F(ModerationTest, AddEditorStoresOnlyTokenHash) {
  Result<std::string> token = moderation_.AddEditor("li", kNow);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token->size(), 64u);
  EXPECT_EQ(token->find_first_not_of("0123456789abcdef"), std::string::npos);

  const std::string stored = QueryText(store_, "SELECT token_sha256 FROM editor WHERE name = 'li'");
  EXPECT_EQ(stored.size(), 64u);
  EXPECT_NE(stored, *token);
  EXPECT_EQ(QueryText(store_, "SELECT count(*) FROM editor WHERE instr(token_sha256, '" + *token +
                                  "') > 0 OR instr(name, '" + *token + "') > 0"),
            "0");
}

TEST_F(ModerationTest, EditorNamesAreCheckedAndUnique) {
  ASSERT_TRUE(moderation_.AddEditor("王芳", kNow).ok());
  EXPECT_EQ(moderation_.AddEditor("王芳", kNow).error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(moderation_.AddEditor("", kNow).ok());
  EXPECT_FALSE(moderation_.AddEditor(" li", kNow).ok());
  EXPECT_FALSE(moderation_.AddEditor("li\nroot", kNow).ok());
  EXPECT_FALSE(moderation_.AddEditor(std::string(65, 'a'), kNow).ok());
  EXPECT_TRUE(moderation_.AddEditor(std::string(64, 'a'), kNow).ok());
  EXPECT_EQ(*moderation_.ListEditors(), (std::vector<std::string>{std::string(64, 'a'), "王芳"}));
}

TEST_F(ModerationTest, EditorNamesRejectInvisibleCharacters) {
  const std::pair<std::string, std::string> cases[] = {
      {"li\u200b", "U+200B"}, {"\u202ewang", "U+202E"}, {"zhang\u2066", "U+2066"},
      {"\ufeffli", "U+FEFF"}, {"l\u200ei", "U+200E"},   {"li\u2060", "U+2060"},
  };
  for (const auto& [name, code_point] : cases) {
    Result<std::string> token = moderation_.AddEditor(name, kNow);
    ASSERT_FALSE(token.ok()) << code_point;
    EXPECT_NE(token.error().message.find(code_point), std::string::npos) << token.error().message;
    EXPECT_NE(token.error().message_zh.find(code_point), std::string::npos);
  }
  EXPECT_FALSE(moderation_.AddEditor("li\x7f", kNow).ok());
  EXPECT_FALSE(moderation_.AddEditor("li\xc2\x85", kNow).ok());
  EXPECT_TRUE(moderation_.ListEditors()->empty());

  const std::int64_t id = Submit({"mps", ReportField::kOther, "", "x", "", ""});
  EXPECT_FALSE(moderation_.Accept(id, "li\u200b", kNow).ok());
  EXPECT_FALSE(moderation_.Reject(id, "li\u202e", "duplicate", kNow).ok());
  EXPECT_EQ(moderation_.FindReport(id)->status, ReportStatus::kOpen);
}

TEST_F(ModerationTest, SignInMakesASessionThatExpires) {
  const std::string token = *moderation_.AddEditor("li", kNow);
  EXPECT_EQ(moderation_.SignIn("not-a-token", kNow).error().code, ErrorCode::kNotFound);

  Result<Session> session = moderation_.SignIn(token, kNow);
  ASSERT_TRUE(session.ok()) << session.error().message;
  EXPECT_EQ(session->editor, "li");
  EXPECT_EQ(session->expires_at, "2026-12-04T16:30:00Z");
  EXPECT_EQ(session->id.size(), 64u);
  EXPECT_EQ(session->csrf_token.size(), 64u);
  EXPECT_NE(session->id, session->csrf_token);
  EXPECT_EQ(QueryText(store_, "SELECT count(*) FROM editor_session WHERE id_sha256 = '" +
                                  session->id + "'"),
            "0");

  Result<std::optional<Session>> found = moderation_.FindSession(session->id, kNow + 7h);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->csrf_token, session->csrf_token);
  EXPECT_EQ((*found)->editor, "li");
  EXPECT_FALSE(moderation_.FindSession(session->id, kNow + kSessionLifetime)->has_value());
  EXPECT_FALSE(moderation_.FindSession("unknown", kNow)->has_value());
}

TEST_F(ModerationTest, SignOutEndsTheSession) {
  const std::string token = *moderation_.AddEditor("li", kNow);
  const Session session = *moderation_.SignIn(token, kNow);

  ASSERT_TRUE(moderation_.SignOut(session.id).ok());
  EXPECT_FALSE(moderation_.FindSession(session.id, kNow)->has_value());
}

TEST_F(ModerationTest, RemoveEditorEndsSessionsKeepsHistory) {
  const std::string token = *moderation_.AddEditor("li", kNow);
  const Session session = *moderation_.SignIn(token, kNow);
  SubmitAndAccept({"mps", ReportField::kOther, "", "note", "", ""});

  ASSERT_TRUE(moderation_.RemoveEditor("li").ok());
  EXPECT_FALSE(moderation_.FindSession(session.id, kNow)->has_value());
  EXPECT_EQ(moderation_.SignIn(token, kNow).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(moderation_.History("mps")->front().editor, "li");
  EXPECT_EQ(moderation_.RemoveEditor("li").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ngodesk::testing
