#pragma once
/// @file tokenizer.hpp
/// Word tokenization for news text: Unicode word segmentation (UAX #29 semantics) scanned
/// straight over UTF-8, plus the rules news needs (French elisions and inversions, English
/// clitics, hyphenated compounds, URLs, e-mail addresses, mentions, hashtags, emoji,
/// formatted numbers, abbreviations). See man/textkit-tokenize.1 for the full rule list.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "textkit/word_list.hpp"

namespace textkit {

/// What a token is.
enum class token_kind : std::uint8_t { word, number, punct, symbol, url, email, mention, hashtag, emoji };

/// The lower-case name of a kind ("word", "number", ...).
std::string_view to_string(token_kind kind) noexcept;

/// A token: a byte span [start, end) of the original text and its kind. Offsets are 32-bit:
/// callers reject texts of 4 GiB or more (see tokenizer::max_text_size).
struct token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  token_kind kind = token_kind::word;
  friend bool operator==(const token&, const token&) = default;
};

/// Language-dependent switches of the tokenizer.
struct tokenizer_options {
  /// Split French elided articles and pronouns: « l’État » → « l’ » « État ».
  bool split_elisions = true;
  /// Split English clitics as the Penn Treebank does: "don't" → "do" "n't", "it's" → "it" "'s".
  bool split_clitics = true;
  /// The text is French: split every pronoun inversion, « a-t-il » → « a » « -t-il »,
  /// « peut-on » → « peut » « -on », « donne-le-moi » → « donne » « -le » « -moi ».
  /// Otherwise only the forms that cannot be English compounds split (« -t-il », « -il »,
  /// « -vous »...), and "add-on", "tra-la-la" stay whole.
  bool split_inversions = false;
  /// Language unknown: asked, at most once per text and only when an ambiguous candidate
  /// (« peut-on ») shows up, whether the text is French. Lets the analyzer run language
  /// identification only when it matters.
  const std::function<bool()>* is_french = nullptr;
  /// When set, receives whether every code point of the text passed the NFC quick check
  /// (NFC_Quick_Check=Yes, combining class 0): then the text is certainly NFC, and the
  /// caller need not scan it again. False means "maybe not": ask unicode::is_nfc().
  bool* nfc_quick_yes = nullptr;
};

/// Stateless, thread-safe tokenizer.
class tokenizer {
 public:
  /// Largest text tokenize() accepts (offsets are 32-bit).
  static constexpr std::size_t max_text_size = 0xFFFFFFFFu;

  /// Uses the embedded French and English abbreviation lists.
  tokenizer();
  /// Uses `abbreviations` (which must outlive the tokenizer).
  explicit tokenizer(const abbreviation_list& abbreviations) : abbreviations_(&abbreviations) {}

  /// Appends the tokens of `text` to `out`. Ill-formed UTF-8 bytes and control characters
  /// (NUL included) separate tokens and are never part of one.
  void tokenize(std::string_view text, std::vector<token>& out, const tokenizer_options& options = {}) const;

  const abbreviation_list& abbreviations() const noexcept { return *abbreviations_; }

 private:
  const abbreviation_list* abbreviations_;
};

namespace detail {
/// The scanners behind tokenizer::tokenize, for tests, which check that they all give the
/// same tokens. tokenize() itself takes windows classified with AVX2 where the CPU has it.
enum class scan_path {
  bytewise,          ///< no window path: every byte through the general rules
  baseline_windows,  ///< the window path with its SSE2 classifier, whatever the CPU (x86-64 only;
                     ///< elsewhere the same as bytewise)
};
void tokenize_with(scan_path path, const tokenizer& tok, std::string_view text, std::vector<token>& out,
                   const tokenizer_options& options = {});
}  // namespace detail

}  // namespace textkit
