#pragma once
/// @file term_index.hpp
/// A compact string → id table for vocabularies: ids are dense (0, 1, 2... in insertion
/// order), strings live in one arena, lookups probe open-addressing tables of 64-bit hashes.
///
/// Looking a token up is the hot path of tf-idf, and on a large vocabulary its cost is cache
/// misses. So: a slot holds everything a probe needs (hash, size, and the bytes themselves for
/// terms of up to 8 bytes, which are most tokens), and the first `front_capacity` ids also live
/// in a small front table that stays in cache. Insert the most frequent terms first (news text
/// is Zipfian: the first few thousand terms are most of the tokens) and most lookups never
/// leave the front table.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace textkit {

class term_index {
 public:
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;
  static constexpr std::uint32_t front_capacity = 4096;

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

  /// The hash used for the table (64-bit, fixed across platforms).
  static std::uint64_t hash(std::string_view term) noexcept;

 private:
  struct slot {
    std::uint64_t hash = 0;
    std::uint64_t bytes = 0;  // the term itself when size <= 8, else its offset in arena_
    std::uint32_t size = 0;
    std::uint32_t id = npos;  // npos: empty
  };
  struct table {
    std::vector<slot> slots;
    std::uint64_t mask = 0;
  };

  bool matches(const slot& s, std::uint64_t h, std::string_view term) const;
  static std::uint64_t inline_bytes(std::string_view term) noexcept;
  static std::uint32_t probe(const table& t, const term_index& owner, std::uint64_t h, std::string_view term,
                             std::uint64_t& at);
  static void grow(table& t, std::size_t capacity);
  static void place(table& t, const slot& s);

  void rebuild_filter();

  std::string arena_;
  std::vector<std::uint64_t> offsets_{0};  // term i is arena_[offsets_[i], offsets_[i+1])
  table front_;                            // ids < front_capacity
  table main_;                             // every id
  // A one-bit-per-hash filter (16 bits per term) answers most lookups of absent words (the
  // common case for a sentiment lexicon) without touching the tables.
  std::vector<std::uint64_t> filter_;
  std::uint64_t filter_mask_ = 0;
};

}  // namespace textkit
