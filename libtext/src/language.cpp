#include "textkit/language.hpp"

#include <algorithm>
#include <cctype>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace CLD2 {
const char* LanguageCode(Language lang);  // declared in cld2/internal/lang_script.h
}

namespace textkit {

std::string detect_language(std::string_view text) {
  std::size_t size = std::min(text.size(), language_sample_bytes);
  while (size < text.size() && size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(size), true, &reliable, &valid_prefix);
  // CLD2 answers English when it saw no letters at all: that is no evidence of anything.
  const bool has_letters = std::any_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(size),
                                       [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c)); });
  if (!has_letters || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  return CLD2::LanguageCode(lang);
}

}  // namespace textkit
