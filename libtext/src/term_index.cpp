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

std::uint64_t term_index::inline_bytes(std::string_view term) noexcept {
  std::uint64_t bytes = 0;
  std::memcpy(&bytes, term.data(), term.size());
  return bytes;
}

bool term_index::matches(const slot& s, std::uint64_t h, std::string_view term) const {
  if (s.hash != h || s.size != term.size()) return false;
  if (term.size() <= 8) return s.bytes == inline_bytes(term);
  return std::memcmp(arena_.data() + s.bytes, term.data(), term.size()) == 0;
}

std::uint32_t term_index::probe(const table& t, const term_index& owner, std::uint64_t h, std::string_view term,
                                std::uint64_t& at) {
  if (t.slots.empty()) return npos;
  for (at = h & t.mask;; at = (at + 1) & t.mask) {
    const slot& s = t.slots[at];
    if (s.id == npos || owner.matches(s, h, term)) return s.id;
  }
}

void term_index::place(table& t, const slot& s) {
  std::uint64_t at = s.hash & t.mask;
  while (t.slots[at].id != npos) at = (at + 1) & t.mask;
  t.slots[at] = s;
}

void term_index::grow(table& t, std::size_t capacity) {
  std::vector<slot> old;
  old.swap(t.slots);
  t.slots.assign(capacity, slot{});
  t.mask = capacity - 1;
  for (const slot& s : old) {
    if (s.id != npos) place(t, s);
  }
}

void term_index::reserve(std::size_t terms) {
  offsets_.reserve(terms + 1);
  std::size_t capacity = main_.slots.empty() ? 1024 : main_.slots.size();
  while (capacity < terms * 2) capacity *= 2;
  if (capacity != main_.slots.size()) grow(main_, capacity);
}

void term_index::rebuild_filter() {
  std::size_t bits = 1 << 12;
  while (bits < size() * 16 && bits < (std::size_t{1} << 24)) bits *= 2;
  filter_.assign(bits / 64, 0);
  filter_mask_ = bits - 1;
  for (const slot& s : main_.slots) {
    if (s.id != npos) filter_[((s.hash >> 40) & filter_mask_) / 64] |= std::uint64_t{1} << ((s.hash >> 40) & 63);
  }
}

std::uint32_t term_index::find(std::string_view term) const {
  const std::uint64_t h = hash(term);
  if (filter_.empty()) return npos;
  const std::uint64_t bit = (h >> 40) & filter_mask_;
  if (!(filter_[bit / 64] & (std::uint64_t{1} << (bit & 63)))) return npos;
  std::uint64_t at;
  const std::uint32_t id = probe(front_, *this, h, term, at);
  if (id != npos || size() <= front_capacity) return id;
  return probe(main_, *this, h, term, at);
}

std::uint32_t term_index::intern(std::string_view term) {
  const std::uint32_t found = find(term);
  if (found != npos) return found;
  const auto id = static_cast<std::uint32_t>(size());
  const std::uint64_t h = hash(term);
  slot s{h, term.size() <= 8 ? inline_bytes(term) : arena_.size(), static_cast<std::uint32_t>(term.size()), id};
  arena_ += term;
  offsets_.push_back(arena_.size());
  if ((size() * 2) > main_.slots.size()) grow(main_, main_.slots.empty() ? 1024 : main_.slots.size() * 2);
  place(main_, s);  // load factor at most 1/2
  if (size() * 16 > filter_mask_ + 1 && filter_mask_ + 1 < (std::uint64_t{1} << 24)) {
    rebuild_filter();
  } else {
    const std::uint64_t bit = (h >> 40) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit & 63);
  }
  if (id < front_capacity) {
    if (front_.slots.empty()) grow(front_, 2 * front_capacity);
    place(front_, s);
  }
  return id;
}

}  // namespace textkit
