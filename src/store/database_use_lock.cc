#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "ngodesk/store.h"

namespace ngodesk {
namespace {

Error HeldByOther(const std::string& database_path, DatabaseUseLock::Mode mode) {
  if (mode == DatabaseUseLock::Mode::kExclusive) {
    return Error::Store(
        "the database " + database_path +
            " is in use by a running `ngodesk serve`. Stop the server (Ctrl+C), then run the "
            "restore again; nothing was changed.",
        "数据库 " + database_path +
            " 正由运行中的 ngodesk serve 使用。请先停止服务器（Ctrl+C），再重新恢复；数据库未作更改。");
  }
  return Error::Store(
      "the database " + database_path +
          " is being restored from a backup. Start the server again when `ngodesk restore` has "
          "finished.",
      "数据库 " + database_path + " 正在从备份恢复。请在 ngodesk restore 完成后再启动服务器。");
}

}  // namespace

Result<DatabaseUseLock> DatabaseUseLock::Acquire(const std::string& database_path, Mode mode) {
  if (database_path == ":memory:") return DatabaseUseLock(-1);

  // The lock comes before the database, which Store::Open may still create
  // with its directory, so the directory is created here the same way.
  std::error_code ignored;
  const std::filesystem::path parent = std::filesystem::path(database_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);

  const std::string lock_path = database_path + ".lock";
  const int descriptor = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (descriptor < 0) {
    const std::string reason = std::strerror(errno);
    return Error::Io("cannot create the lock file " + lock_path + ": " + reason +
                         ". Check that its directory is writable.",
                     "无法创建锁文件 " + lock_path + "：" + reason + "。请检查该目录是否可写。");
  }
  const int operation = (mode == Mode::kShared ? LOCK_SH : LOCK_EX) | LOCK_NB;
  if (::flock(descriptor, operation) != 0) {
    const int error = errno;
    ::close(descriptor);
    if (error == EWOULDBLOCK) return HeldByOther(database_path, mode);
    const std::string reason = std::strerror(error);
    return Error::Io("cannot lock " + lock_path + ": " + reason,
                     "无法锁定 " + lock_path + "：" + reason);
  }
  return DatabaseUseLock(descriptor);
}

DatabaseUseLock::DatabaseUseLock(DatabaseUseLock&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, -1)) {}

DatabaseUseLock& DatabaseUseLock::operator=(DatabaseUseLock&& other) noexcept {
  if (this != &other) {
    if (descriptor_ >= 0) ::close(descriptor_);
    descriptor_ = std::exchange(other.descriptor_, -1);
  }
  return *this;
}

DatabaseUseLock::~DatabaseUseLock() {
  // Closing the descriptor releases the flock. The lock file stays, empty,
  // because removing it could race with another process that just opened it.
  if (descriptor_ >= 0) ::close(descriptor_);
}

}  // namespace ngodesk
