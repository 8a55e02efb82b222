#pragma once
/// @file term_index.hpp
/// A compact string → id table for vocabularies: ids are dense (0, 1, 2... in insertion
/// order), strings live in one arena, lookups probe an open-addressing table of 64-bit hashes
/// and compare bytes only on a hash match. Several times faster than std::unordered_map<
/// std::string, ...> on the tf-idf hot path (no node per term, no rehashing of keys).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace textkit {

class term_index {
 public:
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;

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
  void grow();

  std::string arena_;
  std::vector<std::uint64_t> offsets_{0};  // term i is arena_[offsets_[i], offsets_[i+1])
  std::vector<std::uint64_t> slot_hashes_;
  std::vector<std::uint32_t> slot_ids_;  // npos: empty slot
  std::uint64_t mask_ = 0;
};

}  // namespace textkit
