// textkit — text analytics for news, from the shell.
//
//   textkit <command> [options] [FILE...]
//   textkit --help | --version | <command> --help
//
// Parses the command line, runs one subcommand, and maps every error to the exit-status
// table of exit_status.hpp. Subcommands live one per file; they are registered here only.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <iterator>

#include "exit_status.hpp"
#include "subcommand.hpp"
#include "textkit/error.hpp"
#include "textkit/model_file.hpp"

namespace textkit::cli {
namespace {

const subcommand kSubcommands[] = {
    {"tokenize", "Split text into tokens and sentences, with normalisation, stemming and n-grams", setup_tokenize},
    {"tfidf", "Corpus statistics (fit, merge, vocabulary) and tf-idf keywords or vectors per document", setup_tfidf},
    {"sentiment", "Document and sentence polarity (French, English) from lexicons and rules", setup_sentiment},
    {"model", "Inspect model files (info)", setup_model},
    {"eval", "Score predictions against gold labels or scores (accuracy, F1, F_avg, Pearson, cosine)", setup_eval},
};

int exit_status_for(error_kind kind) {
  switch (kind) {
    case error_kind::usage: return exit_usage;
    case error_kind::data: return exit_data_error;
    case error_kind::io: return exit_io_error;
    case error_kind::resource: return exit_resource_error;
  }
  return exit_usage;
}

int run(int argc, char** argv) {
  CLI::App app{"textkit: text analytics for news (tokens, tf-idf, sentiment, stance) as Unix filters over "
               "JSON Lines."};
  app.name("textkit");
  app.set_version_flag("--version", toolkit_signature());
  app.require_subcommand(1);
  app.footer("Run 'textkit COMMAND --help' for a command's options; 'man textkit' for the record stream, "
             "formats and exit codes.");
  std::vector<subcommand_action> actions;
  std::vector<CLI::App*> apps;
  for (const auto& command : kSubcommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    apps.push_back(sub);
    actions.push_back(command.setup(*sub));
  }
  // CLI11 reports an unknown command or option before a subcommand as "A subcommand is
  // required": name the word instead.
  if (argc > 1) {
    const std::string first = argv[1];
    bool known = first == "-h" || first == "--help" || first == "--version";
    for (const auto& command : kSubcommands) known = known || first == command.name;
    if (!known) {
      fmt::print(stderr, "textkit: unknown {} '{}'\nTry 'textkit --help' for more information.\n",
                 first.starts_with("-") ? "option" : "command", first);
      return exit_usage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);  // help goes to stdout, exit 0
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "textkit: {}\nTry 'textkit --help' for more information.\n", e.what());
    return exit_usage;
  }
  for (std::size_t i = 0; i < apps.size(); ++i) {
    if (apps[i]->parsed()) return actions[i]();
  }
  return exit_usage;
}

}  // namespace
}  // namespace textkit::cli

int main(int argc, char** argv) {
  // A closed pipe (`textkit ... | head -1`) shows up as EPIPE on write and ends the run
  // quietly with status 0, rather than killing the process with SIGPIPE (141 under pipefail).
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return textkit::cli::run(argc, argv);
  } catch (const textkit::error& e) {
    std::fflush(stdout);
    fmt::print(stderr, "textkit: {}\n", e.what());
    if (e.kind() == textkit::error_kind::usage) fmt::print(stderr, "Try 'textkit --help' for more information.\n");
    return textkit::cli::exit_status_for(e.kind());
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "textkit: out of memory\n");
    return textkit::cli::exit_io_error;
  } catch (const std::exception& e) {
    fmt::print(stderr, "textkit: {}\n", e.what());
    return textkit::cli::exit_io_error;
  }
}
