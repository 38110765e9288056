// Live reload for `acta serve`: the state of the last build that open pages wait on, and the small script
// the server adds to the HTML pages it sends (never to the files of the site) so they reload after a
// rebuild and show a build error over the page.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace acta::serve {

// Where the script and the long-poll endpoint live on the server.
inline constexpr const char* kReloadScriptPath = "/__acta/reload.js";
inline constexpr const char* kPollPath = "/__acta/poll";

struct BuildStatus {
  long generation = 0;  // raised by every build, good or bad
  std::string error;    // the last build's error, "" when it succeeded
};

// Shared by the build loop (which publishes) and the server threads (which wait).
class LiveState {
 public:
  void publish(const std::string& error);
  BuildStatus current() const;
  // Returns as soon as the generation differs from `seen`, or after `timeout` with the current status.
  BuildStatus wait_for_change(long seen, std::chrono::milliseconds timeout) const;
  // Wakes every waiter now and from now on (the server is stopping).
  void shut_down() const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  BuildStatus status_;
  mutable bool stopping_ = false;
};

// The script's source (JavaScript, served from kReloadScriptPath).
const std::string& reload_script();

// The HTML with <script src="/__acta/reload.js?g=GENERATION" defer></script> added before the last
// </body> (or at the end). The generation tells the page which build it shows.
std::string with_reload_script(std::string html, long generation);

// The status as the poll endpoint sends it: {"generation":N,"error":"…"} (error escaped for JSON).
std::string status_json(const BuildStatus& status);

}  // namespace acta::serve
