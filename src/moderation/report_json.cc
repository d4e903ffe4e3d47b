// The names of the moderation enums and the reader of a report's JSON body.
#include <array>
#include <set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "moderation/report_checks.h"
#include "moderation/text_checks.h"
#include "ngodesk/moderation.h"

namespace ngodesk {
namespace {

constexpr std::array<std::pair<ReportField, std::string_view>, 7> kFieldNames = {{
    {ReportField::kPhones, "phones"},
    {ReportField::kFax, "fax"},
    {ReportField::kAddresses, "addresses"},
    {ReportField::kHours, "hours"},
    {ReportField::kEmails, "emails"},
    {ReportField::kWebsites, "websites"},
    {ReportField::kOther, "other"},
}};

constexpr std::array<std::pair<ReportStatus, std::string_view>, 3> kStatusNames = {{
    {ReportStatus::kOpen, "open"},
    {ReportStatus::kAccepted, "accepted"},
    {ReportStatus::kRejected, "rejected"},
}};

constexpr std::array<std::pair<CallOutcome, std::string_view>, 4> kOutcomeNames = {{
    {CallOutcome::kReached, "reached"},
    {CallOutcome::kNoAnswer, "no-answer"},
    {CallOutcome::kWrongNumber, "wrong-number"},
    {CallOutcome::kDisconnected, "disconnected"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view name) {
  for (const auto& [value, candidate] : names) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

using Json = nlohmann::json;

// A short, printable excerpt of a value for an error message.
std::string Excerpt(std::string_view text) {
  constexpr std::size_t kMaxBytes = 60;
  if (text.size() <= kMaxBytes) return std::string(text);
  std::size_t end = kMaxBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

// The report form's label of each member, used in messages shown to readers.
struct MemberLabel {
  std::string_view member;
  std::string_view en;
  std::string_view zh;
};

constexpr std::array<MemberLabel, 6> kMemberLabels = {{
    {"office", "office", "机关"},
    {"field", "field", "项目"},
    {"current", "published value", "公布的信息"},
    {"proposed", "correct value", "正确的信息"},
    {"evidence", "evidence", "依据"},
    {"contact_email", "contact email", "联系邮箱"},
}};

// Names a member as the report form labels it: "the \"correct value\"
// (proposed)", "“正确的信息”（proposed）". A member the form does not know is
// named as it was sent.
Error MemberError(std::string_view member, std::string_view what_en, std::string_view what_zh) {
  const std::string name(member);
  std::string en = "\"" + name + "\"";
  std::string zh = "\"" + name + "\" ";
  for (const MemberLabel& label : kMemberLabels) {
    if (label.member != member) continue;
    en = "the \"" + std::string(label.en) + "\"";
    if (label.en != label.member) en += " (" + name + ")";
    zh = "“" + std::string(label.zh) + "”（" + name + "）";
  }
  return Error::InvalidArgument(en + " " + std::string(what_en), zh + std::string(what_zh));
}

// nlohmann::json's type names in Chinese.
std::string TypeNameZh(const Json& value) {
  if (value.is_object()) return "对象";
  if (value.is_array()) return "数组";
  if (value.is_number()) return "数字";
  if (value.is_boolean()) return "布尔值";
  if (value.is_null()) return "空值（null）";
  return "其他类型";
}

// 1-based line and column of byte `offset` in `text`.
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

// Parses `text` as JSON and reports duplicate keys, which nlohmann::json
// would otherwise resolve in silence by keeping the last one.
Result<Json> ParseStrictJson(std::string_view text) {
  std::vector<std::set<std::string>> keys;
  std::string duplicate;
  auto callback = [&](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) keys.emplace_back();
    if (event == Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == Json::parse_event_t::key && !keys.empty() && duplicate.empty() &&
        !keys.back().insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  try {
    Json json = Json::parse(text.begin(), text.end(), callback);
    if (!duplicate.empty()) {
      return MemberError(Excerpt(duplicate), "appears twice; send it once",
                         "出现了两次；只能发送一次");
    }
    return json;
  } catch (const Json::parse_error& error) {
    const auto [line, column] = LineAndColumn(text, error.byte > 0 ? error.byte - 1 : 0);
    return Error::Parse(line, column,
                        std::string("the report is not valid JSON: ") + error.what(),
                        "报告不是有效的 JSON：第 " + std::to_string(line) + " 行第 " +
                            std::to_string(column) + " 列有语法错误；请检查引号、逗号和括号。");
  }
}

struct MemberRule {
  std::string_view name;
  bool required;
  std::size_t max_bytes;
  bool allow_line_breaks;
};

constexpr std::array<MemberRule, 6> kMembers = {{
    {"office", true, 64, false},
    {"field", true, 16, false},
    {"current", false, kMaxReportValueBytes, false},
    {"proposed", false, kMaxReportValueBytes, false},
    {"evidence", false, kMaxReportEvidenceBytes, true},
    {"contact_email", false, kMaxContactEmailBytes, false},
}};

// Reads one string member; absent optional members read as "".
Result<std::string> ReadMember(const Json& object, const MemberRule& rule) {
  const auto found = object.find(std::string(rule.name));
  if (found == object.end()) {
    if (!rule.required) return std::string();
    return MemberError(rule.name, "is missing", "缺失");
  }
  if (!found->is_string()) {
    return MemberError(rule.name,
                       std::string("must be a string, not ") + found->type_name(),
                       "必须是字符串，而不是" + TypeNameZh(*found));
  }
  return found->get<std::string>();
}

Status CheckMember(const MemberRule& rule, std::string_view value) {
  if (rule.required && value.empty()) return MemberError(rule.name, "is empty", "为空");
  if (value.size() > rule.max_bytes) {
    const std::string limit = std::to_string(rule.max_bytes);
    return MemberError(rule.name,
                       "is " + std::to_string(value.size()) + " bytes long; the limit is " +
                           limit + " bytes",
                       "长 " + std::to_string(value.size()) + " 字节，上限为 " + limit + " 字节");
  }
  if (!moderation::IsValidUtf8(value)) {
    return MemberError(rule.name, "is not valid UTF-8", "不是有效的 UTF-8");
  }
  if (moderation::HasControlCharacter(value, rule.allow_line_breaks)) {
    return MemberError(rule.name, "contains a control character: \"" + Excerpt(value) + "\"",
                       "含有控制字符：\"" + Excerpt(value) + "\"");
  }
  return {};
}

Status CheckNames(const Json& object) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const MemberRule& rule : kMembers) known = known || rule.name == key;
    if (!known) {
      return MemberError(Excerpt(key),
                         "is not part of a report; a report has office, field, current, "
                         "proposed, evidence and contact_email",
                         "不属于报告；报告只含 office、field、current、proposed、evidence 和 "
                         "contact_email");
    }
  }
  return {};
}

// Rejects invisible format characters in structured values: numbers, email
// and web addresses. The evidence and other free text keep them, because
// pages show them as markers.
Status CheckVisible(const NewReport& report) {
  const bool structured = report.field == ReportField::kPhones ||
                          report.field == ReportField::kFax ||
                          report.field == ReportField::kEmails ||
                          report.field == ReportField::kWebsites;
  const std::pair<std::string_view, std::string_view> checked[] = {
      {"proposed", structured ? std::string_view(report.proposed) : std::string_view()},
      {"contact_email", report.contact_email},
  };
  for (const auto& [member, value] : checked) {
    const std::optional<char32_t> code = moderation::FindInvisibleCharacter(value);
    if (!code) continue;
    const std::string label = moderation::CodePointLabel(*code);
    return MemberError(member,
                       "contains the invisible character " + label +
                           "; remove it and send the value again",
                       "含有不可见字符 " + label + "；请删除该字符后重新发送");
  }
  return {};
}

}  // namespace

namespace moderation {

Status CheckReportShape(const NewReport& report) {
  const std::array<std::string_view, kMembers.size()> values = {
      report.office_id, ReportFieldName(report.field), report.current,
      report.proposed,  report.evidence,               report.contact_email};
  for (std::size_t i = 0; i < kMembers.size(); ++i) {
    if (Status checked = CheckMember(kMembers[i], values[i]); !checked.ok()) return checked;
  }
  if (moderation::Trim(report.current).empty() && moderation::Trim(report.proposed).empty()) {
    return MemberError("proposed",
                       "and the \"published value\" (current) are both empty; give the new "
                       "value, the value to remove, or both",
                       "与“公布的信息”（current）均为空；请填写新值、要删除的值，或两者都填");
  }
  if (Status visible = CheckVisible(report); !visible.ok()) return visible;
  if (!report.contact_email.empty() && !moderation::LooksLikeEmail(report.contact_email)) {
    return MemberError("contact_email",
                       "\"" + Excerpt(report.contact_email) +
                           "\" is not an email address like name@example.org; correct it or "
                           "leave it out",
                       "\"" + Excerpt(report.contact_email) +
                           "\" 不是 name@example.org 这样的电子邮箱地址；请更正或留空");
  }
  return {};
}

}  // namespace moderation

std::string_view ReportFieldName(ReportField field) { return NameOf(kFieldNames, field); }
std::optional<ReportField> ParseReportField(std::string_view name) {
  return ValueOf(kFieldNames, name);
}

std::string_view ReportStatusName(ReportStatus status) { return NameOf(kStatusNames, status); }
std::optional<ReportStatus> ParseReportStatus(std::string_view name) {
  return ValueOf(kStatusNames, name);
}

std::string_view CallOutcomeName(CallOutcome outcome) { return NameOf(kOutcomeNames, outcome); }
std::optional<CallOutcome> ParseCallOutcome(std::string_view name) {
  return ValueOf(kOutcomeNames, name);
}

Result<NewReport> ParseReportJson(std::string_view text) {
  Result<Json> json = ParseStrictJson(text);
  if (!json.ok()) return json.error();
  if (!json->is_object()) {
    return Error::InvalidArgument(
        std::string("the report must be a JSON object, not ") + json->type_name(),
        "报告必须是 JSON 对象，而不是" + TypeNameZh(*json));
  }
  if (Status names = CheckNames(*json); !names.ok()) return names.error();

  std::array<std::string, kMembers.size()> values;
  for (std::size_t i = 0; i < kMembers.size(); ++i) {
    Result<std::string> value = ReadMember(*json, kMembers[i]);
    if (!value.ok()) return value.error();
    values[i] = std::move(*value);
  }

  const std::optional<ReportField> field = ParseReportField(values[1]);
  if (!field) {
    return MemberError("field",
                       "\"" + Excerpt(values[1]) +
                           "\" is unknown; use phones, fax, addresses, hours, emails, websites "
                           "or other",
                       "\"" + Excerpt(values[1]) +
                           "\" 未知；请用 phones、fax、addresses、hours、emails、websites 或 other");
  }
  NewReport report{std::move(values[0]), *field, std::move(values[2]), std::move(values[3]),
                   std::move(values[4]), std::move(values[5])};
  if (Status shape = moderation::CheckReportShape(report); !shape.ok()) return shape.error();
  return report;
}

}  // namespace ngodesk
