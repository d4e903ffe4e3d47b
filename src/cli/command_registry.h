// Registration of CLI subcommands. Each command lives in its own file and
// registers a setup function with NGODESK_REGISTER_COMMAND; main() calls every
// setup function on the root CLI::App. The setup function adds its
// subcommand and a callback that stores the exit code in the context.
#pragma once

#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace ngodesk::cli {

using CommandSetup = std::function<void(CLI::App& app, Context& context)>;

std::vector<CommandSetup>& CommandSetups();

struct CommandRegistrar {
  explicit CommandRegistrar(CommandSetup setup) { CommandSetups().push_back(std::move(setup)); }
};

}  // namespace ngodesk::cli

#define NGODESK_REGISTER_COMMAND(setup_function) \
  static const ::ngodesk::cli::CommandRegistrar setup_function##_registrar(setup_function)
