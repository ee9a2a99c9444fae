// A tiny workload whose every committed state satisfies invariants a reader
// can check: money moves between accounts (the total never changes), and each
// transfer adds one Entry node and one TRANSFER relationship while a Counter
// node records how many there are. A reader that ever sees a broken invariant
// has seen a half-applied transaction or a torn snapshot.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/graph_store.h"

namespace kith::testing {

inline constexpr int kAccounts = 8;
inline constexpr int64_t kOpeningBalance = 1000;
inline constexpr int64_t kTotal = kAccounts * kOpeningBalance;

inline std::vector<NodeId> all_ids(storage::NodeIdCursor cursor) {
  std::vector<NodeId> ids;
  for (auto batch = cursor.next_batch(); !batch.empty(); batch = cursor.next_batch()) {
    ids.insert(ids.end(), batch.begin(), batch.end());
  }
  return ids;
}

inline void create_ledger(storage::GraphStore& store) {
  store.write([](storage::Txn& txn) {
    const LabelId account = txn.intern_label("Account");
    const LabelId counter = txn.intern_label("Counter");
    txn.intern_label("Entry");
    txn.intern_rel_type("TRANSFER");
    const PropKeyId balance = txn.intern_prop_key("balance");
    const PropKeyId count = txn.intern_prop_key("count");
    txn.intern_prop_key("seq");
    for (int i = 0; i < kAccounts; ++i) {
      txn.create_node(std::vector<LabelId>{account}, {{balance, Value(kOpeningBalance)}});
    }
    txn.create_node(std::vector<LabelId>{counter}, {{count, Value(int64_t{0})}});
  });
}

// Transfer number `seq` (1, 2, ...), inside the caller's write transaction.
inline void transfer(storage::Txn& txn, int64_t seq) {
  const std::vector<NodeId> accounts = all_ids(txn.scan_label(*txn.find_label("Account")));
  const NodeId counter = all_ids(txn.scan_label(*txn.find_label("Counter"))).at(0);
  const PropKeyId balance = *txn.find_prop_key("balance");
  const PropKeyId count = *txn.find_prop_key("count");
  const NodeId from = accounts.at(static_cast<size_t>(seq % kAccounts));
  const NodeId to = accounts.at(static_cast<size_t>((seq + 1 + seq % (kAccounts - 1)) % kAccounts));
  const int64_t amount = seq % 50 + 1;
  txn.set_node_property(from, balance, Value(txn.node_property(from, balance).as_int() - amount));
  txn.set_node_property(to, balance, Value(txn.node_property(to, balance).as_int() + amount));
  txn.create_node(std::vector<LabelId>{*txn.find_label("Entry")},
                  {{*txn.find_prop_key("seq"), Value(seq)}});
  txn.create_rel(*txn.find_rel_type("TRANSFER"), from, to, {{*txn.find_prop_key("seq"), Value(seq)}});
  txn.set_node_property(counter, count, Value(seq));
}

// Checks every invariant in one snapshot; returns the transfer count, or
// throws std::runtime_error naming the broken invariant.
inline int64_t check_ledger(const storage::Txn& txn) {
  const std::vector<NodeId> accounts = all_ids(txn.scan_label(*txn.find_label("Account")));
  const PropKeyId balance = *txn.find_prop_key("balance");
  if (accounts.size() != kAccounts) throw std::runtime_error("account count changed");
  int64_t total = 0;
  for (NodeId a : accounts) total += txn.node_property(a, balance).as_int();
  if (total != kTotal) throw std::runtime_error("total is " + std::to_string(total));
  const NodeId counter = all_ids(txn.scan_label(*txn.find_label("Counter"))).at(0);
  const int64_t count = txn.node_property(counter, *txn.find_prop_key("count")).as_int();
  const LabelId entry = *txn.find_label("Entry");
  const auto entries = static_cast<int64_t>(all_ids(txn.scan_label(entry)).size());
  if (entries != count) {
    throw std::runtime_error("count " + std::to_string(count) + " but " + std::to_string(entries) +
                             " entries scanned");
  }
  if (static_cast<int64_t>(txn.node_count(entry)) != count) throw std::runtime_error("entry statistic");
  if (static_cast<int64_t>(txn.rel_count(*txn.find_rel_type("TRANSFER"))) != count) {
    throw std::runtime_error("transfer relationship count");
  }
  return count;
}

}  // namespace kith::testing
