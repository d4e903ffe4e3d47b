// The one error style of the ngodesk library: functions that can fail return
// Result<T> (a value or an Error) or Status (nothing or an Error). Exceptions
// from third-party libraries are caught inside the library and turned into an
// Error, so callers never need a try block.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ngodesk {

enum class ErrorCode {
  kInvalidArgument,  // a value given by the caller is malformed or out of range
  kParse,            // a text input could not be parsed; line and column are set
  kNotFound,         // a named record (office, division, report) does not exist
  kIo,               // a file could not be read or written
  kStore,            // the database failed or holds data it cannot read
  kUnsupported,      // valid input that uses a feature this version does not handle
  kInternal,         // a bug: an invariant did not hold
};

// A failure with a message for people. `message` is English; `message_zh` is
// the Simplified Chinese text shown to users who chose it, or empty when the
// English text is the only one. `line` and `column` are 1-based positions in a
// text input, or 0 when the error has no position.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string message_zh;
  int line = 0;
  int column = 0;

  static Error InvalidArgument(std::string en, std::string zh = {}) {
    return {ErrorCode::kInvalidArgument, std::move(en), std::move(zh)};
  }
  static Error Parse(int line, int column, std::string en, std::string zh = {}) {
    return {ErrorCode::kParse, std::move(en), std::move(zh), line, column};
  }
  static Error NotFound(std::string en, std::string zh = {}) {
    return {ErrorCode::kNotFound, std::move(en), std::move(zh)};
  }
  static Error Io(std::string en, std::string zh = {}) {
    return {ErrorCode::kIo, std::move(en), std::move(zh)};
  }
  static Error Store(std::string en, std::string zh = {}) {
    return {ErrorCode::kStore, std::move(en), std::move(zh)};
  }
  static Error Unsupported(std::string en, std::string zh = {}) {
    return {ErrorCode::kUnsupported, std::move(en), std::move(zh)};
  }
  static Error Internal(std::string en) { return {ErrorCode::kInternal, std::move(en), {}}; }

  // The message in the requested language, falling back to English.
  const std::string& Text(bool chinese) const {
    return chinese && !message_zh.empty() ? message_zh : message;
  }
};

// A value of type T or an Error. Accessing the value of a failed result (or
// the error of a successful one) is a bug and asserts in debug builds.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

// Success with no value, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace ngodesk
