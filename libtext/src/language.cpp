#include "textkit/language.hpp"

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
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  return CLD2::LanguageCode(lang);
}

}  // namespace textkit
