#include "serve/live_reload.hpp"

#include <nlohmann/json.hpp>

#include "write/escape.hpp"

namespace acta::serve {

void LiveState::publish(const std::string& error) {
  {
    std::lock_guard lock(mutex_);
    ++status_.generation;
    status_.error = error;
  }
  changed_.notify_all();
}

BuildStatus LiveState::current() const {
  std::lock_guard lock(mutex_);
  return status_;
}

BuildStatus LiveState::wait_for_change(long seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return status_.generation != seen || stopping_; });
  return status_;
}

void LiveState::shut_down() const {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

const std::string& reload_script() {
  // Plain ES5 so it runs in any browser; it touches the page only to add or remove its error overlay,
  // whose text is set with textContent (a build error may quote the user's files).
  static const std::string script = R"JS(// Added by `acta serve` only: reloads the page after each rebuild and shows build errors over it.
(function () {
  'use strict';
  var me = document.currentScript;
  var match = me && /[?&]g=(-?\d+)/.exec(me.src);
  var generation = match ? Number(match[1]) : -1;

  function overlay(message) {
    var box = document.getElementById('acta-build-error');
    if (!message) {
      if (box) box.parentNode.removeChild(box);
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.id = 'acta-build-error';
      box.setAttribute('role', 'alert');
      var s = box.style;
      s.position = 'fixed'; s.left = '0'; s.right = '0'; s.bottom = '0'; s.maxHeight = '50vh'; s.overflow = 'auto';
      s.margin = '0'; s.padding = '1em 1.5em'; s.zIndex = '2147483647'; s.whiteSpace = 'pre-wrap';
      s.font = '14px/1.5 monospace'; s.background = '#3b0d0c'; s.color = '#fff'; s.borderTop = '4px solid #e5484d';
      document.body.appendChild(box);
    }
    box.textContent = 'acta serve: the build failed; the page shows the last good build.\n\n' + message;
  }

  // The first request answers at once (since=-1), so a build that ended while the page loaded, or a
  // failed build, shows without waiting; later ones wait until the next build.
  var first = true;
  function poll() {
    var request = new XMLHttpRequest();
    request.open('GET', '/__acta/poll?since=' + (first ? -1 : generation));
    first = false;
    request.onload = function () {
      var status;
      try { status = JSON.parse(request.responseText); } catch (e) { setTimeout(poll, 1000); return; }
      if (status.generation !== generation && !status.error) { location.reload(); return; }
      generation = status.generation;
      overlay(status.error);
      poll();
    };
    request.onerror = function () { setTimeout(poll, 1000); };  // server restarting: try again
    request.send();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', poll);
  else poll();
})();
)JS";
  return script;
}

std::string with_reload_script(std::string html, long generation) {
  std::string tag = "<script src=\"";
  write::escape_html_into(tag, std::string(kReloadScriptPath) + "?g=" + std::to_string(generation));
  tag += "\" defer></script>";
  auto pos = html.rfind("</body>");
  if (pos == std::string::npos) html += tag;
  else html.insert(pos, tag);
  return html;
}

std::string status_json(const BuildStatus& status) {
  nlohmann::ordered_json j;
  j["generation"] = status.generation;
  j["error"] = status.error;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace acta::serve
