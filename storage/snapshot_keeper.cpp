// When a GraphStore builds, keeps and drops its read snapshot
// (read_snapshot.h). A version earns a snapshot once `after_reads` read
// transactions have begun at it, so a one-shot command never pays for one;
// the build runs on a background thread with its own read transaction, so no
// query waits for it; transactions begun after it is ready attach it. A
// commit makes it useless (and stops a build); builds overtaken that way
// raise the number of reads the next version needs.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <system_error>
#include <unordered_map>

#include "storage/error.h"
#include "storage/store_impl.h"

namespace kith::storage {

namespace {

std::atomic<bool> g_hold_builds{false};
std::atomic<int> g_held_builds{0};  // builders waiting in the hold

// GraphStore -> Impl, for snapshot_info() and the test hooks (GraphStore
// keeps its Impl private).
std::mutex g_registry_mutex;
std::unordered_map<const GraphStore*, GraphStore::Impl*> g_registry;

GraphStore::Impl& impl_of(const GraphStore& store) {
  std::lock_guard g(g_registry_mutex);
  auto it = g_registry.find(&store);
  if (it == g_registry.end()) throw Error(ErrorCode::StorageError, "store not registered");
  return *it->second;
}

}  // namespace

void register_store(const GraphStore* store, GraphStore::Impl* impl) {
  std::lock_guard g(g_registry_mutex);
  g_registry[store] = impl;
}

void unregister_store(const GraphStore* store) {
  std::lock_guard g(g_registry_mutex);
  g_registry.erase(store);
}

namespace {
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
}  // namespace

uint64_t default_snapshot_limit() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return uint64_t{1} << 30;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size) / 4;
}

std::shared_ptr<const ReadSnapshot> GraphStore::Impl::snapshot_for_read(uint64_t version) const {
  Snapshots& s = snapshots;
  if (!s.enabled) return nullptr;
  std::lock_guard g(s.mutex);
  if (s.current) {
    if (s.current->version() == version) {
      ++s.info.attached;
      return s.current;
    }
    // Transactions of the old version keep theirs; newer ones never use it.
    if (s.current->version() < version) s.current.reset();
  }
  if (version < s.counted_version) return nullptr;  // a reader that began before a commit
  if (version > s.counted_version) {
    s.counted_version = version;
    s.reads = 0;
  }
  const uint64_t needed = uint64_t{s.after_reads} << std::min<uint32_t>(s.overtaken, 20);
  if (++s.reads < needed || s.building || s.stopping || s.refused_version == version) {
    return nullptr;
  }
  if (s.current && s.current->version() >= version) return nullptr;
  // The last builder has said it is done; joining it only waits for its exit.
  if (s.builder.joinable()) s.builder.join();
  auto* self = const_cast<Impl*>(this);
  const uint64_t generation = s.generation.load();
  try {
    s.builder = std::thread([self, generation] { self->build_snapshot(generation); });
    s.building = true;
  } catch (const std::system_error& e) {  // no thread to be had: reads go on without
    ++s.info.skipped;
    s.info.last_skip = std::string("cannot start a thread: ") + e.what();
  }
  return nullptr;
}

void GraphStore::Impl::build_snapshot(uint64_t generation) {
  Snapshots& s = snapshots;
  std::shared_ptr<const ReadSnapshot> built;
  std::string why;
  uint64_t version = 0;
  // A commit after `version` makes the build useless: readers of the new
  // version would not attach it.
  auto overtaken = [&] {
    MDB_envinfo env_info;
    return version != 0 && mdb_env_info(env, &env_info) == MDB_SUCCESS && env_info.me_last_txnid != version;
  };
  auto cancelled = [&] {
    return s.stopping.load() || s.generation.load() != generation || overtaken();
  };
  const auto started = std::chrono::steady_clock::now();
  const double cpu_started = thread_cpu_seconds();
  auto finish = [&] {  // with s.mutex held
    s.building = false;
    if (overtaken()) {
      ++s.overtaken;
      ++s.info.skipped;
      s.info.last_skip = "a newer version was committed during the build";
    } else if (built && !cancelled()) {
      if (!s.current || s.current->version() < version) {
        s.current = built;
        s.overtaken = 0;
        ++s.info.builds;
        s.info.build_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        s.info.build_cpu_seconds = thread_cpu_seconds() - cpu_started;
      }
    } else {
      if (why.empty()) why = "cancelled";
      ++s.info.skipped;
      s.info.last_skip = why;
      if (why != "cancelled") s.refused_version = version;
    }
    s.idle.notify_all();
  };

  if (cancelled()) {
    std::lock_guard g(s.mutex);
    finish();
    return;
  }
  std::shared_lock<std::shared_mutex> lock;
  MDB_txn* txn = nullptr;
  try {
    txn = begin_lmdb_txn(false, lock);
    version = mdb_txn_id(txn);
    if (g_hold_builds.load()) {
      ++g_held_builds;
      while (g_hold_builds.load() && !cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      --g_held_builds;
    }
    const uint64_t estimate = ReadSnapshot::estimate_bytes(txn, dbis);
    if (cancelled()) {
      why = "cancelled";
    } else if (estimate > s.max_bytes) {
      why = "estimated " + std::to_string(estimate >> 20) + " MiB, over the limit of " +
            std::to_string(s.max_bytes >> 20) + " MiB";
    } else {
      built = ReadSnapshot::build(txn, dbis, cancelled, why);
    }
  } catch (const Error& e) {
    built.reset();
    why = e.what();
  } catch (const std::bad_alloc&) {
    built.reset();
    why = "out of memory";
  } catch (const std::exception& e) {  // nothing may escape the thread
    built.reset();
    why = e.what();
  }
  {
    // Installed while this transaction still holds the resize lock: map
    // growth, which takes it exclusively, then always comes after and drops
    // the snapshot with the mapping its pointers point into.
    std::lock_guard g(s.mutex);
    finish();
  }
  if (txn) mdb_txn_abort(txn);
}

void GraphStore::Impl::cancel_snapshot_build() { ++snapshots.generation; }

void GraphStore::Impl::drop_snapshot() {
  std::lock_guard g(snapshots.mutex);
  snapshots.current.reset();
}

void GraphStore::Impl::drop_stale_snapshot() {
  std::lock_guard g(snapshots.mutex);
  MDB_envinfo env_info;
  if (snapshots.current && mdb_env_info(env, &env_info) == MDB_SUCCESS &&
      env_info.me_last_txnid != snapshots.current->version()) {
    snapshots.current.reset();
  }
}

void GraphStore::Impl::stop_snapshot_builder() {
  Snapshots& s = snapshots;
  std::thread builder;
  {
    std::lock_guard g(s.mutex);
    s.stopping = true;
    builder = std::move(s.builder);
  }
  if (builder.joinable()) builder.join();
  std::lock_guard g(s.mutex);
  s.current.reset();
}

SnapshotInfo snapshot_info(const GraphStore& store) {
  GraphStore::Impl& impl = impl_of(store);
  auto& s = impl.snapshots;
  std::lock_guard g(s.mutex);
  SnapshotInfo info = s.info;
  info.enabled = s.enabled;
  info.building = s.building;
  info.version = s.current ? s.current->version() : 0;
  info.bytes = s.current ? s.current->bytes() : 0;
  info.property_columns = s.current ? s.current->property_columns() : 0;
  info.single_edge_columns = s.current ? s.current->single_edge_columns() : 0;
  return info;
}

bool wait_for_snapshot_builds(const GraphStore& store, std::chrono::milliseconds timeout) {
  auto& s = impl_of(store).snapshots;
  std::unique_lock g(s.mutex);
  if (!s.idle.wait_for(g, timeout, [&] { return !s.building; })) return false;
  // Joined too (it only has its transaction to end): a test may fork next,
  // and a child must not inherit a thread it does not have.
  std::thread done = std::move(s.builder);
  g.unlock();
  if (done.joinable()) done.join();
  return true;
}

namespace snapshot_testing {
void hold_builds(bool hold) { g_hold_builds = hold; }
bool wait_until_build_held(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (g_held_builds.load() == 0) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}
}  // namespace snapshot_testing

}  // namespace kith::storage
