#pragma once
/// @file utf8.hpp
/// Minimal, allocation-free UTF-8 helpers for the hot paths.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace textkit::utf8 {

/// Returned by decode() for a byte that does not start a valid sequence.
inline constexpr char32_t invalid = 0xFFFFFFFF;

/// Decodes the code point at `p` (which must be < `end`) and advances `p` past it.
/// An ill-formed sequence (overlong, surrogate, truncated, > U+10FFFF) yields `invalid`
/// and advances by exactly one byte, so scanning always makes progress.
inline char32_t decode(const char*& p, const char* end) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const unsigned char b0 = s[0];
  if (b0 < 0x80) {
    ++p;
    return b0;
  }
  const std::ptrdiff_t left = end - p;
  auto cont = [&](int i) { return i < left && (s[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    p += 2;
    return (char32_t(b0 & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    const char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      p += 3;
      return c;
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) |
                       (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      p += 4;
      return c;
    }
  }
  ++p;
  return invalid;
}

/// Decodes the code point at byte offset `i` without advancing; `len` receives its size.
inline char32_t peek(std::string_view text, std::size_t i, int& len) noexcept {
  const char* p = text.data() + i;
  const char32_t c = decode(p, text.data() + text.size());
  len = static_cast<int>(p - (text.data() + i));
  return c;
}

/// Advances `p` over ASCII bytes, eight at a time, stopping at `end` or at a byte >= 0x80
/// (which may still be ASCII-free for up to 7 bytes before it: callers decode from there).
inline void skip_ascii(const char*& p, const char* end) noexcept {
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) return;
    p += 8;
  }
}

/// The `n` <= 8 bytes at `p` as a little-endian integer, zero-padded: two overlapping
/// loads instead of a variable-length memcpy (a library call) or a byte loop.
inline std::uint64_t load_short(const char* p, std::size_t n) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  if (n >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, s, 4);
    std::memcpy(&high, s + n - 4, 4);
    return std::uint64_t{low} | (std::uint64_t{high} << (8 * (n - 4)));
  }
  if (n == 0) return 0;
  return std::uint64_t{s[0]} | (std::uint64_t{s[n / 2]} << (8 * (n / 2))) | (std::uint64_t{s[n - 1]} << (8 * (n - 1)));
}

/// True when one of the eight bytes of `word` (all < 0x80) is an ASCII capital letter.
inline bool has_ascii_upper(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  const std::uint64_t at_least_a = word + ones * (0x80 - 'A');      // high bit: byte >= 'A'
  const std::uint64_t beyond_z = word + ones * (0x80 - 'Z' - 1);    // high bit: byte > 'Z'
  return (at_least_a & ~beyond_z & (ones * 0x80)) != 0;
}

/// Byte offset of the first ill-formed sequence, or std::string_view::npos when valid.
std::size_t find_invalid(std::string_view text) noexcept;

/// True when `text` is well-formed UTF-8.
inline bool is_valid(std::string_view text) noexcept { return find_invalid(text) == std::string_view::npos; }

/// Appends the UTF-8 encoding of `c` to `out`.
void append(std::string& out, char32_t c);

/// Copies `text` to `out`, replacing each ill-formed byte with U+FFFD.
void append_replacing_invalid(std::string& out, std::string_view text);

}  // namespace textkit::utf8
