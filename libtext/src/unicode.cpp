#include "textkit/unicode.hpp"

#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "textkit/error.hpp"
#include "textkit/utf8.hpp"
#include "unicode_properties.hpp"

namespace textkit::unicode {
namespace {

const icu::Normalizer2& normalizer(const char* name, UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  if (U_FAILURE(status) || n == nullptr) {
    throw error(error_kind::resource, std::string("ICU normalizer unavailable: ") + u_errorName(status));
  }
  return *n;
}

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2& n = normalizer("nfc", UNORM2_COMPOSE);
  return n;
}
const icu::Normalizer2& nfd() {
  static const icu::Normalizer2& n = normalizer("nfc", UNORM2_DECOMPOSE);
  return n;
}
const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2& n = normalizer("nfkc", UNORM2_COMPOSE);
  return n;
}

bool is_ascii(std::string_view text) {
  for (const char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw error(error_kind::data, std::string(what) + ": " + u_errorName(status));
}

}  // namespace

namespace detail {
const char_class* bmp_classes() noexcept { return kBmpClasses; }
const bool* bmp_nfc_inert() noexcept { return kBmpNfcInert; }
bool nfc_inert_supplementary(char32_t c) noexcept { return c != utf8::invalid && nfc_inert_from_icu(c); }
char_class classify_supplementary(char32_t c) noexcept {
  return c == utf8::invalid ? char_class::space : class_from_icu(c);
}
}  // namespace detail

bool is_punctuation(char32_t c) noexcept {
  // ASCII (most calls) from a table filled once from ICU; ICU itself for the rest.
  static const std::array<bool, 0x80> ascii = [] {
    std::array<bool, 0x80> table{};
    for (UChar32 u = 0; u < 0x80; ++u) table[static_cast<std::size_t>(u)] = u_ispunct(u);
    return table;
  }();
  return c < 0x80 ? ascii[c] : u_ispunct(static_cast<UChar32>(c));
}

bool is_upper(char32_t c) noexcept {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_emoji_component(char32_t c) noexcept {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_MODIFIER) || c == 0xFE0F || c == 0x20E3 ||
         (c >= 0xE0020 && c <= 0xE007F);
}

bool is_nfc(std::string_view text) {
  // Quick check over the code points; ICU decides only the rare "maybe" cases.
  const bool* const inert = detail::kBmpNfcInert;
  const char* p = text.data();
  const char* end = p + text.size();
  bool quick_yes = true;
  while (p < end) {
    utf8::skip_ascii(p, end);
    if (p == end) break;
    const char32_t c = utf8::decode(p, end);
    if (c < 0x80) continue;
    if (c < 0x10000 ? !inert[c] : !detail::nfc_inert_supplementary(c)) {  // (invalid: not inert)
      quick_yes = false;
      break;
    }
  }
  if (quick_yes) return true;
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = nfc().isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return U_SUCCESS(status) && yes;
}

void append_nfc(std::string& out, std::string_view text) {
  if (is_ascii(text)) {
    out += text;
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  nfc().normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  check(status, "NFC normalisation failed");
}

void append_nfkc(std::string& out, std::string_view text) {
  if (is_ascii(text)) {
    out += text;
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  nfkc().normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  check(status, "NFKC normalisation failed");
}

bool is_case_fold_inert(std::string_view text) noexcept {
  const char* p = text.data();
  const char* end = p + text.size();
  // ASCII eight bytes at a time (most tokens are one short word).
  while (p < end) {
    const std::size_t n = std::min<std::size_t>(8, static_cast<std::size_t>(end - p));
    const std::uint64_t word = utf8::load_short(p, n);
    if (word & 0x8080808080808080ULL) break;
    if (utf8::has_ascii_upper(word)) return false;
    p += n;
  }
  while (p < end) {
    const auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x80) {
      if (static_cast<unsigned>(byte - 'A') < 26u) return false;
      ++p;
      continue;
    }
    const char32_t c = utf8::decode(p, end);
    if (c == utf8::invalid) return false;
    if (!(c < 0x10000 ? detail::kBmpFoldInert[c] : detail::fold_inert_from_icu(c))) return false;
  }
  return true;
}

void append_case_folded(std::string& out, std::string_view text) {
  if (is_ascii(text)) {
    const std::size_t at = out.size();
    out.resize(at + text.size());
    char* p = out.data() + at;
    for (const char ch : text) *p++ = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                         sink, nullptr, status);
  check(status, "case folding failed");
}

void append_without_accents(std::string& out, std::string_view text) {
  if (is_ascii(text)) {
    out += text;
    return;
  }
  std::string decomposed;
  {
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&decomposed);
    nfd().normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr,
                        status);
    check(status, "NFD normalisation failed");
  }
  std::string stripped;
  const char* p = decomposed.data();
  const char* end = p + decomposed.size();
  while (p < end) {
    const char* at = p;
    const char32_t c = utf8::decode(p, end);
    if (c != utf8::invalid && u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) continue;
    stripped.append(at, p);
  }
  append_nfc(out, stripped);
}

std::string unicode_version() {
  UVersionInfo v;
  u_getUnicodeVersion(v);
  return std::to_string(v[0]) + "." + std::to_string(v[1]);
}

}  // namespace textkit::unicode
