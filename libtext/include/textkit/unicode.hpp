#pragma once
/// @file unicode.hpp
/// Code-point classes for the tokenizer and text normalisation. ICU stays behind this
/// header (linked PRIVATE): callers never see an ICU type.
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace textkit::unicode {

/// What a code point does for word segmentation. Derived from ICU's Word_Break,
/// General_Category and emoji properties (UAX #29), plus the few roles our own rules need.
enum class char_class : std::uint8_t {
  space,         ///< White_Space, controls (NUL included), ill-formed bytes: separate tokens
  letter,        ///< WB=ALetter or Hebrew_Letter
  letter_alone,  ///< a letter with WB=Other (Han, Hiragana, Thai...): one token per character
  katakana,      ///< WB=Katakana: runs stay together
  digit,         ///< WB=Numeric
  extend,        ///< WB=Extend or Format: attaches to what precedes (combining marks, VS16)
  zwj,           ///< U+200D ZERO WIDTH JOINER
  connector,     ///< WB=ExtendNumLet ('_'): joins letters and digits
  mid_letter,    ///< WB=MidLetter (':' '·'): joins two letters
  mid_num_let,   ///< WB=MidNumLet ('.'): joins two letters or two digits
  mid_num,       ///< WB=MidNum (',' ';'): joins two digits
  apostrophe,    ///< ' U+2019 U+02BC: joins letters, with the elision and clitic rules
  hyphen,        ///< - U+2010 U+2011: joins compounds (porte-parole)
  currency,      ///< General_Category=Sc
  emoji,         ///< Extended_Pictographic with emoji presentation
  emoji_text,    ///< Extended_Pictographic, text presentation by default (©, ™, ↔)
  regional,      ///< Regional_Indicator (flag halves)
  punct,         ///< other General_Category=P*
  symbol,        ///< anything else (S*, unassigned...)
};

namespace detail {
/// The classes of U+0000..U+FFFF, generated from ICU at build time (libtext/gen/).
const char_class* bmp_classes() noexcept;
char_class classify_supplementary(char32_t c) noexcept;
/// Per BMP code point: true when it cannot make a text non-NFC (NFC_Quick_Check=Yes, ccc=0).
const bool* bmp_nfc_inert() noexcept;
bool nfc_inert_supplementary(char32_t c) noexcept;
}  // namespace detail

/// The class of code point `c` (utf8::invalid maps to space). Thread-safe; the BMP is
/// served from a table generated from ICU at build time.
inline char_class classify(char32_t c) noexcept {
  static const char_class* const bmp = detail::bmp_classes();
  return c < 0x10000 ? bmp[c] : detail::classify_supplementary(c);
}

/// True for General_Category=P* (decides punct vs symbol for a one-character token).
bool is_punctuation(char32_t c) noexcept;

/// True when `c` is an uppercase or titlecase letter.
bool is_upper(char32_t c) noexcept;

/// True for Emoji_Modifier (skin tones) and other code points that extend an emoji.
bool is_emoji_component(char32_t c) noexcept;

/// True when `text` is already in Unicode Normalization Form C (fast, no allocation
/// for ASCII).
bool is_nfc(std::string_view text);

/// Appends the NFC form of `text` to `out`.
void append_nfc(std::string& out, std::string_view text);

/// Appends the NFKC form (compatibility: full-width forms, ligatures, NBSP) to `out`.
void append_nfkc(std::string& out, std::string_view text);

/// True when case folding leaves `text` as it is (no upper-case ASCII letter, and no code
/// point with Changes_When_Casefolded): then it needs no copy. False for ill-formed UTF-8.
bool is_case_fold_inert(std::string_view text) noexcept;

/// Appends the full Unicode case folding of `text` (ß → ss, É → é) to `out`.
void append_case_folded(std::string& out, std::string_view text);

/// Case-folds the token `text[start, end)` of a well-formed document, for the loops that fold
/// every token. Returns true when folding leaves the token as it is (most tokens of news: the
/// caller uses the text itself); otherwise appends the folded form to `out` and returns false.
/// Same answers as is_case_fold_inert() and append_case_folded(), faster: a token of at most
/// 16 bytes, with 16 bytes of text from `start`, is read with one 16-byte load, and settled
/// there when its bytes are ASCII (capitals lowered by adding 0x20), Latin-1 lower-case letters
/// (U+00E0..U+00FF: é, à, ç...) or General Punctuation (U+2000..U+203F: ’ « » —).
inline bool fold_token(std::string_view text, std::uint32_t start, std::uint32_t end, std::string& out) {
  const std::size_t n = end - start;
#if defined(__SSE2__)
  if (n <= 16 && std::size_t{start} + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + start));
    const unsigned in_token = (1u << n) - 1;
    const __m128i capital =
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v)) & in_token;  // bytes >= 0x80
    if (!high) {
      if (!(static_cast<unsigned>(_mm_movemask_epi8(capital)) & in_token)) return true;
      char lowered[16];
      _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered), _mm_add_epi8(v, _mm_and_si128(capital, _mm_set1_epi8(0x20))));
      out.append(lowered, n);
      return false;
    }
    const unsigned capitals = static_cast<unsigned>(_mm_movemask_epi8(capital)) & in_token;
    if (!capitals) {
      // Bytes as signed: continuation bytes 0x80..0xBF are -128..-65.
      const auto mask = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
      const unsigned continuation = mask(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))) & high;
      const unsigned from_a0 = mask(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(0x9F)))) & continuation;
      const unsigned is_80 = mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0x80))));
      const unsigned lead_c3 = mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC3)))) & in_token;
      const unsigned lead_e2 = mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2)))) & in_token;
      // C3 A0..BF is U+00E0..U+00FF; E2 80 xx is U+2000..U+203F. Any other lead byte (or ß,
      // C3 9F, or a capital) takes the general path.
      if ((high & ~continuation) == (lead_c3 | lead_e2) && ((lead_c3 << 1) & ~from_a0) == 0 &&
          ((lead_e2 << 1) & ~is_80) == 0) {
        return true;
      }
    }
  }
#endif
  const std::string_view original(text.data() + start, n);
  if (is_case_fold_inert(original)) return true;
  append_case_folded(out, original);
  return false;
}

/// Appends `text` with combining marks removed after canonical decomposition
/// (é → e, ç → c; œ and ß are letters, not accents, and stay), recomposed to NFC.
void append_without_accents(std::string& out, std::string_view text);

/// The version of the Unicode data in use (ICU's), e.g. "15.0".
std::string unicode_version();

}  // namespace textkit::unicode
