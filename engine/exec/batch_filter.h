// A Filter fused into the Expand below it, decided a batch of neighbours at a
// time (docs/engine.md, "Batch filters").
//
// Why: a Filter over an Expand pays, per relationship walked, the Expand's
// row, a virtual call up, and an expression tree that reads the neighbour's
// label and property through the Txn. `m:Message AND m.creationDate < $d`
// over 260k messages cost more than the walk itself. Its leading conjuncts
// are tests of the neighbour (or the relationship) that cannot fail: a
// label, a property compared with a constant or a parameter, or a property
// IN a list (undecided when the list is not one). Over a
// batch of neighbour ids these are loops over the read snapshot's arrays
// (storage/column_views.h), and only the candidates they keep become rows.
//
// The answer and the errors are those of the Filter: the conjuncts keep
// their written order. The batch pass only classifies; it never raises and
// never evaluates anything that could. A candidate the pass cannot decide
// (no column holds the value, a constant of another kind) is evaluated row
// by row as before, and so is everything after the leading tests, when the
// row is emitted and in row order (a LIMIT above still stops before a row
// that would raise).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/compiled_expr.h"
#include "engine/exec/builder.h"
#include "engine/exec/exec_context.h"
#include "query/plan/logical_plan.h"
#include "storage/column_views.h"

namespace kith::engine {

// What the batch pass found for one candidate.
enum class Verdict : uint8_t {
  AllTrue,   // every leading test true
  SomeNull,  // none false, one null: the row cannot pass, later conjuncts still run
  Drop,      // a leading test false after only decided ones: the row is gone
  Unknown,   // undecided: evaluate every conjunct on the row
};

class BatchFilter {
 public:
  // For a Filter whose child is an Expand (not into): null when the
  // predicate's first conjunct is not a test the batch can decide, or the
  // transaction may write. Call with the Expand's child built (the
  // conjuncts are compiled as the Filter's row expressions).
  static std::unique_ptr<BatchFilter> make(const query::plan::Op& filter,
                                           const query::plan::Op& expand, Builder& b);
  // Whether make() would give a filter (nothing is built or compiled).
  static bool applies(const query::plan::Op& filter, const query::plan::Op& expand,
                      ExecContext& ctx);

  // The TopBound right above (the Filter's, or the Expand's when there is
  // no Filter): candidates every conjunct keeps and whose key is strictly
  // worse than the full Top's worst are dropped in the batch, as the check
  // would drop them as rows. Only a key that is a property of the
  // neighbour or the relationship; false (and nothing kept) otherwise.
  bool add_bound(const Builder::BoundOffer& offer, const query::plan::Op& expand);
  // A filter with no conjuncts, for add_bound alone.
  static std::unique_ptr<BatchFilter> make_empty();
  ~BatchFilter();
  struct Test;  // one leading conjunct the batch decides (batch_filter.cpp)

  // Classifies candidates [0, n): edges[i].neighbour reached over
  // edges[i].rel.
  void classify(ExecContext& ctx, Row& row, const Edge* edges, size_t n, Verdict* out);
  // Whether the Filter keeps the candidate now written into `row`. Decides
  // AllTrue candidates without evaluating anything when no conjunct
  // follows the leading tests.
  bool accept(Row& row, ExecContext& ctx, Verdict v) {
    if (v == Verdict::Drop) return false;
    if (v == Verdict::AllTrue && tests_.size() == conjuncts_.size()) return true;
    return evaluate(row, ctx, v);
  }

 private:
  struct Conjunct {
    CompiledExprPtr expr;
    const query::plan::Expr* where = nullptr;  // the AND that held it (its error text)
  };
  BatchFilter();
  bool evaluate(Row& row, ExecContext& ctx, Verdict v);
  void prepare(ExecContext& ctx, Row& row);

  struct Bound {
    std::shared_ptr<TopBoundState> state;
    bool descending = false;
    bool on_rel = false;
    std::string key;
    ScalarColumnView column;
  };
  void classify_tests(ExecContext& ctx, Row& row, const Edge* edges, size_t n, Verdict* out);
  void classify_in(Test& t, Row& row, const Edge* edges, size_t n, Verdict* out);
  void drop_out_of_bound(const Edge* edges, size_t n, Verdict* out);

  std::vector<Conjunct> conjuncts_;  // in written order
  std::optional<Bound> bound_;
  std::vector<std::unique_ptr<Test>> tests_;  // decide conjuncts_[0, tests_.size())
  bool prepared_ = false;
};

}  // namespace kith::engine
