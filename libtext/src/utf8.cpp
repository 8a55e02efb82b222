#include "textkit/utf8.hpp"

#include <cstring>

namespace textkit::utf8 {

std::size_t find_invalid(std::string_view text) noexcept {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    skip_ascii(p, end);
    if (p == end) break;
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    const char* at = p;
    if (decode(p, end) == invalid) return static_cast<std::size_t>(at - text.data());
  }
  return std::string_view::npos;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

void append_replacing_invalid(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* at = p;
    if (decode(p, end) == invalid) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(at, p);
    }
  }
}

}  // namespace textkit::utf8
