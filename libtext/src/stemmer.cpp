#include "textkit/stemmer.hpp"

#include <libstemmer.h>

#include "textkit/error.hpp"

namespace textkit {

struct stemmer::impl {
  sb_stemmer* handle = nullptr;
  ~impl() {
    if (handle) sb_stemmer_delete(handle);
  }
};

stemmer::stemmer(std::string_view lang) : impl_(std::make_unique<impl>()) {
  impl_->handle = sb_stemmer_new(std::string(lang).c_str(), "UTF_8");
  if (!impl_->handle) throw error(error_kind::usage, "no Snowball stemmer for language '" + std::string(lang) + "'");
}

stemmer::~stemmer() = default;
stemmer::stemmer(stemmer&&) noexcept = default;
stemmer& stemmer::operator=(stemmer&&) noexcept = default;

std::string_view stemmer::stem(std::string_view word) {
  const sb_symbol* out =
      sb_stemmer_stem(impl_->handle, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return word;  // out of memory inside libstemmer: keep the word rather than fail
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(impl_->handle))};
}

bool stemmer::supports(std::string_view lang) {
  sb_stemmer* probe = sb_stemmer_new(std::string(lang).c_str(), "UTF_8");
  if (!probe) return false;
  sb_stemmer_delete(probe);
  return true;
}

}  // namespace textkit
