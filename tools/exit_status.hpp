#pragma once
// The exit-status table, documented in man/textkit.1 (EXIT STATUS).
namespace textkit::cli {

inline constexpr int exit_ok = 0;              // success (also: the reader of stdout closed it early)
inline constexpr int exit_data_error = 1;      // a malformed record stopped the run (--on-error fail)
inline constexpr int exit_usage = 2;           // bad command line
inline constexpr int exit_io_error = 3;        // an input or output file could not be opened, read or written
inline constexpr int exit_resource_error = 4;  // a word list, lexicon or model file is malformed

}  // namespace textkit::cli
