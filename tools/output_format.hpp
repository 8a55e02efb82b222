#pragma once
// Byte-level writers for the output formats: JSON strings, TSV fields, integers. Everything
// appends to a caller-owned buffer (no streams, no locale: the same bytes everywhere).
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace textkit::cli {

/// Appends `s` as a JSON string literal, quotes included. `s` must be valid UTF-8.
inline void append_json_string(std::string& out, std::string_view s) {
  bool plain = true;  // the common case: nothing to escape, one copy
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    const std::size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    p[0] = '"';
    std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    return;
  }
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

/// Appends `s` as one TSV field: TAB, LF, CR and backslash become \t \n \r \\ (the
/// IANA/Miller convention), so every record stays on one line with a fixed column count.
inline void append_tsv_field(std::string& out, std::string_view s) {
  for (const char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out.push_back(c);
    }
  }
}

/// Appends an integer in decimal.
template <typename Int>
inline void append_int(std::string& out, Int value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace textkit::cli
