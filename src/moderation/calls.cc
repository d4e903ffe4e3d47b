// Verification calls and the list of numbers to call next.
#include "moderation/tables.h"
#include "ngodesk/moderation.h"

namespace ngodesk {

// TODO: calls are recorded in the next step; these return Unsupported.
Result<Call> Moderation::RecordCall(Call) {
  return Error::Unsupported("recording calls is not built yet", "尚未实现通话记录");
}

Result<std::vector<Call>> Moderation::Calls(std::string_view) const {
  return Error::Unsupported("listing calls is not built yet", "尚未实现通话列表");
}

Result<std::vector<DueCall>> Moderation::CallsDue(std::chrono::days, std::chrono::sys_days) const {
  return Error::Unsupported("listing due calls is not built yet", "尚未实现待拨列表");
}

Status BackupStore(const Store&, const std::string&) {
  return Error::Unsupported("backups are not built yet", "尚未实现备份");
}

Status RestoreStore(const std::string&, const std::string&) {
  return Error::Unsupported("restoring is not built yet", "尚未实现恢复");
}

}  // namespace ngodesk
