#include "store/sqlite.h"

#include <utility>

namespace ngodesk::store {
namespace {

struct Advice {
  std::string en;
  std::string zh;
};

// The user's next step for the primary result codes people meet in practice.
Advice AdviceFor(int rc, const std::string& path) {
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {"the database " + path +
                  " is locked by another process. Wait until the other "
                  "ngodesk command finishes, then try again.",
              "数据库 " + path + " 被另一进程锁定。请等另一个 ngodesk 命令结束后重试。"};
    case SQLITE_NOTADB:
      return {path +
                  " is not an ngodesk database. Pass --db with another path, or move the "
                  "file away to create a new database there.",
              path + " 不是 ngodesk 数据库。请用 --db 指定其他路径，或移走该文件后再新建数据库。"};
    case SQLITE_CANTOPEN:
      return {"cannot open the database " + path +
                  ". Check that the path names a file (not a "
                  "directory) in a directory you can write to, or pass --db with another path.",
              "无法打开数据库 " + path +
                  "。请确认该路径是可写目录中的文件（而非目录），或用 --db "
                  "指定其他路径。"};
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return {"the database " + path +
                  " is read-only. Make the file and its directory "
                  "writable, or pass --db with another path.",
              "数据库 " + path + " 为只读。请让该文件及其目录可写，或用 --db 指定其他路径。"};
    case SQLITE_CORRUPT:
      return {"the database " + path +
                  " is damaged. Restore it from a backup, or delete it "
                  "to recreate it from the bundled directory.",
              "数据库 " + path + " 已损坏。请从备份恢复，或删除后由内置名录重新创建。"};
    case SQLITE_FULL:
      return {"the disk holding " + path + " is full. Free some space and try again.",
              "数据库 " + path + " 所在磁盘已满。请释放空间后重试。"};
    case SQLITE_CONSTRAINT:
      return {"the data violates a rule of the database " + path + "; nothing was changed.",
              "数据违反数据库 " + path + " 的约束；未做任何更改。"};
    default:
      return {"the database " + path + " failed.", "数据库 " + path + " 出错。"};
  }
}

}  // namespace

Error StoreError(const Connection& connection, int rc) {
  const std::string sqlite_message =
      connection.db != nullptr ? sqlite3_errmsg(connection.db) : sqlite3_errstr(rc);
  const Advice advice = AdviceFor(rc, connection.path);
  return Error::Store(advice.en + " (SQLite: " + sqlite_message + ")",
                      advice.zh + "（SQLite：" + sqlite_message + "）");
}

Status Exec(const Connection& connection, const char* sql) {
  const int rc = sqlite3_exec(connection.db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return StoreError(connection, rc);
  return {};
}

Result<Statement> Statement::Prepare(const Connection& connection, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int rc = sqlite3_prepare_v2(connection.db, sql.data(), static_cast<int>(sql.size()),
                                    &statement, nullptr);
  if (rc != SQLITE_OK) return StoreError(connection, rc);
  return Statement(connection, statement);
}

Statement::Statement(const Connection& connection, sqlite3_stmt* statement)
    : connection_(&connection), statement_(statement) {}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_), statement_(std::exchange(other.statement_, nullptr)) {}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::Bind(int index, std::string_view text) {
  // SQLite binds NULL for a null pointer, but an empty view is the text ''.
  const char* data = text.data() != nullptr ? text.data() : "";
  sqlite3_bind_text(statement_, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t number) {
  sqlite3_bind_int64(statement_, index, number);
  return *this;
}

Statement& Statement::BindOptional(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StoreError(*connection_, rc);
}

Status Statement::Run() {
  Result<bool> stepped = Step();
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  if (!stepped.ok()) return stepped.error();
  return {};
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::int64_t Statement::Integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

Result<Transaction> Transaction::Begin(const Connection& connection) {
  if (Status begun = Exec(connection, "BEGIN IMMEDIATE"); !begun.ok()) return begun.error();
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(other.connection_), open_(std::exchange(other.open_, false)) {}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(connection_->db, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Commit() {
  Status committed = Exec(*connection_, "COMMIT");
  if (committed.ok()) open_ = false;
  return committed;
}

}  // namespace ngodesk::store
