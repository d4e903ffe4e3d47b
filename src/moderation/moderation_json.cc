#include "ngodesk/moderation_json.h"

#include <string>

#include "ngodesk/office_json.h"

namespace ngodesk {
namespace {

using Json = nlohmann::ordered_json;

Json NullIfEmpty(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

}  // namespace

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

Json CallToJson(const Call& call) {
  return Json{{"id", call.id},
              {"office", call.office_id},
              {"phone", call.phone},
              {"outcome", CallOutcomeName(call.outcome)},
              {"date", call.date},
              {"note", call.note},
              {"caller", call.caller},
              {"source", NullIfEmpty(call.source_id)}};
}

Json DueCallToJson(const DueCall& due) {
  // An office with only this number and these hours gives both exactly as
  // the office JSON writes them.
  Office office;
  office.phones.push_back(due.phone);
  office.hours = due.hours;
  Json office_json = OfficeToJson(office);
  return Json{{"office", due.office_id},
              {"office_name", Json{{"en", due.office_name.en}, {"zh", due.office_name.zh}}},
              {"phone", office_json["phones"][0]},
              {"latest", due.latest ? CallToJson(*due.latest) : Json(nullptr)},
              {"hours", office_json["hours"]}};
}

}  // namespace ngodesk
