// What a clause after a write observes of it, and so where an Eager goes
// between them (docs/planner.md, Writes). Internal to query/planner/.
#pragma once

#include <memory>

#include "query/planner/planner_internal.h"

namespace kith::query::planner {

// Follows the clauses of one single query in order. openCypher runs each
// clause over all rows before the next one; the pipeline runs them row by
// row, so a clause that observes what an earlier write of the query changes,
// and the reads that feed a write, are separated from those writes by an
// Eager (write operators take their rows as they come and rely on it).
class WriteVisibility {
 public:
  WriteVisibility();
  ~WriteVisibility();

  // Call before planning each clause, with the scope it starts in: `op`,
  // with an Eager on top when the clause needs one.
  OpPtr before(const ast::Clause& clause, const Scope& scope, OpPtr op);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kith::query::planner
