// Online backups of the store and their restoration.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "ngodesk/moderation.h"
#include "store/migrations.h"
#include "store/sqlite.h"

namespace ngodesk {
namespace {

namespace fs = std::filesystem;

// Pages copied per step of the online backup. Between steps other
// connections may write, and SQLite restarts the copy when they do.
constexpr int kPagesPerStep = 256;

// A database handle that closes itself.
struct Handle {
  store::Connection connection;
  ~Handle() { sqlite3_close_v2(connection.db); }
};

Status OpenHandle(const std::string& path, int flags, Handle& handle) {
  handle.connection.path = path;
  const int rc = sqlite3_open_v2(path.c_str(), &handle.connection.db, flags, nullptr);
  if (rc != SQLITE_OK) return store::StoreError(handle.connection, rc);
  sqlite3_busy_timeout(handle.connection.db, 5000);
  return {};
}

// Copies the whole database of `from` into `to` with the backup API.
Status Copy(const store::Connection& from, const store::Connection& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (backup == nullptr) return store::StoreError(to, sqlite3_errcode(to.db));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return store::StoreError(to, rc);
  return {};
}

// A path beside `path` for a file that is renamed onto it when complete.
std::string TemporaryPathBeside(const std::string& path, std::string_view purpose) {
  return path + "." + std::string(purpose) + "-" + std::to_string(::getpid());
}

Error Exists(const std::string& path) {
  return Error::InvalidArgument(
      path + " exists already; a backup never overwrites a file. Choose a new file name.",
      path + " 已存在；备份不会覆盖已有文件。请换一个文件名。");
}

Error NotABackup(const std::string& path, const std::string& why_en, const std::string& why_zh) {
  return Error::InvalidArgument(
      path + " is not an ngodesk backup this version can restore: " + why_en +
          ". The database was left unchanged.",
      path + " 不是本版 ngodesk 能恢复的备份：" + why_zh + "。数据库未作更改。");
}

std::string QueryText(const store::Connection& connection, const char* sql) {
  Result<store::Statement> statement = store::Statement::Prepare(connection, sql);
  if (!statement.ok()) return {};
  Result<bool> row = statement->Step();
  return row.ok() && *row ? statement->Text(0) : std::string();
}

// Checks that `path` is an SQLite database that passes quick_check, with the
// office table and a schema version from 1 to this binary's latest.
Status CheckBackup(const std::string& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    return NotABackup(path, "no such file", "文件不存在");
  }
  Handle handle;
  if (Status opened = OpenHandle(path, SQLITE_OPEN_READONLY, handle); !opened.ok()) {
    return NotABackup(path, opened.error().message, opened.error().message_zh);
  }
  const std::string check = QueryText(handle.connection, "PRAGMA quick_check");
  if (check != "ok") {
    return NotABackup(path, "it is not an intact SQLite database", "它不是完好的 SQLite 数据库");
  }
  const int version = std::atoi(QueryText(handle.connection, "PRAGMA user_version").c_str());
  if (version < 1 || version > store::LatestSchemaVersion()) {
    const std::string text = std::to_string(version);
    return NotABackup(path, "its schema version is " + text, "其结构版本为 " + text);
  }
  if (QueryText(handle.connection,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'office'") !=
      "1") {
    return NotABackup(path, "it has no office table", "其中没有 office 表");
  }
  return {};
}

Error FileError(const std::string& what_en, const std::string& what_zh, const std::error_code& error) {
  return Error::Io(what_en + " (" + error.message() + ").", what_zh + "（" + error.message() + "）。");
}

// Writes the WAL of the database at `path` into the main file and truncates
// it, and closing the last connection deletes it. A -wal file left beside a
// replaced database would be replayed onto it.
Status CheckpointAndClose(const std::string& path) {
  std::error_code error;
  if (!fs::exists(path, error)) return {};
  Handle handle;
  if (Status opened = OpenHandle(path, SQLITE_OPEN_READWRITE, handle); !opened.ok()) return opened;
  return store::Exec(handle.connection, "PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace

Status BackupStore(const Store& store, const std::string& path) {
  std::error_code error;
  if (fs::exists(path, error)) return Exists(path);

  const std::string partial = TemporaryPathBeside(path, "partial");
  {
    Handle target;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (Status opened = OpenHandle(partial, flags, target); !opened.ok()) return opened;
    if (Status copied = Copy({store.handle(), store.path()}, target.connection); !copied.ok()) {
      fs::remove(partial, error);
      return copied;
    }
  }
  // link() fails when `path` appeared meanwhile, where rename() would replace it.
  const bool linked = ::link(partial.c_str(), path.c_str()) == 0;
  const std::error_code link_error(linked ? 0 : errno, std::generic_category());
  fs::remove(partial, error);
  if (!linked) {
    return FileError("cannot write the backup " + path, "无法写入备份 " + path, link_error);
  }
  return {};
}

Status RestoreStore(const std::string& backup_path, const std::string& store_path) {
  if (Status checked = CheckBackup(backup_path); !checked.ok()) return checked;

  // A running server would go on writing to the replaced file, and what it
  // acknowledged would be lost, so the restore needs the database to itself.
  Result<DatabaseUseLock> in_use =
      DatabaseUseLock::Acquire(store_path, DatabaseUseLock::Mode::kExclusive);
  if (!in_use.ok()) return in_use.error();

  // Copy the backup beside the database first, so that the final step is a
  // rename within one directory, which replaces the file atomically.
  const std::string incoming = TemporaryPathBeside(store_path, "restore");
  std::error_code error;
  fs::remove(incoming, error);
  {
    Handle source;
    if (Status s = OpenHandle(backup_path, SQLITE_OPEN_READONLY, source); !s.ok()) return s;
    Handle target;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (Status s = OpenHandle(incoming, flags, target); !s.ok()) return s;
    Status copied = Copy(source.connection, target.connection);
    if (copied.ok()) copied = store::Exec(target.connection, "PRAGMA journal_mode = WAL");
    if (!copied.ok()) {
      fs::remove(incoming, error);
      return copied;
    }
  }

  if (Status s = CheckpointAndClose(store_path); !s.ok()) {
    fs::remove(incoming, error);
    return s;
  }
  fs::rename(incoming, store_path, error);
  if (error) {
    fs::remove(incoming, error);
    return FileError("cannot replace the database " + store_path,
                     "无法替换数据库 " + store_path, error);
  }
  fs::remove(store_path + "-wal", error);
  fs::remove(store_path + "-shm", error);
  return {};
}

}  // namespace ngodesk
