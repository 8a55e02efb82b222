#include "textkit/term_index.hpp"

#include <cstring>

#include "textkit/utf8.hpp"

namespace textkit {

namespace {

// The table hash, inlined into the lookups; term_index::hash() exposes it. When `short_bytes`
// is given and the term has at most 8 bytes, it receives them (as term_index::inline_bytes
// would read them): the hash has just loaded them.
inline std::uint64_t hash_bytes(std::string_view term, std::uint64_t* short_bytes = nullptr) noexcept {
  // 8 bytes at a time, multiply-xorshift mixing; the tail is read as one little-endian word.
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ (term.size() * k);
  const char* p = term.data();
  std::size_t n = term.size();
  while (n >= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    if (short_bytes) *short_bytes = chunk;  // the 8 bytes of an 8-byte term
    h = (h ^ chunk) * k;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  const std::uint64_t tail = utf8::load_short(p, n);
  if (short_bytes && term.size() < 8) *short_bytes = tail;
  h = (h ^ tail) * k;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

// a[0, n) == b[0, n) for n > 8, eight bytes at a time (the last load overlaps): inlined, where
// memcmp is a library call.
bool same_long_bytes(const char* a, const char* b, std::size_t n) noexcept {
  std::uint64_t x, y;
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a + n - 8, 8);
  std::memcpy(&y, b + n - 8, 8);
  return x == y;
}

}  // namespace

std::uint64_t term_index::hash(std::string_view term) noexcept { return hash_bytes(term); }

std::uint64_t term_index::inline_bytes(std::string_view term) noexcept {
  return utf8::load_short(term.data(), term.size());
}

term_index::key::key(std::string_view t) noexcept : term(t) {
  std::uint64_t short_bytes = 0;
  hash = hash_bytes(t, &short_bytes);
  bytes = short_bytes;
  check = check_of(hash, t.size());
  is_short = t.size() <= 8;
}

void term_index::prefetch(const key& k) const noexcept {
  if (size() == 0) return;
  if (front_size_ != 0) __builtin_prefetch(&front_.slots[k.hash & front_.mask]);
  if (absent_first_) __builtin_prefetch(&filter_[((k.hash >> 40) & filter_mask_) / 64]);
  if (!front_has_all_ || front_size_ == 0) __builtin_prefetch(&main_.slots[k.hash & main_.mask]);
}

void term_index::prefetch_bytes(const key& k) const noexcept {
  if (k.is_short || main_.slots.empty()) return;
  const slot& s = main_.slots[k.hash & main_.mask];
  if (s.id != npos && s.check == k.check) __builtin_prefetch(arena_.data() + s.bytes);
}

inline std::uint32_t term_index::probe(const table& t, const key& k) const {
  for (std::uint64_t at = k.hash & t.mask;; at = (at + 1) & t.mask) {
    const slot& s = t.slots[at];
    if (s.id == npos) return npos;
    if (s.check != k.check) continue;
    if (k.is_short) {
      if (s.bytes == k.bytes) return s.id;
    } else if ((k.term.size() < 255 || offsets_[s.id + 1] - offsets_[s.id] == k.term.size()) &&
               same_long_bytes(arena_.data() + s.bytes, k.term.data(), k.term.size())) {
      // (Below 255 bytes the check holds the exact size.)
      return s.id;
    }
  }
}

inline std::uint32_t term_index::find_key(const key& k) const {
  if (size() == 0) return npos;
  if (absent_first_ && !filter_may_hold(k.hash)) return npos;
  // The front table: small enough to stay in cache, it holds the frequent terms.
  if (front_size_ != 0) {
    const std::uint32_t id = probe(front_, k);
    if (id != npos || front_has_all_) return id;
  }
  return probe(main_, k);
}

term_index::slot term_index::slot_of(std::uint32_t id) const {
  const std::string_view text = term(id);
  return {text.size() <= 8 ? inline_bytes(text) : offsets_[id], check_of(hashes_[id], text.size()), id};
}

void term_index::place(table& t, std::uint64_t h, const slot& s) {
  std::uint64_t at = h & t.mask;
  while (t.slots[at].id != npos) at = (at + 1) & t.mask;
  t.slots[at] = s;
}

void term_index::grow(table& t, std::size_t capacity) const {
  std::vector<slot> old;
  old.swap(t.slots);
  t.slots.assign(capacity, slot{});
  t.mask = capacity - 1;
  for (const slot& s : old) {
    if (s.id != npos) place(t, hashes_[s.id], s);
  }
}

void term_index::reserve(std::size_t terms) {
  offsets_.reserve(terms + 1);
  hashes_.reserve(terms);
  std::size_t capacity = main_.slots.empty() ? 1024 : main_.slots.size();
  while (capacity < terms * 2) capacity *= 2;
  if (capacity != main_.slots.size()) grow(main_, capacity);
}

void term_index::promote(std::span<const std::uint32_t> ids) {
  if (front_.slots.empty()) grow(front_, 2 * front_capacity);
  std::fill(front_.slots.begin(), front_.slots.end(), slot{});
  front_size_ = 0;
  for (const std::uint32_t id : ids) {
    if (front_size_ == front_capacity) break;
    place(front_, hashes_[id], slot_of(id));
    ++front_size_;
  }
  front_has_all_ = front_size_ == size();
}

void term_index::rebuild_filter() {
  std::size_t bits = 1 << 12;
  while (bits < size() * 16 && bits < (std::size_t{1} << 24)) bits *= 2;
  filter_.assign(bits / 64, 0);
  filter_mask_ = bits - 1;
  for (const std::uint64_t h : hashes_) filter_add(h);
}

std::uint32_t term_index::find(std::string_view term) const {
  std::uint64_t short_bytes = 0;
  const std::uint64_t h = hash_bytes(term, &short_bytes);
  return find_key(key(term, h, short_bytes));
}

std::uint32_t term_index::find(const key& k) const { return find_key(k); }

std::uint32_t term_index::intern(std::string_view term) {
  std::uint64_t short_bytes = 0;
  const std::uint64_t h = hash_bytes(term, &short_bytes);
  return intern(key(term, h, short_bytes));
}

std::uint32_t term_index::intern(const key& k) {
  const std::uint32_t found = find_key(k);
  if (found != npos) return found;
  const auto id = static_cast<std::uint32_t>(size());
  const std::uint64_t h = k.hash;
  hashes_.push_back(h);
  arena_ += k.term;
  offsets_.push_back(arena_.size());
  const slot s = slot_of(id);
  if ((size() * 2) > main_.slots.size()) grow(main_, main_.slots.empty() ? 1024 : main_.slots.size() * 2);
  place(main_, h, s);  // load factor at most 1/2
  if (absent_first_) {
    if (size() * 16 > filter_mask_ + 1 && filter_mask_ + 1 < (std::uint64_t{1} << 24)) {
      rebuild_filter();
    } else {
      filter_add(h);
    }
  }
  if (front_size_ < front_capacity) {
    if (front_.slots.empty()) grow(front_, 2 * front_capacity);
    place(front_, h, s);
    ++front_size_;
  }
  front_has_all_ = front_size_ == size();
  return id;
}

}  // namespace textkit
