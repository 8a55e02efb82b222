// textkit tfidf fit   [FILE...] -o MODEL [--partial] [--min-df X] [--max-df X] [--max-features N]
// textkit tfidf merge MODEL... -o MODEL [--partial] [--min-df X] [--max-df X] [--max-features N]
// textkit tfidf       [FILE...] --model MODEL [--top K | --vector ids|terms] [weighting]
// textkit tfidf       FILE... --fit [fit and weighting options]      (small jobs: both passes)
// textkit tfidf vocabulary MODEL [--output tsv|jsonl] [--header] [--no-smooth-idf]
//
// JSONL: adds "tfidf": [{"term","weight"}...] (top K, weight descending then term bytes), or
//        {"ids":[...],"weights":[...]} / {"terms":[...],"weights":[...]} with --vector.
// TSV:   id, term, weight (one row per kept term).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "exit_status.hpp"
#include "output_format.hpp"
#include "record_stream.hpp"
#include "subcommand.hpp"
#include "textkit/error.hpp"
#include "textkit/tfidf.hpp"
#include "tool_support.hpp"

namespace textkit::cli {
namespace {

struct pruning_flags {
  int hash_bits = 0;
  std::string min_df = "1";
  std::string max_df = "1.0";
  std::uint64_t max_features = 0;  // 0: no limit
  bool partial = false;

  tfidf_pruning parse() const {
    tfidf_pruning p;
    p.min_df = df_bound::parse(min_df, "--min-df");
    p.max_df = df_bound::parse(max_df, "--max-df");
    if (max_features) p.max_features = max_features;
    return p;
  }
};

void add_pruning_options(CLI::App& app, pruning_flags& flags) {
  app.add_option("--min-df", flags.min_df,
                 "Drop terms in fewer documents than this: a count (2) or a proportion (0.01)")
      ->default_str("1");
  app.add_option("--max-df", flags.max_df,
                 "Drop terms in more documents than this: a count (5000) or a proportion (0.9)")
      ->default_str("1.0");
  app.add_option("--max-features", flags.max_features,
                 "Keep the N terms most frequent over the corpus (ties: term bytes ascending); 0: all")
      ->default_str("0")
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1} << 40).description(""));
  app.add_option("--hash-bits", flags.hash_bits,
                 "Hash terms into 2^N buckets (1-30): memory bounded by 2^N whatever the corpus, at the cost of "
                 "colliding terms sharing a weight; 0: exact vocabulary")
      ->check(CLI::Range(0, 30).description(""))
      ->type_name("N")
      ->default_str("0");
  app.add_flag("--partial", flags.partial,
               "Write unpruned counts, to merge later with 'textkit tfidf merge' (pruning happens there)");
}

struct weighting_flags {
  bool smooth_idf = true;
  bool sublinear_tf = false;
  bool binary = false;
  bool use_idf = true;
  std::string norm = "l2";
  std::size_t top = 0;
  std::string vector;  // "", "ids" or "terms"

  tfidf_weighting parse() const {
    tfidf_weighting w;
    w.smooth_idf = smooth_idf;
    w.sublinear_tf = sublinear_tf;
    w.binary = binary;
    w.use_idf = use_idf;
    w.norm = norm == "l1" ? tfidf_weighting::norm_kind::l1
             : norm == "none" ? tfidf_weighting::norm_kind::none
                              : tfidf_weighting::norm_kind::l2;
    return w;
  }
};

void add_weighting_options(CLI::App& app, weighting_flags& flags) {
  app.add_flag("--smooth-idf,!--no-smooth-idf", flags.smooth_idf,
               "idf = ln((1+n)/(1+df)) + 1 [default]; --no-smooth-idf: ln(n/df) + 1");
  app.add_flag("--sublinear-tf", flags.sublinear_tf, "tf = 1 + ln(count) instead of the count");
  app.add_flag("--binary", flags.binary, "tf = 1 for every term present, whatever its count");
  app.add_flag("--idf,!--no-idf", flags.use_idf, "Weight = tf * idf [default]; --no-idf: tf alone (then normalised)");
  app.add_option("--norm", flags.norm, "Document vector norm: l2, l1 or none")
      ->check(CLI::IsMember({"l2", "l1", "none"}).description(""))
      ->type_name("NORM")
      ->default_str("l2");
  auto* top = app.add_option("--top", flags.top, "The K highest-weighted terms per document [default: 10]")
                  ->type_name("K")
                  ->check(CLI::PositiveNumber.description(""));
  app.add_option("--vector", flags.vector,
                 "The whole sparse vector instead: 'ids' (feature ids = rank of the term in byte order) or 'terms'")
      ->check(CLI::IsMember({"ids", "terms"}).description(""))
      ->type_name("ids|terms")
      ->excludes(top);
}

// ---- fit ----------------------------------------------------------------------------------

// A new temporary file in $TMPDIR when set, else /tmp (std::filesystem follows the POSIX
// rules); its name goes to `path`.
int make_temp_file(std::string& path) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  path = ((ec ? std::filesystem::path("/tmp") : dir) / "textkit-tfidf-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw error(error_kind::io, fmt::format("cannot create a temporary file in {}: {}",
                                                      std::filesystem::path(path).parent_path().string(),
                                                      std::strerror(errno)));
  return fd;
}

// --fit analyses the text once. The fitting pass writes each document's distinct terms, as
// (entry, count) pairs, to a temporary file (one per worker, 8 bytes a distinct term,
// unlinked at once so nothing is left behind); the weighing pass reads them back instead of
// analysing the text again, and has nothing left to count. Memory: the statistics, plus 16
// bytes a document for the index below.
struct id_spool {
  using document_term = term_statistics::document_term;
  struct document {
    std::uint64_t offset = 0;  // in pairs, into the worker's file
    std::uint32_t count = 0;   // pairs
    std::uint32_t worker = term_index::npos;  // npos: not spooled (a malformed record)
  };
  struct worker_file {
    int fd = -1;
    std::vector<std::uint32_t> entry_of;  // the worker's entry ids → the merged statistics'
    struct feature {
      double idf = 0;
      std::uint32_t id = term_index::npos;  // npos: pruned
    };
    std::vector<feature> feature_of;  // the worker's entry ids → model feature id and idf (one read)
  };
  std::vector<document> documents;  // by record number - 1
  std::vector<worker_file> workers;

  ~id_spool() {
    for (const auto& w : workers) {
      if (w.fd >= 0) ::close(w.fd);
    }
  }
  // Once the model is built: compose the two maps so the weighing pass does one lookup.
  void resolve(const std::vector<std::uint32_t>& feature_of_entry, const tfidf_vectorizer& vectorizer) {
    for (auto& w : workers) {
      w.feature_of.resize(w.entry_of.size());
      for (std::size_t i = 0; i < w.entry_of.size(); ++i) {
        const std::uint32_t feature = feature_of_entry[w.entry_of[i]];
        w.feature_of[i] = {feature == term_index::npos ? 0.0 : vectorizer.idf(feature), feature};
      }
      w.entry_of = {};
    }
  }
};

void write_all(int fd, const void* data, std::size_t size, const std::string& path) {
  if (const int failure = write_fully(fd, std::string_view(static_cast<const char*>(data), size))) {
    throw error(error_kind::io, fmt::format("{}: write error: {}", path, std::strerror(failure)));
  }
}

// Accumulates statistics in its worker; finish() hands them to the shared total. With a
// spool (the fitting pass of --fit), also writes each document's term entries to it.
class fit_processor final : public record_processor {
 public:
  fit_processor(const analyzer_options& options, term_statistics& total, std::mutex& mutex, id_spool* spool)
      : analyzer_(options), stats_(total.hash_bits()), total_(total), mutex_(mutex), spool_(spool) {
    if (!spool_) return;
    std::lock_guard lock(mutex_);
    worker_ = static_cast<std::uint32_t>(spool_->workers.size());
    spool_->workers.emplace_back();
    spool_->workers.back().fd = make_temp_file(path_);
    ::unlink(path_.c_str());
  }
  void process(const record& rec, output_format, std::string&) override {
    analyzer_.analyze(rec.text, result_);
    if (!spool_) {
      stats_.add_document(result_.terms);
      return;
    }
    const std::size_t before = buffer_.size();
    stats_.add_document(result_.terms, &buffer_);
    const auto count = static_cast<std::uint32_t>(buffer_.size() - before);  // distinct terms
    documents_.push_back({rec.number, {written_ + before, count, worker_}});
    if (buffer_.size() >= (1u << 18)) flush();
  }
  void finish() override {
    if (spool_) flush();
    std::lock_guard lock(mutex_);
    std::vector<std::uint32_t> entry_of = total_.merge(std::move(stats_));
    if (!spool_) return;
    spool_->workers[worker_].entry_of = std::move(entry_of);
    for (const auto& [number, doc] : documents_) {
      if (spool_->documents.size() < number) spool_->documents.resize(number);
      spool_->documents[number - 1] = doc;
    }
  }

 private:
  void flush() {
    write_all(spool_->workers[worker_].fd, buffer_.data(), buffer_.size() * sizeof(id_spool::document_term), path_);
    written_ += buffer_.size();
    buffer_.clear();
  }

  analyzer analyzer_;
  analysis result_;
  term_statistics stats_;
  term_statistics& total_;
  std::mutex& mutex_;
  id_spool* spool_;  // null: statistics only
  std::uint32_t worker_ = 0;
  std::string path_;
  std::vector<id_spool::document_term> buffer_;  // pairs not yet written
  std::uint64_t written_ = 0;                     // pairs written
  std::vector<std::pair<std::uint64_t, id_spool::document>> documents_;
};

// One pass over the inputs: the corpus statistics (and, with `spool`, the term entries of
// every document, for --fit; its malformed records are then reported by the second pass).
// Returns the stream's exit status.
int fit_statistics(const stream_options& stream, const analyzer_options& analysis, term_statistics& total,
                   const char* command, id_spool* spool = nullptr) {
  std::mutex mutex;
  stream_options options = stream;
  options.discard_records = true;
  options.output_file.clear();
  options.header = false;
  options.quiet_errors = spool != nullptr;
  return run_stream(
      options, [&] { return std::make_unique<fit_processor>(analysis, total, mutex, spool); }, command, "");
}

// ---- transform ----------------------------------------------------------------------------

// Writes a document's weights, given in any order: sorted here, by feature id for --vector,
// by weight for --top.
void append_weights(const record& rec, output_format format, std::string& out,
                    std::vector<std::pair<std::uint32_t, double>>& vector, const tfidf_vectorizer& vectorizer,
                    const weighting_flags& flags) {
  std::span<const std::pair<std::uint32_t, double>> shown = vector;
  if (flags.vector.empty()) {
    // Top K: weight descending, then term bytes ascending (= feature id ascending).
    const std::size_t k = std::min(flags.top ? flags.top : 10, vector.size());
    std::partial_sort(vector.begin(), vector.begin() + static_cast<std::ptrdiff_t>(k), vector.end(),
                      [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    shown = shown.first(k);
    for (const auto& entry : shown) vectorizer.prefetch_term(entry.first);
  } else {
    tfidf_vectorizer::sort_by_feature(vector);
  }
  if (format == output_format::tsv) {
    for (const auto& [id, weight] : shown) {
      append_tsv_field(out, rec.id);
      out.push_back('\t');
      append_tsv_field(out, vectorizer.term_of(id));
      out.push_back('\t');
      append_shortest(out, weight);
      out.push_back('\n');
    }
    return;
  }
  out += "\"tfidf\":";
  if (flags.vector.empty()) {
    out.push_back('[');
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (i) out.push_back(',');
      out += "{\"term\":";
      append_json_string(out, vectorizer.term_of(shown[i].first));
      out += ",\"weight\":";
      append_shortest(out, shown[i].second);
      out.push_back('}');
    }
    out.push_back(']');
    return;
  }
  out += flags.vector == "ids" ? "{\"ids\":[" : "{\"terms\":[";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (i) out.push_back(',');
    if (flags.vector == "ids") {
      append_int(out, vectorizer.public_id(shown[i].first));
    } else {
      append_json_string(out, vectorizer.term_of(shown[i].first));
    }
  }
  out += "],\"weights\":[";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (i) out.push_back(',');
    append_shortest(out, shown[i].second);
  }
  out += "]}";
}

class transform_processor final : public record_processor {
 public:
  transform_processor(const tfidf_model& model, const tfidf_vectorizer& vectorizer, const weighting_flags& flags)
      : analyzer_(model.analysis), vectorizer_(vectorizer), flags_(flags) {}

  void process(const record& rec, output_format format, std::string& out) override {
    analyzer_.analyze(rec.text, result_);
    vectorizer_.transform(result_.terms, vector_, scratch_);
    append_weights(rec, format, out, vector_, vectorizer_, flags_);
  }

 private:
  analyzer analyzer_;
  analysis result_;
  const tfidf_vectorizer& vectorizer_;
  const weighting_flags& flags_;
  std::vector<std::pair<std::uint32_t, double>> vector_;
  tfidf_vectorizer::scratch scratch_;
};

int transform(const stream_options& stream, const tfidf_model& model, const weighting_flags& flags) {
  const tfidf_vectorizer vectorizer(model, flags.parse());
  return run_stream(
      stream, [&] { return std::make_unique<transform_processor>(model, vectorizer, flags); }, "textkit tfidf",
      "id\tterm\tweight");
}

// `for_merge`: a partial model, whose counts are added to others; it must come from this very
// textkit (another analysis would count other terms). A model to apply only gets a warning.
tfidf_model load_model(const std::string& path, bool for_merge) {
  const model_file file = model_file::parse(read_file(path), path);
  tfidf_model model = tfidf_model::from_file(file, path);
  if (model.partial && !for_merge) {
    throw error(error_kind::usage,
                fmt::format("{}: a partial model holds unpruned counts; merge it first (textkit tfidf merge)", path));
  }
  for (const std::string& difference : analysis_differences(file)) {
    if (for_merge) {
      throw error(error_kind::usage,
                  fmt::format("{}: {}: its counts cannot be merged exactly; fit the shard again with this textkit", path,
                              difference));
    }
    fmt::print(stderr, "textkit tfidf: warning: {}: {}: documents may be analysed differently; fit it again to be sure\n",
               path, difference);
  }
  return model;
}

// ---- vocabulary ----------------------------------------------------------------------------

// Every feature of a model in feature id order (term bytes; bucket numbers when hashed), with
// its document frequency, total count and the idf that weighing would use: the model's
// vocabulary_ and idf_, in scikit-learn's words. Stops quietly when the reader goes away.
int print_vocabulary(const std::string& path, bool jsonl, bool header, bool smooth_idf) {
  // "-": a model piped in (`textkit tfidf fit -o - ... | textkit tfidf vocabulary -`).
  const std::string name = path == "-" ? "<stdin>" : path;
  const tfidf_model model =
      tfidf_model::from_file(model_file::parse(read_file(path == "-" ? "/dev/stdin" : path), name), name);
  tfidf_weighting weighting;
  weighting.smooth_idf = smooth_idf;
  const tfidf_vectorizer features(model, weighting, tfidf_vectorizer::lookup::none);
  std::string out;
  if (header && !jsonl) out += "id\tterm\tdf\ttf\tidf\n";
  const auto write_out = [&out] {
    if (!write_to_stdout(out)) return false;
    out.clear();
    return true;
  };
  for (std::uint32_t id = 0; id < model.terms.size(); ++id) {
    if (jsonl) {
      out += "{\"id\":";
      append_int(out, features.public_id(id));
      out += ",\"term\":";
      append_json_string(out, model.terms[id]);
      out += ",\"df\":";
      append_int(out, model.df[id]);
      out += ",\"tf\":";
      append_int(out, model.tf[id]);
      out += ",\"idf\":";
      append_shortest(out, features.idf(id));
      out += "}\n";
    } else {
      append_int(out, features.public_id(id));
      out.push_back('\t');
      append_tsv_field(out, model.terms[id]);
      out.push_back('\t');
      append_int(out, model.df[id]);
      out.push_back('\t');
      append_int(out, model.tf[id]);
      out.push_back('\t');
      append_shortest(out, features.idf(id));
      out.push_back('\n');
    }
    if (out.size() >= (1u << 16) && !write_out()) return exit_ok;
  }
  write_out();
  return exit_ok;
}

// ---- --fit: weighing from the spool ------------------------------------------------------

// The weighing pass of --fit: a document's terms come from the spool.
class spooled_transform_processor final : public record_processor {
 public:
  spooled_transform_processor(const id_spool& spool, const tfidf_vectorizer& vectorizer, const weighting_flags& flags)
      : spool_(spool), vectorizer_(vectorizer), flags_(flags) {}

  void process(const record& rec, output_format format, std::string& out) override {
    const id_spool::document* doc = rec.number <= spool_.documents.size() ? &spool_.documents[rec.number - 1] : nullptr;
    if (!doc || doc->worker == term_index::npos) {
      throw error(error_kind::io, fmt::format("{}:{}: the input changed between the two passes of --fit", rec.source,
                                              rec.line));
    }
    const id_spool::worker_file& file = spool_.workers[doc->worker];
    const std::span<const id_spool::document_term> terms = read_terms(doc->worker, *doc);
    // Each distinct term's feature and idf, asked a few terms ahead: rare terms sit all over
    // a corpus-sized table, and their cache misses then overlap.
    constexpr std::size_t ahead = 16;
    for (std::size_t i = 0; i < std::min(ahead, terms.size()); ++i) __builtin_prefetch(&file.feature_of[terms[i].entry]);
    vector_.clear();
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (i + ahead < terms.size()) __builtin_prefetch(&file.feature_of[terms[i + ahead].entry]);
      if (const id_spool::worker_file::feature f = file.feature_of[terms[i].entry]; f.id != term_index::npos) {
        vector_.emplace_back(f.id, vectorizer_.term_weight(terms[i].count, f.idf));
      }
    }
    vectorizer_.normalise(vector_);
    append_weights(rec, format, out, vector_, vectorizer_, flags_);
  }

 private:
  // A document's terms from its worker's spool file. Reading them document by document
  // was a system call each: each spool file has a read-ahead window here, refilled from the
  // document's offset when it falls outside (documents of a file come in increasing offsets).
  std::span<const id_spool::document_term> read_terms(std::uint32_t worker, const id_spool::document& doc) {
    if (windows_.size() < spool_.workers.size()) windows_.resize(spool_.workers.size());
    read_window& w = windows_[worker];
    if (doc.offset < w.first || doc.offset + doc.count > w.first + w.terms.size()) {
      constexpr std::size_t window_pairs = std::size_t{1} << 15;  // 256 KB
      w.first = doc.offset;
      w.terms.resize(std::max<std::size_t>(doc.count, window_pairs));
      const std::size_t bytes = w.terms.size() * sizeof(id_spool::document_term);
      std::size_t got = 0;
      while (got < bytes) {
        const ssize_t n = ::pread(spool_.workers[worker].fd, reinterpret_cast<char*>(w.terms.data()) + got,
                                  bytes - got, static_cast<off_t>(doc.offset * sizeof(id_spool::document_term) + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw error(error_kind::io, fmt::format("temporary file read error: {}", std::strerror(errno)));
        if (n == 0) break;  // the end of the file: the window is shorter
        got += static_cast<std::size_t>(n);
      }
      w.terms.resize(got / sizeof(id_spool::document_term));
      if (w.terms.size() < doc.count) {
        throw error(error_kind::io, "temporary file read error: the spool file is shorter than written");
      }
    }
    return std::span<const id_spool::document_term>(w.terms).subspan(doc.offset - w.first, doc.count);
  }

  struct read_window {
    std::uint64_t first = 0;  // in pairs
    std::vector<id_spool::document_term> terms;
  };
  const id_spool& spool_;
  const tfidf_vectorizer& vectorizer_;
  const weighting_flags& flags_;
  std::vector<read_window> windows_;  // by spool file
  std::vector<std::pair<std::uint32_t, double>> vector_;
};

// tfidf --fit: fit (spooling term entries), build the model in memory, weigh.
int fit_and_transform(const stream_options& stream, const analyzer_options& analysis, const pruning_flags& pruning,
                      const weighting_flags& weighting) {
  id_spool spool;
  term_statistics total(pruning.hash_bits);
  if (const int status = fit_statistics(stream, analysis, total, "textkit tfidf", &spool); status != exit_ok) {
    return status;
  }
  std::vector<std::uint32_t> feature_of_entry;
  tfidf_model model;
  if (total.documents() == 0) {
    // No input, or only malformed records: nothing to weigh, which is no error for a filter;
    // the second pass still reports (or passes on) the malformed records.
    model.analysis = analysis;
    model.pruning = pruning.parse();
  } else {
    model = tfidf_model::build(total, analysis, pruning.parse(), false, &feature_of_entry);
  }
  // The spool maps entries to features itself: no term index to build.
  const tfidf_vectorizer vectorizer(model, weighting.parse(), tfidf_vectorizer::lookup::none);
  spool.resolve(feature_of_entry, vectorizer);
  return run_stream(
      stream, [&] { return std::make_unique<spooled_transform_processor>(spool, vectorizer, weighting); },
      "textkit tfidf", "id\tterm\tweight");
}

// Standard input can be read once only: --fit copies it to a temporary file for the second
// pass. Returns the copy's path, or "" when the inputs do not include standard input.
std::string spool_stdin(const std::vector<std::string>& files) {
  bool has_stdin = files.empty();
  for (const auto& f : files) has_stdin = has_stdin || f == "-";
  if (!has_stdin) return {};
  std::string temp_path;
  const int fd = make_temp_file(temp_path);
  std::string buffer(1 << 20, '\0');
  try {
    for (;;) {
      const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
      if (got == 0) break;
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw error(error_kind::io, fmt::format("<stdin>: read error: {}", std::strerror(errno)));
      write_all(fd, buffer.data(), static_cast<std::size_t>(got), temp_path);
    }
  } catch (...) {
    ::close(fd);
    ::unlink(temp_path.c_str());
    throw;
  }
  ::close(fd);
  return temp_path;
}

struct tfidf_options {
  stream_options stream;
  analysis_flags analysis;
  pruning_flags pruning;
  weighting_flags weighting;
  std::string model;
  bool fit = false;
  std::string fit_output;
  std::vector<std::string> merge_inputs;
};

}  // namespace

subcommand_action setup_tfidf(CLI::App& app) {
  auto options = std::make_shared<tfidf_options>();
  app.require_subcommand(0, 1);
  // scikit-learn's TfidfVectorizer folds case and keeps word tokens only: so do our defaults.
  options->analysis.lower = true;
  options->analysis.drop_punct = true;

  // textkit tfidf (transform)
  add_stream_options(app, options->stream, {output_format::jsonl, output_format::tsv});
  add_analysis_options(app, options->analysis);
  add_weighting_options(app, options->weighting);
  add_pruning_options(app, options->pruning);
  app.add_option("-m,--model", options->model, "The tfidf model to apply (from 'textkit tfidf fit' or 'merge')")
      ->type_name("MODEL");
  app.add_flag("--fit", options->fit,
               "Fit on the inputs, then weigh the same inputs (the text is analysed once, the inputs read twice; standard input is spooled to $TMPDIR or /tmp)");

  // textkit tfidf fit
  CLI::App* fit = app.add_subcommand("fit", "Count document frequencies over a corpus and write a model");
  auto fit_options = std::make_shared<tfidf_options>(*options);
  add_input_options(*fit, fit_options->stream);
  add_analysis_options(*fit, fit_options->analysis);
  add_pruning_options(*fit, fit_options->pruning);
  fit->add_option("-o,--output-file", fit_options->fit_output, "The model file to write ('-': standard output)")
      ->type_name("MODEL")
      ->required();

  // textkit tfidf merge
  CLI::App* merge = app.add_subcommand("merge", "Add up partial models fitted on shards, then prune");
  auto merge_options = std::make_shared<tfidf_options>();
  merge->add_option("models", merge_options->merge_inputs, "Partial models ('textkit tfidf fit --partial')")
      ->type_name("MODEL")
      ->required();
  add_pruning_options(*merge, merge_options->pruning);
  merge->add_option("-o,--output-file", merge_options->fit_output, "The model file to write ('-': standard output)")
      ->type_name("MODEL")
      ->required();

  // textkit tfidf vocabulary
  CLI::App* vocabulary =
      app.add_subcommand("vocabulary", "Print a model's terms with their document frequency, total count and idf");
  struct vocabulary_options {
    std::string model;
    std::string output = "tsv";
    bool header = false;
    bool smooth_idf = true;
  };
  auto vocabulary_flags = std::make_shared<vocabulary_options>();
  vocabulary->add_option("model", vocabulary_flags->model,
                         "A tfidf model (from 'textkit tfidf fit' or 'merge'); '-': standard input")
      ->type_name("MODEL")
      ->required();
  vocabulary->add_option("--output", vocabulary_flags->output,
                         "tsv (id, term, df, tf, idf: one line per term) or jsonl (one object per term)")
      ->check(CLI::IsMember({"tsv", "jsonl"}).description(""))
      ->type_name("FORMAT")
      ->default_str("tsv");
  vocabulary->add_flag("--header", vocabulary_flags->header, "Print the TSV header line first");
  vocabulary->add_flag("--smooth-idf,!--no-smooth-idf", vocabulary_flags->smooth_idf,
                       "The idf of weighing with --smooth-idf [default] or --no-smooth-idf");

  CLI::App* app_ptr = &app;
  return [options, fit, fit_options, merge, merge_options, vocabulary, vocabulary_flags, app_ptr]() -> int {
    if (vocabulary->parsed()) {
      return print_vocabulary(vocabulary_flags->model, vocabulary_flags->output == "jsonl", vocabulary_flags->header,
                              vocabulary_flags->smooth_idf);
    }
    if (fit->parsed()) {
      const analyzer_options analysis = make_analyzer_options(fit_options->analysis);
      const tfidf_pruning pruning = fit_options->pruning.parse();
      analyzer probe(analysis);
      term_statistics total(fit_options->pruning.hash_bits);
      const int status = fit_statistics(fit_options->stream, analysis, total, "textkit tfidf fit");
      if (status != exit_ok) return status;
      const tfidf_model model = tfidf_model::build(total, analysis, pruning, fit_options->pruning.partial);
      write_file_atomically(fit_options->fit_output, model.to_file().serialize());
      return exit_ok;
    }
    if (merge->parsed()) {
      if (merge->count("--hash-bits") > 0) {
        throw error(error_kind::usage, "tfidf merge: --hash-bits comes from the partial models being merged");
      }
      const tfidf_pruning pruning = merge_options->pruning.parse();
      std::optional<term_statistics> total;
      std::optional<analyzer_options> analysis;
      std::string first;
      for (const auto& path : merge_options->merge_inputs) {
        const tfidf_model part = load_model(path, true);
        model_file a, b;
        store_analyzer_options(part.analysis, a);
        if (analysis) {
          store_analyzer_options(*analysis, b);
          if (a.serialize() != b.serialize()) {
            throw error(error_kind::usage,
                        fmt::format("{} was fitted with other analysis options than {}: they cannot be merged", path, first));
          }
        } else {
          analysis = part.analysis;
          first = path;
          total.emplace(part.hash_bits);
        }
        if (part.hash_bits != total->hash_bits()) {
          throw error(error_kind::usage, fmt::format("{} and {} use different --hash-bits: they cannot be merged", path, first));
        }
        if (!part.partial) {
          throw error(error_kind::usage,
                      fmt::format("{}: a pruned model cannot be merged exactly; fit shards with --partial", path));
        }
        total->merge(part.statistics());
      }
      const tfidf_model model = tfidf_model::build(*total, *analysis, pruning, merge_options->pruning.partial);
      write_file_atomically(merge_options->fit_output, model.to_file().serialize());
      return exit_ok;
    }
    if (options->fit == !options->model.empty()) {
      throw error(error_kind::usage, "tfidf: give --model MODEL, or --fit to fit on the inputs first");
    }
    if (!options->model.empty()) {
      // A model carries its analysis options; different ones on the command line would be
      // silently ignored, so they are refused.
      for (const char* name : {"--lang", "--normalize", "--lower", "--strip-accents", "--stem", "--stopwords",
                               "--stopwords-file", "--ngrams", "--drop-punct", "--fold-apostrophes", "--min-df", "--max-df",
                               "--max-features", "--hash-bits", "--partial"}) {
        if (app_ptr->count(name) > 0) {
          throw error(error_kind::usage,
                      fmt::format("tfidf: {} does not apply with --model: the model's own options are used", name));
        }
      }
    }
    if (options->fit) {
      if (app_ptr->count("--partial") > 0) {
        throw error(error_kind::usage, "tfidf --fit weighs documents: --partial belongs to 'textkit tfidf fit'");
      }
      stream_options stream = options->stream;
      stream.stdin_copy = spool_stdin(stream.files);
      struct remove_temp {
        std::string path;
        ~remove_temp() {
          if (!path.empty()) ::unlink(path.c_str());
        }
      } cleanup{stream.stdin_copy};
      const analyzer_options analysis = make_analyzer_options(options->analysis);
      analyzer probe(analysis);  // invalid options fail here, before any input is read
      return fit_and_transform(stream, analysis, options->pruning, options->weighting);
    }
    const tfidf_model model = load_model(options->model, false);
    return transform(options->stream, model, options->weighting);
  };
}

}  // namespace textkit::cli
