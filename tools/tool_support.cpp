#include "tool_support.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

#include "textkit/error.hpp"
#include "textkit/word_list.hpp"

namespace textkit::cli {

const CLI::Validator& language_option() {
  // "auto", or a language tag whose primary subtag (2 or 3 letters) is kept, lower-cased:
  // every resource is per language, so fr-CA, fr_FR and FR all mean fr.
  static const CLI::Validator validator(
      [](std::string& value) -> std::string {
        std::string tag;
        for (const char c : value) tag.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (tag == "auto") {
          value = tag;
          return {};
        }
        const std::size_t end = std::min(tag.find_first_of("-_"), tag.size());
        const std::string primary = tag.substr(0, end);
        const bool letters = primary.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
        const bool subtags = tag.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos &&
                             tag.back() != '-' && tag.back() != '_';
        if (primary.size() < 2 || primary.size() > 3 || !letters || !subtags) {
          return "invalid language '" + value + "' (auto, or a language code such as fr, en, fr-CA)";
        }
        value = primary;
        return {};
      },
      "", "language");
  return validator;
}

void add_analysis_options(CLI::App& app, analysis_flags& flags) {
  app.add_option("--lang", flags.lang,
                 "Language: auto (detect every document with CLD2 and report it) or a language code (fr, en, fr-CA: "
                 "the region is ignored). Without it, CLD2 runs only when stemming, stop words or a French inversion "
                 "need the language")
      ->transform(language_option())
      ->type_name("auto|CODE");
  app.add_option("--normalize", flags.normalize, "Unicode normalisation of tokens: nfc, nfkc or none")
      ->check(CLI::IsMember({"nfc", "nfkc", "none"}, CLI::ignore_case).description(""))
      ->type_name("FORM")
      ->default_str("nfc");
  // Defaults differ by subcommand (tfidf folds case and drops punctuation, as scikit-learn):
  // both spellings exist so either can be asked for explicitly.
  app.add_flag("--lower,!--no-lower", flags.lower,
               std::string("Full Unicode case folding (Straße → strasse)") + (flags.lower ? " [default]" : ""));
  app.add_flag("--strip-accents", flags.strip_accents, "Remove accents and other combining marks (État → Etat)");
  app.add_flag("--stem", flags.stem, "Snowball stem of each word, in the document's language (implies --lower)");
  app.add_flag("--stopwords", flags.stopwords, "Drop the embedded French or English stop words of the document's language");
  app.add_option("--stopwords-file", flags.stopwords_file,
                 "Drop the stop words listed in FILE (one per line, '#' comments) whatever the language")
      ->type_name("FILE");
  app.add_option("--ngrams", flags.ngrams, "Emit n-grams of N to M kept tokens, joined by a space (N or N-M)")
      ->default_str("1")
      ->type_name("N-M");
  app.add_flag("--drop-punct,!--keep-punct", flags.drop_punct,
               std::string("Drop punctuation tokens") + (flags.drop_punct ? " [default]" : ""));
  app.add_flag("--fold-apostrophes", flags.fold_apostrophes,
               "Write every apostrophe as ' (’ and ʼ too), so that l’État and l'État give the same terms");
}

namespace {

int parse_count(std::string_view text, std::string_view what) {
  int value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    throw error(error_kind::usage, fmt::format("invalid {} '{}'", what, text));
  }
  return value;
}

}  // namespace

analyzer_options make_analyzer_options(const analysis_flags& flags) {
  analyzer_options options;
  options.lang = flags.lang;  // already normalised by language_option()
  options.form = flags.normalize == "nfkc" ? normal_form::nfkc
                 : flags.normalize == "none" ? normal_form::none
                                             : normal_form::nfc;
  options.lower = flags.lower;
  options.strip_accents = flags.strip_accents;
  options.stem = flags.stem;
  options.drop_punct = flags.drop_punct;
  options.fold_apostrophes = flags.fold_apostrophes;
  options.sentences = flags.sentences;
  options.remove_stopwords = flags.stopwords || !flags.stopwords_file.empty();
  if (!flags.stopwords_file.empty()) {
    options.stopwords = word_set::parse(read_file(flags.stopwords_file), flags.stopwords_file);
  }
  const std::size_t dash = flags.ngrams.find('-');
  options.ngram_min = parse_count(flags.ngrams.substr(0, dash), "--ngrams");
  options.ngram_max = dash == std::string::npos ? options.ngram_min
                                                : parse_count(flags.ngrams.substr(dash + 1), "--ngrams");
  return options;
}

int write_fully(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return 0;
}

bool write_to_stdout(std::string_view bytes) {
  if (const int failure = write_fully(STDOUT_FILENO, bytes)) {
    if (failure == EPIPE) return false;
    throw error(error_kind::io, fmt::format("write error on standard output: {}", std::strerror(failure)));
  }
  return true;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    write_to_stdout(bytes);  // (false: the reader went away, a quiet stop as everywhere)
    return;
  }
  // Write a temporary file beside the target, flush it to disk, then rename it over the
  // target: a killed run leaves the old file or none, never half a model.
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw error(error_kind::io, fmt::format("{}: cannot create a file beside it: {}", path, std::strerror(errno)));
  auto fail = [&](const char* what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw error(error_kind::io, fmt::format("{}: {}: {}", path, what, std::strerror(saved)));
  };
  if (write_fully(fd, bytes) != 0) fail("write error");
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) fail("write error");
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw error(error_kind::io, fmt::format("{}: write error: {}", path, std::strerror(errno)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw error(error_kind::io, fmt::format("{}: {}", path, std::strerror(saved)));
  }
}

namespace {

// The value of the \u escape at `at` in `text`, or -1 when there is none.
long escaped_code_unit(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  long value = 0;
  for (std::size_t k = at + 2; k < at + 6; ++k) {
    const char c = text[k];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// A JSON number token simdjson refuses: an integer outside int64 and uint64, or a number
// beyond the largest double.
bool number_out_of_range(std::string_view token) {
  const char* first = token.data();
  const char* last = token.data() + token.size();
  if (token.find_first_of(".eE") == std::string_view::npos) {
    if (token.starts_with('-')) {
      std::int64_t value = 0;
      return std::from_chars(first, last, value).ec == std::errc::result_out_of_range;
    }
    std::uint64_t value = 0;
    return std::from_chars(first, last, value).ec == std::errc::result_out_of_range;
  }
  // Beyond the largest double (simdjson refuses it; a number too small for a double is read
  // as 0, which is fine). long double reaches much further; beyond it, the sign of the
  // exponent says which way the number left the range.
  long double value = 0;
  const auto result = std::from_chars(first, last, value);
  if (result.ec == std::errc()) return std::fabs(value) > std::numeric_limits<double>::max();
  const std::size_t exponent = token.find_first_of("eE");
  return result.ec == std::errc::result_out_of_range &&
         (exponent == std::string_view::npos || exponent + 1 >= token.size() || token[exponent + 1] != '-');
}

}  // namespace

bool lenient_json_copy(std::string_view line, bool numbers, std::string& out) {
  const auto is_high = [](long u) { return u >= 0xD800 && u <= 0xDBFF; };
  const auto is_low = [](long u) { return u >= 0xDC00 && u <= 0xDFFF; };
  out.clear();
  bool changed = false;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (in_string) {
      if (c == '"') in_string = false;
      if (c != '\\') {
        out.push_back(c);
        ++i;
        continue;
      }
      const long unit = escaped_code_unit(line, i);
      std::size_t length = unit < 0 ? 2 : 6;  // another escape (\\, \", \n...) is 2 bytes
      if (is_high(unit) && is_low(escaped_code_unit(line, i + 6))) {
        length = 12;  // a pair: one character
      } else if (is_high(unit) || is_low(unit)) {
        out += "\\uFFFD";
        changed = true;
        i += 6;
        continue;
      }
      out.append(line.substr(i, length));
      i += length;
      continue;
    }
    if (c == '"') in_string = true;
    if (!numbers || (c != '-' && (c < '0' || c > '9'))) {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < line.size() && ((line[end] >= '0' && line[end] <= '9') || line[end] == '.' || line[end] == 'e' ||
                                 line[end] == 'E' || line[end] == '+' || line[end] == '-')) {
      ++end;
    }
    const std::string_view token = line.substr(i, end - i);
    if (number_out_of_range(token)) {
      out += "\"\\u0000";  // number_marker, escaped
      out += token;
      out.push_back('"');
      changed = true;
    } else {
      out += token;
    }
    i = end;
  }
  return changed;
}

simdjson::error_code parse_json_line(simdjson::dom::parser& parser, std::string_view line, bool padded,
                                     bool numbers, std::string& scratch, simdjson::dom::element& root) {
  simdjson::error_code err = parser.parse(line.data(), line.size(), !padded).get(root);
  const bool number_error = err == simdjson::NUMBER_ERROR || err == simdjson::NUMBER_OUT_OF_RANGE;
  if ((err == simdjson::STRING_ERROR || (numbers && number_error)) && lenient_json_copy(line, numbers, scratch)) {
    err = parser.parse(scratch.data(), scratch.size(), true).get(root);
  }
  return err;
}

void for_each_jsonl_object(const std::string& path,
                           const std::function<void(simdjson::dom::object, std::size_t)>& on_object) {
  const std::string content = read_file(path);
  simdjson::dom::parser parser;
  std::string scratch;
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos < content.size();) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string_view line(content.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    simdjson::dom::element root;
    simdjson::dom::object object;
    if (auto err = parse_json_line(parser, line, false, false, scratch, root)) {
      throw error(error_kind::data, fmt::format("{}:{}: invalid JSON: {}", path, line_number, simdjson::error_message(err)));
    }
    if (root.get_object().get(object)) throw error(error_kind::data, fmt::format("{}:{}: not a JSON object", path, line_number));
    on_object(object, line_number);
  }
}

std::vector<std::vector<std::string>> read_jsonl_strings(const std::string& path,
                                                        const std::vector<std::string>& fields) {
  std::vector<std::vector<std::string>> rows;
  for_each_jsonl_object(path, [&](simdjson::dom::object object, std::size_t line_number) {
    std::vector<std::string> row;
    for (const auto& field : fields) {
      std::string_view value;
      if (object.at_key(field).get_string().get(value)) {
        throw error(error_kind::data, fmt::format("{}:{}: missing string field \"{}\"", path, line_number, field));
      }
      row.emplace_back(value);
    }
    rows.push_back(std::move(row));
  });
  return rows;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(error_kind::io, fmt::format("{}: {}", path, std::strerror(errno)));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw error(error_kind::io, fmt::format("{}: read error", path));
  return std::move(content).str();
}

}  // namespace textkit::cli
