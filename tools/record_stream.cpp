#include "record_stream.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "exit_status.hpp"
#include "output_format.hpp"
#include "textkit/error.hpp"
#include "textkit/utf8.hpp"
#include "tool_support.hpp"

namespace textkit::cli {

void add_stream_options(CLI::App& app, stream_options& options, const std::vector<output_format>& formats) {
  add_input_options(app, options);
  add_output_options(app, options, formats);
}

namespace {

// An option taking one of a few names, stored as an enum. (CLI11's CheckedTransformer would
// also accept the enum's numbers and print them in its messages.)
template <typename Enum>
CLI::Option* add_choice(CLI::App& app, const std::string& name, Enum& target, std::map<std::string, Enum> choices,
                        const std::string& description) {
  std::vector<std::string> names;
  for (const auto& entry : choices) names.push_back(entry.first);
  return app
      .add_option_function<std::string>(
          name,
          [&target, choices](const std::string& value) {
            std::string lower = value;
            for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            target = choices.at(lower);
          },
          description)
      ->check(CLI::IsMember(names, CLI::ignore_case).description(""));
}

}  // namespace

void add_input_options(CLI::App& app, stream_options& options) {
  app.add_option("files", options.files, "Input files (none or '-': standard input)")->type_name("FILE");
  add_choice(app, "--input", options.input,
             {{"jsonl", input_format::jsonl}, {"text", input_format::text}, {"whole", input_format::whole}},
             "Input format: jsonl (one JSON object per line), text (one document per line), whole (each file "
             "is one document)")
      ->type_name("FORMAT")
      ->default_str("jsonl");
  app.add_option("-f,--field", options.fields,
                 "JSON field holding the text; repeat to join several fields with a blank line")
      ->default_str("text")
      ->type_name("NAME")
      ->allow_extra_args(false);  // one field per -f: "-f title FILE" must leave FILE an input
  app.add_option("--id-field", options.id_field, "JSON field identifying a record in TSV output")
      ->default_str("id")
      ->type_name("NAME");
  add_choice(app, "--on-error", options.on_error,
             {{"fail", error_policy::fail}, {"skip", error_policy::skip}, {"pass", error_policy::pass}},
             "Malformed record: fail (stop, exit 1), skip (drop it, count on stderr), pass (emit it with an "
             "\"error\" field)")
      ->type_name("POLICY")
      ->default_str("fail");
  app.add_option("-j,--threads", options.threads, "Worker threads (0: one per core); output order is kept")
      ->default_str("0")
      ->type_name("N")
      ->check(CLI::Range(0u, 1024u).description(""));
}

void add_output_options(CLI::App& app, stream_options& options, const std::vector<output_format>& formats) {
  std::map<std::string, output_format> outputs;
  std::string names;
  for (const auto f : formats) {
    const char* name = f == output_format::jsonl ? "jsonl" : f == output_format::tsv ? "tsv" : "lines";
    outputs.emplace(name, f);
    names += names.empty() ? name : std::string("|") + name;
  }
  add_choice(app, "--output", options.output, outputs, "Output format: " + names)
      ->type_name("FORMAT")
      ->default_str("jsonl");
  app.add_option("-o,--output-file", options.output_file, "Write to FILE instead of standard output")
      ->type_name("FILE");
  app.add_flag("--header", options.header, "Print a header line first (TSV)");
  app.add_flag("--line-buffered", options.line_buffered,
               "Process and write each line as soon as it arrives (coprocesses); by default lines are batched, and a slow input is never waited on");
}

namespace {

constexpr std::size_t batch_target_bytes = 256 * 1024;
constexpr std::size_t max_reported_errors = 100;
// A parser that grew for a huge record gives its memory back afterwards.
constexpr std::size_t parser_keep_capacity = 16 * 1024 * 1024;

// Thrown when the reader of our output went away (EPIPE): a quiet, successful stop.
struct broken_pipe {};

struct line_ref {
  std::size_t offset;
  std::size_t size;
  std::uint32_t source;
  std::uint64_t line;
  std::uint64_t index;  // record number, 1-based, across all inputs
};

struct batch {
  std::uint64_t sequence = 0;
  std::string data;  // the lines, back to back, plus SIMDJSON_PADDING bytes
  std::vector<line_ref> lines;
  std::string out;
  std::vector<std::string> messages;  // malformed records (skip/pass), in order
  std::optional<std::string> fatal;   // --on-error fail: the first error; `out` stops before it
  bool done = false;

  void clear() {
    data.clear();
    lines.clear();
    out.clear();
    messages.clear();
    fatal.reset();
    done = false;
  }
};

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

class reader {
 public:
  reader(std::vector<std::string> paths, input_format format, bool line_buffered, std::string stdin_copy)
      : paths_(std::move(paths)), stdin_copy_(std::move(stdin_copy)), format_(format), line_buffered_(line_buffered) {
    if (paths_.empty()) paths_.push_back("-");
    for (const auto& p : paths_) names_.push_back(display_name(p));
  }
  ~reader() { close_current(); }

  const std::vector<std::string>& names() const { return names_; }

  // Fails early, before the first byte is read, when an input cannot be opened.
  void check_inputs() const {
    for (const auto& p : paths_) {
      if (p == "-") continue;
      struct stat st{};
      if (::stat(p.c_str(), &st) != 0 || ::access(p.c_str(), R_OK) != 0) {
        throw error(error_kind::io, fmt::format("{}: {}", p, std::strerror(errno)));
      }
      if (S_ISDIR(st.st_mode)) throw error(error_kind::io, fmt::format("{}: is a directory", p));
    }
  }

  // Fills `b` with whole lines (about batch_target_bytes, at least one, fewer when the input
  // is slow so that interactive use sees its output). Returns false at the end of all input.
  bool fill(batch& b) {
    while (current_ < paths_.size()) {
      if (fd_ < 0) open_current();
      if (format_ == input_format::whole) {
        read_whole(b);
        next_source();
        if (b.data.size() >= batch_target_bytes) break;
        continue;
      }
      if (fill_lines(b)) break;
    }
    b.data.append(simdjson::SIMDJSON_PADDING, '\0');
    return !b.lines.empty();
  }

 private:
  void open_current() {
    const std::string& path = paths_[current_];
    const std::string& source = path == "-" && !stdin_copy_.empty() ? stdin_copy_ : path;
    fd_ = source == "-" ? STDIN_FILENO : ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw error(error_kind::io, fmt::format("{}: {}", source, std::strerror(errno)));
    begin_ = end_ = scanned_ = 0;
    line_ = 0;
    eof_ = false;
    at_start_ = true;
  }

  void close_current() {
    if (fd_ > STDIN_FILENO) ::close(fd_);
    fd_ = -1;
  }

  void next_source() {
    close_current();
    ++current_;
  }

  // Reads more bytes after end_; returns the count (0 at end of file).
  std::size_t read_more() {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    if (buffer_.size() - end_ < 64 * 1024) buffer_.resize(std::max<std::size_t>(buffer_.size() * 2, 1 << 20));
    for (;;) {
      const ssize_t got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
      if (got >= 0) {
        end_ += static_cast<std::size_t>(got);
        return static_cast<std::size_t>(got);
      }
      if (errno == EINTR) continue;
      throw error(error_kind::io, fmt::format("{}: read error: {}", names_[current_], std::strerror(errno)));
    }
  }

  void strip_bom(std::string_view& line) {
    if (at_start_ && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    at_start_ = false;
  }

  void add_line(batch& b, std::string_view line) {
    ++line_;
    strip_bom(line);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (format_ == input_format::jsonl &&
        line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
      return;  // blank lines separate nothing in JSON Lines
    }
    b.lines.push_back({b.data.size(), line.size(), static_cast<std::uint32_t>(current_), line_, ++records_});
    b.data.append(line);
  }

  // Returns true when the batch should be handed on now.
  bool fill_lines(batch& b) {
    for (;;) {
      const char* base = buffer_.data();
      const void* nl = end_ > begin_ + scanned_ ? std::memchr(base + begin_ + scanned_, '\n', end_ - begin_ - scanned_)
                                                : nullptr;
      if (nl) {
        const std::size_t pos = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
        add_line(b, std::string_view(base + begin_, pos - begin_));
        begin_ = pos + 1;
        scanned_ = 0;
        if (b.data.size() >= batch_target_bytes || (line_buffered_ && !b.lines.empty())) return true;
        continue;
      }
      scanned_ = end_ - begin_;
      if (eof_) {
        if (end_ > begin_) add_line(b, std::string_view(base + begin_, end_ - begin_));  // no final newline
        begin_ = end_ = scanned_ = 0;
        next_source();
        return false;
      }
      // Hand on what we have rather than wait on a slow pipe or a terminal.
      if (!b.lines.empty() && last_read_short_) return true;
      const std::size_t want = buffer_.size() - end_;
      const std::size_t got = read_more();
      last_read_short_ = got < want;
      if (got == 0) eof_ = true;
    }
  }

  void read_whole(batch& b) {
    const std::size_t offset = b.data.size();
    for (;;) {
      const std::size_t got = read_more();
      if (got == 0) break;
    }
    std::string_view text(buffer_.data() + begin_, end_ - begin_);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    b.data.append(text);
    b.lines.push_back({offset, text.size(), static_cast<std::uint32_t>(current_), 1, ++records_});
    begin_ = end_ = 0;
    buffer_.clear();
    buffer_.shrink_to_fit();
  }

  std::vector<std::string> paths_;
  std::string stdin_copy_;  // when set, "-" reads this file (a spooled copy of standard input)
  std::vector<std::string> names_;
  input_format format_;
  bool line_buffered_;
  std::size_t current_ = 0;
  int fd_ = -1;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;    // unconsumed bytes are [begin_, end_)
  std::size_t end_ = 0;
  std::size_t scanned_ = 0;  // bytes after begin_ known to hold no newline
  bool eof_ = false;
  bool at_start_ = true;
  bool last_read_short_ = false;
  std::uint64_t line_ = 0;
  std::uint64_t records_ = 0;
};

class writer {
 public:
  explicit writer(const std::string& path) {
    if (path.empty() || path == "-") {
      fd_ = STDOUT_FILENO;
      name_ = "standard output";
    } else {
      fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
      if (fd_ < 0) throw error(error_kind::io, fmt::format("{}: {}", path, std::strerror(errno)));
      name_ = path;
    }
  }
  ~writer() {
    if (fd_ > STDOUT_FILENO) ::close(fd_);
  }

  void write(std::string_view data) {
    if (const int failure = write_fully(fd_, data)) {
      if (failure == EPIPE) throw broken_pipe{};
      throw error(error_kind::io, fmt::format("write error on {}: {}", name_, std::strerror(failure)));
    }
  }

  void close() {
    if (fd_ > STDOUT_FILENO && ::close(fd_) != 0) {
      fd_ = -1;
      throw error(error_kind::io, fmt::format("write error on {}: {}", name_, std::strerror(errno)));
    }
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  std::string name_;
};

// Parses, validates and processes the records of a batch. One per worker thread.
class worker {
 public:
  worker(const stream_options& options, std::unique_ptr<record_processor> processor,
         const std::vector<std::string>& names)
      : options_(options), processor_(std::move(processor)), names_(names) {}

  record_processor& processor() { return *processor_; }

  void run(batch& b) {
    for (const line_ref& ref : b.lines) {
      const std::size_t mark = b.out.size();
      std::string message;
      try {
        process_line(b, ref, message);
      } catch (const error& e) {
        if (e.kind() != error_kind::data) throw;
        message = e.what();
      }
      if (message.empty()) continue;
      b.out.resize(mark);
      const std::string located = fmt::format("{}:{}: {}", names_[ref.source], ref.line, message);
      if (options_.on_error == error_policy::fail) {
        b.fatal = located;
        return;
      }
      b.messages.push_back(located);
      if (options_.on_error == error_policy::pass) emit_error_record(b, ref, message);
    }
  }

 private:
  void process_line(batch& b, const line_ref& ref, std::string& message) {
    const std::string_view line(b.data.data() + ref.offset, ref.size);
    rec_.source = names_[ref.source];
    rec_.line = ref.line;
    rec_.number = ref.index;
    // The record number names the record until (and unless) its id field is read, so that
    // error rows carry their own record's name.
    id_.clear();
    append_int(id_, ref.index);
    rec_.id = id_;
    if (options_.input != input_format::jsonl) {
      if (const std::size_t bad = utf8::find_invalid(line); bad != std::string_view::npos) {
        message = fmt::format("invalid UTF-8 at byte {}", bad + 1);
        return;
      }
      rec_.text = line;
      if (options_.input == input_format::whole) {
        id_ = names_[ref.source];
        rec_.id = id_;
      }
      write_record(b, line, std::string_view());
      return;
    }
    // A huge record would otherwise keep its parser memory for the rest of the run.
    if (parser_.capacity() > parser_keep_capacity && ref.size < parser_keep_capacity) {
      parser_ = simdjson::dom::parser();
    }
    simdjson::dom::element root;
    if (const auto err = parse_json_line(parser_, line, true, true, lenient_, root)) {
      if (err == simdjson::UTF8_ERROR) {
        const std::size_t bad = utf8::find_invalid(line);
        message = fmt::format("invalid UTF-8 at byte {}", bad == std::string_view::npos ? 0 : bad + 1);
      } else {
        message = fmt::format("invalid JSON: {}", simdjson::error_message(err));
      }
      return;
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) {
      message = fmt::format("not a JSON object (found {})", type_name(root.type()));
      return;
    }
    simdjson::dom::element id;
    if (!object.at_key(options_.id_field).get(id)) {
      std::string_view id_string;
      if (!id.get_string().get(id_string)) {
        if (id_string.starts_with(number_marker)) id_string.remove_prefix(number_marker.size());  // as written
        id_ = id_string;
      } else {
        id_ = simdjson::minify(id);
      }
      rec_.id = id_;
    }
    // Text: the requested fields, joined by a blank line.
    text_.clear();
    std::string_view single;
    for (std::size_t f = 0; f < options_.fields.size(); ++f) {
      simdjson::dom::element value;
      if (object.at_key(options_.fields[f]).get(value)) {
        message = fmt::format("missing field \"{}\"", options_.fields[f]);
        return;
      }
      std::string_view part;
      if (value.get_string().get(part) || part.starts_with(number_marker)) {
        const char* type = part.starts_with(number_marker) ? "a number" : type_name(value.type());
        message = fmt::format("field \"{}\" is {}, not a string", options_.fields[f], type);
        return;
      }
      if (options_.fields.size() == 1) {
        single = part;
      } else {
        if (f) text_ += "\n\n";
        text_ += part;
      }
    }
    rec_.text = options_.fields.size() == 1 ? single : std::string_view(text_);
    write_record(b, line, line);
  }

  static const char* type_name(simdjson::dom::element_type type) {
    switch (type) {
      case simdjson::dom::element_type::ARRAY: return "an array";
      case simdjson::dom::element_type::OBJECT: return "an object";
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE: return "a number";
      case simdjson::dom::element_type::STRING: return "a string";
      case simdjson::dom::element_type::BOOL: return "a boolean";
      case simdjson::dom::element_type::NULL_VALUE: return "null";
    }
    return "a value";
  }

  // Emits the processed record. For JSONL output of a JSON object (`object_line` set), the
  // members are spliced in before its closing brace so every input byte is kept.
  void write_record(batch& b, std::string_view line, std::string_view object_line) {
    if (options_.discard_records) {
      processor_->process(rec_, options_.output, discarded_);
      discarded_.clear();
      return;
    }
    if (options_.output != output_format::jsonl) {
      processor_->process(rec_, options_.output, b.out);
      return;
    }
    if (!object_line.empty()) {
      const std::size_t close = object_line.find_last_of('}');
      const std::size_t open = object_line.find_first_of('{');
      const bool empty_object =
          object_line.find_first_not_of(" \t\n\r", open + 1) == close;
      b.out.append(object_line.substr(0, close));
      const std::size_t before = b.out.size();
      if (!empty_object) b.out.push_back(',');
      const std::size_t members = b.out.size();
      processor_->process(rec_, options_.output, b.out);
      if (b.out.size() == members) b.out.resize(before);
      b.out.append(object_line.substr(close));
      b.out.push_back('\n');
      return;
    }
    b.out += "{\"id\":";
    if (options_.input == input_format::whole) {
      append_json_string(b.out, rec_.id);
    } else {
      b.out += rec_.id;
    }
    b.out += ",\"text\":";
    append_json_string(b.out, line);
    const std::size_t before = b.out.size();
    b.out.push_back(',');
    const std::size_t members = b.out.size();
    processor_->process(rec_, options_.output, b.out);
    if (b.out.size() == members) b.out.resize(before);
    b.out += "}\n";
  }

  // --on-error pass: the record goes on with an "error" field so nothing is lost downstream.
  void emit_error_record(batch& b, const line_ref& ref, const std::string& message) {
    const std::string_view line(b.data.data() + ref.offset, ref.size);
    if (options_.output == output_format::lines || options_.discard_records) return;  // counted on stderr
    if (options_.output == output_format::tsv) {
      append_tsv_field(b.out, rec_.id);
      b.out += "\terror\t";
      append_tsv_field(b.out, message);
      b.out.push_back('\n');
      return;
    }
    if (options_.input == input_format::jsonl && parser_.parse(line.data(), line.size(), false).is_object()) {
      const std::size_t close = line.find_last_of('}');
      b.out.append(line.substr(0, close));
      b.out += line.find_first_not_of(" \t", line.find('{') + 1) == close ? "" : ",";
      b.out += "\"error\":";
      append_json_string(b.out, message);
      b.out.append(line.substr(close));
      b.out.push_back('\n');
      return;
    }
    b.out += "{\"error\":";
    append_json_string(b.out, message);
    b.out += ",\"file\":";
    append_json_string(b.out, names_[ref.source]);
    b.out += ",\"line\":";
    append_int(b.out, ref.line);
    b.out += ",\"raw\":";
    std::string raw;
    utf8::append_replacing_invalid(raw, line);
    append_json_string(b.out, raw);
    b.out += "}\n";
  }

  const stream_options& options_;
  std::unique_ptr<record_processor> processor_;
  const std::vector<std::string>& names_;
  simdjson::dom::parser parser_;
  std::string lenient_;  // a record rewritten by parse_json_line (lone surrogates, huge numbers)
  std::string text_;
  std::string id_;
  std::string discarded_;
  record rec_;
};

// Writes finished batches in order and keeps the error accounting.
class collector {
 public:
  collector(const stream_options& options, writer& out, std::string_view command)
      : options_(options), out_(out), command_(command) {}

  // Returns false when the run must stop (--on-error fail).
  bool take(batch& b) {
    for (const auto& m : b.messages) {
      if (++errors_ <= max_reported_errors && !options_.quiet_errors) fmt::print(stderr, "{}: {}\n", command_, m);
    }
    out_.write(b.out);
    if (b.fatal) {
      fatal_ = *b.fatal;
      return false;
    }
    return true;
  }

  int finish() {
    if (fatal_) {
      fmt::print(stderr, "{}: {}\n", command_, *fatal_);
      fmt::print(stderr, "{}: stopped at the first malformed record (--on-error skip or pass to go on)\n", command_);
      return exit_data_error;
    }
    if (errors_ > 0 && !options_.quiet_errors) {
      const char* what = options_.on_error == error_policy::skip || options_.discard_records
                             ? "skipped"
                             : "passed with an \"error\" field";
      fmt::print(stderr, "{}: {} malformed record{} {}{}\n", command_, errors_, errors_ == 1 ? "" : "s", what,
                 errors_ > max_reported_errors ? fmt::format(" (first {} shown)", max_reported_errors) : "");
    }
    return exit_ok;
  }

 private:
  const stream_options& options_;
  writer& out_;
  std::string_view command_;
  std::uint64_t errors_ = 0;
  std::optional<std::string> fatal_;
};

int run_single_threaded(reader& in, worker& work, collector& sink) {
  batch b;
  while (true) {
    b.clear();
    if (!in.fill(b)) break;
    work.run(b);
    if (!sink.take(b)) break;
  }
  return sink.finish();
}

// Reader (this thread) → workers → collector thread, in input order, with a bounded number
// of batches in flight so memory does not grow with the input.
int run_parallel(reader& in, std::vector<std::unique_ptr<worker>>& workers, collector& sink) {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<batch*> in_flight;  // in sequence order, owned by `pool`
  std::deque<batch*> to_process;
  std::vector<std::unique_ptr<batch>> pool;
  std::vector<batch*> free_batches;
  const std::size_t max_in_flight = workers.size() * 3;
  bool input_done = false;
  bool stop = false;
  std::exception_ptr failure;

  auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(mutex);
    if (!failure) failure = e;
    stop = true;
    changed.notify_all();
  };

  std::vector<std::thread> threads;
  for (auto& w : workers) {
    threads.emplace_back([&, w = w.get()] {
      for (;;) {
        batch* b;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || !to_process.empty() || input_done; });
          if (stop || (to_process.empty() && input_done)) return;
          b = to_process.front();
          to_process.pop_front();
        }
        try {
          w->run(*b);
        } catch (...) {
          fail(std::current_exception());
          return;
        }
        std::lock_guard lock(mutex);
        b->done = true;
        changed.notify_all();
      }
    });
  }
  std::thread writer_thread([&] {
    for (;;) {
      batch* b;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || (!in_flight.empty() && in_flight.front()->done) ||
                                        (input_done && in_flight.empty()); });
        if (stop || in_flight.empty()) return;
        b = in_flight.front();
      }
      bool go_on = true;
      try {
        go_on = sink.take(*b);
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      std::lock_guard lock(mutex);
      in_flight.pop_front();
      free_batches.push_back(b);
      if (!go_on) {
        stop = true;
      }
      changed.notify_all();
    }
  });

  std::uint64_t sequence = 0;
  try {
    for (;;) {
      batch* b;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || in_flight.size() < max_in_flight; });
        if (stop) break;
        if (free_batches.empty()) {
          pool.push_back(std::make_unique<batch>());
          free_batches.push_back(pool.back().get());
        }
        b = free_batches.back();
        free_batches.pop_back();
      }
      b->clear();
      b->sequence = sequence++;
      const bool more = in.fill(*b);
      std::lock_guard lock(mutex);
      if (!more) {
        free_batches.push_back(b);
        break;
      }
      in_flight.push_back(b);
      to_process.push_back(b);
      changed.notify_all();
    }
  } catch (...) {
    fail(std::current_exception());
  }
  {
    std::lock_guard lock(mutex);
    input_done = true;
    changed.notify_all();
  }
  for (auto& t : threads) t.join();
  writer_thread.join();
  if (failure) std::rethrow_exception(failure);
  return sink.finish();
}

}  // namespace

int run_stream(const stream_options& options, const processor_factory& make_processor, std::string_view command,
               std::string_view tsv_header) {
  reader in(options.files, options.input, options.line_buffered, options.stdin_copy);
  in.check_inputs();
  writer out(options.output_file);
  collector sink(options, out, command);
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  try {
    if (options.header && options.output == output_format::tsv) {
      out.write(std::string(tsv_header) + "\n");
    }
    int status;
    if (threads == 1) {
      worker work(options, make_processor(), in.names());
      status = run_single_threaded(in, work, sink);
      if (status == exit_ok) work.processor().finish();
    } else {
      std::vector<std::unique_ptr<worker>> workers;
      for (unsigned t = 0; t < threads; ++t) {
        workers.push_back(std::make_unique<worker>(options, make_processor(), in.names()));
      }
      status = run_parallel(in, workers, sink);
      if (status == exit_ok) {
        for (auto& w : workers) w->processor().finish();
      }
    }
    out.close();
    return status;
  } catch (const broken_pipe&) {
    return exit_ok;  // the reader has all it wanted (`| head`): a quiet, successful end
  }
}

}  // namespace textkit::cli
