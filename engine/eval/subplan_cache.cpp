#include "engine/eval/subplan_cache.h"

#include <algorithm>
#include <set>
#include <string>

namespace kith::engine {

namespace {

using query::plan::Expr;
using query::plan::ExprKind;
using query::plan::Op;
using query::plan::OpKind;
using query::plan::SlotId;

bool non_deterministic(const std::string& name) {
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
bool identical(const Value& a, const Value& b) {
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



// A rough size for the memory bound; `limit` stops the walk early.
size_t approx_bytes(const Value& v, size_t limit) {
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

}  // namespace

SubplanKey subplan_key(const query::plan::Expr& e) { return KeyFinder().find(e); }

bool IdenticalKeys::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!identical(a[i], b[i])) return false;
  }
  return true;
}

const Value* SubplanCache::find(const std::vector<Value>& key) {
  auto it = map_.find(key);
  if (it != map_.end()) {
    ++lookups_;
    ++hits_;
    return &it->second;
  }
  miss();
  return nullptr;
}

void SubplanCache::miss() {
  ++lookups_;
  if (!judged_ && lookups_ >= kTrialLookups) {
    judged_ = true;
    if (hits_ * kMinHitRatio < lookups_) {
      enabled_ = false;
      map_.clear();
    }
  }
}

size_t SubplanCache::key_bytes(const Value& v) { return approx_bytes(v, kMaxKeyBytes); }

void SubplanCache::insert(std::vector<Value> key, const Value& result) {
  if (!enabled_ || map_.size() >= kMaxEntries) return;
  size_t bytes = approx_bytes(result, kMaxBytes) + 64;
  for (const auto& k : key) bytes += approx_bytes(k, kMaxBytes);
  if (bytes_ + bytes > kMaxBytes) return;
  bytes_ += bytes;
  map_.emplace(std::move(key), result);
}

bool SubplanCache::small_key(const std::vector<Value>& key) {
  size_t bytes = 0;
  for (const auto& k : key) {
    bytes += approx_bytes(k, kMaxKeyBytes);
    if (bytes > kMaxKeyBytes) return false;
  }
  return true;
}

}  // namespace kith::engine
