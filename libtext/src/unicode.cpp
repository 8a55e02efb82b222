#include "textkit/unicode.hpp"

#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>

#include "textkit/error.hpp"
#include "textkit/utf8.hpp"

namespace textkit::unicode {
namespace {

char_class compute_class(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  if (c == U'\'' || c == 0x2019 || c == 0x02BC) return char_class::apostrophe;
  if (c == U'-' || c == 0x2010 || c == 0x2011) return char_class::hyphen;
  if (c == 0x200D) return char_class::zwj;
  // CLDR's root word rules (ICU's default) take the colon out of MidLetter: "Microsoft:Nadella"
  // is two words outside Swedish and Finnish.
  if (c == U':' || c == 0xFE13 || c == 0xFE55 || c == 0xFF1A) return char_class::punct;
  // Controls (Cc: NUL, ESC...) separate; format characters (Cf: soft hyphen, ZWNJ, LRM)
  // belong to their word (WB=Format), except the zero-width space, which exists to separate.
  if (u_hasBinaryProperty(u, UCHAR_WHITE_SPACE) || u_charType(u) == U_CONTROL_CHAR || c == 0x200B) {
    return char_class::space;
  }
  // ASCII digits, '#' and '*' carry the Emoji property (keycap bases) but are not emoji.
  if (c >= 0x80 && u_hasBinaryProperty(u, UCHAR_EXTENDED_PICTOGRAPHIC)) {
    return u_hasBinaryProperty(u, UCHAR_EMOJI_PRESENTATION) ? char_class::emoji : char_class::emoji_text;
  }
  switch (u_getIntPropertyValue(u, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
    case U_WB_HEBREW_LETTER: return char_class::letter;
    case U_WB_KATAKANA: return char_class::katakana;
    case U_WB_NUMERIC: return char_class::digit;
    case U_WB_EXTEND:
    case U_WB_FORMAT: return char_class::extend;
    case U_WB_ZWJ: return char_class::zwj;
    case U_WB_EXTENDNUMLET: return char_class::connector;
    case U_WB_MIDLETTER: return char_class::mid_letter;
    case U_WB_MIDNUMLET: return char_class::mid_num_let;
    case U_WB_MIDNUM: return char_class::mid_num;
    case U_WB_REGIONAL_INDICATOR: return char_class::regional;
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
    case U_WB_WSEGSPACE: return char_class::space;
    default: break;
  }
  const int8_t type = u_charType(u);
  if (type == U_CURRENCY_SYMBOL) return char_class::currency;
  if (u_isalpha(u) || type == U_OTHER_LETTER) return char_class::letter_alone;
  if (type == U_COMBINING_SPACING_MARK || type == U_NON_SPACING_MARK) return char_class::extend;
  if (u_ispunct(u)) return char_class::punct;
  return char_class::symbol;
}

// A code point that cannot make text non-NFC: NFC_Quick_Check=Yes and combining class 0.
bool nfc_inert(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  return u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(u) == 0;
}

// A code point that full case folding leaves as it is. Changes_When_Casefolded=No says so
// of its canonical decomposition; a few precomposed letters (ǰ, ΐ, ẖ...) still fold to a
// decomposed form, so those with a decomposition are folded to be sure.
bool fold_inert(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  if (u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_CASEFOLDED)) return false;
  if (u_getIntPropertyValue(u, UCHAR_DECOMPOSITION_TYPE) == U_DT_NONE) return true;
  UChar in[2];
  int32_t length = 0;
  U16_APPEND_UNSAFE(in, length, u);
  UChar folded[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t folded_length = u_strFoldCase(folded, 8, in, length, U_FOLD_CASE_DEFAULT, &status);
  return U_SUCCESS(status) && folded_length == length && std::equal(in, in + length, folded);
}

struct bmp_table {
  std::array<char_class, 0x10000> classes;
  std::array<bool, 0x10000> nfc_inert;
  std::array<bool, 0x10000> fold_inert;
  bmp_table() {
    for (char32_t c = 0; c < 0x10000; ++c) {
      classes[c] = compute_class(c);
      this->nfc_inert[c] = textkit::unicode::nfc_inert(c);
      this->fold_inert[c] = textkit::unicode::fold_inert(c);
    }
  }
};

const bmp_table& table() {
  static const bmp_table instance;  // thread-safe static initialisation
  return instance;
}

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
const char_class* bmp_classes() noexcept { return table().classes.data(); }
const bool* bmp_nfc_inert() noexcept { return table().nfc_inert.data(); }
bool nfc_inert_supplementary(char32_t c) noexcept { return c != utf8::invalid && nfc_inert(c); }
char_class classify_supplementary(char32_t c) noexcept {
  return c == utf8::invalid ? char_class::space : compute_class(c);
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
  const auto& inert = table().nfc_inert;
  const char* p = text.data();
  const char* end = p + text.size();
  bool quick_yes = true;
  while (p < end) {
    utf8::skip_ascii(p, end);
    if (p == end) break;
    const char32_t c = utf8::decode(p, end);
    if (c < 0x80) continue;
    if (c == utf8::invalid || (c < 0x10000 ? !inert[c] : !nfc_inert(c))) {
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
    if (!(c < 0x10000 ? table().fold_inert[c] : fold_inert(c))) return false;
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
