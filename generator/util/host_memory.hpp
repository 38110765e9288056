// Whether this machine's free memory is handed back to a hypervisor, which decides the heap's page size
// (cli/main.cpp).
//
// A virtual machine whose balloon device reports free memory (virtio-balloon's free page reporting, as on
// Firecracker) gives the host every free block of the reporting order (2 MiB on x86-64); the host drops
// its backing, and the next touch of that memory faults on the host as well, page by page. A 2 MiB heap
// page can only come from such a block, so there it always costs the host's faults (about 2.4 s per GiB
// here); 4 KiB pages come first from smaller free blocks, which the host still backs (about 0.5 s per GiB).
// Elsewhere 2 MiB pages are the cheaper: one fault instead of 512.
#pragma once

#include <filesystem>

namespace acta {

// True when a virtio balloon under `sysfs` (the kernel's /sys) offers free page reporting (feature bit 5,
// VIRTIO_BALLOON_F_REPORTING, in its `features` file of '0'/'1' characters, bit 0 first). Missing files
// and anything unreadable count as no.
bool free_memory_reported_to_host(const std::filesystem::path& sysfs = "/sys");

}  // namespace acta
