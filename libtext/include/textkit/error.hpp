#pragma once
/// @file error.hpp
/// The one exception type libtext throws. The tools map its category to an exit code.
#include <stdexcept>
#include <string>

namespace textkit {

/// What kind of failure an error is; decides the exit status in tools/main.cpp.
enum class error_kind {
  usage,     ///< bad option or option combination
  data,      ///< malformed input record (bad JSON, invalid UTF-8, missing field)
  io,        ///< a file could not be opened, read or written
  resource,  ///< a lexicon, word list or model file is malformed
};

/// An error with a message that already names its source (file:line when known).
class error : public std::runtime_error {
 public:
  error(error_kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  error_kind kind() const noexcept { return kind_; }

 private:
  error_kind kind_;
};

}  // namespace textkit
