#pragma once
/// @file sentences.hpp
/// Sentence segmentation over tokens, robust to French and English abbreviations,
/// quotations and ellipses.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "textkit/tokenizer.hpp"
#include "textkit/word_list.hpp"

namespace textkit {

/// A sentence: byte span [start, end) of the text and its tokens [first_token, end_token).
struct sentence {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
  friend bool operator==(const sentence&, const sentence&) = default;
};

/// Splits tokenized text into sentences. A sentence ends
///  - at '.', '!', '?', '…' (or a run of them), with the closing quotes and brackets that
///    follow, when the next token does not start with a lower-case letter;
///  - at an abbreviation marked "final" (etc., Inc.) when the next token is a capitalised
///    function word (« Il », "The") or the text ends;
///  - at a blank line (paragraph break).
/// An abbreviation marked "inner" (M., Mr., Dr.) or an initial ("J.") never ends one.
class sentence_splitter {
 public:
  /// Uses the embedded abbreviation lists and French and English stop words.
  sentence_splitter();

  void split(std::string_view text, std::span<const token> tokens, std::vector<sentence>& out) const;

 private:
  const abbreviation_list* abbreviations_;
  const word_set* starters_en_;
  const word_set* starters_fr_;
};

}  // namespace textkit
