#pragma once
/// @file word_list.hpp
/// Word lists read from UTF-8 text: stop words, abbreviations. One entry per line,
/// '#' starts a comment line, blank lines are ignored.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "textkit/term_index.hpp"

namespace textkit {

/// Transparent hashing so sets of std::string can be probed with a std::string_view.
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// A set of exact strings.
class word_set {
 public:
  /// Parses one entry per line (the first TAB-separated column). Throws textkit::error
  /// (resource) naming `source:line` for invalid UTF-8.
  static word_set parse(std::string_view content, std::string_view source);

  void insert(std::string word) { words_.insert(std::move(word)); }
  bool contains(std::string_view word) const { return words_.find(word) != words_.end(); }
  std::size_t size() const noexcept { return words_.size(); }
  bool empty() const noexcept { return words_.empty(); }
  auto begin() const { return words_.begin(); }
  auto end() const { return words_.end(); }

 private:
  std::unordered_set<std::string, string_hash, std::equal_to<>> words_;
};

/// Abbreviations that end with a period ("M.", "U.S.", "etc."), each marked by whether it
/// often ends a sentence ("final": etc., Inc.) or practically never does ("inner": Mr., M.).
class abbreviation_list {
 public:
  /// Parses `ABBREV<TAB>final|inner` lines; errors name `source:line`.
  static abbreviation_list parse(std::string_view content, std::string_view source);
  /// The embedded French and English lists (corpora/abbreviations/).
  static const abbreviation_list& embedded();

  void merge(const abbreviation_list& other);
  /// nullptr when `text` is not an abbreviation, otherwise whether it may end a sentence.
  const bool* find(std::string_view text) const;
  /// Length in bytes of the longest entry; bounds the tokenizer's look-ahead.
  std::size_t max_length() const noexcept { return max_length_; }
  std::size_t size() const noexcept { return entries_.size(); }
  /// Adds (or widens) one entry.
  void add(std::string_view text, bool may_end_sentence);

 private:
  // Looked up at every word followed by '.': the fast vocabulary table, not a node map.
  term_index entries_{term_index::lookups::mostly_absent};
  std::vector<char> may_end_;  // by entry id: 1 when "final"
  std::size_t max_length_ = 0;
};

/// The embedded stop words of `lang` ("fr", "en"), or nullptr when none are embedded.
const word_set* embedded_stopwords(std::string_view lang);

}  // namespace textkit
