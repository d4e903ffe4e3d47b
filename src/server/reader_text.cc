#include "server/reader_text.h"

#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "server/html.h"

namespace ngodesk::server {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

struct DecodedCharacter {
  char32_t code_point = 0;
  std::size_t length = 0;  // in bytes
};

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes the UTF-8 character at the start of `text`, or nothing when its
// bytes are not valid UTF-8 (overlong forms, surrogates and values above
// U+10FFFF are invalid).
std::optional<DecodedCharacter> DecodeUtf8(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return DecodedCharacter{lead, 1};

  // The smallest code point of each length, so that overlong forms are rejected.
  std::size_t length = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() < length) return std::nullopt;

  char32_t code_point = lead & (0x7F >> length);  // the payload bits of the lead byte

  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (!IsContinuation(byte)) return std::nullopt;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < minimum || code_point > 0x10FFFF || surrogate) return std::nullopt;
  return DecodedCharacter{code_point, length};
}

bool IsInvisible(char32_t c) {
  const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  const bool zero_width = (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
  const bool bidi = c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
                    (c >= 0x2066 && c <= 0x2069);
  return control || zero_width || bidi;
}

}  // namespace

std::string RevealInvisible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::optional<DecodedCharacter> decoded = DecodeUtf8(text);
    if (!decoded) {
      out += kReplacementCharacter;
      text.remove_prefix(1);
      continue;
    }
    if (IsInvisible(decoded->code_point)) {
      out += fmt::format("⟨U+{:04X}⟩", static_cast<std::uint32_t>(decoded->code_point));
    } else {
      out += text.substr(0, decoded->length);
    }
    text.remove_prefix(decoded->length);
  }
  return out;
}

std::string EscapeReaderText(std::string_view text) { return EscapeHtml(RevealInvisible(text)); }

}  // namespace ngodesk::server
