// Shared helpers of the moderation module's files: the store connection, the
// durable write transaction and the row readers.
#pragma once

#include <string>

#include "ngodesk/moderation.h"
#include "store/sqlite.h"

namespace ngodesk::moderation {

inline store::Connection ConnectionOf(const Store& store) {
  return {store.handle(), store.path()};
}

// BEGIN IMMEDIATE after switching the connection to synchronous=FULL, so that
// a committed report, change or call survives a power cut, not only a crash
// of the process. (WAL mode with synchronous=NORMAL may lose the latest
// commits when the machine stops.)
Result<store::Transaction> BeginDurable(const store::Connection& connection);

Error UnknownOffice(std::string_view office_id);

// Rebuilds the call state of the numbers of `office_id` (all offices when
// empty) from the call log. Calls are ordered by date, then by row id, so a
// failure recorded after a success on the same day marks the number possibly
// out of date.
Status RefreshCallState(const store::Connection& connection, std::string_view office_id);

}  // namespace ngodesk::moderation
