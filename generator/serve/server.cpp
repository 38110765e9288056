#include "serve/server.hpp"

#include <httplib.h>

#include <map>

#include "util/error.hpp"
#include "util/files.hpp"
#include "write/escape.hpp"

namespace acta::serve {

namespace fs = std::filesystem;

namespace {
constexpr auto kPollTimeout = std::chrono::seconds(20);

bool is_html(const fs::path& p) { return p.extension() == ".html" || p.extension() == ".htm"; }

// When the site is not there (the first build failed), every page says why.
std::string error_page(const BuildStatus& status) {
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>acta serve</title></head><body><h1>No site yet</h1><pre>";
  write::escape_html_into(html, status.error.empty() ? "The first build has not finished." : status.error);
  html += "</pre></body></html>";
  return html;
}
}  // namespace

std::optional<fs::path> resolve_request(const fs::path& root, const std::string& path) {
  if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
    return std::nullopt;
  fs::path rel = fs::path(path.substr(1)).lexically_normal();
  for (const auto& part : rel)
    if (part == "..") return std::nullopt;
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path candidate = real_root / rel;
  if (path.back() == '/' || fs::is_directory(candidate, ec)) candidate /= "index.html";
  fs::path real = fs::canonical(candidate, ec);  // follows links: where the bytes really are
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  auto inside = real.lexically_relative(real_root);
  if (inside.empty() || *inside.begin() == "..") return std::nullopt;
  return real;
}

std::string content_type(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".htm", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"}, {".xml", "application/xml"}, {".svg", "image/svg+xml"},
      {".txt", "text/plain; charset=utf-8"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".pdf", "application/pdf"}, {".wasm", "application/wasm"}};
  auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

struct Server::Impl {
  fs::path root;
  const LiveState& state;
  httplib::Server http;

  Impl(fs::path r, const LiveState& s) : root(std::move(r)), state(s) {
    // Every open page holds one long poll; give them threads enough that files are still served.
    http.new_task_queue = [] { return new httplib::ThreadPool(32); };
    http.Get(kReloadScriptPath, [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-store");
      res.set_content(reload_script(), "text/javascript; charset=utf-8");
    });
    http.Get(kPollPath, [this](const httplib::Request& req, httplib::Response& res) {
      long since = -1;
      try {
        if (req.has_param("since")) since = std::stol(req.get_param_value("since"));
      } catch (...) {
      }
      res.set_header("Cache-Control", "no-store");
      res.set_content(status_json(state.wait_for_change(since, kPollTimeout)), "application/json");
    });
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { serve_file(req, res); });
  }

  void serve_file(const httplib::Request& req, httplib::Response& res) {
    BuildStatus status = state.current();
    res.set_header("Cache-Control", "no-store");
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      res.status = 503;
      res.set_content(with_reload_script(error_page(status), status.generation), "text/html; charset=utf-8");
      return;
    }
    auto file = resolve_request(root, req.path);
    if (!file) {
      res.status = 404;
      auto not_found = resolve_request(root, "/404.html");
      std::string page = not_found ? files::read(*not_found) : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>";
      res.set_content(with_reload_script(page, status.generation), "text/html; charset=utf-8");
      return;
    }
    std::string body;
    try {
      body = files::read(*file);
    } catch (const SourceError&) {  // swapped away between resolving and reading: a rebuild just ended
      res.status = 503;
      res.set_header("Retry-After", "1");
      return;
    }
    if (is_html(*file)) body = with_reload_script(std::move(body), status.generation);
    res.set_content(body, content_type(*file));
  }
};

Server::Server(fs::path root, const LiveState& state) : impl_(std::make_unique<Impl>(std::move(root), state)) {}
Server::~Server() = default;

int Server::bind(int port) {
  int bound = port == 0 ? impl_->http.bind_to_any_port("127.0.0.1") : (impl_->http.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0)
    throw SourceError({"127.0.0.1:" + std::to_string(port), 0}, "cannot listen on this port (is another server using it?); choose another with --port N");
  return bound;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() {
  impl_->state.shut_down();
  impl_->http.stop();
}

}  // namespace acta::serve
