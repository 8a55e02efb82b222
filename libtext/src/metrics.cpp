#include "textkit/metrics.hpp"

#include <cmath>

#include "textkit/error.hpp"

namespace textkit {

classification_report classify_report(std::span<const std::string> gold, std::span<const std::string> predicted) {
  if (gold.size() != predicted.size()) {
    throw error(error_kind::usage, "gold and predicted labels differ in number");
  }
  classification_report report;
  report.items = gold.size();
  std::size_t correct = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    class_scores& g = report.classes[gold[i]];
    class_scores& p = report.classes[predicted[i]];
    g.gold += 1;
    p.predicted += 1;
    if (gold[i] == predicted[i]) {
      g.true_positives += 1;
      ++correct;
    }
  }
  report.accuracy = gold.empty() ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold.size());
  double f1_sum = 0;
  for (auto& [label, s] : report.classes) {
    s.precision = s.predicted ? static_cast<double>(s.true_positives) / static_cast<double>(s.predicted) : 0.0;
    s.recall = s.gold ? static_cast<double>(s.true_positives) / static_cast<double>(s.gold) : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    f1_sum += s.f1;
  }
  report.macro_f1 = report.classes.empty() ? 0.0 : f1_sum / static_cast<double>(report.classes.size());
  return report;
}

double semeval_favg(const classification_report& report, std::span<const std::string> classes) {
  if (classes.empty()) throw error(error_kind::usage, "F_avg needs at least one class");
  double sum = 0;
  for (const auto& c : classes) {
    const auto it = report.classes.find(c);
    if (it != report.classes.end()) sum += it->second.f1;
  }
  return sum / static_cast<double>(classes.size());
}

double pearson(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw error(error_kind::usage, "pearson: the two series differ in length");
  if (x.empty()) return 0.0;
  const double n = static_cast<double>(x.size());
  double mean_x = 0, mean_y = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mean_x += x[i];
    mean_y += y[i];
  }
  mean_x /= n;
  mean_y /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - mean_x;
    const double dy = y[i] - mean_y;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

double cosine(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw error(error_kind::usage, "cosine: the two series differ in length");
  double dot = 0, xx = 0, yy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    dot += x[i] * y[i];
    xx += x[i] * x[i];
    yy += y[i] * y[i];
  }
  return xx > 0 && yy > 0 ? dot / std::sqrt(xx * yy) : 0.0;
}

}  // namespace textkit
