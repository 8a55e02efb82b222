#include "textkit/sentiment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "textkit/error.hpp"
#include "textkit/language.hpp"
#include "textkit/resources.hpp"
#include "textkit/unicode.hpp"
#include "textkit/utf8.hpp"

namespace textkit {
namespace {

// The constants of the rules, VADER's where it has one (Hutto & Gilbert 2014).
constexpr float kNegation = -0.74f;           // a negated valence is flipped and damped
constexpr float kNeverSo = 1.25f;             // "never so good": intensified, not negated
constexpr float kCapitals = 0.733f;           // ALL-CAPS emphasis, in the direction of the valence
constexpr float kBeforeContrast = 0.5f;       // "X but Y": X counts half ...
constexpr float kAfterContrast = 1.5f;        // ... and Y one and a half
constexpr float kConcession = 0.5f;           // "although X, Y": X counts half ...
constexpr float kMainClause = 1.5f;           // ... and Y one and a half
constexpr float kExclamation = 0.292f;        // per '!', up to four
constexpr float kQuestion = 0.18f;            // per '?' beyond one, up to 0.96
constexpr double kNormalisation = 15.0;       // compound = s / sqrt(s^2 + 15)
constexpr float kBoosterDecay[3] = {1.0f, 0.95f, 0.9f};  // by distance to the word boosted

struct line_reader {
  std::string_view content;
  std::string_view source;
  std::size_t number = 0;

  // The next non-comment, non-blank line, or false at the end.
  bool next(std::string_view& line) {
    while (!content.empty()) {
      ++number;
      const std::size_t eol = content.find('\n');
      line = content.substr(0, eol);
      content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
      if (!utf8::is_valid(line)) fail("invalid UTF-8");
      if (line.empty() || line.front() == '#') continue;
      return true;
    }
    return false;
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw error(error_kind::resource, fmt::format("{}:{}: {}", source, number, message));
  }
  // Splits "term<TAB>number[<TAB>...]" and checks the number is a valence in [-4, 4].
  std::pair<std::string_view, float> term_and_value(std::string_view line, float low = -4, float high = 4) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) fail("expected TERM<TAB>VALUE");
    std::string_view number = line.substr(tab + 1);
    number = number.substr(0, number.find('\t'));
    float value = 0;
    const auto result = std::from_chars(number.data(), number.data() + number.size(), value);
    if (result.ec != std::errc() || result.ptr != number.data() + number.size()) {
      fail(fmt::format("'{}' is not a number", number));
    }
    if (value < low || value > high) fail(fmt::format("{} is outside [{}, {}]", value, low, high));
    return {line.substr(0, tab), value};
  }
};

std::string fold(std::string_view text) {
  std::string out;
  unicode::append_case_folded(out, text);
  return out;
}

void put(term_index& index, std::vector<float>& values, std::string_view key, float value) {
  const std::uint32_t id = index.intern(key);
  if (id == values.size()) values.push_back(value);
  values[id] = value;
}

float get(const term_index& index, const std::vector<float>& values, std::string_view key) {
  const std::uint32_t id = index.find(key);
  return id == term_index::npos ? 0.0f : values[id];
}

bool has_lower_case_letter(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x80) {  // ASCII without ICU
      if (byte >= 'a' && byte <= 'z') return true;
      ++p;
      continue;
    }
    const char32_t c = utf8::decode(p, end);
    if (unicode::classify(c) == unicode::char_class::letter && !unicode::is_upper(c)) return true;
  }
  return false;
}

bool has_letter(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x80) {
      if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') return true;
      ++p;
      continue;
    }
    if (unicode::classify(utf8::decode(p, end)) == unicode::char_class::letter) return true;
  }
  return false;
}

}  // namespace

// ---- resources -----------------------------------------------------------------------------

void sentiment_resources::load_lexicon(std::string_view content, std::string_view source, lexicon_format format,
                                       bool replace) {
  if (replace) {
    for (auto& info : info_) info.valence = 0;
    std::erase_if(phrases_, [](const phrase& p) { return !p.booster && !p.contrast && !p.concession; });
    index_phrases();
  }
  line_reader in{content, source};
  std::string_view line;
  while (in.next(line)) {
    const auto [term, value] = in.term_and_value(line);
    if (format == lexicon_format::vader && std::count(line.begin(), line.end(), '\t') < 2) {
      in.fail("expected VADER's TERM<TAB>MEAN<TAB>SD<TAB>RATINGS");
    }
    const std::string folded = fold(term);
    if (folded.find(' ') != std::string::npos) {
      add_phrase(folded, value, false);
    } else {
      entry(folded).valence = value;
    }
  }
  finish_phrases();
}

sentiment_resources::word_info& sentiment_resources::entry(std::string_view word) {
  const std::uint32_t id = words_.intern(word);
  if (id == info_.size()) info_.emplace_back();
  return info_[id];
}

void sentiment_resources::add_phrase(std::string_view text, float value, bool booster, bool contrast,
                                     bool concession) {
  phrase p{{}, value, booster, contrast, concession};
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t space = text.find(' ', start);
    const std::string_view word = text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
    if (!word.empty()) p.words.emplace_back(word);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  if (p.words.size() < 2) return;
  phrases_.push_back(std::move(p));
}

void sentiment_resources::finish_phrases() {
  // A phrase given again (an idiom of --lexicon-add over an embedded one) replaces the
  // earlier one: keep the last occurrence of each (words, kind).
  std::unordered_set<std::string> seen;
  std::vector<phrase> kept;
  kept.reserve(phrases_.size());
  for (auto it = phrases_.rbegin(); it != phrases_.rend(); ++it) {
    std::string key{it->booster ? 'b' : it->contrast ? 'c' : it->concession ? 'k' : 'v'};
    for (const auto& w : it->words) (key += ' ') += w;
    if (seen.insert(std::move(key)).second) kept.push_back(std::move(*it));
  }
  std::reverse(kept.begin(), kept.end());
  phrases_ = std::move(kept);
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const phrase& a, const phrase& b) { return a.words.size() > b.words.size(); });
  index_phrases();
}

void sentiment_resources::index_phrases() {
  for (auto& info : info_) info.phrase_group = term_index::npos;
  phrase_groups_.clear();
  phrase_second_words_.clear();
  for (std::uint32_t k = 0; k < phrases_.size(); ++k) {
    word_info& head = entry(phrases_[k].words[0]);
    if (head.phrase_group == term_index::npos) {
      head.phrase_group = static_cast<std::uint32_t>(phrase_groups_.size());
      phrase_groups_.emplace_back();
      phrase_second_words_.push_back(0);
    }
    phrase_groups_[head.phrase_group].push_back(k);  // phrases_ is longest first, and so is each group
    phrase_second_words_[head.phrase_group] |= std::uint64_t{1} << second_word_bit(phrases_[k].words[1]);
  }
}

sentiment_resources sentiment_resources::embedded(std::string_view lang) {
  sentiment_resources r;
  const std::string language = lang == "fr" ? "fr" : "en";
  auto each_line = [](std::string_view name, auto on_line) {
    line_reader in{textkit::embedded(name), name};
    std::string_view line;
    while (in.next(line)) on_line(in, line);
  };
  const std::vector<const char*> parts[2] = {
      {"lexicons/en/words-a-l.tsv", "lexicons/en/words-m-z.tsv", "lexicons/en/informal.tsv"},
      {"lexicons/fr/mots-a-l.tsv", "lexicons/fr/mots-m-z.tsv"}};
  for (const char* name : parts[language == "fr"]) r.load_lexicon(textkit::embedded(name), name, lexicon_format::tsv, false);
  each_line("sentiment/" + language + "/boosters.tsv", [&](line_reader& in, std::string_view line) {
    const auto [term, value] = in.term_and_value(line, -2, 2);
    const std::string folded = fold(term);
    if (folded.find(' ') != std::string::npos) {
      r.add_phrase(folded, value, true);
    } else {
      r.entry(folded).booster = value;
    }
  });
  each_line("sentiment/" + language + "/negators.txt",
            [&](line_reader&, std::string_view line) { r.entry(fold(line)).negator = true; });
  each_line("sentiment/" + language + "/never-so.tsv", [&](line_reader& in, std::string_view line) {
    const std::size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size() ||
        line.find('\t', tab + 1) != std::string_view::npos) {
      in.fail("expected NEGATOR<TAB>DEGREE WORD");
    }
    r.entry(fold(line.substr(0, tab))).never = true;
    r.entry(fold(line.substr(tab + 1))).degree = true;
  });
  each_line("sentiment/" + language + "/laughter.txt",
            [&](line_reader&, std::string_view line) { r.entry(fold(line)).laughter = true; });
  each_line("sentiment/" + language + "/contrast.txt", [&](line_reader&, std::string_view line) {
    const std::string folded = fold(line);
    if (folded.find(' ') != std::string::npos) {
      r.add_phrase(folded, 0, false, true);
    } else {
      r.entry(folded).contrast = true;
    }
  });
  each_line("sentiment/" + language + "/concession.txt", [&](line_reader&, std::string_view line) {
    const std::string folded = fold(line);
    if (folded.find(' ') != std::string::npos) {
      r.add_phrase(folded, 0, false, false, true);
    } else {
      r.entry(folded).concession = true;
    }
  });
  each_line("sentiment/" + language + "/idioms.tsv", [&](line_reader& in, std::string_view line) {
    const auto [term, value] = in.term_and_value(line);
    r.add_phrase(fold(term), value, false);
  });
  for (const char* name : {"sentiment/emoticons.tsv", "sentiment/emoji.tsv"}) {
    each_line(name, [&](line_reader& in, std::string_view line) {
      const auto [term, value] = in.term_and_value(line);
      put(r.symbols_, r.symbol_values_, term, value);
      r.emoticon_starts_[static_cast<unsigned char>(term[0])] = true;
    });
  }
  r.finish_phrases();
  return r;
}

void sentiment_resources::merge_lexicon(const sentiment_resources& other) {
  for (std::uint32_t id = 0; id < other.words_.size(); ++id) {
    if (other.info_[id].valence != 0) entry(other.words_.term(id)).valence = other.info_[id].valence;
  }
  for (const phrase& p : other.phrases_) {
    std::string text;
    for (const auto& w : p.words) text += (text.empty() ? "" : " ") + w;
    add_phrase(text, p.value, p.booster, p.contrast, p.concession);
  }
  finish_phrases();
}

float sentiment_resources::valence(std::string_view word) const {
  const word_info* info = lookup(word);
  return info ? info->valence : 0.0f;
}
float sentiment_resources::booster(std::string_view word) const {
  const word_info* info = lookup(word);
  return info ? info->booster : 0.0f;
}
bool sentiment_resources::is_negator(std::string_view word) const {
  const word_info* info = lookup(word);
  return info && info->negator;
}
bool sentiment_resources::is_contrast(std::string_view word) const {
  const word_info* info = lookup(word);
  return info && info->contrast;
}
std::size_t sentiment_resources::lexicon_size() const {
  return static_cast<std::size_t>(std::count_if(info_.begin(), info_.end(), [](const word_info& i) { return i.valence != 0; }));
}
float sentiment_resources::symbol_valence(std::string_view text) const { return get(symbols_, symbol_values_, text); }

sentiment_resources::phrase_match sentiment_resources::phrase_at(std::span<const std::string_view> words) const {
  if (words.empty()) return {};
  const word_info* head = lookup(words[0]);
  if (!head || head->phrase_group == term_index::npos) return {};
  return phrase_in_group(head->phrase_group, words);
}

sentiment_resources::phrase_match sentiment_resources::phrase_in_group(std::uint32_t group,
                                                                       std::span<const std::string_view> words) const {
  for (const std::uint32_t k : phrase_groups_[group]) {
    const phrase& p = phrases_[k];
    if (p.words.size() > words.size()) continue;
    bool same = true;
    for (std::size_t k = 1; k < p.words.size() && same; ++k) same = p.words[k] == words[k];
    if (same) return {p.words.size(), p.value, p.booster, p.contrast, p.concession};
  }
  return {};
}

// ---- scoring -------------------------------------------------------------------------------

std::string_view sentiment_label(double compound) noexcept {
  return compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";
}

namespace {

analyzer_options sentiment_analysis(const std::string& lang) {
  analyzer_options o;
  // The lexicon depends on the language. "auto": decided after tokenization (see analyze()),
  // so the analyzer runs CLD2 only if the tokenizer needs it for a French inversion.
  o.lang = lang == "auto" || lang.empty() ? "" : lang;
  o.lower = true;
  o.sentences = true;
  return o;
}

}  // namespace

sentiment_analyzer::sentiment_analyzer(std::string lang, const sentiment_resources* custom,
                                       const sentiment_resources* extra)
    : lang_(std::move(lang)), custom_(custom), extra_(extra), analyzer_(sentiment_analysis(lang_)) {}

const sentiment_resources& sentiment_analyzer::resources_for(const std::string& lang) {
  if (custom_) return *custom_;
  const std::string key = lang == "fr" ? "fr" : "en";
  for (const auto& [name, res] : embedded_) {
    if (name == key) return res;
  }
  memos_.clear();  // the resources they point to may move
  embedded_.emplace_back(key, sentiment_resources::embedded(key));
  if (extra_) embedded_.back().second.merge_lexicon(*extra_);
  return embedded_.back().second;
}

const sentiment_resources::word_info* sentiment_analyzer::lookup(const sentiment_resources& res,
                                                                 std::string_view word) {
  return memo_->words.get(word, [&res](std::string_view w) { return res.lookup(w); });
}

sentiment_scores sentiment_analyzer::score_span(std::string_view text, std::span<const token> tokens,
                                                std::size_t first_token, const sentiment_resources& res,
                                                std::vector<sentiment_evidence>& evidence) {
  const std::size_t n = tokens.size();
  // Per-token scratch, one struct per token, reused across sentences (no allocation once warm).
  auto& at = scratch_;
  if (at.size() < n) at.resize(n);  // pass 1 writes every state of the sentence
  // The tokens the rules can act on (emoji, emoticon starts, words the resources know), in
  // order: passes 2 and 3 visit only these. Every other token is a neutral word or plain
  // punctuation, and only pass 1 and modify()'s look back read it.
  auto& active = active_tokens_;
  active.clear();
  std::size_t contrast_at = n;    // the last contrast word or phrase (n: none)
  std::size_t concession_at = n;  // the first concessive word or phrase ("although", "malgré")
  auto word = [&](std::size_t i) { return analysis_.terms[first_token + i].text; };
  auto raw = [&](std::size_t i) { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); };
  auto is_negator = [&](std::size_t i) { return at[i].info && at[i].info->negator; };
  // The character of a one-byte punctuation token, else 0.
  auto punct_char = [&](std::size_t i) -> char {
    return tokens[i].kind == token_kind::punct && tokens[i].end - tokens[i].start == 1 ? text[tokens[i].start] : 0;
  };
  // ',' ';' ':' end the reach of a negator and the clause of a concessive.
  auto is_clause_break = [&](std::size_t i) {
    const char c = punct_char(i);
    return c == ',' || c == ';' || c == ':';
  };
  // Emoticons come out of the tokenizer in pieces (":" ")", "8" "-" ")") or as short words
  // ("xD"): pass 2 tries the tokens that start with a byte some emoticon starts with.
  auto may_start_emoticon = [&](std::size_t i) {
    return res.may_start_emoticon(text[tokens[i].start]) &&
           (tokens[i].kind != token_kind::word || tokens[i].end - tokens[i].start <= 3);
  };

  // Pass 1: what the resources know of each word, and whether the sentence mixes capitals and
  // lower case (only then do ALL-CAPS words get emphasis).
  // It also counts what pass 3 needs of every token: words, '!' and '?'.
  bool any_caps = false, any_lower = false;
  std::size_t words = 0;
  int exclamations = 0, questions = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const token& t = tokens[i];
    at[i] = token_state{};
    at[i].span_end = t.end;
    const bool may_be_symbol = t.kind == token_kind::emoji || may_start_emoticon(i);
    if (t.kind != token_kind::word) {
      if (t.kind == token_kind::punct) {
        const std::string_view r = raw(i);
        exclamations += static_cast<int>(std::count(r.begin(), r.end(), '!'));
        questions += static_cast<int>(std::count(r.begin(), r.end(), '?'));
      } else if (t.kind == token_kind::hashtag) {
        // A hashtag says what its word says: "#fail", "#bonheur" (a valence only; a "#not" or
        // "#but" is no rule word).
        const sentiment_resources::word_info* info = lookup(res, word(i).substr(1));
        if (info && info->valence != 0) at[i].info = info;
      }
      if (may_be_symbol || at[i].info) active.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    ++words;
    at[i].info = lookup(res, word(i));
    if (may_be_symbol || at[i].info) active.push_back(static_cast<std::uint32_t>(i));
    const char first = text[t.start];
    if (first >= 'a' && first <= 'z') {  // most words: a lower-case letter, seen at once
      any_lower = true;
      continue;
    }
    const std::string_view r = raw(i);
    if (!has_letter(r)) continue;
    (has_lower_case_letter(r) ? any_lower : any_caps) = true;
  }
  const bool caps_emphasis = any_caps && any_lower;

  // Boosters, negation and capitals, looking back over the three previous words: applied to a
  // value as soon as it is set, since it reads only what pass 2 already settled before it.
  auto modify = [&](std::size_t i) {
    token_state& here = at[i];
    float v = here.value;
    if (v == 0) return;
    if (caps_emphasis && tokens[i].kind == token_kind::word && has_letter(raw(i)) && !has_lower_case_letter(raw(i))) {
      v += v > 0 ? kCapitals : -kCapitals;
      here.rules |= rule_capitals;
    }
    bool negated = false;
    bool never_so = false;        // "never ... so" before the word (never-so.tsv)
    bool degree_after = false;    // a degree word between here and the words looked at
    bool clause_break = false;    // a ',' ';' ':' or unclosed '(' between: negation does not reach across
    int closed = 0;               // ')' seen looking back, not yet matched by their '('
    std::size_t seen = 0;
    // An idiom that starts with a negator ("pas mal", "not bad") already is the negated form.
    const bool idiom = here.rules & rule_idiom;
    const bool negation_inside = idiom && is_negator(i);
    for (std::size_t j = i; j > 0 && seen < 3;) {
      --j;
      if (tokens[j].kind != token_kind::word) {
        // "No, it is good", "je n'aime pas ça, c'est génial": the negator belongs to another
        // clause. (Boosters still reach: "very, very good".) Nor does it reach into a
        // parenthesis opened after it, "ne se chasse pas (espèce protégée)", only across one
        // closed before the word, "pas (du tout) bon".
        const char p = punct_char(j);
        if (p == ')') {
          ++closed;
        } else if (p == '(' && closed > 0) {
          --closed;
        } else if (p == '(') {
          clause_break = true;  // the word is inside this parenthesis
        }
        clause_break = clause_break || is_clause_break(j);
        continue;
      }
      if (at[j].inside_phrase && !idiom) {
        ++seen;
        continue;
      }
      if (at[j].boost != 0) {
        const float scalar = at[j].boost * kBoosterDecay[seen];
        v += v > 0 ? scalar : -scalar;
        here.rules |= at[j].boost > 0 ? rule_boosted : rule_dampened;
      }
      if (is_negator(j) && !clause_break) (degree_after && at[j].info->never ? never_so : negated) = true;
      if (at[j].info && at[j].info->degree) degree_after = true;
      ++seen;
    }
    if (negated && !negation_inside) {
      v *= kNegation;
      here.rules |= rule_negated;
    } else if (never_so) {
      v *= kNeverSo;
      here.rules |= rule_boosted;
    }
    here.value = v;
  };

  // Pass 2: the value of each word, emoji, emoticon and idiom. An emoticon or idiom takes the
  // tokens it spans: pass 2 resumes after it (`next`).
  std::size_t next = 0;
  for (const std::uint32_t active_at : active) {
    if (active_at < next) continue;
    const std::size_t i = active_at;
    const token& t = tokens[i];
    if (t.kind == token_kind::emoji) {
      // Skin tones (U+1F3FB..U+1F3FF, 4 bytes F0 9F 8F BB..BF) do not change the valence.
      std::string plain(raw(i));
      for (std::size_t tone; (tone = plain.find("\xF0\x9F\x8F")) != std::string::npos;) {
        if (tone + 3 < plain.size() && static_cast<unsigned char>(plain[tone + 3]) >= 0xBB) {
          plain.erase(tone, 4);
        } else {
          break;
        }
      }
      // An emoji is the writer's own mark: no negation, booster or capitals before it change
      // it ("not good :(" is doubly negative, where VADER's rules would flip the ":(").
      at[i].base = at[i].value = res.symbol_valence(plain);
      next = i + 1;
      continue;
    }
    if (may_start_emoticon(i)) {  // try the adjacent tokens
      std::size_t adjacent = 1;
      while (adjacent < 4 && i + adjacent < n && tokens[i + adjacent].start == tokens[i + adjacent - 1].end) ++adjacent;
      std::size_t matched = 0;
      for (std::size_t len = adjacent; len >= 1 && !matched; --len) {
        const std::string_view candidate = text.substr(t.start, tokens[i + len - 1].end - t.start);
        if (len == 1 && t.kind == token_kind::word && at[i].info && at[i].info->valence != 0) continue;  // a word first
        if (const float v = res.symbol_valence(candidate); v != 0) {
          at[i].base = at[i].value = v;
          at[i].span_end = tokens[i + len - 1].end;
          matched = len;
        }
      }
      if (matched) {  // as an emoji: not modified
        next = i + matched;
        continue;
      }
    }
    next = i + 1;
    if (t.kind == token_kind::punct || t.kind == token_kind::symbol) continue;
    const sentiment_resources::word_info* info = at[i].info;
    sentiment_resources::phrase_match match;
    if (info && info->phrase_group != term_index::npos && i + 1 < n &&
        res.phrase_may_continue(info->phrase_group, word(i + 1))) {
      std::string_view ahead[6];
      std::size_t count = 0;
      for (std::size_t k = i; k < n && count < 6; ++k) ahead[count++] = word(k);
      match = res.phrase_in_group(info->phrase_group, std::span<const std::string_view>(ahead, count));
    }
    if (match.words > 0) {
      for (std::size_t k = i; k < i + match.words; ++k) at[k].inside_phrase = 1;
      if (match.contrast) {
        contrast_at = i + match.words - 1;
      } else if (match.concession) {
        concession_at = std::min(concession_at, i);
      } else if (match.booster) {
        at[i + match.words - 1].boost = match.value;
      } else {
        at[i].base = at[i].value = match.value;
        at[i].rules |= rule_idiom;
        at[i].span_end = tokens[i + match.words - 1].end;
        modify(i);
      }
      next = i + match.words;
      continue;
    }
    if (info) {
      if (info->contrast) contrast_at = i;
      if (info->concession) concession_at = std::min(concession_at, i);
      if (info->booster != 0) {
        at[i].boost = info->booster;
      } else if (!info->negator) {
        at[i].base = at[i].value = info->valence;
        if (!info->laughter) modify(i);  // laughter, as an emoticon, is not modified
      }
    }
  }

  // Pass 3: "X but Y" (the last contrast word shifts the weight to what follows it), or else
  // "although X, Y" / "Y although X" (the concessive clause, up to the next comma, semicolon or
  // colon, weighs half and the rest of the sentence more), then the totals and the evidence.
  std::size_t concession_end = n;
  if (contrast_at < n) concession_at = n;  // "but" decides
  for (std::size_t k = concession_at + 1; k < n; ++k) {
    if (is_clause_break(k)) {
      concession_end = k;
      break;
    }
  }
  sentiment_scores s;
  double positive = 0, negative = 0;
  std::size_t neutral = words;  // less the words that carry a value
  for (const std::uint32_t i : active) {  // only they can carry a value
    token_state& here = at[i];
    if (here.value == 0) continue;
    if (contrast_at < n && i != contrast_at) {
      here.value *= i < contrast_at ? kBeforeContrast : kAfterContrast;
      here.rules |= i < contrast_at ? rule_before_contrast : rule_after_contrast;
    } else if (concession_at < n && i != concession_at) {
      const bool conceded = i > concession_at && i < concession_end;
      here.value *= conceded ? kConcession : kMainClause;
      here.rules |= conceded ? rule_concession : rule_main_clause;
    }
    s.sum += here.value;
    (here.value > 0 ? positive : negative) += here.value + (here.value > 0 ? 1.0 : -1.0);
    evidence.push_back({tokens[i].start, here.span_end, here.base, here.value, here.rules});
    if (tokens[i].kind == token_kind::word) --neutral;
  }
  float emphasis = kExclamation * static_cast<float>(std::min(exclamations, 4));
  if (questions > 1) emphasis += std::min(0.96f, kQuestion * static_cast<float>(questions));
  if (s.sum > 0) {
    s.sum += emphasis;
    positive += emphasis;
  } else if (s.sum < 0) {
    s.sum -= emphasis;
    negative -= emphasis;
  }
  s.compound = s.sum / std::sqrt(s.sum * s.sum + kNormalisation);
  const double total = positive - negative + static_cast<double>(neutral);
  if (total > 0) {
    s.positive = positive / total;
    s.negative = negative == 0 ? 0.0 : -negative / total;  // (not -0.0)
    s.neutral = static_cast<double>(neutral) / total;
  }
  return s;
}

void sentiment_analyzer::analyze(std::string_view text, sentiment_result& out) {
  analyzer_.analyze(text, analysis_);
  out.sentences.clear();
  out.evidence.clear();
  out.document = {};
  // The analysis keeps every token (no filtering is asked for): terms[i] is token i folded.
  if (analysis_.lang.empty()) {
    // From the function words of the first words, else CLD2 (see decide_language()).
    vote_words_.clear();
    for (std::size_t i = 0; i < analysis_.terms.size() && vote_words_.size() < language_vote_words; ++i) {
      if (analysis_.terms[i].kind == token_kind::word) vote_words_.push_back(analysis_.terms[i].text);
    }
    analysis_.lang = decide_language(text, vote_words_);
  }
  out.lang = analysis_.lang;
  const sentiment_resources& res = resources_for(analysis_.lang);
  memo_ = nullptr;
  for (lexicon_memo& m : memos_) {
    if (m.res == &res) memo_ = &m;
  }
  if (!memo_) memo_ = &memos_.emplace_back(lexicon_memo{&res, {}});
  double sum = 0, positive = 0, negative = 0, neutral = 0;
  for (const sentence& s : analysis_.sentences) {
    const std::span<const token> tokens(analysis_.tokens.data() + s.first_token, s.end_token - s.first_token);
    sentence_sentiment ss{s.start, s.end, score_span(text, tokens, s.first_token, res, out.evidence)};
    sum += ss.scores.sum;
    // Weights back from proportions: every sentence counts by its own total.
    positive += ss.scores.positive;
    negative += ss.scores.negative;
    neutral += ss.scores.neutral;
    out.sentences.push_back(ss);
  }
  out.document.sum = sum;
  out.document.compound = sum / std::sqrt(sum * sum + kNormalisation);
  const double total = positive + negative + neutral;
  if (total > 0) {
    out.document.positive = positive / total;
    out.document.negative = negative / total;
    out.document.neutral = neutral / total;
  }
}

}  // namespace textkit
