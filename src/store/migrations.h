// The schema of the store as a numbered list of migrations. Migration N takes
// a database from `PRAGMA user_version` N-1 to N. Migrations are only ever
// appended: a released one is never edited, because databases in the field
// have already run it.
#pragma once

#include <span>

#include "ngodesk/result.h"
#include "store/sqlite.h"

namespace ngodesk::store {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// All migrations in order; the last one's version is the current schema version.
std::span<const Migration> Migrations();

int LatestSchemaVersion();

// Reads PRAGMA user_version.
Result<int> ReadSchemaVersion(const Connection& connection);

// Runs every migration above the database's version, each in its own
// transaction that also sets user_version, so that an interrupted upgrade
// resumes at the first migration not done. Rejects a database whose version
// is newer than this binary supports, without changing it.
Status Migrate(const Connection& connection);

// Migrate with an explicit list, for tests of upgrades and failed migrations.
Status Migrate(const Connection& connection, std::span<const Migration> migrations);

}  // namespace ngodesk::store
