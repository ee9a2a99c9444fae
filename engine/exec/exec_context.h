// Everything a running statement's operators share: the transaction, the
// parameters, `now`, cancellation and the deadline, and the catalog names
// resolved to ids.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/eval/eval_context.h"
#include "storage/graph_store.h"
#include "storage/value.h"

namespace kith::engine {

using Params = std::unordered_map<std::string, Value>;
using Row = std::vector<Value>;

class ExecContext {
 public:
  ExecContext(storage::Txn& txn, const Params& params, DateTime now,
              const std::atomic<bool>* cancel,
              std::optional<std::chrono::steady_clock::time_point> deadline);

  storage::Txn& txn;
  const Params& params;
  EvalContext eval;

  // Called in every loop that can run long (per row, per batch of
  // neighbours): throws Cancelled or Timeout. Cheap: it reads the clock only
  // every 256 calls.
  void check_interrupt() {
    if ((++ticks_ & 255) == 0) check_interrupt_now();
  }
  // The same for `n` units of work done at once (a batch of candidates).
  void check_interrupt(uint64_t n) {
    const uint64_t before = ticks_;
    ticks_ += n;
    if ((before >> 8) != (ticks_ >> 8)) check_interrupt_now();
  }
  void check_interrupt_now();

  // A cap on the work (counted in check_interrupt calls) of a part of the
  // plan that is only worth finishing when it is cheap: a HashJoin's build
  // side. Past it, check_interrupt throws WorkBudgetExceeded, which only the
  // operator that set the cap catches (it then takes its other plan); it
  // is control flow inside the engine, never an error a caller sees.
  // Budgets nest: a new one never outlasts the one in force, and returns
  // it for restore_work_budget.
  struct WorkBudgetExceeded {};
  uint64_t set_work_budget(uint64_t ticks) {
    const uint64_t previous = budget_end_;
    budget_end_ = std::min(previous, ticks_ + ticks);
    return previous;
  }
  void restore_work_budget(uint64_t previous) { budget_end_ = previous; }

  // Catalog lookups by name, cached for the statement. nullopt: the name is
  // not in the catalog (so nothing carries it). After a write interns a new
  // name the caches are cleared (`forget_catalog`).
  std::optional<LabelId> label(const std::string& name);
  std::optional<RelTypeId> rel_type(const std::string& name);
  std::optional<PropKeyId> prop_key(const std::string& name);
  const std::string& rel_type_name(RelTypeId id);
  const std::string& label_name(LabelId id);
  const std::string& prop_key_name(PropKeyId id);
  void forget_catalog();

  // A read-only statement cannot change a property, so the last value read
  // of each key (and whose node it was) stays right for the whole
  // statement: a Filter's `m.date` and the projection's `m.date` above it,
  // or a grouping key over a run of rows about one node, read it once.
  // Null in a writing statement, and for keys the read snapshot keeps in a
  // column (reading the column costs less than keeping the memo).
  struct LastRead {
    NodeId node = kNoNode;
    Value value;
  };
  LastRead* last_node_read(PropKeyId key) {
    if (writable_) return nullptr;
    if (key >= last_reads_.size()) {
      const size_t old = last_reads_.size();
      last_reads_.resize(static_cast<size_t>(key) + 1);
      columned_.resize(last_reads_.size());
      for (size_t k = old; k < columned_.size(); ++k) {
        columned_[k] = txn.has_node_property_column(static_cast<PropKeyId>(k));
      }
    }
    return columned_[key] ? nullptr : &last_reads_[key];
  }

 private:
  bool writable_;
  std::vector<LastRead> last_reads_;
  std::vector<bool> columned_;  // by key: txn.has_node_property_column
  const std::atomic<bool>* cancel_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  uint64_t ticks_ = 0;
  uint64_t budget_end_ = UINT64_MAX;
  std::unordered_map<std::string, std::optional<uint32_t>> labels_, types_, keys_;
  std::unordered_map<uint32_t, std::string> label_names_, type_names_, key_names_;
};

}  // namespace kith::engine
