// textkit tokenize [OPTIONS] [FILE...]
//
// Tokens (or sentences of tokens) of each record, normalised on request.
//   JSONL: adds "tokens": ["Le", "gouvernement", ...] (objects with --offsets), or
//          "sentences": [{"text", "start", "end", "tokens"}] with --sentences;
//          adds "lang_detected" with --lang auto.
//   TSV:   id, index, token, kind, start, end (with --sentences: id, sentence, index, ...).
//   lines: one token per line, a blank line after each document (and each sentence).
#include <fmt/format.h>

#include <cstring>

#include "output_format.hpp"
#include "record_stream.hpp"
#include "subcommand.hpp"
#include "textkit/analyzer.hpp"
#include "textkit/error.hpp"
#include "textkit/word_list.hpp"
#include "tool_support.hpp"

namespace textkit::cli {
namespace {

struct tokenize_options {
  stream_options stream;
  analysis_flags analysis;
  bool offsets = false;
};

class tokenize_processor final : public record_processor {
 public:
  tokenize_processor(const tokenize_options& options, analyzer_options analysis)
      : options_(options), analyzer_(std::move(analysis)) {}

  void process(const record& rec, output_format format, std::string& out) override {
    const bool sentences = analyzer_.options().sentences;
    // The plain JSONL array can be written straight from the tokens when they are the terms.
    const bool from_tokens = format == output_format::jsonl && !sentences && !options_.offsets;
    analyzer_.analyze(rec.text, result_, !from_tokens);
    switch (format) {
      case output_format::jsonl: write_json(rec, sentences, out); break;
      case output_format::tsv: write_tsv(rec, sentences, out); break;
      case output_format::lines: write_lines(sentences, out); break;
    }
  }

 private:
  std::span<const term> terms_of_sentence(std::size_t s) const {
    const std::size_t begin = s == 0 ? 0 : result_.sentence_term_ends[s - 1];
    return std::span<const term>(result_.terms).subspan(begin, result_.sentence_term_ends[s] - begin);
  }

  static std::string_view kind_name(const term& t) { return t.n > 1 ? "ngram" : to_string(t.kind); }

  void write_terms(std::span<const term> terms, std::string& out) const {
    if (!options_.offsets && write_plain_terms(terms, out)) return;
    out.push_back('[');
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (i) out.push_back(',');
      if (!options_.offsets) {
        append_json_string(out, terms[i].text);
        continue;
      }
      out += "{\"token\":";
      append_json_string(out, terms[i].text);
      out += ",\"kind\":\"";
      out += kind_name(terms[i]);
      out += "\",\"start\":";
      append_int(out, terms[i].start);
      out += ",\"end\":";
      append_int(out, terms[i].end);
      out.push_back('}');
    }
    out.push_back(']');
  }

  // Only punctuation, symbol and URL tokens (and n-grams, which may hold them) can contain
  // a byte that JSON escapes; words, numbers, e-mails, tags and emoji never do.
  static bool kind_may_need_escape(token_kind kind) {
    return kind == token_kind::punct || kind == token_kind::symbol || kind == token_kind::url;
  }

  struct array_item {
    std::string_view text;
    bool may_need_escape;
  };

  // Strings as a JSON array, sized exactly and written in one pass; `item_at(i)` gives the
  // i-th string. Returns false, writing nothing, when a string holds a control byte (only
  // possible after NFKC of odd input): the caller then takes the general path.
  template <typename ItemAt>
  static bool write_string_array(std::size_t count, ItemAt item_at, std::string& out) {
    std::size_t size = 2 + (count == 0 ? 0 : count * 3 - 1);
    for (std::size_t i = 0; i < count; ++i) {
      const array_item item = item_at(i);
      size += item.text.size();
      if (!item.may_need_escape) continue;
      for (const char ch : item.text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20) return false;
        size += c == '"' || c == '\\';
      }
    }
    const std::size_t at = out.size();
    out.resize(at + size);
    char* p = out.data() + at;
    *p++ = '[';
    for (std::size_t i = 0; i < count; ++i) {
      const array_item item = item_at(i);
      if (i) *p++ = ',';
      *p++ = '"';
      if (item.may_need_escape) {
        for (const char ch : item.text) {
          if (ch == '"' || ch == '\\') *p++ = '\\';
          *p++ = ch;
        }
      } else {
        copy_short(p, item.text.data(), item.text.size());
        p += item.text.size();
      }
      *p++ = '"';
    }
    *p++ = ']';
    return true;
  }

  static bool write_plain_terms(std::span<const term> terms, std::string& out) {
    return write_string_array(
        terms.size(),
        [&](std::size_t i) { return array_item{terms[i].text, terms[i].n > 1 || kind_may_need_escape(terms[i].kind)}; },
        out);
  }

  // The same array straight from the tokens, when they are the terms (no copy into terms).
  // One pass, into room for the worst case (every byte from the first token to the last,
  // escaped, plus quotes and commas), then trimmed: tokens are disjoint and in text order.
  static void write_plain_tokens(std::string_view text, std::span<const token> tokens, std::string& out) {
    if (!tokens.empty()) {
      const std::size_t at = out.size();
      // (+ 16: room for the last token's 16-byte copy below.)
      out.resize(at + 2 * std::size_t{tokens.back().end - tokens.front().start} + 3 * tokens.size() + 1 + 16);
      char* const begin = out.data() + at;
      char* p = begin;
      *p++ = '[';
      std::uint32_t previous_end = tokens.front().start;
      bool plain = true;  // false: out of order, or a control byte (then the general path)
      for (const token& t : tokens) {
        if (t.start < previous_end) {
          plain = false;
          break;
        }
        previous_end = t.end;
        const char* src = text.data() + t.start;
        const std::size_t n = t.end - t.start;
        *p++ = '"';
        if (kind_may_need_escape(t.kind)) {
          for (std::size_t i = 0; i < n && plain; ++i) {
            const char ch = src[i];
            plain = static_cast<unsigned char>(ch) >= 0x20;
            if (ch == '"' || ch == '\\') *p++ = '\\';
            *p++ = ch;
          }
          if (!plain) break;
        } else if (n <= 16 && t.start + 16 <= text.size()) {
          std::memcpy(p, src, 16);  // most tokens: one fixed-size move, no branch on the length
          p += n;
        } else {
          copy_short(p, src, n);
          p += n;
        }
        *p++ = '"';
        *p++ = ',';
      }
      if (plain) {
        p[-1] = ']';
        out.resize(at + static_cast<std::size_t>(p - begin));
        return;
      }
      out.resize(at);
    }
    auto item_at = [&](std::size_t i) {
      const token& t = tokens[i];
      return array_item{std::string_view(text.data() + t.start, t.end - t.start), kind_may_need_escape(t.kind)};
    };
    if (write_string_array(tokens.size(), item_at, out)) return;
    out.push_back('[');
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i) out.push_back(',');
      append_json_string(out, item_at(i).text);
    }
    out.push_back(']');
  }

  // memcpy for the short strings tokens are: fixed-size overlapping moves instead of a call,
  // never reading outside [src, src + n).
  static void copy_short(char* dst, const char* src, std::size_t n) {
    if (n >= 8) {
      if (n > 16) {
        std::memcpy(dst, src, n);
        return;
      }
      std::memcpy(dst, src, 8);
      std::memcpy(dst + n - 8, src + n - 8, 8);
    } else if (n >= 4) {
      std::memcpy(dst, src, 4);
      std::memcpy(dst + n - 4, src + n - 4, 4);
    } else {
      for (std::size_t i = 0; i < n; ++i) dst[i] = src[i];
    }
  }

  void write_json(const record& rec, bool sentences, std::string& out) const {
    if (!sentences) {
      out += "\"tokens\":";
      if (result_.terms_are_tokens && result_.terms.empty() && !result_.tokens.empty()) {
        write_plain_tokens(rec.text, result_.tokens, out);
      } else {
        write_terms(result_.terms, out);
      }
    } else {
      out += "\"sentences\":[";
      for (std::size_t s = 0; s < result_.sentences.size(); ++s) {
        const sentence& sent = result_.sentences[s];
        if (s) out.push_back(',');
        out += "{\"text\":";
        append_json_string(out, rec.text.substr(sent.start, sent.end - sent.start));
        out += ",\"start\":";
        append_int(out, sent.start);
        out += ",\"end\":";
        append_int(out, sent.end);
        out += ",\"tokens\":";
        write_terms(terms_of_sentence(s), out);
        out.push_back('}');
      }
      out.push_back(']');
    }
    if (analyzer_.options().lang == "auto") {
      out += ",\"lang_detected\":";
      append_json_string(out, result_.lang);
    }
  }

  void write_tsv(const record& rec, bool sentences, std::string& out) const {
    for (std::size_t s = 0; s < result_.sentence_term_ends.size(); ++s) {
      std::size_t index = 0;
      for (const term& t : terms_of_sentence(s)) {
        append_tsv_field(out, rec.id);
        out.push_back('\t');
        if (sentences) {
          append_int(out, s);
          out.push_back('\t');
        }
        append_int(out, index++);
        out.push_back('\t');
        append_tsv_field(out, t.text);
        out.push_back('\t');
        out += kind_name(t);
        out.push_back('\t');
        append_int(out, t.start);
        out.push_back('\t');
        append_int(out, t.end);
        out.push_back('\n');
      }
    }
  }

  void write_lines(bool sentences, std::string& out) const {
    for (std::size_t s = 0; s < result_.sentence_term_ends.size(); ++s) {
      for (const term& t : terms_of_sentence(s)) {
        out += t.text;
        out.push_back('\n');
      }
      if (sentences) out.push_back('\n');
    }
    if (!sentences) out.push_back('\n');
  }

  const tokenize_options& options_;
  analyzer analyzer_;
  analysis result_;
};

}  // namespace

subcommand_action setup_tokenize(CLI::App& app) {
  auto options = std::make_shared<tokenize_options>();
  add_stream_options(app, options->stream, {output_format::jsonl, output_format::tsv, output_format::lines});
  add_analysis_options(app, options->analysis);
  app.add_flag("--offsets", options->offsets,
               "JSONL: each token as {\"token\", \"kind\", \"start\", \"end\"} (byte offsets into the text)");
  app.add_flag("--sentences", options->analysis.sentences,
               "Segment sentences: JSONL \"sentences\" with text, offsets and tokens; TSV adds a sentence column");
  return [options]() {
    const analyzer_options analysis = make_analyzer_options(options->analysis);
    analyzer probe(analysis);  // reject bad options before reading any input
    const std::string header = options->analysis.sentences ? "id\tsentence\tindex\ttoken\tkind\tstart\tend"
                                                           : "id\tindex\ttoken\tkind\tstart\tend";
    return run_stream(
        options->stream,
        [&] { return std::make_unique<tokenize_processor>(*options, analysis); },
        "textkit tokenize", header);
  };
}

}  // namespace textkit::cli
