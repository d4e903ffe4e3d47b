// Online backups of the store and their restoration.
#include "ngodesk/moderation.h"

namespace ngodesk {

// TODO: backups land in the next step; until then both return Unsupported.
Status BackupStore(const Store&, const std::string&) {
  return Error::Unsupported("backups are not built yet", "尚未实现备份");
}

Status RestoreStore(const std::string&, const std::string&) {
  return Error::Unsupported("restoring is not built yet", "尚未实现恢复");
}

}  // namespace ngodesk
