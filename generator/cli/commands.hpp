// Each subcommand lives in its own file and registers itself on the app: it adds its options and returns
// the function that runs it (returning the exit status).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace acta::cli {

using Action = std::function<int()>;

// Adds `acta build`; sets `action` when the subcommand is chosen.
void add_build_command(CLI::App& app, Action& action);

// Adds `acta import FILE`: prints a document as canonical Markdown (write/markdown_export.hpp).
void add_import_command(CLI::App& app, Action& action);
// Adds `acta check`.
void add_check_command(CLI::App& app, Action& action);
// Adds `acta serve [--port N]`.
void add_serve_command(CLI::App& app, Action& action);

// Adds `acta init DIR`.
void add_init_command(CLI::App& app, Action& action);

}  // namespace acta::cli
