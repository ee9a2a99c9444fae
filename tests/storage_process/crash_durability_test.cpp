// kill -9 during a stream of commits: every commit whose commit() returned is
// still there after reopening, no transaction is half-applied, and the store
// keeps accepting writes. The kill lands at a random moment, which may be in
// the middle of a commit.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <map>
#include <random>
#include <set>
#include <vector>

#include "storage/graph_store.h"
#include "tests/storage_process/child_process.h"
#include "tests/storage_process/ledger.h"
#include "tests/support/temp_dir.h"

using namespace kith;
using namespace kith::testing;
using storage::GraphStore;

namespace {

// Each transaction writes kChain Batch nodes linked in a chain by LINK
// relationships, all tagged with the transaction's sequence number, and moves
// the Head node's `last` to that number.
constexpr int64_t kChain = 5;

void create_head(GraphStore& store) {
  store.write([](storage::Txn& txn) {
    const LabelId head = txn.intern_label("Head");
    txn.intern_label("Batch");
    txn.intern_rel_type("LINK");
    txn.intern_prop_key("seq");
    txn.intern_prop_key("idx");
    txn.create_node(std::vector<LabelId>{head}, {{txn.intern_prop_key("last"), Value(int64_t{0})}});
  });
}

NodeId head_node(const storage::Txn& txn) {
  return all_ids(txn.scan_label(*txn.find_label("Head"))).at(0);
}

int64_t last_seq(const storage::Txn& txn) {
  return txn.node_property(head_node(txn), *txn.find_prop_key("last")).as_int();
}

void write_batch(storage::Txn& txn, int64_t seq) {
  const LabelId batch = *txn.find_label("Batch");
  const PropKeyId seq_key = *txn.find_prop_key("seq");
  const PropKeyId idx_key = *txn.find_prop_key("idx");
  NodeId previous = kNoNode;
  for (int64_t i = 0; i < kChain; ++i) {
    const NodeId n = txn.create_node(std::vector<LabelId>{batch},
                                     {{seq_key, Value(seq)}, {idx_key, Value(i)}});
    if (previous != kNoNode) {
      txn.create_rel(*txn.find_rel_type("LINK"), previous, n, {{seq_key, Value(seq)}});
    }
    previous = n;
  }
  txn.set_node_property(head_node(txn), *txn.find_prop_key("last"), Value(seq));
}

// Checks the whole store: transactions 1..last are all there, each complete,
// and nothing else. Returns `last`.
int64_t check_batches(const storage::Txn& txn) {
  const int64_t last = last_seq(txn);
  const LabelId batch = *txn.find_label("Batch");
  const RelTypeId link = *txn.find_rel_type("LINK");
  const PropKeyId seq_key = *txn.find_prop_key("seq");
  const PropKeyId idx_key = *txn.find_prop_key("idx");
  std::map<int64_t, std::set<int64_t>> indexes_by_seq;
  for (NodeId n : all_ids(txn.scan_label(batch))) {
    const int64_t seq = txn.node_property(n, seq_key).as_int();
    const int64_t idx = txn.node_property(n, idx_key).as_int();
    indexes_by_seq[seq].insert(idx);
    std::vector<Edge> out;
    auto cursor = txn.adjacency(n, link, Direction::Out);
    for (auto b = cursor.next_batch(); !b.empty(); b = cursor.next_batch()) {
      out.insert(out.end(), b.begin(), b.end());
    }
    REQUIRE(out.size() == (idx + 1 < kChain ? 1u : 0u));
    for (const Edge& e : out) {
      CHECK(txn.node_property(e.neighbour, seq_key).as_int() == seq);
      CHECK(txn.node_property(e.neighbour, idx_key).as_int() == idx + 1);
      CHECK(txn.rel_property(e.rel, seq_key).as_int() == seq);
    }
  }
  REQUIRE(static_cast<int64_t>(indexes_by_seq.size()) == last);
  int64_t expected = 1;
  for (const auto& [seq, indexes] : indexes_by_seq) {
    REQUIRE(seq == expected++);
    REQUIRE(static_cast<int64_t>(indexes.size()) == kChain);
  }
  CHECK(txn.node_count(batch) == static_cast<uint64_t>(last * kChain));
  CHECK(txn.rel_count(link) == static_cast<uint64_t>(last * (kChain - 1)));
  return last;
}

}  // namespace

TEST_CASE("commits survive kill -9 at a random moment, none half-applied") {
  TempDir dir;
  const std::string path = dir.file("graph.kith");
  create_head(*GraphStore::open(path));

  const unsigned seed = std::random_device{}();
  INFO("random seed " << seed);
  std::mt19937 random(seed);
  constexpr int kRounds = 6;
  int64_t total_committed = 0;
  int unreported_commits = 0;  // rounds killed between a commit and its report
  for (int round = 0; round < kRounds; ++round) {
    INFO("round " << round);
    ChildProcess child([&](int, int to_parent) {
      auto store = GraphStore::open(path);
      for (int64_t seq = last_seq(store->begin_read()) + 1;; ++seq) {
        store->write([&](storage::Txn& txn) { write_batch(txn, seq); });
        if (!write_u64(to_parent, static_cast<uint64_t>(seq))) return 2;
      }
    });
    // Let it commit a random number of transactions, then kill it after a
    // random delay of up to a few commits' time.
    const int commits_before_kill = std::uniform_int_distribution<int>(1, 40)(random);
    uint64_t reported = 0;
    for (int i = 0; i < commits_before_kill; ++i) REQUIRE(read_u64(child.from_child(), reported));
    usleep(std::uniform_int_distribution<useconds_t>(0, 3000)(random));
    child.kill_now();
    // Reports written before the kill are still in the pipe.
    for (uint64_t more = 0; read_u64(child.from_child(), more);) reported = more;
    REQUIRE(child.exit_code() == -SIGKILL);

    auto store = GraphStore::open(path);
    const int64_t last = check_batches(store->begin_read());
    // Everything reported is there; at most the one commit that finished
    // before the kill but whose report did not get out is beyond it.
    CHECK(last >= static_cast<int64_t>(reported));
    CHECK(last <= static_cast<int64_t>(reported) + 1);
    if (last > static_cast<int64_t>(reported)) ++unreported_commits;
    total_committed = last;
  }
  MESSAGE(kRounds << " rounds, " << total_committed << " commits, " << unreported_commits
                  << " kills landed after a commit but before its report");

  // The store still takes writes, and they last.
  int64_t before = 0;
  {
    auto store = GraphStore::open(path);
    before = last_seq(store->begin_read());
    CHECK(before >= total_committed);
    store->write([&](storage::Txn& txn) { write_batch(txn, before + 1); });
  }
  auto store = GraphStore::open(path);
  CHECK(check_batches(store->begin_read()) == before + 1);
}
