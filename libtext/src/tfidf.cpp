#include "textkit/tfidf.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "textkit/error.hpp"
#include "textkit/resources.hpp"

namespace textkit {

// ---- statistics ---------------------------------------------------------------------------

std::uint64_t term_statistics::bucket_of(std::string_view term, int hash_bits) noexcept {
  return fnv1a64(term) & ((std::uint64_t{1} << hash_bits) - 1);
}

std::string term_statistics::bucket_key(std::uint64_t bucket) {
  std::string key(8, '\0');
  for (int i = 7; i >= 0; --i, bucket >>= 8) key[static_cast<std::size_t>(i)] = static_cast<char>(bucket & 0xFF);
  return key;
}

std::uint64_t term_statistics::key_bucket(std::string_view key) {
  std::uint64_t bucket = 0;
  for (const char c : key) bucket = (bucket << 8) | static_cast<unsigned char>(c);
  return bucket;
}

std::uint32_t term_statistics::entry(const term_index::key& key) { return with_state(keys_.intern(key)); }

std::uint32_t term_statistics::with_state(std::uint32_t id) {
  if (id == entries_.size()) {  // a key interned for the first time
    entries_.emplace_back();
    if (hash_bits_) labels_.emplace_back();
  }
  return id;
}

void term_statistics::relabel(std::uint32_t id, std::string_view term) {
  std::string& label = labels_[id];
  if (label.empty() || term < label) label = term;
}

// Terms are numbered as first seen, which puts many rare words of the first documents in the
// index's cache-resident front table. Every time the document count quadruples, the terms
// most frequent so far take their place (the ids, hence the model, do not change).
void term_statistics::promote_frequent_terms() {
  next_promotion_ *= 4;
  if (keys_.size() <= term_index::front_capacity) return;
  std::vector<std::uint32_t> ids(keys_.size());
  std::iota(ids.begin(), ids.end(), 0u);
  const auto front = ids.begin() + term_index::front_capacity;
  std::nth_element(ids.begin(), front, ids.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return entries_[a].totals.tf > entries_[b].totals.tf; });
  keys_.promote(std::span<const std::uint32_t>(ids.data(), term_index::front_capacity));
}

void term_statistics::add_document(std::span<const term> terms, std::vector<document_term>* distinct) {
  ++documents_;
  if (documents_ == next_promotion_) promote_frequent_terms();
  if (++document_stamp_ == 0) {  // wrapped around: forget every stamp
    for (entry_state& e : entries_) e.last_document = 0;
    document_stamp_ = 1;
  }
  if (distinct) {
    add_terms<true>(terms, distinct);
  } else {
    add_terms<false>(terms, nullptr);
  }
}

template <bool with_distinct>
void term_statistics::add_terms(std::span<const term> terms, std::vector<document_term>* distinct) {
  if (hash_bits_) {
    for (const term& t : terms) {
      const std::uint32_t id = entry(term_index::key(bucket_key(bucket_of(t.text, hash_bits_))));
      relabel(id, t.text);
      count<with_distinct>(id, distinct);
    }
    return;
  }
  // On a large vocabulary most of the time went to cache misses taken one after another
  // (index slots, filter, stored bytes, counts). So terms go in batches, and each step starts
  // loading what the next one reads: the misses of a batch overlap instead of adding up.
  // The ids, and so the statistics, are those of looking the terms up one by one.
  constexpr std::size_t batch = 64;
  std::array<std::uint32_t, batch> ids;
  std::array<std::uint8_t, batch> pending;  // positions in the batch the memo did not know
  std::vector<term_index::key>& keys = batch_keys_;
  for (std::size_t begin = 0; begin < terms.size(); begin += batch) {
    const std::span<const term> part = terms.subspan(begin, std::min(batch, terms.size() - begin));
    std::size_t misses = 0;
    keys.clear();
    for (std::size_t i = 0; i < part.size(); ++i) {
      if (const std::uint32_t* id = memo_.find(part[i].text)) {
        ids[i] = *id;
        __builtin_prefetch(&entries_[*id]);
      } else {
        pending[misses++] = static_cast<std::uint8_t>(i);
        keys_.prefetch(keys.emplace_back(part[i].text));
      }
    }
    for (const term_index::key& k : keys) keys_.prefetch_bytes(k);
    for (std::size_t m = 0; m < misses; ++m) {
      const std::uint32_t id = entry(keys[m]);
      memo_.remember(keys[m].term, id);
      ids[pending[m]] = id;
      __builtin_prefetch(&entries_[id]);
    }
    for (std::size_t i = 0; i < part.size(); ++i) count<with_distinct>(ids[i], distinct);
  }
}

std::uint32_t term_statistics::add(std::string_view key, counts c, std::string_view label) {
  const std::uint32_t id = entry(term_index::key(key));
  if (hash_bits_ && !label.empty()) relabel(id, label);
  entries_[id].totals.df += c.df;
  entries_[id].totals.tf += c.tf;
  return id;
}

std::vector<std::uint32_t> term_statistics::merge(const term_statistics& other) {
  std::vector<std::uint32_t> entry_of(other.size());
  if (can_take_over(other)) {
    // Into nothing: a copy gives the entries the ids that adding them one by one would,
    // without hashing them all again.
    *this = other;
    std::iota(entry_of.begin(), entry_of.end(), 0u);
    return entry_of;
  }
  documents_ += other.documents_;
  if (hash_bits_) {
    for (std::size_t i = 0; i < other.size(); ++i) entry_of[i] = add(other.key(i), other.counts_of(i), other.label(i));
    return entry_of;
  }
  // A worker's vocabulary is 100,000s of terms, met in first-seen order, that is all over the
  // table: interned in batches whose cache misses overlap.
  keys_.intern_all(
      other.size(), [&other](std::size_t i) { return other.key(i); },
      [&](std::size_t i, std::uint32_t id) {
        with_state(id);
        entries_[id].totals.df += other.counts_of(i).df;
        entries_[id].totals.tf += other.counts_of(i).tf;
        entry_of[i] = id;
      });
  return entry_of;
}

std::vector<std::uint32_t> term_statistics::merge(term_statistics&& other) {
  if (can_take_over(other)) {
    std::vector<std::uint32_t> entry_of(other.size());
    std::iota(entry_of.begin(), entry_of.end(), 0u);
    *this = std::move(other);
    other = term_statistics(hash_bits_);
    return entry_of;
  }
  return merge(static_cast<const term_statistics&>(other));
}

// ---- pruning ------------------------------------------------------------------------------

df_bound df_bound::parse(std::string_view text, std::string_view option) {
  df_bound bound;
  bound.proportion = text.find_first_of(".eE") != std::string_view::npos;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), bound.value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || bound.value < 0 ||
      (bound.proportion && bound.value > 1.0) || (!bound.proportion && bound.value != std::floor(bound.value))) {
    throw error(error_kind::usage,
                fmt::format("invalid {} '{}': a count (integer) or a proportion in [0.0, 1.0]", option, text));
  }
  return bound;
}

std::string df_bound::to_string() const {
  if (!proportion) return fmt::format("{}", static_cast<std::uint64_t>(value));
  std::string text = fmt::format("{}", value);  // shortest text that reads back as the same double
  if (text.find_first_of(".e") == std::string::npos) text += ".0";  // stays a proportion
  return text;
}

tfidf_model tfidf_model::build(const term_statistics& stats, const analyzer_options& analysis,
                               const tfidf_pruning& pruning, bool partial,
                               std::vector<std::uint32_t>* feature_of_entry) {
  tfidf_model model;
  model.analysis = analysis;
  model.partial = partial;
  model.pruning = pruning;
  model.hash_bits = stats.hash_bits();
  model.documents = stats.documents();

  const double n = static_cast<double>(stats.documents());
  const double high = pruning.max_df.proportion ? pruning.max_df.value * n : pruning.max_df.value;
  const double low = pruning.min_df.proportion ? pruning.min_df.value * n : pruning.min_df.value;
  if (!partial && stats.documents() == 0) {
    throw error(error_kind::data, "no documents to fit (the input is empty, or every record was malformed)");
  }
  if (!partial && high < low) {
    throw error(error_kind::usage, "max-df corresponds to fewer documents than min-df");
  }
  struct entry {
    std::string_view key;
    std::uint64_t prefix;  // the key's first 8 bytes, big-endian, zero-padded: see by_key
    term_statistics::counts counts;
    std::size_t index;
  };
  std::vector<entry> kept;
  kept.reserve(stats.size());
  for (std::size_t i = 0; i < stats.size(); ++i) {
    const term_statistics::counts& c = stats.counts_of(i);
    const double df = static_cast<double>(c.df);
    if (partial || (df <= high && df >= low)) {
      const std::string_view key = stats.key(i);
      std::uint64_t prefix = 0;
      for (std::size_t k = 0; k < 8; ++k) {
        prefix = prefix << 8 | (k < key.size() ? static_cast<unsigned char>(key[k]) : 0u);
      }
      kept.push_back({key, prefix, c, i});
    }
  }
  // Byte order of the keys. Prefixes that differ order their keys the same way (a key that
  // ends inside the prefix is a prefix of the other), so the bytes are compared only on
  // equal prefixes: sorting a large vocabulary then mostly compares integers in place.
  const auto by_key = [](const entry& a, const entry& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : a.key < b.key;
  };
  if (!partial && pruning.max_features && kept.size() > *pruning.max_features) {
    // The most frequent terms by total count; ties by term bytes (scikit-learn's order among
    // ties is whatever its unstable sort gives).
    const auto limit = static_cast<std::ptrdiff_t>(*pruning.max_features);
    std::partial_sort(kept.begin(), kept.begin() + limit, kept.end(), [&by_key](const entry& a, const entry& b) {
      return a.counts.tf != b.counts.tf ? a.counts.tf > b.counts.tf : by_key(a, b);
    });
    kept.resize(static_cast<std::size_t>(limit));
  }
  std::sort(kept.begin(), kept.end(), by_key);
  if (feature_of_entry) {
    feature_of_entry->assign(stats.size(), term_index::npos);
    for (std::size_t f = 0; f < kept.size(); ++f) (*feature_of_entry)[kept[f].index] = static_cast<std::uint32_t>(f);
  }
  for (const entry& e : kept) {
    if (model.hash_bits) {
      model.terms.push_back(stats.label(e.index));
      model.buckets.push_back(term_statistics::key_bucket(e.key));
    } else {
      model.terms.emplace_back(e.key);
    }
    model.df.push_back(e.counts.df);
    model.tf.push_back(e.counts.tf);
  }
  return model;
}

term_statistics tfidf_model::statistics() const {
  term_statistics stats(hash_bits);
  stats.add_documents(documents);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (hash_bits) {
      stats.add(term_statistics::bucket_key(buckets[i]), {df[i], tf[i]}, terms[i]);
    } else {
      stats.add(terms[i], {df[i], tf[i]});
    }
  }
  return stats;
}

// ---- persistence --------------------------------------------------------------------------

namespace {

const char* form_name(normal_form form) {
  return form == normal_form::nfkc ? "nfkc" : form == normal_form::none ? "none" : "nfc";
}

bool parse_flag(const model_file& file, const std::string& key) {
  const std::string& value = file.get(key);
  if (value != "yes" && value != "no") {
    throw error(error_kind::resource, fmt::format("{} model: metadata '{}' must be yes or no", file.kind(), key));
  }
  return value == "yes";
}

std::uint64_t parse_count(const model_file& file, const std::string& key) {
  const std::string& value = file.get(key);
  std::uint64_t n = 0;
  const auto result = std::from_chars(value.data(), value.data() + value.size(), n);
  if (result.ec != std::errc() || result.ptr != value.data() + value.size()) {
    throw error(error_kind::resource, fmt::format("{} model: metadata '{}' is not a count", file.kind(), key));
  }
  return n;
}

// The fingerprint of the embedded word lists an analysis reads: the abbreviations (the
// tokenizer keeps "U.S." whole) and, when it drops the embedded stop words, those lists.
std::string analysis_data_fingerprint(const analyzer_options& options) {
  if (options.remove_stopwords && !options.stopwords) return embedded_fingerprint({"abbreviations/", "stopwords/"});
  return embedded_fingerprint({"abbreviations/"});
}

}  // namespace

void store_analyzer_options(const analyzer_options& options, model_file& file) {
  file.set("analysis.data", analysis_data_fingerprint(options));
  file.set("analysis.lang", options.lang);
  file.set("analysis.normalize", form_name(options.form));
  file.set("analysis.lower", options.lower ? "yes" : "no");
  file.set("analysis.strip_accents", options.strip_accents ? "yes" : "no");
  file.set("analysis.stem", options.stem ? "yes" : "no");
  file.set("analysis.stopwords",
           !options.remove_stopwords ? "none" : options.stopwords ? "list" : "embedded");
  file.set("analysis.drop_punct", options.drop_punct ? "yes" : "no");
  file.set("analysis.ngrams", fmt::format("{}-{}", options.ngram_min, options.ngram_max));
  file.set("analysis.sentences", options.sentences ? "yes" : "no");
  // Written only when set: models without it (all those of earlier versions) read as "no".
  if (options.fold_apostrophes) file.set("analysis.fold_apostrophes", "yes");
  if (options.remove_stopwords && options.stopwords) {
    std::vector<std::string> words(options.stopwords->begin(), options.stopwords->end());
    std::sort(words.begin(), words.end());
    file.add_strings("analysis.stopwords", words);
  }
}

analyzer_options load_analyzer_options(const model_file& file) {
  analyzer_options options;
  options.lang = file.get("analysis.lang");
  const std::string& form = file.get("analysis.normalize");
  if (form != "nfc" && form != "nfkc" && form != "none") {
    throw error(error_kind::resource, fmt::format("{} model: unknown normalisation '{}'", file.kind(), form));
  }
  options.form = form == "nfkc" ? normal_form::nfkc : form == "none" ? normal_form::none : normal_form::nfc;
  options.lower = parse_flag(file, "analysis.lower");
  options.strip_accents = parse_flag(file, "analysis.strip_accents");
  options.stem = parse_flag(file, "analysis.stem");
  options.drop_punct = parse_flag(file, "analysis.drop_punct");
  options.sentences = parse_flag(file, "analysis.sentences");
  const std::string apostrophes = file.get_or("analysis.fold_apostrophes", "no");
  if (apostrophes != "yes" && apostrophes != "no") {
    throw error(error_kind::resource,
                fmt::format("{} model: metadata 'analysis.fold_apostrophes' must be yes or no", file.kind()));
  }
  options.fold_apostrophes = apostrophes == "yes";
  const std::string& stopwords = file.get("analysis.stopwords");
  if (stopwords == "embedded") {
    options.remove_stopwords = true;
  } else if (stopwords == "list") {
    options.remove_stopwords = true;
    word_set words;
    for (auto& w : file.strings("analysis.stopwords")) words.insert(std::move(w));
    options.stopwords = std::move(words);
  } else if (stopwords != "none") {
    throw error(error_kind::resource, fmt::format("{} model: unknown stop words '{}'", file.kind(), stopwords));
  }
  const std::string& ngrams = file.get("analysis.ngrams");
  const std::size_t dash = ngrams.find('-');
  if (dash == std::string::npos ||
      std::from_chars(ngrams.data(), ngrams.data() + dash, options.ngram_min).ec != std::errc() ||
      std::from_chars(ngrams.data() + dash + 1, ngrams.data() + ngrams.size(), options.ngram_max).ec != std::errc()) {
    throw error(error_kind::resource, fmt::format("{} model: bad n-gram range '{}'", file.kind(), ngrams));
  }
  return options;
}

std::vector<std::string> analysis_differences(const model_file& file) {
  return analysis_differences(file, analysis_data_fingerprint(load_analyzer_options(file)));
}

model_file tfidf_model::to_file() const {
  model_file file(partial ? "tfidf-partial" : "tfidf");
  store_analyzer_options(analysis, file);
  file.set("documents", std::to_string(documents));
  file.set("terms", std::to_string(terms.size()));
  file.set("prune.min_df", pruning.min_df.to_string());
  file.set("prune.max_df", pruning.max_df.to_string());
  file.set("prune.max_features", pruning.max_features ? std::to_string(*pruning.max_features) : "none");
  file.set("hash_bits", std::to_string(hash_bits));
  file.add_strings("terms", terms);
  if (hash_bits) file.add_u64("buckets", buckets);
  file.add_u64("df", df);
  file.add_u64("tf", tf);
  return file;
}

tfidf_model tfidf_model::from_file(const model_file& file, std::string_view source) {
  if (file.kind() != "tfidf" && file.kind() != "tfidf-partial") {
    throw error(error_kind::resource, fmt::format("{}: this is a '{}' model, expected a tfidf model", source, file.kind()));
  }
  tfidf_model model;
  model.partial = file.kind() == "tfidf-partial";
  model.analysis = load_analyzer_options(file);
  model.documents = parse_count(file, "documents");
  model.pruning.min_df = df_bound::parse(file.get("prune.min_df"), "prune.min_df");
  model.pruning.max_df = df_bound::parse(file.get("prune.max_df"), "prune.max_df");
  const std::string max_features = file.get("prune.max_features");
  if (max_features != "none") model.pruning.max_features = parse_count(file, "prune.max_features");
  const std::uint64_t hash_bits = parse_count(file, "hash_bits");
  if (hash_bits > 30) throw error(error_kind::resource, fmt::format("{}: hash_bits {} out of range", source, hash_bits));
  model.hash_bits = static_cast<int>(hash_bits);
  model.terms = file.strings("terms");
  model.df = file.u64("df");
  model.tf = file.u64("tf");
  if (model.hash_bits) model.buckets = file.u64("buckets");
  if (model.df.size() != model.terms.size() || model.tf.size() != model.terms.size() ||
      parse_count(file, "terms") != model.terms.size() ||
      (model.hash_bits && model.buckets.size() != model.terms.size())) {
    throw error(error_kind::resource, fmt::format("{}: tfidf model sections disagree in size", source));
  }
  for (std::size_t i = 0; i < model.terms.size(); ++i) {
    const bool ordered = model.hash_bits ? (i == 0 || model.buckets[i - 1] < model.buckets[i]) &&
                                               model.buckets[i] < (std::uint64_t{1} << model.hash_bits)
                                         : i == 0 || model.terms[i - 1] < model.terms[i];
    if (!ordered || model.df[i] == 0 || model.df[i] > model.documents || model.tf[i] < model.df[i]) {
      throw error(error_kind::resource, fmt::format("{}: tfidf model has inconsistent statistics (term {})", source, i));
    }
  }
  return model;
}

// ---- weighting ----------------------------------------------------------------------------

tfidf_vectorizer::tfidf_vectorizer(const tfidf_model& model, tfidf_weighting weighting, lookup terms)
    : model_(model), weighting_(weighting), indexed_(terms == lookup::indexed) {
  idf_.resize(model.terms.size());
  const double n = static_cast<double>(model.documents) + (weighting.smooth_idf ? 1.0 : 0.0);
  for (std::size_t i = 0; i < model.terms.size(); ++i) {
    const double df = static_cast<double>(model.df[i]) + (weighting.smooth_idf ? 1.0 : 0.0);
    idf_[i] = std::log(n / df) + 1.0;
  }
  if (!indexed_) return;
  // Index the most frequent terms first: they land in term_index's cache-resident front table,
  // and their counters together. Ordered by frequency class (the bit length of tf, highest
  // first; ids ascending within a class), a counting sort that reads everything in order: exact
  // ranks would only cost a sort. Positions stay internal: weights do not depend on them.
  std::array<std::size_t, 66> class_start{};
  const auto class_of = [&model](std::uint32_t id) { return 64 - std::bit_width(model.tf[id]); };  // 0: largest
  for (std::uint32_t i = 0; i < model.terms.size(); ++i) ++class_start[class_of(i) + 1];
  for (std::size_t c = 1; c < class_start.size(); ++c) class_start[c] += class_start[c - 1];
  model_id_.resize(model.terms.size());
  for (std::uint32_t i = 0; i < model.terms.size(); ++i) model_id_[class_start[class_of(i)]++] = i;
  idf_by_position_.resize(model_id_.size());
  for (std::size_t p = 0; p < model_id_.size(); ++p) idf_by_position_[p] = idf_[model_id_[p]];
  index_.reserve(model_id_.size());
  if (model.hash_bits) {
    for (const std::uint32_t i : model_id_) index_.intern(term_statistics::bucket_key(model.buckets[i]));
    return;
  }
  // A model of a large corpus holds 100,000s of terms, taken here in frequency order, that is
  // from all over memory: in batches whose cache misses overlap (the terms' own strings asked
  // for a batch ahead), so that loading a model costs little even for one short document.
  index_.intern_all(
      model_id_.size(), [&](std::size_t p) { return std::string_view(model.terms[model_id_[p]]); },
      [](std::size_t, std::uint32_t) {}, [&](std::size_t p) { __builtin_prefetch(&model.terms[model_id_[p]]); });
}

void tfidf_vectorizer::transform(std::span<const term> terms, std::vector<std::pair<std::uint32_t, double>>& out,
                                 scratch& work) const {
  if (!indexed_) throw std::logic_error("tfidf_vectorizer::transform() needs a vectorizer built with lookup::indexed");
  out.clear();
  work.counts.resize(idf_.size());
  work.touched.clear();
  // Counted by position in the index (frequent terms first), which keeps the counters of the
  // frequent terms together in cache; feature ids (term byte order) only for touched terms.
  const auto count = [&work](std::uint32_t position) {
    if (position != term_index::npos && work.counts[position]++ == 0) work.touched.push_back(position);
  };
  if (model_.hash_bits) {
    for (const term& t : terms) {
      count(index_.find(term_statistics::bucket_key(term_statistics::bucket_of(t.text, model_.hash_bits))));
    }
  } else {
    // As term_statistics::add_document: short terms the memo knows are counted at once, the
    // others looked up in batches whose cache misses overlap. (Counting order is free: the
    // norm is exact and the output is sorted.)
    constexpr std::size_t batch = 64;
    for (std::size_t begin = 0; begin < terms.size(); begin += batch) {
      const std::size_t end = std::min(begin + batch, terms.size());
      work.keys.clear();
      for (std::size_t i = begin; i < end; ++i) {
        if (const std::uint32_t* position = work.memo.find(terms[i].text)) {
          count(*position);
        } else {
          index_.prefetch(work.keys.emplace_back(terms[i].text));
        }
      }
      for (const term_index::key& k : work.keys) index_.prefetch_bytes(k);
      for (const term_index::key& k : work.keys) {
        const std::uint32_t position = index_.find(k);
        work.memo.remember(k.term, position);
        count(position);
      }
    }
  }
  for (const std::uint32_t position : work.touched) {
    out.emplace_back(model_id_[position], term_weight(work.counts[position], idf_by_position_[position]));
    work.counts[position] = 0;
  }
  normalise(out);
}

void tfidf_vectorizer::sort_by_feature(std::vector<std::pair<std::uint32_t, double>>& weights) {
  std::sort(weights.begin(), weights.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

namespace {

// Adds non-negative doubles exactly, in any order, in 128-bit fixed point with 52 fraction
// bits: a double in [1, 2^44) is a multiple of 2^-52 below 2^96, so it converts exactly, and
// 2^32 of them cannot overflow. (Values below 1 lose their bits under 2^-52, the same way
// whatever the order.) tf-idf weights are at least 1 (tf >= 1, idf >= 1): their sum is exact.
__extension__ using uint128 = unsigned __int128;  // (a GCC and Clang extension)

class fixed_point_sum {
 public:
  /// False, adding nothing, for a value outside [0, 2^44) (or NaN).
  bool add(double v) noexcept {
    if (!(v >= 0 && v < 0x1p44)) return false;
    total_ += v < 0x1p11 ? static_cast<uint128>(static_cast<std::uint64_t>(v * 0x1p52))
                         : static_cast<uint128>(v * 0x1p52);
    return true;
  }
  /// The sum, rounded once (to nearest).
  double value() const noexcept { return static_cast<double>(total_) * 0x1p-52; }

 private:
  uint128 total_ = 0;
};

}  // namespace

double tfidf_vectorizer::norm_of(std::span<const std::pair<std::uint32_t, double>> weights) const {
  const bool l2 = weighting_.norm == tfidf_weighting::norm_kind::l2;
  const auto norm_term = [l2](double w) { return l2 ? w * w : std::fabs(w); };
  fixed_point_sum exact;
  for (const auto& entry : weights) {
    if (exact.add(norm_term(entry.second))) continue;
    // A weight out of the exact range (a model with df > n, or astronomically long
    // documents): add in order of increasing size, which does not depend on the input order.
    std::vector<double> terms;
    for (const auto& e : weights) {
      terms.push_back(norm_term(e.second));
      if (std::isnan(terms.back())) return terms.back();  // (and NaN would break the sort)
    }
    std::sort(terms.begin(), terms.end());
    double sum = 0;
    for (const double t : terms) sum += t;
    return l2 ? std::sqrt(sum) : sum;
  }
  return l2 ? std::sqrt(exact.value()) : exact.value();
}

void tfidf_vectorizer::normalise(std::vector<std::pair<std::uint32_t, double>>& weights) const {
  if (weighting_.norm == tfidf_weighting::norm_kind::none) return;
  // The norm is an exact sum, rounded once: the same whatever order the weights come in
  // (counted by one worker or another, spooled or not), so they need no sorting.
  const double norm = norm_of(weights);
  if (norm == 0 || std::isnan(norm)) return;
  for (auto& entry : weights) entry.second /= norm;
}

}  // namespace textkit
