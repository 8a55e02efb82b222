// textkit sentiment [OPTIONS] [FILE...]
//
// Document and sentence polarity from embedded French and English lexicons and rules.
//   JSONL: adds "sentiment": {"compound", "pos", "neu", "neg", "label", "lang",
//          "sentences": [{"start", "end", "compound"}], "explain": [...] with --explain}.
//   TSV:   id, compound, pos, neu, neg, label (one row per document).
// Numbers are printed with 4 decimals.
#include <fmt/format.h>

#include "output_format.hpp"
#include "record_stream.hpp"
#include "subcommand.hpp"
#include "textkit/error.hpp"
#include "textkit/sentiment.hpp"
#include "tool_support.hpp"

namespace textkit::cli {
namespace {

struct sentiment_options {
  stream_options stream;
  std::string lang;
  std::string lexicon;
  std::string lexicon_add;
  std::string lexicon_format = "tsv";
  bool explain = false;
};

void append_rules(std::string& out, std::uint8_t rules) {
  static constexpr std::pair<std::uint8_t, const char*> names[] = {
      {rule_idiom, "idiom"},           {rule_negated, "negated"}, {rule_boosted, "boosted"},
      {rule_dampened, "dampened"},     {rule_capitals, "capitals"},
      {rule_before_contrast, "before-contrast"}, {rule_after_contrast, "after-contrast"}};
  out.push_back('[');
  bool first = true;
  for (const auto& [bit, name] : names) {
    if (!(rules & bit)) continue;
    if (!first) out.push_back(',');
    first = false;
    out += fmt::format("\"{}\"", name);
  }
  out.push_back(']');
}

class sentiment_processor final : public record_processor {
 public:
  sentiment_processor(const sentiment_options& options, const sentiment_resources* custom,
                      const sentiment_resources* extra)
      : options_(options), analyzer_(options.lang, custom, extra) {}

  void process(const record& rec, output_format format, std::string& out) override {
    analyzer_.analyze(rec.text, result_);
    const sentiment_scores& d = result_.document;
    if (format == output_format::tsv) {
      append_tsv_field(out, rec.id);
      out += fmt::format("\t{:.4f}\t{:.4f}\t{:.4f}\t{:.4f}\t{}\n", d.compound, d.positive, d.neutral, d.negative,
                         sentiment_label(d.compound));
      return;
    }
    out += fmt::format("\"sentiment\":{{\"compound\":{:.4f},\"pos\":{:.4f},\"neu\":{:.4f},\"neg\":{:.4f},\"label\":\"{}\"",
                       d.compound, d.positive, d.neutral, d.negative, sentiment_label(d.compound));
    out += ",\"lang\":";
    append_json_string(out, result_.lang);
    out += ",\"sentences\":[";
    for (std::size_t i = 0; i < result_.sentences.size(); ++i) {
      const auto& s = result_.sentences[i];
      if (i) out.push_back(',');
      out += fmt::format("{{\"start\":{},\"end\":{},\"compound\":{:.4f}}}", s.start, s.end, s.scores.compound);
    }
    out.push_back(']');
    if (options_.explain) {
      out += ",\"explain\":[";
      for (std::size_t i = 0; i < result_.evidence.size(); ++i) {
        const auto& e = result_.evidence[i];
        if (i) out.push_back(',');
        out += "{\"token\":";
        append_json_string(out, rec.text.substr(e.start, e.end - e.start));
        out += fmt::format(",\"start\":{},\"end\":{},\"lexicon\":{:.4f},\"valence\":{:.4f},\"rules\":", e.start,
                           e.end, e.base, e.value);
        append_rules(out, e.rules);
        out.push_back('}');
      }
      out.push_back(']');
    }
    out.push_back('}');
  }

 private:
  const sentiment_options& options_;
  sentiment_analyzer analyzer_;
  sentiment_result result_;
};

}  // namespace

subcommand_action setup_sentiment(CLI::App& app) {
  auto options = std::make_shared<sentiment_options>();
  add_stream_options(app, options->stream, {output_format::jsonl, output_format::tsv});
  app.add_option("--lang", options->lang,
                 "Language of the lexicon and rules: auto (CLD2 per document, the default) or fr, en")
      ->type_name("auto|CODE");
  app.add_option("--lexicon", options->lexicon, "Use this valence lexicon instead of the embedded ones")
      ->type_name("FILE");
  app.add_option("--lexicon-add", options->lexicon_add, "Add (or override) entries of the embedded lexicons")
      ->type_name("FILE");
  app.add_option("--lexicon-format", options->lexicon_format,
                 "Format of --lexicon/--lexicon-add: tsv (term<TAB>valence) or vader (VADER's vader_lexicon.txt)")
      ->check(CLI::IsMember({"tsv", "vader"}).description(""))
      ->default_str("tsv")
      ->type_name("FORMAT");
  app.add_flag("--explain", options->explain, "List the words and rules that moved the score (\"explain\")");
  return [options]() {
    const lexicon_format format = options->lexicon_format == "vader" ? lexicon_format::vader : lexicon_format::tsv;
    // Load every file before reading input; they are shared read-only by the workers.
    auto custom = std::make_shared<std::optional<sentiment_resources>>();
    auto extra = std::make_shared<std::optional<sentiment_resources>>();
    if (!options->lexicon.empty()) {
      custom->emplace(sentiment_resources::embedded(options->lang == "fr" ? "fr" : "en"));
      (*custom)->load_lexicon(read_file(options->lexicon), options->lexicon, format, true);
    }
    if (!options->lexicon_add.empty()) {
      extra->emplace();
      (*extra)->load_lexicon(read_file(options->lexicon_add), options->lexicon_add, format, false);
    }
    return run_stream(
        options->stream,
        [&] {
          return std::make_unique<sentiment_processor>(*options, *custom ? &**custom : nullptr,
                                                       *extra ? &**extra : nullptr);
        },
        "textkit sentiment", "id\tcompound\tpos\tneu\tneg\tlabel");
  };
}

}  // namespace textkit::cli
