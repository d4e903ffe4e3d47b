#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "moderation_fixture.h"

namespace ngodesk::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

NewReport Note(const std::string& text) { return {"mps", ReportField::kOther, "", text, "", ""}; }

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ngodesk-backup-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override { fs::remove_all(directory_); }

  std::string PathOf(const std::string& name) const { return (directory_ / name).string(); }

  static std::size_t CountReports(const std::string& path) {
    Result<Store> store = Store::Open(path);
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store.ok()) return 0;
    return Moderation(*store).ListReports(std::nullopt)->size();
  }

  fs::path directory_;
};

TEST_F(BackupTest, BackupIsConsistentWhileAnotherConnectionWrites) {
  const std::string db = PathOf("ngodesk.db");
  Store store = OpenSeededStore(db);
  Moderation moderation(store);
  ASSERT_TRUE(moderation.SubmitReport(Note("before"), kNow).ok());

  std::atomic<bool> stop = false;
  std::atomic<bool> done = false;
  std::atomic<int> written = 0;
  std::thread writer([&] {
    Result<Store> other = Store::Open(db);
    if (other.ok()) {
      Moderation other_moderation(*other);
      while (!stop && written < 500) {
        if (other_moderation.SubmitReport(Note("during"), kNow).ok()) ++written;
      }
    }
    done = true;
  });
  while (written < 5 && !done) std::this_thread::yield();
  const Status backed_up = BackupStore(store, PathOf("backup.db"));
  stop = true;
  writer.join();

  ASSERT_TRUE(backed_up.ok()) << backed_up.error().message;
  Result<Store> copy = Store::Open(PathOf("backup.db"));
  ASSERT_TRUE(copy.ok()) << copy.error().message;
  EXPECT_EQ(*copy->CountOffices(), 33);
  const std::size_t copied = Moderation(*copy).ListReports(std::nullopt)->size();
  EXPECT_GE(copied, 6u);
  EXPECT_LE(copied, static_cast<std::size_t>(written) + 1);
  EXPECT_EQ(QueryText(*copy, "PRAGMA integrity_check"), "ok");
  for (const auto& entry : fs::directory_iterator(directory_)) {
    EXPECT_EQ(entry.path().filename().string().find("partial"), std::string::npos)
        << entry.path();
  }
}

TEST_F(BackupTest, BackupRejectsAnExistingFile) {
  Store store = OpenSeededStore(PathOf("ngodesk.db"));
  std::ofstream(PathOf("taken.db")) << "keep me";

  const Status backed_up = BackupStore(store, PathOf("taken.db"));
  ASSERT_FALSE(backed_up.ok());
  EXPECT_NE(backed_up.error().message.find("exists already"), std::string::npos);
  EXPECT_EQ(ReadBytes(PathOf("taken.db")), "keep me");
}

TEST_F(BackupTest, RestoreBringsBackTheBackup) {
  const std::string db = PathOf("ngodesk.db");
  {
    Store store = OpenSeededStore(db);
    Moderation moderation(store);
    ASSERT_TRUE(moderation.SubmitReport(Note("kept"), kNow).ok());
    ASSERT_TRUE(BackupStore(store, PathOf("backup.db")).ok());
    ASSERT_TRUE(moderation.SubmitReport(Note("lost"), kNow).ok());
  }
  ASSERT_EQ(CountReports(db), 2u);

  const Status restored = RestoreStore(PathOf("backup.db"), db);
  ASSERT_TRUE(restored.ok()) << restored.error().message;

  EXPECT_EQ(CountReports(db), 1u);
  for (const auto& entry : fs::directory_iterator(directory_)) {
    EXPECT_EQ(entry.path().filename().string().find("restore"), std::string::npos)
        << entry.path();
  }
}

TEST_F(BackupTest, RestoreWhileServerRunsChangesNothing) {
  const std::string db = PathOf("ngodesk.db");
  {
    Store store = OpenSeededStore(db);
    ASSERT_TRUE(BackupStore(store, PathOf("backup.db")).ok());
    ASSERT_TRUE(Moderation(store).SubmitReport(Note("acknowledged"), kNow).ok());
  }
  Result<DatabaseUseLock> server = DatabaseUseLock::Acquire(db, DatabaseUseLock::Mode::kShared);
  ASSERT_TRUE(server.ok());
  const std::string before = ReadBytes(db);

  const Status restored = RestoreStore(PathOf("backup.db"), db);

  ASSERT_FALSE(restored.ok());
  EXPECT_NE(restored.error().message.find("running `ngodesk serve`"), std::string::npos)
      << restored.error().message;
  EXPECT_EQ(ReadBytes(db), before);
  EXPECT_EQ(CountReports(db), 1u);
}

TEST_F(BackupTest, RestoreOfABadFileChangesNothing) {
  const std::string db = PathOf("ngodesk.db");
  {
    Store store = OpenSeededStore(db);
    ASSERT_TRUE(Moderation(store).SubmitReport(Note("kept"), kNow).ok());
  }
  std::ofstream(PathOf("notes.txt")) << "not a database at all, but long enough to look like one";
  {
    Result<Store> future = Store::Open(PathOf("future.db"));
    ASSERT_TRUE(future.ok());
    ASSERT_EQ(sqlite3_exec(future->handle(), "PRAGMA user_version = 99", nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  {
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(PathOf("other.db").c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "CREATE TABLE t (x); PRAGMA user_version = 1", nullptr, nullptr,
                           nullptr),
              SQLITE_OK);
    sqlite3_close(other);
  }
  const std::string before = ReadBytes(db);

  for (const char* bad : {"notes.txt", "future.db", "other.db", "missing.db"}) {
    const Status restored = RestoreStore(PathOf(bad), db);
    ASSERT_FALSE(restored.ok()) << bad;
    EXPECT_NE(restored.error().message.find("left unchanged"), std::string::npos)
        << restored.error().message;
    EXPECT_FALSE(restored.error().message_zh.empty());
  }
  EXPECT_EQ(ReadBytes(db), before);
  EXPECT_EQ(CountReports(db), 1u);
}

}  // namespace
}  // namespace ngodesk::testing
