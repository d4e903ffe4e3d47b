// Helpers shared by CLI commands: opening the store the way every command
// should, terminal column widths for aligned tables, and writing output to a
// file or standard output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cli/context.h"
#include "ngodesk/result.h"
#include "ngodesk/store.h"

namespace ngodesk::cli {

enum class Seeding {
  kBundledOnFirstUse,  // fill an empty database from the bundled directory
  kNone,               // open as it is (for commands that write the directory themselves)
};

// Opens the database at context.db_path (from --db, NGODESK_DB or the user
// data directory), creating it when missing. Parent directories are created
// too, but main.cc rejects a --db whose directory is missing. With
// kBundledOnFirstUse, an empty database is filled from the bundled directory
// and a one-line note saying so goes to standard error, so that standard
// output stays clean for --json.
Result<Store> OpenStoreForCli(Context& context, Seeding seeding = Seeding::kBundledOnFirstUse);

// Finds the office a user named: its id in any case, the GB/T 2260 code of
// its province, or the jurisdiction's name (江苏省, 江苏, Jiangsu Province).
// An unknown name gives a NotFound error that suggests the nearest id.
Result<Office> FindOfficeByUserQuery(const Store& store, const std::string& query);

// Terminal columns taken by UTF-8 `text`: 2 for East Asian wide characters
// (CJK ideographs, fullwidth forms), 1 for others. Invalid bytes count 1.
std::size_t DisplayWidth(std::string_view text);

// `text` followed by spaces up to `width` terminal columns.
std::string PadToWidth(std::string_view text, std::size_t width);

// Writes `text` to the file at `path`, or to context.out when `path` is
// empty or "-". The file is written beside its final name and renamed into
// place, so a failure never leaves half a file.
Status WriteOutput(Context& context, const std::string& path, std::string_view text);

}  // namespace ngodesk::cli
