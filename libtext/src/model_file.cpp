#include "textkit/model_file.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>

#include "textkit/error.hpp"
#include "textkit/unicode.hpp"

#ifndef TEXTKIT_VERSION
#define TEXTKIT_VERSION "unknown"
#endif

namespace textkit {
namespace {

constexpr std::string_view kMagic("TEXTKIT\x1a", 8);
constexpr std::string_view kEndMagic("TEXTKEND", 8);

static_assert(std::endian::native == std::endian::little, "model files are little-endian; add byte swapping");

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_text16(std::string& out, std::string_view s) {
  put<std::uint16_t>(out, static_cast<std::uint16_t>(s.size()));
  out += s;
}

// Reads the file front to back; every read is bounds-checked against the bytes present.
class cursor {
 public:
  cursor(std::string_view bytes, std::string_view source) : bytes_(bytes), source_(source) {}

  template <typename T>
  T get(const char* what) {
    need(sizeof(T), what);
    T value;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string_view take(std::uint64_t size, const char* what) {
    need(size, what);
    const std::string_view s = bytes_.substr(pos_, size);
    pos_ += size;
    return s;
  }
  std::size_t position() const { return pos_; }
  [[noreturn]] void fail(const std::string& message) const {
    throw error(error_kind::resource, fmt::format("{}: not a valid textkit model: {}", source_, message));
  }

 private:
  void need(std::uint64_t size, const char* what) const {
    if (size > bytes_.size() - pos_) fail(fmt::format("truncated (in {})", what));
  }
  std::string_view bytes_;
  std::string_view source_;
  std::size_t pos_ = 0;
};

std::size_t element_size(section_type type) {
  switch (type) {
    case section_type::u64:
    case section_type::f64: return 8;
    case section_type::f32: return 4;
    case section_type::strings: return 0;
  }
  return 0;
}

}  // namespace

std::string toolkit_signature() { return fmt::format("textkit {} (Unicode {})", TEXTKIT_VERSION, unicode::unicode_version()); }

std::string version_difference(const model_file& file) {
  const std::string created_by = file.get_or("created_by", "");
  if (created_by.empty() || created_by == toolkit_signature()) return {};
  return fmt::format("written by {}, read by {}", created_by, toolkit_signature());
}

std::vector<std::string> analysis_differences(const model_file& file, std::string_view data_fingerprint) {
  std::vector<std::string> differences;
  if (std::string version = version_difference(file); !version.empty()) differences.push_back(std::move(version));
  const std::string data = file.get_or("analysis.data", "");
  if (!data.empty() && data != data_fingerprint) {
    differences.push_back("made with other embedded data (word lists, lexicons) than this textkit's");
  }
  return differences;
}

model_file::model_file(std::string kind) : kind_(std::move(kind)) { metadata_["created_by"] = toolkit_signature(); }

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) noexcept {
  std::uint64_t h = seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

const std::string& model_file::get(const std::string& key) const {
  const auto it = metadata_.find(key);
  if (it == metadata_.end()) {
    throw error(error_kind::resource, fmt::format("{} model: missing metadata '{}'", kind_, key));
  }
  return it->second;
}

std::string model_file::get_or(const std::string& key, std::string fallback) const {
  const auto it = metadata_.find(key);
  return it == metadata_.end() ? fallback : it->second;
}

void model_file::add_u64(const std::string& name, std::span<const std::uint64_t> values) {
  sections_.push_back({name, section_type::u64, values.size(),
                       std::string(reinterpret_cast<const char*>(values.data()), values.size_bytes())});
}

void model_file::add_f64(const std::string& name, std::span<const double> values) {
  sections_.push_back({name, section_type::f64, values.size(),
                       std::string(reinterpret_cast<const char*>(values.data()), values.size_bytes())});
}

void model_file::add_f32(const std::string& name, std::span<const float> values) {
  sections_.push_back({name, section_type::f32, values.size(),
                       std::string(reinterpret_cast<const char*>(values.data()), values.size_bytes())});
}

void model_file::add_strings(const std::string& name, std::span<const std::string> values) {
  // u32 sizes, then the bytes back to back: any byte may appear in a string.
  std::string payload;
  for (const auto& s : values) put<std::uint32_t>(payload, static_cast<std::uint32_t>(s.size()));
  for (const auto& s : values) payload += s;
  sections_.push_back({name, section_type::strings, values.size(), std::move(payload)});
}

const model_file::section& model_file::find(const std::string& name, section_type type) const {
  for (const auto& s : sections_) {
    if (s.name != name) continue;
    if (s.type != type) throw error(error_kind::resource, fmt::format("{} model: section '{}' has the wrong type", kind_, name));
    return s;
  }
  throw error(error_kind::resource, fmt::format("{} model: missing section '{}'", kind_, name));
}

std::vector<std::uint64_t> model_file::u64(const std::string& name) const {
  const section& s = find(name, section_type::u64);
  std::vector<std::uint64_t> out(s.count);
  std::memcpy(out.data(), s.payload.data(), s.payload.size());
  return out;
}

std::vector<double> model_file::f64(const std::string& name) const {
  const section& s = find(name, section_type::f64);
  std::vector<double> out(s.count);
  std::memcpy(out.data(), s.payload.data(), s.payload.size());
  return out;
}

std::vector<float> model_file::f32(const std::string& name) const {
  const section& s = find(name, section_type::f32);
  std::vector<float> out(s.count);
  std::memcpy(out.data(), s.payload.data(), s.payload.size());
  return out;
}

std::vector<std::string> model_file::strings(const std::string& name) const {
  const section& s = find(name, section_type::strings);
  std::vector<std::string> out;
  out.reserve(s.count);
  std::size_t offset = s.count * 4;
  for (std::uint64_t i = 0; i < s.count; ++i) {
    std::uint32_t size;
    std::memcpy(&size, s.payload.data() + i * 4, 4);
    out.emplace_back(s.payload.substr(offset, size));
    offset += size;
  }
  return out;
}

std::vector<model_file::section_info> model_file::sections() const {
  std::vector<section_info> out;
  for (const auto& s : sections_) out.push_back({s.name, s.type, s.count, s.payload.size()});
  return out;
}

std::string model_file::serialize() const {
  std::string out(kMagic);
  put<std::uint32_t>(out, format_version);
  put_text16(out, kind_);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(metadata_.size()));
  for (const auto& [key, value] : metadata_) {
    put_text16(out, key);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(value.size()));
    out += value;
  }
  put<std::uint32_t>(out, static_cast<std::uint32_t>(sections_.size()));
  for (const auto& s : sections_) {
    put_text16(out, s.name);
    put<std::uint8_t>(out, static_cast<std::uint8_t>(s.type));
    put<std::uint64_t>(out, s.count);
    put<std::uint64_t>(out, s.payload.size());
    out += s.payload;
  }
  put<std::uint64_t>(out, fnv1a64(out));
  out += kEndMagic;
  return out;
}

model_file model_file::parse(std::string_view bytes, std::string_view source, std::string_view expected_kind) {
  cursor in(bytes, source);
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) in.fail("wrong magic number");
  in.take(kMagic.size(), "magic");
  const auto version = in.get<std::uint32_t>("version");
  if (version != format_version) {
    in.fail(fmt::format("format version {} (this textkit reads version {}{})", version, format_version,
                        version > format_version ? "; upgrade textkit" : ""));
  }
  // The checksum covers everything before it: check it before trusting any size.
  if (bytes.size() < kMagic.size() + 4 + 8 + kEndMagic.size()) in.fail("truncated");
  if (bytes.substr(bytes.size() - kEndMagic.size()) != kEndMagic) in.fail("truncated (no end marker)");
  const std::size_t checksum_at = bytes.size() - kEndMagic.size() - 8;
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + checksum_at, 8);
  if (stored != fnv1a64(bytes.substr(0, checksum_at))) in.fail("checksum mismatch (corrupted file)");

  model_file model(std::string(in.take(in.get<std::uint16_t>("kind"), "kind")));
  if (!expected_kind.empty() && model.kind_ != expected_kind) {
    throw error(error_kind::resource,
                fmt::format("{}: this is a '{}' model, expected '{}'", source, model.kind_, expected_kind));
  }
  const auto entries = in.get<std::uint32_t>("metadata");
  for (std::uint32_t i = 0; i < entries; ++i) {
    std::string key(in.take(in.get<std::uint16_t>("metadata key"), "metadata key"));
    std::string value(in.take(in.get<std::uint32_t>("metadata value"), "metadata value"));
    model.metadata_[std::move(key)] = std::move(value);
  }
  const auto count = in.get<std::uint32_t>("sections");
  for (std::uint32_t i = 0; i < count; ++i) {
    section s;
    s.name = std::string(in.take(in.get<std::uint16_t>("section name"), "section name"));
    const auto type = in.get<std::uint8_t>("section type");
    if (type < 1 || type > 4) in.fail(fmt::format("section '{}' has unknown type {}", s.name, type));
    s.type = static_cast<section_type>(type);
    s.count = in.get<std::uint64_t>("section size");
    const auto size = in.get<std::uint64_t>("section size");
    s.payload = std::string(in.take(size, "section data"));
    const std::size_t width = element_size(s.type);
    if (width && s.count * width != size) in.fail(fmt::format("section '{}' has an inconsistent size", s.name));
    if (s.type == section_type::strings) {
      if (s.count > size / 4) in.fail(fmt::format("section '{}' has an inconsistent size", s.name));
      std::uint64_t total = s.count * 4;
      for (std::uint64_t k = 0; k < s.count; ++k) {
        std::uint32_t length;
        std::memcpy(&length, s.payload.data() + k * 4, 4);
        total += length;
      }
      if (total != size) in.fail(fmt::format("section '{}' has an inconsistent size", s.name));
    }
    model.sections_.push_back(std::move(s));
  }
  if (in.position() != checksum_at) in.fail("unexpected bytes after the last section");
  return model;
}

}  // namespace textkit
