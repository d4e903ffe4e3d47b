#include "cli/context.h"

#include <cstdlib>
#include <string>

namespace ngodesk::cli {

void Context::Print(std::string_view en, std::string_view zh) const {
  *out << (chinese() && !zh.empty() ? zh : en) << '\n';
}

void Context::PrintError(std::string_view en, std::string_view zh) const {
  *err << (chinese() ? "ngodesk：错误：" : "ngodesk: error: ") << (chinese() && !zh.empty() ? zh : en)
       << '\n';
}

int Context::Fail(const Error& error) {
  std::string en = error.message;
  std::string zh = error.message_zh.empty() ? error.message : error.message_zh;
  if (error.line > 0) {
    const std::string where = std::to_string(error.line) + ":" + std::to_string(error.column);
    en = "line " + where + ": " + en;
    zh = "第 " + where + " 处：" + zh;
  }
  PrintError(en, zh);

  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParse:
    case ErrorCode::kUnsupported:
      exit_code = kExitUsage;
      break;
    case ErrorCode::kNotFound:
      exit_code = kExitNoMatch;
      break;
    default:
      exit_code = kExitFailure;
  }
  return exit_code;
}

std::string LanguageFromEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).starts_with("zh") ? "zh" : "en";
  }
  return "en";
}

std::string DefaultDatabasePath() {
  if (const char* path = std::getenv("NGODESK_DB"); path != nullptr && *path != '\0') {
    return path;
  }
  if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
    return std::string(data) + "/ngodesk/ngodesk.db";
  }
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : ".") + "/.local/share/ngodesk/ngodesk.db";
}

}  // namespace ngodesk::cli
