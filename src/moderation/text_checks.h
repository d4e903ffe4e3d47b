// Checks on the texts readers and editors send: UTF-8, control characters,
// emails, web addresses, and the script of an address.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ngodesk::moderation {

// `text` without leading and trailing ASCII spaces, tabs and line breaks.
std::string_view Trim(std::string_view text);

bool IsValidUtf8(std::string_view text);

// Number of code points of valid UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

// True when `text` contains a C0 control (U+0000-U+001F), DEL or a C1 control
// (U+0080-U+009F). With `allow_line_breaks`, tab, line feed and carriage
// return are allowed.
bool HasControlCharacter(std::string_view text, bool allow_line_breaks);

// The first invisible format character of valid UTF-8 `text`, if any: the
// bidi controls (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the
// zero-width characters (U+200B-U+200D, U+2060, U+FEFF). They hide inside
// numbers, addresses and names and make equal-looking values differ.
std::optional<char32_t> FindInvisibleCharacter(std::string_view text);

// "U+200B" for 0x200B.
std::string CodePointLabel(char32_t code);

// A plain check of the form local@domain.tld: one "@", no spaces, a dot
// inside the domain. It does not try to accept every address RFC 5322 allows.
bool LooksLikeEmail(std::string_view text);

// An http:// or https:// URL with a host and no spaces.
bool LooksLikeWebUrl(std::string_view text);

// True when `text` contains a CJK unified ideograph (U+3400-U+9FFF), i.e.
// it is the Chinese side of an address.
bool HasHanCharacter(std::string_view text);

}  // namespace ngodesk::moderation
