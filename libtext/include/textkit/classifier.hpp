#pragma once
/// @file classifier.hpp
/// A supervised text classifier: multinomial logistic regression (softmax, L2) over hashed
/// word n-grams plus the lexicon-and-rules sentiment scores, trained with AdaGrad. Parameters
/// live in an Eigen matrix; the model is saved in textkit's model file format.
#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/analyzer.hpp"
#include "textkit/model_file.hpp"
#include "textkit/sentiment.hpp"

namespace textkit {

/// Training settings. The defaults were chosen on the dev split of the French tweets
/// (UMSAB/DEFT 2017): learning rate 0.03-1.0, 5-30 epochs; test was not looked at.
struct classifier_training {
  int epochs = 20;
  float learning_rate = 0.05f;
  float l2 = 1e-5f;
  std::uint32_t seed = 1;
};

/// A trained classifier. Thread-safe for prediction (featurize with one feature_extractor per
/// thread).
class text_classifier {
 public:
  static constexpr int hash_bits = 18;  ///< n-gram features hashed into 2^18 columns
  static constexpr int lexicon_features = 5;  ///< compound, pos, neg, neu, bias-like presence

  /// The sparse features of a document: (column, value) pairs, and the lexicon features.
  struct features {
    std::vector<std::pair<std::uint32_t, float>> hashed;
    float lexicon[lexicon_features] = {};
  };

  /// Turns text into features (owns an analyzer and a sentiment analyzer: one per thread).
  class extractor {
   public:
    explicit extractor(std::string lang);
    void extract(std::string_view text, features& out);

   private:
    analyzer analyzer_;
    analysis analysis_;
    sentiment_analyzer sentiment_;
    sentiment_result sentiment_result_;
  };

  /// Trains on documents and their labels (the label set is the sorted set of labels seen).
  static text_classifier train(const std::vector<features>& docs, const std::vector<std::string>& labels,
                               const classifier_training& settings, std::string lang);
  /// Trains a regression on documents and their scores (squared loss): predict_score().
  static text_classifier train_scores(const std::vector<features>& docs, const std::vector<float>& scores,
                                      const classifier_training& settings, std::string lang);
  /// A regression model's score for a document.
  float predict_score(const features& doc) const;
  bool is_regression() const noexcept { return regression_; }

  /// Class probabilities, in the order of labels().
  void predict(const features& doc, std::vector<float>& probabilities) const;
  const std::vector<std::string>& labels() const noexcept { return labels_; }
  const std::string& lang() const noexcept { return lang_; }

  model_file to_file() const;
  static text_classifier from_file(const model_file& file, std::string_view source);
  /// The embedded data its features read (tokenizer abbreviations, lexicons and rule lists),
  /// fingerprinted: recorded as "analysis.data" (see analysis_differences()).
  static std::string data_fingerprint();

 private:
  std::vector<std::string> labels_;
  std::string lang_;
  Eigen::MatrixXf weights_;  // (2^hash_bits + lexicon_features) x classes (x 1 for a regression)
  Eigen::VectorXf bias_;
  bool regression_ = false;
};

}  // namespace textkit
