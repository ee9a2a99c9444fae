// The result of an expression's subplan (EXISTS, a pattern predicate, a
// pattern comprehension) remembered per execution, keyed by the outer values
// it depends on. In a read-only statement such a subplan is a pure function
// of those values, and the same inputs come back often: IC14 weighs the
// KNOWS steps of every shortest path, and the paths share most of their
// steps. Used by expr_compiler.cpp only.
//
// What the key is (SubplanKey): the subplan reads outer values only through
//  - slots named by its operators (an Expand from an outer node, an
//    expand-into to one, relationship uniqueness...), and
//  - slot references inside its expressions.
// A subexpression whose slots are all outer (none written by the subplan or
// bound by a comprehension inside it) and that holds no subplan of its own
// is evaluated on the outer row and its VALUE goes into the key: for
// `a = pathNodes[idx - 1]` the key holds the node, not the whole path list
// and the index, so two paths through the same step share one entry. Every
// other slot the subplan names (operator slots, and every slot it writes,
// which the outer row leaves null) goes into the key by its outer value:
// whatever the planner did, a slot read before the subplan writes it is
// covered.
//
// When not to cache: a subplan that writes or calls a non-deterministic
// function; a writable transaction (the statement or an explicit transaction
// may change the graph between two evaluations); a key that cannot be
// computed on the outer row (it raises an error the subplan itself might
// never reach: that evaluation runs uncached); a key holding a long list (a
// collected list compared against in every row would cost more to hash than
// the subplan). Memory is bounded (entries and approximate bytes), and a
// node whose keys rarely repeat stops looking them up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/value/compare.h"
#include "query/plan/logical_plan.h"

namespace kith::engine {

struct SubplanKey {
  bool cacheable = false;
  std::vector<query::plan::SlotId> slots;      // outer values, as they are
  std::vector<const query::plan::Expr*> exprs;  // evaluated on the outer row
};

// The slots and subexpressions an Exists / PatternComprehension expression's
// result depends on; `cacheable` false when it must not be cached.
SubplanKey subplan_key(const query::plan::Expr& e);

// Key equality: same kind and same value all the way down (1 and 1.0 are
// different keys: the subplan could tell them apart, e.g. by toString).
struct IdenticalKeys {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

class SubplanCache {
 public:
  static constexpr size_t kMaxEntries = 1 << 14;
  static constexpr size_t kMaxBytes = size_t{16} << 20;
  // A key value bigger than this is not worth hashing per evaluation.
  static constexpr size_t kMaxKeyBytes = 4096;
  // After this many lookups, stop if fewer than one in kMinHitRatio hit.
  static constexpr uint64_t kTrialLookups = 256;
  static constexpr uint64_t kMinHitRatio = 8;

  bool enabled() const { return enabled_; }

  // Null when absent. Counts the lookup for the hit ratio.
  const Value* find(const std::vector<Value>& key);
  // An evaluation that found nothing (or could not be looked up).
  void miss();
  void insert(std::vector<Value> key, const Value& result);

  // A key value's size against kMaxKeyBytes (the walk stops past it).
  static size_t key_bytes(const Value& v);
  // False when the key holds a value too big to be worth hashing.
  static bool small_key(const std::vector<Value>& key);

  uint64_t lookups() const { return lookups_; }
  uint64_t hits() const { return hits_; }

 private:
  std::unordered_map<std::vector<Value>, Value, GroupKeyHash, IdenticalKeys> map_;
  size_t bytes_ = 0;
  uint64_t lookups_ = 0, hits_ = 0;
  bool enabled_ = true;
  bool judged_ = false;  // the hit ratio was checked after the trial
};

}  // namespace kith::engine
