#include "moderation/text_checks.h"

#include <cstdint>
#include <cstdio>

namespace ngodesk::moderation {
namespace {

// Decodes the code point at `i` of valid UTF-8 and advances `i`.
char32_t NextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 4;
  char32_t code = lead & 0x07;
  if (lead < 0x80) {
    length = 1;
    code = lead;
  } else if (lead < 0xE0) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead < 0xF0) {
    length = 3;
    code = lead & 0x0F;
  }
  for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += length;
  return code;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, minimum = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    std::size_t next = i;
    const char32_t code = NextCodePoint(text, next);
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i = next;
  }
  return true;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool HasControlCharacter(std::string_view text, bool allow_line_breaks) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t code = NextCodePoint(text, i);
    const bool line_break = code == U'\t' || code == U'\n' || code == U'\r';
    if (line_break && allow_line_breaks) continue;
    if (code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F)) return true;
  }
  return false;
}

std::optional<char32_t> FindInvisibleCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t code = NextCodePoint(text, i);
    const bool bidi = code == 0x200E || code == 0x200F || (code >= 0x202A && code <= 0x202E) ||
                      (code >= 0x2066 && code <= 0x2069);
    const bool zero_width =
        (code >= 0x200B && code <= 0x200D) || code == 0x2060 || code == 0xFEFF;
    if (bidi || zero_width) return code;
  }
  return std::nullopt;
}

std::string CodePointLabel(char32_t code) {
  char label[16];
  std::snprintf(label, sizeof label, "U+%04X", static_cast<unsigned>(code));
  return label;
}

bool LooksLikeEmail(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  if (text.find_first_of(" \t\r\n<>\"'") != std::string_view::npos) return false;
  const std::string_view domain = text.substr(at + 1);
  const std::size_t dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         domain.find("..") == std::string_view::npos;
}

bool LooksLikeWebUrl(std::string_view text) {
  std::string_view rest;
  if (text.starts_with("http://")) {
    rest = text.substr(7);
  } else if (text.starts_with("https://")) {
    rest = text.substr(8);
  } else {
    return false;
  }
  if (text.find_first_of(" \t\r\n<>\"") != std::string_view::npos) return false;
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  return !host.empty() && host.find('.') != std::string_view::npos;
}

bool HasHanCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t code = NextCodePoint(text, i);
    if (code >= 0x3400 && code <= 0x9FFF) return true;
  }
  return false;
}

}  // namespace ngodesk::moderation
