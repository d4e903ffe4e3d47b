// Writes the inputs of the side-by-side comparison: the benchmark's full
// Chinese addresses, one a line, to standard output.
#include <iostream>

#include "resolver_bench_inputs.h"

int main() {
  for (const std::string& address : ngodesk::bench::AddressQueries()) std::cout << address << '\n';
  return 0;
}
