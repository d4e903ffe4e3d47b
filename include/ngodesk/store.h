// The SQLite store: offices, their history and (later) reports and calls.
// WAL mode, foreign keys on, a 5-second busy timeout, and a schema versioned
// by numbered migrations (PRAGMA user_version) that run on Open. The schema
// and the migration rules are documented in docs/store.md. A Store is used
// from one thread at a time; several processes may share one database file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "ngodesk/result.h"

struct sqlite3;

namespace ngodesk {

class Store {
 public:
  // Opens or creates the database at `path` (":memory:" for a private
  // in-memory database), creating parent directories, and migrates it to the
  // current schema version. Fails with Error::Store and leaves the file as it
  // was in these cases: the path is a directory or not a database, the
  // database stays locked past the busy timeout, or its schema version is
  // newer than this binary supports.
  static Result<Store> Open(const std::string& path);

  // The schema version that Open migrates every database to.
  static int LatestSchemaVersion();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // The schema version after migrations.
  int schema_version() const;

  // Replaces the whole directory with `offices` in one transaction: on any
  // error nothing changes.
  Status ReplaceOffices(const std::vector<Office>& offices);

  // Inserts or updates one office in one transaction.
  Status PutOffice(const Office& office);

  // All offices, sorted by id.
  Result<std::vector<Office>> ListOffices() const;

  // The office with this id, or nullopt.
  Result<std::optional<Office>> FindOffice(std::string_view id) const;

  Result<int> CountOffices() const;

  // Fills an empty database from the directory bundled into the binary, in
  // one transaction that first checks for offices, so that two processes
  // starting at once seed it once. Returns true when it filled the database,
  // false when offices already existed.
  Result<bool> SeedFromBundledDirectory();

  // The path the store was opened from, for messages.
  const std::string& path() const;

  // The raw handle, for modules that keep their own tables. Their tables
  // come from migrations appended to the list in src/store/migrations.cc.
  sqlite3* handle() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An advisory lock that a long-running user of a database file (a running
// `ngodesk serve`) holds, so that `ngodesk restore`, which replaces the file
// under every open connection, can reject the restore instead of losing what
// the server writes afterwards. It is an flock(2) on "<database>.lock", apart
// from SQLite's own locks, which cannot tell whether another process merely
// has the file open.
class DatabaseUseLock {
 public:
  enum class Mode {
    kShared,     // a server: several may share the database
    kExclusive,  // a restore: no other process may use the database
  };

  // Takes the lock without waiting. Fails with Error::Store naming the
  // database when another process holds a conflicting lock, and with
  // Error::Io when the lock file cannot be created. A ":memory:" database
  // needs no lock: the result holds none.
  static Result<DatabaseUseLock> Acquire(const std::string& database_path, Mode mode);

  DatabaseUseLock(DatabaseUseLock&& other) noexcept;
  DatabaseUseLock& operator=(DatabaseUseLock&& other) noexcept;
  ~DatabaseUseLock();

 private:
  explicit DatabaseUseLock(int descriptor) : descriptor_(descriptor) {}
  int descriptor_ = -1;
};

// The directory bundled into the binary (data/offices.json), parsed.
Result<std::vector<Office>> BundledDirectory();

}  // namespace ngodesk
