#include "server/moderation_json.h"

#include "ngodesk/hours_json.h"
#include "ngodesk/office_json.h"

namespace ngodesk::server {
namespace {

using Json = nlohmann::ordered_json;

Json NullIfEmpty(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

// The phone object exactly as the office JSON writes it, so that a client
// reads numbers the same way everywhere.
Json PhoneJson(const PhoneNumber& phone) {
  Office office;
  office.phones.push_back(phone);
  return OfficeToJson(office).at("phones").at(0);
}

}  // namespace

Json ChangeToJson(const Change& change) {
  return Json{{"id", change.id},
              {"office", change.office_id},
              {"field", ReportFieldName(change.field)},
              {"old_value", change.old_value},
              {"new_value", change.new_value},
              {"evidence", change.evidence},
              {"editor", change.editor},
              {"changed_at", change.changed_at},
              {"report_id", change.report_id ? Json(*change.report_id) : Json(nullptr)}};
}

std::string HistoryToJson(std::string_view office_id, std::span<const Change> changes) {
  Json list = Json::array();
  for (const Change& change : changes) list.push_back(ChangeToJson(change));
  return DumpBody(Json{{"office", office_id}, {"changes", std::move(list)}});
}

Json ReportToJson(const Report& report) {
  const NewReport& content = report.content;
  return Json{{"id", report.id},
              {"office", content.office_id},
              {"field", ReportFieldName(content.field)},
              {"current", content.current},
              {"proposed", content.proposed},
              {"evidence", content.evidence},
              {"contact_email", NullIfEmpty(content.contact_email)},
              {"status", ReportStatusName(report.status)},
              {"received_at", report.received_at},
              {"closed_at", NullIfEmpty(report.closed_at)},
              {"closed_by", NullIfEmpty(report.closed_by)},
              {"reason", NullIfEmpty(report.reason)}};
}

Json CallToJson(const Call& call) {
  return Json{{"id", call.id},
              {"office", call.office_id},
              {"phone", call.phone},
              {"outcome", CallOutcomeName(call.outcome)},
              {"date", call.date},
              {"note", call.note},
              {"caller", call.caller}};
}

Json DueCallToJson(const DueCall& due) {
  return Json{{"office", due.office_id},
              {"office_name", Json{{"en", due.office_name.en}, {"zh", due.office_name.zh}}},
              {"phone", PhoneJson(due.phone)},
              {"latest", due.latest ? CallToJson(*due.latest) : Json(nullptr)},
              {"hours", HoursToJson(due.hours)}};
}

Json SessionToJson(const Session& session) {
  return Json{{"editor", session.editor},
              {"csrf_token", session.csrf_token},
              {"expires_at", session.expires_at}};
}

std::string DumpBody(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ngodesk::server
