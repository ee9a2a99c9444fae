#include "engine/malloc_tuning.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kith::engine {

// Why: a statement that groups, sorts or deduplicates 10k+ rows grows hash
// tables and vectors past glibc's thresholds (128 KiB to start): they come
// from mmap, or from the top of the heap, and go back to the kernel when the
// statement frees them, so the next statement faults every page in again
// (zeroed by the kernel). On LDBC IC4's hub that was a fifth of the time
// (docs/engine.md). With these thresholds, blocks below 32 MiB come from
// the heap, and up to 128 MiB of free heap stays with the process.
void tune_malloc_once() {
#if defined(__GLIBC__)
  static std::once_flag once;
  std::call_once(once, [] {
    const char* off = std::getenv("KITH_MALLOC_TUNING");
    if (off && std::strcmp(off, "off") == 0) return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "malloc")) return;
    if (std::getenv("MALLOC_TRIM_THRESHOLD_") || std::getenv("MALLOC_MMAP_THRESHOLD_")) return;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
  });
#endif
}

}  // namespace kith::engine
