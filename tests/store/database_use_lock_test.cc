// The advisory lock that keeps `ngodesk restore` from replacing a database
// that a running server uses. flock(2) locks belong to each open of the lock
// file, so two locks taken in one process conflict as two processes' would.
#include <stdlib.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "ngodesk/store.h"

namespace ngodesk {
namespace {

namespace fs = std::filesystem;

using Mode = DatabaseUseLock::Mode;

class DatabaseUseLockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ngodesk-lock-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    db_ = (directory_ / "ngodesk.db").string();
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path directory_;
  std::string db_;
};

TEST_F(DatabaseUseLockTest, ServersShareTheDatabase) {
  Result<DatabaseUseLock> first = DatabaseUseLock::Acquire(db_, Mode::kShared);
  Result<DatabaseUseLock> second = DatabaseUseLock::Acquire(db_, Mode::kShared);
  EXPECT_TRUE(first.ok());
  EXPECT_TRUE(second.ok());
  EXPECT_TRUE(fs::exists(db_ + ".lock"));
}

TEST_F(DatabaseUseLockTest, RunningServerBlocksRestore) {
  Result<DatabaseUseLock> server = DatabaseUseLock::Acquire(db_, Mode::kShared);
  ASSERT_TRUE(server.ok());

  Result<DatabaseUseLock> restore = DatabaseUseLock::Acquire(db_, Mode::kExclusive);
  ASSERT_FALSE(restore.ok());
  EXPECT_EQ(restore.error().code, ErrorCode::kStore);
  EXPECT_NE(restore.error().message.find("in use by a running `ngodesk serve`"), std::string::npos)
      << restore.error().message;
  EXPECT_NE(restore.error().message_zh.find("请先停止服务器"), std::string::npos);
}

TEST_F(DatabaseUseLockTest, RestoreBlocksServerStart) {
  Result<DatabaseUseLock> restore = DatabaseUseLock::Acquire(db_, Mode::kExclusive);
  ASSERT_TRUE(restore.ok());

  Result<DatabaseUseLock> server = DatabaseUseLock::Acquire(db_, Mode::kShared);
  ASSERT_FALSE(server.ok());
  EXPECT_NE(server.error().message.find("is being restored"), std::string::npos)
      << server.error().message;
}

TEST_F(DatabaseUseLockTest, StoppedServerReleasesTheLock) {
  {
    Result<DatabaseUseLock> server = DatabaseUseLock::Acquire(db_, Mode::kShared);
    ASSERT_TRUE(server.ok());
  }
  EXPECT_TRUE(DatabaseUseLock::Acquire(db_, Mode::kExclusive).ok());
}

TEST_F(DatabaseUseLockTest, MovedLockStaysHeld) {
  Result<DatabaseUseLock> server = DatabaseUseLock::Acquire(db_, Mode::kShared);
  ASSERT_TRUE(server.ok());
  DatabaseUseLock moved = std::move(server).value();

  EXPECT_FALSE(DatabaseUseLock::Acquire(db_, Mode::kExclusive).ok());
}

TEST_F(DatabaseUseLockTest, MissingDirectoryIsCreated) {
  const std::string nested = (directory_ / "data" / "ngodesk.db").string();
  EXPECT_TRUE(DatabaseUseLock::Acquire(nested, Mode::kShared).ok());
  EXPECT_TRUE(fs::exists(nested + ".lock"));
}

TEST_F(DatabaseUseLockTest, MemoryDatabaseNeedsNoLock) {
  Result<DatabaseUseLock> first = DatabaseUseLock::Acquire(":memory:", Mode::kExclusive);
  Result<DatabaseUseLock> second = DatabaseUseLock::Acquire(":memory:", Mode::kExclusive);
  EXPECT_TRUE(first.ok());
  EXPECT_TRUE(second.ok());
  EXPECT_FALSE(fs::exists(":memory:.lock"));
}

}  // namespace
}  // namespace ngodesk
