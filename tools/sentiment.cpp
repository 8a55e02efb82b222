// textkit sentiment [OPTIONS] [FILE...]
//
// Document and sentence polarity from embedded French and English lexicons and rules.
//   JSONL: adds "sentiment": {"compound", "pos", "neu", "neg", "label", "lang",
//          "sentences": [{"start", "end", "compound"}], "explain": [...] with --explain}.
//   TSV:   id, compound, pos, neu, neg, label (one row per document).
// Numbers are printed with 4 decimals.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "output_format.hpp"
#include "record_stream.hpp"
#include "subcommand.hpp"
#include "exit_status.hpp"
#include "textkit/classifier.hpp"
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
  bool sentences = false;  // TSV: a row per sentence; JSONL: each sentence's text
  std::string model;  // a trained classifier (sentiment train)
  // sentiment train
  std::string data;
  std::string label_field = "label";
  std::string score_field;  // set: a regression on this numeric field
  std::string text_field = "text";
  std::string train_output;
  classifier_training training;
};

void append_rules(std::string& out, std::uint16_t rules) {
  static constexpr std::pair<std::uint16_t, const char*> names[] = {
      {rule_idiom, "idiom"},           {rule_negated, "negated"}, {rule_boosted, "boosted"},
      {rule_dampened, "dampened"},     {rule_capitals, "capitals"},
      {rule_before_contrast, "before-contrast"}, {rule_after_contrast, "after-contrast"},
      {rule_concession, "concession"}, {rule_main_clause, "main-clause"}};
  out.push_back('[');
  bool first = true;
  for (const auto& [bit, name] : names) {
    if (!(rules & bit)) continue;
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out += name;
    out.push_back('"');
  }
  out.push_back(']');
}

class sentiment_processor final : public record_processor {
 public:
  sentiment_processor(const sentiment_options& options, const sentiment_resources* custom,
                      const sentiment_resources* extra, const text_classifier* classifier)
      : options_(options), analyzer_(options.lang, custom, extra), classifier_(classifier) {
    if (classifier_) extractor_.emplace(classifier_->lang());
  }

  void process(const record& rec, output_format format, std::string& out) override {
    analyzer_.analyze(rec.text, result_);
    const sentiment_scores& d = result_.document;
    // With a trained model, its most probable class is the label.
    std::string_view label = sentiment_label(d.compound);
    float model_score = 0;
    if (classifier_) {
      extractor_->extract(rec.text, features_);
      if (classifier_->is_regression()) {
        model_score = classifier_->predict_score(features_);
      } else {
        classifier_->predict(features_, probabilities_);
        const auto best = std::max_element(probabilities_.begin(), probabilities_.end()) - probabilities_.begin();
        label = classifier_->labels()[static_cast<std::size_t>(best)];
      }
    }
    if (format == output_format::tsv && options_.sentences) {
      // A row per sentence, its text last: `sort -t$'\t' -k5,5n` gives the most negative.
      for (std::size_t i = 0; i < result_.sentences.size(); ++i) {
        const sentence_sentiment& s = result_.sentences[i];
        append_tsv_field(out, rec.id);
        out.push_back('\t');
        append_int(out, i + 1);
        out.push_back('\t');
        append_int(out, s.start);
        out.push_back('\t');
        append_int(out, s.end);
        for (const double value : {s.scores.compound, s.scores.positive, s.scores.neutral, s.scores.negative}) {
          out.push_back('\t');
          append_fixed(out, value, 4);
        }
        out.push_back('\t');
        append_tsv_field(out, sentiment_label(s.scores.compound));
        out.push_back('\t');
        append_tsv_field(out, rec.text.substr(s.start, s.end - s.start));
        out.push_back('\n');
      }
      return;
    }
    if (format == output_format::tsv) {
      append_tsv_field(out, rec.id);
      for (const double value : {d.compound, d.positive, d.neutral, d.negative}) {
        out.push_back('\t');
        append_fixed(out, value, 4);
      }
      out.push_back('\t');
      append_tsv_field(out, label);
      out.push_back('\n');
      return;
    }
    out += "\"sentiment\":{\"compound\":";
    append_fixed(out, d.compound, 4);
    out += ",\"pos\":";
    append_fixed(out, d.positive, 4);
    out += ",\"neu\":";
    append_fixed(out, d.neutral, 4);
    out += ",\"neg\":";
    append_fixed(out, d.negative, 4);
    out += ",\"label\":";
    append_json_string(out, label);
    if (classifier_ && classifier_->is_regression()) {
      out += ",\"score\":";
      append_fixed(out, model_score, 4);
    } else if (classifier_) {
      out += ",\"probabilities\":{";
      for (std::size_t i = 0; i < probabilities_.size(); ++i) {
        if (i) out.push_back(',');
        append_json_string(out, classifier_->labels()[i]);
        out.push_back(':');
        append_fixed(out, probabilities_[i], 4);
      }
      out.push_back('}');
    }
    out += ",\"lang\":";
    append_json_string(out, result_.lang);
    out += ",\"sentences\":[";
    for (std::size_t i = 0; i < result_.sentences.size(); ++i) {
      const auto& s = result_.sentences[i];
      if (i) out.push_back(',');
      out += "{\"start\":";
      append_int(out, s.start);
      out += ",\"end\":";
      append_int(out, s.end);
      out += ",\"compound\":";
      append_fixed(out, s.scores.compound, 4);
      if (options_.sentences) {
        out += ",\"text\":";
        append_json_string(out, rec.text.substr(s.start, s.end - s.start));
      }
      out.push_back('}');
    }
    out.push_back(']');
    if (options_.explain) {
      out += ",\"explain\":[";
      for (std::size_t i = 0; i < result_.evidence.size(); ++i) {
        const auto& e = result_.evidence[i];
        if (i) out.push_back(',');
        out += "{\"token\":";
        append_json_string(out, rec.text.substr(e.start, e.end - e.start));
        out += ",\"start\":";
        append_int(out, e.start);
        out += ",\"end\":";
        append_int(out, e.end);
        out += ",\"lexicon\":";
        append_fixed(out, e.base, 4);
        out += ",\"valence\":";
        append_fixed(out, e.value, 4);
        out += ",\"rules\":";
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
  const text_classifier* classifier_;
  std::optional<text_classifier::extractor> extractor_;
  text_classifier::features features_;
  std::vector<float> probabilities_;
};

int train(const sentiment_options& o) {
  text_classifier::extractor extractor(o.lang);
  if (!o.score_field.empty()) {
    // Scores: a regression (the records' text and numeric score).
    std::vector<text_classifier::features> docs;
    std::vector<float> scores;
    for_each_jsonl_object(o.data, [&](simdjson::dom::object object, std::size_t line) {
      std::string_view text;
      double score;
      if (object.at_key(o.text_field).get_string().get(text)) {
        throw error(error_kind::data, fmt::format("{}:{}: missing string field \"{}\"", o.data, line, o.text_field));
      }
      if (object.at_key(o.score_field).get_double().get(score)) {
        throw error(error_kind::data, fmt::format("{}:{}: missing numeric field \"{}\"", o.data, line, o.score_field));
      }
      docs.emplace_back();
      extractor.extract(text, docs.back());
      scores.push_back(static_cast<float>(score));
    });
    const text_classifier model = text_classifier::train_scores(docs, scores, o.training, o.lang);
    write_file_atomically(o.train_output, model.to_file().serialize());
    return exit_ok;
  }
  const auto rows = read_jsonl_strings(o.data, {o.text_field, o.label_field});
  std::vector<text_classifier::features> docs(rows.size());
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    extractor.extract(rows[i][0], docs[i]);
    labels.push_back(rows[i][1]);
  }
  const text_classifier model = text_classifier::train(docs, labels, o.training, o.lang);
  write_file_atomically(o.train_output, model.to_file().serialize());
  return exit_ok;
}

}  // namespace

subcommand_action setup_sentiment(CLI::App& app) {
  auto options = std::make_shared<sentiment_options>();
  add_stream_options(app, options->stream, {output_format::jsonl, output_format::tsv});
  app.add_option("--lang", options->lang,
                 "Language of the lexicon and rules: auto (per document, the default: function words, then CLD2) or fr, en")
      ->transform(language_option())
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
  app.add_flag("--sentences", options->sentences,
               "TSV: a row per sentence (id, number, start, end, compound, pos, neu, neg, label, text); "
               "JSONL: each sentence's text too");
  app.add_option("-m,--model", options->model,
                 "A model from 'textkit sentiment train': its most probable class becomes the label, and "
                 "\"probabilities\" are added")
      ->type_name("MODEL");
  app.require_subcommand(0, 1);
  CLI::App* train_app = app.add_subcommand("train", "Fit a supervised sentiment model on labelled JSON Lines");
  auto train_options = std::make_shared<sentiment_options>();
  train_app->add_option("--data", train_options->data, "Labelled JSON Lines (text and label fields)")
      ->type_name("FILE")
      ->required();
  train_app->add_option("-o,--output-file", train_options->train_output, "The model file to write")
      ->type_name("MODEL")
      ->required();
  train_app->add_option("--text-field", train_options->text_field, "Field of the text")->default_str("text");
  train_app->add_option("--label-field", train_options->label_field, "Field of the label (any strings)")
      ->default_str("label");
  train_app->add_option("--score-field", train_options->score_field,
                         "Train a regression on this numeric field instead of classes (adds \"score\")")
      ->type_name("NAME");
  train_app->add_option("--lang", train_options->lang, "Language: auto (per document, the default) or fr, en")
      ->transform(language_option())
      ->type_name("auto|CODE");
  train_app->add_option("--epochs", train_options->training.epochs, "Passes over the data")
      ->default_str("20")
      ->check(CLI::Range(1, 1000).description(""));
  train_app->add_option("--learning-rate", train_options->training.learning_rate,
                         "AdaGrad step size (0.01 with --score-field)")
      ->default_str("0.05")
      ->check(CLI::PositiveNumber.description(""));
  train_app->add_option("--l2", train_options->training.l2, "L2 regularisation")
      ->default_str("1e-05")
      ->check(CLI::NonNegativeNumber.description(""));
  train_app->add_option("--seed", train_options->training.seed, "Seed of the shuffling (same seed, same model)")
      ->default_str("1");
  return [options, train_app, train_options]() {
    if (train_app->parsed()) {
      // Regressions step more finely by default (chosen on SemEval-2017 Task 5's dev split).
      if (!train_options->score_field.empty() && train_app->count("--learning-rate") == 0) {
        train_options->training.learning_rate = 0.01f;
      }
      return train(*train_options);
    }
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
    auto classifier = std::make_shared<std::optional<text_classifier>>();
    if (!options->model.empty()) {
      const model_file file = model_file::parse(read_file(options->model), options->model);
      classifier->emplace(text_classifier::from_file(file, options->model));
      // Its features include the rules' scores and the tokens: another textkit may compute others.
      for (const std::string& difference : analysis_differences(file, text_classifier::data_fingerprint())) {
        fmt::print(stderr, "textkit sentiment: warning: {}: {}: scores may differ; train it again to be sure\n",
                   options->model, difference);
      }
    }
    return run_stream(
        options->stream,
        [&] {
          return std::make_unique<sentiment_processor>(*options, *custom ? &**custom : nullptr,
                                                       *extra ? &**extra : nullptr,
                                                       *classifier ? &**classifier : nullptr);
        },
        "textkit sentiment",
        options->sentences ? "id\tsentence\tstart\tend\tcompound\tpos\tneu\tneg\tlabel\ttext"
                           : "id\tcompound\tpos\tneu\tneg\tlabel");
  };
}

}  // namespace textkit::cli
