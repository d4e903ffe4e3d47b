// Keeping the directory true: reports from readers, their review by editors,
// the history of accepted changes and the log of verification calls. Every
// function works on a Store and writes in one transaction, so a change to an
// office and its history row land together or not at all. The tables come
// from a migration in src/store/migrations.cc and are documented in
// docs/store.md.
//
// Times are UTC instants written as ISO 8601 ("2026-12-04T08:30:00Z"); dates
// are "YYYY-MM-DD". Every function takes "now" from its caller, so tests run
// on a fixed clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/result.h"
#include "ngodesk/store.h"

namespace ngodesk {

// The part of an office a report is about, named as in the JSON export.
enum class ReportField {
  kPhones,
  kFax,
  kAddresses,
  kHours,
  kEmails,
  kWebsites,
  kOther,  // anything else: recorded in the history, changes no field
};

// "phones", "fax", "addresses", "hours", "emails", "websites", "other".
std::string_view ReportFieldName(ReportField field);
std::optional<ReportField> ParseReportField(std::string_view name);

// Size limits of a report's texts, in bytes of UTF-8.
inline constexpr std::size_t kMaxReportValueBytes = 1000;     // current, proposed
inline constexpr std::size_t kMaxReportEvidenceBytes = 4000;  // evidence
inline constexpr std::size_t kMaxContactEmailBytes = 254;

// A report as a reader sends it. `current` is the published value the report is about,
// empty to add a new entry. `proposed` is the new value, empty to ask for the
// entry's removal. At least one of them is non-empty.
struct NewReport {
  std::string office_id;
  ReportField field = ReportField::kOther;
  std::string current;
  std::string proposed;
  std::string evidence;       // optional: where the reader saw it, or a call and its result
  std::string contact_email;  // optional; never published or exported, erased on close
};

// Parses the JSON body of POST /api/v1/reports: an object with the string
// members office, field, current, proposed and the optional evidence and
// contact_email. Unknown members are rejected. Checks shapes and sizes
// (valid UTF-8, no control characters but newlines and tabs in evidence, the
// limits above, an email of the form a@b.c) but not the office, because
// SubmitReport does. Errors are InvalidArgument or Parse and name the member
// and the value.
Result<NewReport> ParseReportJson(std::string_view json);

enum class ReportStatus { kOpen, kAccepted, kRejected };
std::string_view ReportStatusName(ReportStatus status);  // "open", "accepted", "rejected"
std::optional<ReportStatus> ParseReportStatus(std::string_view name);

struct Report {
  std::int64_t id = 0;
  NewReport content;  // content.contact_email is empty once the report is closed
  ReportStatus status = ReportStatus::kOpen;
  std::string received_at;  // instant
  std::string closed_at;    // instant; empty while open
  std::string closed_by;    // editor name; empty while open
  std::string reason;       // why it was rejected; empty otherwise
};

// One accepted change to an office, as kept in its history. `old_value` and
// `new_value` are texts as a reader would write them (a phone number as
// published, an address side, an opening_hours expression).
struct Change {
  std::int64_t id = 0;
  std::string office_id;
  ReportField field = ReportField::kOther;
  std::string old_value;
  std::string new_value;
  std::string evidence;
  std::string editor;
  std::string changed_at;  // instant
  std::optional<std::int64_t> report_id;
};

enum class CallOutcome { kReached, kNoAnswer, kWrongNumber, kDisconnected };
// "reached", "no-answer", "wrong-number", "disconnected".
std::string_view CallOutcomeName(CallOutcome outcome);
std::optional<CallOutcome> ParseCallOutcome(std::string_view name);

// A verification call to one of an office's numbers. `phone` is the number's
// E.164 form when it has one, else its published text.
struct Call {
  std::int64_t id = 0;
  std::string office_id;
  std::string phone;
  CallOutcome outcome = CallOutcome::kReached;
  std::string date;    // the day of the call
  std::string note;
  std::string caller;  // editor name, or "page" for the calls the imported page records
  std::string source_id;  // the source that reports the call, e.g. the page's; empty for editors
};

// A number to call next: its latest call (if any) and the office's hours, so
// that the caller rings while someone is there.
struct DueCall {
  std::string office_id;
  BilingualText office_name;
  PhoneNumber phone;
  std::optional<Call> latest;  // nullopt: never called
  Hours hours;
};

// A signed-in editor. `id` goes in an HttpOnly cookie, `csrf_token` must come
// back in the X-CSRF-Token header of every editor action. Both are random,
// 32 bytes, hex; only the session id's hash is stored.
struct Session {
  std::string id;
  std::string csrf_token;
  std::string editor;
  std::string expires_at;  // instant
};

// Editor sessions last this long from sign-in.
inline constexpr std::chrono::hours kSessionLifetime{8};

class Moderation {
 public:
  // Works on `store`, which must outlive this object.
  explicit Moderation(Store& store);

  // Reports ------------------------------------------------------------------

  // Stores a report and returns its id once the transaction has committed
  // with synchronous=FULL. Checks first that the office exists and that a
  // non-empty `current` is one of the office's published values for the
  // field, compared after trimming, and for a phone number also by its E.164
  // form. `proposed` must suit the field: a phone or fax number that
  // libphonenumber can read, an opening_hours expression, an email, an
  // http(s) URL.
  Result<std::int64_t> SubmitReport(const NewReport& report, std::chrono::sys_seconds now);

  // Reports, oldest first; all of them when `status` is nullopt.
  Result<std::vector<Report>> ListReports(std::optional<ReportStatus> status) const;
  Result<Report> FindReport(std::int64_t id) const;

  // Applies an open report to its office and records the change, in one
  // transaction: the office's field, its history row (who, when, field, old,
  // new, evidence) and the report's closing, with its contact email erased.
  // NotFound for an unknown id; InvalidArgument when the report is closed or
  // its `current` value is no longer published.
  Result<Change> Accept(std::int64_t report_id, std::string_view editor,
                        std::chrono::sys_seconds now);

  // Closes an open report with a reason (required) and erases its contact email.
  Status Reject(std::int64_t report_id, std::string_view editor, std::string_view reason,
                std::chrono::sys_seconds now);

  // History -----------------------------------------------------------------

  // Accepted changes, newest first: of one office, or of all offices when
  // `office_id` is empty; at most `limit`.
  Result<std::vector<Change>> History(std::string_view office_id, std::size_t limit = 100) const;

  // Editors and sessions ----------------------------------------------------

  // Adds an editor and returns their token, which is shown once: only its
  // SHA-256 hash is stored. Names are 1 to 64 characters without control
  // characters; InvalidArgument when the name is taken.
  Result<std::string> AddEditor(std::string_view name, std::chrono::sys_seconds now);
  // Removes an editor and ends their sessions. NotFound for an unknown name.
  Status RemoveEditor(std::string_view name);
  Result<std::vector<std::string>> ListEditors() const;

  // Signs in with a token: a new session, or NotFound when no editor has
  // this token. Rate limiting failed sign-ins is the server's job.
  Result<Session> SignIn(std::string_view token, std::chrono::sys_seconds now);
  // The live session with this id, or nullopt when unknown or expired.
  Result<std::optional<Session>> FindSession(std::string_view session_id,
                                             std::chrono::sys_seconds now) const;
  Status SignOut(std::string_view session_id);

  // Verification calls ------------------------------------------------------

  // Records a call on one of the office's numbers (matched by published text
  // or E.164) and updates that number's confirmed_on and last_failed_call_on
  // in the same transaction. NotFound for an unknown office or number.
  Result<Call> RecordCall(Call call);

  // Calls on one office's numbers, newest first.
  Result<std::vector<Call>> Calls(std::string_view office_id) const;

  // Every phone number (faxes excluded) that was never reached, whose latest
  // reached call is older than `older_than` before `today`, or whose latest
  // call failed. Never-called numbers come first, then the oldest confirmation.
  Result<std::vector<DueCall>> CallsDue(std::chrono::days older_than,
                                        std::chrono::sys_days today) const;

 private:
  Store* store_;
};

// Copies the open database to `path` with SQLite's online backup, consistent
// while other connections write. Rejects an existing `path` rather than
// overwrite it.
Status BackupStore(const Store& store, const std::string& path);

// Replaces the database at `store_path` with the backup at `backup_path`
// after checking that the backup is an ngodesk database this binary can
// read. On any error the database is left as it was.
Status RestoreStore(const std::string& backup_path, const std::string& store_path);

}  // namespace ngodesk
