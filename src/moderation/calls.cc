// Verification calls and the list of numbers to call next.
#include <algorithm>
#include <string>

#include "moderation/clock.h"
#include "moderation/tables.h"
#include "moderation/text_checks.h"
#include "ngodesk/moderation.h"
#include "ngodesk/phone.h"
#include "store/call_rows.h"
#include "store/office_rows.h"

namespace ngodesk {

using moderation::ConnectionOf;
using store::Statement;

namespace {

constexpr std::size_t kMaxCallNoteBytes = 1000;

constexpr const char* kCallColumns =
    "SELECT id, office_id, phone, outcome, date, note, caller, source_id FROM phone_call ";

Call ReadCallRow(const Statement& row) {
  Call call;
  call.id = row.Integer(0);
  call.office_id = row.Text(1);
  call.phone = row.Text(2);
  call.outcome = ParseCallOutcome(row.Text(3)).value_or(CallOutcome::kNoAnswer);
  call.date = row.Text(4);
  call.note = row.Text(5);
  call.caller = row.Text(6);
  call.source_id = row.Text(7);
  return call;
}

Status CheckCall(const Call& call) {
  if (!moderation::ParseDate(call.date)) {
    return Error::InvalidArgument(
        "the call date \"" + call.date + "\" is not a date of the form YYYY-MM-DD.",
        "通话日期 \"" + call.date + "\" 不是 YYYY-MM-DD 格式的日期。");
  }
  const bool caller_ok = !call.caller.empty() && moderation::IsValidUtf8(call.caller) &&
                         !moderation::HasControlCharacter(call.caller, false) &&
                         !moderation::FindInvisibleCharacter(call.caller);
  if (!caller_ok) {
    return Error::InvalidArgument(
        "the caller's name is empty or contains control or invisible characters; give a name.",
        "拨打人姓名为空或含控制字符、不可见字符；请填写姓名。");
  }
  const bool note_ok = call.note.size() <= kMaxCallNoteBytes &&
                       moderation::IsValidUtf8(call.note) &&
                       !moderation::HasControlCharacter(call.note, true);
  if (!note_ok) {
    return Error::InvalidArgument(
        "the call note must be printable UTF-8 text of at most 1000 bytes.",
        "通话备注须为不超过 1000 字节的可打印 UTF-8 文本。");
  }
  return {};
}

// The number of `office` that `text` names, by published text or E.164.
const PhoneNumber* FindNumber(const Office& office, std::string_view text) {
  const std::string_view trimmed = moderation::Trim(text);
  Result<NormalizedPhone> parsed = NormalizePhone(trimmed);
  const std::string e164 = parsed.ok() ? parsed->e164 : std::string();
  for (const auto* numbers : {&office.phones, &office.faxes}) {
    for (const PhoneNumber& number : *numbers) {
      if (moderation::Trim(number.text) == trimmed || number.e164 == trimmed) return &number;
      if (!e164.empty() && number.e164 == e164) return &number;
    }
  }
  return nullptr;
}

Error UnknownNumber(const Office& office, std::string_view text) {
  std::string listed;
  for (const PhoneNumber& number : office.phones) listed += (listed.empty() ? "" : ", ") + number.text;
  const std::string value(text);
  return Error::NotFound(
      office.id + " publishes no number \"" + value + "\". Its numbers: " + listed + ".",
      office.id + " 未公布号码 \"" + value + "\"。其号码为：" + listed + "。");
}

Result<std::optional<Call>> LatestCall(const store::Connection& connection,
                                       const std::string& office_id, const std::string& phone) {
  Result<Statement> select = Statement::Prepare(
      connection, std::string(kCallColumns) +
                      "WHERE office_id = ?1 AND phone = ?2 ORDER BY date DESC, id DESC LIMIT 1");
  if (!select.ok()) return select.error();
  select->Bind(1, office_id).Bind(2, phone);

  Result<bool> row = select->Step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<Call>();
  return std::optional<Call>(ReadCallRow(*select));
}

// Never-called numbers first, then numbers never reached, then the oldest
// confirmation, then the oldest latest call.
bool CallsFirst(const DueCall& a, const DueCall& b) {
  if (a.latest.has_value() != b.latest.has_value()) return !a.latest.has_value();
  if (a.phone.confirmed_on != b.phone.confirmed_on) return a.phone.confirmed_on < b.phone.confirmed_on;
  const std::string a_date = a.latest ? a.latest->date : std::string();
  const std::string b_date = b.latest ? b.latest->date : std::string();
  return a_date < b_date;
}

}  // namespace

namespace moderation {

Status RefreshCallState(const store::Connection& connection, std::string_view office_id) {
  return store::RefreshCallState(connection, office_id);
}

}  // namespace moderation

Result<Call> Moderation::RecordCall(Call call) {
  if (Status checked = CheckCall(call); !checked.ok()) return checked.error();
  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<std::optional<Office>> office = store::ReadOffice(connection, call.office_id);
  if (!office.ok()) return office.error();
  if (!*office) return moderation::UnknownOffice(call.office_id);
  const PhoneNumber* number = FindNumber(**office, call.phone);
  if (number == nullptr) return UnknownNumber(**office, call.phone);
  call.phone = number->e164.empty() ? number->text : number->e164;

  Result<Statement> insert = Statement::Prepare(connection, R"sql(
      INSERT INTO phone_call (office_id, phone, outcome, date, note, caller, source_id)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
  if (!insert.ok()) return insert.error();
  insert->Bind(1, call.office_id).Bind(2, call.phone).Bind(3, CallOutcomeName(call.outcome));
  insert->Bind(4, call.date).Bind(5, call.note).Bind(6, call.caller);
  insert->BindOptional(7, call.source_id);
  if (Status inserted = insert->Run(); !inserted.ok()) return inserted.error();
  call.id = sqlite3_last_insert_rowid(connection.db);

  if (Status s = moderation::RefreshCallState(connection, call.office_id); !s.ok()) {
    return s.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return call;
}

Result<std::vector<Call>> Moderation::Calls(std::string_view office_id) const {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> select = Statement::Prepare(
      connection, std::string(kCallColumns) + "WHERE office_id = ?1 ORDER BY date DESC, id DESC");
  if (!select.ok()) return select.error();
  select->Bind(1, office_id);

  std::vector<Call> calls;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) return calls;
    calls.push_back(ReadCallRow(*select));
  }
}

Result<std::vector<DueCall>> Moderation::CallsDue(std::chrono::days older_than,
                                                  std::chrono::sys_days today) const {
  const std::string cutoff = moderation::FormatDate(today - older_than);
  Result<std::vector<Office>> offices = store_->ListOffices();
  if (!offices.ok()) return offices.error();

  const store::Connection connection = ConnectionOf(*store_);
  std::vector<DueCall> due;
  for (const Office& office : *offices) {
    for (const PhoneNumber& number : office.phones) {
      // A failed call after the latest success makes a number due however
      // recent that success was: the office may have changed its number.
      const bool recently_confirmed = !number.confirmed_on.empty() && number.confirmed_on >= cutoff;
      if (recently_confirmed && !number.possibly_out_of_date()) continue;
      const std::string key = number.e164.empty() ? number.text : number.e164;
      Result<std::optional<Call>> latest = LatestCall(connection, office.id, key);
      if (!latest.ok()) return latest.error();
      due.push_back(DueCall{office.id, office.name, number, std::move(*latest), office.hours});
    }
  }
  std::stable_sort(due.begin(), due.end(), CallsFirst);
  return due;
}

}  // namespace ngodesk
