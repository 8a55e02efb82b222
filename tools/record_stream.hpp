#pragma once
// The record stream shared by every subcommand: reads JSON Lines (or plain lines, or whole
// files), hands each record's text to a per-thread processor, and writes the results in
// input order, keeping every input field byte for byte. Malformed records follow
// --on-error. See man/textkit.1 (RECORD STREAM, EXIT STATUS).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace textkit::cli {

enum class input_format { jsonl, text, whole };
enum class output_format { jsonl, tsv, lines };
enum class error_policy { fail, skip, pass };

/// Options every streaming subcommand accepts.
struct stream_options {
  std::vector<std::string> files;           ///< none, or "-": standard input
  input_format input = input_format::jsonl;
  std::vector<std::string> fields{"text"};  ///< JSON fields holding the text, joined by "\n\n"
  std::string id_field = "id";              ///< JSON field naming a record in TSV output
  output_format output = output_format::jsonl;
  std::string output_file;                  ///< -o; empty: standard output
  error_policy on_error = error_policy::fail;
  unsigned threads = 0;                     ///< 0: one per core
  bool header = false;                      ///< print the TSV header line
  bool line_buffered = false;               ///< flush after every batch of records
  bool discard_records = false;             ///< processors only accumulate (tfidf fit): no output
  bool quiet_errors = false;                ///< skip/pass: count malformed records silently (a first pass)
  std::string stdin_copy;                   ///< read "-" from this file, a spooled copy (messages say <stdin>)
};

/// Registers the input options (files, --input, --field, --id-field, --on-error, --threads).
void add_input_options(CLI::App& app, stream_options& options);
/// Registers the output options (--output among `formats`, -o, --header, --line-buffered).
void add_output_options(CLI::App& app, stream_options& options, const std::vector<output_format>& formats);
/// Both of the above.
void add_stream_options(CLI::App& app, stream_options& options, const std::vector<output_format>& formats);

/// One record as a processor sees it.
struct record {
  std::string_view text;     ///< the analysed text
  std::string_view id;       ///< plain id: the id field's text, the file name, or the record number
  std::string_view source;   ///< input name for messages ("<stdin>" for standard input)
  std::uint64_t line = 0;    ///< 1-based line number in `source`
  std::uint64_t number = 0;  ///< 1-based record number across all inputs (the same in every pass)
};

/// Turns records into output. One instance per worker thread, never shared.
class record_processor {
 public:
  virtual ~record_processor() = default;
  /// JSONL: appends the members to add to the record (`"tokens":[...]`, no leading comma).
  /// TSV and lines: appends complete lines. Throws textkit::error (data) to reject the
  /// record, which then follows --on-error.
  virtual void process(const record& rec, output_format format, std::string& out) = 0;
  /// Called once after the last record, in the calling thread, for every processor in
  /// creation order (accumulating processors hand over their results here).
  virtual void finish() {}
};

using processor_factory = std::function<std::unique_ptr<record_processor>()>;

/// Streams every input through processors made by `make_processor` and returns the exit
/// status. `command` prefixes messages ("textkit tokenize"); `tsv_header` is printed first
/// with --header.
int run_stream(const stream_options& options, const processor_factory& make_processor, std::string_view command,
               std::string_view tsv_header);

}  // namespace textkit::cli
