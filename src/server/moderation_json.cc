#include "server/moderation_json.h"

namespace ngodesk::server {

using Json = nlohmann::ordered_json;

std::string HistoryToJson(std::string_view office_id, std::span<const Change> changes) {
  Json list = Json::array();
  for (const Change& change : changes) list.push_back(ChangeToJson(change));
  return DumpBody(Json{{"office", office_id}, {"changes", std::move(list)}});
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
