// Editors, their tokens and their sessions.
#include <optional>
#include <string>

#include "moderation/clock.h"
#include "moderation/secrets.h"
#include "moderation/tables.h"
#include "moderation/text_checks.h"
#include "ngodesk/moderation.h"

namespace ngodesk {

using moderation::ConnectionOf;
using store::Statement;

namespace {

constexpr std::size_t kMaxEditorNameCharacters = 64;

Status CheckNewEditorName(std::string_view name) {
  if (moderation::IsValidUtf8(name)) {
    if (const std::optional<char32_t> code = moderation::FindInvisibleCharacter(name)) {
      const std::string label = moderation::CodePointLabel(*code);
      return Error::InvalidArgument(
          "the editor name contains the invisible character " + label + "; remove it and type the name again.",
          "编辑姓名含有不可见字符 " + label + "；请删除该字符后重新输入姓名。");
    }
  }
  const bool printable = moderation::IsValidUtf8(name) &&
                         !moderation::HasControlCharacter(name, false) &&
                         moderation::Trim(name) == name;
  const std::size_t length = printable ? moderation::CountCodePoints(name) : 0;
  if (printable && length >= 1 && length <= kMaxEditorNameCharacters) return {};
  return Error::InvalidArgument(
      "the editor name \"" + std::string(name) +
          "\" must be 1 to 64 characters of printable text without spaces at either end.",
      "编辑姓名 \"" + std::string(name) + "\" 须为 1 到 64 个可打印字符，且首尾无空格。");
}

Result<bool> EditorExists(const store::Connection& connection, std::string_view name) {
  Result<Statement> select = Statement::Prepare(connection, "SELECT 1 FROM editor WHERE name = ?1");
  if (!select.ok()) return select.error();
  select->Bind(1, name);
  return select->Step();
}

Error UnknownEditor(std::string_view name) {
  const std::string text(name);
  return Error::NotFound("no editor is named \"" + text + "\". Run `ngodesk editor list`.",
                         "没有名为 \"" + text + "\" 的编辑。请运行 `ngodesk editor list`。");
}

}  // namespace

Result<std::string> Moderation::AddEditor(std::string_view name, std::chrono::sys_seconds now) {
  if (Status checked = CheckNewEditorName(name); !checked.ok()) return checked.error();
  Result<std::string> token = moderation::RandomToken();
  if (!token.ok()) return token.error();

  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<bool> exists = EditorExists(connection, name);
  if (!exists.ok()) return exists.error();
  if (*exists) {
    return Error::InvalidArgument(
        "an editor named \"" + std::string(name) + "\" exists already; choose another name.",
        "已有名为 \"" + std::string(name) + "\" 的编辑；请换一个名字。");
  }

  Result<Statement> insert = Statement::Prepare(
      connection, "INSERT INTO editor (name, token_sha256, created_at) VALUES (?1, ?2, ?3)");
  if (!insert.ok()) return insert.error();
  insert->Bind(1, name).Bind(2, moderation::Sha256Hex(*token));
  insert->Bind(3, moderation::FormatInstant(now));
  if (Status inserted = insert->Run(); !inserted.ok()) return inserted.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return token;
}

Status Moderation::RemoveEditor(std::string_view name) {
  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<bool> exists = EditorExists(connection, name);
  if (!exists.ok()) return exists.error();
  if (!*exists) return UnknownEditor(name);

  for (const char* sql : {"DELETE FROM editor_session WHERE editor = ?1",
                          "DELETE FROM editor WHERE name = ?1"}) {
    Result<Statement> remove = Statement::Prepare(connection, sql);
    if (!remove.ok()) return remove.error();
    if (Status removed = remove->Bind(1, name).Run(); !removed.ok()) return removed;
  }
  return transaction->Commit();
}

Result<std::vector<std::string>> Moderation::ListEditors() const {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> select = Statement::Prepare(connection, "SELECT name FROM editor ORDER BY name");
  if (!select.ok()) return select.error();

  std::vector<std::string> names;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) return names;
    names.push_back(select->Text(0));
  }
}

Result<Session> Moderation::SignIn(std::string_view token, std::chrono::sys_seconds now) {
  const store::Connection connection = ConnectionOf(*store_);
  Result<store::Transaction> transaction = moderation::BeginDurable(connection);
  if (!transaction.ok()) return transaction.error();

  Result<Statement> find =
      Statement::Prepare(connection, "SELECT name FROM editor WHERE token_sha256 = ?1");
  if (!find.ok()) return find.error();
  find->Bind(1, moderation::Sha256Hex(token));
  Result<bool> found = find->Step();
  if (!found.ok()) return found.error();
  if (!*found) {
    return Error::NotFound("no editor has this token; check it, or ask for a new one.",
                           "没有编辑持有此令牌；请核对，或申请新令牌。");
  }

  Result<std::string> id = moderation::RandomToken();
  if (!id.ok()) return id.error();
  Result<std::string> csrf = moderation::RandomToken();
  if (!csrf.ok()) return csrf.error();
  Session session{*id, *csrf, find->Text(0), moderation::FormatInstant(now + kSessionLifetime)};

  // Expired sessions are deleted here, so the table stays small.
  Result<Statement> expire =
      Statement::Prepare(connection, "DELETE FROM editor_session WHERE expires_at <= ?1");
  if (!expire.ok()) return expire.error();
  if (Status s = expire->Bind(1, moderation::FormatInstant(now)).Run(); !s.ok()) return s.error();

  Result<Statement> insert = Statement::Prepare(connection, R"sql(
      INSERT INTO editor_session (id_sha256, editor, csrf_token, created_at, expires_at)
      VALUES (?1, ?2, ?3, ?4, ?5))sql");
  if (!insert.ok()) return insert.error();
  insert->Bind(1, moderation::Sha256Hex(session.id)).Bind(2, session.editor);
  insert->Bind(3, session.csrf_token).Bind(4, moderation::FormatInstant(now));
  insert->Bind(5, session.expires_at);
  if (Status inserted = insert->Run(); !inserted.ok()) return inserted.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return session;
}

Result<std::optional<Session>> Moderation::FindSession(std::string_view session_id,
                                                       std::chrono::sys_seconds now) const {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> select = Statement::Prepare(connection, R"sql(
      SELECT csrf_token, editor, expires_at FROM editor_session
      WHERE id_sha256 = ?1 AND expires_at > ?2)sql");
  if (!select.ok()) return select.error();
  select->Bind(1, moderation::Sha256Hex(session_id)).Bind(2, moderation::FormatInstant(now));

  Result<bool> row = select->Step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<Session>();
  return std::optional<Session>(
      Session{std::string(session_id), select->Text(0), select->Text(1), select->Text(2)});
}

Status Moderation::SignOut(std::string_view session_id) {
  const store::Connection connection = ConnectionOf(*store_);
  Result<Statement> remove =
      Statement::Prepare(connection, "DELETE FROM editor_session WHERE id_sha256 = ?1");
  if (!remove.ok()) return remove.error();
  return remove->Bind(1, moderation::Sha256Hex(session_id)).Run();
}

}  // namespace ngodesk
