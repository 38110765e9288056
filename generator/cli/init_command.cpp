#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "site/init.hpp"
#include "util/files.hpp"

namespace acta::cli {

void add_init_command(CLI::App& app, Action& action) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("init", "Create a new archive in DIR: site-config.yaml, a copy of the default templates and "
                                         "one example document, ready for 'acta build'");
  cmd->add_option("DIR", *dir, "Folder for the new archive; created when missing, refused when not empty")->required();
  cmd->footer("Then: cd DIR && acta build (or acta serve), and open public/index.html.");
  cmd->callback([dir, &action] {
    action = [dir] {
      auto data = site::find_data_folder(std::filesystem::read_symlink("/proc/self/exe"));
      auto written = site::init_archive(*dir, data);
      std::cout << "acta: created a new archive in " << files::display(*dir) << " (" << written.size() << " files):\n";
      for (const auto& f : written)
        if (f.begin()->string() != "templates") std::cout << "  " << f.generic_string() << "\n";
      std::cout << "  templates/ (the default templates; edit them freely)\n"
                << "Next: cd " << files::display(*dir) << " && acta build, then open public/index.html\n";
      return 0;
    };
  });
}

}  // namespace acta::cli
