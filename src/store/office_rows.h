// Mapping between an Office and its rows in the office tables of migration 1.
// Callers hold the transaction; these functions only read and write rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "ngodesk/result.h"
#include "store/sqlite.h"

namespace ngodesk::store {

// Inserts the office or updates it in place (so rows of later tables that
// refer to its id stay valid), replacing all of its child rows.
Status WriteOffice(const Connection& connection, const Office& office);

// Deletes every office whose id is not in `keep`, with its child rows.
Status DeleteOfficesExcept(const Connection& connection, const std::vector<std::string>& keep);

Result<std::optional<Office>> ReadOffice(const Connection& connection, std::string_view id);

// All office ids, sorted.
Result<std::vector<std::string>> ReadOfficeIds(const Connection& connection);

}  // namespace ngodesk::store
