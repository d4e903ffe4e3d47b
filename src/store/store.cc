#include "ngodesk/store.h"

#include <chrono>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "ngodesk/embedded.h"
#include "ngodesk/office_json.h"
#include "store/call_rows.h"
#include "store/migrations.h"
#include "store/office_rows.h"
#include "store/sqlite.h"

NGODESK_DECLARE_EMBEDDED(ngodesk_bundled_directory)

namespace ngodesk {

using store::Connection;
using store::Statement;
using store::Transaction;

// The Connection lives on the heap so that Statements, which point to it,
// stay valid when the Store is moved.
struct Store::Impl {
  Connection connection;
  int schema_version = 0;

  ~Impl() { sqlite3_close_v2(connection.db); }
};

namespace {

// Milliseconds a statement waits for another process's write lock before
// failing with "database is locked". Writers hold the lock for one import or
// one edit, so a longer wait points to a stuck process worth reporting.
constexpr int kBusyTimeoutMs = 5000;

bool IsInMemory(const std::string& path) {
  return path == ":memory:" || path.empty() || path.starts_with("file:");
}

Status CreateParentDirectories(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return {};

  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (!error) return {};
  return Error::Store("cannot create the directory " + parent.string() + " for the database (" +
                          error.message() + "). Pass --db with a path in a writable directory.",
                      "无法为数据库创建目录 " + parent.string() + "（" + error.message() +
                          "）。请用 --db 指定可写目录中的路径。");
}

// Sets the connection options. The schema version is read before WAL is
// switched on because switching writes the file header: a file that is not a
// database or is too new must be rejected before anything is written.
Status Configure(const Connection& connection) {
  sqlite3_extended_result_codes(connection.db, 1);
  sqlite3_busy_timeout(connection.db, kBusyTimeoutMs);
  if (Status s = store::Exec(connection, "PRAGMA foreign_keys = ON"); !s.ok()) return s;

  Result<int> version = store::ReadSchemaVersion(connection);
  if (!version.ok()) return version.error();
  if (*version > store::LatestSchemaVersion()) return store::Migrate(connection);

  return store::Exec(connection, "PRAGMA journal_mode = WAL");
}

// Configures and migrates, retrying while another process holds the lock.
// Processes that open a new database at the same moment race to switch it to
// WAL and to migrate it. SQLite can return SQLITE_BUSY there at once, without
// calling the busy handler, so this loop retries until the busy timeout.
Status ConfigureAndMigrate(const Connection& connection) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  while (true) {
    Status status = Configure(connection);
    if (status.ok()) status = store::Migrate(connection);
    if (status.ok()) return status;

    const int code = sqlite3_errcode(connection.db) & 0xFF;
    const bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
    if (!busy || std::chrono::steady_clock::now() >= deadline) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// Records the confirmation dates of the directory data as calls, then
// rebuilds every number's confirmed_on and last_failed_call_on from the call
// log. So writing a record never undoes calls made since it was published.
Status RecordCalls(const Connection& connection, const std::vector<Office>& offices,
                   std::string_view office_id) {
  if (Status recorded = store::RecordDirectoryCalls(connection, offices); !recorded.ok()) {
    return recorded;
  }
  return store::RefreshCallState(connection, office_id);
}

Status WriteAll(const Connection& connection, const std::vector<Office>& offices) {
  std::vector<std::string> ids;
  for (const Office& office : offices) {
    if (Status written = store::WriteOffice(connection, office); !written.ok()) return written;
    ids.push_back(office.id);
  }
  if (Status deleted = store::DeleteOfficesExcept(connection, ids); !deleted.ok()) return deleted;
  return RecordCalls(connection, offices, "");
}

}  // namespace

Result<Store> Store::Open(const std::string& path) {
  if (!IsInMemory(path)) {
    if (Status created = CreateParentDirectories(path); !created.ok()) return created.error();
  }

  auto impl = std::make_unique<Impl>();
  impl->connection.path = path.empty() ? ":memory:" : path;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI;
  const int rc =
      sqlite3_open_v2(impl->connection.path.c_str(), &impl->connection.db, flags, nullptr);
  if (rc != SQLITE_OK) return store::StoreError(impl->connection, rc);

  if (Status prepared = ConfigureAndMigrate(impl->connection); !prepared.ok()) {
    return prepared.error();
  }

  Result<int> version = store::ReadSchemaVersion(impl->connection);
  if (!version.ok()) return version.error();
  impl->schema_version = *version;
  return Store(std::move(impl));
}

int Store::LatestSchemaVersion() { return store::LatestSchemaVersion(); }

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() const { return impl_->schema_version; }

const std::string& Store::path() const { return impl_->connection.path; }

sqlite3* Store::handle() const { return impl_->connection.db; }

Status Store::ReplaceOffices(const std::vector<Office>& offices) {
  Result<Transaction> transaction = Transaction::Begin(impl_->connection);
  if (!transaction.ok()) return transaction.error();

  if (Status written = WriteAll(impl_->connection, offices); !written.ok()) return written;
  return transaction->Commit();
}

Status Store::PutOffice(const Office& office) {
  Result<Transaction> transaction = Transaction::Begin(impl_->connection);
  if (!transaction.ok()) return transaction.error();

  if (Status written = store::WriteOffice(impl_->connection, office); !written.ok()) return written;
  if (Status s = RecordCalls(impl_->connection, {office}, office.id); !s.ok()) return s;
  return transaction->Commit();
}

Result<std::vector<Office>> Store::ListOffices() const {
  Result<std::vector<std::string>> ids = store::ReadOfficeIds(impl_->connection);
  if (!ids.ok()) return ids.error();

  std::vector<Office> offices;
  for (const std::string& id : *ids) {
    Result<std::optional<Office>> office = store::ReadOffice(impl_->connection, id);
    if (!office.ok()) return office.error();
    if (*office) offices.push_back(std::move(**office));
  }
  return offices;
}

Result<std::optional<Office>> Store::FindOffice(std::string_view id) const {
  return store::ReadOffice(impl_->connection, id);
}

Result<int> Store::CountOffices() const {
  Result<Statement> count = Statement::Prepare(impl_->connection, "SELECT count(*) FROM office");
  if (!count.ok()) return count.error();

  Result<bool> row = count->Step();
  if (!row.ok()) return row.error();
  return static_cast<int>(count->Integer(0));
}

Result<bool> Store::SeedFromBundledDirectory() {
  Result<std::vector<Office>> offices = BundledDirectory();
  if (!offices.ok()) return offices.error();

  Result<Transaction> transaction = Transaction::Begin(impl_->connection);
  if (!transaction.ok()) return transaction.error();

  Result<int> count = CountOffices();
  if (!count.ok()) return count.error();
  if (*count > 0) return false;

  if (Status written = WriteAll(impl_->connection, *offices); !written.ok()) return written.error();
  Result<Statement> note = Statement::Prepare(
      impl_->connection,
      "INSERT OR REPLACE INTO store_metadata (key, value) VALUES ('directory_origin', 'bundled')");
  if (!note.ok()) return note.error();
  if (Status noted = note->Run(); !noted.ok()) return noted.error();

  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return true;
}

Result<std::vector<Office>> BundledDirectory() {
  Result<std::vector<Office>> offices =
      DirectoryFromJson(NGODESK_EMBEDDED_VIEW(ngodesk_bundled_directory));
  if (offices.ok()) return offices;

  // The file is checked by tests before it is embedded, so this is a bug.
  return Error::Internal("the bundled directory data/offices.json is invalid: " +
                         offices.error().message);
}

}  // namespace ngodesk
