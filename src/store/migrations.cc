#include "store/migrations.h"

#include <array>
#include <string>

namespace ngodesk::store {
namespace {

// Tables are STRICT so that a value of the wrong type is an error, not a
// silent conversion. A value that is unknown or does not apply is NULL, as it
// is null in the JSON form. Child rows keep the published order in `position`.
constexpr const char* kOfficesSchema = R"sql(
CREATE TABLE office (
  id                  TEXT PRIMARY KEY,
  name_en             TEXT NOT NULL,
  name_zh             TEXT NOT NULL,
  jurisdiction_kind   TEXT NOT NULL CHECK (jurisdiction_kind IN ('national', 'province', 'bingtuan')),
  jurisdiction_code   TEXT CHECK (jurisdiction_code IS NULL OR length(jurisdiction_code) = 6),
  jurisdiction_en     TEXT NOT NULL,
  jurisdiction_zh     TEXT NOT NULL,
  city_code           TEXT,
  city_en             TEXT,  -- NULL when the office has no city
  city_zh             TEXT,
  hours_text          TEXT,  -- NULL when the source states no hours
  hours_expression    TEXT,  -- opening_hours syntax
  hours_assumed       INTEGER NOT NULL DEFAULT 0 CHECK (hours_assumed IN (0, 1)),
  hours_assumption_en TEXT,
  hours_assumption_zh TEXT,
  hours_source_id     TEXT
) STRICT;

CREATE TABLE office_source (
  office_id TEXT NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  title     TEXT NOT NULL,
  date      TEXT,  -- YYYY-MM-DD
  note      TEXT,
  PRIMARY KEY (office_id, position),
  UNIQUE (office_id, source_id)
) STRICT;

CREATE TABLE office_address (
  office_id TEXT NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  en        TEXT NOT NULL,
  zh        TEXT NOT NULL,
  source_id TEXT,
  note      TEXT,
  PRIMARY KEY (office_id, position)
) STRICT;

-- Telephone and fax numbers share one table, told apart by `kind`.
CREATE TABLE office_phone (
  office_id          TEXT NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  kind               TEXT NOT NULL CHECK (kind IN ('phone', 'fax')),
  position           INTEGER NOT NULL,
  text               TEXT NOT NULL,  -- as published
  e164               TEXT,
  national           TEXT,
  extension          TEXT,
  area_code_inferred INTEGER NOT NULL DEFAULT 0 CHECK (area_code_inferred IN (0, 1)),
  confirmed_on       TEXT,           -- YYYY-MM-DD of the latest call that reached the office
  source_id          TEXT,
  PRIMARY KEY (office_id, kind, position)
) STRICT;
CREATE INDEX office_phone_by_e164 ON office_phone (e164);

CREATE TABLE office_email (
  office_id TEXT NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  address   TEXT NOT NULL,
  PRIMARY KEY (office_id, position)
) STRICT;

CREATE TABLE office_website (
  office_id TEXT NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  url       TEXT NOT NULL,
  PRIMARY KEY (office_id, position)
) STRICT;

CREATE TABLE office_correction (
  office_id TEXT NOT NULL REFERENCES office (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  field     TEXT NOT NULL,  -- as in the JSON form, e.g. addresses[0].en
  published TEXT NOT NULL,
  corrected TEXT NOT NULL,
  reason    TEXT NOT NULL,
  PRIMARY KEY (office_id, position)
) STRICT;

-- Facts about the database itself, e.g. where its directory came from.
CREATE TABLE store_metadata (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
)sql";

constexpr std::array<Migration, 1> kMigrations = {{
    {1, "offices and their contact data", kOfficesSchema},
}};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Result<int> ReadSchemaVersion(const Connection& connection) {
  Result<Statement> statement = Statement::Prepare(connection, "PRAGMA user_version");
  if (!statement.ok()) return statement.error();

  Result<bool> row = statement->Step();
  if (!row.ok()) return row.error();
  return *row ? static_cast<int>(statement->Integer(0)) : 0;
}

namespace {

Error NewerSchemaError(const Connection& connection, int version, int latest) {
  const std::string found = std::to_string(version);
  const std::string known = std::to_string(latest);
  return Error::Store(
      "the database " + connection.path + " has schema version " + found +
          ", newer than this ngodesk supports (" + known +
          "). It was left unchanged. Use a newer ngodesk, or pass --db with another path.",
      "数据库 " + connection.path + " 的结构版本为 " + found + "，比本版 ngodesk 支持的版本（" +
          known + "）新。数据库未作更改。请使用更新版本的 ngodesk，或用 --db 指定其他路径。");
}

Status RunMigration(const Connection& connection, const Migration& migration) {
  Result<Transaction> transaction = Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();

  // Another process may have run this migration while we waited for the lock.
  Result<int> version = ReadSchemaVersion(connection);
  if (!version.ok()) return version.error();
  if (*version >= migration.version) return {};

  if (Status applied = Exec(connection, migration.sql); !applied.ok()) return applied;
  const std::string set_version = "PRAGMA user_version = " + std::to_string(migration.version);
  if (Status set = Exec(connection, set_version.c_str()); !set.ok()) return set;
  return transaction->Commit();
}

}  // namespace

Status Migrate(const Connection& connection) { return Migrate(connection, kMigrations); }

Status Migrate(const Connection& connection, std::span<const Migration> migrations) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  Result<int> version = ReadSchemaVersion(connection);
  if (!version.ok()) return version.error();
  if (*version > latest) return NewerSchemaError(connection, *version, latest);

  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    if (Status migrated = RunMigration(connection, migration); !migrated.ok()) return migrated;
  }
  return {};
}

}  // namespace ngodesk::store
