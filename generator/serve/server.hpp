// The HTTP side of `acta serve`: the output folder on 127.0.0.1, read fresh on every request (a rebuild
// swaps the folder whole), nothing outside it, HTML pages with the live-reload script added.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "serve/live_reload.hpp"

namespace acta::serve {

class Server {
 public:
  Server(std::filesystem::path root, const LiveState& state);
  ~Server();

  // Binds 127.0.0.1:port (0: any free port); returns the port, or throws SourceError naming it.
  int bind(int port);
  // Serves until stop() is called (from another thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The file under `root` a URL path names ("/doc/x.html", "/" -> "/index.html", "/doc/" ->
// "/doc/index.html"), or nothing when the path leaves `root` (by "..", a symbolic link or a NUL) or names
// no file. `path` is already percent-decoded.
std::optional<std::filesystem::path> resolve_request(const std::filesystem::path& root, const std::string& path);

// Content-Type for a file name.
std::string content_type(const std::filesystem::path& file);

}  // namespace acta::serve
