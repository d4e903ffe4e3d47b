// Speed of the hours evaluator. Targets: one office's state at one instant
// (with its next change) in at most 1 µs, and the week view of all 33
// offices in at most 1 ms.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "ngodesk/calendar.h"
#include "ngodesk/hours_text.h"
#include "ngodesk/opening_hours.h"

namespace {

using ngodesk::OpeningHours;

// The hours texts that the directory's offices publish; the 33 offices reuse them in turn.
const std::vector<std::string> kTexts = {
    "08:30-17:00",
    "09:00-11:30, 14:00-17:00",
    "08:30-12:00, 14:30-18:00",
    "09:00-12:00, 13:30-16:30",
    "08:30-11:30, 13:00-16:00",
    "09:30-18:00",
    "Mon-Thurs 09:00-17:00, Fri 09:00-16:00",
    "09:00-11:30, 14:00-17:00 (Summer Hours: 9:00-11:30, 14:30-17:00)",
};
constexpr int kOffices = 33;

OpeningHours ParseText(const std::string& text) {
  return OpeningHours::Parse(ngodesk::DeriveHours(text).expression).value();
}

// Random instants over 2026 in whole minutes, fixed seed.
std::vector<std::chrono::sys_seconds> RandomInstants(std::size_t count) {
  std::mt19937 random(20260217);
  const auto start = ngodesk::ParseInstant("2026-01-01T00:00+08:00").value();
  std::uniform_int_distribution<int> minutes(0, 365 * 24 * 60 - 1);
  std::vector<std::chrono::sys_seconds> instants;
  for (std::size_t i = 0; i < count; ++i)
    instants.push_back(start + std::chrono::minutes{minutes(random)});
  return instants;
}

void StateAtRandomInstant(benchmark::State& state, const std::string& text) {
  const OpeningHours hours = ParseText(text);
  const auto instants = RandomInstants(4096);
  ngodesk::HolidayCalendar::Bundled();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ngodesk::EvaluateAt(hours, instants[i++ & 4095]));
  }
}
BENCHMARK_CAPTURE(StateAtRandomInstant, standard, kTexts[0]);
BENCHMARK_CAPTURE(StateAtRandomInstant, lunch_break, kTexts[1]);
BENCHMARK_CAPTURE(StateAtRandomInstant, tianjin, kTexts[6]);
BENCHMARK_CAPTURE(StateAtRandomInstant, hebei_summer, kTexts[7]);

// The slowest common case: the next change lies after nine days of Spring Festival.
void StateDuringSpringFestival(benchmark::State& state) {
  const OpeningHours hours = ParseText(kTexts[7]);
  const auto instant = ngodesk::ParseInstant("2026-02-15T10:00+08:00").value();
  for (auto _ : state) benchmark::DoNotOptimize(ngodesk::EvaluateAt(hours, instant));
}
BENCHMARK(StateDuringSpringFestival);

// A year the calendar does not cover: each weekday is evaluated twice.
void StateInUncoveredYear(benchmark::State& state) {
  const OpeningHours hours = ParseText(kTexts[7]);
  const auto instant = ngodesk::ParseInstant("2027-10-01T10:00+08:00").value();
  for (auto _ : state) benchmark::DoNotOptimize(ngodesk::EvaluateAt(hours, instant));
}
BENCHMARK(StateInUncoveredYear);

void DirectoryWeek(benchmark::State& state) {
  std::vector<OpeningHours> offices;
  for (int i = 0; i < kOffices; ++i) offices.push_back(ParseText(kTexts[i % kTexts.size()]));
  const std::chrono::sys_days monday{std::chrono::year{2026} / 2 / 9};
  for (auto _ : state) {
    for (const OpeningHours& hours : offices) {
      for (int day = 0; day < 7; ++day) {
        benchmark::DoNotOptimize(ngodesk::EvaluateDay(
            hours, std::chrono::year_month_day{monday + std::chrono::days{day}}));
      }
    }
  }
}
BENCHMARK(DirectoryWeek)->Unit(benchmark::kMicrosecond);

void ParseExpression(benchmark::State& state) {
  const std::string expression = ngodesk::DeriveHours(kTexts[7]).expression;
  for (auto _ : state) benchmark::DoNotOptimize(OpeningHours::Parse(expression));
}
BENCHMARK(ParseExpression);

}  // namespace

BENCHMARK_MAIN();
