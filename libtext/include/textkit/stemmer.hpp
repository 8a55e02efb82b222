#pragma once
/// @file stemmer.hpp
/// Snowball stemming (libstemmer), one instance per language and per thread.
#include <memory>
#include <string>
#include <string_view>

namespace textkit {

/// A Snowball stemmer for one language. Not thread-safe: give each worker its own.
class stemmer {
 public:
  /// `lang` is an ISO 639-1 code ("fr", "en", "de"...) or a Snowball name ("french").
  /// Throws textkit::error (usage) for a language Snowball does not know.
  explicit stemmer(std::string_view lang);
  ~stemmer();
  stemmer(stemmer&&) noexcept;
  stemmer& operator=(stemmer&&) noexcept;

  /// The stem of `word`, which should already be lower-case (case-folded).
  std::string_view stem(std::string_view word);

  /// True when Snowball has a stemmer for `lang`.
  static bool supports(std::string_view lang);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace textkit
