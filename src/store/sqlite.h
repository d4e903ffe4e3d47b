// A thin layer over the SQLite C API for the store: prepared statements that
// finalize themselves, transactions that roll back unless committed, and
// errors that name the database file, SQLite's message and what to do.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "ngodesk/result.h"

namespace ngodesk::store {

// An open database handle with the path it was opened from, for messages.
struct Connection {
  sqlite3* db = nullptr;
  std::string path;
};

// Builds an Error::Store for SQLite result code `rc` on `connection`: what
// failed, SQLite's own message in brackets, and the next step for the user.
Error StoreError(const Connection& connection, int rc);

// Runs one or more SQL statements that return no rows.
Status Exec(const Connection& connection, const char* sql);

// A prepared statement. Bind parameters are 1-based, as in SQLite. Text
// bound with BindOptional is NULL when empty, matching the JSON form, where
// an unknown value is null.
class Statement {
 public:
  static Result<Statement> Prepare(const Connection& connection, std::string_view sql);

  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, std::int64_t number);
  Statement& BindOptional(int index, std::string_view text);
  Statement& BindNull(int index);

  // Advances to the next row: true when a row is ready, false when done.
  Result<bool> Step();

  // Runs a statement that returns no rows and resets it for new bindings.
  Status Run();

  // Column values of the current row; a NULL text column reads as "".
  std::string Text(int column) const;
  std::int64_t Integer(int column) const;
  bool IsNull(int column) const;

 private:
  Statement(const Connection& connection, sqlite3_stmt* statement);

  const Connection* connection_;
  sqlite3_stmt* statement_;
};

// BEGIN IMMEDIATE ... COMMIT. IMMEDIATE takes the write lock at the start, so
// a read-then-write transaction (seeding an empty database) cannot lose a
// race with another process. The destructor rolls back unless Commit ran.
class Transaction {
 public:
  static Result<Transaction> Begin(const Connection& connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(const Connection& connection) : connection_(&connection) {}

  const Connection* connection_;
  bool open_ = true;
};

}  // namespace ngodesk::store
