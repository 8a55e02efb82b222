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

// count_markers() reads a word as its first 8 bytes (all non-zero: no token holds a NUL), so a
// marker must be shorter than 8 bytes for no longer word to read as it.
constexpr bool markers_fit(std::span<const std::string_view> markers) {
  for (const std::string_view m : markers) {
    if (m.empty() || m.size() >= 8) return false;
  }
  return true;
}
static_assert(markers_fit(kFrenchMarkers) && markers_fit(kEnglishMarkers), "markers of 1 to 7 bytes");

struct marker {
  std::uint64_t word = 0;  // 0: an empty slot
  std::uint64_t bit = 0;   // the marker's bit: 0-22 French, 32-50 English
};

// Every word a multiply, a shift and one compare, without a branch: the markers sit in a
// 128-slot table with no two in one slot (the multiplier is searched for at compile time), so
// a word is a marker exactly when its slot holds it. The branches of a probing search were
// mispredicted on most words of a document.
constexpr std::size_t kMarkerSlots = 128;
constexpr std::size_t marker_slot(std::uint64_t word, std::uint64_t multiplier) noexcept {
  return static_cast<std::size_t>((word * multiplier) >> 57);
}
constexpr std::uint64_t pack_marker(std::string_view m) noexcept {  // as utf8::load_short
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < m.size(); ++i) word |= std::uint64_t{static_cast<unsigned char>(m[i])} << (8 * i);
  return word;
}
constexpr std::uint64_t collision_free_multiplier() {
  for (std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;; multiplier += 0x2545F4914F6CDD1DULL) {
    std::array<bool, kMarkerSlots> taken{};
    bool collision = false;
    auto place = [&](std::string_view m) {
      bool& slot = taken[marker_slot(pack_marker(m), multiplier)];
      collision = collision || slot;
      slot = true;
    };
    for (const std::string_view m : kFrenchMarkers) place(m);
    for (const std::string_view m : kEnglishMarkers) place(m);
    if (!collision) return multiplier;
  }
}
constexpr std::uint64_t kMarkerMultiplier = collision_free_multiplier();

struct marker_table {
  std::array<marker, kMarkerSlots> table{};
  constexpr marker_table() {
    for (std::size_t f = 0; f < kFrenchMarkers.size(); ++f) add(kFrenchMarkers[f], f);
    for (std::size_t e = 0; e < kEnglishMarkers.size(); ++e) add(kEnglishMarkers[e], 32 + e);
  }
  constexpr void add(std::string_view m, std::size_t bit) {
    const std::uint64_t word = pack_marker(m);
    table[marker_slot(word, kMarkerMultiplier)] = {word, std::uint64_t{1} << bit};
  }
  // The marker's bit (as a mask), or 0. `word`: a word's first 8 bytes as load_short() reads
  // them; a longer word has 8 non-zero bytes, so it never equals a marker (see markers_fit).
  std::uint64_t find(std::uint64_t word) const noexcept {
    const marker& m = table[marker_slot(word, kMarkerMultiplier)];
    // (An empty slot holds 0, which no word of at least one non-NUL byte packs to.)
    return m.bit & (std::uint64_t{0} - static_cast<std::uint64_t>(m.word == word && word != 0));
  }
};
constexpr marker_table kMarkerTable;

struct marker_counts {
  int french = 0;  // distinct markers seen
  int english = 0;
};

marker_counts count_markers(std::span<const std::string_view> folded_words) noexcept {
  std::uint64_t seen = 0;  // one bit per marker
  const std::size_t words = std::min(folded_words.size(), language_vote_words);
  for (std::size_t i = 0; i < words; ++i) {
    const std::string_view w = folded_words[i];
    seen |= kMarkerTable.find(utf8::load_short(w.data(), std::min<std::size_t>(w.size(), 8)));
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
