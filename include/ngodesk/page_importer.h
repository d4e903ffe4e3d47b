// The page importer: reads the published list of registration offices (a
// plain-text page in English with Chinese addresses) into Office records. It
// is pure: text in, offices, warnings and errors out, nothing stored.
//
// Page format. Blocks are separated by blank lines. The entries section runs
// from the first block that contains a field line to the last one. Blocks
// before it (title, date line, introduction) and after it (closing notes) are
// prose and skipped. A field line is "Label: value" with one of the labels Address,
// Telephone, Fax, Regular Working Hours, Email, Website. Inside the entries
// section every line must be a field line, or the first line of a block that
// names the office ("National (MPS)", "Inner Mongolia", "Xinjiang Bingtuan");
// anything else is an error. Outside it, a line whose label is a misspelt
// field label is an error too, so that no entry is skipped as prose.
//
// An Address value is "English text (中文地址)": the Chinese text is the last
// top-level bracket pair, kept whole even when brackets nest inside it. Two
// addresses are separated by ";" and each may start its bracket with a note
// ("address as provided on Tibet site: 拉萨市..."). Telephone and Fax values
// are lists separated by commas; "*" after a number marks it as reached by
// telephone on the page's date, and a number without area code takes the area
// code of the number before it (the result marks it). The office of an entry
// without a heading is inferred from its Chinese address (province or
// prefecture-level city at the start), else from the English city; the
// Ministry and the Bingtuan need their heading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/checks.h"
#include "ngodesk/office.h"
#include "ngodesk/result.h"

namespace ngodesk {

class Gazetteer;

struct PageOptions {
  // ISO 8601 date of the page. Overrides the page's date line ("April 23,
  // 2017"); required when the page has none.
  std::string date;
  // Source id written into every field; default "page-<date>".
  std::string source_id;
  // Source title; default: the first prose line after the date line, or a
  // generic title naming the date.
  std::string source_title;
};

// The page line that a field of an office came from. `list` is the field's
// first name in the JSON export: "addresses", "phones", "fax", "hours",
// "emails", "websites".
struct FieldLocation {
  std::string office_id;
  std::string list;
  int line = 0;
};

// The result of reading a page. When `errors` is not empty, `offices` is
// empty: a malformed page yields every problem and no office.
struct PageImport {
  Source source;
  std::vector<Office> offices;          // in the order of Jurisdictions()
  std::vector<OfficeWarning> warnings;  // facts worth a look that do not stop the import
  std::vector<Error> errors;            // every problem, with line, column and offending text
  std::vector<FieldLocation> locations;

  bool ok() const { return errors.empty(); }

  // The page line of a field path such as "phones[1].text", or 0.
  int LineOf(const std::string& office_id, const std::string& field) const;
};

// Reads a page with the bundled gazetteer.
PageImport ParsePage(std::string_view text, const PageOptions& options = {});

// Reads a page with a given gazetteer.
PageImport ParsePage(std::string_view text, const PageOptions& options, const Gazetteer& gazetteer);

// Applies the corrections of a corrections file (JSON: {"corrections": [{
// "office", "field", "published", "corrected", "reason"}]}) and records each
// in Office::corrections. A correction whose published value no longer
// matches the field is an error, so that a stale correction is never applied
// to changed data. Supported fields: addresses[N].en, addresses[N].zh,
// addresses[N].note, hours.text.
Status ApplyCorrections(std::vector<Office>& offices, std::string_view corrections_json);

}  // namespace ngodesk
