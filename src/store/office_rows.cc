#include "store/office_rows.h"
#include "ngodesk/jurisdictions.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace ngodesk::store {
namespace {

JurisdictionKind KindFromName(const std::string& name) {
  if (name == "national") return JurisdictionKind::kNational;
  if (name == "bingtuan") return JurisdictionKind::kBingtuan;
  return JurisdictionKind::kProvince;  // the CHECK constraint admits nothing else
}

Status WriteOfficeRow(const Connection& connection, const Office& office) {
  Result<Statement> upsert = Statement::Prepare(connection, R"sql(
      INSERT INTO office (id, name_en, name_zh, jurisdiction_kind, jurisdiction_code,
                          jurisdiction_en, jurisdiction_zh, city_code, city_en, city_zh,
                          hours_text, hours_expression, hours_assumed, hours_assumption_en,
                          hours_assumption_zh, hours_source_id)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
      ON CONFLICT (id) DO UPDATE SET
        name_en = excluded.name_en, name_zh = excluded.name_zh,
        jurisdiction_kind = excluded.jurisdiction_kind,
        jurisdiction_code = excluded.jurisdiction_code,
        jurisdiction_en = excluded.jurisdiction_en, jurisdiction_zh = excluded.jurisdiction_zh,
        city_code = excluded.city_code, city_en = excluded.city_en, city_zh = excluded.city_zh,
        hours_text = excluded.hours_text, hours_expression = excluded.hours_expression,
        hours_assumed = excluded.hours_assumed,
        hours_assumption_en = excluded.hours_assumption_en,
        hours_assumption_zh = excluded.hours_assumption_zh,
        hours_source_id = excluded.hours_source_id)sql");
  if (!upsert.ok()) return upsert.error();

  upsert->Bind(1, office.id).Bind(2, office.name.en).Bind(3, office.name.zh);
  upsert->Bind(4, JurisdictionKindName(office.jurisdiction.kind)).BindOptional(5, office.jurisdiction.code);
  upsert->Bind(6, office.jurisdiction.name.en).Bind(7, office.jurisdiction.name.zh);
  if (office.city) {
    upsert->BindOptional(8, office.city->code)
        .Bind(9, office.city->name.en)
        .Bind(10, office.city->name.zh);
  }
  if (office.hours.text) upsert->Bind(11, *office.hours.text);
  upsert->BindOptional(12, office.hours.expression);
  upsert->Bind(13, std::int64_t{office.hours.assumed ? 1 : 0});
  upsert->BindOptional(14, office.hours.assumption.en).BindOptional(15, office.hours.assumption.zh);
  upsert->BindOptional(16, office.hours.source_id);
  return upsert->Run();
}

Status DeleteChildRows(const Connection& connection, const std::string& id) {
  static constexpr std::array<const char*, 6> kDeletes = {
      "DELETE FROM office_source WHERE office_id = ?1",
      "DELETE FROM office_address WHERE office_id = ?1",
      "DELETE FROM office_phone WHERE office_id = ?1",
      "DELETE FROM office_email WHERE office_id = ?1",
      "DELETE FROM office_website WHERE office_id = ?1",
      "DELETE FROM office_correction WHERE office_id = ?1",
  };
  for (const char* sql : kDeletes) {
    Result<Statement> statement = Statement::Prepare(connection, sql);
    if (!statement.ok()) return statement.error();
    if (Status deleted = statement->Bind(1, id).Run(); !deleted.ok()) return deleted;
  }
  return {};
}

Status WriteSources(const Connection& connection, const Office& office) {
  Result<Statement> insert = Statement::Prepare(
      connection,
      "INSERT INTO office_source (office_id, position, source_id, title, date, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return insert.error();

  for (std::size_t i = 0; i < office.sources.size(); ++i) {
    const Source& source = office.sources[i];
    insert->Bind(1, office.id).Bind(2, static_cast<std::int64_t>(i)).Bind(3, source.id);
    insert->Bind(4, source.title).BindOptional(5, source.date).BindOptional(6, source.note);
    if (Status inserted = insert->Run(); !inserted.ok()) return inserted;
  }
  return {};
}

Status WriteAddresses(const Connection& connection, const Office& office) {
  Result<Statement> insert = Statement::Prepare(
      connection,
      "INSERT INTO office_address (office_id, position, en, zh, source_id, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return insert.error();

  for (std::size_t i = 0; i < office.addresses.size(); ++i) {
    const Address& address = office.addresses[i];
    insert->Bind(1, office.id).Bind(2, static_cast<std::int64_t>(i));
    insert->Bind(3, address.text.en).Bind(4, address.text.zh);
    insert->BindOptional(5, address.source_id).BindOptional(6, address.note);
    if (Status inserted = insert->Run(); !inserted.ok()) return inserted;
  }
  return {};
}

Status WritePhones(const Connection& connection, const Office& office, const char* kind,
                   const std::vector<PhoneNumber>& phones) {
  Result<Statement> insert = Statement::Prepare(connection, R"sql(
      INSERT INTO office_phone (office_id, kind, position, text, e164, national, extension,
                                area_code_inferred, confirmed_on, source_id, last_failed_call_on)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
  if (!insert.ok()) return insert.error();

  for (std::size_t i = 0; i < phones.size(); ++i) {
    const PhoneNumber& phone = phones[i];
    insert->Bind(1, office.id).Bind(2, kind).Bind(3, static_cast<std::int64_t>(i));
    insert->Bind(4, phone.text).BindOptional(5, phone.e164).BindOptional(6, phone.national);
    insert->BindOptional(7, phone.extension)
        .Bind(8, std::int64_t{phone.area_code_inferred ? 1 : 0});
    insert->BindOptional(9, phone.confirmed_on).BindOptional(10, phone.source_id);
    insert->BindOptional(11, phone.last_failed_call_on);
    if (Status inserted = insert->Run(); !inserted.ok()) return inserted;
  }
  return {};
}

// Writes a list of strings into office_email or office_website.
Status WriteStrings(const Connection& connection, const Office& office, const char* sql,
                    const std::vector<std::string>& values) {
  Result<Statement> insert = Statement::Prepare(connection, sql);
  if (!insert.ok()) return insert.error();

  for (std::size_t i = 0; i < values.size(); ++i) {
    insert->Bind(1, office.id).Bind(2, static_cast<std::int64_t>(i)).Bind(3, values[i]);
    if (Status inserted = insert->Run(); !inserted.ok()) return inserted;
  }
  return {};
}

Status WriteCorrections(const Connection& connection, const Office& office) {
  Result<Statement> insert = Statement::Prepare(
      connection,
      "INSERT INTO office_correction (office_id, position, field, published, corrected, reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return insert.error();

  for (std::size_t i = 0; i < office.corrections.size(); ++i) {
    const Correction& correction = office.corrections[i];
    insert->Bind(1, office.id).Bind(2, static_cast<std::int64_t>(i)).Bind(3, correction.field);
    insert->Bind(4, correction.published).Bind(5, correction.corrected).Bind(6, correction.reason);
    if (Status inserted = insert->Run(); !inserted.ok()) return inserted;
  }
  return {};
}

// ---------------------------------------------------------------------------
// Reading

// Runs `sql` with the office id bound to ?1 and calls `read_row` for each row.
template <typename ReadRow>
Status ForEachRow(const Connection& connection, const char* sql, std::string_view id,
                  ReadRow read_row) {
  Result<Statement> select = Statement::Prepare(connection, sql);
  if (!select.ok()) return select.error();
  select->Bind(1, id);

  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) return {};
    read_row(*select);
  }
}

void ReadOfficeRow(const Statement& row, Office& office) {
  office.id = row.Text(0);
  office.name = {row.Text(1), row.Text(2)};
  office.jurisdiction.kind = KindFromName(row.Text(3));
  office.jurisdiction.code = row.Text(4);
  office.jurisdiction.name = {row.Text(5), row.Text(6)};
  if (!row.IsNull(8)) office.city = City{row.Text(7), {row.Text(8), row.Text(9)}};
  if (!row.IsNull(10)) office.hours.text = row.Text(10);
  office.hours.expression = row.Text(11);
  office.hours.assumed = row.Integer(12) != 0;
  office.hours.assumption = {row.Text(13), row.Text(14)};
  office.hours.source_id = row.Text(15);
}

PhoneNumber ReadPhoneRow(const Statement& row) {
  PhoneNumber phone;
  phone.text = row.Text(1);
  phone.e164 = row.Text(2);
  phone.national = row.Text(3);
  phone.extension = row.Text(4);
  phone.area_code_inferred = row.Integer(5) != 0;
  phone.confirmed_on = row.Text(6);
  phone.source_id = row.Text(7);
  phone.last_failed_call_on = row.Text(8);
  return phone;
}

// The latest accepted change per field, from the history. Changes of the
// field "other" are left out because they change no field of the office.
Status ReadFieldChanges(const Connection& connection, Office& office) {
  return ForEachRow(
      connection,
      "SELECT field, changed_at, id FROM office_change WHERE id IN "
      "(SELECT max(id) FROM office_change WHERE office_id = ?1 AND field <> 'other' "
      "GROUP BY field) ORDER BY field",
      office.id, [&](const Statement& row) {
        office.field_changes.push_back({row.Text(0), row.Text(1), row.Integer(2)});
      });
}

Status ReadChildRows(const Connection& connection, Office& office) {
  const std::string& id = office.id;
  Status status =
      ForEachRow(connection,
                 "SELECT source_id, title, date, note FROM office_source WHERE office_id = ?1 "
                 "ORDER BY position",
                 id, [&](const Statement& row) {
                   office.sources.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3)});
                 });
  if (!status.ok()) return status;

  status = ForEachRow(
      connection,
      "SELECT en, zh, source_id, note FROM office_address WHERE office_id = ?1 ORDER BY position",
      id, [&](const Statement& row) {
        office.addresses.push_back({{row.Text(0), row.Text(1)}, row.Text(2), row.Text(3)});
      });
  if (!status.ok()) return status;

  status = ForEachRow(
      connection,
      "SELECT kind, text, e164, national, extension, area_code_inferred, confirmed_on, source_id, "
      "last_failed_call_on FROM office_phone WHERE office_id = ?1 ORDER BY kind DESC, position",
      id, [&](const Statement& row) {
        auto& list = row.Text(0) == "fax" ? office.faxes : office.phones;
        list.push_back(ReadPhoneRow(row));
      });
  if (!status.ok()) return status;

  status = ForEachRow(connection,
                      "SELECT address FROM office_email WHERE office_id = ?1 ORDER BY position", id,
                      [&](const Statement& row) { office.emails.push_back(row.Text(0)); });
  if (!status.ok()) return status;

  status = ForEachRow(connection,
                      "SELECT url FROM office_website WHERE office_id = ?1 ORDER BY position", id,
                      [&](const Statement& row) { office.websites.push_back(row.Text(0)); });
  if (!status.ok()) return status;

  status = ForEachRow(
      connection,
      "SELECT field, published, corrected, reason FROM office_correction "
      "WHERE office_id = ?1 ORDER BY position",
      id, [&](const Statement& row) {
        office.corrections.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3)});
      });
  if (!status.ok()) return status;

  return ReadFieldChanges(connection, office);
}

}  // namespace

Status WriteOffice(const Connection& connection, const Office& office) {
  if (Status written = WriteOfficeRow(connection, office); !written.ok()) return written;
  if (Status deleted = DeleteChildRows(connection, office.id); !deleted.ok()) return deleted;
  if (Status s = WriteSources(connection, office); !s.ok()) return s;
  if (Status s = WriteAddresses(connection, office); !s.ok()) return s;
  if (Status s = WritePhones(connection, office, "phone", office.phones); !s.ok()) return s;
  if (Status s = WritePhones(connection, office, "fax", office.faxes); !s.ok()) return s;
  if (Status s = WriteStrings(connection, office,
                              "INSERT INTO office_email (office_id, position, address) "
                              "VALUES (?1, ?2, ?3)",
                              office.emails);
      !s.ok()) {
    return s;
  }
  if (Status s = WriteStrings(connection, office,
                              "INSERT INTO office_website (office_id, position, url) "
                              "VALUES (?1, ?2, ?3)",
                              office.websites);
      !s.ok()) {
    return s;
  }
  return WriteCorrections(connection, office);
}

Status DeleteOfficesExcept(const Connection& connection, const std::vector<std::string>& keep) {
  Result<std::vector<std::string>> existing = ReadOfficeIds(connection);
  if (!existing.ok()) return existing.error();

  Result<Statement> remove = Statement::Prepare(connection, "DELETE FROM office WHERE id = ?1");
  if (!remove.ok()) return remove.error();
  for (const std::string& id : *existing) {
    if (std::find(keep.begin(), keep.end(), id) != keep.end()) continue;
    if (Status removed = remove->Bind(1, id).Run(); !removed.ok()) return removed;
  }
  return {};
}

Result<std::optional<Office>> ReadOffice(const Connection& connection, std::string_view id) {
  std::optional<Office> office;
  Status status = ForEachRow(
      connection,
      "SELECT id, name_en, name_zh, jurisdiction_kind, jurisdiction_code, jurisdiction_en, "
      "jurisdiction_zh, city_code, city_en, city_zh, hours_text, hours_expression, hours_assumed, "
      "hours_assumption_en, hours_assumption_zh, hours_source_id FROM office WHERE id = ?1",
      id, [&](const Statement& row) {
        office.emplace();
        ReadOfficeRow(row, *office);
      });
  if (!status.ok()) return status.error();
  if (!office) return std::optional<Office>();

  if (Status children = ReadChildRows(connection, *office); !children.ok()) return children.error();
  return office;
}

Result<std::vector<std::string>> ReadOfficeIds(const Connection& connection) {
  Result<Statement> select = Statement::Prepare(connection, "SELECT id FROM office ORDER BY id");
  if (!select.ok()) return select.error();

  std::vector<std::string> ids;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) return ids;
    ids.push_back(select->Text(0));
  }
}

}  // namespace ngodesk::store
