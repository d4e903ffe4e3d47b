// State shared by all CLI commands: the chosen language, the database path,
// the output streams and the exit code. Commands print user-facing text
// through Print and PrintError so that every message exists in English and
// Simplified Chinese.
#pragma once

#include <iostream>
#include <string>
#include <string_view>

#include "ngodesk/result.h"

namespace ngodesk::cli {

// Exit codes, documented in the README.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,     // a runtime failure: I/O, database, internal error
  kExitUsage = 2,       // invalid arguments or input; nothing was changed
  kExitNoMatch = 3,     // the query matched nothing (where, show with an unknown id)
};

struct Context {
  std::string lang = "en";  // "en" or "zh"
  std::string db_path;      // set after parsing: --db, NGODESK_DB or the user data directory
  std::ostream* out = &std::cout;
  std::ostream* err = &std::cerr;
  int exit_code = kExitOk;

  bool chinese() const { return lang == "zh"; }

  // Writes one line in the chosen language to standard output.
  void Print(std::string_view en, std::string_view zh) const;

  // Writes "ngodesk: error: ..." in the chosen language to standard error.
  void PrintError(std::string_view en, std::string_view zh) const;

  // Writes an Error with its position, if any, and sets the exit code that
  // fits its code (usage for invalid input, no-match for not found, failure
  // otherwise). Returns the exit code.
  int Fail(const Error& error);
};

// Returns "zh" when the locale environment (LC_ALL, LC_MESSAGES, LANG) names
// a Chinese locale, else "en".
std::string LanguageFromEnvironment();

// Returns the database path used when no --db is given: $NGODESK_DB, else
// $XDG_DATA_HOME/ngodesk/ngodesk.db, else ~/.local/share/ngodesk/ngodesk.db.
std::string DefaultDatabasePath();

}  // namespace ngodesk::cli
