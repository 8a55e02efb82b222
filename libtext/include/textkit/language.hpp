#pragma once
/// @file language.hpp
/// Language identification (CLD2).
#include <cstddef>
#include <string>
#include <string_view>

namespace textkit {

/// How many leading bytes of a document detect_language() reads. CLD2 costs about 30 ns a
/// byte plus 10 µs a call; on 3,000 news articles, 256 bytes agree with the articles' own
/// language labels as often as 4 KB do (2,995 vs 2,997), at a fifth of the cost.
inline constexpr std::size_t language_sample_bytes = 256;

/// The ISO 639-1 code of the main language of `text` ("fr", "en", ...), or "und" when
/// CLD2 cannot tell (too short, no letters, invalid UTF-8). Thread-safe.
std::string detect_language(std::string_view text);

}  // namespace textkit
