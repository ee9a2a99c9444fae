// Readers and a writer in threads of one process, each thread with its own
// transaction (what the server does with one GraphStore).
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/graph_store.h"
#include "tests/storage_process/ledger.h"
#include "tests/support/temp_dir.h"

using namespace kith;
using namespace kith::testing;
using storage::GraphStore;

TEST_CASE("reader threads see consistent snapshots while a writer thread commits") {
  TempDir dir;
  auto store = GraphStore::open(dir.file("graph.kith"));
  create_ledger(*store);

  constexpr int64_t kCommits = 200;
  constexpr int kReaders = 3;
  std::atomic<int64_t> committed{0};
  std::atomic<bool> done{false};
  std::mutex failures_mutex;
  std::vector<std::string> failures;  // doctest assertions stay on the main thread
  std::vector<int64_t> snapshots(kReaders, 0);

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      int64_t last_seen = 0;
      do {
        const int64_t floor = committed.load();
        try {
          auto txn = store->begin_read();
          const int64_t count = check_ledger(txn);
          if (count < floor) throw std::runtime_error("a finished commit is not visible");
          if (count < last_seen) throw std::runtime_error("snapshot went back in time");
          last_seen = count;
        } catch (const std::exception& e) {
          std::lock_guard lock(failures_mutex);
          failures.push_back(e.what());
          return;
        }
        ++snapshots[static_cast<size_t>(r)];
      } while (!done.load());
    });
  }
  std::thread writer([&] {
    try {
      for (int64_t seq = 1; seq <= kCommits; ++seq) {
        store->write([&](storage::Txn& txn) { transfer(txn, seq); });
        committed.store(seq);
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(failures_mutex);
      failures.push_back(std::string("writer: ") + e.what());
    }
    done.store(true);
  });
  writer.join();
  for (auto& t : readers) t.join();

  CHECK(failures.empty());
  for (const std::string& f : failures) MESSAGE(f);
  for (int64_t n : snapshots) CHECK(n > 0);
  CHECK(check_ledger(store->begin_read()) == kCommits);
}

TEST_CASE("a read transaction keeps its snapshot while another thread commits") {
  TempDir dir;
  auto store = GraphStore::open(dir.file("graph.kith"));
  create_ledger(*store);

  auto before = store->begin_read();
  std::thread writer([&] {
    for (int64_t seq = 1; seq <= 3; ++seq) {
      store->write([&](storage::Txn& txn) { transfer(txn, seq); });
    }
  });
  writer.join();
  CHECK(check_ledger(before) == 0);
  CHECK(check_ledger(store->begin_read()) == 3);

  // The header allows a transaction to move between threads (one at a time).
  int64_t seen_elsewhere = -1;
  std::thread other([&] {
    try {
      seen_elsewhere = check_ledger(before);
    } catch (const std::exception&) {
      seen_elsewhere = -2;
    }
  });
  other.join();
  CHECK(seen_elsewhere == 0);
  before.abort();
}

TEST_CASE("an aborted or abandoned write transaction leaves no trace, even with readers around") {
  TempDir dir;
  auto store = GraphStore::open(dir.file("graph.kith"));
  create_ledger(*store);
  auto reader = store->begin_read();
  {
    auto txn = store->begin_write();
    transfer(txn, 1);
    txn.abort();
  }
  {
    auto txn = store->begin_write();
    transfer(txn, 1);
  }  // destroyed without commit
  CHECK(check_ledger(store->begin_read()) == 0);
  CHECK(check_ledger(reader) == 0);
  store->write([](storage::Txn& txn) { transfer(txn, 1); });
  CHECK(check_ledger(store->begin_read()) == 1);
}
