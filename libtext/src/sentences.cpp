#include "textkit/sentences.hpp"

#include <string>

#include "textkit/unicode.hpp"
#include "textkit/utf8.hpp"

namespace textkit {
namespace {

// (Tokens lie inside the text: no bounds check, which would cost a branch per token.)
std::string_view span(std::string_view text, const token& t) {
  return std::string_view(text.data() + t.start, t.end - t.start);
}

// '.', '!', '?', '…' and runs of them ("...", "?!").
bool is_terminal(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '.' || s[i] == '!' || s[i] == '?') {
      ++i;
    } else if (s.substr(i, 3) == "\xE2\x80\xA6") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// Closing quotes and brackets that stay with the sentence they close.
bool is_closing(std::string_view s) {
  return s == "\xC2\xBB" /* » */ || s == "\xE2\x80\x9D" /* ” */ || s == "\xE2\x80\x99" /* ’ */ || s == "\"" ||
         s == "'" || s == ")" || s == "]" || s == "\xE2\x80\xBA" /* › */;
}

bool starts_lower(std::string_view s) {
  int len = 0;
  const char32_t c = utf8::peek(s, 0, len);
  return unicode::classify(c) == unicode::char_class::letter && !unicode::is_upper(c);
}

bool starts_upper(std::string_view s) {
  int len = 0;
  return unicode::is_upper(utf8::peek(s, 0, len));
}

bool has_blank_line(std::string_view gap) {
  if (gap.size() < 2) return false;  // most gaps are one space: no library call for them
  const std::size_t first = gap.find('\n');
  return first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos;
}

}  // namespace

sentence_splitter::sentence_splitter()
    : abbreviations_(&abbreviation_list::embedded()),
      starters_en_(embedded_stopwords("en")),
      starters_fr_(embedded_stopwords("fr")) {}

void sentence_splitter::split(std::string_view text, std::span<const token> tokens, std::vector<sentence>& out) const {
  const std::size_t n = tokens.size();
  std::size_t first = 0;
  std::string folded;
  auto close = [&](std::size_t end_token) {
    if (end_token > first) {
      out.push_back({tokens[first].start, tokens[end_token - 1].end, static_cast<std::uint32_t>(first),
                     static_cast<std::uint32_t>(end_token)});
    }
    first = end_token;
  };
  auto is_starter = [&](std::string_view word) {
    folded.clear();
    unicode::append_case_folded(folded, word);
    return (starters_en_ && starters_en_->contains(folded)) || (starters_fr_ && starters_fr_->contains(folded));
  };
  for (std::size_t i = 0; i < n; ++i) {
    const token& t = tokens[i];
    if (i + 1 < n && has_blank_line(std::string_view(text.data() + t.end, tokens[i + 1].start - t.end))) {
      close(i + 1);
      continue;
    }
    // Most tokens: a word that does not end with a period, which ends nothing.
    if (t.kind == token_kind::word && text[t.end - 1] != '.') continue;
    const std::string_view here = span(text, t);
    bool ends = false;
    std::size_t last = i;
    if (tokens[i].kind == token_kind::punct && is_terminal(here)) {
      // Take the closing quotes and brackets along: « … fin. » / "… end."
      while (last + 1 < n && tokens[last + 1].kind == token_kind::punct && is_closing(span(text, tokens[last + 1]))) {
        const std::string_view gap = text.substr(tokens[last].end, tokens[last + 1].start - tokens[last].end);
        if (gap.find('\n') != std::string_view::npos) break;
        // A straight quote after a space opens the next sentence: `left. "Why?"`.
        const std::string_view next = span(text, tokens[last + 1]);
        if (!gap.empty() && (next == "\"" || next == "'")) break;
        ++last;
      }
      ends = last + 1 == n || !starts_lower(span(text, tokens[last + 1]));
    } else if (tokens[i].kind == token_kind::word && here.size() > 1 && here.back() == '.') {
      const bool* final = abbreviations_->find(here);
      if (final && *final) {
        ends = i + 1 == n ||
               (starts_upper(span(text, tokens[i + 1])) && is_starter(span(text, tokens[i + 1])));
      }
    }
    if (ends) {
      close(last + 1);
      i = last;
    }
  }
  close(n);
}

}  // namespace textkit
