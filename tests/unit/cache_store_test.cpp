// The cache's files read back as written, whatever their size: large ones go around the page cache
// (O_DIRECT, through a buffer padded to whole blocks and the file cut to size afterwards), small ones
// through it, and either way nothing is left beside them and a file replaced by a shorter one holds only the
// shorter one's bytes.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "cache/hash.hpp"
#include "cache/store.hpp"
#include "../common/temp_dir.hpp"

using namespace acta;
namespace fs = std::filesystem;

namespace {

std::string noise(std::size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(size, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

// Sizes around a device block and around the size from which a file is written around the page cache.
const std::vector<std::size_t> kSizes = {0,          1,          511,        512,        4095,        4096,
                                         4097,       262143,     262144,     262145,     266240,      1048699,
                                         3145735};

std::size_t files_in(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) ++n;
  return n;
}

// Sets how the cache writes large files for one scope, and puts the default back however the scope ends.
struct DirectWrites {
  explicit DirectWrites(bool on) { cache::set_direct_writes(on); }
  ~DirectWrites() { cache::set_direct_writes(true); }
};

void expect_round_trip(const fs::path& dir, bool direct) {
  DirectWrites writes(direct);
  cache::Store store(dir);
  for (std::size_t i = 0; i < kSizes.size(); ++i) {
    const auto key = cache::hash_of("entry " + std::to_string(i));
    const std::string bytes = noise(kSizes[i], static_cast<unsigned>(i));
    store.put("search", key, bytes);
    auto back = store.map("search", key);
    ASSERT_TRUE(back) << "size " << kSizes[i];
    EXPECT_EQ(back->bytes.size(), bytes.size());
    EXPECT_TRUE(back->bytes == bytes) << "size " << kSizes[i] << (direct ? " (direct)" : " (buffered)");
  }
  // Replaced by a shorter entry, not a whole number of blocks: only the new bytes.
  const auto key = cache::hash_of("replaced");
  store.put("search", key, noise((std::size_t{1} << 20) + 3 * 4096 + 17, 99));
  const std::string shorter = noise(300000, 100);
  store.put("search", key, shorter);
  auto back = store.map("search", key);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->bytes == shorter);
  // One file per entry: no temporary file left behind (CACHEDIR.TAG is the other one).
  EXPECT_EQ(files_in(dir), kSizes.size() + 2);
}

}  // namespace

TEST(CacheStore, EntriesOfEverySizeReadBackWrittenEitherWay) {
  acta_test::TempDir direct("acta-unit-store-direct", /*create=*/false);
  expect_round_trip(direct, true);
  acta_test::TempDir buffered("acta-unit-store-buffered", /*create=*/false);
  expect_round_trip(buffered, false);
}

// tmpfs and other file systems without a device may refuse O_DIRECT: the file is then written the usual way.
TEST(CacheStore, EntriesReadBackOnAFileSystemInMemory) {
  const fs::path shm = "/dev/shm";
  std::error_code ec;
  if (!fs::is_directory(shm, ec)) GTEST_SKIP() << "no /dev/shm here";
  const fs::path dir = shm / ("acta-unit-store-" + std::to_string(::getpid()));
  fs::remove_all(dir, ec);
  expect_round_trip(dir, true);
  fs::remove_all(dir, ec);
}
