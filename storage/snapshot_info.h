// What a GraphStore's read snapshot machinery (storage/read_snapshot.h) is
// doing, and hooks to wait for it: for tests, the storage benchmark and
// measurements, never for queries. Free of <lmdb.h>, so bench/ may use it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "storage/graph_store.h"

namespace kith::storage {

struct SnapshotInfo {
  bool enabled = false;
  bool building = false;
  uint64_t version = 0;  // of the snapshot kept now; 0: none
  uint64_t bytes = 0;    // its memory
  uint64_t property_columns = 0;     // nodes' and rels'
  uint64_t single_edge_columns = 0;  // (type, direction) pairs
  double build_seconds = 0;      // wall time of the last completed build
  double build_cpu_seconds = 0;  // its builder thread's CPU time
  uint64_t builds = 0;       // completed builds
  uint64_t skipped = 0;      // builds refused or abandoned
  uint64_t attached = 0;     // read transactions that used a snapshot
  std::string last_skip;     // why the last build was refused or abandoned
};
SnapshotInfo snapshot_info(const GraphStore& store);
// Waits until no build is running and its thread has ended; false when
// `timeout` passed first.
bool wait_for_snapshot_builds(const GraphStore& store, std::chrono::milliseconds timeout);

namespace snapshot_testing {
// While held, builders of every store wait with their read transaction open,
// before their scans (still cancellable): lets a test destroy a store or grow
// its map mid-build.
void hold_builds(bool hold);
// Waits until a builder is waiting there; false when `timeout` passed first.
bool wait_until_build_held(std::chrono::milliseconds timeout);
}  // namespace snapshot_testing

}  // namespace kith::storage
