// Invisible characters in reader text become visible markers, and markup
// characters are escaped.
#include "server/reader_text.h"

#include <string>

#include <gtest/gtest.h>

namespace ngodesk::server {
namespace {

struct Case {
  std::string input;
  std::string expected;
};

TEST(RevealInvisible, MarksEachInvisibleCharacter) {
  const Case cases[] = {
      {"", ""},
      {"025-12345678", "025-12345678"},
      {"南京市 / Nanjing", "南京市 / Nanjing"},
      {"abc\u202Edef", "abc⟨U+202E⟩def"},
      {"\u200E\u200F", "⟨U+200E⟩⟨U+200F⟩"},
      {"\u202A\u202B\u202C\u202D", "⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩"},
      {"\u2066\u2067\u2068\u2069", "⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩"},
      {"a\u200Bb\u200Cc\u200Dd", "a⟨U+200B⟩b⟨U+200C⟩c⟨U+200D⟩d"},
      {"\u2060x\uFEFF", "⟨U+2060⟩x⟨U+FEFF⟩"},
      {std::string("nul\0end", 7), "nul⟨U+0000⟩end"},
      {"bell\x07", "bell⟨U+0007⟩"},
      {"del\x7F", "del⟨U+007F⟩"},
      {"tab\tline\ncr\r", "tab\tline\ncr\r"},
      {"<script>alert(1)</script>", "<script>alert(1)</script>"},
      {"\u2028 and \u200A stay", "\u2028 and \u200A stay"},  // visible or ordinary spacing
      {"emoji 😀", "emoji 😀"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RevealInvisible(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(RevealInvisible, ReplacesInvalidUtf8) {
  const Case cases[] = {
      {"a\xFFz", "a\uFFFDz"},
      {"\xC0\xAF", "\uFFFD\uFFFD"},              // overlong "/"
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},    // a surrogate
      {"\xE4\xBA", "\uFFFD\uFFFD"},              // truncated 亚
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RevealInvisible(c.input), c.expected) << "input bytes: " << c.input.size();
  }
}

TEST(EscapeReaderText, EscapesMarkupAndRevealsInvisible) {
  const Case cases[] = {
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"},
      {"it's & more", "it&#39;s &amp; more"},
      {"\u202Egnp.exe", "⟨U+202E⟩gnp.exe"},
      {"0\u200B25", "0⟨U+200B⟩25"},
      {"江苏省公安厅", "江苏省公安厅"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EscapeReaderText(c.input), c.expected) << "input: " << c.input;
  }
}

}  // namespace
}  // namespace ngodesk::server
