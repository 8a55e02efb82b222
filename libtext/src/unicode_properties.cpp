// Code-point properties computed from ICU: by the build (gen/unicode_tables.cpp writes the
// Basic Multilingual Plane's tables from them) and at run time for the other planes.
#include "unicode_properties.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>

namespace textkit::unicode::detail {

char_class class_from_icu(char32_t c) {
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

bool nfc_inert_from_icu(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  return u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(u) == 0;
}

bool fold_inert_from_icu(char32_t c) {
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

}  // namespace textkit::unicode::detail
