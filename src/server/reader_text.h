// Reader text (reports, evidence, reasons, history values) is stored exactly
// as sent. Before it is shown on an HTML page or in the Atom feed, every
// character that a reader cannot see is replaced by a visible marker such as
// "⟨U+202E⟩". Then a report cannot reorder the text around it with bidi
// controls, nor hide words with zero-width characters.
#pragma once

#include <string>
#include <string_view>

namespace ngodesk::server {

// Replaces each invisible character with "⟨U+XXXX⟩" (upper-case hex, at least
// four digits). The invisible characters are the bidi controls U+200E, U+200F,
// U+202A–U+202E and U+2066–U+2069, the zero-width characters U+200B–U+200D,
// U+2060 and U+FEFF, and the C0 controls and U+007F except tab, line feed and
// carriage return. XML 1.0 does not allow those C0 controls either. A byte that is not
// part of valid UTF-8 becomes U+FFFD, so the result is always valid UTF-8.
// Every other character, including HTML special characters, is kept as is.
std::string RevealInvisible(std::string_view text);

// Escapes `& < > " '` for XML and HTML element content and quoted attribute
// values, after RevealInvisible. Use it for any reader text written into
// markup.
std::string EscapeReaderText(std::string_view text);

}  // namespace ngodesk::server
