// Side-by-side helper for bench/resolver-vs-address-parse.sh.
//   resolver_throughput FILE          resolves every line of FILE repeatedly
//                                     for at least one second of CPU time and
//                                     prints lines per second on one thread
//   resolver_throughput --json FILE   prints the JSON resolution of each line
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "ngodesk/resolver.h"

namespace {

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::vector<std::string> ReadLines(const char* path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  const bool json = argc == 3 && std::string(argv[1]) == "--json";
  if (argc != 2 && !json) {
    std::cerr << "usage: resolver_throughput [--json] FILE\n";
    return 2;
  }
  const std::vector<std::string> lines = ReadLines(argv[argc - 1]);
  if (lines.empty()) {
    std::cerr << "resolver_throughput: no lines in " << argv[argc - 1] << '\n';
    return 2;
  }
  const ngodesk::Resolver& resolver = ngodesk::Resolver::Bundled();
  if (json) {
    for (const std::string& line : lines) {
      const auto resolution = resolver.Resolve(line);
      std::cout << (resolution.ok() ? ngodesk::ResolutionToJson(line, ngodesk::Procedure::kOffice, *resolution)
                                    : ngodesk::ResolutionErrorToJson(line, resolution.error()))
                << '\n';
    }
    return 0;
  }

  std::size_t resolved = 0;
  std::size_t found = 0;
  const double start = CpuSeconds();
  while (CpuSeconds() - start < 1.0) {
    for (const std::string& line : lines) {
      const auto resolution = resolver.Resolve(line);
      found += resolution.ok() && resolution->found ? 1 : 0;
      ++resolved;
    }
  }
  const double seconds = CpuSeconds() - start;
  std::cout << "{\"lines\": " << lines.size() << ", \"resolved\": " << resolved
            << ", \"per_second\": " << static_cast<long>(static_cast<double>(resolved) / seconds)
            << ", \"found_share\": " << static_cast<double>(found) / static_cast<double>(resolved) << "}\n";
  return 0;
}
