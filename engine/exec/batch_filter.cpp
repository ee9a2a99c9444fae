#include "engine/exec/batch_filter.h"

#include "engine/eval/in_list.h"
#include "storage/error.h"

namespace kith::engine {

using query::plan::Expr;
using query::plan::ExprKind;
using query::plan::Op;
using query::plan::SlotId;

// One leading conjunct the batch decides: a label test of the neighbour, a
// property of the neighbour or the relationship against a constant, or
// such a property (or the neighbour itself) IN a list.
struct BatchFilter::Test {
  enum class Kind : uint8_t { Labels, Compare, In } kind = Kind::Labels;
  // Labels: the neighbour has every one of them.
  std::vector<std::string> labels;
  std::vector<std::optional<LabelId>> label_ids;
  std::vector<LabelBitsView> label_views;
  bool no_such_label = false;  // a label not in the catalog: nothing has it
  // Compare: `property <op> constant` (or the other way round).
  bool on_rel = false;
  std::string key;
  CmpOp op = CmpOp::Eq;
  bool property_left = true;
  CompiledExprPtr constant;
  ScalarColumnView column;
  Scalar value;
  // In: `property IN list`, the list a constant, a parameter, or a slot
  // bound below the Expand (then `list_version` says when it may change).
  SlotId list_slot = query::plan::kNoSlot;
  const uint64_t* list_version = nullptr;
  uint64_t built_version = 0;
  bool built = false;
  InListSet set;
  Value list_value;  // a constant's or parameter's list, evaluated once
  bool whole_node = false;  // `n IN list` (the neighbour itself), not a property
  // False when this test answers nothing from the batch (no column for the
  // key, a constant that is not a fixed-width kind or fails to evaluate):
  // every candidate still undecided is then evaluated row by row.
  bool active = false;
};

namespace {

std::optional<CmpOp> cmp_op(ExprKind k) {
  switch (k) {
    case ExprKind::Eq: return CmpOp::Eq;
    case ExprKind::Ne: return CmpOp::Ne;
    case ExprKind::Lt: return CmpOp::Lt;
    case ExprKind::Le: return CmpOp::Le;
    case ExprKind::Gt: return CmpOp::Gt;
    case ExprKind::Ge: return CmpOp::Ge;
    default: return std::nullopt;
  }
}

bool is_slot(const Expr* e, SlotId slot) {
  return e && slot != query::plan::kNoSlot && e->kind == ExprKind::Slot && e->slot == slot;
}

// The conjuncts of `e` in evaluation order, each with the AND whose text a
// TypeError of it names (as LogicNode passes its own source down).
void flatten(const Expr& e, const Expr& where,
             std::vector<std::pair<const Expr*, const Expr*>>& out) {
  if (e.kind == ExprKind::And && e.args.size() == 2 && e.args[0] && e.args[1]) {
    flatten(*e.args[0], e, out);
    flatten(*e.args[1], e, out);
    return;
  }
  out.emplace_back(&e, &where);
}

// The tests the batch can decide at the head of `parts`, with the constant
// each comparison reads (compiled by make()).
std::vector<std::pair<std::unique_ptr<BatchFilter::Test>, const Expr*>> leading_tests(
    const std::vector<std::pair<const Expr*, const Expr*>>& parts, const Op& expand) {
  std::vector<std::pair<std::unique_ptr<BatchFilter::Test>, const Expr*>> out;
  for (const auto& part : parts) {
    const Expr* e = part.first;
    auto t = std::make_unique<BatchFilter::Test>();
    const Expr* constant = nullptr;
    if (e->kind == ExprKind::HasLabels && e->args.size() == 1 &&
        is_slot(e->args[0].get(), expand.to)) {
      t->kind = BatchFilter::Test::Kind::Labels;
      t->labels = e->names;
    } else if (auto op = cmp_op(e->kind); op && e->args.size() == 2 && e->args[0] && e->args[1]) {
      const Expr* prop = nullptr;
      for (int side = 0; side < 2 && !prop; ++side) {
        const Expr* p = e->args[side].get();
        const Expr* o = e->args[1 - side].get();
        if (p->kind == ExprKind::Property && p->args.size() == 1 &&
            (is_slot(p->args[0].get(), expand.to) || is_slot(p->args[0].get(), expand.rel)) &&
            (o->kind == ExprKind::Constant || o->kind == ExprKind::Parameter)) {
          prop = p;
          constant = o;
          t->property_left = side == 0;
        }
      }
      if (!prop) break;
      t->kind = BatchFilter::Test::Kind::Compare;
      t->on_rel = is_slot(prop->args[0].get(), expand.rel);
      t->key = prop->name;
      t->op = *op;
    } else if (e->kind == ExprKind::In && e->args.size() == 2 && e->args[0] && e->args[1] &&
               (is_slot(e->args[0].get(), expand.to) ||
                (e->args[0]->kind == ExprKind::Property && e->args[0]->args.size() == 1 &&
                 (is_slot(e->args[0]->args[0].get(), expand.to) ||
                  is_slot(e->args[0]->args[0].get(), expand.rel))))) {
      const Expr* list = e->args[1].get();
      if (list->kind == ExprKind::Constant || list->kind == ExprKind::Parameter) {
        constant = list;
      } else if (list->kind == ExprKind::Slot && list->slot != expand.to && list->slot != expand.rel) {
        t->list_slot = list->slot;
      } else {
        break;
      }
      t->kind = BatchFilter::Test::Kind::In;
      t->whole_node = is_slot(e->args[0].get(), expand.to);
      if (!t->whole_node) {
        t->on_rel = is_slot(e->args[0]->args[0].get(), expand.rel);
        t->key = e->args[0]->name;
      }
    } else {
      break;
    }
    out.emplace_back(std::move(t), constant);
  }
  return out;
}

std::vector<std::pair<const Expr*, const Expr*>> conjuncts_of(const Op& filter) {
  std::vector<std::pair<const Expr*, const Expr*>> parts;
  flatten(*filter.exprs[0], *filter.exprs[0], parts);
  return parts;
}

}  // namespace

BatchFilter::BatchFilter() = default;
BatchFilter::~BatchFilter() = default;

bool BatchFilter::applies(const Op& filter, const Op& expand, ExecContext& ctx) {
  if (ctx.txn.writable() || expand.kind != query::plan::OpKind::Expand || expand.into ||
      filter.exprs.empty() || !filter.exprs[0]) {
    return false;
  }
  return !leading_tests(conjuncts_of(filter), expand).empty();
}

std::unique_ptr<BatchFilter> BatchFilter::make(const Op& filter, const Op& expand, Builder& b) {
  if (!applies(filter, expand, b.ctx())) return nullptr;
  const auto parts = conjuncts_of(filter);
  auto out = std::unique_ptr<BatchFilter>(new BatchFilter());
  for (auto& [test, constant] : leading_tests(parts, expand)) {
    if (constant) test->constant = b.expr(*constant);
    if (test->list_slot != query::plan::kNoSlot) test->list_version = b.row_slot_version(test->list_slot);
    out->tests_.push_back(std::move(test));
  }
  for (const auto& [e, where] : parts) {
    out->conjuncts_.push_back({b.row_expr(*e, filter.exprs[0].get()), where});
  }
  return out;
}

std::unique_ptr<BatchFilter> BatchFilter::make_empty() {
  return std::unique_ptr<BatchFilter>(new BatchFilter());
}

bool BatchFilter::add_bound(const Builder::BoundOffer& offer, const Op& expand) {
  const Expr* key = offer.key;
  if (!offer.state || !key || key->kind != ExprKind::Property || key->args.size() != 1) return false;
  const bool on_to = is_slot(key->args[0].get(), expand.to);
  const bool on_rel = is_slot(key->args[0].get(), expand.rel);
  if (!on_to && !on_rel) return false;
  bound_ = Bound{offer.state, offer.descending, on_rel, key->name, {}};
  return true;
}

// Once per statement: the transaction is read-only, so the catalog, the
// views and the constants stay as they are.
void BatchFilter::prepare(ExecContext& ctx, Row& row) {
  prepared_ = true;
  if (bound_) {
    if (const auto key = ctx.prop_key(bound_->key)) {
      bound_->column = bound_->on_rel ? ctx.txn.rel_column(*key) : ctx.txn.node_column(*key);
    }
  }
  for (auto& t : tests_) {
    if (t->kind == Test::Kind::Labels) {
      for (const auto& name : t->labels) {
        const auto id = ctx.label(name);
        if (!id) t->no_such_label = true;
        t->label_ids.push_back(id);
        t->label_views.push_back(id ? ctx.txn.label_bits(*id) : LabelBitsView{});
      }
      t->active = true;
      continue;
    }
    if (!t->whole_node) {
      const auto key = ctx.prop_key(t->key);
      if (!key) continue;  // no such key: every value is null, the rows say so
      t->column = t->on_rel ? ctx.txn.rel_column(*key) : ctx.txn.node_column(*key);
      if (t->column.empty()) continue;
    }
    if (t->kind == Test::Kind::In) {
      if (t->constant) {
        try {
          Value scratch;
          t->list_value = t->constant->eval_ref(row, ctx, scratch);
        } catch (const Error&) {
          continue;  // raised again, in its place, by the row-by-row path
        }
      }
      t->active = true;  // the list itself is looked at per batch
      continue;
    }
    try {
      Value scratch;
      t->active = as_scalar(t->constant->eval_ref(row, ctx, scratch), t->value);
    } catch (const Error&) {
      t->active = false;  // raised again, in its place, by the row-by-row path
    }
  }
}

void BatchFilter::classify(ExecContext& ctx, Row& row, const Edge* edges, size_t n,
                           Verdict* out) {
  if (!prepared_) prepare(ctx, row);
  for (size_t i = 0; i < n; ++i) out[i] = Verdict::AllTrue;
  classify_tests(ctx, row, edges, n, out);
  // Only rows the whole Filter keeps reach the TopBound check.
  if (bound_ && tests_.size() == conjuncts_.size()) drop_out_of_bound(edges, n, out);
}

void BatchFilter::drop_out_of_bound(const Edge* edges, size_t n, Verdict* out) {
  const TopBoundState& state = *bound_->state;
  const ScalarColumnView& col = bound_->column;
  Scalar b;
  if (!state.active || col.empty() || !as_scalar(state.bound, b) || b.type != col.type) return;
  // ORDER BY's order within one kind; other kinds are left to the check.
  if (b.type != ValueType::Int && b.type != ValueType::DateTime && b.type != ValueType::Date) return;
  const bool date = b.type == ValueType::Date;
  for (size_t i = 0; i < n; ++i) {
    if (out[i] != Verdict::AllTrue) continue;
    int64_t bits;
    if (!col.find(bound_->on_rel ? edges[i].rel : edges[i].neighbour, bits)) continue;
    const int64_t x = date ? static_cast<int32_t>(bits) : bits;
    const int64_t y = date ? static_cast<int32_t>(b.bits) : b.bits;
    if (bound_->descending ? x < y : x > y) out[i] = Verdict::Drop;
  }
}

void BatchFilter::classify_tests(ExecContext& ctx, Row& row, const Edge* edges, size_t n,
                                 Verdict* out) {
  // Only AllTrue and SomeNull candidates take a test: Drop is final, and
  // an Unknown one is evaluated whole (an earlier conjunct might raise).
  auto open = [](Verdict v) { return v == Verdict::AllTrue || v == Verdict::SomeNull; };
  for (const auto& tp : tests_) {
    Test& t = *tp;
    if (!t.active) {
      for (size_t i = 0; i < n; ++i) {
        if (open(out[i])) out[i] = Verdict::Unknown;
      }
      return;
    }
    if (t.kind == Test::Kind::Labels) {
      if (t.no_such_label) {
        for (size_t i = 0; i < n; ++i) {
          if (open(out[i])) out[i] = Verdict::Drop;
        }
        continue;
      }
      for (size_t l = 0; l < t.label_ids.size(); ++l) {
        const LabelBitsView& view = t.label_views[l];
        const LabelId id = *t.label_ids[l];
        for (size_t i = 0; i < n; ++i) {
          if (!open(out[i])) continue;
          const bool has = view.known ? view.has(edges[i].neighbour) : ctx.txn.node_has_label(edges[i].neighbour, id);
          if (!has) out[i] = Verdict::Drop;
        }
      }
      continue;
    }
    if (t.kind == Test::Kind::In) {
      classify_in(t, row, edges, n, out);
      continue;
    }
    const ScalarColumnView& col = t.column;
    for (size_t i = 0; i < n; ++i) {
      if (!open(out[i])) continue;
      int64_t bits;
      if (!col.find(t.on_rel ? edges[i].rel : edges[i].neighbour, bits)) {
        out[i] = Verdict::Unknown;  // the record may hold a value of another kind
        continue;
      }
      const Scalar p{col.type, bits};
      Tri r;
      const bool decided = t.property_left ? compare_scalars(t.op, p, t.value, r)
                                           : compare_scalars(t.op, t.value, p, r);
      if (!decided) {
        out[i] = Verdict::Unknown;  // kinds without an order: the row raises it
      } else if (r == Tri::False) {
        out[i] = Verdict::Drop;
      } else if (r == Tri::Null) {
        out[i] = Verdict::SomeNull;
      }
    }
  }
}


// `property IN list` with InListSet, the reference for IN's nulls: a list
// that is null or not a list leaves the batch undecided (the row path
// answers null or raises); the set is built again when the list may have
// changed.
void BatchFilter::classify_in(Test& t, Row& row, const Edge* edges, size_t n, Verdict* out) {
  auto open = [](Verdict v) { return v == Verdict::AllTrue || v == Verdict::SomeNull; };
  const Value& list = t.list_slot != query::plan::kNoSlot ? row[t.list_slot] : t.list_value;
  if (list.type() != ValueType::List) {
    for (size_t i = 0; i < n; ++i) {
      if (open(out[i])) out[i] = Verdict::Unknown;
    }
    return;
  }
  const bool from_slot = t.list_slot != query::plan::kNoSlot;
  if (!t.built || (from_slot && (!t.list_version || *t.list_version != t.built_version))) {
    t.set.build(list.as_list());
    t.built = true;
    if (t.list_version) t.built_version = *t.list_version;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!open(out[i])) continue;
    Tri r;
    if (t.whole_node) {
      r = t.set.contains_node(edges[i].neighbour, list.as_list());
    } else {
      int64_t bits;
      if (!t.column.find(t.on_rel ? edges[i].rel : edges[i].neighbour, bits)) {
        out[i] = Verdict::Unknown;
        continue;
      }
      r = t.column.type == ValueType::Int ? t.set.contains_int(bits, list.as_list())
                                          : t.set.contains(scalar_value(t.column.type, bits), list.as_list());
    }
    if (r == Tri::False) {
      out[i] = Verdict::Drop;
    } else if (r == Tri::Null) {
      out[i] = Verdict::SomeNull;
    }
  }
}

bool BatchFilter::evaluate(Row& row, ExecContext& ctx, Verdict v) {
  // The leading tests are pure: an undecided candidate evaluates them
  // again, in order with the rest, exactly as the Filter would.
  const size_t first = v == Verdict::Unknown ? 0 : tests_.size();
  Tri acc = v == Verdict::SomeNull ? Tri::Null : Tri::True;
  for (size_t i = first; i < conjuncts_.size(); ++i) {
    const Tri t = conjuncts_[i].expr->test(row, ctx, *conjuncts_[i].where);
    if (t == Tri::False) return false;
    acc = tri_and(acc, t);
  }
  return acc == Tri::True;
}

}  // namespace kith::engine
