// The physical operator interface: pull-based, one row at a time, all
// operators of a pipeline writing into one shared Row (an array of slots),
// so producing a row allocates nothing unless a value does (strings, lists).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/exec/exec_context.h"

namespace kith::engine {

class Operator {
 public:
  virtual ~Operator() = default;

  // Starts producing rows for the current contents of `row`: the outer row
  // for a subtree under an Apply (its Argument leaf yields it once), the
  // empty row at the root. Called again for every outer row.
  void open(Row& row) {
    ++opens;
    do_open(row);
  }
  // Fills this operator's slots in `row`; false when there are no more rows.
  bool next(Row& row) {
    if (!do_next(row)) return false;
    ++produced;
    return true;
  }

  // How many times this operator was opened and how many rows it produced:
  // an expression that reads a slot this operator writes sees the same value
  // as long as `produced` (or, for a slot from the argument row, `opens`)
  // has not moved, which lets it keep work derived from that value (the
  // hash set of an IN list) from one row to the next.
  uint64_t opens = 0;
  uint64_t produced = 0;

  // For EXPLAIN/PROFILE: the operator's pre-order index in the plan, and
  // what it did.
  int plan_index = -1;
  uint64_t rows_out = 0;
  std::chrono::nanoseconds time{0};
  bool fused = false;  // runs inside the operator above it: no time of its own
  std::vector<Operator*> children_for_profile;

 protected:
  virtual void do_open(Row& row) = 0;
  virtual bool do_next(Row& row) = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

}  // namespace kith::engine
