#pragma once
/// @file sentiment.hpp
/// Lexicon-and-rules sentiment for French and English (in the manner of VADER): word
/// valences on a -4..+4 scale, modified by negation, boosters and dampeners, contrast words,
/// idioms, capitals and exclamation marks, summed per sentence and normalised to [-1, 1].
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/analyzer.hpp"
#include "textkit/term_index.hpp"
#include "textkit/word_list.hpp"

namespace textkit {

/// How a lexicon file is laid out.
enum class lexicon_format : std::uint8_t {
  tsv,    ///< term<TAB>valence
  vader,  ///< term<TAB>mean<TAB>sd<TAB>[ratings] (VADER's vader_lexicon.txt)
};

/// The valences and rule words of one language. Terms are matched on their case-folded form.
class sentiment_resources {
 public:
  /// The embedded resources of `lang`: "fr" gets the French ones, any other code the English
  /// ones (the analyzer scores text in other languages with them). Emoji and emoticons are
  /// shared by every language.
  static sentiment_resources embedded(std::string_view lang);

  /// Replaces (`replace`) or extends the valence lexicon with a file's entries; later entries
  /// override earlier ones. Errors name `source:line`.
  void load_lexicon(std::string_view content, std::string_view source, lexicon_format format, bool replace);

  /// Adds another resource's lexicon entries and idioms, overriding ours (--lexicon-add).
  void merge_lexicon(const sentiment_resources& other);

  /// What the rules know of a folded word: one lookup answers every question.
  struct word_info {
    float valence = 0;   ///< lexicon valence (0: none)
    float booster = 0;   ///< increment: positive intensifies, negative dampens (0: none)
    // One byte of flags, so that an entry stays 16 bytes (four to a cache line).
    bool negator : 1 = false;
    bool contrast : 1 = false;
    bool concession : 1 = false;  ///< "although", "malgré": its clause weighs less, the rest more
    bool never : 1 = false;       ///< a negator that a degree word after it turns into an intensifier
    bool degree : 1 = false;      ///< "so", "aussi": after a `never` word, intensifies (never-so.tsv)
    bool laughter : 1 = false;    ///< "lol", "mdr": the writer's own mark, as an emoticon (laughter.txt)
    std::uint32_t phrase_group = term_index::npos;  ///< phrases starting with this word
  };
  static_assert(sizeof(word_info) == 16);
  /// The entry of a folded word, or nullptr when the resources know nothing of it.
  const word_info* lookup(std::string_view word) const {
    const std::uint32_t id = words_.find(word);
    return id == term_index::npos ? nullptr : &info_[id];
  }

  /// The valence of a folded word, or 0 when it has none.
  float valence(std::string_view word) const;
  /// The booster increment of a folded word (positive: intensifier, negative: dampener), or 0.
  float booster(std::string_view word) const;
  bool is_negator(std::string_view word) const;
  bool is_contrast(std::string_view word) const;
  /// The longest idiom (or multi-word booster) starting at `words[0]`: its length in words and
  /// valence (length 0 when none).
  struct phrase_match {
    std::size_t words = 0;
    float value = 0;
    bool booster = false;
    bool contrast = false;
    bool concession = false;
  };
  phrase_match phrase_at(std::span<const std::string_view> words) const;
  /// The longest phrase of `group` (a word_info::phrase_group) matching `words`.
  phrase_match phrase_in_group(std::uint32_t group, std::span<const std::string_view> words) const;
  /// False when no phrase of `group` can have `second` as its second word (every phrase has
  /// two words or more): a one-word filter, so that most words that start some idiom ("de",
  /// "en", "not") cost no phrase search.
  bool phrase_may_continue(std::uint32_t group, std::string_view second) const {
    return (phrase_second_words_[group] >> second_word_bit(second)) & 1;
  }
  /// Whether some emoticon starts with this byte (cheap pre-check).
  bool may_start_emoticon(char c) const { return emoticon_starts_[static_cast<unsigned char>(c)]; }
  /// The valence of an emoji or emoticon as typed, or 0.
  float symbol_valence(std::string_view text) const;
  std::size_t lexicon_size() const;

 private:
  struct phrase {
    std::vector<std::string> words;
    float value;
    bool booster;
    bool contrast;
    bool concession;
  };
  /// Appends a phrase; finish_phrases() must follow before any lookup.
  void add_phrase(std::string_view text, float value, bool booster, bool contrast = false, bool concession = false);
  /// Orders the phrases longest first (ties: in the order added) and indexes them by first
  /// word. Once per load: sorting after every phrase made loading quadratic.
  void finish_phrases();

  word_info& entry(std::string_view word);
  void index_phrases();

  term_index words_{term_index::lookups::mostly_absent};  // every word the lexicon or the rules know
  std::vector<word_info> info_;  // by word id
  std::vector<phrase> phrases_;  // multi-word idioms, boosters and contrasts, longest first
  std::vector<std::vector<std::uint32_t>> phrase_groups_;  // phrases_ indices by first word, longest first
  std::vector<std::uint64_t> phrase_second_words_;  // by group: a bit per second word (second_word_bit)
  static unsigned second_word_bit(std::string_view word) noexcept {
    return (static_cast<unsigned char>(word.empty() ? 0 : word[0]) * 31u + static_cast<unsigned>(word.size())) & 63u;
  }
  term_index symbols_{term_index::lookups::mostly_absent};
  std::vector<float> symbol_values_;
  std::array<bool, 256> emoticon_starts_{};
};

/// One word or symbol that moved a score, and why.
struct sentiment_evidence {
  std::uint32_t start = 0;  ///< byte span in the document
  std::uint32_t end = 0;
  float base = 0;           ///< its lexicon valence
  float value = 0;          ///< after the rules
  std::uint16_t rules = 0;  ///< bits of sentiment_rule
};

/// Rules that changed a valence (bits of sentiment_evidence::rules).
enum sentiment_rule : std::uint16_t {
  rule_negated = 1,
  rule_boosted = 2,
  rule_dampened = 4,
  rule_capitals = 8,
  rule_before_contrast = 16,
  rule_after_contrast = 32,
  rule_idiom = 64,
  rule_concession = 128,   ///< in the clause of "although", "malgré": counts half
  rule_main_clause = 256,  ///< in the rest of such a sentence: counts 1.5 times
};

/// Scores of one span of text.
struct sentiment_scores {
  double compound = 0;  ///< normalised sum in [-1, 1]
  double positive = 0;  ///< proportions of the text's weight, summing to 1 (or all 0)
  double neutral = 0;
  double negative = 0;
  double sum = 0;       ///< the raw sum before normalisation
};

struct sentence_sentiment {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  sentiment_scores scores;
};

struct sentiment_result {
  std::string lang;
  sentiment_scores document;
  std::vector<sentence_sentiment> sentences;
  std::vector<sentiment_evidence> evidence;  ///< every non-zero contribution, in text order
};

/// The label of a compound score: "positive" (>= 0.05), "negative" (<= -0.05), else "neutral".
std::string_view sentiment_label(double compound) noexcept;

/// Scores documents. Not thread-safe (it owns an analyzer): one per thread.
class sentiment_analyzer {
 public:
  /// `lang`: "" or "auto" (CLD2 per document) or a code. `custom`: resources to use for every
  /// language instead of the embedded ones (from --lexicon).
  explicit sentiment_analyzer(std::string lang, const sentiment_resources* custom = nullptr,
                              const sentiment_resources* extra = nullptr);
  void analyze(std::string_view text, sentiment_result& out);

 private:
  const sentiment_resources& resources_for(const std::string& lang);
  sentiment_scores score_span(std::string_view text, std::span<const token> tokens, std::size_t first_token,
                              const sentiment_resources& res, std::vector<sentiment_evidence>& evidence);

  std::string lang_;
  const sentiment_resources* custom_;
  const sentiment_resources* extra_;
  analyzer analyzer_;
  analysis analysis_;
  std::vector<std::pair<std::string, sentiment_resources>> embedded_;
  std::vector<std::string_view> vote_words_;  // the first words, for the French/English vote
  /// What score_span knows of one token of the sentence.
  struct token_state {
    const sentiment_resources::word_info* info = nullptr;  ///< nullptr: not a known word
    float value = 0;             ///< after the rules
    float base = 0;              ///< lexicon (or idiom, emoji) valence
    float boost = 0;             ///< booster increment carried by the word (0: none)
    std::uint32_t span_end = 0;  ///< an idiom or emoticon is reported whole
    std::uint16_t rules = 0;     ///< bits of sentiment_rule
    bool inside_phrase = false;  ///< an idiom used this word: it modifies nothing else
  };
  std::vector<token_state> scratch_;
  std::vector<std::uint32_t> active_tokens_;  ///< score_span(): the tokens passes 2 and 3 visit
  /// Recent lexicon answers, per resources (cleared whenever embedded_ grows: resources may
  /// move then).
  struct lexicon_memo {
    const sentiment_resources* res = nullptr;
    short_term_memo<const sentiment_resources::word_info*> words;
  };
  std::vector<lexicon_memo> memos_;
  lexicon_memo* memo_ = nullptr;  // the current document's
  const sentiment_resources::word_info* lookup(const sentiment_resources& res, std::string_view word);
};

}  // namespace textkit
