#pragma once
/// @file language.hpp
/// Language identification (CLD2).
#include <cstddef>
#include <string>
#include <string_view>

namespace textkit {

/// How many leading bytes of a document detect_language() reads: the language of a news
/// article shows in its first paragraphs, and this bounds the cost on long documents.
inline constexpr std::size_t language_sample_bytes = 1024;

/// The ISO 639-1 code of the main language of `text` ("fr", "en", ...), or "und" when
/// CLD2 cannot tell (too short, no letters, invalid UTF-8). Thread-safe.
std::string detect_language(std::string_view text);

}  // namespace textkit
