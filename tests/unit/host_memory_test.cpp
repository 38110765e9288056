// util/host_memory: free page reporting read from a made-up /sys, laid out as the kernel lays it out (the
// balloon driver's folder links its devices; each device's `features` is a string of '0' and '1', bit 0
// first).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../common/temp_dir.hpp"
#include "util/host_memory.hpp"

namespace fs = std::filesystem;

namespace {

// A device's folder with its features, linked from the driver's folder as `link` (as the kernel does).
void add_device(const fs::path& sys, const std::string& name, const std::string& features, const std::string& link) {
  const fs::path device = sys / "devices" / "pci0000:00" / name;
  fs::create_directories(device);
  std::ofstream(device / "features") << features << "\n";
  const fs::path driver = sys / "bus" / "virtio" / "drivers" / "virtio_balloon";
  fs::create_directories(driver);
  fs::create_directory_symlink(device, driver / link);
}

// Features as the kernel prints them: 64 characters, these bits set.
std::string features(std::initializer_list<int> bits) {
  std::string s(64, '0');
  for (int b : bits) s[static_cast<std::size_t>(b)] = '1';
  return s;
}

}  // namespace

TEST(HostMemory, ABalloonThatReportsFreePages) {
  acta_test::TempDir sys("acta-unit-sysfs-reporting");
  add_device(sys, "virtio0", features({1, 2, 5, 7, 32}), "virtio0");  // as read off a Firecracker machine
  EXPECT_TRUE(acta::free_memory_reported_to_host(sys));
}

TEST(HostMemory, ABalloonWithoutReportingOrNoBalloon) {
  acta_test::TempDir sys("acta-unit-sysfs-plain");
  EXPECT_FALSE(acta::free_memory_reported_to_host(sys));  // no virtio at all (bare metal, most hosts)
  EXPECT_FALSE(acta::free_memory_reported_to_host(sys.path() / "missing"));
  add_device(sys, "virtio0", features({1, 2, 3, 4, 32}), "virtio0");  // statistics, hinting, poison: no reporting
  EXPECT_FALSE(acta::free_memory_reported_to_host(sys));
  // Only the driver's device links count: a file named like a feature string elsewhere in its folder does not.
  std::ofstream(sys.path() / "bus" / "virtio" / "drivers" / "virtio_balloon" / "features") << features({5}) << "\n";
  EXPECT_FALSE(acta::free_memory_reported_to_host(sys));
  // A short or empty features file is no.
  add_device(sys, "virtio1", "01100", "virtio1");
  EXPECT_FALSE(acta::free_memory_reported_to_host(sys));
  add_device(sys, "virtio2", features({5}), "virtio2");  // a second balloon device that reports
  EXPECT_TRUE(acta::free_memory_reported_to_host(sys));
}
