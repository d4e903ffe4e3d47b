// Tokens and their hashes. Editor tokens, session ids and CSRF tokens are 32
// random bytes from OpenSSL's RAND_bytes, written as 64 lowercase hex digits.
// The store keeps only their SHA-256 hashes, also in hex.
#pragma once

#include <string>
#include <string_view>

#include "ngodesk/result.h"

namespace ngodesk::moderation {

inline constexpr std::size_t kTokenBytes = 32;

// A new random token, or Internal when the random generator fails.
Result<std::string> RandomToken();

// SHA-256 of `text`, in lowercase hex.
std::string Sha256Hex(std::string_view text);

}  // namespace ngodesk::moderation
