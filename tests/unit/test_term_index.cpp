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
