// Costs of the moderation library on a database seeded from the bundled
// directory: a durable report (one synchronous=FULL commit), an acceptance
// and the list of numbers due for a call.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>

#include "ngodesk/moderation.h"
#include "ngodesk/store.h"

namespace ngodesk {
namespace {

using namespace std::chrono_literals;

const std::chrono::sys_seconds kNow = std::chrono::sys_days{std::chrono::year{2026} / 12 / 4} + 8h;

// A seeded database file in the system temporary directory, removed at the end.
class BenchDatabase {
 public:
  BenchDatabase()
      : path_((std::filesystem::temp_directory_path() /
               ("ngodesk-moderation-bench-" + std::to_string(getpid()) + ".db"))
                  .string()),
        store_(Store::Open(path_).value()) {
    (void)store_.SeedFromBundledDirectory();
  }
  ~BenchDatabase() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  Store& store() { return store_; }

 private:
  std::string path_;
  Store store_;
};

const NewReport kReport{"mps", ReportField::kOther, "", "The office moved to the second floor.",
                        "Seen at the entrance on 2026-12-01.", "reader@example.org"};

void BM_SubmitReportOnFile(benchmark::State& state) {
  BenchDatabase database;
  Moderation moderation(database.store());
  for (auto _ : state) benchmark::DoNotOptimize(moderation.SubmitReport(kReport, kNow).ok());
}
BENCHMARK(BM_SubmitReportOnFile)->Unit(benchmark::kMillisecond);

void BM_SubmitAndAcceptInMemory(benchmark::State& state) {
  Store store = Store::Open(":memory:").value();
  (void)store.SeedFromBundledDirectory();
  Moderation moderation(store);
  const NewReport phone{"jiangsu", ReportField::kPhones, "", "", "", ""};
  int number = 0;
  for (auto _ : state) {
    NewReport report = phone;
    report.proposed = "025-8" + std::to_string(1000000 + number++);
    const Result<std::int64_t> id = moderation.SubmitReport(report, kNow);
    benchmark::DoNotOptimize(moderation.Accept(*id, "bench", kNow).ok());
  }
}
BENCHMARK(BM_SubmitAndAcceptInMemory)->Unit(benchmark::kMicrosecond)->Iterations(500);

void BM_CallsDue(benchmark::State& state) {
  Store store = Store::Open(":memory:").value();
  (void)store.SeedFromBundledDirectory();
  Moderation moderation(store);
  const auto today = std::chrono::floor<std::chrono::days>(kNow);
  for (auto _ : state) benchmark::DoNotOptimize(moderation.CallsDue(std::chrono::days(180), today));
}
BENCHMARK(BM_CallsDue)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ngodesk
