#include "textkit/term_index.hpp"

#include <cstring>

namespace textkit {

std::uint64_t term_index::hash(std::string_view term) noexcept {
  // 8 bytes at a time, multiply-xorshift mixing; the tail is read byte by byte.
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ (term.size() * k);
  const char* p = term.data();
  std::size_t n = term.size();
  while (n >= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    h = (h ^ chunk) * k;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  for (std::size_t i = 0; i < n; ++i) tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  h = (h ^ tail) * k;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

void term_index::reserve(std::size_t terms) {
  offsets_.reserve(terms + 1);
  while ((mask_ + 1) < terms * 2) grow();
}

void term_index::grow() {
  const std::size_t capacity = slot_ids_.empty() ? 1024 : slot_ids_.size() * 2;
  std::vector<std::uint64_t> hashes(capacity);
  std::vector<std::uint32_t> ids(capacity, npos);
  const std::uint64_t mask = capacity - 1;
  for (std::size_t s = 0; s < slot_ids_.size(); ++s) {
    if (slot_ids_[s] == npos) continue;
    std::uint64_t at = slot_hashes_[s] & mask;
    while (ids[at] != npos) at = (at + 1) & mask;
    hashes[at] = slot_hashes_[s];
    ids[at] = slot_ids_[s];
  }
  slot_hashes_.swap(hashes);
  slot_ids_.swap(ids);
  mask_ = mask;
}

std::uint32_t term_index::find(std::string_view term) const {
  if (slot_ids_.empty()) return npos;
  const std::uint64_t h = hash(term);
  for (std::uint64_t at = h & mask_;; at = (at + 1) & mask_) {
    const std::uint32_t id = slot_ids_[at];
    if (id == npos) return npos;
    if (slot_hashes_[at] == h && this->term(id) == term) return id;
  }
}

std::uint32_t term_index::intern(std::string_view term) {
  if ((size() + 1) * 2 > slot_ids_.size()) grow();  // load factor at most 1/2
  const std::uint64_t h = hash(term);
  std::uint64_t at = h & mask_;
  for (;; at = (at + 1) & mask_) {
    const std::uint32_t id = slot_ids_[at];
    if (id == npos) break;
    if (slot_hashes_[at] == h && this->term(id) == term) return id;
  }
  const auto id = static_cast<std::uint32_t>(size());
  arena_ += term;
  offsets_.push_back(arena_.size());
  slot_hashes_[at] = h;
  slot_ids_[at] = id;
  return id;
}

}  // namespace textkit
