#pragma once
// Helpers for table-driven tokenizer tests: tokens as strings, or "token/kind" pairs.
#include <doctest/doctest.h>

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/analyzer.hpp"
#include "textkit/tokenizer.hpp"

namespace textkit::test {

/// `text` with control characters, backslashes, quotes and bytes >= 0x80 that are not part of
/// well-formed UTF-8 escaped, so that failures print readably (NUL, "\xff", CR...).
inline std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\\' || b == '"') {
      out += '\\';
      out += static_cast<char>(b);
    } else if (b >= 0x20 && b < 0x7F) {
      out += static_cast<char>(b);
    } else if (b >= 0x80) {
      // Keep well-formed multi-byte sequences as they are.
      const int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
      bool ok = len > 0 && i + static_cast<std::size_t>(len) <= text.size();
      for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      if (ok) {
        out.append(text.substr(i, static_cast<std::size_t>(len)));
        i += static_cast<std::size_t>(len) - 1;
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", b);
        out += buf;
      }
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      out += buf;
    }
  }
  return out;
}

/// Tokenizer options for a test language: "fr" (French text), "en" or "" (not French,
/// nobody to ask), "?fr" / "?en" (language unknown; asked, the detector answers French / not).
/// `asked` counts the detector's calls.
inline std::vector<token> tokenize_as(std::string_view text, std::string_view lang, int* asked = nullptr) {
  static const tokenizer tok;
  std::vector<token> tokens;
  tokenizer_options options;
  options.split_inversions = lang == "fr";
  const bool detected_french = lang == "?fr";
  const std::function<bool()> is_french = [&] {
    if (asked) ++*asked;
    return detected_french;
  };
  if (lang.starts_with("?")) options.is_french = &is_french;
  tok.tokenize(text, tokens, options);
  return tokens;
}

/// Token strings of `text`. `lang`: see tokenize_as().
inline std::vector<std::string> tokens_of(std::string_view text, std::string_view lang = "") {
  std::vector<std::string> out;
  for (const auto& t : tokenize_as(text, lang)) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

/// "token/kind" strings of `text`, e.g. "https://x.org/url".
inline std::vector<std::string> kinds_of(std::string_view text, std::string_view lang = "") {
  std::vector<std::string> out;
  for (const auto& t : tokenize_as(text, lang)) {
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

// Failures print token lists as ["a", "b"] instead of {?}.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) s += ", ";
      s += '"' + textkit::test::printable(v[i]) + '"';
    }
    s += "]";
    return s.c_str();
  }
};
