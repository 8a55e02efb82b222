// textkit eval --gold GOLD.jsonl --pred PRED.jsonl [--gold-field F] [--pred-field F]
//              [--metric accuracy|macro-f1|f1|favg|pearson|cosine]... [--output tsv|jsonl]
//
// Scores predictions against gold labels or scores with the benchmarks' own metrics. Records
// are paired by --id-field when every record of both files has a distinct one, else line by line.
// Fields may be nested: --pred-field sentiment.label. Output: "metric<TAB>value" lines (per
// class: "f1<TAB>CLASS<TAB>precision<TAB>recall<TAB>f1<TAB>support"), or one JSON object.
#include <fmt/format.h>
#include <simdjson.h>

#include <map>
#include <set>
#include <optional>

#include "exit_status.hpp"
#include "output_format.hpp"
#include "subcommand.hpp"
#include "textkit/error.hpp"
#include "textkit/metrics.hpp"
#include "textkit/utf8.hpp"
#include "tool_support.hpp"

namespace textkit::cli {
namespace {

struct eval_options {
  std::string gold;
  std::string pred;
  std::string gold_field = "label";
  std::string pred_field;  // default: same as gold_field
  std::string id_field = "id";
  std::vector<std::string> metrics;
  std::vector<std::string> favg_classes{"FAVOR", "AGAINST"};
  std::string output = "tsv";
};

// One record's value: a label (string) or a score (number), with where it came from.
struct value {
  std::optional<std::string> id;
  std::string label;
  std::optional<double> number;
  std::size_t line = 0;
};

// Follows a dotted path ("sentiment.label") through nested objects.
simdjson::error_code lookup(simdjson::dom::object object, const std::string& path, simdjson::dom::element& out) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (auto err = object.at_key(key).get(out)) return err;
    if (dot == std::string::npos) return simdjson::SUCCESS;
    if (auto err = out.get_object().get(object)) return err;
    start = dot + 1;
  }
}

std::vector<value> load(const std::string& path, const std::string& field, const std::string& id_field) {
  std::vector<value> values;
  for_each_jsonl_object(path, [&](simdjson::dom::object object, std::size_t line_number) {
    auto fail = [&](const std::string& message) {
      throw error(error_kind::data, fmt::format("{}:{}: {}", path, line_number, message));
    };
    const simdjson::dom::object root = object;
    value v;
    v.line = line_number;
    simdjson::dom::element id;
    if (!lookup(root, id_field, id)) {
      std::string_view s;
      v.id = id.get_string().get(s) ? std::string(simdjson::minify(id)) : std::string(s);
    }
    simdjson::dom::element x;
    if (lookup(root, field, x)) fail(fmt::format("missing field \"{}\"", field));
    std::string_view s;
    double d;
    if (!x.get_string().get(s)) {
      v.label = s;
    } else if (!x.get_double().get(d)) {
      v.number = d;
      v.label = simdjson::minify(x);
    } else if (x.is_bool()) {
      v.label = simdjson::minify(x);
    } else {
      fail(fmt::format("field \"{}\" is not a label (string) or a score (number)", field));
    }
    values.push_back(std::move(v));
  });
  if (values.empty()) throw error(error_kind::data, fmt::format("{}: no records", path));
  return values;
}

// Pairs gold and predicted records: by id when every record has one, else line by line.
std::vector<std::pair<value, value>> pair_up(const eval_options& o, std::vector<value> gold, std::vector<value> pred) {
  std::vector<std::pair<value, value>> pairs;
  const auto all_have_ids = [](const std::vector<value>& v) {
    for (const auto& x : v) {
      if (!x.id) return false;
    }
    return true;
  };
  const auto unique_ids = [](const std::vector<value>& v) {
    std::set<std::string> seen;
    for (const auto& x : v) {
      if (!seen.insert(*x.id).second) return false;
    }
    return true;
  };
  // Pair by id when ids name records uniquely (some sets repeat a text, and its id, per target:
  // then the line order pairs them).
  if (all_have_ids(gold) && all_have_ids(pred) && unique_ids(gold) && unique_ids(pred)) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < pred.size(); ++i) {
      if (!index.emplace(*pred[i].id, i).second) {
        throw error(error_kind::data, fmt::format("{}:{}: duplicate id {}", o.pred, pred[i].line, *pred[i].id));
      }
    }
    std::map<std::string, std::size_t> seen;
    for (auto& g : gold) {
      if (!seen.emplace(*g.id, g.line).second) {
        throw error(error_kind::data, fmt::format("{}:{}: duplicate id {}", o.gold, g.line, *g.id));
      }
      const auto it = index.find(*g.id);
      if (it == index.end()) {
        throw error(error_kind::data, fmt::format("{}: no prediction for id {} ({}:{})", o.pred, *g.id, o.gold, g.line));
      }
      pairs.emplace_back(std::move(g), pred[it->second]);
    }
    if (pred.size() != gold.size()) {
      throw error(error_kind::data,
                  fmt::format("{} has {} records with ids not in {}", o.pred, pred.size() - gold.size(), o.gold));
    }
    return pairs;
  }
  if (gold.size() != pred.size()) {
    throw error(error_kind::data, fmt::format("{} has {} records and {} has {} (and not every record has an \"{}\" to pair them)",
                                              o.gold, gold.size(), o.pred, pred.size(), o.id_field));
  }
  for (std::size_t i = 0; i < gold.size(); ++i) pairs.emplace_back(std::move(gold[i]), std::move(pred[i]));
  return pairs;
}

std::vector<double> numbers(const std::vector<std::pair<value, value>>& pairs, bool gold_side, const std::string& path) {
  std::vector<double> out;
  for (const auto& [g, p] : pairs) {
    const value& v = gold_side ? g : p;
    if (!v.number) throw error(error_kind::data, fmt::format("{}:{}: \"{}\" is not a number", path, v.line, v.label));
    out.push_back(*v.number);
  }
  return out;
}

int run_eval(const eval_options& o) {
  const std::string pred_field = o.pred_field.empty() ? o.gold_field : o.pred_field;
  const auto pairs = pair_up(o, load(o.gold, o.gold_field, o.id_field), load(o.pred, pred_field, o.id_field));
  std::vector<std::string> metrics = o.metrics;
  if (metrics.empty()) {
    const bool numeric = pairs.front().first.number.has_value();
    metrics = numeric ? std::vector<std::string>{"pearson", "cosine"}
                      : std::vector<std::string>{"accuracy", "macro-f1", "f1"};
  }
  std::vector<std::pair<std::string, double>> results;  // in the order asked
  std::optional<classification_report> report;
  auto classification = [&]() -> const classification_report& {
    if (!report) {
      std::vector<std::string> gold, pred;
      for (const auto& [g, p] : pairs) {
        gold.push_back(g.label);
        pred.push_back(p.label);
      }
      report = classify_report(gold, pred);
    }
    return *report;
  };
  bool per_class = false;
  for (const auto& m : metrics) {
    if (m == "accuracy") {
      results.emplace_back(m, classification().accuracy);
    } else if (m == "macro-f1") {
      results.emplace_back(m, classification().macro_f1);
    } else if (m == "favg") {
      results.emplace_back(m, semeval_favg(classification(), o.favg_classes));
    } else if (m == "f1") {
      classification();
      per_class = true;
    } else if (m == "pearson") {
      results.emplace_back(m, pearson(numbers(pairs, true, o.gold), numbers(pairs, false, o.pred)));
    } else if (m == "cosine") {
      results.emplace_back(m, cosine(numbers(pairs, true, o.gold), numbers(pairs, false, o.pred)));
    }
  }
  std::string out;
  if (o.output == "jsonl") {
    out += fmt::format("{{\"items\":{}", pairs.size());
    for (const auto& [name, v] : results) out += fmt::format(",\"{}\":{}", name, v);
    if (per_class) {
      out += ",\"classes\":{";
      bool first = true;
      for (const auto& [label, s] : report->classes) {
        if (!first) out += ",";
        first = false;
        append_json_string(out, label);
        out += fmt::format(":{{\"precision\":{},\"recall\":{},\"f1\":{},\"support\":{}}}", s.precision, s.recall,
                           s.f1, s.gold);
      }
      out += "}";
    }
    out += "}\n";
  } else {
    out += fmt::format("items\t{}\n", pairs.size());
    for (const auto& [name, v] : results) out += fmt::format("{}\t{:.6f}\n", name, v);
    if (per_class) {
      for (const auto& [label, s] : report->classes) {
        out += "f1\t";
        append_tsv_field(out, label);
        out += fmt::format("\t{:.6f}\t{:.6f}\t{:.6f}\t{}\n", s.precision, s.recall, s.f1, s.gold);
      }
    }
  }
  write_to_stdout(out);  // (false: the reader went away, a quiet stop)
  return exit_ok;
}

}  // namespace

subcommand_action setup_eval(CLI::App& app) {
  auto o = std::make_shared<eval_options>();
  app.add_option("-g,--gold", o->gold, "Gold JSON Lines (labels or scores)")->type_name("FILE")->required();
  app.add_option("-p,--pred", o->pred, "Predictions, JSON Lines")->type_name("FILE")->required();
  app.add_option("--gold-field", o->gold_field, "Field of the gold label or score (a.b for nested)")
      ->default_str("label")
      ->type_name("FIELD");
  app.add_option("--pred-field", o->pred_field, "Field of the prediction (default: --gold-field), e.g. sentiment.label")
      ->type_name("FIELD");
  app.add_option("--id-field", o->id_field, "Field pairing gold and predicted records (else: line order)")
      ->default_str("id")
      ->type_name("FIELD");
  app.add_option("-m,--metric", o->metrics,
                 "accuracy, macro-f1, f1 (per class), favg (SemEval-2016 stance: mean F1 of FAVOR and AGAINST), "
                 "pearson, cosine (SemEval-2017 Task 5); repeatable. Default: accuracy, macro-f1 and f1 for labels; "
                 "pearson and cosine for scores")
      ->check(CLI::IsMember({"accuracy", "macro-f1", "f1", "favg", "pearson", "cosine"}).description(""))
      ->type_name("METRIC")
      ->allow_extra_args(false);
  app.add_option("--favg-classes", o->favg_classes, "The classes F_avg averages over")
      ->delimiter(',')
      ->default_str("FAVOR,AGAINST")
      ->type_name("A,B");
  app.add_option("--output", o->output, "tsv (metric<TAB>value lines) or jsonl (one object)")
      ->check(CLI::IsMember({"tsv", "jsonl"}).description(""))
      ->default_str("tsv")
      ->type_name("FORMAT");
  return [o]() { return run_eval(*o); };
}

}  // namespace textkit::cli
