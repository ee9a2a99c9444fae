// The result of an expression's subplan (EXISTS, a pattern predicate, a
// pattern comprehension) remembered per execution, keyed by the outer values
// it depends on. In a read-only statement such a subplan is a pure function
// of those values, and the same inputs come back often: IC14 weighs the
// KNOWS steps of every shortest path, and the paths share most of their
// steps. Included by expr_compiler.cpp only.
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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
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

namespace subplan_cache_detail {

using query::plan::Expr;
using query::plan::ExprKind;
using query::plan::Op;
using query::plan::OpKind;
using query::plan::SlotId;

inline bool non_deterministic(const std::string& name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return lower == "rand" || lower == "randomuuid";
}

class KeyFinder {
 public:
  SubplanKey find(const Expr& e) {
    // The projection of a pattern comprehension runs on the subplan's rows:
    // its comprehension variables and nested subplans write too.
    const Expr* projection =
        e.kind == ExprKind::PatternComprehension && !e.args.empty() ? e.args[0].get() : nullptr;
    writes(*e.subplan);
    if (projection) expr_writes(*projection);
    if (!pure_) return {};
    walk_op(*e.subplan);
    if (projection) walk_expr(*projection);
    SubplanKey key;
    key.cacheable = pure_;
    std::set<SlotId> slots = op_slots_;
    slots.insert(written_.begin(), written_.end());
    key.slots.assign(slots.begin(), slots.end());
    key.exprs = std::move(exprs_);
    return key;
  }

 private:
  void add_op_slot(SlotId s) {
    if (s != query::plan::kNoSlot) op_slots_.insert(s);
  }
  void add_written(SlotId s) {
    if (s != query::plan::kNoSlot) written_.insert(s);
  }

  // Every slot the subplan may write (over-approximated: too many only
  // makes fewer subexpressions key values), and whether it is pure.
  void writes(const Op& op) {
    switch (op.kind) {
      case OpKind::Create:
      case OpKind::Merge:
      case OpKind::SetItems:
      case OpKind::Delete:
      case OpKind::ProcedureCall:
      case OpKind::SchemaCommand: pure_ = false; break;
      default: break;
    }
    add_written(op.slot);
    add_written(op.rel);
    add_written(op.path_slot);
    if (!op.into) add_written(op.to);
    for (SlotId s : op.slots) add_written(s);
    for (const auto& i : op.items) add_written(i.slot);
    for (const auto& a : op.aggregates) add_written(a.slot);
    for_each_expr(op, [&](const Expr& x) { expr_writes(x); });
    for (const auto& c : op.children) writes(*c);
  }
  void expr_writes(const Expr& e) {
    add_written(e.var_slot);
    add_written(e.acc_slot);
    if (e.kind == ExprKind::Call && non_deterministic(e.name)) pure_ = false;
    for (const auto& a : e.args) {
      if (a) expr_writes(*a);
    }
    if (e.subplan) writes(*e.subplan);
  }

  template <typename F>
  static void for_each_expr(const Op& op, F f) {
    for (const auto& x : op.exprs) {
      if (x) f(*x);
    }
    for (const auto& i : op.items) {
      if (i.expr) f(*i.expr);
    }
    for (const auto& a : op.aggregates) {
      if (a.arg) f(*a.arg);
    }
    for (const auto& k : op.sort_keys) {
      if (k.expr) f(*k.expr);
    }
  }

  void walk_op(const Op& op) {
    for (SlotId s : {op.slot, op.from, op.rel, op.to, op.path_slot}) add_op_slot(s);
    for (SlotId s : op.rel_uniqueness) add_op_slot(s);
    for (SlotId s : op.slots) add_op_slot(s);
    for (const auto& c : op.columns) add_op_slot(c.slot);
    for (const auto& i : op.items) add_op_slot(i.slot);
    for (const auto& a : op.aggregates) add_op_slot(a.slot);
    for_each_expr(op, [&](const Expr& x) { walk_expr(x); });
    for (const auto& c : op.children) walk_op(*c);
  }

  // Slots `e` reads that nothing inside `e` binds; false if `e` holds a
  // subplan.
  static bool free_slots(const Expr& e, std::set<SlotId>& refs, std::set<SlotId>& bound) {
    if (e.subplan) return false;
    if (e.kind == ExprKind::Slot) refs.insert(e.slot);
    if (e.var_slot != query::plan::kNoSlot) bound.insert(e.var_slot);
    if (e.acc_slot != query::plan::kNoSlot) bound.insert(e.acc_slot);
    for (const auto& a : e.args) {
      if (a && !free_slots(*a, refs, bound)) return false;
    }
    return true;
  }

  void walk_expr(const Expr& e) {
    if (e.kind == ExprKind::Constant || e.kind == ExprKind::Parameter) return;
    std::set<SlotId> refs, bound;
    if (free_slots(e, refs, bound)) {
      bool outer = false, inner = false;
      for (SlotId s : refs) {
        if (bound.count(s)) continue;
        (written_.count(s) ? inner : outer) = true;
      }
      if (!inner) {
        // Outer values only (or none: constant for the execution).
        if (outer) exprs_.push_back(&e);
        return;
      }
    }
    for (const auto& a : e.args) {
      if (a) walk_expr(*a);
    }
    if (e.subplan) walk_op(*e.subplan);
  }

  bool pure_ = true;
  std::set<SlotId> written_, op_slots_;
  std::vector<const Expr*> exprs_;
};

// Same kind and same value all the way down (1 and 1.0 are different keys:
// the subplan could tell them apart, e.g. by toString).
inline bool identical(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  if (a.type() == ValueType::List) {
    const auto& x = a.as_list();
    const auto& y = b.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!identical(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.type() == ValueType::Map) {
    const auto& x = a.as_map();
    const auto& y = b.as_map();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].first != y[i].first || !identical(x[i].second, y[i].second)) return false;
    }
    return true;
  }
  return same_group(a, b);
}

struct IdenticalKeys {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!identical(a[i], b[i])) return false;
    }
    return true;
  }
};

// A rough size for the memory bound; `limit` stops the walk early.
inline size_t approx_bytes(const Value& v, size_t limit) {
  size_t n = sizeof(Value);
  switch (v.type()) {
    case ValueType::String: return n + v.as_string().size();
    case ValueType::List:
      for (const auto& e : v.as_list()) {
        n += approx_bytes(e, limit);
        if (n > limit) break;
      }
      return n;
    case ValueType::Map:
      for (const auto& [k, e] : v.as_map()) {
        n += k.size() + approx_bytes(e, limit);
        if (n > limit) break;
      }
      return n;
    case ValueType::Path:
      return n + 16 * (v.as_path().nodes.size() + v.as_path().rels.size());
    default: return n;
  }
}

}  // namespace subplan_cache_detail

// The slots and subexpressions an Exists / PatternComprehension expression's
// result depends on; `cacheable` false when it must not be cached.
inline SubplanKey subplan_key(const query::plan::Expr& e) {
  return subplan_cache_detail::KeyFinder().find(e);
}

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
  const Value* find(const std::vector<Value>& key) {
    auto it = map_.find(key);
    if (it != map_.end()) {
      ++lookups_;
      ++hits_;
      return &it->second;
    }
    miss();
    return nullptr;
  }

  // An evaluation that found nothing (or could not be looked up).
  void miss() {
    ++lookups_;
    if (!judged_ && lookups_ >= kTrialLookups) {
      judged_ = true;
      if (hits_ * kMinHitRatio < lookups_) {
        enabled_ = false;
        map_.clear();
      }
    }
  }

  // A key value's size against kMaxKeyBytes (the walk stops past it).
  static size_t key_bytes(const Value& v) {
    return subplan_cache_detail::approx_bytes(v, kMaxKeyBytes);
  }

  void insert(std::vector<Value> key, const Value& result) {
    if (!enabled_ || map_.size() >= kMaxEntries) return;
    size_t bytes = subplan_cache_detail::approx_bytes(result, kMaxBytes) + 64;
    for (const auto& k : key) bytes += subplan_cache_detail::approx_bytes(k, kMaxBytes);
    if (bytes_ + bytes > kMaxBytes) return;
    bytes_ += bytes;
    map_.emplace(std::move(key), result);
  }

  // False when the key holds a value too big to be worth hashing.
  static bool small_key(const std::vector<Value>& key) {
    size_t bytes = 0;
    for (const auto& k : key) {
      bytes += subplan_cache_detail::approx_bytes(k, kMaxKeyBytes);
      if (bytes > kMaxKeyBytes) return false;
    }
    return true;
  }

  uint64_t lookups() const { return lookups_; }
  uint64_t hits() const { return hits_; }

 private:
  std::unordered_map<std::vector<Value>, Value, GroupKeyHash, subplan_cache_detail::IdenticalKeys>
      map_;
  size_t bytes_ = 0;
  uint64_t lookups_ = 0, hits_ = 0;
  bool enabled_ = true;
  bool judged_ = false;  // the hit ratio was checked after the trial
};

}  // namespace kith::engine
