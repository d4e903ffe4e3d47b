// Throughput of Resolver::Resolve on one core, index build time and index
// memory. Inputs: every division's official and short name, and a full
// address for every county-level division (resolver_bench_inputs.h).
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <benchmark/benchmark.h>

#include "ngodesk/resolver.h"
#include "resolver_bench_inputs.h"

namespace {

long ResidentKilobytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// Resident memory added by the bundled gazetteer and resolver index
// (reported once, as a counter, in megabytes). Registered first so that it
// measures the first build.
void BM_IndexMemory(benchmark::State& state) {
  static const double megabytes = [] {
    const long before = ResidentKilobytes();
    ngodesk::Resolver::Bundled().Resolve("苏州").ok();
    return static_cast<double>(ResidentKilobytes() - before) / 1024.0;
  }();
  for (auto _ : state) benchmark::DoNotOptimize(megabytes);
  state.counters["index_rss_mb"] = megabytes;
}
BENCHMARK(BM_IndexMemory)->Iterations(1);

void ResolveEach(benchmark::State& state, const std::vector<std::string>& queries) {
  const ngodesk::Resolver& resolver = ngodesk::Resolver::Bundled();
  std::size_t i = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    const auto resolution = resolver.Resolve(queries[i]);
    found += resolution.ok() && resolution->found ? 1 : 0;
    benchmark::DoNotOptimize(resolution);
    i = i + 1 == queries.size() ? 0 : i + 1;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["found_share"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_NameLookup(benchmark::State& state) {
  static const std::vector<std::string> names = ngodesk::bench::NameQueries();
  ResolveEach(state, names);
}
BENCHMARK(BM_NameLookup);

void BM_PinyinNameLookup(benchmark::State& state) {
  static const std::vector<std::string> names = {"Suzhou", "Xi'an", "Inner Mongolia", "nei menggu", "Hohhot",
                                                 "Guangzhou", "Urumqi", "Chengdu", "Shaanxi", "Harbin"};
  ResolveEach(state, names);
}
BENCHMARK(BM_PinyinNameLookup);

void BM_ChineseAddress(benchmark::State& state) {
  static const std::vector<std::string> addresses = ngodesk::bench::AddressQueries();
  ResolveEach(state, addresses);
}
BENCHMARK(BM_ChineseAddress);

void BM_TraditionalAddress(benchmark::State& state) {
  static const std::vector<std::string> addresses = {"廣東省東莞市虎門鎮運河北路行運茶餐廳", "臺北市信義區",
                                                     "遼寧省瀋陽市皇姑區崇山東路19號"};
  ResolveEach(state, addresses);
}
BENCHMARK(BM_TraditionalAddress);

void BM_EnglishAddress(benchmark::State& state) {
  static const std::vector<std::string> addresses = {
      "100 Renmin Road, Gusu District, Suzhou, Jiangsu", "BAOSHAN DISTRICT 201900 SHANGHAI P.R. CHINA",
      "Harbin city, Daoli district, 6 Jingwei Toudao Road", "Xi'an city, Weiyang district"};
  ResolveEach(state, addresses);
}
BENCHMARK(BM_EnglishAddress);

// Building the index over the already parsed bundled gazetteer.
void BM_IndexBuild(benchmark::State& state) {
  const ngodesk::Gazetteer& gazetteer = ngodesk::Gazetteer::Bundled();
  ngodesk::Resolver::Bundled();  // loads the shared OpenCC table once, as at start-up
  for (auto _ : state) {
    ngodesk::Resolver resolver(gazetteer);
    benchmark::DoNotOptimize(&resolver);
  }
}
BENCHMARK(BM_IndexBuild)->Unit(benchmark::kMillisecond);

// Parsing the embedded data file and building the index, as at start-up.
void BM_StartUp(benchmark::State& state) {
  for (auto _ : state) {
    // Parse a copy of the embedded data as Bundled() does.
    static const std::string text = [] {
      std::string copy;
      for (const ngodesk::Division& division : ngodesk::Gazetteer::Bundled().divisions()) {
        copy += division.code + "\t" + std::string(ngodesk::DivisionLevelName(division.level)) + "\t" +
                division.parent_code + "\t" + division.name_zh + "\t" + division.short_zh + "\t" + division.pinyin +
                "\t" + division.name_en + "\n";
      }
      return copy;
    }();
    auto gazetteer = ngodesk::Gazetteer::Parse(text);
    ngodesk::Resolver resolver(*gazetteer);
    benchmark::DoNotOptimize(&resolver);
  }
}
BENCHMARK(BM_StartUp)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
