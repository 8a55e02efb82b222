// Differential test: on text where textkit's rules do not deliberately differ from UAX #29
// (no apostrophes, hyphens, periods, URLs, @/#, currencies, number spacing, dictionary
// scripts), the word and number tokens must be exactly ICU's word segments.
#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "textkit/tokenizer.hpp"
#include "textkit/utf8.hpp"

namespace {

using span = std::pair<std::uint32_t, std::uint32_t>;

// Spans as "text@start" strings, so a failure shows which segment differs.
std::string show(const std::string& text, const std::vector<span>& spans) {
  std::string out;
  for (const auto& [start, end] : spans) {
    out += '[';
    out.append(text, start, end - start);
    out += "]@";
    out += std::to_string(start);
    out += ' ';
  }
  return out;
}

std::vector<span> icu_words(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  words->setText(ut, status);
  std::vector<span> out;
  std::int32_t start = words->first();
  for (std::int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    if (words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      out.emplace_back(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end));
    }
  }
  utext_close(ut);
  return out;
}

std::vector<span> textkit_words(const std::string& text) {
  static const textkit::tokenizer tok;
  std::vector<textkit::token> tokens;
  tok.tokenize(text, tokens);
  std::vector<span> out;
  for (const auto& t : tokens) {
    if (t.kind == textkit::token_kind::word || t.kind == textkit::token_kind::number) out.emplace_back(t.start, t.end);
  }
  return out;
}

// Letters of several alphabets (Latin with accents, Greek, Cyrillic, Arabic, Hebrew), combining
// marks, digits (never first in a word, so no thousands grouping applies) and separators.
const std::vector<char32_t> kLetters = {U'a', U'z', U'K', U'é', U'É', U'ç', U'œ', U'ß', U'ñ', U'ø', U'Ł',
                                         U'α', U'Ω', U'ж', U'Я', U'ب', U'س', U'ש', U'א', U'ǅ', U'ﬁ', U'Ａ'};
const std::vector<char32_t> kMarks = {0x0301, 0x0308, 0x0327, 0x064E, 0x05B7};
const std::vector<char32_t> kDigits = {U'0', U'7', U'9', U'٣', U'５'};
const std::vector<char32_t> kSeparators = {U' ', U' ', U' ', U',', U';', U'!', U'?', U'(', U')', U'«', U'»',
                                            U':', U'\n', U'\t', 0x3000, U'"', U'/', U'*'};

}  // namespace

TEST_CASE("tokenizer agrees with ICU word segmentation outside its deliberate rules") {
  std::mt19937 rng(20261128);
  auto pick = [&](const std::vector<char32_t>& set) { return set[rng() % set.size()]; };
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int words = 1 + static_cast<int>(rng() % 12);
    for (int w = 0; w < words; ++w) {
      textkit::utf8::append(text, pick(kLetters));
      const int length = static_cast<int>(rng() % 8);
      for (int k = 0; k < length; ++k) {
        const unsigned roll = rng() % 10;
        textkit::utf8::append(text, roll < 6 ? pick(kLetters) : roll < 8 ? pick(kDigits) : pick(kMarks));
      }
      const int separators = 1 + static_cast<int>(rng() % 2);
      for (int k = 0; k < separators; ++k) textkit::utf8::append(text, pick(kSeparators));
    }
    CAPTURE(text);
    CHECK(show(text, textkit_words(text)) == show(text, icu_words(text)));
    ++compared;
  }
  CHECK(compared == 3000);
}
