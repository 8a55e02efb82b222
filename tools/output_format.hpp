#pragma once
// Byte-level writers for the output formats: JSON strings, TSV fields, integers. Everything
// appends to a caller-owned buffer (no streams, no locale: the same bytes everywhere).
#include <fmt/compile.h>
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace textkit::cli {

/// The length of the longest prefix of `s` that a JSON string holds as is (no '"', '\\' or
/// control byte): 16 bytes at a time with SSE2, since whole sentences and documents go
/// through here.
inline std::size_t plain_json_prefix(std::string_view s) noexcept {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);  // v <= 0x1F, unsigned
    const __m128i special = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (const int mask = _mm_movemask_epi8(special)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

/// Appends `s` as a JSON string literal, quotes included. `s` must be valid UTF-8.
inline void append_json_string(std::string& out, std::string_view s) {
  std::size_t plain = plain_json_prefix(s);
  if (plain == s.size()) {  // the common case: nothing to escape, one copy
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
  std::size_t i = 0;
  for (;;) {
    out.append(s.data() + i, plain);  // bytes that need no escape
    i += plain;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i++]);
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
    plain = plain_json_prefix(s.substr(i));
  }
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

/// Appends `x` as fmt's "{}" writes it (the shortest representation that reads back exactly),
/// with the format compiled rather than parsed at every call.
inline void append_shortest(std::string& out, double x) {
  char buffer[32];  // the longest: "-2.2250738585072014e-308" (24)
  const char* const end = fmt::format_to(buffer, FMT_COMPILE("{}"), x);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

/// Appends `x` with `decimals` digits after the point (at most 9), exactly as printf's
/// "%.*f" and fmt's "{:.Nf}": the decimal nearest the double's exact binary value, ties to
/// even, "-" kept on negative values that round to zero. Scores are printed in every record,
/// and this is several times faster than a general formatter; tests/unit compares the two.
inline void append_fixed(std::string& out, double x, int decimals) {
  __extension__ typedef unsigned __int128 uint128;  // a GCC/Clang type: __extension__ for -Wpedantic
  static constexpr std::uint64_t powers[] = {1,      10,      100,      1000,      10000,
                                             100000, 1000000, 10000000, 100000000, 1000000000};
  if (!(std::fabs(x) < 1e9) || decimals < 0 || decimals > 9) {  // also NaN and infinities
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, decimals);
    out.append(buffer, result.ptr);
    return;
  }
  const std::uint64_t scale = powers[decimals];
  // |x| = mantissa * 2^exponent exactly, then |x| * scale rounded to an integer, exactly.
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(x), &exponent);
  const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  const uint128 product = static_cast<uint128>(mantissa) * scale;
  std::uint64_t scaled = 0;
  if (exponent >= 0) {
    scaled = static_cast<std::uint64_t>(product << exponent);  // < 1e9 * scale
  } else if (exponent > -100) {  // below 2^-100 the product (< 2^83) rounds to 0
    const int shift = -exponent;
    scaled = static_cast<std::uint64_t>(product >> shift);
    const uint128 rest = product & ((static_cast<uint128>(1) << shift) - 1);
    const uint128 half = static_cast<uint128>(1) << (shift - 1);
    if (rest > half || (rest == half && (scaled & 1))) ++scaled;
  }
  if (std::signbit(x)) out.push_back('-');
  append_int(out, scaled / scale);
  if (decimals == 0) return;
  char digits[9];
  std::uint64_t low = scaled % scale;
  for (int k = decimals - 1; k >= 0; --k, low /= 10) digits[k] = static_cast<char>('0' + low % 10);
  out.push_back('.');
  out.append(digits, static_cast<std::size_t>(decimals));
}

}  // namespace textkit::cli
