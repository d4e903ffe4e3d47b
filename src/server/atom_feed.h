// The Atom 1.0 feed (RFC 4287) of accepted changes at /feed.atom, so that
// NGOs can subscribe to corrections of the offices they deal with.
#pragma once

#include <span>
#include <string>

#include "ngodesk/moderation.h"
#include "ngodesk/office.h"

namespace ngodesk::server {

// Renders the feed of `changes` (newest first), one entry per change. Each
// entry is titled with the office's jurisdiction in both languages and the
// field ("Jiangsu Province / 江苏省: phones changed"), links to
// /offices/{id} and carries the old and new values and the evidence as text.
// Reader text goes through EscapeReaderText, so it cannot add markup or hide
// characters. Links are relative to the feed's own URL, because the server
// does not know the name it is reached by. `offices` supplies the names; a
// change of an unknown office is titled with its id.
std::string RenderAtomFeed(std::span<const Change> changes, std::span<const Office> offices);

}  // namespace ngodesk::server
