#pragma once
// Options shared by the subcommands that analyse text (tokenize today; tfidf, sentiment and
// stance reuse them), and small helpers for reading user files.
#include <CLI/CLI.hpp>
#include <simdjson.h>

#include <functional>

#include <string>
#include <string_view>
#include <vector>

#include "textkit/analyzer.hpp"

namespace textkit::cli {

/// The analysis options as typed on the command line.
struct analysis_flags {
  std::string lang;  // empty: detect only when needed
  std::string normalize = "nfc";
  bool lower = false;
  bool strip_accents = false;
  bool stem = false;
  bool stopwords = false;
  std::string stopwords_file;
  std::string ngrams = "1";
  bool drop_punct = false;
  bool fold_apostrophes = false;
  bool sentences = false;
};

/// The --lang transform: "auto" or a language tag reduced to its lower-case primary subtag
/// (fr-CA, fr_FR, FR: fr); anything else is a usage error.
const CLI::Validator& language_option();

/// Registers --lang, --normalize, --lower, --strip-accents, --stem, --stopwords,
/// --stopwords-file, --ngrams and --drop-punct.
void add_analysis_options(CLI::App& app, analysis_flags& flags);

/// Validates the flags and loads the files they name. Throws textkit::error.
analyzer_options make_analyzer_options(const analysis_flags& flags);

/// The whole content of `path`; throws textkit::error (io) naming the file.
std::string read_file(const std::string& path);

/// What simdjson refuses although JSON allows it, rewritten so that it parses: a copy of the
/// JSON text `line` in `out` where
///  - each lone UTF-16 surrogate escape (a \uD800-\uDBFF not followed by a \uDC00-\uDFFF
///    escape, or one of those alone) is written \uFFFD, as decoders replace what cannot be a
///    character (text cut in the middle of an emoji by a UTF-16 program: tweets above all);
///  - with `numbers`, each number beyond a 64-bit integer or a double
///    (123456789012345678901234, 1e400) becomes a string: number_marker, then the number as
///    written. Its reader must then tell such strings from text (the record stream does).
/// Returns false, with `out` unspecified, when there is nothing to rewrite.
bool lenient_json_copy(std::string_view line, bool numbers, std::string& out);
/// Starts the strings that lenient_json_copy() made of numbers: U+0000, which no text starts
/// with, so that a field holding such a number is still told from a string.
inline constexpr std::string_view number_marker{"\0", 1};

/// Parses one JSON Lines record; when simdjson refuses a string (or, with `numbers`, a
/// number), parses lenient_json_copy() of it instead (kept in `scratch`). Other errors are
/// simdjson's. `padded`: `line` is followed by simdjson::SIMDJSON_PADDING readable bytes.
simdjson::error_code parse_json_line(simdjson::dom::parser& parser, std::string_view line, bool padded,
                                     bool numbers, std::string& scratch, simdjson::dom::element& root);

/// Calls `on_object(object, line_number)` for each JSON object of the JSON Lines file `path`
/// (blank lines skipped, BOM and CR tolerated). Throws textkit::error (data) naming file:line
/// for bad JSON or a line that is not an object.
void for_each_jsonl_object(const std::string& path,
                           const std::function<void(simdjson::dom::object, std::size_t)>& on_object);

/// The string values of `fields` in each record of the JSON Lines file `path` (blank lines
/// skipped). Throws textkit::error (data) naming file:line for bad JSON, a missing field or a
/// value that is not a string.
std::vector<std::vector<std::string>> read_jsonl_strings(const std::string& path, const std::vector<std::string>& fields);

/// Writes all of `bytes` to the file descriptor `fd` (retrying short writes and EINTR).
/// Returns 0, or the errno of the failed write (also left in errno): EPIPE means the reader of
/// a pipe went away, which the callers writing to standard output treat as a quiet stop.
int write_fully(int fd, std::string_view bytes);

/// write_fully() to standard output for commands that print a report: false when its reader
/// has gone away (`| head`: stop quietly, status 0); throws textkit::error (io) on any other
/// failure (a full disk), so that output is never lost silently.
bool write_to_stdout(std::string_view bytes);

/// Replaces `path` with `bytes` atomically (temporary file, fsync, rename); "-" writes to
/// standard output. Throws textkit::error (io).
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace textkit::cli
