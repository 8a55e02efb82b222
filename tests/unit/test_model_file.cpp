// Model file format: round trip, and every damaged variant is refused with an error (never a
// crash or a silently different model).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "textkit/error.hpp"
#include "textkit/model_file.hpp"
#include "textkit/tfidf.hpp"

namespace {

textkit::model_file sample() {
  textkit::model_file m("tfidf-partial");
  m.set("documents", "3");
  m.set("analysis.lang", "fr");
  const std::vector<std::uint64_t> counts = {1, 2, 3};
  const std::vector<double> weights = {0.5, -1.25, 3e-300};
  const std::vector<std::string> terms = {"état", "", "l’ICE"};
  m.add_u64("counts", counts);
  m.add_f64("weights", weights);
  m.add_strings("terms", terms);
  return m;
}

}  // namespace

TEST_CASE("model file: round trip keeps kind, metadata and sections") {
  const std::string bytes = sample().serialize();
  const textkit::model_file back = textkit::model_file::parse(bytes, "m");
  CHECK(back.kind() == "tfidf-partial");
  CHECK(back.get("documents") == "3");
  CHECK(back.get_or("missing", "x") == "x");
  CHECK(back.u64("counts") == std::vector<std::uint64_t>{1, 2, 3});
  CHECK(back.f64("weights") == std::vector<double>{0.5, -1.25, 3e-300});
  CHECK(back.strings("terms") == std::vector<std::string>{"état", "", "l’ICE"});
  CHECK(back.serialize() == bytes);  // equal models are equal files
  CHECK_THROWS_AS(back.u64("weights"), textkit::error);  // wrong type
  CHECK_THROWS_AS(back.f64("absent"), textkit::error);
  CHECK_THROWS_AS(back.get("absent"), textkit::error);
}

TEST_CASE("model file: every truncation is refused") {
  const std::string bytes = sample().serialize();
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    CAPTURE(size);
    CHECK_THROWS_AS(textkit::model_file::parse(bytes.substr(0, size), "m"), textkit::error);
  }
}

TEST_CASE("model file: every single-byte change is refused") {
  const std::string bytes = sample().serialize();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    CAPTURE(i);
    CHECK_THROWS_AS(textkit::model_file::parse(damaged, "m"), textkit::error);
  }
}

TEST_CASE("model file: the expected kind is checked, the error names the file") {
  const std::string bytes = sample().serialize();
  try {
    (void)textkit::model_file::parse(bytes, "models/x.bin", "tfidf");
    FAIL("expected an error");
  } catch (const textkit::error& e) {
    CHECK(std::string(e.what()).find("models/x.bin") != std::string::npos);
    CHECK(std::string(e.what()).find("tfidf-partial") != std::string::npos);
  }
}

TEST_CASE("model file: records the textkit that wrote it, and readers can tell another one") {
  textkit::model_file written("tfidf");
  CHECK(written.get("created_by") == textkit::toolkit_signature());
  CHECK(textkit::toolkit_signature().starts_with("textkit "));
  const auto read = textkit::model_file::parse(written.serialize(), "m");
  CHECK(textkit::version_difference(read).empty());
  textkit::model_file older("tfidf");
  older.set("created_by", "textkit 0.0.9 (Unicode 14.0)");
  CHECK(textkit::version_difference(older) ==
        "written by textkit 0.0.9 (Unicode 14.0), read by " + textkit::toolkit_signature());
  textkit::model_file unknown;  // models that predate "created_by": nothing known to differ
  CHECK(textkit::version_difference(unknown).empty());
}

TEST_CASE("tfidf model: the embedded word lists its analysis read are fingerprinted") {
  textkit::analyzer_options with_lists;
  with_lists.lower = true;
  with_lists.remove_stopwords = true;  // the embedded lists
  textkit::analyzer_options own_list = with_lists;
  own_list.stopwords.emplace();
  own_list.stopwords->insert("le");
  textkit::model_file a("tfidf"), b("tfidf");
  textkit::store_analyzer_options(with_lists, a);
  textkit::store_analyzer_options(own_list, b);
  // The stop lists count only when the embedded ones are used.
  CHECK(a.get("analysis.data") != b.get("analysis.data"));
  CHECK(textkit::analysis_differences(a).empty());
  CHECK(textkit::analysis_differences(b).empty());
  a.set("analysis.data", "0123456789abcdef");
  const auto differences = textkit::analysis_differences(a);
  REQUIRE(differences.size() == 1);
  CHECK(differences[0].find("other embedded data") != std::string::npos);
  a.set("created_by", "textkit 0.0.9 (Unicode 14.0)");
  CHECK(textkit::analysis_differences(a).size() == 2);
}

TEST_CASE("tfidf model: statistics merge exactly, in any grouping") {
  using textkit::term;
  auto doc = [](std::vector<std::string_view> words) {
    std::vector<term> terms;
    for (auto w : words) terms.push_back({w, 0, 0, textkit::token_kind::word, 1});
    return terms;
  };
  const auto a = doc({"ice", "contrat", "ice"});
  const auto b = doc({"contrat", "microsoft"});
  const auto c = doc({"ice"});
  textkit::term_statistics all;
  for (const auto* d : {&a, &b, &c}) all.add_document(*d);
  textkit::term_statistics left, right;
  left.add_document(a);
  right.add_document(c);
  right.add_document(b);
  left.merge(right);
  const textkit::analyzer_options options;
  const auto whole = textkit::tfidf_model::build(all, options, {}, false).to_file().serialize();
  const auto merged = textkit::tfidf_model::build(left, options, {}, false).to_file().serialize();
  CHECK(whole == merged);
  const auto model = textkit::tfidf_model::build(all, options, {}, false);
  CHECK(model.terms == std::vector<std::string>{"contrat", "ice", "microsoft"});
  CHECK(model.df == std::vector<std::uint64_t>{2, 2, 1});
  CHECK(model.tf == std::vector<std::uint64_t>{2, 3, 1});
}

TEST_CASE("tfidf statistics: a merge gives the entries and counts of adding term by term") {
  using textkit::term;
  // Two workers' vocabularies of several lookup batches (64), short and long terms, partly shared.
  auto vocabulary = [](int from, int to) {
    std::vector<std::string> words;
    for (int i = from; i < to; ++i) {
      std::string word = i % 3 ? "t" : "a-term-longer-than-eight-bytes-";
      words.push_back(word += std::to_string(i));
    }
    return words;
  };
  const auto left_words = vocabulary(0, 300);
  const auto right_words = vocabulary(150, 500);
  auto stats_of = [](const std::vector<std::string>& words) {
    std::vector<term> terms;
    for (const auto& w : words) terms.push_back({w, 0, 0, textkit::token_kind::word, 1});
    textkit::term_statistics stats;
    stats.add_document(terms);
    stats.add_document(std::span<const term>(terms).first(40));
    return stats;
  };
  const textkit::term_statistics right = stats_of(right_words);
  // The reference: the right side's terms added one by one.
  textkit::term_statistics expected = stats_of(left_words);
  expected.add_documents(right.documents());
  std::vector<std::uint32_t> expected_entries;
  for (std::size_t i = 0; i < right.size(); ++i) expected_entries.push_back(expected.add(right.key(i), right.counts_of(i)));

  textkit::term_statistics merged = stats_of(left_words);
  const std::vector<std::uint32_t> entries = merged.merge(right);
  CHECK(entries == expected_entries);
  REQUIRE(merged.size() == expected.size());
  CHECK(merged.documents() == expected.documents());
  for (std::size_t i = 0; i < merged.size(); ++i) {
    CHECK(merged.key(i) == expected.key(i));
    CHECK(merged.counts_of(i).df == expected.counts_of(i).df);
    CHECK(merged.counts_of(i).tf == expected.counts_of(i).tf);
  }

  // Into empty statistics, taking the other over: the same entries as a copy, and the other
  // is left empty.
  textkit::term_statistics taken_from = stats_of(right_words);
  textkit::term_statistics empty;
  const std::vector<std::uint32_t> identity = empty.merge(std::move(taken_from));
  REQUIRE(identity.size() == right.size());
  for (std::size_t i = 0; i < right.size(); ++i) {
    CHECK(identity[i] == i);
    CHECK(empty.key(i) == right.key(i));
    CHECK(empty.counts_of(i).tf == right.counts_of(i).tf);
  }
  CHECK(taken_from.size() == 0);
  CHECK(taken_from.documents() == 0);
  // Moving into non-empty statistics merges as a copy would.
  textkit::term_statistics moved = stats_of(left_words);
  CHECK(moved.merge(stats_of(right_words)) == expected_entries);
  CHECK(moved.size() == expected.size());
}

TEST_CASE("tfidf vectorizer: without a term index, weights work and transform() refuses") {
  textkit::term_statistics stats;
  const std::vector<textkit::term> doc{{"ice", 0, 3, textkit::token_kind::word, 1}};
  stats.add_document(doc);
  const auto model = textkit::tfidf_model::build(stats, {}, {}, false);
  const textkit::tfidf_vectorizer indexed(model, {});
  const textkit::tfidf_vectorizer plain(model, {}, textkit::tfidf_vectorizer::lookup::none);
  CHECK(plain.idf(0) == indexed.idf(0));
  CHECK(plain.term_of(0) == "ice");
  std::vector<std::pair<std::uint32_t, double>> out;
  textkit::tfidf_vectorizer::scratch work;
  indexed.transform(doc, out, work);
  REQUIRE(out.size() == 1);
  CHECK(out[0].second == 1.0);
  CHECK_THROWS_AS(plain.transform(doc, out, work), std::logic_error);
}

namespace textkit {
struct term_statistics_test {
  static void set_document_stamp(term_statistics& stats, std::uint32_t stamp) { stats.document_stamp_ = stamp; }
};
}  // namespace textkit

TEST_CASE("tfidf statistics: document stamps wrap around without losing a document frequency") {
  using textkit::term;
  const std::vector<term> x{{"x", 0, 1, textkit::token_kind::word, 1}};
  const std::vector<term> x_and_y{{"x", 0, 1, textkit::token_kind::word, 1}, {"y", 2, 3, textkit::token_kind::word, 1}};
  textkit::term_statistics stats;
  std::vector<textkit::term_statistics::document_term> distinct;
  stats.add_document(x);  // stamp 1: x was last seen in document 1
  // 2^32 - 2 documents later (as if): the next stamp wraps around to 0, and then to 1 again,
  // the stamp x still holds. Unless the stamps are cleared, x's df would not count it.
  textkit::term_statistics_test::set_document_stamp(stats, 0xFFFFFFFFu);
  stats.add_document(x_and_y, &distinct);
  REQUIRE(stats.size() == 2);
  CHECK(stats.key(0) == "x");
  CHECK(stats.counts_of(0).df == 2);
  CHECK(stats.counts_of(0).tf == 2);
  REQUIRE(distinct.size() == 2);  // x is in this document's distinct terms too
  CHECK(distinct[0].entry == 0);
  CHECK(distinct[0].count == 1);
  stats.add_document(x);  // and the stamps go on from there
  CHECK(stats.counts_of(0).df == 3);
}

TEST_CASE("tfidf statistics: documents longer than a lookup batch count as term by term") {
  using textkit::term;
  // 1,000 terms: short and long (the memo and the table), repeated within and across the
  // batches of 64 in which add_document looks terms up.
  std::vector<std::string> words;
  std::mt19937 rng(11);
  for (int i = 0; i < 1000; ++i) {
    const auto r = rng() % 300;
    std::string word = r % 2 ? "w" : "a-rather-long-term-";
    words.push_back(word += std::to_string(r));
  }
  std::vector<term> terms;
  for (const auto& w : words) terms.push_back({w, 0, 0, textkit::token_kind::word, 1});
  textkit::term_statistics stats;
  // A spool buffer that already holds another document's terms: the pairs go after them.
  std::vector<textkit::term_statistics::document_term> distinct{{7, 7}};
  stats.add_document(terms, &distinct);
  std::vector<textkit::term_statistics::document_term> second;
  stats.add_document(std::span<const term>(terms).first(100), &second);
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> expected;  // df, tf
  std::vector<std::string> first_seen;  // the document's distinct terms, in order of first occurrence
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (expected[words[i]].second++ == 0) {
      expected[words[i]].first = 1;
      first_seen.push_back(words[i]);
    }
  }
  // Each distinct term once, in order of first occurrence, with its count in the document.
  REQUIRE(distinct.size() == first_seen.size() + 1);
  CHECK(distinct[0].entry == 7);
  CHECK(distinct[0].count == 7);
  for (std::size_t i = 0; i < first_seen.size(); ++i) {
    CHECK(stats.key(distinct[i + 1].entry) == first_seen[i]);
    CHECK(distinct[i + 1].count == expected[first_seen[i]].second);
  }
  std::map<std::string, std::uint32_t> in_second;
  for (std::size_t i = 0; i < 100; ++i) ++in_second[words[i]];
  REQUIRE(second.size() == in_second.size());
  for (const auto& [entry, count] : second) CHECK(count == in_second.at(std::string(stats.key(entry))));
  std::set<std::string> first_hundred(words.begin(), words.begin() + 100);
  for (std::size_t i = 0; i < 100; ++i) expected[words[i]].second++;
  for (const auto& w : first_hundred) expected[w].first++;
  REQUIRE(stats.size() == expected.size());
  for (std::size_t i = 0; i < stats.size(); ++i) {
    const auto& [df, tf] = expected.at(std::string(stats.key(i)));
    CHECK(stats.counts_of(i).df == df);
    CHECK(stats.counts_of(i).tf == tf);
  }
}

TEST_CASE("tfidf weights: the norm is exact, so weights do not depend on the order of the terms") {
  textkit::term_statistics stats;
  using textkit::term;
  std::vector<std::string> words;
  for (int i = 0; i < 13; ++i) words.push_back(std::to_string(i));
  std::vector<term> doc;
  for (const auto& w : words) doc.push_back({w, 0, 0, textkit::token_kind::word, 1});
  stats.add_document(doc);
  const auto model = textkit::tfidf_model::build(stats, {}, {}, false);
  const textkit::tfidf_vectorizer l2(model, {});
  // 13 equal weights w: the norm is sqrt(13 w²) with 13 w² rounded once, where adding the 13
  // squares one by one in doubles drifts (for these w, each normalised weight ends an ulp
  // off; the golden CLI cases of tf-idf showed it).
  for (const double w : {3.1972245773362196, 1.4054651081081644}) {
    std::vector<std::pair<std::uint32_t, double>> weights;
    for (std::uint32_t i = 0; i < 13; ++i) weights.emplace_back(i, w);
    l2.normalise(weights);
    for (const auto& [id, value] : weights) CHECK(value == w / std::sqrt(13.0 * (w * w)));
  }

  // Random weights (some beyond the exact range) in many orders: the same bytes.
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> small(1.0, 30.0);
  for (const bool huge : {false, true}) {
    for (const auto norm : {textkit::tfidf_weighting::norm_kind::l2, textkit::tfidf_weighting::norm_kind::l1}) {
      const textkit::tfidf_vectorizer vectorizer(model, {.norm = norm});
      std::vector<std::pair<std::uint32_t, double>> base;
      for (std::uint32_t i = 0; i < 200; ++i) base.emplace_back(i, small(rng) * (huge && i == 7 ? 0x1p50 : 1.0));
      auto reference = base;
      vectorizer.normalise(reference);
      for (int round = 0; round < 20; ++round) {
        auto shuffled = base;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        vectorizer.normalise(shuffled);
        textkit::tfidf_vectorizer::sort_by_feature(shuffled);
        REQUIRE(shuffled == reference);
      }
      // And it is the norm: the normalised vector has norm 1 (to rounding).
      double total = 0;
      for (const auto& w : reference) total += norm == textkit::tfidf_weighting::norm_kind::l2 ? w.second * w.second : w.second;
      CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
    }
  }
}
