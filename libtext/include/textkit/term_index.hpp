#pragma once
/// @file term_index.hpp
/// A compact string → id table for vocabularies: ids are dense (0, 1, 2... in insertion
/// order), strings live in one arena, lookups probe open-addressing tables.
///
/// Looking a token up is the hot path of tf-idf, and on a large vocabulary its cost is cache
/// misses. So: a 16-byte slot holds everything a probe needs (a hash check, the size, and the
/// bytes themselves for terms of up to 8 bytes, which are most tokens), and up to
/// `front_capacity` ids also live in a small front table that stays in cache. News text is
/// Zipfian (the first few thousand terms are most of the tokens): put the most frequent terms
/// in front, by inserting them first or by promote(), and most lookups never leave it.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/utf8.hpp"

namespace textkit {

class term_index {
 public:
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;
  static constexpr std::uint32_t front_capacity = 4096;

  /// What lookups mostly ask: a tf-idf vocabulary is asked for terms it holds (the front
  /// table answers first); a lexicon mostly for words it lacks (the filter answers first).
  enum class lookups { mostly_present, mostly_absent };
  explicit term_index(lookups expected = lookups::mostly_present) : absent_first_(expected == lookups::mostly_absent) {}

  /// The id of `term`, added with the next id when absent.
  std::uint32_t intern(std::string_view term);
  /// The id of `term`, or npos.
  std::uint32_t find(std::string_view term) const;
  /// The term of `id` (valid until the next intern()).
  std::string_view term(std::uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  std::size_t size() const noexcept { return offsets_.size() - 1; }
  void reserve(std::size_t terms);
  /// Makes the front table hold exactly these ids (the first front_capacity of them): callers
  /// that learn term frequencies as they go (tf-idf fitting) move the frequent terms in front.
  /// Ids and lookups results are unchanged; only speed is.
  void promote(std::span<const std::uint32_t> ids);

  /// The hash used for the table (64-bit, fixed across platforms).
  static std::uint64_t hash(std::string_view term) noexcept;

  /// Batch lookups. On a large vocabulary a lookup waits on cache misses, one after another;
  /// a caller with many terms to look up (a document) hides them by asking ahead:
  ///   1. key k(term) for each term, and prefetch(k): the slots and filter word it will read;
  ///   2. prefetch_bytes(k), once those have arrived: the stored bytes of a long term;
  ///   3. intern(k) or find(k), which answer exactly as intern(term) and find(term).
  /// Prefetches are hints: they never change an answer, and a table that grows in between
  /// only makes them useless.
  struct key {
    std::string_view term;
    std::uint64_t hash;
    std::uint64_t bytes;  // the term itself when short
    std::uint32_t check;
    bool is_short;
    explicit key(std::string_view t) noexcept;

   private:
    friend class term_index;
    // `short_bytes`: the term's bytes when it has at most 8, as hash_bytes() loaded them.
    key(std::string_view t, std::uint64_t h, std::uint64_t short_bytes) noexcept
        : term(t), hash(h), bytes(short_bytes), check(check_of(h, t.size())), is_short(t.size() <= 8) {}
  };
  void prefetch(const key& k) const noexcept;
  void prefetch_bytes(const key& k) const noexcept;
  std::uint32_t intern(const key& k);
  std::uint32_t find(const key& k) const;

  /// The three steps above for a whole vocabulary (merging statistics, loading a model):
  /// interns term_at(0) ... term_at(count - 1), in that order (so with the ids of interning
  /// them one by one), and calls on_id(i, id) for each. `ahead(i)` is called for the terms of
  /// the next batch, for callers whose term_at() itself reads scattered memory.
  template <typename TermAt, typename OnId, typename Ahead = void (*)(std::size_t)>
  void intern_all(std::size_t count, TermAt&& term_at, OnId&& on_id, Ahead&& ahead = [](std::size_t) {}) {
    constexpr std::size_t batch = 64;
    std::vector<key> keys;
    keys.reserve(batch);
    for (std::size_t begin = 0; begin < count; begin += batch) {
      const std::size_t end = begin + batch < count ? begin + batch : count;
      for (std::size_t i = end; i < end + batch && i < count; ++i) ahead(i);
      keys.clear();
      for (std::size_t i = begin; i < end; ++i) prefetch(keys.emplace_back(term_at(i)));
      for (const key& k : keys) prefetch_bytes(k);
      for (std::size_t i = begin; i < end; ++i) on_id(i, intern(keys[i - begin]));
    }
  }

 private:
  struct slot {
    std::uint64_t bytes = 0;  // the term itself when size <= 8, else its offset in arena_
    std::uint32_t check = 0;  // hash bits 40-63, then min(size, 255)
    std::uint32_t id = npos;  // npos: empty
  };
  struct table {
    std::vector<slot> slots;
    std::uint64_t mask = 0;
  };

  static std::uint32_t check_of(std::uint64_t h, std::size_t size) noexcept {
    return static_cast<std::uint32_t>(h >> 32 & 0xFFFFFF00u) | static_cast<std::uint32_t>(size < 255 ? size : 255);
  }
  static std::uint64_t inline_bytes(std::string_view term) noexcept;
  std::uint32_t probe(const table& t, const key& k) const;
  std::uint32_t find_key(const key& k) const;
  slot slot_of(std::uint32_t id) const;
  void grow(table& t, std::size_t capacity) const;
  static void place(table& t, std::uint64_t h, const slot& s);
  void rebuild_filter();
  // The filter's bit of a hash: bits 40 and up, modulo the filter size.
  bool filter_may_hold(std::uint64_t h) const noexcept {
    const std::uint64_t bit = (h >> 40) & filter_mask_;
    return (filter_[bit / 64] >> (bit & 63)) & 1;
  }
  void filter_add(std::uint64_t h) noexcept {
    const std::uint64_t bit = (h >> 40) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit & 63);
  }

  std::string arena_;
  std::vector<std::uint64_t> offsets_{0};  // term i is arena_[offsets_[i], offsets_[i+1])
  std::vector<std::uint64_t> hashes_;      // hash of term i (tables grow without rehashing)
  table front_;                            // up to front_capacity ids
  std::uint32_t front_size_ = 0;
  bool front_has_all_ = true;  // every id is in front: a front miss is final
  bool absent_first_ = false;  // consult the filter before the front table
  table main_;                 // every id
  // A one-bit-per-hash filter (16 bits per term) answers most lookups of absent words (the
  // common case for a sentiment lexicon) without touching the main table. Only for
  // mostly_absent: where lookups find their term, it would be one more cache miss each.
  std::vector<std::uint64_t> filter_;
  std::uint64_t filter_mask_ = 0;
};

/// A direct-mapped memo in front of a term table, for terms of 1 to 8 bytes (most tokens):
/// news repeats a few thousand short words, and a hit costs a multiply and a compare where the
/// table hashes and probes. It remembers only what `compute` answered, so the table behind it
/// must not change its answers (ids never change; a lexicon is fixed once loaded). (Terms of
/// up to 16 bytes were tried: no fewer instructions, no measurable gain.)
template <typename Value>
class short_term_memo {
 public:
  static constexpr int bits = 12;  // 4,096 entries of 24 bytes: they stay in the L2 cache

  /// The remembered value of `term`, or compute(term), remembered (for longer terms: computed).
  template <typename Compute>
  Value get(std::string_view term, Compute&& compute) {
    const std::size_t n = term.size();
    if (n - 1 >= 8) return compute(term);  // (n == 0 wraps around)
    const std::uint64_t bytes = utf8::load_short(term.data(), n);
    entry& e = slot(bytes, n);
    if (e.size == n && e.bytes == bytes) return e.value;
    e = {bytes, static_cast<std::uint32_t>(n), compute(term)};
    return e.value;
  }
  /// The same in two steps, for callers that batch the misses: the remembered value or null...
  const Value* find(std::string_view term) {
    const std::size_t n = term.size();
    if (n - 1 >= 8) return nullptr;
    const std::uint64_t bytes = utf8::load_short(term.data(), n);
    const entry& e = slot(bytes, n);
    return e.size == n && e.bytes == bytes ? &e.value : nullptr;
  }
  /// ...then remember what the table said (terms of more than 8 bytes are not remembered).
  void remember(std::string_view term, Value value) {
    const std::size_t n = term.size();
    if (n - 1 >= 8) return;
    const std::uint64_t bytes = utf8::load_short(term.data(), n);
    slot(bytes, n) = {bytes, static_cast<std::uint32_t>(n), value};
  }

 private:
  struct entry {
    std::uint64_t bytes = 0;  // the term's bytes, little-endian, zero-padded
    std::uint32_t size = 0;   // 0: empty
    Value value{};
  };
  std::vector<entry> entries_;  // allocated at the first lookup

  // The entry for a term of `n` bytes (1 to 8) read as `bytes`.
  entry& slot(std::uint64_t bytes, std::size_t n) {
    if (entries_.empty()) entries_.resize(std::size_t{1} << bits);
    return entries_[static_cast<std::size_t>(((bytes ^ n) * 0x9E3779B97F4A7C15ULL) >> (64 - bits))];
  }
};

}  // namespace textkit
