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

// Reports from readers, the history of accepted changes, editors with their
// sessions, and verification calls. Reports, changes and calls name their
// office by id without a foreign key: they stay when an import removes an
// office, because the history must outlive the record it describes. Secrets
// are stored only as SHA-256 hashes in hex.
constexpr const char* kModerationSchema = R"sql(
ALTER TABLE office_phone ADD COLUMN last_failed_call_on TEXT;  -- YYYY-MM-DD, NULL when clean

CREATE TABLE report (
  id            INTEGER PRIMARY KEY,
  office_id     TEXT NOT NULL,
  field         TEXT NOT NULL CHECK (field IN ('phones', 'fax', 'addresses', 'hours', 'emails',
                                               'websites', 'other')),
  current       TEXT NOT NULL,  -- the published value the report is about; '' to add one
  proposed      TEXT NOT NULL,  -- the new value; '' to remove the current one
  evidence      TEXT NOT NULL,
  contact_email TEXT,           -- NULL once the report is closed
  status        TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
  received_at   TEXT NOT NULL,  -- ISO 8601 instant, UTC
  closed_at     TEXT,
  closed_by     TEXT,           -- editor name
  reason        TEXT            -- why it was rejected
) STRICT;
CREATE INDEX report_by_status ON report (status, id);

CREATE TABLE office_change (
  id         INTEGER PRIMARY KEY,
  office_id  TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT NOT NULL,
  new_value  TEXT NOT NULL,
  evidence   TEXT NOT NULL,
  editor     TEXT NOT NULL,  -- a name, kept after the editor is removed
  changed_at TEXT NOT NULL,  -- ISO 8601 instant, UTC
  report_id  INTEGER REFERENCES report (id)
) STRICT;
CREATE INDEX office_change_by_office ON office_change (office_id, id);

CREATE TABLE editor (
  name         TEXT PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE editor_session (
  id_sha256  TEXT PRIMARY KEY,
  editor     TEXT NOT NULL REFERENCES editor (name) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,  -- useless without the session id, returned on each look-up
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

-- `phone` is the number's E.164 form when it has one, else its published text.
CREATE TABLE phone_call (
  id        INTEGER PRIMARY KEY,
  office_id TEXT NOT NULL,
  phone     TEXT NOT NULL,
  outcome   TEXT NOT NULL CHECK (outcome IN ('reached', 'no-answer', 'wrong-number',
                                             'disconnected')),
  date      TEXT NOT NULL,  -- YYYY-MM-DD
  note      TEXT NOT NULL,
  caller    TEXT NOT NULL,  -- editor name, or 'page' for calls the published page records
  source_id TEXT
) STRICT;
CREATE INDEX phone_call_by_number ON phone_call (office_id, phone, date);
)sql";

constexpr std::array<Migration, 2> kMigrations = {{
    {1, "offices and their contact data", kOfficesSchema},
    {2, "reports, history, editors and calls", kModerationSchema},
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
