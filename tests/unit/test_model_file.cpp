// Model file format: round trip, and every damaged variant is refused with an error (never a
// crash or a silently different model).
#include <doctest/doctest.h>

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
