// Keeps glibc malloc from handing a statement's working memory back to the
// kernel after every statement (docs/engine.md, "Memory between statements").
#pragma once

namespace kith::engine {

// Once per process, on the first Database::open. Does nothing when the
// process set malloc tunables of its own (GLIBC_TUNABLES with "malloc",
// MALLOC_TRIM_THRESHOLD_, MALLOC_MMAP_THRESHOLD_) or KITH_MALLOC_TUNING=off,
// and on C libraries other than glibc.
void tune_malloc_once();

}  // namespace kith::engine
