#pragma once
// Private to libtext: the code-point properties behind unicode.hpp. The tables of U+0000..U+FFFF
// are generated at build time from the *_from_icu functions (gen/unicode_tables.cpp), so that no
// process spends its first ~10 ms computing them; code points above U+FFFF ask ICU directly.
#include <cstdint>

#include "textkit/unicode.hpp"

namespace textkit::unicode::detail {

/// The tokenizer class of `c` (see char_class), from ICU's Word_Break, General_Category and
/// emoji properties plus our own rules.
char_class class_from_icu(char32_t c);
/// A code point that cannot make text non-NFC: NFC_Quick_Check=Yes and combining class 0.
bool nfc_inert_from_icu(char32_t c);
/// A code point that full case folding leaves as it is. Changes_When_Casefolded=No says so of
/// its canonical decomposition; a few precomposed letters (ǰ, ΐ, ẖ...) still fold to a
/// decomposed form, so those with a decomposition are folded to be sure.
bool fold_inert_from_icu(char32_t c);

/// Generated: the three properties of every BMP code point.
extern const char_class kBmpClasses[0x10000];
extern const bool kBmpNfcInert[0x10000];
extern const bool kBmpFoldInert[0x10000];

}  // namespace textkit::unicode::detail
