#include "textkit/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <new>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include "textkit/unicode.hpp"
#include "textkit/utf8.hpp"

namespace textkit {

using unicode::char_class;

std::string_view to_string(token_kind kind) noexcept {
  static constexpr std::array<std::string_view, 9> names = {"word",  "number",  "punct",   "symbol", "url",
                                                            "email", "mention", "hashtag", "emoji"};
  return names[static_cast<std::size_t>(kind)];
}

tokenizer::tokenizer() : abbreviations_(&abbreviation_list::embedded()) {}

namespace {

// A decoded code point with its class and encoded length. Past the end: space, length 0.
struct cp {
  char32_t c = 0;
  char_class cls = char_class::space;
  std::uint32_t len = 0;
};

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (x != b[i]) return false;
  }
  return true;
}

bool ascii_istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_iequals(text.substr(0, prefix.size()), prefix);
}

template <std::size_t N>
bool in_ascii_list(std::string_view word, const std::array<std::string_view, N>& list) {
  for (const auto entry : list) {
    if (ascii_iequals(word, entry)) return true;
  }
  return false;
}

// French words that elide before a vowel: « l’ », « qu’ », « jusqu’ »... (« aujourd’hui »
// and « quelqu’un » are single words and deliberately absent).
constexpr std::array<std::string_view, 13> kElisions = {"l", "d",     "qu",    "j",      "n",      "s",     "c",
                                                        "m", "t",     "jusqu", "lorsqu", "puisqu", "quoiqu"};
// English clitics after an apostrophe (Penn Treebank), "n't" handled separately.
constexpr std::array<std::string_view, 6> kClitics = {"s", "re", "ve", "ll", "d", "m"};
// Pronouns that follow a French verb in an inversion or imperative: « dit-il », « donne-le-moi ».
constexpr std::array<std::string_view, 20> kInvertedPronouns = {
    "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce",
    "moi", "toi", "lui", "leur", "eux", "y", "en", "le", "la", "les"};
constexpr std::array<std::string_view, 5> kInvertedSubjects = {"il", "elle", "on", "ils", "elles"};
// Those that never end an English compound: « -il », « -vous », « -ce » split whatever the
// language; the others (tra-la-la) only in French text.
constexpr std::array<std::string_view, 9> kFrenchOnlyPronouns = {"je",   "tu",   "il",    "elle", "nous",
                                                                 "vous", "ils", "elles", "ce"};
// "-on" ends English compounds only after these heads (add-on, hands-on, head-on...): after
// any other word it is the French « on » (« peut-on », « dit-on »), without asking the language.
constexpr std::array<std::string_view, 40> kEnglishOnHeads = {
    "add",   "bolt",  "bring", "carry", "clip", "come",  "drop",  "dry",   "follow", "hands",
    "hang",  "head",  "hold",  "knock", "lead", "lean",  "log",   "pile",  "plug",   "pull",
    "push",  "put",   "roll",  "run",   "screw", "sign", "slip",  "snap",  "spin",   "stick",
    "switch", "tack", "tag",   "take",  "try",  "turn",  "walk",  "wash",  "write",  "blow"};

// UAX #29 WB7b/c: a double quote between Hebrew letters is part of the word (gershayim).
bool is_hebrew_letter(char32_t c) { return (c >= 0x05D0 && c <= 0x05F2) || (c >= 0xFB1D && c <= 0xFB4F); }

bool is_wordlike(char_class c) {
  return c == char_class::letter || c == char_class::digit || c == char_class::connector;
}

// Bytes after which a run of ASCII letters is certainly a whole word (no joiner, no
// abbreviation period, no apostrophe or hyphen rule can apply).
constexpr std::array<bool, 256> make_plain_word_end() {
  std::array<bool, 256> table{};
  for (const char c : {' ', '\t', '\n', '\r', ',', ';', '!', '?', '"', ')', ']', '}', '('}) {
    table[static_cast<unsigned char>(c)] = true;
  }
  return table;
}
constexpr std::array<bool, 256> kPlainWordEnd = make_plain_word_end();

// ASCII letters (WB=ALetter below U+0080), for the fast path's inner loop.
constexpr std::array<bool, 256> make_ascii_letter() {
  std::array<bool, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = table[static_cast<std::size_t>(c - 32)] = true;
  return table;
}
constexpr std::array<bool, 256> kAsciiLetter = make_ascii_letter();

// The end of the run of ASCII letters starting at `i`: eight bytes at a time (SWAR), then
// byte by byte for the tail.
std::size_t end_of_ascii_letters(const char* text, std::size_t i, std::size_t n) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t high = 0x8080808080808080ULL;
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, text + i, 8);
    const std::uint64_t folded = (w | 0x20 * ones) & ~high;          // 'A'-'Z' -> 'a'-'z', 7 bits
    const std::uint64_t at_least_a = (folded + (0x80 - 'a') * ones) & high;
    const std::uint64_t above_z = (folded + (0x80 - 'z' - 1) * ones) & high;
    const std::uint64_t letters = at_least_a & ~above_z & ~(w & high);  // high bit set per letter byte
    const std::uint64_t others = ~letters & high;
    if (others) return i + static_cast<std::size_t>(__builtin_ctzll(others) / 8);
    i += 8;
  }
  while (i < n && kAsciiLetter[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// The UTF-8 length of a two-byte letter of Latin-1 or French at `i` (À-ÿ but × and ÷, Œ œ),
// or 0. These are WB=ALetter and NFC-inert, so the fast path may take them as it takes ASCII.
std::size_t latin_letter_length(const char* text, std::size_t i, std::size_t n) {
  if (i + 1 >= n) return 0;
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  if (b0 == 0xC3 && b1 >= 0x80 && b1 <= 0xBF && b1 != 0x97 && b1 != 0xB7) return 2;
  if (b0 == 0xC5 && (b1 == 0x92 || b1 == 0x93)) return 2;
  return 0;
}

// The end of a run of ASCII and Latin-1 letters starting at `i`.
std::size_t end_of_simple_letters(const char* text, std::size_t i, std::size_t n) {
  for (;;) {
    i = end_of_ascii_letters(text, i, n);
    const std::size_t length = latin_letter_length(text, i, n);
    if (length == 0) return i;
    i += length;
  }
}

#if !defined(__SSE2__)
struct window_masks {};
using window_classifier = window_masks (*)(const char*);
#endif

#if defined(__SSE2__)
// Byte classes of a 64-byte window, one bit per byte (bit k: byte k of the window).
struct window_masks {
  std::uint64_t letter = 0;  // ASCII letters, and both bytes of a two-byte Latin-1 letter
  std::uint64_t space = 0;   // ' ' and '\n'
  std::uint64_t punct = 0;   // ',' '"' '(' ')': one-byte tokens that never join a neighbour
  std::uint64_t other = 0;   // everything else: the byte-at-a-time scanner decides
};

using window_classifier = window_masks (*)(const char*);

// From the per-byte class bits to the masks; a Latin-1 letter (U+00C0-U+00FF but × and ÷)
// is a 0xC3 lead byte followed by a continuation byte other than 0x97 and 0xB7.
window_masks combine(std::uint64_t ascii_letter, std::uint64_t space, std::uint64_t punct, std::uint64_t lead_c3,
                     std::uint64_t continuation, std::uint64_t not_letter_c3) {
  const std::uint64_t latin_lead = lead_c3 & (continuation >> 1) & ~(not_letter_c3 >> 1);
  window_masks m;
  m.letter = ascii_letter | latin_lead | (latin_lead << 1);
  m.space = space;
  m.punct = punct;
  m.other = ~(m.letter | space | punct);
  return m;
}

// Classifies text[0, 64) with SSE2, the x86-64 baseline.
window_masks classify_window_sse2(const char* text) {
  std::uint64_t ascii_letter = 0, space = 0, punct = 0, lead_c3 = 0, continuation = 0, not_letter_c3 = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + 16 * k));
    const auto bits = [k](__m128i m) {
      return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(m))) << (16 * k);
    };
    const auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // v | 0x20 lies in 'a'..'z' exactly for ASCII letters; bytes >= 0x80 compare as negative.
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    ascii_letter |= bits(_mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                       _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1))));
    space |= bits(_mm_or_si128(eq(' '), eq('\n')));
    // '(' and ')' are 0x28 and 0x29.
    punct |= bits(_mm_or_si128(_mm_or_si128(eq(','), eq('"')),
                               _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))),
                                              _mm_set1_epi8('('))));
    lead_c3 |= bits(eq(static_cast<char>(0xC3)));
    continuation |= bits(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))),
                                        _mm_set1_epi8(static_cast<char>(0x80))));
    not_letter_c3 |= bits(_mm_or_si128(eq(static_cast<char>(0x97)), eq(static_cast<char>(0xB7))));  // × ÷
  }
  return combine(ascii_letter, space, punct, lead_c3, continuation, not_letter_c3);
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same with AVX2, chosen at run time: each byte's classes come from two 16-entry tables
// indexed by its low and high nibble (a class is a set of high nibbles times a set of low
// nibbles), so a 32-byte vector takes two shuffles instead of a comparison per byte value.
namespace nibble {
enum : std::uint8_t {
  letter_upper_half = 1,  // 0x41-0x4F, 0x61-0x6F
  blank = 2,              // ' '
  punct = 4,              // '"' '(' ')' ','
  lead_c3 = 8,
  continuation = 16,      // 0x80-0xBF
  times_divide = 32,      // 0x97, 0xB7 (after 0xC3: × and ÷)
  letter_lower_half = 64,  // 0x50-0x5A, 0x70-0x7A
  newline = 128,
};
constexpr std::array<std::uint8_t, 32> table(bool high) {
  std::array<std::uint8_t, 32> t{};
  for (int x = 0; x < 16; ++x) {
    std::uint8_t bits = 0;
    if (high) {
      if (x == 4 || x == 6) bits |= letter_upper_half;
      if (x == 5 || x == 7) bits |= letter_lower_half;
      if (x == 2) bits |= blank | punct;
      if (x == 0) bits |= newline;
      if (x == 0xC) bits |= lead_c3;
      if (x >= 8 && x <= 0xB) bits |= continuation;
      if (x == 9 || x == 0xB) bits |= times_divide;
    } else {
      if (x >= 1) bits |= letter_upper_half;
      if (x <= 0xA) bits |= letter_lower_half;
      if (x == 0) bits |= blank;
      if (x == 0xA) bits |= newline;
      if (x == 2 || x == 8 || x == 9 || x == 0xC) bits |= punct;
      if (x == 3) bits |= lead_c3;
      bits |= continuation;
      if (x == 7) bits |= times_divide;
    }
    t[static_cast<std::size_t>(x)] = t[static_cast<std::size_t>(x + 16)] = bits;
  }
  return t;
}
constexpr std::array<std::uint8_t, 32> kLowTable = table(false);
constexpr std::array<std::uint8_t, 32> kHighTable = table(true);
}  // namespace nibble

// The bytes of `classes` (bit k of the result: byte k) that have any of `bits`.
__attribute__((target("avx2"))) inline std::uint32_t bytes_with_any(__m256i classes, std::uint8_t bits) {
  const __m256i none =
      _mm256_cmpeq_epi8(_mm256_and_si256(classes, _mm256_set1_epi8(static_cast<char>(bits))), _mm256_setzero_si256());
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(none));
}

__attribute__((target("avx2"))) window_masks classify_window_avx2(const char* text) {
  const __m256i low_table = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(nibble::kLowTable.data()));
  const __m256i high_table = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(nibble::kHighTable.data()));
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  std::uint64_t ascii_letter = 0, space = 0, punct = 0, lead_c3 = 0, continuation = 0, not_letter_c3 = 0;
  for (int k = 0; k < 2; ++k) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + 32 * k));
    const __m256i classes =
        _mm256_and_si256(_mm256_shuffle_epi8(low_table, _mm256_and_si256(v, low_nibble)),
                         _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(v, 4), low_nibble)));
    const int shift = 32 * k;
    ascii_letter |= std::uint64_t{bytes_with_any(classes, nibble::letter_upper_half | nibble::letter_lower_half)} << shift;
    space |= std::uint64_t{bytes_with_any(classes, nibble::blank | nibble::newline)} << shift;
    punct |= std::uint64_t{bytes_with_any(classes, nibble::punct)} << shift;
    lead_c3 |= std::uint64_t{bytes_with_any(classes, nibble::lead_c3)} << shift;
    continuation |= std::uint64_t{bytes_with_any(classes, nibble::continuation)} << shift;
    not_letter_c3 |= std::uint64_t{bytes_with_any(classes, nibble::times_divide)} << shift;
  }
  return combine(ascii_letter, space, punct, lead_c3, continuation, not_letter_c3);
}

// Chosen once, at the first tokenization (not by a static initializer, which could run before
// libgcc has read the CPU's features: __builtin_cpu_init makes sure it has).
window_classifier best_window_classifier() {
  static const window_classifier best = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? classify_window_avx2 : classify_window_sse2;
  }();
  return best;
}
#else
window_classifier best_window_classifier() { return classify_window_sse2; }
#endif
#else
window_classifier best_window_classifier() { return nullptr; }  // no window path on this target
#endif

class scanner {
 public:
  scanner(std::string_view text, std::vector<token>& out, const tokenizer_options& options,
          const abbreviation_list& abbreviations, window_classifier classify_window)
      : text_(text), n_(text.size()), out_(out), options_(options), abbreviations_(abbreviations),
        classify_window_(classify_window) {}

  void run() {
    const void* at_sign = std::memchr(text_.data(), '@', n_);
    next_at_ = at_sign ? static_cast<std::size_t>(static_cast<const char*>(at_sign) - text_.data())
                       : std::string_view::npos;
    std::size_t i = 0;
    bool after_space = true;
    const char* const text = text_.data();
    out_.reserve(out_.size() + n_ / 5);
    while (i < n_) {
#if defined(__SSE2__)
      if (classify_window_ && n_ - i >= 64) {
        const std::size_t end = scan_window(i, after_space);
        if (end != i) {
          i = end;
          continue;
        }
      }
#endif
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte == ' ') {
        ++i;
        after_space = true;
        continue;
      }
      // Fast path: a word of ASCII and Latin-1 letters that nothing can extend ("government",
      // « séparation » followed by a space).
      // URLs, e-mail addresses, elisions, compounds and abbreviations all continue with a
      // byte outside kPlainWordEnd, so they still take the full path.
      if (const std::size_t first = kAsciiLetter[byte] ? 1 : latin_letter_length(text, i, n_)) {
        const std::size_t j = end_of_simple_letters(text, i + first, n_);
        if (j == n_ || kPlainWordEnd[static_cast<unsigned char>(text[j])]) {
          out_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), token_kind::word});
          i = j;
          after_space = false;
          continue;
        }
      }
      const cp here = at(i);
      if (here.cls == char_class::space) {
        i += here.len;
        after_space = true;
        continue;
      }
      i = scan_token(i, here, after_space);
      after_space = false;
    }
  }

 private:
#if defined(__SSE2__)
  // The window path: words made only of ASCII and Latin-1 letters, separated by spaces,
  // newlines and one-byte punctuation (',' '"' '(' ')'), tokenized from bit masks of a 64-byte
  // window rather than byte by byte. It stops before the first word that touches any other
  // byte (an apostrophe, a period, a hyphen, a digit...), which the byte-at-a-time rules then
  // scan; its tokens are exactly theirs (tests/unit/test_tokenizer.cpp compares the two).
  // Returns where it stopped: `i` itself when it could take nothing.
  std::size_t scan_window(std::size_t i, bool& after_space) {
    if (i - window_start_ >= 48) {  // classify afresh when less than 16 known bytes remain
      window_start_ = i;
      window_ = classify_window_(text_.data() + i);
    }
    const std::size_t offset = i - window_start_;
    std::uint64_t other = window_.other >> offset;
    if (offset) other |= ~std::uint64_t{0} << (64 - offset);  // bytes past the window: unknown
    if (other & 1) return i;
    const std::uint64_t letter = window_.letter >> offset;
    const std::uint64_t punct = window_.punct >> offset;
    // Take up to the first unknown byte, less the word it may extend.
    std::size_t limit = other ? static_cast<std::size_t>(std::countr_zero(other)) : 64;
    if (letter >> (limit - 1) & 1) {
      const std::uint64_t before = ~letter & ((std::uint64_t{1} << (limit - 1)) - 1);
      limit = before ? 64 - static_cast<std::size_t>(std::countl_zero(before)) : 0;
      if (limit == 0) return i;
    }
    const std::uint64_t taken = limit == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << limit) - 1;
    std::uint64_t starts = ((letter & ~(letter << 1)) | punct) & taken;
    // Room for 64 more tokens, so that push_back never reallocates in the loop; growing
    // geometrically (reserve alone would grow by 64 each time: quadratic on long texts).
    if (out_.capacity() - out_.size() < 64) out_.reserve(std::max(2 * out_.capacity(), out_.size() + 64));
    while (starts) {
      const auto p = static_cast<std::uint32_t>(std::countr_zero(starts));
      starts &= starts - 1;
      const auto start = static_cast<std::uint32_t>(i) + p;
      // Branch-free: a punctuation byte is no letter, so its letter run has length 0.
      const auto is_punct = static_cast<std::uint32_t>(punct >> p & 1);
      const auto length = static_cast<std::uint32_t>(std::countr_zero(~(letter >> p))) + is_punct;
      static_assert(static_cast<int>(token_kind::punct) == 2 && static_cast<int>(token_kind::word) == 0);
      out_.push_back({start, start + length, static_cast<token_kind>(2 * is_punct)});
    }
    after_space = window_.space >> (offset + limit - 1) & 1;
    return i + limit;
  }
#endif

  cp at(std::size_t i) const {
    if (i >= n_) return {};
    const auto byte = static_cast<unsigned char>(text_[i]);
    if (byte < 0x80) return {byte, ascii_classes_[byte], 1};
    const char* p = text_.data() + i;
    const char32_t c = utf8::decode(p, text_.data() + n_);
    // Every non-ASCII code point passes through here: note whether it could break NFC.
    nfc_quick_yes_ = nfc_quick_yes_ && (c < 0x10000 ? nfc_inert_[c] : unicode::detail::nfc_inert_supplementary(c));
    return {c, unicode::classify(c), static_cast<std::uint32_t>(p - (text_.data() + i))};
  }

 public:
  bool nfc_quick_yes() const noexcept { return nfc_quick_yes_; }

 private:

  void emit(std::size_t start, std::size_t end, token_kind kind) {
    if (end > start) out_.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), kind});
  }

  // Skips Extend/Format/ZWJ code points (UAX #29 WB4: they belong to what precedes).
  std::size_t skip_extend(std::size_t i) const {
    for (;;) {
      const cp c = at(i);
      if (c.cls != char_class::extend && c.cls != char_class::zwj) return i;
      i += c.len;
    }
  }

  std::size_t scan_token(std::size_t i, const cp& here, bool after_space) {
    switch (here.cls) {
      case char_class::letter:
      case char_class::digit:
      case char_class::connector: {
        if (const std::size_t end = scan_url(i)) return end;
        if (const std::size_t end = scan_email(i)) return end;
        if (here.cls == char_class::digit) {
          if (const std::size_t end = scan_keycap(i, here)) return end;
        }
        return scan_word(i, i);
      }
      case char_class::letter_alone:
        emit(i, skip_extend(i + here.len), token_kind::word);
        return skip_extend(i + here.len);
      case char_class::katakana: {
        std::size_t j = i;
        for (cp c = here; c.cls == char_class::katakana; c = at(j)) j = skip_extend(j + c.len);
        emit(i, j, token_kind::word);
        return j;
      }
      case char_class::currency: {
        // "$19.4", "€20": the currency sign belongs to the number it precedes.
        const cp next = at(i + here.len);
        if (next.cls == char_class::digit) return scan_word(i, i + here.len);
        return emit_single(i, here, token_kind::symbol);
      }
      case char_class::emoji:
      case char_class::regional: return scan_emoji(i, here);
      case char_class::emoji_text: {
        // Text-presentation pictographs (©, ↔) are emoji only when VS16 asks for it.
        if (at(i + here.len).c == 0xFE0F) return scan_emoji(i, here);
        return emit_single(i, here, token_kind::symbol);
      }
      case char_class::hyphen:
      case char_class::symbol:
      case char_class::punct:
      default: break;
    }
    const char32_t c = here.c;
    if ((c == '-' || c == '+' || c == 0x2212) && after_space && at(i + here.len).cls == char_class::digit) {
      return scan_word(i, i + here.len);  // a signed number: "-3,5", "+2 %"
    }
    if (c == '@' || c == '#') {
      if (const std::size_t end = scan_tag(i, c == '#')) return end;
    }
    if ((c == '#' || c == '*') && at(i + 1).c != '#') {
      if (const std::size_t end = scan_keycap(i, here)) return end;
    }
    if (c == '.' || c == '!' || c == '?' || c == '-') {
      // Runs stay one token: "...", "--", and any mix of '!' and '?' ("!!!", "?!").
      std::size_t j = i + 1;
      const bool exclamation = c == '!' || c == '?';
      while (j < n_ && (exclamation ? text_[j] == '!' || text_[j] == '?' : text_[j] == static_cast<char>(c))) ++j;
      if (j > i + 1) {
        emit(i, j, token_kind::punct);
        return j;
      }
    }
    const bool punct = here.cls != char_class::symbol && unicode::is_punctuation(c);
    return emit_single(i, here, punct ? token_kind::punct : token_kind::symbol);
  }

  std::size_t emit_single(std::size_t i, const cp& here, token_kind kind) {
    const std::size_t end = skip_extend(i + here.len);
    emit(i, end, kind);
    return end;
  }

  // Words and numbers: UAX #29 rules WB4-WB13b over letters, digits and their joiners, with
  // our elision, clitic, compound, inversion, abbreviation and number-format rules.
  // `token_start` may precede `i` by a sign or a currency symbol.
  std::size_t scan_word(std::size_t token_start, std::size_t i) {
    char_class prev = char_class::space;
    bool has_letter = false;
    bool has_digit = false;
    bool has_separator = false;       // ',' '.' seen inside a number
    std::size_t group_digits = 0;     // digits since the last separator, for "20 000"
    std::size_t groups = 0;           // thousands groups joined by a space
    bool joined_regular_space = false;
    const bool prefixed = token_start != i;  // by a sign or a currency
    char32_t last_letter = 0;                // for the Hebrew gershayim rule
    for (;;) {
      // Fast path: a run of ASCII letters.
      if (i < n_ && static_cast<unsigned char>(text_[i]) < 0x80 &&
          ascii_classes_[static_cast<unsigned char>(text_[i])] == char_class::letter) {
        do {
          ++i;
        } while (i < n_ && static_cast<unsigned char>(text_[i]) < 0x80 &&
                 ascii_classes_[static_cast<unsigned char>(text_[i])] == char_class::letter);
        has_letter = true;
        prev = char_class::letter;
        last_letter = static_cast<unsigned char>(text_[i - 1]);
      }
      const cp c = at(i);
      switch (c.cls) {
        case char_class::letter:
          has_letter = true;
          prev = char_class::letter;
          last_letter = c.c;
          i += c.len;
          continue;
        case char_class::digit:
          has_digit = true;
          prev = char_class::digit;
          ++group_digits;
          i += c.len;
          continue;
        case char_class::connector:
          prev = char_class::connector;
          i += c.len;
          continue;
        case char_class::extend:
        case char_class::zwj: i += c.len; continue;
        case char_class::mid_letter:
        case char_class::mid_num_let:
        case char_class::mid_num: {
          const cp next = at(i + c.len);
          const bool letters = prev == char_class::letter && next.cls == char_class::letter &&
                               c.cls != char_class::mid_num;
          // After plain-space thousands ("20 000"), only decimals may follow ("20 000,50").
          const bool digits = prev == char_class::digit && next.cls == char_class::digit &&
                              c.cls != char_class::mid_letter && (!joined_regular_space || group_digits == 3);
          if (letters || digits) {
            if (digits && !has_letter) {
              has_separator = true;
              group_digits = 0;
            }
            i += c.len;
            continue;
          }
          break;
        }
        case char_class::apostrophe: {
          const cp next = at(i + c.len);
          if (prev != char_class::letter || next.cls != char_class::letter) break;
          const std::string_view before = text_.substr(token_start, i - token_start);
          if (options_.split_elisions && !has_digit && in_ascii_list(before, kElisions)) {
            emit(token_start, i + c.len, token_kind::word);  // « l’ » keeps its apostrophe
            return scan_word(i + c.len, i + c.len);
          }
          if (options_.split_clitics && !has_digit) {
            const std::size_t after = i + c.len;
            std::size_t j = after;
            while (at(j).cls == char_class::letter) j += at(j).len;
            const cp follow = at(j);
            const bool run_ends = !is_wordlike(follow.cls) && follow.cls != char_class::apostrophe &&
                                  follow.cls != char_class::extend;
            const std::string_view suffix = text_.substr(after, j - after);
            if (run_ends && in_ascii_list(suffix, kClitics)) {
              emit(token_start, i, token_kind::word);
              emit(i, j, token_kind::word);  // "'s", "'re"
              return j;
            }
            if (run_ends && ascii_iequals(suffix, "t") && before.size() > 1 &&
                (before.back() == 'n' || before.back() == 'N')) {
              emit(token_start, i - 1, token_kind::word);
              emit(i - 1, j, token_kind::word);  // "n't"
              return j;
            }
          }
          prev = char_class::letter;  // « aujourd’hui », "O'Brien" stay whole
          i += c.len;
          continue;
        }
        case char_class::hyphen: {
          const cp next = at(i + c.len);
          if (!is_wordlike(prev) || !is_wordlike(next.cls)) break;
          if (prev == char_class::digit && next.cls == char_class::digit && !has_letter) break;  // 2019-2020
          if (has_letter) {
            if (split_inversion(token_start, i)) return inversion_end_;
          }
          i += c.len;
          continue;
        }
        case char_class::space: {
          // Thousands groups: « 20 000 », « 1 234 567 » (NBSP, narrow NBSP, thin space, or a
          // plain space when unambiguous: a 1-3 digit first group and 3-digit groups).
          if (prev != char_class::digit || has_letter || has_separator || c.len == 0) break;
          const bool nbsp = c.c == 0x00A0 || c.c == 0x202F || c.c == 0x2009;
          const bool plain = c.c == ' ';
          if (!nbsp && !plain) break;
          if (plain && (group_digits > 3 || (groups > 0 && group_digits != 3))) break;
          if (!three_digit_group_follows(i + c.len, plain)) break;
          joined_regular_space = joined_regular_space || plain;
          ++groups;
          group_digits = 0;
          i += c.len;
          continue;
        }
        default:
          if (c.c == '"' && prev == char_class::letter && is_hebrew_letter(last_letter) &&
              is_hebrew_letter(at(i + 1).c)) {
            i += 1;
            continue;
          }
          break;
      }
      break;
    }
    token_kind kind = has_letter ? token_kind::word : has_digit ? token_kind::number : token_kind::punct;
    if (kind == token_kind::number) {
      // "3,5%", "19,99€": a sign directly after the digits belongs to the number.
      const cp next = at(i);
      if (next.c == '%' || next.c == 0x2030 || next.cls == char_class::currency) i = skip_extend(i + next.len);
    } else if (kind == token_kind::word && prefixed) {
      // "$5bn": keep the currency with it; a sign before letters was a hyphen after all.
      if (unicode::classify(at(token_start).c) != char_class::currency) {
        emit(token_start, token_start + at(token_start).len, token_kind::punct);
        token_start += at(token_start).len;
      }
    }
    if (kind == token_kind::word && i < n_ && text_[i] == '.') i = extend_abbreviation(token_start, i);
    emit(token_start, i, kind);
    return i;
  }

  bool three_digit_group_follows(std::size_t i, bool plain) const {
    for (int k = 0; k < 3; ++k) {
      if (i >= n_ || text_[i] < '0' || text_[i] > '9') return false;
      ++i;
    }
    const cp after = at(i);
    if (after.cls == char_class::digit) return false;
    if (plain && (after.cls == char_class::letter || after.cls == char_class::hyphen)) return false;
    return true;
  }

  // A word followed by '.': keeps the period when the word is a known abbreviation
  // ("M.", "etc.", "J.-C."), an initial ("J.") or a dotted acronym ("U.S.", "p.ex.").
  std::size_t extend_abbreviation(std::size_t start, std::size_t dot) const {
    const std::size_t limit = std::min(n_, start + abbreviations_.max_length());
    for (std::size_t end = limit; end > dot; --end) {
      if (text_[end - 1] != '.') continue;
      if (end < n_ && is_wordlike(at(end).cls)) continue;
      if (abbreviations_.find(text_.substr(start, end - start))) return end;
    }
    const std::string_view word = text_.substr(start, dot - start);
    int letters_in_segment = 0;
    int segments = 1;
    bool acronym = true;
    for (std::size_t j = 0; j < word.size();) {
      const cp c = at(start + j);
      if (c.c == '.') {
        if (letters_in_segment == 0) acronym = false;
        letters_in_segment = 0;
        ++segments;
      } else if (c.cls == char_class::letter) {
        if (++letters_in_segment > 2) acronym = false;
      } else if (c.cls != char_class::extend) {
        acronym = false;
      }
      j += c.len;
    }
    if (acronym && segments >= 2) return dot + 1;
    const cp first = at(start);
    if (segments == 1 && first.len == word.size() && unicode::is_upper(first.c)) return dot + 1;  // "J."
    return dot;
  }

  // At the hyphen `h` inside a word starting at `start`: if everything after it is a chain of
  // inverted pronouns (« -t-il », « -le-moi »), emits the verb and each pronoun, sets
  // inversion_end_ and returns true. « arc-en-ciel » (a pronoun followed by a noun) and
  // « rendez-vous » stay whole.
  bool split_inversion(std::size_t start, std::size_t h) {
    std::array<std::size_t, 8> piece_starts{};
    std::size_t pieces = 0;
    std::size_t j = h;
    // Reads "-letters" at `from`; returns the end, or 0 when no letters follow the hyphen.
    auto component = [&](std::size_t from, std::string_view& word) -> std::size_t {
      const cp dash = at(from);
      if (dash.cls != char_class::hyphen) return 0;
      std::size_t k = from + dash.len;
      while (at(k).cls == char_class::letter) k += at(k).len;
      word = text_.substr(from + dash.len, k - from - dash.len);
      return word.empty() ? 0 : k;
    };
    bool ambiguous = false;  // a pronoun that could also end an English compound
    while (pieces < piece_starts.size() && at(j).cls == char_class::hyphen) {
      std::string_view word;
      std::size_t k = component(j, word);
      if (k == 0) return false;
      if (pieces == 0 && ascii_iequals(word, "t") && at(k).cls == char_class::hyphen) {
        k = component(k, word);  // « a-t-il »: the euphonic t goes with its subject
        if (k == 0 || !in_ascii_list(word, kInvertedSubjects)) return false;
      } else if (!in_ascii_list(word, kInvertedPronouns)) {
        return false;
      } else if (ascii_iequals(word, "on")) {
        ambiguous = ambiguous || (pieces == 0 && in_ascii_list(text_.substr(start, h - start), kEnglishOnHeads));
      } else if (!in_ascii_list(word, kFrenchOnlyPronouns)) {
        ambiguous = true;
      }
      piece_starts[pieces++] = j;
      j = k;
    }
    const cp follow = at(j);
    if (pieces == 0 || is_wordlike(follow.cls) || follow.cls == char_class::apostrophe ||
        follow.cls == char_class::hyphen || follow.cls == char_class::extend) {
      return false;
    }
    if (ascii_iequals(text_.substr(start, h - start), "rendez")) return false;  // rendez-vous
    if (!options_.split_inversions && ambiguous) {
      if (!options_.is_french) return false;  // the text is known not to be French
      if (french_ == unknown) french_ = (*options_.is_french)() ? yes : no;
      if (french_ == no) return false;
    }
    emit(start, h, token_kind::word);
    for (std::size_t p = 0; p < pieces; ++p) {
      emit(piece_starts[p], p + 1 < pieces ? piece_starts[p + 1] : j, token_kind::word);
    }
    inversion_end_ = j;
    return true;
  }

  // "http://…", "https://…", "ftp://…", "www.…": up to whitespace or a delimiter, without
  // trailing punctuation (a ')' is kept when it closes a '(' of the URL).
  std::size_t scan_url(std::size_t i) {
    const char first = static_cast<char>(text_[i] | 0x20);
    if (first != 'h' && first != 'f' && first != 'w') return 0;
    const std::string_view rest = text_.substr(i);
    std::size_t j;
    if (ascii_istarts_with(rest, "https://")) {
      j = i + 8;
    } else if (ascii_istarts_with(rest, "http://")) {
      j = i + 7;
    } else if (ascii_istarts_with(rest, "ftp://")) {
      j = i + 6;
    } else if (ascii_istarts_with(rest, "www.")) {
      j = i + 4;
    } else {
      return 0;
    }
    if (!is_wordlike(at(j).cls)) return 0;
    int open_parens = 0;
    int open_brackets = 0;
    while (j < n_) {
      const cp c = at(j);
      if (c.cls == char_class::space || c.c == '"' || c.c == '<' || c.c == '>' || c.c == 0xAB || c.c == 0xBB ||
          c.c == 0x201C || c.c == 0x201D || c.c == 0x2018 || c.c == 0x2019 || c.c == '`' || c.c == '|' ||
          c.c == '{' || c.c == '}') {
        break;
      }
      open_parens += c.c == '(' ? 1 : c.c == ')' ? -1 : 0;
      open_brackets += c.c == '[' ? 1 : c.c == ']' ? -1 : 0;
      if (open_parens < 0 || open_brackets < 0) break;
      j += c.len;
    }
    for (;;) {  // trailing punctuation ends the sentence, not the URL
      if (j > i && std::strchr(".,;:!?'", text_[j - 1]) != nullptr) {
        --j;
      } else if (j >= i + 3 && text_.substr(j - 3, 3) == "\xE2\x80\xA6") {  // '…'
        j -= 3;
      } else {
        break;
      }
    }
    emit(i, j, token_kind::url);
    return j;
  }

  static bool is_local_part_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '%' || c == '+' || c == '-';
  }
  static bool is_domain_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }

  // name@example.org (ASCII addresses; the domain needs a dot and a 2+ letter TLD).
  std::size_t scan_email(std::size_t i) {
    if (next_at_ != std::string_view::npos && next_at_ < i) {
      const void* found = std::memchr(text_.data() + i, '@', n_ - i);
      next_at_ = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data())
                       : std::string_view::npos;
    }
    if (next_at_ == std::string_view::npos || next_at_ - i > 64) return 0;
    std::size_t j = i;
    while (j < n_ && is_local_part_char(text_[j])) ++j;
    if (j != next_at_ || j == i || text_[j - 1] == '.') return 0;
    std::size_t k = j + 1;
    std::size_t end = 0;
    std::size_t labels = 0;
    for (;;) {
      const std::size_t label_start = k;
      while (k < n_ && is_domain_char(text_[k])) ++k;
      if (k == label_start) break;
      ++labels;
      bool alpha_label = k - label_start >= 2;
      for (std::size_t m = label_start; m < k && alpha_label; ++m) {
        alpha_label = (text_[m] | 0x20) >= 'a' && (text_[m] | 0x20) <= 'z';
      }
      if (labels >= 2 && alpha_label) end = k;
      if (k < n_ && text_[k] == '.' && k + 1 < n_ && is_domain_char(text_[k + 1])) {
        ++k;
        continue;
      }
      break;
    }
    if (end == 0 || (end < n_ && is_wordlike(at(end).cls))) return 0;
    emit(i, end, token_kind::email);
    return end;
  }

  // @mention and #hashtag (a hashtag needs a letter: "#1" is not one).
  std::size_t scan_tag(std::size_t i, bool hashtag) {
    std::size_t j = i + 1;
    bool letter = false;
    for (;;) {
      const cp c = at(j);
      if (c.cls == char_class::letter || c.cls == char_class::letter_alone || c.cls == char_class::katakana) {
        letter = true;
      } else if (c.cls != char_class::digit && c.cls != char_class::connector && c.cls != char_class::extend) {
        break;
      }
      j += c.len;
    }
    if (j == i + 1 || (hashtag && !letter)) return 0;
    emit(i, j, hashtag ? token_kind::hashtag : token_kind::mention);
    return j;
  }

  // Keycap emoji: [0-9#*] U+FE0F? U+20E3.
  std::size_t scan_keycap(std::size_t i, const cp& base) {
    std::size_t j = i + base.len;
    if (at(j).c == 0xFE0F) j += 3;
    if (at(j).c != 0x20E3) return 0;
    j = skip_extend(j + 3);
    emit(i, j, token_kind::emoji);
    return j;
  }

  // An emoji with its modifiers, variation selectors, tags and ZWJ sequences (👩‍🔬, 👍🏽,
  // 🏴󠁧󠁢󠁳󠁣󠁴󠁿), or a flag made of two regional indicators (🇫🇷).
  std::size_t scan_emoji(std::size_t i, const cp& base) {
    std::size_t j = i + base.len;
    if (base.cls == char_class::regional) {
      const cp second = at(j);
      if (second.cls == char_class::regional) j += second.len;
      j = skip_extend(j);
      emit(i, j, token_kind::emoji);
      return j;
    }
    for (;;) {
      const cp c = at(j);
      if (c.cls == char_class::extend || unicode::is_emoji_component(c.c)) {
        j += c.len;
        continue;
      }
      if (c.cls == char_class::zwj) {
        const cp next = at(j + c.len);
        if (next.cls == char_class::emoji || next.cls == char_class::emoji_text) {
          j += c.len + next.len;
          continue;
        }
        j += c.len;
      }
      break;
    }
    emit(i, j, token_kind::emoji);
    return j;
  }

  const unicode::char_class* const ascii_classes_ = unicode::detail::bmp_classes();
  const bool* const nfc_inert_ = unicode::detail::bmp_nfc_inert();
  mutable bool nfc_quick_yes_ = true;  // updated by the const at(), which sees every code point
  std::string_view text_;
  std::size_t n_;
  std::vector<token>& out_;
  const tokenizer_options& options_;
  const abbreviation_list& abbreviations_;
  const window_classifier classify_window_;  // nullptr: no window path, every byte through the rules
#if defined(__SSE2__)
  std::size_t window_start_ = static_cast<std::size_t>(-64);  // none classified yet
  window_masks window_;
#endif
  std::size_t next_at_ = 0;  // position of the next '@' at or after the scan (npos: none)
  std::size_t inversion_end_ = 0;
  enum { unknown, yes, no } french_ = unknown;  // the answer of options_.is_french, once asked
};

}  // namespace

void tokenizer::tokenize(std::string_view text, std::vector<token>& out, const tokenizer_options& options) const {
  scanner s(text, out, options, *abbreviations_, best_window_classifier());
  s.run();
  if (options.nfc_quick_yes) *options.nfc_quick_yes = s.nfc_quick_yes();
}

namespace detail {
void tokenize_with(scan_path path, const tokenizer& tok, std::string_view text, std::vector<token>& out,
                   const tokenizer_options& options) {
  window_classifier classify = nullptr;
#if defined(__SSE2__)
  if (path == scan_path::baseline_windows) classify = classify_window_sse2;
#endif
  (void)path;
  scanner s(text, out, options, tok.abbreviations(), classify);
  s.run();
  if (options.nfc_quick_yes) *options.nfc_quick_yes = s.nfc_quick_yes();
}
}  // namespace detail

}  // namespace textkit
