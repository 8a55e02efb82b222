#pragma once
/// @file tfidf.hpp
/// Corpus statistics (document frequencies) that merge across shards, pruning and tf-idf
/// weights computed exactly as scikit-learn's TfidfVectorizer computes them.
///
///   idf(t) = ln((1 + n) / (1 + df(t))) + 1      (smooth_idf, the default)
///   idf(t) = ln(n / df(t)) + 1                  (smooth_idf = false)
///   tf(t, d) = count of t in d, or 1 + ln(count) with sublinear_tf
///   w(t, d) = tf(t, d) · idf(t), then the document vector is divided by its L2 (default) or
///   L1 norm, or left as is.
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "textkit/analyzer.hpp"
#include "textkit/model_file.hpp"
#include "textkit/term_index.hpp"
#include "textkit/word_list.hpp"

namespace textkit {

/// Document and total frequencies of terms over a set of documents. Adding documents in any
/// order, in any number of pieces merged afterwards, gives the same statistics.
class term_statistics {
 public:
  struct counts {
    std::uint64_t df = 0;  ///< documents containing the term
    std::uint64_t tf = 0;  ///< occurrences over all documents (scikit-learn's max_features order)
  };

  /// `hash_bits` 0: one entry per distinct term (memory grows with the vocabulary).
  /// 1-30: terms are hashed into 2^hash_bits buckets (memory bounded; colliding terms share
  /// statistics and weight), each bucket labelled by the smallest term (bytes) that fell in it.
  explicit term_statistics(int hash_bits = 0) : hash_bits_(hash_bits) {}
  int hash_bits() const noexcept { return hash_bits_; }
  /// The bucket of `term` under `hash_bits` (FNV-1a 64 of its UTF-8 bytes, low bits).
  static std::uint64_t bucket_of(std::string_view term, int hash_bits) noexcept;
  /// Hashed statistics: the key of a bucket (8 bytes, big-endian, so that keys sort as bucket
  /// numbers), and back.
  static std::string bucket_key(std::uint64_t bucket);
  static std::uint64_t key_bucket(std::string_view key);

  /// A distinct term of one document: its entry, and how many times the document holds it.
  struct document_term {
    std::uint32_t entry;
    std::uint32_t count;  // (a document is under 4 GiB, so under 2^32 terms)
  };
  /// Counts one document's terms; with `distinct`, appends each distinct term of the document
  /// to it, in order of first occurrence: what weighing the document needs.
  void add_document(std::span<const term> terms, std::vector<document_term>* distinct = nullptr);
  /// Adds another set of statistics to this one. Returns, for each entry of `other`, its
  /// entry here.
  std::vector<std::uint32_t> merge(const term_statistics& other);
  /// The same, taking over `other` (left empty) when these statistics are empty: the first
  /// worker to hand its counts over costs nothing.
  std::vector<std::uint32_t> merge(term_statistics&& other);
  /// Adds the statistics of one term, or of one bucket key with its label (loading partials);
  /// returns its entry.
  std::uint32_t add(std::string_view key, counts c, std::string_view label = {});
  void add_documents(std::uint64_t n) noexcept { documents_ += n; }

  std::uint64_t documents() const noexcept { return documents_; }
  /// Number of distinct keys (terms, or buckets).
  std::size_t size() const noexcept { return entries_.size(); }
  /// Key, counts and (hashed) label of entry `i` < size(), in first-seen order.
  std::string_view key(std::size_t i) const { return keys_.term(static_cast<std::uint32_t>(i)); }
  const counts& counts_of(std::size_t i) const { return entries_[i].totals; }
  const std::string& label(std::size_t i) const { return labels_[i]; }

 private:
  friend struct term_statistics_test;  // the unit tests set document_stamp_ near its wrap-around
  std::uint32_t entry(const term_index::key& key);
  // `id` as keys_ gave it, with a state in entries_ (and labels_) made when it is new.
  std::uint32_t with_state(std::uint32_t id);
  // Merging into empty statistics of the same kind is a copy (or a move): the same entries.
  bool can_take_over(const term_statistics& other) const noexcept {
    return size() == 0 && documents_ == 0 && hash_bits_ == other.hash_bits_;
  }
  template <bool with_distinct>
  void add_terms(std::span<const term> terms, std::vector<document_term>* distinct);
  // One occurrence of entry `id` in the current document. The entry's state is in cache for
  // the document frequency anyway: the document's own count of the term is kept next to it.
  template <bool with_distinct>
  void count(std::uint32_t id, std::vector<document_term>* distinct) {
    entry_state& e = entries_[id];
    e.totals.tf += 1;
    if (e.last_document != document_stamp_) {  // first occurrence in this document
      e.last_document = document_stamp_;
      e.totals.df += 1;
      if constexpr (with_distinct) {
        e.distinct_index = static_cast<std::uint32_t>(distinct->size());
        distinct->push_back({id, 1});
      }
    } else if constexpr (with_distinct) {
      (*distinct)[e.distinct_index].count += 1;
    }
  }
  void relabel(std::uint32_t id, std::string_view term);
  void promote_frequent_terms();

  struct entry_state {
    counts totals;
    std::uint32_t last_document = 0;   // document_stamp_ of the last document holding it
    std::uint32_t distinct_index = 0;  // with_distinct: its place in that document's list
  };
  term_index keys_;
  std::vector<entry_state> entries_;  // by key id: one cache line fetch per token
  short_term_memo<std::uint32_t> memo_;  // ids of recent short terms (not hashed)
  std::vector<term_index::key> batch_keys_;  // add_document's, kept to reuse the allocation
  std::vector<std::string> labels_;           // hashed only
  std::uint64_t documents_ = 0;
  // Stamps documents so that df counts each once, without sorting: 1, 2, ... 2^32 - 1, then
  // every entry's stamp is cleared and it starts over at 1 (0 is "no document yet").
  std::uint32_t document_stamp_ = 0;
  std::uint64_t next_promotion_ = 64;  // document count at which frequent terms move in front
  int hash_bits_ = 0;
};

/// A document-frequency bound as scikit-learn takes it: a proportion of the documents
/// (a number with a decimal point, in [0, 1]) or an absolute count (an integer).
struct df_bound {
  bool proportion = false;
  double value = 1.0;
  /// Parses "2" (count) or "0.5" / "1.0" (proportion); throws textkit::error (usage).
  static df_bound parse(std::string_view text, std::string_view option);
  std::string to_string() const;
};

/// Vocabulary pruning, as TfidfVectorizer's min_df, max_df and max_features.
struct tfidf_pruning {
  df_bound min_df{false, 1};
  df_bound max_df{true, 1.0};
  std::optional<std::uint64_t> max_features;  ///< most frequent terms by total count; ties by term bytes
};

/// The fitted statistics: a vocabulary sorted by term bytes (feature id = rank), with the
/// document and total frequency of each term, and the analysis options that produced them.
struct tfidf_model {
  analyzer_options analysis;
  bool partial = false;  ///< unpruned counts meant for merging
  tfidf_pruning pruning;
  int hash_bits = 0;     ///< 0: exact vocabulary; else terms are buckets (see term_statistics)
  std::uint64_t documents = 0;
  std::vector<std::string> terms;          ///< the vocabulary (hashed: each bucket's label)
  std::vector<std::uint64_t> buckets;      ///< hashed: the bucket of each entry, ascending
  std::vector<std::uint64_t> df;
  std::vector<std::uint64_t> tf;

  /// Builds the model from statistics: all terms when `partial`, else pruned. With
  /// `feature_of_entry`, fills it with the feature id of each entry of `stats` (npos: pruned).
  /// Throws textkit::error (usage) when max_df leaves fewer documents than min_df needs.
  static tfidf_model build(const term_statistics& stats, const analyzer_options& analysis,
                           const tfidf_pruning& pruning, bool partial,
                           std::vector<std::uint32_t>* feature_of_entry = nullptr);
  /// Statistics back from a partial (or full) model, for merging.
  term_statistics statistics() const;

  model_file to_file() const;
  /// Throws textkit::error (resource) for a model file of another kind or with bad contents.
  static tfidf_model from_file(const model_file& file, std::string_view source);
};

/// How weights are computed at transform time (scikit-learn's defaults).
struct tfidf_weighting {
  enum class norm_kind : std::uint8_t { l2, l1, none };
  bool smooth_idf = true;
  bool sublinear_tf = false;
  bool binary = false;   ///< tf = 1 for every term present (scikit-learn's binary=True)
  bool use_idf = true;   ///< false: the weight is tf alone (scikit-learn's use_idf=False)
  norm_kind norm = norm_kind::l2;
};

/// Turns a document's terms into its tf-idf vector. Thread-safe once built.
class tfidf_vectorizer {
 public:
  /// How the vectorizer finds a term's feature: `indexed` builds the term index transform()
  /// reads; `none` is for callers that map terms to features themselves (the weighing pass of
  /// --fit) and use only term_weight(), normalise() and the accessors: on a corpus-sized model
  /// it saves hashing every term once more, in the serial step between the passes.
  enum class lookup : std::uint8_t { indexed, none };
  tfidf_vectorizer(const tfidf_model& model, tfidf_weighting weighting, lookup terms = lookup::indexed);

  /// Per-thread scratch space for transform(), reused across documents with one vectorizer.
  struct scratch {
    std::vector<std::uint32_t> counts;   // indexed by index position; zero between calls
    std::vector<std::uint32_t> touched;  // positions seen in the current document
    std::vector<term_index::key> keys;   // a batch of lookups
    short_term_memo<std::uint32_t> memo;  // positions (or npos) of recent short terms
  };

  /// The (feature id, weight) pairs of the document, normalised, in the order counted
  /// (sort_by_feature() puts them in feature id order); terms outside the vocabulary are
  /// ignored. Needs lookup::indexed (throws std::logic_error otherwise).
  void transform(std::span<const term> terms, std::vector<std::pair<std::uint32_t, double>>& out,
                 scratch& work) const;
  /// For callers that count terms themselves: the weight of a term seen `count` times in
  /// a document, before normalisation (tf(count) · idf, as the weighting says: --binary,
  /// --sublinear-tf, --no-idf)...
  double term_weight(double count, double idf) const {
    if (weighting_.binary) count = 1;  // (then 1 + ln(1) = 1 too)
    return (weighting_.sublinear_tf ? 1.0 + std::log(count) : count) * (weighting_.use_idf ? idf : 1.0);
  }
  /// ...then the document's (feature id, weight) pairs, in any order, normalised: the norm is
  /// summed exactly, so it does not depend on that order. The order is kept.
  void normalise(std::vector<std::pair<std::uint32_t, double>>& weights) const;
  /// The L2 or L1 norm (as the weighting says; not for norm none) that normalise() divides
  /// by, the same whatever the order of the weights.
  double norm_of(std::span<const std::pair<std::uint32_t, double>> weights) const;
  /// Puts a document's pairs in feature id order (for whole-vector output).
  static void sort_by_feature(std::vector<std::pair<std::uint32_t, double>>& weights);

  const std::string& term_of(std::uint32_t id) const { return model_.terms[id]; }
  /// A hint that term_of(id) comes next: the keywords of a document are mostly rare terms,
  /// scattered over a corpus-sized vocabulary, and their cache misses overlap when asked ahead.
  void prefetch_term(std::uint32_t id) const noexcept { __builtin_prefetch(model_.terms.data() + id); }
  /// The id users see: the rank in the vocabulary, or the bucket number of a hashed model.
  std::uint64_t public_id(std::uint32_t id) const { return model_.hash_bits ? model_.buckets[id] : id; }
  double idf(std::uint32_t id) const { return idf_[id]; }

 private:
  const tfidf_model& model_;
  tfidf_weighting weighting_;
  std::vector<double> idf_;
  std::vector<double> idf_by_position_;  // idf_ in index order: read next to the counts
  bool indexed_ = true;
  term_index index_;                    // term (or bucket key) → position, most frequent first
  std::vector<std::uint32_t> model_id_;  // position → feature id (model order)
};

/// Records analyzer options in model metadata, and reads them back. The record includes a
/// fingerprint of the embedded word lists the analysis reads ("analysis.data").
void store_analyzer_options(const analyzer_options& options, model_file& file);
analyzer_options load_analyzer_options(const model_file& file);

/// analysis_differences() of a tf-idf model: another textkit version, or other embedded word
/// lists (abbreviations; stop words when the model drops the embedded ones).
std::vector<std::string> analysis_differences(const model_file& file);

}  // namespace textkit
