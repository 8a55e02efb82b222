#include "textkit/language.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "textkit/unicode.hpp"
#include "textkit/utf8.hpp"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace CLD2 {
const char* LanguageCode(Language lang);  // declared in cld2/internal/lang_script.h
}

namespace textkit {

std::string detect_language(std::string_view text) {
  std::size_t size = std::min(text.size(), language_sample_bytes);
  while (size < text.size() && size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(size), true, &reliable, &valid_prefix);
  // CLD2 answers English when it saw no letters at all: that is no evidence of anything.
  bool has_letters = false;
  for (const char* p = text.data(); p < text.data() + size && !has_letters;) {
    const unicode::char_class cls = unicode::classify(utf8::decode(p, text.data() + size));
    has_letters = cls == unicode::char_class::letter || cls == unicode::char_class::letter_alone ||
                  cls == unicode::char_class::katakana;
  }
  if (!has_letters || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  return CLD2::LanguageCode(lang);
}

namespace {

// Function words that are frequent in one language and rare as words of the other (or of
// Spanish, Italian, German: "de", "la", "il", "que", "die" are left out on purpose), packed
// as little-endian words so that a lookup compares integers.
constexpr std::array<std::string_view, 23> kFrenchMarkers = {
    "les", "des", "est", "et", "une", "du", "dans", "pour", "pas", "sur", "avec", "sont",
    "été", "cette", "mais", "aux", "ont", "nous", "vous", "ces", "être", "leur", "très"};
constexpr std::array<std::string_view, 19> kEnglishMarkers = {
    "the", "and", "of", "to", "is", "was", "that", "with", "for", "are",
    "this", "have", "has", "from", "which", "were", "been", "would", "their"};

constexpr std::size_t kLongestMarker = 5;  // bytes: "which", "cette", "être"...
constexpr bool markers_fit(std::span<const std::string_view> markers) {
  for (const std::string_view m : markers) {
    if (m.size() < 2 || m.size() > kLongestMarker) return false;
  }
  return true;
}
static_assert(markers_fit(kFrenchMarkers) && markers_fit(kEnglishMarkers), "the vote skips other word sizes");

struct marker {
  std::uint64_t word = 0;  // 0: an empty slot
  std::uint8_t bit = 0;    // 0-22 French, 32-50 English
};

// The markers in an open-addressing table of 128 slots (a third full): a lookup is a multiply,
// and a load or two, where a binary search took six unpredictable branches.
struct marker_table {
  static constexpr std::size_t slots = 128;
  std::array<marker, slots> table{};
  static std::size_t slot_of(std::uint64_t word) noexcept {
    return static_cast<std::size_t>((word * 0x9E3779B97F4A7C15ULL) >> 57);
  }
  void add(std::string_view m, std::uint8_t bit) {
    const std::uint64_t word = utf8::load_short(m.data(), m.size());
    std::size_t at = slot_of(word);
    while (table[at].word != 0) at = (at + 1) % slots;
    table[at] = {word, bit};
  }
  marker_table() {
    for (std::size_t f = 0; f < kFrenchMarkers.size(); ++f) add(kFrenchMarkers[f], static_cast<std::uint8_t>(f));
    for (std::size_t e = 0; e < kEnglishMarkers.size(); ++e) add(kEnglishMarkers[e], static_cast<std::uint8_t>(32 + e));
  }
  // The marker's bit (as a mask), or 0.
  std::uint64_t find(std::uint64_t word) const noexcept {
    if (word == 0) return 0;  // NUL bytes only: not a word, and the empty slots' value
    for (std::size_t at = slot_of(word);; at = (at + 1) % slots) {
      if (table[at].word == word) return std::uint64_t{1} << table[at].bit;
      if (table[at].word == 0) return 0;
    }
  }
};

struct marker_counts {
  int french = 0;  // distinct markers seen
  int english = 0;
};

marker_counts count_markers(std::span<const std::string_view> folded_words) noexcept {
  static const marker_table table;
  std::uint64_t seen = 0;  // one bit per marker
  std::size_t words = 0;
  for (const std::string_view w : folded_words) {
    if (words == language_vote_words) break;
    ++words;
    if (w.size() < 2 || w.size() > kLongestMarker) continue;  // most words: no search
    seen |= table.find(utf8::load_short(w.data(), w.size()));
  }
  return {std::popcount(seen & 0xFFFFFFFFu), std::popcount(seen >> 32)};
}

std::string_view clear_vote(marker_counts c) noexcept {
  if (c.french >= 3 && c.french > 3 * c.english) return "fr";
  if (c.english >= 3 && c.english > 3 * c.french) return "en";
  return {};
}

}  // namespace

std::string_view french_or_english(std::span<const std::string_view> folded_words) noexcept {
  return clear_vote(count_markers(folded_words));
}

std::string decide_language(std::string_view text, std::span<const std::string_view> folded_words) {
  const marker_counts c = count_markers(folded_words);
  if (const std::string_view vote = clear_vote(c); !vote.empty()) return std::string(vote);
  std::string lang = detect_language(text);
  if (lang == "fr" || lang == "en") {
    if (c.french > 0 && c.english == 0) return "fr";
    if (c.english > 0 && c.french == 0) return "en";
  }
  return lang;
}

}  // namespace textkit
