// textkit model info MODEL...
//
// What a model file holds: its kind, format version, metadata (analysis options, counts) and
// sections (name, type, elements, bytes), as "key<TAB>value" lines. The file is fully checked
// (magic, version, sizes, checksum) first.
#include <fmt/format.h>

#include "exit_status.hpp"
#include "subcommand.hpp"
#include "textkit/model_file.hpp"
#include "tool_support.hpp"

namespace textkit::cli {

subcommand_action setup_model(CLI::App& app) {
  app.require_subcommand(1);
  CLI::App* info = app.add_subcommand("info", "Check a model file and print what it holds");
  auto files = std::make_shared<std::vector<std::string>>();
  info->add_option("models", *files, "Model files")->type_name("MODEL")->required();
  return [files]() {
    for (const auto& path : *files) {
      const model_file model = model_file::parse(read_file(path), path);
      std::string out = fmt::format("file\t{}\nkind\t{}\nformat_version\t{}\n", path, model.kind(),
                                    model_file::format_version);
      for (const auto& [key, value] : model.metadata()) out += fmt::format("{}\t{}\n", key, value);
      for (const auto& s : model.sections()) {
        const char* type = s.type == section_type::u64   ? "u64"
                           : s.type == section_type::f64 ? "f64"
                           : s.type == section_type::f32 ? "f32"
                                                         : "strings";
        out += fmt::format("section\t{}\t{}\t{} elements\t{} bytes\n", s.name, type, s.count, s.bytes);
      }
      if (files->size() > 1) out += "\n";
      if (!write_to_stdout(out)) break;
    }
    return exit_ok;
  };
}

}  // namespace textkit::cli
