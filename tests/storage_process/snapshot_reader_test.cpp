// A second process reads the database while the first writes (what a server,
// a shell and `kith query` on one file do): every snapshot it sees is a
// committed state, commits become visible to it, and an open write
// transaction never blocks it.
#include <doctest/doctest.h>

#include <chrono>
#include <future>

#include "storage/graph_store.h"
#include "tests/storage_process/child_process.h"
#include "tests/storage_process/ledger.h"
#include "tests/support/temp_dir.h"

using namespace kith;
using namespace kith::testing;
using storage::GraphStore;
using storage::OpenOptions;

namespace {

OpenOptions read_only() {
  OpenOptions o;
  o.read_only = true;
  o.create = false;
  return o;
}

}  // namespace

TEST_CASE("a reader process sees only consistent committed snapshots while a writer process commits") {
  TempDir dir;
  const std::string path = dir.file("graph.kith");
  create_ledger(*GraphStore::open(path));

  constexpr int64_t kCommits = 300;
  // The writer reports each transfer after commit() returns; the parent then
  // reads (while the writer goes on committing) and must see at least that.
  ChildProcess writer([&](int, int to_parent) {
    auto store = GraphStore::open(path);
    for (int64_t seq = 1; seq <= kCommits; ++seq) {
      store->write([&](storage::Txn& txn) { transfer(txn, seq); });
      if (!write_u64(to_parent, static_cast<uint64_t>(seq))) return 2;
    }
    return 0;
  });

  auto store = GraphStore::open(path, read_only());
  int64_t last_seen = 0;
  int64_t snapshots = 0;
  int64_t ahead = 0;  // snapshots that already held commits not yet reported
  uint64_t reported = 0;
  // Take snapshots back to back for as long as the writer runs, picking up
  // its reports as they come.
  for (bool writing = true; writing;) {
    while (writing && writer.readable_within(0)) writing = read_u64(writer.from_child(), reported);
    auto txn = store->begin_read();
    int64_t count = -1;
    try {
      count = check_ledger(txn);
    } catch (const std::exception& e) {
      FAIL("torn snapshot after commit " << reported << ": " << e.what());
    }
    REQUIRE(count >= static_cast<int64_t>(reported));  // a reported commit is visible
    REQUIRE(count >= last_seen);                         // snapshots never go back
    if (count > static_cast<int64_t>(reported)) ++ahead;
    last_seen = count;
    ++snapshots;
  }
  CHECK(reported == kCommits);
  CHECK(writer.exit_code() == 0);
  CHECK(check_ledger(store->begin_read()) == kCommits);
  MESSAGE(snapshots << " snapshots checked, " << ahead << " of them ahead of the last report");
}

TEST_CASE("an open write transaction in another process neither blocks a reader nor shows through") {
  TempDir dir;
  const std::string path = dir.file("graph.kith");
  create_ledger(*GraphStore::open(path));

  // The child opens a write transaction, changes things, and holds it open
  // until the parent says go.
  ChildProcess writer([&](int from_parent, int to_parent) {
    auto store = GraphStore::open(path);
    auto txn = store->begin_write();
    transfer(txn, 1);
    if (!write_u64(to_parent, 1)) return 2;
    uint64_t go = 0;
    if (!read_u64(from_parent, go)) return 3;
    txn.commit();
    return write_u64(to_parent, 2) ? 0 : 4;
  });
  uint64_t state = 0;
  REQUIRE(read_u64(writer.from_child(), state));
  REQUIRE(state == 1);

  // Opening and reading must complete while the write transaction is open.
  // (If it blocked, the future would never be ready; the child is then
  // released so the test fails instead of hanging.)
  auto reading = std::async(std::launch::async, [&] {
    // One environment at a time: LMDB forbids opening a file twice in one
    // process at once.
    int64_t counts[2];
    counts[0] = check_ledger(GraphStore::open(path)->begin_read());
    counts[1] = check_ledger(GraphStore::open(path, read_only())->begin_read());
    return std::pair{counts[0], counts[1]};
  });
  const bool finished = reading.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
  CHECK_MESSAGE(finished, "opening or reading blocked behind another process's write transaction");
  REQUIRE(write_u64(writer.to_child(), 1));
  const auto [seen_rw, seen_ro] = reading.get();
  CHECK(seen_rw == 0);  // the uncommitted transfer is invisible
  CHECK(seen_ro == 0);

  REQUIRE(read_u64(writer.from_child(), state));
  CHECK(state == 2);
  CHECK(writer.exit_code() == 0);
  auto store = GraphStore::open(path, read_only());
  CHECK(check_ledger(store->begin_read()) == 1);
}
