#include "server/request_target.h"

#include <cstdint>

namespace ngodesk::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Control characters (C0 and DEL) have no place in a path or a query value,
// and a NUL would truncate C strings further down.
bool HasControlCharacter(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

Error BadTarget(std::string en, std::string zh) {
  return Error::InvalidArgument(std::move(en), std::move(zh));
}

Result<std::string> DecodeComponent(std::string_view raw, bool plus_as_space, std::string_view what) {
  Result<std::string> decoded = PercentDecode(raw, plus_as_space);
  if (!decoded.ok()) return decoded.error();

  if (!IsValidUtf8(*decoded)) {
    return BadTarget("the " + std::string(what) + " is not valid UTF-8 after percent-decoding",
                     std::string(what == "path" ? "路径" : "查询参数") + "经百分号解码后不是有效的 UTF-8");
  }
  if (HasControlCharacter(*decoded)) {
    return BadTarget("the " + std::string(what) + " contains a control character",
                     std::string(what == "path" ? "路径" : "查询参数") + "含有控制字符");
  }
  return decoded;
}

Status AppendSegments(std::string_view path, std::vector<std::string>& segments) {
  std::size_t start = 1;  // skip the leading '/'
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string_view raw =
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);

    Result<std::string> segment = DecodeComponent(raw, /*plus_as_space=*/false, "path");
    if (!segment.ok()) return segment.error();
    // Dot segments and encoded separators could climb out of an asset folder.
    if (*segment == "." || *segment == ".." ||
        segment->find_first_of("/\\") != std::string::npos) {
      return BadTarget("the path segment '" + std::string(raw) +
                           "' is not allowed: dot segments and encoded slashes are rejected",
                       "不允许路径段“" + std::string(raw) + "”：拒绝点号路径段和编码的斜杠");
    }
    segments.push_back(std::move(*segment));

    if (slash == std::string_view::npos) return {};
    start = slash + 1;
  }
}

Status AppendQuery(std::string_view query, std::vector<std::pair<std::string, std::string>>& out) {
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;

    const std::size_t equals = pair.find('=');
    Result<std::string> key = DecodeComponent(pair.substr(0, equals), true, "query");
    if (!key.ok()) return key.error();
    Result<std::string> value = DecodeComponent(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true,
        "query");
    if (!value.ok()) return value.error();
    out.emplace_back(std::move(*key), std::move(*value));
  }
  return {};
}

}  // namespace

std::optional<std::string_view> RequestTarget::Param(std::string_view key) const {
  for (const auto& [name, value] : query) {
    if (name == key) return value;
  }
  return std::nullopt;
}

Result<std::string> PercentDecode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_as_space) {
      out.push_back(' ');
      continue;
    }
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    const int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      const std::string escape(text.substr(i, 3));
      return BadTarget("invalid percent-encoding '" + escape + "' at offset " + std::to_string(i) +
                           ": '%' must be followed by two hexadecimal digits",
                       "第 " + std::to_string(i) + " 字节处的百分号编码“" + escape +
                           "”无效：“%”后须跟两位十六进制数字");
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      code_point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      code_point = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid.
    if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000) ||
        (code_point >= 0xd800 && code_point <= 0xdfff) || code_point > 0x10ffff) {
      return false;
    }
    i += length;
  }
  return true;
}

Result<RequestTarget> ParseRequestTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return BadTarget("the request target must be an absolute path starting with '/'",
                     "请求目标必须是以“/”开头的绝对路径");
  }
  if (target.find('#') != std::string_view::npos) {
    return BadTarget("the request target must not contain a fragment ('#')",
                     "请求目标不得含有片段标识（“#”）");
  }

  RequestTarget result;
  const std::size_t question = target.find('?');
  result.path = std::string(target.substr(0, question));

  Status segments = AppendSegments(result.path, result.segments);
  if (!segments.ok()) return segments.error();
  if (question != std::string_view::npos) {
    Status query = AppendQuery(target.substr(question + 1), result.query);
    if (!query.ok()) return query.error();
  }
  return result;
}

}  // namespace ngodesk::server
