// The SQLite store: offices, their history and (later) reports and calls.
// WAL mode, foreign keys on, schema versioned by numbered migrations that run
// on Open. A Store is used from one thread at a time.
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
  // current schema version.
  static Result<Store> Open(const std::string& path);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // The schema version after migrations.
  int schema_version() const;

  // Replaces the whole directory with `offices` in one transaction: on any
  // error nothing changes.
  Status ReplaceOffices(const std::vector<Office>& offices);

  // Inserts or updates one office.
  Status PutOffice(const Office& office);

  // All offices, sorted by id.
  Result<std::vector<Office>> ListOffices() const;

  // The office with this id, or nullopt.
  Result<std::optional<Office>> FindOffice(std::string_view id) const;

  Result<int> CountOffices() const;

  // Fills an empty database from the directory bundled into the binary.
  // Returns true when it filled it, false when offices already existed.
  Result<bool> SeedFromBundledDirectory();

  // The raw handle, for modules that keep their own tables.
  sqlite3* handle() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The directory bundled into the binary (data/offices.json), parsed.
Result<std::vector<Office>> BundledDirectory();

}  // namespace ngodesk
