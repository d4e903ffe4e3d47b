// Feeds arbitrary bytes to ParseReportJson. Beyond "no crash", checks that an
// accepted report keeps within the size limits and reads back the same after
// writing it out as JSON again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ngodesk::Result<ngodesk::NewReport> report = ngodesk::ParseReportJson(text);
  if (!report.ok()) {
    if (report.error().message.empty() || report.error().message_zh.empty()) std::abort();
    return 0;
  }

  if (report->current.size() > ngodesk::kMaxReportValueBytes ||
      report->proposed.size() > ngodesk::kMaxReportValueBytes ||
      report->evidence.size() > ngodesk::kMaxReportEvidenceBytes ||
      report->contact_email.size() > ngodesk::kMaxContactEmailBytes) {
    std::abort();
  }

  const nlohmann::json written = {{"office", report->office_id},
                                  {"field", ngodesk::ReportFieldName(report->field)},
                                  {"current", report->current},
                                  {"proposed", report->proposed},
                                  {"evidence", report->evidence},
                                  {"contact_email", report->contact_email}};
  ngodesk::Result<ngodesk::NewReport> again = ngodesk::ParseReportJson(written.dump());
  if (!again.ok() || again->office_id != report->office_id || again->field != report->field ||
      again->current != report->current || again->proposed != report->proposed ||
      again->evidence != report->evidence || again->contact_email != report->contact_email) {
    std::abort();
  }
  return 0;
}
