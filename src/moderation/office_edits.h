// The rules that relate a report's `current` and `proposed` values to an
// office record: which published value a report is about, whether the new
// value suits its field, and the edit that accepting the report makes.
#pragma once

#include <string>

#include "ngodesk/moderation.h"
#include "ngodesk/office.h"

namespace ngodesk::moderation {

// Checks that a non-empty `report.current` is published in the office's field,
// that `report.proposed` suits the field, and that an added value is not
// published already. Values are compared after trimming: phone numbers also
// by E.164, addresses on either language side, hours as text or expression.
// Errors are InvalidArgument, in English and Chinese, naming the value.
Status CheckAgainstOffice(const Office& office, const NewReport& report);

// The texts a change records: the published value replaced and its successor.
struct Edit {
  std::string old_value;
  std::string new_value;
};

// Applies a report that CheckAgainstOffice accepted to `office`, pointing the
// changed entry at the source `source_id`. Fields without a source of their
// own (emails, websites) rely on the office's source list. The field "other"
// changes nothing.
Result<Edit> ApplyReport(Office& office, const NewReport& report, const std::string& source_id);

}  // namespace ngodesk::moderation
