#pragma once
// Helpers for table-driven tokenizer tests: tokens as strings, or "token/kind" pairs.
#include <string>
#include <string_view>
#include <vector>

#include "textkit/analyzer.hpp"
#include "textkit/tokenizer.hpp"

namespace textkit::test {

/// Token strings of `text`. `lang`: "fr" (French inversions), "en", or "" (unknown).
inline std::vector<std::string> tokens_of(std::string_view text, std::string_view lang = "") {
  static const tokenizer tok;
  std::vector<token> tokens;
  tokenizer_options options;
  options.split_inversions = lang == "fr";
  tok.tokenize(text, tokens, options);
  std::vector<std::string> out;
  for (const auto& t : tokens) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

/// "token/kind" strings of `text`, e.g. "https://x.org/url".
inline std::vector<std::string> kinds_of(std::string_view text, std::string_view lang = "") {
  static const tokenizer tok;
  std::vector<token> tokens;
  tokenizer_options options;
  options.split_inversions = lang == "fr";
  tok.tokenize(text, tokens, options);
  std::vector<std::string> out;
  for (const auto& t : tokens) {
    out.push_back(std::string(text.substr(t.start, t.end - t.start)) + "/" + std::string(to_string(t.kind)));
  }
  return out;
}

/// Terms after the analysis pipeline with `options`.
inline std::vector<std::string> terms_of(std::string_view text, analyzer_options options) {
  analyzer a(std::move(options));
  analysis result;
  a.analyze(text, result);
  std::vector<std::string> out;
  for (const auto& t : result.terms) out.emplace_back(t.text);
  return out;
}

}  // namespace textkit::test
