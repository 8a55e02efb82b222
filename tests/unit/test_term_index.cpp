// term_index: the vocabulary table under tf-idf, sentiment lexicons and word lists.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "textkit/term_index.hpp"

using textkit::term_index;

namespace {

// Terms of every size from 0 to 300 bytes, NUL and high bytes included, plus near-twins
// (same size, same first 8 bytes) that only a full comparison tells apart.
std::vector<std::string> tricky_terms() {
  std::vector<std::string> terms;
  std::mt19937 rng(7);
  for (std::size_t size = 0; size <= 300; ++size) {
    std::string t(size, '\0');
    for (auto& c : t) c = static_cast<char>(rng());
    terms.push_back(t);
    if (size > 0) {
      std::string twin = t;
      twin.back() = static_cast<char>(twin.back() ^ 1);
      terms.push_back(twin);
    }
  }
  terms.push_back(std::string("a\0", 2));  // not "a"
  terms.push_back("a");
  terms.push_back("porte-parole");
  terms.push_back("porte-paroles");
  return terms;
}

}  // namespace

TEST_CASE("term_index: ids are dense, in insertion order, and found again") {
  term_index index;
  const auto terms = tricky_terms();
  for (std::size_t i = 0; i < terms.size(); ++i) CHECK(index.intern(terms[i]) == i);
  REQUIRE(index.size() == terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    CHECK(index.find(terms[i]) == i);
    CHECK(index.intern(terms[i]) == i);
    CHECK(index.term(static_cast<std::uint32_t>(i)) == terms[i]);
  }
  CHECK(index.find("absent") == term_index::npos);
  CHECK(index.find(std::string(255, 'x')) == term_index::npos);
  CHECK(index.size() == terms.size());
}

TEST_CASE("term_index: beyond the front table, and after promote(), lookups answer the same") {
  term_index index;
  std::vector<std::string> terms;
  for (int i = 0; i < 20000; ++i) terms.push_back("term" + std::to_string(i * 7919));
  for (std::size_t i = 0; i < terms.size(); ++i) REQUIRE(index.intern(terms[i]) == i);
  auto check_all = [&] {
    for (std::size_t i = 0; i < terms.size(); ++i) REQUIRE(index.find(terms[i]) == i);
    CHECK(index.find("term1") == term_index::npos);
    CHECK(index.find("") == term_index::npos);
  };
  check_all();
  // The last ids in front, then a short list, then nothing: only speed may change.
  std::vector<std::uint32_t> ids(terms.size());
  std::iota(ids.rbegin(), ids.rend(), 0u);
  index.promote(ids);
  check_all();
  index.promote(std::vector<std::uint32_t>{5, 6, 7});
  check_all();
  index.promote({});
  check_all();
  // New terms still get the next ids.
  CHECK(index.intern("new") == terms.size());
  CHECK(index.find("new") == terms.size());
}

TEST_CASE("term_index::hash is fixed (hashed model features depend on it)") {
  CHECK(term_index::hash("") == 15223295861420430162ULL);
  CHECK(term_index::hash("de") == 12444290666161813228ULL);
  CHECK(term_index::hash("microsoft") == 8998095016167087219ULL);
}

TEST_CASE("short_term_memo: remembers what the table answered, never confuses two terms") {
  textkit::short_term_memo<int> memo;
  int calls = 0;
  auto size_plus = [&](std::string_view term) {
    ++calls;
    return static_cast<int>(term.size()) * 100 + (term.empty() ? 0 : term[0]);
  };
  CHECK(memo.get("the", size_plus) == 300 + 't');
  CHECK(memo.get("the", size_plus) == 300 + 't');
  CHECK(calls == 1);  // remembered
  // Same bytes as a prefix, other sizes; NUL bytes; 8 bytes; longer terms (never remembered).
  CHECK(memo.get("th", size_plus) == 200 + 't');
  CHECK(memo.get(std::string_view("the\0", 4), size_plus) == 400 + 't');
  CHECK(memo.get("abcdefgh", size_plus) == 800 + 'a');
  CHECK(memo.get("abcdefgh", size_plus) == 800 + 'a');
  CHECK(memo.get("abcdefghi", size_plus) == 900 + 'a');
  CHECK(memo.get("abcdefghi", size_plus) == 900 + 'a');
  CHECK(calls == 6);
  CHECK(memo.get("", size_plus) == 0);
  // Many terms: every answer is the table's, whatever the collisions.
  int wrong = 0;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 20000; ++i) {
      const std::string term = std::to_string(i);
      wrong += memo.get(term, size_plus) != static_cast<int>(term.size()) * 100 + term[0];
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("term_index: batch lookups (key, prefetch, intern) answer as one-by-one lookups") {
  const auto terms = tricky_terms();
  term_index one_by_one, batched;
  // Each term twice, the second time in the same batch as the first: a batch may intern a
  // term and look it up again before the batch ends.
  std::vector<std::string_view> stream;
  for (const auto& t : terms) {
    stream.push_back(t);
    stream.push_back(t);
  }
  std::vector<term_index::key> keys;
  for (const auto t : stream) {
    keys.emplace_back(t);
    batched.prefetch(keys.back());
  }
  for (const auto& k : keys) batched.prefetch_bytes(k);
  for (std::size_t i = 0; i < stream.size(); ++i) {
    REQUIRE(batched.intern(keys[i]) == one_by_one.intern(stream[i]));
  }
  for (std::size_t i = 0; i < stream.size(); ++i) CHECK(batched.find(keys[i]) == one_by_one.find(stream[i]));
  CHECK(batched.find(term_index::key("absent")) == term_index::npos);
}

TEST_CASE("short_term_memo: find and remember, in two steps, as get") {
  textkit::short_term_memo<int> memo;
  CHECK(memo.find("ice") == nullptr);
  memo.remember("ice", 7);
  REQUIRE(memo.find("ice") != nullptr);
  CHECK(*memo.find("ice") == 7);
  CHECK(memo.find("ic") == nullptr);
  memo.remember("microsoft", 9);  // more than 8 bytes: never remembered
  CHECK(memo.find("microsoft") == nullptr);
  memo.remember("", 1);
  CHECK(memo.find("") == nullptr);
}
