#pragma once
/// @file metrics.hpp
/// The evaluation metrics of the benchmarks textkit reports on, computed exactly as their
/// papers and scorers define them.
#include <map>
#include <span>
#include <string>
#include <vector>

namespace textkit {

/// Precision, recall and F1 of one class, with the counts behind them.
struct class_scores {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  std::size_t true_positives = 0;
  std::size_t gold = 0;       ///< items whose gold label is the class (support)
  std::size_t predicted = 0;  ///< items predicted as the class
};

/// Classification results over paired gold and predicted labels.
struct classification_report {
  std::size_t items = 0;
  double accuracy = 0;
  std::map<std::string, class_scores> classes;  ///< every label seen in gold or predictions
  double macro_f1 = 0;                          ///< mean F1 over the classes of `classes`
};

/// Scores `predicted` against `gold` (same length). Precision is 0 for a class never predicted
/// and recall 0 for a class absent from gold; F1 is 0 when precision + recall is 0 (as
/// scikit-learn with zero_division=0).
classification_report classify_report(std::span<const std::string> gold, std::span<const std::string> predicted);

/// SemEval-2016 Task 6's F_avg: the mean of the F1 of `classes` (by default FAVOR and
/// AGAINST); the other labels (NONE) only count through the precision and recall of these.
double semeval_favg(const classification_report& report, std::span<const std::string> classes);

/// Pearson's correlation coefficient; 0 when either side has no variance.
double pearson(std::span<const double> x, std::span<const double> y);

/// Cosine similarity of two score vectors (SemEval-2017 Task 5); 0 when either is all zeros.
double cosine(std::span<const double> x, std::span<const double> y);

}  // namespace textkit
