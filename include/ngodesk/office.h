// The office model: one registration authority for overseas NGOs (the
// Ministry of Public Security, a provincial-level public security bureau or
// the Xinjiang Production and Construction Corps) with its contact data as
// published, normalised forms next to the published text, and the source of
// every field. Plain values: no I/O, no validation beyond what the types say.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ngodesk {

// A text in both working languages. Either side may be empty when unknown.
struct BilingualText {
  std::string en;
  std::string zh;

  bool operator==(const BilingualText&) const = default;
};

enum class JurisdictionKind {
  kNational,  // the Ministry of Public Security
  kProvince,  // a province-level division (province, autonomous region, municipality)
  kBingtuan,  // the Xinjiang Production and Construction Corps
};

// The territory an office is responsible for. `code` is the 6-digit
// GB/T 2260 code of the province-level division, empty for the Ministry and
// the Bingtuan, which have none.
struct Jurisdiction {
  JurisdictionKind kind = JurisdictionKind::kProvince;
  std::string code;
  BilingualText name;

  bool operator==(const Jurisdiction&) const = default;
};

// A prefecture-level city, as a GB/T 2260 code with its names. For a
// municipality the city is the municipality itself.
struct City {
  std::string code;
  BilingualText name;

  bool operator==(const City&) const = default;
};

// Where a fact was published. `id` is stable and referenced by fields;
// `date` is ISO 8601 (YYYY-MM-DD), the day the source stated or was read.
struct Source {
  std::string id;
  std::string title;
  std::string date;
  std::string note;

  bool operator==(const Source&) const = default;
};

// One postal address in both languages, each side exactly as published
// (damaged text included: checks report it, corrections fix it visibly).
struct Address {
  BilingualText text;
  std::string source_id;
  std::string note;  // the source's remark on this address, e.g. which site gave it

  bool operator==(const Address&) const = default;
};

// A telephone or fax number: the published text is always kept; `e164`,
// `national` and `extension` are libphonenumber's normalised forms, empty when
// the text cannot be normalised.
struct PhoneNumber {
  std::string text;
  std::string e164;
  std::string national;
  std::string extension;
  bool area_code_inferred = false;  // the area code was taken from the number before it
  // The date of the latest call that reached the office on this number
  // (YYYY-MM-DD), empty when no call is known to have reached it.
  std::string confirmed_on;
  // The date of the latest call on this number that did not reach the office
  // when it came after the latest one that did, else empty: the number may be
  // out of date.
  std::string last_failed_call_on;
  std::string source_id;

  bool confirmed() const { return !confirmed_on.empty(); }
  bool possibly_out_of_date() const { return !last_failed_call_on.empty(); }
  bool operator==(const PhoneNumber&) const = default;
};

// Working hours. `text` is the published text, kept verbatim (nullopt when the
// source states none). `expression` is an OpenStreetMap opening_hours
// expression derived from it or entered by an editor. When the expression
// rests on an assumption rather than on the source (for example Monday to
// Friday where no days are stated), `assumed` is true and `assumption` says
// what was assumed, in both languages.
struct Hours {
  std::optional<std::string> text;
  std::string expression;
  bool assumed = false;
  BilingualText assumption;
  std::string source_id;

  bool operator==(const Hours&) const = default;
};

// A change the bundled data makes to what a source published, with the
// reason, so that no fix is made in silence. `field` names the field as in the
// JSON export (for example "addresses[0].en").
struct Correction {
  std::string field;
  std::string published;
  std::string corrected;
  std::string reason;

  bool operator==(const Correction&) const = default;
};

// The latest accepted change to one field of an office: which field (as in
// the JSON export: "phones", "addresses", "hours", ...), when, and the
// history entry that records it.
struct FieldChange {
  std::string field;
  std::string changed_at;  // ISO 8601 instant, UTC
  std::int64_t change_id = 0;

  bool operator==(const FieldChange&) const = default;
};

struct Office {
  // Stable identifier: "mps", the pinyin of the jurisdiction ("jiangsu",
  // "inner-mongolia", "shaanxi", "shanxi") or "xinjiang-bingtuan".
  std::string id;
  BilingualText name;
  Jurisdiction jurisdiction;
  std::optional<City> city;  // where the office sits; unset for the Ministry when unknown
  std::vector<Address> addresses;
  std::vector<PhoneNumber> phones;
  std::vector<PhoneNumber> faxes;
  std::vector<std::string> emails;
  std::vector<std::string> websites;
  Hours hours;
  std::vector<Source> sources;
  std::vector<Correction> corrections;
  std::vector<FieldChange> field_changes;  // one per changed field, none for unchanged ones

  bool operator==(const Office&) const = default;
};

}  // namespace ngodesk
