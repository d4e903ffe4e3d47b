// The procedure rules: which law article decides the office, and the notes
// for special places (Hong Kong, Macau, Taiwan, the Bingtuan, Urumqi).
#pragma once

#include "ngodesk/resolver.h"

namespace ngodesk::resolver {

// Sets `rule` and `notes` of a found resolution for the procedure, and
// clears the office for Hong Kong, Macau and Taiwan.
void ApplyProcedure(Procedure procedure, Resolution& resolution);

}  // namespace ngodesk::resolver
