// Access to data files linked into the binary by the CMake function
// ngodesk_embed, so that the installed binary needs no data directory.
#pragma once

#include <string_view>

// Declares the two symbols that ngodesk_embed defines for SYMBOL.
#define NGODESK_DECLARE_EMBEDDED(symbol) \
  extern "C" const char symbol[];        \
  extern "C" const char symbol##_end[];

// The bytes of an embedded file as a string_view.
#define NGODESK_EMBEDDED_VIEW(symbol) \
  std::string_view(symbol, static_cast<std::size_t>(symbol##_end - symbol))
