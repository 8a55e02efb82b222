#include "textkit/word_list.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "textkit/error.hpp"
#include "textkit/model_file.hpp"
#include "textkit/resources.hpp"
#include "textkit/utf8.hpp"

namespace textkit {
namespace {

// Calls `on_entry(columns, line_number)` for each non-comment, non-blank line.
template <typename OnEntry>
void for_each_entry(std::string_view content, std::string_view source, OnEntry on_entry) {
  std::size_t line_number = 0;
  while (!content.empty()) {
    ++line_number;
    const std::size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!utf8::is_valid(line)) {
      throw error(error_kind::resource, fmt::format("{}:{}: invalid UTF-8", source, line_number));
    }
    if (line.empty() || line.front() == '#') continue;
    on_entry(line, line_number);
  }
}

}  // namespace

word_set word_set::parse(std::string_view content, std::string_view source) {
  word_set set;
  for_each_entry(content, source, [&](std::string_view line, std::size_t) {
    const std::string_view word = line.substr(0, line.find('\t'));
    if (!word.empty()) set.insert(std::string(word));
  });
  return set;
}

abbreviation_list abbreviation_list::parse(std::string_view content, std::string_view source) {
  abbreviation_list list;
  for_each_entry(content, source, [&](std::string_view line, std::size_t line_number) {
    const std::size_t tab = line.find('\t');
    const std::string_view abbreviation = line.substr(0, tab);
    const std::string_view role = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
    if (abbreviation.empty() || abbreviation.back() != '.') {
      throw error(error_kind::resource,
                  fmt::format("{}:{}: an abbreviation must end with '.': '{}'", source, line_number, abbreviation));
    }
    if (role != "final" && role != "inner") {
      throw error(error_kind::resource,
                  fmt::format("{}:{}: expected 'ABBREVIATION<TAB>final' or '<TAB>inner'", source, line_number));
    }
    list.add(abbreviation, role == "final");
  });
  return list;
}

const abbreviation_list& abbreviation_list::embedded() {
  static const abbreviation_list list = [] {
    abbreviation_list merged = parse(textkit::embedded("abbreviations/en.txt"), "abbreviations/en.txt");
    merged.merge(parse(textkit::embedded("abbreviations/fr.txt"), "abbreviations/fr.txt"));
    return merged;
  }();
  return list;
}

void abbreviation_list::add(std::string_view text, bool may_end_sentence) {
  const std::uint32_t id = entries_.intern(text);
  if (id == may_end_.size()) may_end_.push_back(0);
  // An entry that may end a sentence in either language keeps that reading.
  may_end_[id] = static_cast<char>(may_end_[id] || may_end_sentence);
  max_length_ = std::max(max_length_, text.size());
}

void abbreviation_list::merge(const abbreviation_list& other) {
  for (std::uint32_t id = 0; id < other.entries_.size(); ++id) add(other.entries_.term(id), other.may_end_[id]);
}

const bool* abbreviation_list::find(std::string_view text) const {
  static constexpr bool answers[2] = {false, true};
  const std::uint32_t id = entries_.find(text);
  return id == term_index::npos ? nullptr : &answers[may_end_[id] != 0];
}

const word_set* embedded_stopwords(std::string_view lang) {
  static const word_set en = word_set::parse(embedded("stopwords/en.txt"), "stopwords/en.txt");
  static const word_set fr = word_set::parse(embedded("stopwords/fr.txt"), "stopwords/fr.txt");
  if (lang == "en") return &en;
  if (lang == "fr") return &fr;
  return nullptr;
}

std::string_view embedded(std::string_view name) {
  for (const auto& resource : embedded_resources()) {
    if (resource.name == name) return resource.data;
  }
  throw error(error_kind::resource, fmt::format("no embedded resource '{}'", name));
}

std::string embedded_fingerprint(std::initializer_list<std::string_view> prefixes) {
  std::uint64_t h = fnv1a64({});
  for (const auto& resource : embedded_resources()) {
    if (std::none_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return resource.name.starts_with(p); })) {
      continue;
    }
    h = fnv1a64(resource.name, h);
    h = fnv1a64(std::string_view("\0", 1), h);
    h = fnv1a64(resource.data, h);
  }
  return fmt::format("{:016x}", h);
}

}  // namespace textkit
