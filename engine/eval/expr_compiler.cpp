// Compiles plan expressions into evaluator nodes (compiled_expr.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "engine/eval/compiled_expr.h"
#include "engine/eval/graph_functions.h"
#include "engine/eval/in_list.h"
#include "engine/eval/subplan_cache.h"
#include "engine/functions/function_registry.h"
#include "engine/value/arithmetic.h"
#include "engine/value/temporal.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Expr;
using query::plan::ExprKind;

std::string kind_name(const Value& v) { return std::string(value_type_name(v.type())); }

Value tri_value(Tri t) { return t == Tri::Null ? Value() : Value(t == Tri::True); }

// ------------------------------------------------------------------ leaves

struct ConstantNode final : CompiledExpr {
  Value value;
  explicit ConstantNode(Value v) : value(std::move(v)) {}
  Value eval(Row&, ExecContext&) override { return value; }
  const Value& eval_ref(Row&, ExecContext&, Value&) override { return value; }
};

struct ParameterNode final : CompiledExpr {
  std::string name;
  // The parameters do not change while a statement runs (and a compiled
  // expression lives for one statement): look the name up once.
  const Value* found = nullptr;
  explicit ParameterNode(std::string n) : name(std::move(n)) {}
  Value eval(Row& row, ExecContext& ctx) override {
    Value scratch;
    return eval_ref(row, ctx, scratch);
  }
  const Value& eval_ref(Row&, ExecContext& ctx, Value&) override {
    if (found) return *found;
    auto it = ctx.params.find(name);
    if (it == ctx.params.end()) {
      throw Error(ErrorCode::ParameterMissing, "parameter $" + name + " was not given a value");
    }
    found = &it->second;
    return *found;
  }
};

struct SlotNode final : CompiledExpr {
  query::plan::SlotId slot;
  explicit SlotNode(query::plan::SlotId s) : slot(s) {}
  Value eval(Row& row, ExecContext&) override { return row[slot]; }
  const Value& eval_ref(Row& row, ExecContext&, Value&) override { return row[slot]; }
};

// ------------------------------------------------------------------ access

// One evaluation of a whole expression: bumped by the root at each eval.
struct EvalEpoch {
  uint64_t value = 0;
};

// A property read that an expression makes more than once on the same
// variable (`$a > m.date >= $b`): read once per evaluation of the root.
struct SharedRead {
  uint64_t epoch = UINT64_MAX;
  Value value;
};

struct PropertyNode final : CompiledExpr {
  CompiledExprPtr base;
  std::string key;
  std::optional<PropKeyId> key_id;
  std::shared_ptr<SharedRead> shared;     // null: not shared
  std::shared_ptr<EvalEpoch> epoch;       // with `shared`
  PropertyNode(CompiledExprPtr b, std::string k) : base(std::move(b)), key(std::move(k)) {}

  Value eval(Row& row, ExecContext& ctx) override {
    if (!shared) return read(row, ctx);
    if (shared->epoch != epoch->value) {
      shared->value = read(row, ctx);
      shared->epoch = epoch->value;
    }
    return shared->value;
  }
  const Value& eval_ref(Row& row, ExecContext& ctx, Value& scratch) override {
    if (!shared) {
      scratch = read(row, ctx);
      return scratch;
    }
    if (shared->epoch != epoch->value) {
      shared->value = read(row, ctx);
      shared->epoch = epoch->value;
    }
    return shared->value;
  }

  Value read(Row& row, ExecContext& ctx) {
    Value scratch;
    const Value& v = base->eval_ref(row, ctx, scratch);
    switch (v.type()) {
      case ValueType::Null: return {};
      case ValueType::Node: {
        if (!resolve(ctx)) return {};
        const NodeId id = v.as_node().id;
        ExecContext::LastRead* last = ctx.last_node_read(*key_id);
        if (!last) return ctx.txn.node_property(id, *key_id);
        if (last->node == id) {
          if (memo_hits_ < kMemoTrial) ++memo_hits_;
          return last->value;
        }
        Value out = ctx.txn.node_property(id, *key_id);
        remember(*last, id, out);
        return out;
      }
      case ValueType::Rel:
        if (!resolve(ctx)) return {};
        return ctx.txn.rel_property(v.as_rel().id, *key_id);
      case ValueType::Map: {
        const Value* found = v.map_get(key);
        return found ? *found : Value();
      }
      case ValueType::Date:
      case ValueType::DateTime:
      case ValueType::Duration: {
        Value field = temporal_field(v, key);
        if (field.is_null()) {
          throw Error(ErrorCode::TypeError, kind_name(v) + " has no field '" + key + "'");
        }
        return field;
      }
      default:
        throw Error(ErrorCode::TypeError,
                    "cannot read property '" + key + "' of " + kind_name(v) + " " + v.to_string());
    }
  }

  // A key unknown at first may be created later in the statement (SET).
  bool resolve(ExecContext& ctx) {
    if (!key_id) key_id = ctx.prop_key(key);
    return key_id.has_value();
  }

 private:
  // Keeps what was read as the statement's last read of the key
  // (ExecContext::last_node_read). Values that copy without allocating
  // always; strings and lists only while this read finds them there often
  // enough to pay for the copy.
  void remember(ExecContext::LastRead& last, NodeId id, const Value& value) {
    const ValueType t = value.type();
    const bool heap = t == ValueType::String || t == ValueType::List || t == ValueType::Map;
    if (heap) {
      if (memo_misses_ < kMemoTrial) ++memo_misses_;
      if (memo_misses_ == kMemoTrial && memo_hits_ < kMemoTrial) return;
    }
    last.node = id;
    last.value = value;
  }
  static constexpr uint32_t kMemoTrial = 256;
  uint32_t memo_hits_ = 0, memo_misses_ = 0;
};

struct HasLabelsNode final : CompiledExpr {
  CompiledExprPtr base;
  std::vector<std::string> labels;
  HasLabelsNode(CompiledExprPtr b, std::vector<std::string> l)
      : base(std::move(b)), labels(std::move(l)), ids(labels.size()) {}
  Value eval(Row& row, ExecContext& ctx) override { return tri_value(check(row, ctx)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override { return check(row, ctx); }

 private:
  Tri check(Row& row, ExecContext& ctx) {
    Value scratch;
    const Value& v = base->eval_ref(row, ctx, scratch);
    if (v.is_null()) return Tri::Null;
    if (v.type() != ValueType::Node) {
      throw Error(ErrorCode::TypeError, "a label test needs a NODE, got " + kind_name(v));
    }
    for (size_t i = 0; i < labels.size(); ++i) {
      // A label id never changes once interned, so it is looked up by name
      // once (a hash of the name per row cost more than the test itself);
      // a name not in the catalog yet is asked again, as a SET may add it.
      if (!ids[i] && !(ids[i] = ctx.label(labels[i]))) return Tri::False;
      if (!ctx.txn.node_has_label(v.as_node().id, *ids[i])) return Tri::False;
    }
    return Tri::True;
  }
  std::vector<std::optional<LabelId>> ids;
};

struct IndexNode final : CompiledExpr {
  CompiledExprPtr base, index;
  Value eval(Row& row, ExecContext& ctx) override {
    Value bs, is;
    const Value& b = base->eval_ref(row, ctx, bs);
    const Value& i = index->eval_ref(row, ctx, is);
    if (b.is_null() || i.is_null()) return {};
    if (b.type() == ValueType::List) {
      if (i.type() != ValueType::Int) {
        throw Error(ErrorCode::TypeError, "a list index must be INT64, got " + kind_name(i));
      }
      const auto& l = b.as_list();
      int64_t k = i.as_int();
      if (k < 0) k += static_cast<int64_t>(l.size());
      if (k < 0 || k >= static_cast<int64_t>(l.size())) return {};
      return l[static_cast<size_t>(k)];
    }
    if (i.type() != ValueType::String) {
      throw Error(ErrorCode::TypeError, "cannot index " + kind_name(b) + " with " + kind_name(i));
    }
    if (b.type() == ValueType::Map) {
      const Value* found = b.map_get(i.as_string());
      return found ? *found : Value();
    }
    if (b.type() == ValueType::Node) {
      auto key = ctx.prop_key(i.as_string());
      return key ? ctx.txn.node_property(b.as_node().id, *key) : Value();
    }
    if (b.type() == ValueType::Rel) {
      auto key = ctx.prop_key(i.as_string());
      return key ? ctx.txn.rel_property(b.as_rel().id, *key) : Value();
    }
    throw Error(ErrorCode::TypeError, "cannot index " + kind_name(b));
  }
};

struct SliceNode final : CompiledExpr {
  CompiledExprPtr base, from, to;
  Value eval(Row& row, ExecContext& ctx) override {
    Value bs;
    const Value& b = base->eval_ref(row, ctx, bs);
    if (b.is_null()) return {};
    if (b.type() != ValueType::List) {
      throw Error(ErrorCode::TypeError, "cannot slice " + kind_name(b));
    }
    const auto& l = b.as_list();
    const auto n = static_cast<int64_t>(l.size());
    auto bound = [&](CompiledExprPtr& e, int64_t dflt, bool& null) -> int64_t {
      if (!e) return dflt;
      Value v = e->eval(row, ctx);
      if (v.is_null()) {
        null = true;
        return 0;
      }
      if (v.type() != ValueType::Int) {
        throw Error(ErrorCode::TypeError, "a slice bound must be INT64, got " + kind_name(v));
      }
      int64_t k = v.as_int();
      if (k < 0) k += n;
      return std::clamp<int64_t>(k, 0, n);
    };
    bool null = false;
    const int64_t lo = bound(from, 0, null);
    const int64_t hi = bound(to, n, null);
    if (null) return {};
    if (lo >= hi) return Value::List{};
    return Value::List(l.begin() + lo, l.begin() + hi);
  }
};

// ------------------------------------------------------------------ operators

// Two operands, the operator, and the expression (for error messages).
struct BinaryNode : CompiledExpr {
  ExprKind kind;
  CompiledExprPtr left, right;
  const Expr* source;
};

struct UnaryNode final : CompiledExpr {
  ExprKind kind;
  CompiledExprPtr arg;
  const Expr* source;
  Value eval(Row& row, ExecContext& ctx) override {
    Value scratch;
    const Value& v = arg->eval_ref(row, ctx, scratch);
    switch (kind) {
      case ExprKind::Not: {
        Tri t = to_tri(v, *source);
        return t == Tri::Null ? Value() : Value(t == Tri::False);
      }
      case ExprKind::Negate: return negate(v);
      case ExprKind::IsNull: return v.is_null();
      case ExprKind::IsNotNull: return !v.is_null();
      default: throw Error(ErrorCode::Internal, "bad unary operator");
    }
  }
  Tri test(Row& row, ExecContext& ctx, const Expr& where) override {
    switch (kind) {
      case ExprKind::Not: return tri_not(arg->test(row, ctx, *source));
      case ExprKind::IsNull:
      case ExprKind::IsNotNull: {
        Value scratch;
        return tri(arg->eval_ref(row, ctx, scratch).is_null() == (kind == ExprKind::IsNull));
      }
      default: return CompiledExpr::test(row, ctx, where);
    }
  }
};

struct LogicNode final : BinaryNode {
  Value eval(Row& row, ExecContext& ctx) override { return tri_value(test(row, ctx, *source)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override {
    const Tri a = left->test(row, ctx, *source);
    // Short-circuit where the left side decides, as long as the right side
    // could not turn the answer into an error... Cypher allows skipping it.
    if (kind == ExprKind::And && a == Tri::False) return Tri::False;
    if (kind == ExprKind::Or && a == Tri::True) return Tri::True;
    const Tri b = right->test(row, ctx, *source);
    return kind == ExprKind::And ? tri_and(a, b) : kind == ExprKind::Or ? tri_or(a, b) : tri_xor(a, b);
  }
};

// `n:Label AND p` where most nodes carry the label (a Message reached over
// HAS_CREATOR): evaluating p first skips the label check on every row p
// rejects, and p's read of n's record makes the check cheaper. The answer
// and the errors stay those of the written order: an error of p stands only
// when the label check is not false, and a label check cannot fail on a
// node or null (anything else takes the written order).
struct LabelLastAndNode final : BinaryNode {
  query::plan::SlotId slot = query::plan::kNoSlot;  // the labelled variable
  std::vector<std::string> labels;

  Value eval(Row& row, ExecContext& ctx) override { return tri_value(test(row, ctx, *source)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override {
    if (order_ == Order::Unknown) order_ = decide(ctx);
    const ValueType t = row[slot].type();
    if (order_ == Order::Written || (t != ValueType::Node && t != ValueType::Null)) {
      const Tri a = left->test(row, ctx, *source);
      if (a == Tri::False) return Tri::False;
      return tri_and(a, right->test(row, ctx, *source));
    }
    Tri b;
    try {
      b = right->test(row, ctx, *source);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::Timeout && e.code() != ErrorCode::Cancelled &&
          left->test(row, ctx, *source) == Tri::False) {
        return Tri::False;
      }
      throw;
    }
    if (b == Tri::False) return Tri::False;
    return tri_and(left->test(row, ctx, *source), b);
  }

 private:
  enum class Order : uint8_t { Unknown, Written, LabelLast };
  // Label last when at least half of all nodes carry every label.
  Order decide(ExecContext& ctx) {
    const auto total = static_cast<double>(ctx.txn.node_count());
    if (total <= 0) return Order::Written;
    for (const auto& name : labels) {
      auto id = ctx.label(name);
      if (!id || static_cast<double>(ctx.txn.node_count(*id)) < total / 2) return Order::Written;
    }
    return Order::LabelLast;
  }
  Order order_ = Order::Unknown;
};

struct ComparisonNode final : BinaryNode {
  CmpOp op = CmpOp::Eq;

  // `<slot>.<key> op <constant or parameter>` (either side): when the slot
  // holds a node whose value a snapshot column keeps, the 8 bytes are
  // compared with the constant in place; anything else (no column, no
  // value, a non-node, a constant that is not a fixed-width kind) takes
  // the generic path below, which reads the property as before.
  struct ColumnRead {
    query::plan::SlotId slot;
    std::string key;
    std::optional<PropKeyId> key_id;
    bool property_left = true;
    CompiledExpr* constant = nullptr;  // the other operand (left or right)
    enum class Known : uint8_t { Unknown, Scalar, Other } known = Known::Unknown;
    Scalar value;  // the constant's, once Known::Scalar
  };
  std::unique_ptr<ColumnRead> column;

  Value eval(Row& row, ExecContext& ctx) override { return tri_value(test(row, ctx, *source)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override {
    Tri t;
    if (column && column_test(row, ctx, t)) return t;
    return generic_test(row, ctx);
  }

 private:
  // Out of line: keeps the column path's frame small.
  [[gnu::noinline]] Tri generic_test(Row& row, ExecContext& ctx) {
    Tri t;
    Value as, bs;
    const Value& a = left->eval_ref(row, ctx, as);
    const Value& b = right->eval_ref(row, ctx, bs);
    Scalar x, y;
    if (as_scalar(a, x) && as_scalar(b, y) && compare_scalars(op, x, y, t)) return t;
    return compare_values(a, b);
  }

  // The reference semantics for every kind (strings, lists, errors).
  Tri compare_values(const Value& a, const Value& b) {
    if (op == CmpOp::Eq || op == CmpOp::Ne) {
      const Tri t = equals(a, b);
      if (t == Tri::Null) return t;
      return tri((t == Tri::True) == (op == CmpOp::Eq));
    }
    if (a.is_null() || b.is_null()) return Tri::Null;
    std::optional<int> c = compare(a, b);
    if (!c) {
      if ((a.type() == ValueType::Double && std::isnan(a.as_double())) ||
          (b.type() == ValueType::Double && std::isnan(b.as_double()))) {
        return Tri::False;
      }
      throw Error(ErrorCode::TypeError, "cannot compare " + kind_name(a) + " with " +
                                            kind_name(b) + " (" + source->text + ")");
    }
    switch (op) {
      case CmpOp::Lt: return tri(*c < 0);
      case CmpOp::Le: return tri(*c <= 0);
      case CmpOp::Gt: return tri(*c > 0);
      case CmpOp::Ge: return tri(*c >= 0);
      default: throw Error(ErrorCode::Internal, "bad comparison");
    }
  }

  // True when answered from a column. The property is read before the
  // constant is first evaluated (a missing parameter then raises as in the
  // written order: a node's property read cannot fail).
  bool column_test(Row& row, ExecContext& ctx, Tri& out) {
    Scalar p;
    return column_read(row, ctx, p) && column_compare(row, ctx, p, out);
  }

 public:
  // The column path in two steps, so that two comparisons of one property
  // (ColumnRangeNode) share the read: the value, when a column holds it...
  [[gnu::always_inline]] bool column_read(Row& row, ExecContext& ctx, Scalar& p) {
    ColumnRead& c = *column;
    const Value& base = row[c.slot];
    if (base.type() != ValueType::Node || c.known == ColumnRead::Known::Other) return false;
    if (!c.key_id && !(c.key_id = ctx.prop_key(c.key))) return false;
    return ctx.txn.node_scalar_property(base.as_node().id, *c.key_id, p.type, p.bits);
  }
  // ... and the comparison of that value with the constant, when both are
  // of kinds compared in place.
  [[gnu::always_inline]] bool column_compare(Row& row, ExecContext& ctx, Scalar p, Tri& out) {
    ColumnRead& c = *column;
    if (c.known != ColumnRead::Known::Scalar) {
      if (c.known == ColumnRead::Known::Other) return false;
      // Constants and parameters keep their value for the whole statement.
      Value scratch;
      const bool scalar = as_scalar(c.constant->eval_ref(row, ctx, scratch), c.value);
      c.known = scalar ? ColumnRead::Known::Scalar : ColumnRead::Known::Other;
      if (!scalar) return false;
    }
    // The common case first: an integer (or datetime) column against a
    // constant of its kind.
    if (p.type == c.value.type && (p.type == ValueType::Int || p.type == ValueType::DateTime)) {
      out = c.property_left ? compare_detail::by_sign(op, compare_detail::sign(p.bits, c.value.bits))
                            : compare_detail::by_sign(op, compare_detail::sign(c.value.bits, p.bits));
      return true;
    }
    return c.property_left ? compare_scalars(op, p, c.value, out)
                           : compare_scalars(op, c.value, p, out);
  }
};

// `<comparison> AND <comparison>` where both compare one variable's
// property with constants (each half of `$a > n.key >= $b`): one column
// read serves both. Otherwise, and whenever a half cannot be answered from
// the column, it is the AND of LogicNode (left first, short-circuit on
// false); the read has no effects, so reading again on the way is harmless.
struct ColumnRangeNode final : BinaryNode {
  ComparisonNode* low = nullptr;   // left, as its type
  ComparisonNode* high = nullptr;  // right
  Value eval(Row& row, ExecContext& ctx) override { return tri_value(test(row, ctx, *source)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override {
    Scalar p;
    Tri a;
    if (low->column_read(row, ctx, p) && low->column_compare(row, ctx, p, a)) {
      if (a == Tri::False) return a;
      Tri b;
      if (high->column_compare(row, ctx, p, b)) return tri_and(a, b);
      return tri_and(a, right->test(row, ctx, *source));
    }
    a = left->test(row, ctx, *source);
    if (a == Tri::False) return a;
    return tri_and(a, right->test(row, ctx, *source));
  }
};

struct ArithmeticNode final : BinaryNode {
  Value eval(Row& row, ExecContext& ctx) override {
    Value as, bs;
    const Value& a = left->eval_ref(row, ctx, as);
    const Value& b = right->eval_ref(row, ctx, bs);
    switch (kind) {
      case ExprKind::Add: return add(a, b);
      case ExprKind::Sub: return subtract(a, b);
      case ExprKind::Mul: return multiply(a, b);
      case ExprKind::Div: return divide(a, b);
      case ExprKind::Mod: return modulo(a, b);
      case ExprKind::Pow: return power(a, b);
      default: throw Error(ErrorCode::Internal, "bad arithmetic operator");
    }
  }
};

const Value::List& in_list_operand(const Value& l) {
  if (l.type() != ValueType::List) {
    throw Error(ErrorCode::TypeError, "IN needs a LIST on its right, got " + kind_name(l));
  }
  return l.as_list();
}

// x IN list, where the list may be the same from row to row: a list that
// cannot change during the statement (a constant, a parameter, a literal of
// those) is hashed once; a list read from a slot is hashed again only when
// `version` says the slot may have changed (and its storage did move or
// resize, checked as well). Short lists are scanned.
struct InNode final : CompiledExpr {
  enum class Reuse : uint8_t { None, Statement, Version };
  CompiledExprPtr item, list;
  Reuse reuse = Reuse::None;
  const uint64_t* version = nullptr;  // Reuse::Version

  Value eval(Row& row, ExecContext& ctx) override { return tri_value(check(row, ctx)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override { return check(row, ctx); }

 private:
  Tri check(Row& row, ExecContext& ctx) {
    Value xs, ls;
    const Value& x = item->eval_ref(row, ctx, xs);
    if (reuse == Reuse::Statement) {
      if (!stored_) {
        Value l = list->eval(row, ctx);
        if (!l.is_null()) set_.build(in_list_operand(l));
        stored_ = std::move(l);  // only once it is known to be a list (or null)
      }
      if (stored_->is_null()) return Tri::Null;
      return set_.contains(x, stored_->as_list());
    }
    const Value& l = list->eval_ref(row, ctx, ls);
    if (l.is_null()) return Tri::Null;
    const Value::List& elements = in_list_operand(l);
    if (reuse == Reuse::None || elements.size() < kInListHashMin) {
      return in_list_scan(x, elements);
    }
    if (!built_ || *version != built_version_ || elements.data() != built_data_ ||
        elements.size() != built_size_) {
      set_.build(elements);
      built_ = true;
      built_version_ = *version;
      built_data_ = elements.data();
      built_size_ = elements.size();
    }
    return set_.contains(x, elements);
  }

  InListSet set_;
  std::optional<Value> stored_;  // Reuse::Statement: the list, evaluated once
  bool built_ = false;
  uint64_t built_version_ = 0;
  const Value* built_data_ = nullptr;
  size_t built_size_ = 0;
};

// x IN [a, b, ...] with items that vary by row: compared one by one, without
// building the list.
struct InLiteralNode final : CompiledExpr {
  CompiledExprPtr item;
  std::vector<CompiledExprPtr> elements;
  Value eval(Row& row, ExecContext& ctx) override { return tri_value(test(row, ctx, *source)); }
  Tri test(Row& row, ExecContext& ctx, const Expr&) override {
    Value xs, es;
    const Value& x = item->eval_ref(row, ctx, xs);
    bool saw_null = false;
    for (auto& e : elements) {
      const Tri t = equals(x, e->eval_ref(row, ctx, es));
      if (t == Tri::True) return t;
      if (t == Tri::Null) saw_null = true;
    }
    return saw_null ? Tri::Null : Tri::False;
  }
  const Expr* source = nullptr;
};

struct StringPredicateNode final : BinaryNode {
  Value eval(Row& row, ExecContext& ctx) override {
    Value as, bs;
    const Value& a = left->eval_ref(row, ctx, as);
    const Value& b = right->eval_ref(row, ctx, bs);
    if (a.type() != ValueType::String || b.type() != ValueType::String) return {};
    const std::string& s = a.as_string();
    const std::string& t = b.as_string();
    switch (kind) {
      case ExprKind::StartsWith: return s.starts_with(t);
      case ExprKind::EndsWith: return s.ends_with(t);
      case ExprKind::Contains: return s.find(t) != std::string::npos;
      default: throw Error(ErrorCode::Internal, "bad string predicate");
    }
  }
};

struct RegexNode final : BinaryNode {
  std::string cached_pattern;
  std::optional<std::regex> cached;
  Value eval(Row& row, ExecContext& ctx) override {
    Value as, bs;
    const Value& a = left->eval_ref(row, ctx, as);
    const Value& b = right->eval_ref(row, ctx, bs);
    if (a.type() != ValueType::String || b.type() != ValueType::String) return {};
    if (!cached || cached_pattern != b.as_string()) {
      // Cypher patterns are Java regexes; the common case-insensitive prefix
      // (?i) has no ECMAScript spelling, so it becomes the icase flag.
      std::string_view pattern = b.as_string();
      auto flags = std::regex::ECMAScript;
      if (pattern.starts_with("(?i)")) {
        pattern.remove_prefix(4);
        flags |= std::regex::icase;
      }
      try {
        cached.emplace(pattern.begin(), pattern.end(), flags);
      } catch (const std::regex_error& e) {
        throw Error(ErrorCode::ArgumentError, "invalid regular expression \"" + b.as_string() +
                                                  "\": " + e.what());
      }
      cached_pattern = b.as_string();
    }
    return std::regex_match(a.as_string(), *cached);
  }
};

// ------------------------------------------------------------------ literals

struct ListNode final : CompiledExpr {
  std::vector<CompiledExprPtr> items;
  Value eval(Row& row, ExecContext& ctx) override {
    Value::List out;
    out.reserve(items.size());
    for (auto& e : items) out.push_back(e->eval(row, ctx));
    return out;
  }
};

struct MapNode final : CompiledExpr {
  std::vector<std::string> keys;
  std::vector<CompiledExprPtr> values;
  Value eval(Row& row, ExecContext& ctx) override {
    Value::Map out;
    out.reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) out.emplace_back(keys[i], values[i]->eval(row, ctx));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // A key written twice keeps its last value.
    Value::Map unique;
    for (auto& kv : out) {
      if (!unique.empty() && unique.back().first == kv.first) {
        unique.back().second = std::move(kv.second);
      } else {
        unique.push_back(std::move(kv));
      }
    }
    return unique;
  }
};

// ------------------------------------------------------------------ calls

struct ScalarCallNode final : CompiledExpr {
  const FunctionDef* def;
  std::vector<CompiledExprPtr> args;
  std::vector<Value> scratch;
  Value eval(Row& row, ExecContext& ctx) override {
    scratch.clear();
    for (auto& a : args) scratch.push_back(a->eval(row, ctx));
    return call_function(*def, scratch, ctx.eval);
  }
};

struct GraphCallNode final : CompiledExpr {
  GraphFunction fn;
  std::vector<CompiledExprPtr> args;
  std::vector<Value> scratch;
  Value eval(Row& row, ExecContext& ctx) override {
    if (args.size() == 1) {
      // id(n), labels(n)...: the argument by reference, not copied.
      Value arg_scratch;
      const Value& arg = args[0]->eval_ref(row, ctx, arg_scratch);
      return fn(std::span<const Value>(&arg, 1), ctx);
    }
    scratch.clear();
    for (auto& a : args) scratch.push_back(a->eval(row, ctx));
    return fn(scratch, ctx);
  }
};

struct CaseNode final : CompiledExpr {
  CompiledExprPtr subject;                 // null for the generic form
  std::vector<CompiledExprPtr> whens, thens;
  CompiledExprPtr otherwise;               // null: ELSE null
  const Expr* source;
  Value eval(Row& row, ExecContext& ctx) override {
    Value ss, ws;
    const Value& s = subject ? subject->eval_ref(row, ctx, ss) : ss;
    for (size_t i = 0; i < whens.size(); ++i) {
      const bool hit = subject ? equals(s, whens[i]->eval_ref(row, ctx, ws)) == Tri::True
                               : whens[i]->test(row, ctx, *source) == Tri::True;
      if (hit) return thens[i]->eval(row, ctx);
    }
    return otherwise ? otherwise->eval(row, ctx) : Value();
  }
};

struct ListComprehensionNode final : CompiledExpr {
  CompiledExprPtr list, where, projection;
  query::plan::SlotId var;
  const Expr* source;
  Value eval(Row& row, ExecContext& ctx) override {
    Value ls;
    const Value& l = list->eval_ref(row, ctx, ls);
    if (l.is_null()) return {};
    if (l.type() != ValueType::List) {
      throw Error(ErrorCode::TypeError, "a list comprehension needs a LIST, got " + kind_name(l));
    }
    Value::List out;
    for (const auto& e : l.as_list()) {
      row[var] = e;
      if (where && where->test(row, ctx, *source) != Tri::True) continue;
      out.push_back(projection ? projection->eval(row, ctx) : e);
    }
    return out;
  }
};

struct QuantifierNode final : CompiledExpr {
  std::string which;  // all, any, none, single
  CompiledExprPtr list, where;
  query::plan::SlotId var;
  const Expr* source;
  Value eval(Row& row, ExecContext& ctx) override {
    Value ls;
    const Value& l = list->eval_ref(row, ctx, ls);
    if (l.is_null()) return {};
    if (l.type() != ValueType::List) {
      throw Error(ErrorCode::TypeError, which + "() needs a LIST, got " + kind_name(l));
    }
    size_t trues = 0, nulls = 0;
    for (const auto& e : l.as_list()) {
      row[var] = e;
      Tri t = where ? where->test(row, ctx, *source) : Tri::True;
      if (t == Tri::True) ++trues;
      if (t == Tri::Null) ++nulls;
    }
    const size_t n = l.as_list().size();
    const size_t falses = n - trues - nulls;
    if (which == "all") return falses > 0 ? Value(false) : nulls > 0 ? Value() : Value(true);
    if (which == "any") return trues > 0 ? Value(true) : nulls > 0 ? Value() : Value(false);
    if (which == "none") return trues > 0 ? Value(false) : nulls > 0 ? Value() : Value(true);
    // single
    if (trues > 1) return false;
    if (nulls > 0) return {};
    return trues == 1;
  }
};

struct ReduceNode final : CompiledExpr {
  CompiledExprPtr init, list, body;
  query::plan::SlotId acc, var;
  Value eval(Row& row, ExecContext& ctx) override {
    Value a = init->eval(row, ctx);
    Value l = list->eval(row, ctx);
    if (l.is_null()) return {};
    if (l.type() != ValueType::List) {
      throw Error(ErrorCode::TypeError, "reduce() needs a LIST, got " + kind_name(l));
    }
    for (const auto& e : l.as_list()) {
      row[acc] = a;
      row[var] = e;
      a = body->eval(row, ctx);
    }
    return a;
  }
};

// Every slot a subplan (or an expression) names anywhere: a superset of the
// outer slots it reads.
void collect_slots(const Expr& e, std::vector<query::plan::SlotId>& out);
void collect_slots(const query::plan::Op& op, std::vector<query::plan::SlotId>& out) {
  using query::plan::kNoSlot;
  for (auto s : {op.slot, op.from, op.rel, op.to, op.path_slot}) {
    if (s != kNoSlot) out.push_back(s);
  }
  out.insert(out.end(), op.rel_uniqueness.begin(), op.rel_uniqueness.end());
  out.insert(out.end(), op.slots.begin(), op.slots.end());
  for (const auto& c : op.columns) out.push_back(c.slot);
  auto expr = [&](const query::plan::ExprPtr& e) {
    if (e) collect_slots(*e, out);
  };
  for (const auto& e : op.exprs) expr(e);
  for (const auto& i : op.items) {
    out.push_back(i.slot);
    expr(i.expr);
  }
  for (const auto& a : op.aggregates) {
    out.push_back(a.slot);
    expr(a.arg);
  }
  for (const auto& k : op.sort_keys) expr(k.expr);
  for (const auto& n : op.node_specs) {
    out.push_back(n.slot);
    expr(n.properties);
  }
  for (const auto& r : op.rel_specs) {
    for (auto s : {r.slot, r.start, r.end}) {
      if (s != kNoSlot) out.push_back(s);
    }
    expr(r.properties);
  }
  for (const auto* items : {&op.set_items, &op.on_create, &op.on_match}) {
    for (const auto& i : *items) {
      expr(i.target);
      expr(i.value);
    }
  }
  for (const auto& c : op.children) collect_slots(*c, out);
}
void collect_slots(const Expr& e, std::vector<query::plan::SlotId>& out) {
  using query::plan::kNoSlot;
  for (auto s : {e.slot, e.var_slot, e.acc_slot}) {
    if (s != kNoSlot) out.push_back(s);
  }
  for (const auto& a : e.args) {
    if (a) collect_slots(*a, out);
  }
  if (e.subplan) collect_slots(*e.subplan, out);
}

// A subplan runs on its own copy of the row (its operators write into it).
// The first time the whole row is copied; after that only the slots the
// subplan names, so a long list elsewhere in the row (a pattern predicate
// inside [p IN posts WHERE ...]) is not copied once per evaluation.
struct SubplanRow {
  std::vector<query::plan::SlotId> slots;  // sorted, unique
  Row scratch;
  explicit SubplanRow(std::vector<query::plan::SlotId> s) : slots(std::move(s)) {
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  }
  Row& from(const Row& row) {
    if (scratch.size() != row.size()) {
      scratch = row;
    } else {
      for (auto s : slots) {
        if (s < row.size()) scratch[s] = row[s];
      }
    }
    return scratch;
  }
};

// The cache of a subplan's results (subplan_cache.h) and its key's
// subexpressions, compiled.
struct SubplanMemo {
  SubplanKey key_plan;
  std::vector<CompiledExprPtr> key_exprs;
  SubplanCache cache;
  std::vector<Value> key;

  // Fills `key` from the outer row; false: evaluate this time uncached.
  // A key too big to hash counts as a miss, so a node whose keys are
  // always too big soon stops building them.
  bool make_key(Row& row, ExecContext& ctx) {
    if (!key_plan.cacheable || !cache.enabled() || ctx.txn.writable()) return false;
    key.clear();
    size_t bytes = 0;
    auto add = [&](const Value& v) {
      bytes += SubplanCache::key_bytes(v);
      if (bytes > SubplanCache::kMaxKeyBytes) return false;
      key.push_back(v);
      return true;
    };
    bool small = true;
    for (auto s : key_plan.slots) {
      small = small && add(s < row.size() ? row[s] : Value{});
    }
    try {
      Value scratch;
      for (auto& e : key_exprs) {
        small = small && add(e->eval_ref(row, ctx, scratch));
      }
    } catch (const Error& e) {
      if (e.code() == ErrorCode::Timeout || e.code() == ErrorCode::Cancelled) throw;
      return false;
    }
    if (!small) cache.miss();
    return small;
  }
};

struct ExistsNode final : CompiledExpr {
  OperatorPtr subplan;
  SubplanRow rows;
  SubplanMemo memo;
  explicit ExistsNode(std::vector<query::plan::SlotId> slots) : rows(std::move(slots)) {}
  Value eval(Row& row, ExecContext& ctx) override {
    const bool keyed = memo.make_key(row, ctx);
    if (keyed) {
      if (const Value* hit = memo.cache.find(memo.key)) return *hit;
    }
    Row& scratch = rows.from(row);
    subplan->open(scratch);
    Value out = subplan->next(scratch);
    if (keyed) memo.cache.insert(std::move(memo.key), out);
    return out;
  }
};

struct PatternComprehensionNode final : CompiledExpr {
  OperatorPtr subplan;
  CompiledExprPtr projection;
  SubplanRow rows;
  SubplanMemo memo;
  explicit PatternComprehensionNode(std::vector<query::plan::SlotId> slots)
      : rows(std::move(slots)) {}
  Value eval(Row& row, ExecContext& ctx) override {
    const bool keyed = memo.make_key(row, ctx);
    if (keyed) {
      if (const Value* hit = memo.cache.find(memo.key)) return *hit;
    }
    Row& scratch = rows.from(row);
    subplan->open(scratch);
    Value::List list;
    while (subplan->next(scratch)) {
      ctx.check_interrupt();
      list.push_back(projection->eval(scratch, ctx));
    }
    Value out = std::move(list);
    if (keyed) memo.cache.insert(std::move(memo.key), out);
    return out;
  }
};

// Time windows relative to the statement's `now`.
struct WithinNode final : CompiledExpr {
  CompiledExprPtr value, amount;
  query::ast::TimeUnit unit;
  Value eval(Row& row, ExecContext& ctx) override {
    Value v = value->eval(row, ctx);
    Value n = amount->eval(row, ctx);
    if (v.is_null() || n.is_null()) return {};
    if (n.type() != ValueType::Int) {
      throw Error(ErrorCode::TypeError, "WITHIN needs an INT64 amount, got " + kind_name(n));
    }
    Duration back;
    const int64_t k = n.as_int();
    switch (unit) {
      case query::ast::TimeUnit::Minute: back.micros = k * 60'000'000; break;
      case query::ast::TimeUnit::Hour: back.micros = k * 3'600'000'000; break;
      case query::ast::TimeUnit::Day: back.days = k; break;
      case query::ast::TimeUnit::Week: back.days = 7 * k; break;
      case query::ast::TimeUnit::Month: back.months = k; break;
    }
    const DateTime now = ctx.eval.now;
    const DateTime start = add_duration(now, negate_duration(back));
    DateTime t;
    if (v.type() == ValueType::DateTime) {
      t = v.as_datetime();
    } else if (v.type() == ValueType::Date) {
      // A date is inside the window when any part of that day is.
      const int64_t day_start = int64_t{v.as_date().days} * 86'400'000'000;
      return day_start <= now.micros && day_start + 86'400'000'000 > start.micros;
    } else {
      throw Error(ErrorCode::TypeError, "WITHIN needs a DATE or TIMESTAMP, got " + kind_name(v));
    }
    return start.micros <= t.micros && t.micros <= now.micros;
  }
};

struct SinceNode final : CompiledExpr {
  CompiledExprPtr value, since;
  Value eval(Row& row, ExecContext& ctx) override {
    Value v = value->eval(row, ctx);
    Value s = since->eval(row, ctx);
    if (v.is_null() || s.is_null()) return {};
    auto as_micros = [](const Value& x, int64_t& out) {
      if (x.type() == ValueType::DateTime) out = x.as_datetime().micros;
      else if (x.type() == ValueType::Date) out = int64_t{x.as_date().days} * 86'400'000'000;
      else return false;
      return true;
    };
    int64_t a, b;
    if (!as_micros(v, a) || !as_micros(s, b)) {
      throw Error(ErrorCode::TypeError,
                  "SINCE compares dates or timestamps, got " + kind_name(v) + " and " + kind_name(s));
    }
    return a >= b;
  }
};

// Adds the expression's position and text to errors raised beneath it.
struct PositionedNode final : CompiledExpr {
  CompiledExprPtr inner;
  const Expr* source;
  std::shared_ptr<EvalEpoch> epoch;
  Value eval(Row& row, ExecContext& ctx) override {
    ++epoch->value;
    try {
      return inner->eval(row, ctx);
    } catch (const Error& e) {
      rethrow_positioned(e);
    }
  }
  const Value& eval_ref(Row& row, ExecContext& ctx, Value& scratch) override {
    ++epoch->value;
    try {
      return inner->eval_ref(row, ctx, scratch);
    } catch (const Error& e) {
      rethrow_positioned(e);
    }
  }
  Tri test(Row& row, ExecContext& ctx, const Expr& where) override {
    ++epoch->value;
    try {
      return inner->test(row, ctx, where);
    } catch (const Error& e) {
      rethrow_positioned(e);
    }
  }
  [[noreturn]] void rethrow_positioned(const Error& e) {
    if (e.has_position() || e.code() == ErrorCode::Timeout || e.code() == ErrorCode::Cancelled) throw;
    std::string message = e.message();
    if (message.find(source->text) == std::string::npos && !source->text.empty()) {
      message += " (in " + source->text + ")";
    }
    throw Error(e.code(), message, source->pos.line, source->pos.column);
  }
};

class Compiler {
 public:
  Compiler(const SubplanBuilder& subplans, const SlotVersions& versions)
      : subplans_(subplans), versions_(versions) {}

  // Finds the property reads `v.key` the expression makes more than once on
  // one variable (not inside subplans, which are separate expressions).
  void find_repeated_reads(const Expr& e) {
    if (e.kind == ExprKind::Property && !e.args.empty() && e.args[0] &&
        e.args[0]->kind == ExprKind::Slot) {
      ++read_counts_[{e.args[0]->slot, e.name}];
    }
    for (const auto& a : e.args) {
      if (a) find_repeated_reads(*a);
    }
  }
  std::shared_ptr<EvalEpoch> epoch() const { return epoch_; }

  CompiledExprPtr operator()(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Constant: return std::make_unique<ConstantNode>(e.value);
      case ExprKind::Parameter: return std::make_unique<ParameterNode>(e.name);
      case ExprKind::Slot: return std::make_unique<SlotNode>(e.slot);
      case ExprKind::Property: return property(e);
      case ExprKind::HasLabels: return std::make_unique<HasLabelsNode>(arg(e, 0), e.names);
      case ExprKind::Not:
      case ExprKind::Negate:
      case ExprKind::IsNull:
      case ExprKind::IsNotNull: {
        auto n = std::make_unique<UnaryNode>();
        n->kind = e.kind;
        n->arg = arg(e, 0);
        n->source = &e;
        return n;
      }
      case ExprKind::And:
        if (e.args.size() == 2 && e.args[0] && e.args[0]->kind == ExprKind::HasLabels &&
            !e.args[0]->args.empty() && e.args[0]->args[0] &&
            e.args[0]->args[0]->kind == ExprKind::Slot) {
          auto n = binary<LabelLastAndNode>(e);
          auto* node = static_cast<LabelLastAndNode*>(n.get());
          node->slot = e.args[0]->args[0]->slot;
          node->labels = e.args[0]->names;
          return n;
        }
        if (auto range = column_range(e)) return range;
        return binary<LogicNode>(e);
      case ExprKind::Or:
      case ExprKind::Xor: return binary<LogicNode>(e);
      case ExprKind::Eq:
      case ExprKind::Ne:
      case ExprKind::Lt:
      case ExprKind::Le:
      case ExprKind::Gt:
      case ExprKind::Ge: return comparison(e);
      case ExprKind::Add:
      case ExprKind::Sub:
      case ExprKind::Mul:
      case ExprKind::Div:
      case ExprKind::Mod:
      case ExprKind::Pow: return binary<ArithmeticNode>(e);
      case ExprKind::In: return in(e);
      case ExprKind::StartsWith:
      case ExprKind::EndsWith:
      case ExprKind::Contains: return binary<StringPredicateNode>(e);
      case ExprKind::RegexMatch: return binary<RegexNode>(e);
      case ExprKind::Index: {
        auto n = std::make_unique<IndexNode>();
        n->base = arg(e, 0);
        n->index = arg(e, 1);
        return n;
      }
      case ExprKind::Slice: {
        auto n = std::make_unique<SliceNode>();
        n->base = arg(e, 0);
        n->from = optional_arg(e, 1);
        n->to = optional_arg(e, 2);
        return n;
      }
      case ExprKind::ListLiteral: {
        auto n = std::make_unique<ListNode>();
        for (const auto& a : e.args) n->items.push_back((*this)(*a));
        return n;
      }
      case ExprKind::MapLiteral: {
        auto n = std::make_unique<MapNode>();
        n->keys = e.names;
        for (const auto& a : e.args) n->values.push_back((*this)(*a));
        return n;
      }
      case ExprKind::Call: return call(e);
      case ExprKind::Case: {
        auto n = std::make_unique<CaseNode>();
        n->source = &e;
        size_t i = 0;
        if (e.has_subject) n->subject = arg(e, i++);
        const size_t end = e.args.size() - (e.has_else ? 1 : 0);
        for (; i + 1 < end; i += 2) {
          n->whens.push_back(arg(e, i));
          n->thens.push_back(arg(e, i + 1));
        }
        if (e.has_else) n->otherwise = arg(e, e.args.size() - 1);
        return n;
      }
      case ExprKind::ListComprehension: {
        written_.push_back(e.var_slot);
        auto n = std::make_unique<ListComprehensionNode>();
        n->list = arg(e, 0);
        n->where = optional_arg(e, 1);
        n->projection = optional_arg(e, 2);
        n->var = e.var_slot;
        n->source = &e;
        return n;
      }
      case ExprKind::Quantifier: {
        written_.push_back(e.var_slot);
        auto n = std::make_unique<QuantifierNode>();
        n->which = e.name;
        std::transform(n->which.begin(), n->which.end(), n->which.begin(), ::tolower);
        n->list = arg(e, 0);
        n->where = optional_arg(e, 1);
        n->var = e.var_slot;
        n->source = &e;
        return n;
      }
      case ExprKind::Reduce: {
        written_.push_back(e.var_slot);
        written_.push_back(e.acc_slot);
        auto n = std::make_unique<ReduceNode>();
        n->init = arg(e, 0);
        n->list = arg(e, 1);
        n->body = arg(e, 2);
        n->acc = e.acc_slot;
        n->var = e.var_slot;
        return n;
      }
      case ExprKind::Exists: {
        std::vector<query::plan::SlotId> slots;
        collect_slots(*e.subplan, slots);
        auto n = std::make_unique<ExistsNode>(std::move(slots));
        n->subplan = subplans_(*e.subplan);
        memo(n->memo, e);
        return n;
      }
      case ExprKind::PatternComprehension: {
        // The subplan and the projection (evaluated on the subplan's rows).
        std::vector<query::plan::SlotId> slots;
        collect_slots(e, slots);
        auto n = std::make_unique<PatternComprehensionNode>(std::move(slots));
        n->subplan = subplans_(*e.subplan);
        // The projection reads the subplan's rows, not the operator's.
        ++subplan_rows_;
        n->projection = arg(e, 0);
        --subplan_rows_;
        memo(n->memo, e);
        return n;
      }
      case ExprKind::Within: {
        auto n = std::make_unique<WithinNode>();
        n->value = arg(e, 0);
        n->amount = arg(e, 1);
        n->unit = e.unit;
        return n;
      }
      case ExprKind::Since: {
        auto n = std::make_unique<SinceNode>();
        n->value = arg(e, 0);
        n->since = arg(e, 1);
        return n;
      }
    }
    throw Error(ErrorCode::Internal, "cannot compile expression kind " +
                                         std::string(query::plan::expr_kind_name(e.kind)));
  }

 private:
  template <typename Node>
  CompiledExprPtr binary(const Expr& e) {
    auto n = std::make_unique<Node>();
    n->kind = e.kind;
    n->left = arg(e, 0);
    n->right = arg(e, 1);
    n->source = &e;
    return n;
  }

  // A ColumnRangeNode for `x AND y` when both are column comparisons of
  // the same variable's property; null otherwise.
  CompiledExprPtr column_range(const Expr& e) {
    if (e.args.size() != 2 || !e.args[0] || !e.args[1]) return nullptr;
    auto read_of = [](const Expr& c) -> const Expr* {
      switch (c.kind) {
        case ExprKind::Eq: case ExprKind::Ne: case ExprKind::Lt:
        case ExprKind::Le: case ExprKind::Gt: case ExprKind::Ge: break;
        default: return nullptr;
      }
      return column_comparison_read(c);
    };
    const Expr* a = read_of(*e.args[0]);
    const Expr* b = read_of(*e.args[1]);
    if (!a || !b || a->args[0]->slot != b->args[0]->slot || a->name != b->name) return nullptr;
    auto n = binary<ColumnRangeNode>(e);
    auto* node = static_cast<ColumnRangeNode*>(n.get());
    node->low = static_cast<ComparisonNode*>(node->left.get());
    node->high = static_cast<ComparisonNode*>(node->right.get());
    return n;
  }

  // For `<slot>.<key> op <constant or parameter>` (either way round): the
  // property read; null for other comparisons.
  static const Expr* column_comparison_read(const Expr& e) {
    if (e.args.size() != 2 || !e.args[0] || !e.args[1]) return nullptr;
    auto slot_property = [](const Expr& x) {
      return x.kind == ExprKind::Property && !x.args.empty() && x.args[0] &&
             x.args[0]->kind == ExprKind::Slot;
    };
    auto constant = [](const Expr& x) {
      return x.kind == ExprKind::Constant || x.kind == ExprKind::Parameter;
    };
    const Expr& l = *e.args[0];
    const Expr& r = *e.args[1];
    if (slot_property(l) && constant(r)) return &l;
    if (constant(l) && slot_property(r)) return &r;
    return nullptr;
  }

  CompiledExprPtr comparison(const Expr& e) {
    auto n = binary<ComparisonNode>(e);
    auto* node = static_cast<ComparisonNode*>(n.get());
    switch (e.kind) {
      case ExprKind::Eq: node->op = CmpOp::Eq; break;
      case ExprKind::Ne: node->op = CmpOp::Ne; break;
      case ExprKind::Lt: node->op = CmpOp::Lt; break;
      case ExprKind::Le: node->op = CmpOp::Le; break;
      case ExprKind::Gt: node->op = CmpOp::Gt; break;
      default: node->op = CmpOp::Ge; break;
    }
    if (const Expr* read = column_comparison_read(e)) {
      const bool left_read = read == e.args[0].get();
      auto c = std::make_unique<ComparisonNode::ColumnRead>();
      c->slot = read->args[0]->slot;
      c->key = read->name;
      c->property_left = left_read;
      c->constant = left_read ? node->right.get() : node->left.get();
      node->column = std::move(c);
    }
    return n;
  }

  CompiledExprPtr arg(const Expr& e, size_t i) {
    if (i >= e.args.size() || !e.args[i]) {
      throw Error(ErrorCode::Internal, "expression " + e.text + " lacks argument " + std::to_string(i));
    }
    return (*this)(*e.args[i]);
  }
  CompiledExprPtr optional_arg(const Expr& e, size_t i) {
    if (i >= e.args.size() || !e.args[i]) return nullptr;
    if (e.args[i]->kind == ExprKind::Constant && e.args[i]->value.is_null() &&
        e.kind == ExprKind::Slice) {
      return nullptr;
    }
    return (*this)(*e.args[i]);
  }

  CompiledExprPtr call(const Expr& e) {
    if (GraphFunction g = find_graph_function(e.name)) {
      auto n = std::make_unique<GraphCallNode>();
      n->fn = g;
      for (const auto& a : e.args) n->args.push_back((*this)(*a));
      return n;
    }
    const FunctionDef* def = find_function(e.name);
    if (!def) {
      throw Error(ErrorCode::UnknownFunction, "'" + e.name + "' is not a function", e.pos.line,
                  e.pos.column);
    }
    auto n = std::make_unique<ScalarCallNode>();
    n->def = def;
    for (const auto& a : e.args) n->args.push_back((*this)(*a));
    return n;
  }

  static bool statement_constant(const Expr& e) {
    if (e.kind == ExprKind::Constant || e.kind == ExprKind::Parameter) return true;
    if (e.kind != ExprKind::ListLiteral) return false;
    return std::all_of(e.args.begin(), e.args.end(), [](const auto& a) {
      return a && (a->kind == ExprKind::Constant || a->kind == ExprKind::Parameter);
    });
  }

  CompiledExprPtr in(const Expr& e) {
    const Expr* list_expr = e.args.size() > 1 ? e.args[1].get() : nullptr;
    if (list_expr && list_expr->kind == ExprKind::ListLiteral && !statement_constant(*list_expr)) {
      auto n = std::make_unique<InLiteralNode>();
      n->source = &e;
      n->item = arg(e, 0);
      for (const auto& a : list_expr->args) n->elements.push_back((*this)(*a));
      return n;
    }
    auto n = std::make_unique<InNode>();
    n->item = arg(e, 0);
    n->list = arg(e, 1);
    if (statement_constant(*list_expr)) {
      n->reuse = InNode::Reuse::Statement;
    } else if (list_expr->kind == ExprKind::Slot && versions_ && subplan_rows_ == 0 &&
               std::find(written_.begin(), written_.end(), list_expr->slot) == written_.end()) {
      n->version = versions_(list_expr->slot);
      if (n->version) n->reuse = InNode::Reuse::Version;
    }
    return n;
  }

  // The key of a subplan's cache: its subexpressions over outer values are
  // compiled on their own (evaluated on the outer row, not the subplan's).
  void memo(SubplanMemo& m, const Expr& e) {
    m.key_plan = subplan_key(e);
    if (!m.key_plan.cacheable) return;
    for (const Expr* k : m.key_plan.exprs) m.key_exprs.push_back(compile_expr(*k, subplans_));
  }

  CompiledExprPtr property(const Expr& e) {
    auto n = std::make_unique<PropertyNode>(arg(e, 0), e.name);
    const Expr& base = *e.args[0];
    // Not for a comprehension's variable or a pattern comprehension's rows:
    // those change within one evaluation.
    if (base.kind == ExprKind::Slot && subplan_rows_ == 0 &&
        std::find(written_.begin(), written_.end(), base.slot) == written_.end()) {
      const auto key = std::make_pair(base.slot, e.name);
      auto count = read_counts_.find(key);
      if (count != read_counts_.end() && count->second > 1) {
        auto& shared = shared_reads_[key];
        if (!shared) shared = std::make_shared<SharedRead>();
        n->shared = shared;
        n->epoch = epoch_;
      }
    }
    return n;
  }

  const SubplanBuilder& subplans_;
  const SlotVersions& versions_;
  std::map<std::pair<query::plan::SlotId, std::string>, int> read_counts_;
  std::map<std::pair<query::plan::SlotId, std::string>, std::shared_ptr<SharedRead>> shared_reads_;
  std::shared_ptr<EvalEpoch> epoch_ = std::make_shared<EvalEpoch>();
  // Slots written while the expression evaluates (comprehension variables):
  // their values change within one row.
  std::vector<query::plan::SlotId> written_;
  int subplan_rows_ = 0;  // > 0: compiling for rows of a pattern comprehension
};

}  // namespace

Tri to_tri(const Value& v, const Expr& where) {
  if (v.is_null()) return Tri::Null;
  if (v.type() == ValueType::Bool) return tri(v.as_bool());
  throw Error(ErrorCode::TypeError,
              "expected a BOOL but got " + kind_name(v) + " (" + where.text + ")", where.pos.line,
              where.pos.column);
}

CompiledExprPtr compile_expr(const Expr& expr, const SubplanBuilder& subplans,
                             const SlotVersions& versions, const Expr* blame) {
  auto n = std::make_unique<PositionedNode>();
  Compiler compiler(subplans, versions);
  compiler.find_repeated_reads(expr);
  n->inner = compiler(expr);
  n->epoch = compiler.epoch();
  n->source = blame ? blame : &expr;
  return n;
}

bool is_graph_function(std::string_view name) { return find_graph_function(name) != nullptr; }

}  // namespace kith::engine
