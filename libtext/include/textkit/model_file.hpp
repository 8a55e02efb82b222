#pragma once
/// @file model_file.hpp
/// The one model file format of textkit, for every model kind (tf-idf statistics, sentiment
/// and stance models): self-describing, versioned, checksummed.
///
/// Layout, all integers little-endian:
///
///     magic        8 bytes   "TEXTKIT" 0x1A
///     version      u32       format version (model_file::format_version)
///     kind         u16 size, bytes      e.g. "tfidf", "tfidf-partial"
///     metadata     u32 count, then per entry: u16 key size, key, u32 value size, value
///                  (UTF-8 text, keys sorted: options, counts, and "created_by", the
///                  toolkit_signature() of the textkit that wrote it)
///     sections     u32 count, then per section: u16 name size, name, u8 type,
///                  u64 element count, u64 byte size, payload
///     checksum     u64       FNV-1a 64 of every byte before it
///     end magic    8 bytes   "TEXTKEND"
///
/// Parsing checks every size against the bytes present, the magic numbers, the version and
/// the checksum, so a truncated, corrupted or foreign file gets a clear error, never a crash.
/// The bytes depend only on the content (no timestamps), so equal models are equal files.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace textkit {

/// The element type of a section.
enum class section_type : std::uint8_t { u64 = 1, f64 = 2, strings = 3, f32 = 4 };

/// A model in memory: its kind, metadata and named arrays.
class model_file {
 public:
  static constexpr std::uint32_t format_version = 1;

  model_file() = default;
  /// A model to write: records "created_by" (toolkit_signature()).
  explicit model_file(std::string kind);

  const std::string& kind() const noexcept { return kind_; }

  /// Metadata: short text values, printed by `textkit model info`.
  void set(const std::string& key, std::string value) { metadata_[key] = std::move(value); }
  /// The value of `key`; throws textkit::error (resource) naming `key` when absent.
  const std::string& get(const std::string& key) const;
  /// The value of `key`, or `fallback` when absent.
  std::string get_or(const std::string& key, std::string fallback) const;
  const std::map<std::string, std::string>& metadata() const noexcept { return metadata_; }

  void add_u64(const std::string& name, std::span<const std::uint64_t> values);
  void add_f64(const std::string& name, std::span<const double> values);
  void add_f32(const std::string& name, std::span<const float> values);
  void add_strings(const std::string& name, std::span<const std::string> values);

  /// Section contents; each throws textkit::error (resource) when the section is missing or
  /// has another type.
  std::vector<std::uint64_t> u64(const std::string& name) const;
  std::vector<double> f64(const std::string& name) const;
  std::vector<float> f32(const std::string& name) const;
  std::vector<std::string> strings(const std::string& name) const;

  /// Names, types and element counts of the sections, in file order.
  struct section_info {
    std::string name;
    section_type type;
    std::uint64_t count;
    std::uint64_t bytes;
  };
  std::vector<section_info> sections() const;

  /// The file bytes.
  std::string serialize() const;
  /// Parses file bytes. `source` names the file in error messages. `expected_kind`, when not
  /// empty, must match the file's kind.
  static model_file parse(std::string_view bytes, std::string_view source, std::string_view expected_kind = {});

 private:
  struct section {
    std::string name;
    section_type type;
    std::uint64_t count;
    std::string payload;
  };
  const section& find(const std::string& name, section_type type) const;

  std::string kind_;
  std::map<std::string, std::string> metadata_;
  std::vector<section> sections_;
};

/// What this textkit writes in a model's "created_by": "textkit 0.1.0 (Unicode 15.0)" (also
/// `textkit --version`). A model written by another version may analyse text differently
/// (tokenizer rules, Unicode data): its readers can say so.
std::string toolkit_signature();

/// "written by textkit 0.1.0 (Unicode 15.0), read by textkit 0.2.0 (Unicode 15.1)" when
/// another textkit wrote `file`, else "" (also for models that predate "created_by").
std::string version_difference(const model_file& file);

/// What may make this textkit analyse text differently from the one that wrote `file`, one
/// sentence each: version_difference(), and other embedded data when the file's
/// "analysis.data" is not `data_fingerprint` (what this textkit records for that analysis: see
/// embedded_fingerprint()). Empty when nothing is known to differ (models of earlier versions
/// lack both records).
std::vector<std::string> analysis_differences(const model_file& file, std::string_view data_fingerprint);

/// FNV-1a 64-bit hash (the model checksum; also used for stable feature hashing).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL) noexcept;

}  // namespace textkit
