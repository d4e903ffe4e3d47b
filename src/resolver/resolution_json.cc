// The JSON form of a resolution, documented in docs/resolver.md.
#include <cmath>

#include <nlohmann/json.hpp>

#include "ngodesk/jurisdictions.h"
#include "ngodesk/resolver.h"

namespace ngodesk {
namespace {

using Json = nlohmann::ordered_json;

Json DivisionJson(const Division* division) {
  if (division == nullptr) return nullptr;
  return Json{{"code", division->code}, {"zh", division->name_zh}, {"en", division->name_en}};
}

Json ChainJson(const DivisionChain& chain) {
  return Json{{"province", DivisionJson(chain.province)},
              {"prefecture", DivisionJson(chain.prefecture)},
              {"county", DivisionJson(chain.county)}};
}

Json OfficeJson(const std::string& office_id) {
  const JurisdictionEntry* entry = office_id.empty() ? nullptr : FindJurisdictionByOfficeId(office_id);
  if (entry == nullptr) return nullptr;
  return Json{{"id", entry->office_id}, {"name", {{"en", entry->office_en}, {"zh", entry->office_zh}}}};
}

Json NoteJson(const Note& note) { return Json{{"id", note.id}, {"en", note.en}, {"zh", note.zh}}; }

std::string_view ProcedureName(Procedure procedure) {
  return procedure == Procedure::kActivity ? "activity" : "office";
}

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kParse:
      return "parse";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kStore:
      return "store";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace

std::string ResolutionToJson(std::string_view query, Procedure procedure, const Resolution& resolution) {
  Json matched = Json::array();
  for (const MatchedPart& part : resolution.matched) {
    Json entry{{"text", part.text}, {"division", DivisionJson(part.division)}, {"by", MatchKindName(part.kind)}};
    if (part.division != nullptr) entry["level"] = DivisionLevelName(part.division->level);
    if (!part.note.empty()) entry["note"] = part.note;
    matched.push_back(std::move(entry));
  }
  Json candidates = Json::array();
  for (const Candidate& candidate : resolution.candidates) {
    candidates.push_back(Json{{"division", ChainJson(candidate.chain)},
                              {"office", candidate.office_id.empty() ? Json(nullptr) : Json(candidate.office_id)}});
  }
  Json notes = Json::array();
  for (const Note& note : resolution.notes) notes.push_back(NoteJson(note));
  Json rule = nullptr;
  if (!resolution.rule.id.empty()) {
    rule = Json{{"id", resolution.rule.id},
                {"citation", resolution.rule.citation},
                {"citation_zh", resolution.rule.citation_zh},
                {"en", resolution.rule.text.en},
                {"zh", resolution.rule.text.zh}};
  }

  const Json json{{"query", std::string(query)},
                  {"procedure", ProcedureName(procedure)},
                  {"office", OfficeJson(resolution.office_id)},
                  {"division", ChainJson(resolution.chain)},
                  {"matched", std::move(matched)},
                  {"confidence", std::round(resolution.confidence * 100) / 100},
                  {"ambiguous", resolution.ambiguous},
                  {"corrected", resolution.corrected},
                  {"candidates", std::move(candidates)},
                  {"rule", std::move(rule)},
                  {"notes", std::move(notes)}};
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ResolutionErrorToJson(std::string_view query, const Error& error) {
  const Json json{{"query", std::string(query)},
                  {"error", {{"code", ErrorCodeName(error.code)}, {"message", error.message}, {"message_zh", error.message_zh}}}};
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ngodesk
