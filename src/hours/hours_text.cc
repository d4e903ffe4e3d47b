#include "ngodesk/hours_text.h"

namespace ngodesk {

// TODO: placeholder until the opening_hours module derives expressions; it
// keeps the published text and states that the hours are not yet structured.
Hours DeriveHours(const std::optional<std::string>& published_text) {
  Hours hours;
  hours.text = published_text;
  hours.expression = "unknown";
  return hours;
}

}  // namespace ngodesk
