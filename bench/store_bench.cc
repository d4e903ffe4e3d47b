// Costs of the store and the exports on the bundled directory (33 offices):
// what a CLI command pays on top of process start.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "ngodesk/export.h"
#include "ngodesk/office_json.h"
#include "ngodesk/store.h"

namespace ngodesk {
namespace {

const std::vector<Office>& Directory() {
  static const std::vector<Office> offices = *BundledDirectory();
  return offices;
}

void BM_ParseBundledDirectory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(BundledDirectory());
}
BENCHMARK(BM_ParseBundledDirectory);

void BM_ReplaceOfficesInMemory(benchmark::State& state) {
  Result<Store> store = Store::Open(":memory:");
  for (auto _ : state) benchmark::DoNotOptimize(store->ReplaceOffices(Directory()).ok());
}
BENCHMARK(BM_ReplaceOfficesInMemory);

// A file database in the system temporary directory: each replace commits
// one transaction with a WAL sync.
void BM_ReplaceOfficesOnFile(benchmark::State& state) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("ngodesk-bench-" + std::to_string(getpid()) + ".db");
  {
    Result<Store> store = Store::Open(path.string());
    for (auto _ : state) benchmark::DoNotOptimize(store->ReplaceOffices(Directory()).ok());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}
BENCHMARK(BM_ReplaceOfficesOnFile)->Unit(benchmark::kMillisecond);

void BM_ListOffices(benchmark::State& state) {
  Result<Store> store = Store::Open(":memory:");
  (void)store->ReplaceOffices(Directory());
  for (auto _ : state) benchmark::DoNotOptimize(store->ListOffices());
}
BENCHMARK(BM_ListOffices);

void BM_ExportJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DirectoryToJson(Directory()));
}
BENCHMARK(BM_ExportJson);

void BM_ExportCsv(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DirectoryToCsv(Directory()));
}
BENCHMARK(BM_ExportCsv);

}  // namespace
}  // namespace ngodesk
