// A seeded in-memory store, a Moderation on it and a fixed "now" for the
// moderation tests.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "ngodesk/moderation.h"
#include "ngodesk/store.h"

namespace ngodesk::testing {

using namespace std::chrono_literals;

// 2026-12-04 08:30:00 UTC, 16:30 in China.
inline const std::chrono::sys_seconds kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 12 / 4} + 8h + 30min;

inline Store OpenSeededStore(const std::string& path = ":memory:") {
  Result<Store> store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().message;
  Result<bool> seeded = store->SeedFromBundledDirectory();
  EXPECT_TRUE(seeded.ok()) << seeded.error().message;
  return std::move(*store);
}

// The first column of the first row of `sql`, as text ("" when none).
inline std::string QueryText(const Store& store, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(store.handle(), sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    value = text ? reinterpret_cast<const char*>(text) : "";
  }
  sqlite3_finalize(statement);
  return value;
}

class ModerationTest : public ::testing::Test {
 protected:
  Office FindOffice(const std::string& id) {
    Result<std::optional<Office>> office = store_.FindOffice(id);
    EXPECT_TRUE(office.ok()) << id;
    if (!office.ok()) return Office{};
    EXPECT_TRUE(office->has_value()) << id;
    return *office ? **office : Office{};
  }

  std::int64_t Submit(const NewReport& report) {
    Result<std::int64_t> id = moderation_.SubmitReport(report, kNow);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  Change SubmitAndAccept(const NewReport& report) {
    const std::int64_t id = Submit(report);
    Result<Change> change = moderation_.Accept(id, "li", kNow + 1h);
    EXPECT_TRUE(change.ok()) << change.error().message;
    return change.ok() ? *change : Change{};
  }

  Store store_ = OpenSeededStore();
  Moderation moderation_{store_};
};

}  // namespace ngodesk::testing
