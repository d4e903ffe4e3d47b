#include "ngodesk/office_json.h"
#include "ngodesk/jurisdictions.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace ngodesk {
namespace {

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// Writing

Json NullIfEmpty(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

Json BilingualToJson(const BilingualText& text) { return Json{{"en", text.en}, {"zh", text.zh}}; }

Json PhoneToJson(const PhoneNumber& phone) {
  return Json{{"text", phone.text},
              {"e164", NullIfEmpty(phone.e164)},
              {"national", NullIfEmpty(phone.national)},
              {"extension", NullIfEmpty(phone.extension)},
              {"area_code_inferred", phone.area_code_inferred},
              {"confirmed", phone.confirmed()},
              {"confirmed_on", NullIfEmpty(phone.confirmed_on)},
              {"last_failed_call_on", NullIfEmpty(phone.last_failed_call_on)},
              {"source", NullIfEmpty(phone.source_id)}};
}

Json PhonesToJson(const std::vector<PhoneNumber>& phones) {
  Json array = Json::array();
  for (const PhoneNumber& phone : phones) array.push_back(PhoneToJson(phone));
  return array;
}

Json HoursToJson(const Hours& hours) {
  const bool has_assumption = !hours.assumption.en.empty() || !hours.assumption.zh.empty();
  return Json{{"text", hours.text ? Json(*hours.text) : Json(nullptr)},
              {"expression", NullIfEmpty(hours.expression)},
              {"assumed", hours.assumed},
              {"assumption", has_assumption ? BilingualToJson(hours.assumption) : Json(nullptr)},
              {"source", NullIfEmpty(hours.source_id)}};
}

}  // namespace

Json OfficeToJson(const Office& office) {
  Json json;
  json["id"] = office.id;
  json["name"] = BilingualToJson(office.name);
  json["jurisdiction"] = Json{{"kind", JurisdictionKindName(office.jurisdiction.kind)},
                              {"code", NullIfEmpty(office.jurisdiction.code)},
                              {"name", BilingualToJson(office.jurisdiction.name)}};
  json["city"] = office.city ? Json{{"code", NullIfEmpty(office.city->code)},
                                    {"name", BilingualToJson(office.city->name)}}
                             : Json(nullptr);

  json["addresses"] = Json::array();
  for (const Address& address : office.addresses) {
    json["addresses"].push_back(Json{{"en", address.text.en},
                                     {"zh", address.text.zh},
                                     {"source", NullIfEmpty(address.source_id)},
                                     {"note", NullIfEmpty(address.note)}});
  }
  json["phones"] = PhonesToJson(office.phones);
  json["fax"] = PhonesToJson(office.faxes);
  json["emails"] = office.emails;
  json["websites"] = office.websites;
  json["hours"] = HoursToJson(office.hours);

  json["sources"] = Json::array();
  for (const Source& source : office.sources) {
    json["sources"].push_back(Json{{"id", source.id},
                                   {"title", source.title},
                                   {"date", NullIfEmpty(source.date)},
                                   {"note", NullIfEmpty(source.note)}});
  }
  json["corrections"] = Json::array();
  for (const Correction& correction : office.corrections) {
    json["corrections"].push_back(Json{{"field", correction.field},
                                       {"published", correction.published},
                                       {"corrected", correction.corrected},
                                       {"reason", correction.reason}});
  }
  json["field_changes"] = Json::array();
  for (const FieldChange& change : office.field_changes) {
    json["field_changes"].push_back(Json{{"field", change.field},
                                         {"changed_at", change.changed_at},
                                         {"change_id", change.change_id}});
  }
  return json;
}

std::string DirectoryToJson(const std::vector<Office>& offices) {
  std::vector<const Office*> sorted;
  sorted.reserve(offices.size());
  for (const Office& office : offices) sorted.push_back(&office);
  std::sort(sorted.begin(), sorted.end(),
            [](const Office* a, const Office* b) { return a->id < b->id; });

  Json document;
  document["format"] = kDirectoryFormatVersion;
  document["offices"] = Json::array();
  for (const Office* office : sorted) document["offices"].push_back(OfficeToJson(*office));
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---------------------------------------------------------------------------
// Reading. The readers below throw SchemaError, and the two public parse
// functions turn it into an Error, so it never leaves this file.

namespace {

struct SchemaError {
  Error error;
};

std::string Describe(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

[[noreturn]] void Reject(const std::string& pointer, std::string_view expected_en,
                         std::string_view expected_zh, const Json& found) {
  const std::string where = pointer.empty() ? "/" : pointer;
  throw SchemaError{Error::Parse(
      0, 0, where + ": expected " + std::string(expected_en) + ", found " + Describe(found),
      where + "：应为" + std::string(expected_zh) + "，实际为 " + Describe(found))};
}

[[noreturn]] void RejectValue(const std::string& pointer, const std::string& en,
                              const std::string& zh) {
  throw SchemaError{Error::Parse(0, 0, pointer + ": " + en, pointer + "：" + zh)};
}

std::string Child(const std::string& pointer, std::string_view key) {
  return pointer + "/" + std::string(key);
}

std::string Child(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

// Checks that `json` is an object whose keys are all in `known`.
void ExpectObject(const Json& json, const std::string& pointer,
                  std::initializer_list<std::string_view> known) {
  if (!json.is_object()) Reject(pointer, "an object", "对象", json);
  for (const auto& [key, value] : json.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      RejectValue(Child(pointer, key), "unknown field; see docs/export-schema.md for the fields",
                  "未知字段；字段列表见 docs/export-schema.md");
    }
  }
}

const Json* Find(const Json& object, std::string_view key) {
  auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &*it;
}

std::string RequiredString(const Json& object, const std::string& pointer, std::string_view key) {
  const Json* value = Find(object, key);
  if (value == nullptr || !value->is_string()) {
    Reject(Child(pointer, key), "a string", "字符串", value ? *value : Json());
  }
  return value->get<std::string>();
}

// A string, or null/missing for "unknown", which the model keeps as "".
std::string NullableString(const Json& object, const std::string& pointer, std::string_view key) {
  const Json* value = Find(object, key);
  if (value == nullptr || value->is_null()) return {};
  if (!value->is_string()) Reject(Child(pointer, key), "a string or null", "字符串或 null", *value);
  return value->get<std::string>();
}

std::int64_t RequiredInteger(const Json& object, const std::string& pointer,
                             std::string_view key) {
  const Json* value = Find(object, key);
  if (value == nullptr || !value->is_number_integer()) {
    Reject(Child(pointer, key), "an integer", "整数", value ? *value : Json());
  }
  return value->get<std::int64_t>();
}

bool OptionalBool(const Json& object, const std::string& pointer, std::string_view key) {
  const Json* value = Find(object, key);
  if (value == nullptr) return false;
  if (!value->is_boolean()) Reject(Child(pointer, key), "true or false", "true 或 false", *value);
  return value->get<bool>();
}

const Json& OptionalArray(const Json& object, const std::string& pointer, std::string_view key) {
  static const Json kEmpty = Json::array();
  const Json* value = Find(object, key);
  if (value == nullptr) return kEmpty;
  if (!value->is_array()) Reject(Child(pointer, key), "an array", "数组", *value);
  return *value;
}

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

std::string NullableDate(const Json& object, const std::string& pointer, std::string_view key) {
  std::string date = NullableString(object, pointer, key);
  if (!date.empty() && !IsIsoDate(date)) {
    Reject(Child(pointer, key), "a date YYYY-MM-DD or null", "YYYY-MM-DD 格式的日期或 null",
           Json(date));
  }
  return date;
}

BilingualText ReadBilingual(const Json& json, const std::string& pointer) {
  ExpectObject(json, pointer, {"en", "zh"});
  return {NullableString(json, pointer, "en"), NullableString(json, pointer, "zh")};
}

BilingualText OptionalBilingual(const Json& object, const std::string& pointer,
                                std::string_view key) {
  const Json* value = Find(object, key);
  if (value == nullptr || value->is_null()) return {};
  return ReadBilingual(*value, Child(pointer, key));
}

std::vector<std::string> ReadStrings(const Json& object, const std::string& pointer,
                                     std::string_view key) {
  const Json& array = OptionalArray(object, pointer, key);
  std::vector<std::string> values;
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string())
      Reject(Child(Child(pointer, key), i), "a string", "字符串", array[i]);
    values.push_back(array[i].get<std::string>());
  }
  return values;
}

Jurisdiction ReadJurisdiction(const Json& object, const std::string& pointer) {
  const std::string here = Child(pointer, "jurisdiction");
  const Json* json = Find(object, "jurisdiction");
  if (json == nullptr) Reject(here, "an object", "对象", Json());
  ExpectObject(*json, here, {"kind", "code", "name"});

  Jurisdiction jurisdiction;
  const std::string kind = RequiredString(*json, here, "kind");
  if (kind == "national") {
    jurisdiction.kind = JurisdictionKind::kNational;
  } else if (kind == "province") {
    jurisdiction.kind = JurisdictionKind::kProvince;
  } else if (kind == "bingtuan") {
    jurisdiction.kind = JurisdictionKind::kBingtuan;
  } else {
    Reject(Child(here, "kind"), "\"national\", \"province\" or \"bingtuan\"",
           "\"national\"、\"province\" 或 \"bingtuan\"", Json(kind));
  }

  jurisdiction.code = NullableString(*json, here, "code");
  const bool six_digits = jurisdiction.code.size() == 6 &&
                          std::all_of(jurisdiction.code.begin(), jurisdiction.code.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
  if (!jurisdiction.code.empty() && !six_digits) {
    Reject(Child(here, "code"), "a 6-digit GB/T 2260 code or null", "6 位 GB/T 2260 代码或 null",
           Json(jurisdiction.code));
  }
  jurisdiction.name = OptionalBilingual(*json, here, "name");
  return jurisdiction;
}

std::optional<City> ReadCity(const Json& object, const std::string& pointer) {
  const Json* json = Find(object, "city");
  if (json == nullptr || json->is_null()) return std::nullopt;
  const std::string here = Child(pointer, "city");
  ExpectObject(*json, here, {"code", "name"});
  return City{NullableString(*json, here, "code"), OptionalBilingual(*json, here, "name")};
}

PhoneNumber ReadPhone(const Json& json, const std::string& pointer) {
  ExpectObject(json, pointer,
               {"text", "e164", "national", "extension", "area_code_inferred", "confirmed",
                "confirmed_on", "last_failed_call_on", "source"});
  PhoneNumber phone;
  phone.text = RequiredString(json, pointer, "text");
  phone.e164 = NullableString(json, pointer, "e164");
  phone.national = NullableString(json, pointer, "national");
  phone.extension = NullableString(json, pointer, "extension");
  phone.area_code_inferred = OptionalBool(json, pointer, "area_code_inferred");
  phone.confirmed_on = NullableDate(json, pointer, "confirmed_on");
  phone.last_failed_call_on = NullableDate(json, pointer, "last_failed_call_on");
  phone.source_id = NullableString(json, pointer, "source");

  // "confirmed" is derived from "confirmed_on" and written for readers that
  // only want the flag; a document where they disagree was edited by hand.
  if (Find(json, "confirmed") != nullptr &&
      OptionalBool(json, pointer, "confirmed") != phone.confirmed()) {
    RejectValue(Child(pointer, "confirmed"),
                "must be true exactly when confirmed_on is a date; set both or neither",
                "仅当 confirmed_on 为日期时才应为 true；请同时设置两者或都不设置");
  }
  return phone;
}

std::vector<PhoneNumber> ReadPhones(const Json& object, const std::string& pointer,
                                    std::string_view key) {
  const Json& array = OptionalArray(object, pointer, key);
  std::vector<PhoneNumber> phones;
  for (std::size_t i = 0; i < array.size(); ++i) {
    phones.push_back(ReadPhone(array[i], Child(Child(pointer, key), i)));
  }
  return phones;
}

std::vector<Address> ReadAddresses(const Json& object, const std::string& pointer) {
  const Json& array = OptionalArray(object, pointer, "addresses");
  std::vector<Address> addresses;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string here = Child(Child(pointer, "addresses"), i);
    ExpectObject(array[i], here, {"en", "zh", "source", "note"});
    Address address;
    address.text = {NullableString(array[i], here, "en"), NullableString(array[i], here, "zh")};
    address.source_id = NullableString(array[i], here, "source");
    address.note = NullableString(array[i], here, "note");
    addresses.push_back(std::move(address));
  }
  return addresses;
}

Hours ReadHours(const Json& object, const std::string& pointer) {
  Hours hours;
  const Json* json = Find(object, "hours");
  if (json == nullptr || json->is_null()) return hours;

  const std::string here = Child(pointer, "hours");
  ExpectObject(*json, here, {"text", "expression", "assumed", "assumption", "source"});
  const Json* text = Find(*json, "text");
  if (text != nullptr && !text->is_null()) hours.text = NullableString(*json, here, "text");
  hours.expression = NullableString(*json, here, "expression");
  hours.assumed = OptionalBool(*json, here, "assumed");
  hours.assumption = OptionalBilingual(*json, here, "assumption");
  hours.source_id = NullableString(*json, here, "source");
  return hours;
}

std::vector<Source> ReadSources(const Json& object, const std::string& pointer) {
  const Json& array = OptionalArray(object, pointer, "sources");
  std::vector<Source> sources;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string here = Child(Child(pointer, "sources"), i);
    ExpectObject(array[i], here, {"id", "title", "date", "note"});
    sources.push_back(
        Source{RequiredString(array[i], here, "id"), NullableString(array[i], here, "title"),
               NullableDate(array[i], here, "date"), NullableString(array[i], here, "note")});
  }
  return sources;
}

std::vector<Correction> ReadCorrections(const Json& object, const std::string& pointer) {
  const Json& array = OptionalArray(object, pointer, "corrections");
  std::vector<Correction> corrections;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string here = Child(Child(pointer, "corrections"), i);
    ExpectObject(array[i], here, {"field", "published", "corrected", "reason"});
    corrections.push_back(Correction{
        RequiredString(array[i], here, "field"), NullableString(array[i], here, "published"),
        NullableString(array[i], here, "corrected"), RequiredString(array[i], here, "reason")});
  }
  return corrections;
}

std::vector<FieldChange> ReadFieldChanges(const Json& object, const std::string& pointer) {
  const Json& array = OptionalArray(object, pointer, "field_changes");
  std::vector<FieldChange> changes;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string here = Child(Child(pointer, "field_changes"), i);
    ExpectObject(array[i], here, {"field", "changed_at", "change_id"});
    changes.push_back(FieldChange{RequiredString(array[i], here, "field"),
                                  RequiredString(array[i], here, "changed_at"),
                                  RequiredInteger(array[i], here, "change_id")});
  }
  return changes;
}

Office ReadOffice(const Json& json, const std::string& pointer) {
  ExpectObject(json, pointer,
               {"id", "name", "jurisdiction", "city", "addresses", "phones", "fax", "emails",
                "websites", "hours", "sources", "corrections", "field_changes"});
  Office office;
  office.id = RequiredString(json, pointer, "id");
  if (office.id.empty())
    Reject(Child(pointer, "id"), "a non-empty office id", "非空的机关 id", json["id"]);
  office.name = OptionalBilingual(json, pointer, "name");
  office.jurisdiction = ReadJurisdiction(json, pointer);
  office.city = ReadCity(json, pointer);
  office.addresses = ReadAddresses(json, pointer);
  office.phones = ReadPhones(json, pointer, "phones");
  office.faxes = ReadPhones(json, pointer, "fax");
  office.emails = ReadStrings(json, pointer, "emails");
  office.websites = ReadStrings(json, pointer, "websites");
  office.hours = ReadHours(json, pointer);
  office.sources = ReadSources(json, pointer);
  office.corrections = ReadCorrections(json, pointer);
  office.field_changes = ReadFieldChanges(json, pointer);
  return office;
}

// Converts a byte offset of `text` to a 1-based line and a 1-based column
// counted in code points, so that Chinese text gives the column an editor shows.
std::pair<int, int> LineAndColumn(std::string_view text, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Result<Office> OfficeFromJson(const Json& json, const std::string& pointer) {
  try {
    return ReadOffice(json, pointer);
  } catch (const SchemaError& failure) {
    return failure.error;
  }
}

Result<std::vector<Office>> DirectoryFromJson(std::string_view text) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& error) {
    // error.byte is 1-based and points just past the offending character.
    const auto [line, column] = LineAndColumn(text, error.byte > 0 ? error.byte - 1 : 0);
    return Error::Parse(line, column, std::string("invalid JSON: ") + error.what(),
                        std::string("JSON 语法错误：") + error.what());
  } catch (const Json::exception& error) {
    // The parser also throws out_of_range, e.g. for a number beyond double
    // range ("1e999"), which carries no position.
    return Error::Parse(0, 0, std::string("invalid JSON: ") + error.what(),
                        std::string("JSON 无效：") + error.what());
  }

  try {
    ExpectObject(document, "", {"format", "offices"});
    const Json* format = Find(document, "format");
    if (format == nullptr || !format->is_number_integer()) {
      Reject("/format", "an integer", "整数", format ? *format : Json());
    }
    if (!format->is_number_unsigned() ||
        format->get<std::uint64_t>() != static_cast<std::uint64_t>(kDirectoryFormatVersion)) {
      const std::string version = format->dump();
      return Error::Unsupported(
          "/format: directory format " + version + " is not supported; this ngodesk reads format " +
              std::to_string(kDirectoryFormatVersion) + ". Use the ngodesk that wrote the file.",
          "/format：不支持目录格式 " + version + "；本版 ngodesk 读取格式 " +
              std::to_string(kDirectoryFormatVersion) + "。请使用写出该文件的 ngodesk 版本。");
    }

    const Json& array = OptionalArray(document, "", "offices");
    std::vector<Office> offices;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < array.size(); ++i) {
      const std::string pointer = Child(std::string("/offices"), i);
      offices.push_back(ReadOffice(array[i], pointer));
      if (!ids.insert(offices.back().id).second) {
        RejectValue(Child(pointer, "id"), "duplicate office id \"" + offices.back().id + "\"",
                    "机关 id \"" + offices.back().id + "\" 重复");
      }
    }
    return offices;
  } catch (const SchemaError& failure) {
    return failure.error;
  }
}

}  // namespace ngodesk
