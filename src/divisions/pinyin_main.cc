// ngodesk-pinyin: writes Pinyin() of each line of standard input as one line
// of standard output. tools/gen-divisions.mjs uses it so that the pinyin in
// data/divisions.tsv is exactly what the library computes.
#include <iostream>
#include <string>

#include "ngodesk/gazetteer.h"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << ngodesk::Pinyin(line) << '\n';
  return std::cout ? 0 : 1;
}
