#include "ngodesk/store.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ngodesk/jurisdictions.h"

namespace ngodesk {
namespace {

namespace fs = std::filesystem;

Office Skeleton(std::string_view id) { return MakeOfficeSkeleton(*FindJurisdictionByOfficeId(id)); }

Office FullOffice() {
  Office office = Skeleton("jiangsu");
  office.addresses = {{{"No. 1 Yangzhou Road, Nanjing", "南京市扬州路1号"}, "page", ""},
                      {{"Second site", "第二处"}, "site", "from the provincial site"}};
  office.phones = {
      {"025-84420000*", "+862584420000", "025 8442 0000", "", false, "2017-04-23", "", "page"},
      {"84420001", "+862584420001", "025 8442 0001", "", true, "", "", "page"},
      {"unreadable", "", "", "", false, "", "", ""}};
  office.faxes = {{"025-84420009", "+862584420009", "025 8442 0009", "", false, "", "", "page"}};
  office.emails = {"ngo@example.org", "second@example.org"};
  office.websites = {"http://www.example.org/ngo"};
  office.hours.text = "周一至周五 9:00-17:00";
  office.hours.expression = "Mo-Fr 09:00-17:00";
  office.hours.assumed = true;
  office.hours.assumption = {"closed on public holidays", "法定节假日不办公"};
  office.hours.source_id = "page";
  office.sources = {{"page", "Office list", "2017-04-23", ""},
                    {"site", "Provincial site", "", "note"}};
  office.corrections = {{"addresses[0].en", "Yangzhuo", "Yangzhou", "misspelt road name"}};
  return office;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string QueryText(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    value = text ? reinterpret_cast<const char*>(text) : "";
  }
  sqlite3_finalize(statement);
  return value;
}

// A fresh directory under the system temporary directory, removed afterwards.
class StoreFileTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ngodesk-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path directory_;
};

TEST(Store, OpenMigratesInMemory) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(store->schema_version(), Store::LatestSchemaVersion());
  EXPECT_EQ(QueryText(store->handle(), "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(*store->CountOffices(), 0);
}

TEST(Store, FullOfficeRoundTrips) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  const Office office = FullOffice();
  ASSERT_TRUE(store->ReplaceOffices({office, Skeleton("mps")}).ok());

  Result<std::optional<Office>> found = store->FindOffice("jiangsu");
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, office);

  Result<std::optional<Office>> mps = store->FindOffice("mps");
  ASSERT_TRUE(mps.ok());
  EXPECT_EQ(**mps, Skeleton("mps"));
  EXPECT_EQ((*mps)->jurisdiction.code, "");
}

TEST(Store, UnknownIdIsNotAnError) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Result<std::optional<Office>> found = store->FindOffice("atlantis");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST(Store, ListIsSortedById) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(
      store->ReplaceOffices({Skeleton("zhejiang"), Skeleton("anhui"), Skeleton("mps")}).ok());

  Result<std::vector<Office>> offices = store->ListOffices();
  ASSERT_TRUE(offices.ok());
  ASSERT_EQ(offices->size(), 3u);
  EXPECT_EQ((*offices)[0].id, "anhui");
  EXPECT_EQ((*offices)[1].id, "mps");
  EXPECT_EQ((*offices)[2].id, "zhejiang");
}

TEST(Store, ReplaceRemovesOfficesNotListed) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->ReplaceOffices({FullOffice(), Skeleton("anhui")}).ok());
  ASSERT_TRUE(store->ReplaceOffices({Skeleton("anhui")}).ok());

  EXPECT_EQ(*store->CountOffices(), 1);
  EXPECT_EQ(QueryText(store->handle(), "SELECT count(*) FROM office_phone"), "0");
  EXPECT_EQ(QueryText(store->handle(), "SELECT count(*) FROM office_address"), "0");
}

TEST(Store, ReplaceIsIdempotent) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->ReplaceOffices({FullOffice()}).ok());
  ASSERT_TRUE(store->ReplaceOffices({FullOffice()}).ok());

  EXPECT_EQ(*store->CountOffices(), 1);
  EXPECT_EQ(QueryText(store->handle(), "SELECT count(*) FROM office_phone WHERE kind = 'phone'"),
            "3");
  EXPECT_EQ(**store->FindOffice("jiangsu"), FullOffice());
}

TEST(Store, ReplaceFailureChangesNothing) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->ReplaceOffices({FullOffice(), Skeleton("anhui")}).ok());

  // Inject a failure late in the transaction: the third office's first phone.
  ASSERT_EQ(
      sqlite3_exec(store->handle(),
                   "CREATE TEMP TRIGGER fail_zhejiang BEFORE INSERT ON office_phone "
                   "WHEN NEW.office_id = 'zhejiang' BEGIN SELECT RAISE(ABORT, 'injected'); END",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  Office zhejiang = Skeleton("zhejiang");
  zhejiang.phones = {{"0571-1", "", "", "", false, "", "", ""}};
  Office changed = FullOffice();
  changed.phones.clear();

  Status replaced = store->ReplaceOffices({Skeleton("beijing"), changed, zhejiang});
  ASSERT_FALSE(replaced.ok());
  EXPECT_EQ(replaced.error().code, ErrorCode::kStore);
  EXPECT_NE(replaced.error().message.find("injected"), std::string::npos)
      << replaced.error().message;

  Result<std::vector<Office>> offices = store->ListOffices();
  ASSERT_TRUE(offices.ok());
  ASSERT_EQ(offices->size(), 2u);
  EXPECT_EQ((*offices)[0], Skeleton("anhui"));
  EXPECT_EQ((*offices)[1], FullOffice());
}

TEST(Store, DuplicateSourceIdFailsWhole) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->ReplaceOffices({Skeleton("anhui")}).ok());
  Office bad = Skeleton("beijing");
  bad.sources = {{"page", "a", "", ""}, {"page", "b", "", ""}};

  Status replaced = store->ReplaceOffices({Skeleton("anhui"), Skeleton("mps"), bad});
  ASSERT_FALSE(replaced.ok());
  EXPECT_NE(replaced.error().message.find("nothing was changed"), std::string::npos);
  EXPECT_EQ(*store->CountOffices(), 1);
}

TEST(Store, PutOfficeUpdatesInPlace) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->ReplaceOffices({FullOffice(), Skeleton("anhui")}).ok());

  Office changed = FullOffice();
  changed.phones.resize(1);
  changed.hours.text.reset();
  ASSERT_TRUE(store->PutOffice(changed).ok());
  ASSERT_TRUE(store->PutOffice(Skeleton("mps")).ok());

  EXPECT_EQ(**store->FindOffice("jiangsu"), changed);
  EXPECT_EQ(*store->CountOffices(), 3);
}

TEST(Store, SeedsOnce) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());

  Result<bool> first = store->SeedFromBundledDirectory();
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(*first);
  EXPECT_EQ(*store->CountOffices(), 33);

  Result<bool> second = store->SeedFromBundledDirectory();
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(*second);
  EXPECT_EQ(*store->CountOffices(), 33);
  EXPECT_EQ(
      QueryText(store->handle(), "SELECT value FROM store_metadata WHERE key = 'directory_origin'"),
      "bundled");
}

TEST(Store, SeedKeepsExistingOffices) {
  Result<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->ReplaceOffices({FullOffice()}).ok());

  Result<bool> seeded = store->SeedFromBundledDirectory();
  ASSERT_TRUE(seeded.ok());
  EXPECT_FALSE(*seeded);
  EXPECT_EQ(**store->FindOffice("jiangsu"), FullOffice());
}

TEST(Store, BundledDirectoryHasAllOffices) {
  Result<std::vector<Office>> offices = BundledDirectory();
  ASSERT_TRUE(offices.ok()) << offices.error().message;
  ASSERT_EQ(offices->size(), Jurisdictions().size());
  for (const Office& office : *offices) {
    EXPECT_NE(FindJurisdictionByOfficeId(office.id), nullptr) << office.id;
  }
}

TEST_F(StoreFileTest, FileUsesWalAndCreatesParents) {
  const fs::path path = directory_ / "a" / "b" / "ngodesk.db";
  Result<Store> store = Store::Open(path.string());
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(QueryText(store->handle(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(store->path(), path.string());
}

TEST_F(StoreFileTest, ReopenKeepsDataAndVersion) {
  const std::string path = (directory_ / "ngodesk.db").string();
  {
    Result<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->ReplaceOffices({FullOffice()}).ok());
  }
  Result<Store> reopened = Store::Open(path);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_EQ(reopened->schema_version(), Store::LatestSchemaVersion());
  EXPECT_EQ(**reopened->FindOffice("jiangsu"), FullOffice());
}

TEST_F(StoreFileTest, DirectoryPathIsRejected) {
  Result<Store> store = Store::Open(directory_.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.find(directory_.string()), std::string::npos)
      << store.error().message;
  EXPECT_FALSE(store.error().message_zh.empty());
}

TEST_F(StoreFileTest, NonDatabaseFileIsRejectedUnchanged) {
  const fs::path path = directory_ / "notes.txt";
  const std::string content(2048, 'x');
  std::ofstream(path, std::ios::binary) << content;

  Result<Store> store = Store::Open(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.find("is not an ngodesk database"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(ReadBytes(path), content);
  EXPECT_FALSE(fs::exists(directory_ / "notes.txt-wal"));
}

TEST_F(StoreFileTest, NewerSchemaIsRejectedUnchanged) {
  const fs::path path = directory_ / "future.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "CREATE TABLE t (x); PRAGMA user_version = 99", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  const std::string before = ReadBytes(path);

  Result<Store> store = Store::Open(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("schema version 99, newer than this ngodesk supports (" +
                                       std::to_string(Store::LatestSchemaVersion()) + ")"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(ReadBytes(path), before);
}

TEST_F(StoreFileTest, ParentThatIsAFileIsRejected) {
  const fs::path blocker = directory_ / "file";
  std::ofstream(blocker) << "x";
  Result<Store> store = Store::Open((blocker / "ngodesk.db").string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStore);
  EXPECT_NE(store.error().message.find("cannot create the directory"), std::string::npos)
      << store.error().message;
}

TEST_F(StoreFileTest, LockedDatabaseIsReported) {
  const std::string path = (directory_ / "ngodesk.db").string();
  Result<Store> holder = Store::Open(path);
  Result<Store> waiter = Store::Open(path);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE(waiter.ok());
  ASSERT_EQ(sqlite3_exec(holder->handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_busy_timeout(waiter->handle(), 50);

  Status replaced = waiter->ReplaceOffices({Skeleton("anhui")});
  ASSERT_FALSE(replaced.ok());
  EXPECT_NE(replaced.error().message.find("is locked by another process"), std::string::npos)
      << replaced.error().message;
  sqlite3_exec(holder->handle(), "ROLLBACK", nullptr, nullptr, nullptr);

  EXPECT_TRUE(waiter->ReplaceOffices({Skeleton("anhui")}).ok());
}

TEST_F(StoreFileTest, TwoProcessesSeeingEmptyDatabaseSeedOnce) {
  const std::string path = (directory_ / "ngodesk.db").string();
  Result<Store> first = Store::Open(path);
  Result<Store> second = Store::Open(path);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());

  EXPECT_TRUE(*first->SeedFromBundledDirectory());
  EXPECT_FALSE(*second->SeedFromBundledDirectory());
  EXPECT_EQ(*second->CountOffices(), 33);
}

}  // namespace
}  // namespace ngodesk
