#include "util/host_memory.hpp"

#include <fstream>
#include <string>
#include <system_error>

namespace acta {

bool free_memory_reported_to_host(const std::filesystem::path& sysfs) {
  constexpr std::size_t kReporting = 5;  // VIRTIO_BALLOON_F_REPORTING (linux/virtio_balloon.h)
  std::error_code ec;
  const auto driver = sysfs / "bus" / "virtio" / "drivers" / "virtio_balloon";
  for (std::filesystem::directory_iterator it(driver, ec), end; !ec && it != end; it.increment(ec)) {
    // The driver's folder links each device it drives (virtio0, ...) beside files such as bind and unbind.
    if (it->path().filename().string().rfind("virtio", 0) != 0) continue;
    std::ifstream in(it->path() / "features");
    std::string bits;
    if (in >> bits && bits.size() > kReporting && bits[kReporting] == '1') return true;
  }
  return false;
}

}  // namespace acta
