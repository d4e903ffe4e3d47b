#include "store/migrations.h"

#include <sqlite3.h>

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace ngodesk::store {
namespace {

// An in-memory connection closed at the end of the test.
class MigrationsTest : public testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sqlite3_open(":memory:", &connection_.db), SQLITE_OK); }
  void TearDown() override { sqlite3_close(connection_.db); }

  int Version() { return *ReadSchemaVersion(connection_); }

  bool TableExists(const std::string& name) {
    Result<Statement> query = Statement::Prepare(
        connection_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    query->Bind(1, name);
    return *query->Step();
  }

  Connection connection_{nullptr, ":memory:"};
};

TEST_F(MigrationsTest, VersionsAreConsecutive) {
  int expected = 1;
  for (const Migration& migration : Migrations()) {
    EXPECT_EQ(migration.version, expected++) << migration.description;
  }
  EXPECT_EQ(LatestSchemaVersion(), expected - 1);
}

TEST_F(MigrationsTest, RealMigrationsCreateTables) {
  ASSERT_TRUE(Migrate(connection_).ok());
  EXPECT_EQ(Version(), LatestSchemaVersion());
  for (const char* table :
       {"office", "office_source", "office_address", "office_phone", "office_email",
        "office_website", "office_correction", "store_metadata"}) {
    EXPECT_TRUE(TableExists(table)) << table;
  }
}

TEST_F(MigrationsTest, SecondRunChangesNothing) {
  ASSERT_TRUE(Migrate(connection_).ok());
  ASSERT_TRUE(Migrate(connection_).ok());
  EXPECT_EQ(Version(), LatestSchemaVersion());
}

TEST_F(MigrationsTest, FailedMigrationKeepsEarlierOnes) {
  const std::array<Migration, 3> migrations = {{
      {1, "first", "CREATE TABLE a (x INTEGER) STRICT"},
      {2, "second", "CREATE TABLE b (x INTEGER) STRICT; INSERT INTO missing VALUES (1)"},
      {3, "third", "CREATE TABLE c (x INTEGER) STRICT"},
  }};

  Status migrated = Migrate(connection_, migrations);
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.error().code, ErrorCode::kStore);
  EXPECT_NE(migrated.error().message.find("no such table: missing"), std::string::npos)
      << migrated.error().message;
  EXPECT_EQ(Version(), 1);
  EXPECT_TRUE(TableExists("a"));
  EXPECT_FALSE(TableExists("b")) << "the failed migration must roll back whole";
  EXPECT_FALSE(TableExists("c"));
}

TEST_F(MigrationsTest, UpgradeResumesAtNextVersion) {
  const std::array<Migration, 1> old_list = {{{1, "first", "CREATE TABLE a (x INTEGER) STRICT"}}};
  const std::array<Migration, 2> new_list = {{
      {1, "first", "CREATE TABLE a (x INTEGER) STRICT"},
      {2, "second", "CREATE TABLE b (x INTEGER) STRICT"},
  }};

  ASSERT_TRUE(Migrate(connection_, old_list).ok());
  ASSERT_TRUE(Migrate(connection_, new_list).ok()) << "migration 1 must not run twice";
  EXPECT_EQ(Version(), 2);
  EXPECT_TRUE(TableExists("b"));
}

TEST_F(MigrationsTest, NewerDatabaseIsRejected) {
  ASSERT_EQ(sqlite3_exec(connection_.db, "PRAGMA user_version = 7", nullptr, nullptr, nullptr),
            SQLITE_OK);
  Status migrated = Migrate(connection_);
  ASSERT_FALSE(migrated.ok());
  EXPECT_NE(migrated.error().message.find("schema version 7"), std::string::npos);
  EXPECT_EQ(Version(), 7);
}

}  // namespace
}  // namespace ngodesk::store
