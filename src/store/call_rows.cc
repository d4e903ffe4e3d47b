#include "store/call_rows.h"

namespace ngodesk::store {
namespace {

Status RecordNumberCalls(Statement& insert, const Office& office,
                         const std::vector<PhoneNumber>& numbers) {
  for (const PhoneNumber& number : numbers) {
    if (number.confirmed_on.empty()) continue;
    const std::string& phone = number.e164.empty() ? number.text : number.e164;
    insert.Bind(1, office.id).Bind(2, phone).Bind(3, number.confirmed_on);
    insert.Bind(4, kPageCaller).BindOptional(5, number.source_id);
    if (Status inserted = insert.Run(); !inserted.ok()) return inserted;
  }
  return {};
}

}  // namespace

Status RecordDirectoryCalls(const Connection& connection, const std::vector<Office>& offices) {
  Result<Statement> insert = Statement::Prepare(connection, R"sql(
      INSERT INTO phone_call (office_id, phone, outcome, date, note, caller, source_id)
      SELECT ?1, ?2, 'reached', ?3, '', ?4, ?5
      WHERE NOT EXISTS (SELECT 1 FROM phone_call WHERE office_id = ?1 AND phone = ?2
                        AND outcome = 'reached' AND date = ?3 AND caller = ?4))sql");
  if (!insert.ok()) return insert.error();

  for (const Office& office : offices) {
    if (Status s = RecordNumberCalls(*insert, office, office.phones); !s.ok()) return s;
    if (Status s = RecordNumberCalls(*insert, office, office.faxes); !s.ok()) return s;
  }
  return {};
}

Status RefreshCallState(const Connection& connection, std::string_view office_id) {
  // Two statements, because the second reads the confirmed_on the first wrote.
  static constexpr const char* kUpdates[] = {
      R"sql(UPDATE office_phone SET confirmed_on =
              (SELECT max(c.date) FROM phone_call c
               WHERE c.office_id = office_phone.office_id
                 AND c.phone = coalesce(office_phone.e164, office_phone.text)
                 AND c.outcome = 'reached')
            WHERE ?1 = '' OR office_id = ?1)sql",
      R"sql(UPDATE office_phone SET last_failed_call_on =
              (SELECT max(c.date) FROM phone_call c
               WHERE c.office_id = office_phone.office_id
                 AND c.phone = coalesce(office_phone.e164, office_phone.text)
                 AND c.outcome <> 'reached'
                 -- No success after it, by date, then by the order recorded,
                 -- so a failure later on the day of a success counts.
                 AND NOT EXISTS (
                   SELECT 1 FROM phone_call s
                   WHERE s.office_id = c.office_id AND s.phone = c.phone
                     AND s.outcome = 'reached'
                     AND (s.date > c.date OR (s.date = c.date AND s.id > c.id))))
            WHERE ?1 = '' OR office_id = ?1)sql",
  };
  for (const char* sql : kUpdates) {
    Result<Statement> update = Statement::Prepare(connection, sql);
    if (!update.ok()) return update.error();
    if (Status updated = update->Bind(1, office_id).Run(); !updated.ok()) return updated;
  }
  return {};
}

}  // namespace ngodesk::store
