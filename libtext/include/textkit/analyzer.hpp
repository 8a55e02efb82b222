#pragma once
/// @file analyzer.hpp
/// The text analysis pipeline shared by every subcommand: language → tokens → sentences →
/// normalised terms (NFC/NFKC, case folding, accents, stop words, stemming, n-grams).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/sentences.hpp"
#include "textkit/stemmer.hpp"
#include "textkit/tokenizer.hpp"
#include "textkit/word_list.hpp"

namespace textkit {

/// Unicode normalisation form applied to each term.
enum class normal_form : std::uint8_t { none, nfc, nfkc };

/// What analyze() produces. Recorded in models so that applying one analyses text the same way.
struct analyzer_options {
  /// "auto": CLD2 on every document; "" (the default): CLD2 only when a step needs the
  /// language (stemming, embedded stop words, a French inversion candidate); or an ISO 639-1
  /// code, trusted as given.
  std::string lang;
  normal_form form = normal_form::nfc;
  bool lower = false;          ///< full Unicode case folding
  bool strip_accents = false;  ///< remove combining marks after decomposition
  bool stem = false;           ///< Snowball stem of word tokens (implies case folding)
  bool remove_stopwords = false;
  bool drop_punct = false;          ///< drop punct tokens
  /// Write every apostrophe as ' (U+2019 and U+02BC, which the tokenizer also takes for
  /// apostrophes, become U+0027): l’État and l'État give the same terms.
  bool fold_apostrophes = false;
  int ngram_min = 1;                ///< n-gram sizes [ngram_min, ngram_max] over the kept terms
  int ngram_max = 1;
  bool sentences = false;           ///< segment sentences; n-grams then stay inside a sentence
  std::optional<word_set> stopwords;  ///< replaces the embedded lists when set
};

/// A term: the normalised text of a token (or an n-gram of them) and where it came from.
struct term {
  std::string_view text;   ///< into the document, or into analysis::arena when normalised
  std::uint32_t start = 0;  ///< byte span in the document (first to last token of an n-gram)
  std::uint32_t end = 0;
  token_kind kind = token_kind::word;
  std::uint8_t n = 1;  ///< n-gram size
};

/// The result of analyzing one document. Reused across documents to avoid allocation.
struct analysis {
  std::string lang;                 ///< detected or given language; "" when none was needed
  std::vector<token> tokens;        ///< every token, in text order
  std::vector<sentence> sentences;  ///< filled when analyzer_options::sentences
  std::vector<term> terms;          ///< kept, normalised terms: unigrams, then each n-gram size
  /// With sentences: terms of sentence s are [sentence_term_ends[s-1], sentence_term_ends[s]).
  std::vector<std::uint32_t> sentence_term_ends;
  /// Every term is its token, unchanged (then `terms` may be left empty: see analyze()).
  bool terms_are_tokens = false;
  std::string arena;  ///< storage of normalised term text
};

/// Runs the pipeline. Not thread-safe (stemmers hold state): one analyzer per thread.
class analyzer {
 public:
  /// Throws textkit::error (usage) for invalid options, e.g. an n-gram range 0 or reversed,
  /// or a fixed language without a Snowball stemmer when stemming is asked for.
  explicit analyzer(analyzer_options options);
  ~analyzer();
  analyzer(analyzer&&) noexcept;

  /// Analyses `text` (well-formed UTF-8 expected; ill-formed bytes act as separators).
  void analyze(std::string_view text, analysis& out) { analyze(text, out, true); }
  /// With `need_terms` false, when the options leave tokens unchanged (no normalisation
  /// needed, no filtering, unigrams), `out.terms` stays empty and `out.terms_are_tokens` is
  /// set: the caller reads the tokens instead (saves a copy on the hot path).
  void analyze(std::string_view text, analysis& out, bool need_terms);

  const analyzer_options& options() const noexcept { return options_; }

 private:
  struct language_resources;
  language_resources& resources_for(const std::string& lang);
  void normalise(std::string_view text, const token& tok, bool doc_is_nfc, language_resources& res, analysis& out);
  void fold_terms(std::string_view text, analysis& out);
  /// The language of a document when it must be known before tokenizing it: decide_language()
  /// on the words of its first 2 KB.
  std::string guess_language(std::string_view text);

  analyzer_options options_;
  tokenizer tokenizer_;
  sentence_splitter splitter_;
  std::map<std::string, std::unique_ptr<language_resources>> resources_;
  std::optional<word_set> user_stopwords_;  // normalised like the terms
  bool lowercase_only_ = false;             // case folding is the only change to a term
  std::string normal_buffer_;
  std::string accent_buffer_;
  std::string apostrophe_buffer_;
  std::string fold_buffer_;
  std::string scratch_;
  struct pending_term;
  std::vector<pending_term> sentence_terms_;  // kept unigrams of the current sentence
  std::vector<pending_term> all_terms_;       // every term of the document, in output order
  struct arena_term {
    std::size_t index;
    std::uint32_t offset;
    std::uint32_t size;
  };
  std::vector<arena_term> arena_terms_;  // fold_terms(): terms whose text is in the arena
  std::vector<token> vote_tokens_;       // guess_language(): the tokens of the first words
  std::vector<std::string> vote_words_;  // ... folded
  std::vector<std::string_view> vote_views_;
};

}  // namespace textkit
