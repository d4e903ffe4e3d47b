// The state of each phone number derived from the verification calls in the
// phone_call table of migration 2. A number's confirmed_on and
// last_failed_call_on columns are a cache of its calls, rebuilt here whenever
// calls or numbers are written. Callers hold the transaction.
#pragma once

#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "ngodesk/result.h"
#include "store/sqlite.h"

namespace ngodesk::store {

// The caller name of the calls that the published page records.
inline constexpr std::string_view kPageCaller = "page";

// Records, for every number of `offices` with a confirmed_on date, the call
// that date stands for: outcome reached, caller "page", source the number's
// source. A call already recorded is not recorded twice.
Status RecordDirectoryCalls(const Connection& connection, const std::vector<Office>& offices);

// Rebuilds confirmed_on (the latest reached call) and last_failed_call_on
// (the latest failed call after it) of the numbers of one office, or of all
// offices when `office_id` is empty. A number without calls gets NULL in both.
Status RefreshCallState(const Connection& connection, std::string_view office_id);

}  // namespace ngodesk::store
