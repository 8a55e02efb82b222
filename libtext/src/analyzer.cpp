#include "textkit/analyzer.hpp"

#include <fmt/format.h>

#include "textkit/error.hpp"
#include "textkit/language.hpp"
#include "textkit/unicode.hpp"

namespace textkit {

// A term before its text is final: offsets into the document or the arena (which may still
// reallocate while terms are being added).
struct analyzer::pending_term {
  std::uint32_t text_offset;
  std::uint32_t text_size;
  bool in_arena;
  std::uint32_t start;
  std::uint32_t end;
  token_kind kind;
  std::uint8_t n;
};

struct analyzer::language_resources {
  std::optional<stemmer> stem;
  std::optional<word_set> stopwords;  // embedded list of the language, normalised like terms
};

namespace {

// U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) and U+02BC MODIFIER LETTER APOSTROPHE (CA BC):
// the apostrophes other than ' that the tokenizer joins words with.
bool has_typographic_apostrophe(std::string_view text) {
  return text.find("\xE2\x80\x99") != std::string_view::npos || text.find("\xCA\xBC") != std::string_view::npos;
}

void append_with_plain_apostrophes(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 3;
    } else if (text.compare(i, 2, "\xCA\xBC") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(text[i++]);
    }
  }
}


// Folds (and strips accents from) every entry so that lookups compare like with like.
word_set normalise_list(const word_set& list, bool strip_accents, bool fold_apostrophes) {
  word_set out;
  std::string folded;
  std::string stripped;
  std::string plain;
  for (const auto& word : list) {
    folded.clear();
    unicode::append_case_folded(folded, word);
    std::string_view form = folded;
    if (strip_accents) {
      stripped.clear();
      unicode::append_without_accents(stripped, folded);
      form = stripped;
    }
    if (fold_apostrophes) {
      plain.clear();
      append_with_plain_apostrophes(plain, form);
      form = plain;
    }
    out.insert(std::string(form));
  }
  return out;
}

}  // namespace

analyzer::analyzer(analyzer_options options) : options_(std::move(options)) {
  if (options_.ngram_min < 1 || options_.ngram_max < options_.ngram_min || options_.ngram_max > 16) {
    throw error(error_kind::usage,
                fmt::format("invalid n-gram range {}-{} (need 1 <= min <= max <= 16)", options_.ngram_min,
                            options_.ngram_max));
  }
  const bool detect = options_.lang.empty() || options_.lang == "auto";
  if (!detect && options_.stem && !stemmer::supports(options_.lang)) {
    throw error(error_kind::usage, fmt::format("no Snowball stemmer for language '{}'", options_.lang));
  }
  if (options_.stopwords) user_stopwords_ = normalise_list(*options_.stopwords, options_.strip_accents, options_.fold_apostrophes);
  lowercase_only_ = options_.lower && options_.form != normal_form::nfkc && !options_.strip_accents &&
                    !options_.stem && !options_.remove_stopwords && !options_.fold_apostrophes;
}

analyzer::~analyzer() = default;
analyzer::analyzer(analyzer&&) noexcept = default;

analyzer::language_resources& analyzer::resources_for(const std::string& lang) {
  auto it = resources_.find(lang);
  if (it != resources_.end()) return *it->second;
  auto res = std::make_unique<language_resources>();
  if (options_.stem && stemmer::supports(lang)) res->stem.emplace(lang);
  if (options_.remove_stopwords && !user_stopwords_) {
    if (const word_set* list = embedded_stopwords(lang)) res->stopwords = normalise_list(*list, options_.strip_accents, options_.fold_apostrophes);
  }
  return *resources_.emplace(lang, std::move(res)).first->second;
}

void analyzer::normalise(std::string_view text, const token& tok, bool doc_is_nfc, language_resources& res,
                         analysis& out) {
  if (options_.drop_punct && tok.kind == token_kind::punct) return;
  const std::string_view original = text.substr(tok.start, tok.end - tok.start);
  // Fast path for the common "--lower" analysis of an ASCII token in NFC text: a lower-case
  // token is its own term; otherwise it is folded straight into the arena.
  if (lowercase_only_ && doc_is_nfc) {
    bool ascii = true;
    bool upper = false;
    for (const char c : original) {
      ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      upper = upper || (c >= 'A' && c <= 'Z');
    }
    if (ascii) {
      if (!upper) {
        sentence_terms_.push_back({tok.start, tok.end - tok.start, false, tok.start, tok.end, tok.kind, 1});
        return;
      }
      const auto offset = static_cast<std::uint32_t>(out.arena.size());
      unicode::append_case_folded(out.arena, original);
      sentence_terms_.push_back({offset, tok.end - tok.start, true, tok.start, tok.end, tok.kind, 1});
      return;
    }
  }
  // Each step writes into its own buffer, and only when it has something to change.
  std::string_view form = original;
  if (options_.form == normal_form::nfkc || (options_.form == normal_form::nfc && !doc_is_nfc)) {
    normal_buffer_.clear();
    if (options_.form == normal_form::nfkc) {
      unicode::append_nfkc(normal_buffer_, form);
    } else {
      unicode::append_nfc(normal_buffer_, form);
    }
    form = normal_buffer_;
  }
  if (options_.strip_accents) {
    accent_buffer_.clear();
    unicode::append_without_accents(accent_buffer_, form);
    form = accent_buffer_;
  }
  if (options_.fold_apostrophes && has_typographic_apostrophe(form)) {
    apostrophe_buffer_.clear();
    append_with_plain_apostrophes(apostrophe_buffer_, form);
    form = apostrophe_buffer_;
  }
  std::string_view folded = form;  // stop words are matched case-insensitively
  if (options_.lower || options_.stem || options_.remove_stopwords) {
    fold_buffer_.clear();
    unicode::append_case_folded(fold_buffer_, form);
    folded = fold_buffer_;
  }
  if (options_.remove_stopwords) {
    const word_set* list = user_stopwords_ ? &*user_stopwords_ : res.stopwords ? &*res.stopwords : nullptr;
    if (list && list->contains(folded)) return;
  }
  std::string_view final_form = options_.lower || options_.stem ? folded : form;
  if (options_.stem && res.stem && tok.kind == token_kind::word) final_form = res.stem->stem(folded);
  if (final_form.data() == original.data() || final_form == original) {
    sentence_terms_.push_back({tok.start, tok.end - tok.start, false, tok.start, tok.end, tok.kind, 1});
  } else {
    sentence_terms_.push_back({static_cast<std::uint32_t>(out.arena.size()),
                               static_cast<std::uint32_t>(final_form.size()), true, tok.start, tok.end, tok.kind, 1});
    out.arena += final_form;
  }
}

void analyzer::fold_terms(std::string_view text, analysis& out) {
  out.terms.reserve(out.tokens.size());
  arena_terms_.clear();
  for (const sentence& s : out.sentences) {
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      const token& tok = out.tokens[t];
      if (options_.drop_punct && tok.kind == token_kind::punct) continue;
      const auto offset = static_cast<std::uint32_t>(out.arena.size());
      if (unicode::fold_token(text, tok.start, tok.end, out.arena)) {  // most tokens: the term is the token
        out.terms.push_back({std::string_view(text.data() + tok.start, tok.end - tok.start), tok.start, tok.end, tok.kind, 1});
        continue;
      }
      // The arena may still move: its terms get their text once it is complete.
      arena_terms_.push_back({out.terms.size(), offset, static_cast<std::uint32_t>(out.arena.size() - offset)});
      out.terms.push_back({{}, tok.start, tok.end, tok.kind, 1});
    }
    out.sentence_term_ends.push_back(static_cast<std::uint32_t>(out.terms.size()));
  }
  for (const arena_term& a : arena_terms_) out.terms[a.index].text = std::string_view(out.arena).substr(a.offset, a.size);
}

std::string analyzer::guess_language(std::string_view text) {
  // The first words: tokenize a prefix of about 2 KB (to a space), which holds language_vote_words
  // words of ordinary text, rather than the whole document.
  constexpr std::size_t prefix_bytes = 2048;
  std::size_t cut = text.size();
  if (cut > prefix_bytes) {
    const std::size_t space = text.substr(0, 2 * prefix_bytes).find(' ', prefix_bytes);
    if (space != std::string_view::npos) {
      cut = space;
    } else {  // no space near: cut at a code point boundary (only the last word suffers)
      cut = prefix_bytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
  }
  vote_tokens_.clear();
  tokenizer_.tokenize(text.substr(0, cut), vote_tokens_);
  vote_words_.resize(language_vote_words);
  std::size_t words = 0;
  for (const token& t : vote_tokens_) {
    if (t.kind != token_kind::word) continue;
    std::string& folded = vote_words_[words];
    folded.clear();
    unicode::append_case_folded(folded, text.substr(t.start, t.end - t.start));
    if (++words == language_vote_words) break;
  }
  vote_views_.assign(vote_words_.begin(), vote_words_.begin() + static_cast<std::ptrdiff_t>(words));
  return decide_language(text, vote_views_);
}

void analyzer::analyze(std::string_view text, analysis& out, bool need_terms) {
  if (text.size() >= tokenizer::max_text_size) {
    throw error(error_kind::data, "document too large (4 GiB or more)");
  }
  out.tokens.clear();
  out.sentences.clear();
  out.terms.clear();
  out.sentence_term_ends.clear();
  out.arena.clear();
  out.terms_are_tokens = false;
  all_terms_.clear();
  // The language is needed up front for stemming and stop words; otherwise only if the
  // tokenizer meets a French inversion candidate (CLD2 costs about 30 µs a document).
  const bool needs_language = options_.lang == "auto" || options_.stem ||
                              (options_.remove_stopwords && !user_stopwords_);
  if (!options_.lang.empty() && options_.lang != "auto") {
    out.lang = options_.lang;
  } else if (needs_language) {
    out.lang = guess_language(text);
  } else {
    out.lang.clear();
  }
  tokenizer_options tok_options;
  tok_options.split_inversions = out.lang == "fr";
  const std::function<bool()> is_french = [&] {
    out.lang = guess_language(text);
    return out.lang == "fr";
  };
  if (out.lang.empty()) tok_options.is_french = &is_french;
  bool nfc_quick_yes = false;
  tok_options.nfc_quick_yes = &nfc_quick_yes;
  tokenizer_.tokenize(text, out.tokens, tok_options);

  if (options_.sentences) {
    splitter_.split(text, out.tokens, out.sentences);
  } else {
    out.sentences.push_back({0, static_cast<std::uint32_t>(text.size()), 0,
                             static_cast<std::uint32_t>(out.tokens.size())});
  }
  // The tokenizer's quick check settles almost every document; ICU decides the rest.
  const bool doc_is_nfc = options_.form != normal_form::nfc || nfc_quick_yes || unicode::is_nfc(text);
  // Fast path: tokens are the terms, as they are.
  if (doc_is_nfc && options_.form != normal_form::nfkc && !options_.lower && !options_.strip_accents &&
      !options_.stem && !options_.remove_stopwords && !options_.drop_punct && !options_.fold_apostrophes &&
      options_.ngram_max == 1) {
    out.terms_are_tokens = true;
    for (const sentence& s : out.sentences) out.sentence_term_ends.push_back(s.end_token);
    if (!need_terms) return;
    // Sentences cover the tokens in order, so term i is token i.
    out.terms.resize(out.tokens.size());
    term* dst = out.terms.data();
    for (const token& tok : out.tokens) {
      *dst++ = {std::string_view(text.data() + tok.start, tok.end - tok.start), tok.start, tok.end, tok.kind, 1};
    }
    return;
  }
  // Fast path for the analysis tf-idf and sentiment use (case folding, perhaps dropping
  // punctuation, unigrams): one loop, terms straight into out.terms, sentence by sentence.
  if (lowercase_only_ && doc_is_nfc && options_.ngram_max == 1) {
    fold_terms(text, out);
    return;
  }
  language_resources& res = resources_for(out.lang);
  auto text_of = [&](const pending_term& p) {
    return p.in_arena ? std::string_view(out.arena).substr(p.text_offset, p.text_size)
                      : text.substr(p.text_offset, p.text_size);
  };

  for (const sentence& s : out.sentences) {
    sentence_terms_.clear();
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) normalise(text, out.tokens[t], doc_is_nfc, res, out);
    if (options_.ngram_min == 1) all_terms_.insert(all_terms_.end(), sentence_terms_.begin(), sentence_terms_.end());
    // n-grams join the kept terms of the sentence with a space, size by size (as scikit-learn).
    for (int n = std::max(options_.ngram_min, 2); n <= options_.ngram_max; ++n) {
      const auto size = static_cast<std::size_t>(n);
      for (std::size_t i = 0; i + size <= sentence_terms_.size(); ++i) {
        const auto offset = static_cast<std::uint32_t>(out.arena.size());
        for (std::size_t k = 0; k < size; ++k) {
          if (k) out.arena.push_back(' ');
          // Copy first: the source may live in the arena being appended to.
          scratch_.assign(text_of(sentence_terms_[i + k]));
          out.arena += scratch_;
        }
        all_terms_.push_back({offset, static_cast<std::uint32_t>(out.arena.size() - offset), true,
                              sentence_terms_[i].start, sentence_terms_[i + size - 1].end, token_kind::word,
                              static_cast<std::uint8_t>(n)});
      }
    }
    out.sentence_term_ends.push_back(static_cast<std::uint32_t>(all_terms_.size()));
  }
  // The arena is final now: resolve every term's text.
  out.terms.reserve(all_terms_.size());
  for (const pending_term& p : all_terms_) out.terms.push_back({text_of(p), p.start, p.end, p.kind, p.n});
}

}  // namespace textkit
