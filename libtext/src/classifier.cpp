#include "textkit/classifier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

#include "textkit/error.hpp"
#include "textkit/resources.hpp"
#include "textkit/term_index.hpp"

namespace textkit {
namespace {

constexpr std::uint32_t kColumns = std::uint32_t{1} << text_classifier::hash_bits;

analyzer_options feature_analysis(const std::string& lang) {
  analyzer_options o;
  o.lang = lang.empty() ? "auto" : lang;
  o.lower = true;
  o.drop_punct = false;  // "!" and "?" carry tone
  o.ngram_min = 1;
  o.ngram_max = 2;
  return o;
}

void softmax(Eigen::VectorXf& scores) {
  const float top = scores.maxCoeff();
  scores = (scores.array() - top).exp();
  scores /= scores.sum();
}

}  // namespace

text_classifier::extractor::extractor(std::string lang)
    : analyzer_(feature_analysis(lang)), sentiment_(lang.empty() ? "auto" : lang) {}

void text_classifier::extractor::extract(std::string_view text, features& out) {
  analyzer_.analyze(text, analysis_);
  out.hashed.clear();
  for (const term& t : analysis_.terms) {
    out.hashed.emplace_back(static_cast<std::uint32_t>(term_index::hash(t.text) & (kColumns - 1)), 1.0f);
  }
  // Binary presence, sorted by column: duplicates collapse.
  std::sort(out.hashed.begin(), out.hashed.end());
  out.hashed.erase(std::unique(out.hashed.begin(), out.hashed.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   out.hashed.end());
  sentiment_.analyze(text, sentiment_result_);
  const auto& d = sentiment_result_.document;
  out.lexicon[0] = static_cast<float>(d.compound);
  out.lexicon[1] = static_cast<float>(d.positive);
  out.lexicon[2] = static_cast<float>(d.negative);
  out.lexicon[3] = static_cast<float>(d.neutral);
  out.lexicon[4] = static_cast<float>(std::tanh(d.sum / 4.0));
}

text_classifier text_classifier::train(const std::vector<features>& docs, const std::vector<std::string>& labels,
                                       const classifier_training& settings, std::string lang) {
  if (docs.empty() || docs.size() != labels.size()) throw error(error_kind::data, "no labelled documents to train on");
  text_classifier model;
  model.lang_ = std::move(lang);
  std::map<std::string, int> label_ids;
  for (const auto& l : labels) label_ids.emplace(l, 0);
  if (label_ids.size() < 2) throw error(error_kind::data, "training needs at least two labels");
  for (auto& [label, id] : label_ids) {
    id = static_cast<int>(model.labels_.size());
    model.labels_.push_back(label);
  }
  const auto k = static_cast<Eigen::Index>(model.labels_.size());
  const Eigen::Index rows = kColumns + lexicon_features;
  model.weights_ = Eigen::MatrixXf::Zero(rows, k);
  model.bias_ = Eigen::VectorXf::Zero(k);
  Eigen::MatrixXf g2 = Eigen::MatrixXf::Constant(rows, k, 1e-6f);  // AdaGrad accumulators
  Eigen::VectorXf b2 = Eigen::VectorXf::Constant(k, 1e-6f);
  std::vector<std::size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(settings.seed);
  Eigen::VectorXf scores(k), gradient(k);
  for (int epoch = 0; epoch < settings.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t d : order) {
      const features& f = docs[d];
      scores = model.bias_;
      for (const auto& [col, v] : f.hashed) scores += v * model.weights_.row(col).transpose();
      for (int j = 0; j < lexicon_features; ++j) scores += f.lexicon[j] * model.weights_.row(kColumns + j).transpose();
      softmax(scores);
      gradient = scores;
      gradient(label_ids.at(labels[d])) -= 1.0f;
      auto update = [&](Eigen::Index row, float x) {
        for (Eigen::Index c = 0; c < k; ++c) {
          const float g = gradient(c) * x + settings.l2 * model.weights_(row, c);
          g2(row, c) += g * g;
          model.weights_(row, c) -= settings.learning_rate * g / std::sqrt(g2(row, c));
        }
      };
      for (const auto& [col, v] : f.hashed) update(col, v);
      for (int j = 0; j < lexicon_features; ++j) update(kColumns + j, f.lexicon[j]);
      for (Eigen::Index c = 0; c < k; ++c) {
        b2(c) += gradient(c) * gradient(c);
        model.bias_(c) -= settings.learning_rate * gradient(c) / std::sqrt(b2(c));
      }
    }
  }
  return model;
}

text_classifier text_classifier::train_scores(const std::vector<features>& docs, const std::vector<float>& scores,
                                              const classifier_training& settings, std::string lang) {
  if (docs.empty() || docs.size() != scores.size()) throw error(error_kind::data, "no scored documents to train on");
  text_classifier model;
  model.lang_ = std::move(lang);
  model.regression_ = true;
  const Eigen::Index rows = kColumns + lexicon_features;
  model.weights_ = Eigen::MatrixXf::Zero(rows, 1);
  // Start from the mean, so that the features learn the deviations from it.
  double mean = 0;
  for (const float s : scores) mean += s;
  model.bias_ = Eigen::VectorXf::Constant(1, static_cast<float>(mean / static_cast<double>(scores.size())));
  Eigen::VectorXf g2 = Eigen::VectorXf::Constant(rows, 1e-6f);
  float b2 = 1e-6f;
  std::vector<std::size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(settings.seed);
  for (int epoch = 0; epoch < settings.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t d : order) {
      const float error = model.predict_score(docs[d]) - scores[d];
      auto update = [&](Eigen::Index row, float x) {
        const float g = error * x + settings.l2 * model.weights_(row, 0);
        g2(row) += g * g;
        model.weights_(row, 0) -= settings.learning_rate * g / std::sqrt(g2(row));
      };
      for (const auto& [col, v] : docs[d].hashed) update(col, v);
      for (int j = 0; j < lexicon_features; ++j) update(kColumns + j, docs[d].lexicon[j]);
      b2 += error * error;
      model.bias_(0) -= settings.learning_rate * error / std::sqrt(b2);
    }
  }
  return model;
}

float text_classifier::predict_score(const features& doc) const {
  float score = bias_(0);
  for (const auto& [col, v] : doc.hashed) score += v * weights_(col, 0);
  for (int j = 0; j < lexicon_features; ++j) score += doc.lexicon[j] * weights_(kColumns + j, 0);
  return score;
}

void text_classifier::predict(const features& doc, std::vector<float>& probabilities) const {
  Eigen::VectorXf scores = bias_;
  for (const auto& [col, v] : doc.hashed) scores += v * weights_.row(col).transpose();
  for (int j = 0; j < lexicon_features; ++j) scores += doc.lexicon[j] * weights_.row(kColumns + j).transpose();
  softmax(scores);
  probabilities.assign(scores.data(), scores.data() + scores.size());
}

model_file text_classifier::to_file() const {
  model_file file("sentiment-classifier");
  file.set("lang", lang_);
  file.set("task", regression_ ? "regression" : "classification");
  file.set("analysis.data", data_fingerprint());
  file.set("hash_bits", std::to_string(hash_bits));
  file.set("lexicon_features", std::to_string(lexicon_features));
  file.set("classes", regression_ ? "0" : std::to_string(labels_.size()));
  file.add_strings("labels", labels_);
  // Column-major (Eigen's default): class by class.
  file.add_f32("weights", std::span<const float>(weights_.data(), static_cast<std::size_t>(weights_.size())));
  file.add_f32("bias", std::span<const float>(bias_.data(), static_cast<std::size_t>(bias_.size())));
  return file;
}

std::string text_classifier::data_fingerprint() {
  return embedded_fingerprint({"abbreviations/", "lexicons/", "sentiment/"});
}

text_classifier text_classifier::from_file(const model_file& file, std::string_view source) {
  if (file.kind() != "sentiment-classifier") {
    throw error(error_kind::resource,
                fmt::format("{}: this is a '{}' model, expected a sentiment model ('textkit sentiment train')", source,
                            file.kind()));
  }
  if (file.get("hash_bits") != std::to_string(hash_bits) ||
      file.get("lexicon_features") != std::to_string(lexicon_features)) {
    throw error(error_kind::resource, fmt::format("{}: sentiment model of an incompatible feature layout", source));
  }
  text_classifier model;
  model.lang_ = file.get("lang");
  model.regression_ = file.get_or("task", "classification") == "regression";
  model.labels_ = file.strings("labels");
  const auto k = model.regression_ ? Eigen::Index{1} : static_cast<Eigen::Index>(model.labels_.size());
  const std::vector<float> weights = file.f32("weights");
  const std::vector<float> bias = file.f32("bias");
  const Eigen::Index rows = kColumns + lexicon_features;
  if ((!model.regression_ && k < 2) || static_cast<Eigen::Index>(weights.size()) != rows * k || static_cast<Eigen::Index>(bias.size()) != k) {
    throw error(error_kind::resource, fmt::format("{}: sentiment model sections disagree in size", source));
  }
  model.weights_ = Eigen::Map<const Eigen::MatrixXf>(weights.data(), rows, k);
  model.bias_ = Eigen::Map<const Eigen::VectorXf>(bias.data(), k);
  return model;
}

}  // namespace textkit
