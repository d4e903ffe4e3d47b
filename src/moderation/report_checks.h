// Checks of a report's texts shared by the JSON reader and SubmitReport.
#pragma once

#include "ngodesk/moderation.h"

namespace ngodesk::moderation {

// Checks sizes, UTF-8, control characters, the contact email's form and that
// `current` or `proposed` is non-empty. Errors are InvalidArgument naming the
// member as in the JSON body.
Status CheckReportShape(const NewReport& report);

}  // namespace ngodesk::moderation
