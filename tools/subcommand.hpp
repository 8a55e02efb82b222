#pragma once
// A subcommand: its name, a one-line summary, and a function that registers its options on
// the CLI11 sub-app and returns the action to run once the command line is parsed.
// Every subcommand is listed once, in kSubcommands (main.cpp).
#include <CLI/CLI.hpp>

#include <functional>

namespace textkit::cli {

using subcommand_action = std::function<int()>;

struct subcommand {
  const char* name;
  const char* summary;
  subcommand_action (*setup)(CLI::App& app);
};

subcommand_action setup_tokenize(CLI::App& app);
subcommand_action setup_tfidf(CLI::App& app);
subcommand_action setup_model(CLI::App& app);
subcommand_action setup_eval(CLI::App& app);
subcommand_action setup_sentiment(CLI::App& app);

}  // namespace textkit::cli
