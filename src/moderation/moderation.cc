// Reports, their review and the history of accepted changes.
#include "ngodesk/moderation.h"

#include <optional>
#include <string>
#include <utility>

#include "moderation/clock.h"
#include "moderation/office_edits.h"
#include "moderation/report_checks.h"
#include "moderation/tables.h"
#include "moderation/text_checks.h"
#include "store/call_rows.h"
#include "store/office_rows.h"

namespace ngodesk {

using moderation::ConnectionOf;
using store::Statement;

namespace moderation {

Result<store::Transaction> BeginDurable(const store::Connection& connection) {
  if (Status s = store::Exec(connection, "PRAGMA synchronous = FULL"); !s.ok()) return s.error();
  return store::Transaction::Begin(connection);
}

Error UnknownOffice(std::string_view office_id) {
  const std::string id(office_id);
  return Error::NotFound(
      "no office has the id \"" + id + "\". Run `ngodesk list` to see the ids.",
      "没有 id 为 \"" + id + "\" 的办公室。请运行 `ngodesk list` 查看 id。");
}

}  // namespace moderation

namespace {

constexpr std::size_t kMaxReasonBytes = 1000;

constexpr const char* kReportColumns =
    "SELECT id, office_id, field, current, proposed, evidence, contact_email, status, "
    "received_at, closed_at, closed_by, reason FROM report ";

Report ReadReportRow(const Statement& row) {
  Report report;
  report.id = row.Integer(0);
  report.content.office_id = row.Text(1);
  report.content.field = ParseReportField(row.Text(2)).value_or(ReportField::kOther);
  report.content.current = row.Text(3);
  report.content.proposed = row.Text(4);
  report.content.evidence = row.Text(5);
  report.content.contact_email = row.Text(6);
  report.status = ParseReportStatus(row.Text(7)).value_or(ReportStatus::kOpen);
  report.received_at = row.Text(8);
  report.closed_at = row.Text(9);
  report.closed_by = row.Text(10);
  report.reason = row.Text(11);
  return report;
}

constexpr const char* kChangeColumns =
    "SELECT id, office_id, field, old_value, new_value, evidence, editor, changed_at, report_id "
    "FROM office_change ";

Change ReadChangeRow(const Statement& row) {
  Change change;
  change.id = row.Integer(0);
  change.office_id = row.Text(1);
  change.field = ParseReportField(row.Text(2)).value_or(ReportField::kOther);
  change.old_value = row.Text(3);
  change.new_value = row.Text(4);
  change.evidence = row.Text(5);
  change.editor = row.Text(6);
  change.changed_at = row.Text(7);
  if (!row.IsNull(8)) change.report_id = row.Integer(8);
  return change;
}

Error UnknownReport(std::int64_t id) {
  const std::string text = std::to_string(id);
  return Error::NotFound("no report has the id " + text + ". Run `ngodesk review --status all` "
                         "to see the ids.",
                         "没有 id 为 " + text + " 的报告。请运行 `ngodesk review --status all` "
                         "查看 id。");
}

Error ReportClosed(const Report& report) {
  const std::string id = std::to_string(report.id);
  const std::string status(ReportStatusName(report.status));
  return Error::InvalidArgument(
      "report " + id + " is already " + status + " (by " + report.closed_by + " at " +
          report.closed_at + "); only open reports can be accepted or rejected.",
      "报告 " + id + " 已被处理（" + status + "，" + report.closed_by + "，" + report.closed_at +
          "）；只能处理未结的报告。");
}

Status CheckEditorName(std::string_view editor) {
  if (!editor.empty() && moderation::IsValidUtf8(editor) &&
      !moderation::HasControlCharacter(editor, false) &&
      !moderation::FindInvisibleCharacter(editor)) {
    return {};
  }
  return Error::InvalidArgument(
      "the editor name is empty or contains control or invisible characters; give a name.",
      "编辑姓名为空或含控制字符、不可见字符；请填写姓名。");
}

// The unknown office of a report from the web page, where readers pick the
// office from the list rather than type its id.
Error UnknownReportedOffice(std::string_view office_id) {
  const std::string id(office_id);
  return Error::NotFound(
      "no office has the id \"" + id + "\"; reload the page and report from the office's card.",
      "没有 id 为 \"" + id + "\" 的机关；请刷新页面，在该机关的卡片上报告。");
}

// Closes an open report and erases its contact email.
Status CloseReport(const store::Connection& connection, std::int64_t id, ReportStatus status,
                   std::string_view editor, std::string_view reason, const std::string& now) {
  Result<Statement> update = Statement::Prepare(connection, R"sql(
      UPDATE report SET status = ?2, closed_at = ?3, closed_by = ?4, reason = ?5,
                        contact_email = NULL
      WHERE id = ?1 AND status = 'open')sql");
  if (!update.ok()) return update.error();
  update->Bind(1, id).Bind(2, ReportStatusName(status)).Bind(3, now).Bind(4, editor);
  update->BindOptional(5, reason);
  return update->Run();
}

Result<std::int64_t> InsertChange(const store::Connection& connection, const Change& change) {
  Result<Statement> insert = Statement::Prepare(connection, R"sql(
      INSERT INTO office_change (office_id, field, old_value, new_value, evidence, editor,
                                 changed_at, report_id)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql");
  if (!insert.ok()) return insert.error();
  insert->Bind(1, change.office_id).Bind(2, ReportFieldName(change.field));
  insert->Bind(3, change.old_value).Bind(4, change.new_value).Bind(5, change.evidence);
  insert->Bind(6, change.editor).Bind(7, change.changed_at);
  if (change.report_id) {
    insert->Bind(8, *change.report_id);
  } else {
    insert->BindNull(8);
  }
  if (Status inserted = insert->Run(); !inserted.ok()) return inserted.error();
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(connection.db));
}

// The source an accepted report adds to its office, dated in China time.
Source ReportSource(const Report& report, std::string_view editor, std::chrono::sys_seconds now) {
  const std::string id = std::to_string(report.id);
  return Source{"report-" + id,
                "Reader report " + id + ", accepted by " + std::string(editor),
                moderation::FormatDate(moderation::ChinaDate(now)), report.content.evidence};
}

}  // namespace

Moderation::Moderation(Store& store) : store_(&store) {}

Result<std::int64_t> Moderation::SubmitReport(const NewReport& report,
                                              std::chrono::sys_seconds now) {
  if (Status shape = moderation::CheckReportShape(report); !shape.ok()) return shape.error();

  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<std::optional<Office>> office = store::ReadOffice(connection, report.office_id);
  if (!office.ok()) return office.error();
  if (!*office) return UnknownReportedOffice(report.office_id);
  if (Status fits = moderation::CheckAgainstOffice(**office, report); !fits.ok()) {
    return fits.error();
  }

  Result<Statement> insert = Statement::Prepare(connection, R"sql(
      INSERT INTO report (office_id, field, current, proposed, evidence, contact_email, status,
                          received_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7))sql");
  if (!insert.ok()) return insert.error();
  insert->Bind(1, report.office_id).Bind(2, ReportFieldName(report.field));
  insert->Bind(3, report.current).Bind(4, report.proposed).Bind(5, report.evidence);
  insert->BindOptional(6, report.contact_email).Bind(7, moderation::FormatInstant(now));
  if (Status inserted = insert->Run(); !inserted.ok()) return inserted.error();

  const std::int64_t id = sqlite3_last_insert_rowid(connection.db);
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return id;
}

Result<std::vector<Report>> Moderation::ListReports(std::optional<ReportStatus> status) const {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> select = Statement::Prepare(
      connection, std::string(kReportColumns) + "WHERE ?1 = '' OR status = ?1 ORDER BY id");
  if (!select.ok()) return select.error();
  select->Bind(1, status ? ReportStatusName(*status) : std::string_view());

  std::vector<Report> reports;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) return reports;
    reports.push_back(ReadReportRow(*select));
  }
}

Result<Report> Moderation::FindReport(std::int64_t id) const {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> select =
      Statement::Prepare(connection, std::string(kReportColumns) + "WHERE id = ?1");
  if (!select.ok()) return select.error();
  select->Bind(1, id);

  Result<bool> row = select->Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownReport(id);
  return ReadReportRow(*select);
}

Result<Change> Moderation::Accept(std::int64_t report_id, std::string_view editor,
                                  std::chrono::sys_seconds now) {
  if (Status named = CheckEditorName(editor); !named.ok()) return named.error();
  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<Report> report = FindReport(report_id);
  if (!report.ok()) return report.error();
  if (report->status != ReportStatus::kOpen) return ReportClosed(*report);

  Result<std::optional<Office>> found = store::ReadOffice(connection, report->content.office_id);
  if (!found.ok()) return found.error();
  if (!*found) return moderation::UnknownOffice(report->content.office_id);
  Office& office = **found;

  const Source source = ReportSource(*report, editor, now);
  Result<moderation::Edit> edit = moderation::ApplyReport(office, report->content, source.id);
  if (!edit.ok()) return edit.error();
  if (report->content.field != ReportField::kOther) office.sources.push_back(source);
  if (Status written = store::WriteOffice(connection, office); !written.ok()) return written.error();
  if (Status s = moderation::RefreshCallState(connection, office.id); !s.ok()) return s.error();

  Change change{0,          office.id,        report->content.field,
                edit->old_value, edit->new_value, report->content.evidence,
                std::string(editor), moderation::FormatInstant(now), report->id};
  Result<std::int64_t> change_id = InsertChange(connection, change);
  if (!change_id.ok()) return change_id.error();
  change.id = *change_id;

  if (Status closed = CloseReport(connection, report->id, ReportStatus::kAccepted, editor, "",
                                  change.changed_at);
      !closed.ok()) {
    return closed.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return change;
}

Status Moderation::Reject(std::int64_t report_id, std::string_view editor,
                          std::string_view reason, std::chrono::sys_seconds now) {
  if (Status named = CheckEditorName(editor); !named.ok()) return named;
  if (moderation::Trim(reason).empty()) {
    return Error::InvalidArgument("a rejection needs a reason; say why the report is wrong.",
                                  "驳回报告需要理由；请说明报告错在哪里。");
  }
  const bool printable = reason.size() <= kMaxReasonBytes && moderation::IsValidUtf8(reason) &&
                         !moderation::HasControlCharacter(reason, true);
  if (!printable) {
    return Error::InvalidArgument(
        "the reason must be printable UTF-8 text of at most 1000 bytes; shorten it.",
        "理由须为不超过 1000 字节的可打印 UTF-8 文本；请缩短。");
  }
  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<Report> report = FindReport(report_id);
  if (!report.ok()) return report.error();
  if (report->status != ReportStatus::kOpen) return ReportClosed(*report);

  if (Status closed = CloseReport(connection, report_id, ReportStatus::kRejected, editor,
                                  moderation::Trim(reason), moderation::FormatInstant(now));
      !closed.ok()) {
    return closed;
  }
  return transaction->Commit();
}

Result<std::vector<Change>> Moderation::History(std::string_view office_id,
                                                std::size_t limit) const {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> select = Statement::Prepare(
      connection,
      std::string(kChangeColumns) + "WHERE ?1 = '' OR office_id = ?1 ORDER BY id DESC LIMIT ?2");
  if (!select.ok()) return select.error();
  select->Bind(1, office_id).Bind(2, static_cast<std::int64_t>(limit));

  std::vector<Change> changes;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) return changes;
    changes.push_back(ReadChangeRow(*select));
  }
}

}  // namespace ngodesk
