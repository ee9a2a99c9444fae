// CREATE, MERGE, SET/REMOVE and DELETE. A write operator takes its rows as
// they come: the planner puts an Eager below it wherever the reads feeding
// it could see its writes (query/planner/write_visibility.cpp), so a
// statement never sees its own writes halfway through a scan and LMDB
// cursors never walk a tree being changed.
#include <algorithm>

#include "engine/exec/builder.h"
#include "engine/eval/graph_functions.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;
using query::plan::SetKind;

std::string kind_name(const Value& v) { return std::string(value_type_name(v.type())); }

void check_storable(const std::string& key, const Value& v) {
  if (!is_storable(v.type())) {
    throw Error(ErrorCode::TypeError, "property '" + key + "' cannot hold a " + kind_name(v) +
                                          " (only numbers, strings, booleans, temporal values and lists of them)");
  }
  if (v.type() == ValueType::List) {
    for (const auto& e : v.as_list()) {
      if (e.is_null() || e.type() == ValueType::List || !is_storable(e.type())) {
        throw Error(ErrorCode::TypeError, "property '" + key + "' cannot hold a list containing " +
                                              kind_name(e));
      }
    }
  }
}

// A property map from a MAP value (nulls dropped), keys interned.
storage::Properties to_properties(const Value& map, ExecContext& ctx) {
  storage::Properties props;
  if (map.is_null()) return props;
  if (map.type() != ValueType::Map) {
    throw Error(ErrorCode::TypeError, "properties must be a MAP, got " + kind_name(map));
  }
  for (const auto& [k, v] : map.as_map()) {
    if (v.is_null()) continue;
    check_storable(k, v);
    props.emplace_back(ctx.txn.intern_prop_key(k), v);
  }
  std::sort(props.begin(), props.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ctx.forget_catalog();
  return props;
}

class WriteBase : public Operator {
 public:
  WriteBase(const Op& op, Builder& b) : ctx_(b.ctx()), child_(b.build(*op.children.at(0))) {}

  void do_open(Row& row) override {
    pending_.clear();
    child_->open(row);
    finished_ = false;
  }

  bool do_next(Row& row) override {
    for (;;) {
      if (!pending_.empty()) {
        row = std::move(pending_.back());
        pending_.pop_back();
        return true;
      }
      if (!child_->next(row)) {
        if (!finished_) {
          finished_ = true;
          finish();
        }
        return false;
      }
      ctx_.check_interrupt();
      if (write(row)) return true;
    }
  }

 protected:
  // Applies this operator to one input row; true to emit it. Extra rows to
  // emit (MERGE matching several) go to pending_ (emitted last-first).
  virtual bool write(Row& row) = 0;
  virtual void finish() {}

  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<Row> pending_;

 private:
  bool finished_ = false;
};

struct CompiledNodeSpec {
  query::plan::SlotId slot;
  std::vector<std::string> labels;
  CompiledExprPtr properties;
};
struct CompiledRelSpec {
  query::plan::SlotId slot, start, end;
  std::string type;
  CompiledExprPtr properties;
};

struct CompiledSetItem {
  SetKind kind;
  CompiledExprPtr target, value;
  std::string name;
  std::vector<std::string> names;
};

class Creator {
 public:
  Creator(const Op& op, Builder& b) {
    for (const auto& n : op.node_specs) {
      nodes_.push_back({n.slot, n.labels, b.optional_expr(n.properties)});
    }
    for (const auto& r : op.rel_specs) {
      rels_.push_back({r.slot, r.start, r.end, r.type, b.optional_expr(r.properties)});
    }
  }

  void create(Row& row, ExecContext& ctx) {
    for (auto& n : nodes_) {
      std::vector<LabelId> labels;
      for (const auto& l : n.labels) labels.push_back(ctx.txn.intern_label(l));
      std::sort(labels.begin(), labels.end());
      labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
      storage::Properties props =
          n.properties ? to_properties(n.properties->eval(row, ctx), ctx) : storage::Properties{};
      row[n.slot] = NodeRef{ctx.txn.create_node(labels, std::move(props))};
    }
    for (auto& r : rels_) {
      const Value& a = row[r.start];
      const Value& z = row[r.end];
      if (a.type() != ValueType::Node || z.type() != ValueType::Node) {
        throw Error(ErrorCode::SemanticError,
                    "cannot create a relationship to or from null (an OPTIONAL MATCH found nothing)");
      }
      const RelTypeId type = ctx.txn.intern_rel_type(r.type);
      storage::Properties props =
          r.properties ? to_properties(r.properties->eval(row, ctx), ctx) : storage::Properties{};
      const RelId id = ctx.txn.create_rel(type, a.as_node().id, z.as_node().id, std::move(props));
      if (r.slot != query::plan::kNoSlot) row[r.slot] = RelRef{id, type, a.as_node().id, z.as_node().id};
    }
    ctx.forget_catalog();
  }

 private:
  std::vector<CompiledNodeSpec> nodes_;
  std::vector<CompiledRelSpec> rels_;
};

std::vector<CompiledSetItem> compile_items(const std::vector<query::plan::SetItem>& items, Builder& b) {
  std::vector<CompiledSetItem> out;
  for (const auto& i : items) {
    out.push_back({i.kind, b.expr(*i.target), b.optional_expr(i.value), i.name, i.names});
  }
  return out;
}

void set_property(const Value& target, const std::string& key, const Value& v, ExecContext& ctx) {
  if (!v.is_null()) check_storable(key, v);
  std::optional<PropKeyId> id;
  if (v.is_null()) {
    id = ctx.txn.find_prop_key(key);
    if (!id) return;  // removing a key nobody has
  } else {
    id = ctx.txn.intern_prop_key(key);
    ctx.forget_catalog();
  }
  if (target.type() == ValueType::Node) {
    ctx.txn.set_node_property(target.as_node().id, *id, v);
  } else {
    ctx.txn.set_rel_property(target.as_rel().id, *id, v);
  }
}

void apply_items(std::vector<CompiledSetItem>& items, Row& row, ExecContext& ctx) {
  for (auto& item : items) {
    Value target = item.target->eval(row, ctx);
    if (target.is_null()) continue;  // SET on an OPTIONAL MATCH miss does nothing
    const bool node = target.type() == ValueType::Node;
    if (!node && target.type() != ValueType::Rel) {
      throw Error(ErrorCode::TypeError, "SET/REMOVE needs a NODE or RELATIONSHIP, got " + kind_name(target));
    }
    switch (item.kind) {
      case SetKind::Property: set_property(target, item.name, item.value->eval(row, ctx), ctx); break;
      case SetKind::RemoveProperty: set_property(target, item.name, Value(), ctx); break;
      case SetKind::ReplaceAll:
      case SetKind::MergeAll: {
        Value m = item.value->eval(row, ctx);
        if (m.type() == ValueType::Node) m = node_properties(m.as_node().id, ctx);
        else if (m.type() == ValueType::Rel) m = rel_properties(m.as_rel().id, ctx);
        if (m.type() != ValueType::Map) {
          throw Error(ErrorCode::TypeError, "SET needs a MAP, got " + kind_name(m));
        }
        if (item.kind == SetKind::ReplaceAll) {
          Value::Map old = node ? node_properties(target.as_node().id, ctx)
                                : rel_properties(target.as_rel().id, ctx);
          for (const auto& [k, v] : old) {
            if (!m.map_get(k)) set_property(target, k, Value(), ctx);
          }
        }
        for (const auto& [k, v] : m.as_map()) set_property(target, k, v, ctx);
        break;
      }
      case SetKind::AddLabels:
      case SetKind::RemoveLabels:
        if (!node) throw Error(ErrorCode::TypeError, "only nodes have labels");
        for (const auto& l : item.names) {
          if (item.kind == SetKind::AddLabels) {
            ctx.txn.add_node_label(target.as_node().id, ctx.txn.intern_label(l));
            ctx.forget_catalog();
          } else if (auto id = ctx.txn.find_label(l)) {
            ctx.txn.remove_node_label(target.as_node().id, *id);
          }
        }
        break;
    }
  }
}

class CreateOp final : public WriteBase {
 public:
  CreateOp(const Op& op, Builder& b) : WriteBase(op, b), creator_(op, b) {}
  bool write(Row& row) override {
    creator_.create(row, ctx_);
    return true;
  }

 private:
  Creator creator_;
};

class MergeOp final : public WriteBase {
 public:
  MergeOp(const Op& op, Builder& b)
      : WriteBase(op, b), match_(b.build(*op.children.at(1))), creator_(op, b),
        on_create_(compile_items(op.on_create, b)), on_match_(compile_items(op.on_match, b)) {}

  bool write(Row& row) override {
    std::vector<Row> found;
    Row probe = row;
    match_->open(probe);
    while (match_->next(probe)) found.push_back(probe);
    if (found.empty()) {
      creator_.create(row, ctx_);
      apply_items(on_create_, row, ctx_);
      return true;
    }
    for (auto& r : found) apply_items(on_match_, r, ctx_);
    row = std::move(found.front());
    for (size_t i = found.size(); i-- > 1;) pending_.push_back(std::move(found[i]));
    return true;
  }

 private:
  OperatorPtr match_;
  Creator creator_;
  std::vector<CompiledSetItem> on_create_, on_match_;
};

class SetItemsOp final : public WriteBase {
 public:
  SetItemsOp(const Op& op, Builder& b) : WriteBase(op, b), items_(compile_items(op.set_items, b)) {}
  bool write(Row& row) override {
    apply_items(items_, row, ctx_);
    return true;
  }

 private:
  std::vector<CompiledSetItem> items_;
};

// Relationships are deleted as rows arrive; nodes at the end, so that
// `MATCH (n)-[r]-() DELETE r, n` works whatever order the rows come in.
class DeleteOp final : public WriteBase {
 public:
  DeleteOp(const Op& op, Builder& b) : WriteBase(op, b), detach_(op.detach) {
    for (const auto& e : op.exprs) targets_.push_back(b.expr(*e));
  }
  bool write(Row& row) override {
    for (auto& t : targets_) remove(t->eval(row, ctx_));
    return true;
  }
  void finish() override {
    for (NodeId n : nodes_) {
      if (ctx_.txn.node_exists(n)) ctx_.txn.delete_node(n, detach_);
    }
  }

 private:
  void remove(const Value& v) {
    switch (v.type()) {
      case ValueType::Null: return;
      case ValueType::Node: nodes_.push_back(v.as_node().id); return;
      case ValueType::Rel:
        if (ctx_.txn.rel_exists(v.as_rel().id)) ctx_.txn.delete_rel(v.as_rel().id);
        return;
      case ValueType::Path:
        for (const auto& r : v.as_path().rels) remove(Value(r));
        for (NodeId n : v.as_path().nodes) nodes_.push_back(n);
        return;
      case ValueType::List:
        for (const auto& e : v.as_list()) remove(e);
        return;
      default:
        throw Error(ErrorCode::TypeError, "DELETE needs a NODE, RELATIONSHIP or PATH, got " + kind_name(v));
    }
  }

  bool detach_;
  std::vector<CompiledExprPtr> targets_;
  std::vector<NodeId> nodes_;
};

}  // namespace

OperatorPtr make_write(const Op& op, Builder& b) {
  switch (op.kind) {
    case OpKind::Create: return std::make_unique<CreateOp>(op, b);
    case OpKind::Merge: return std::make_unique<MergeOp>(op, b);
    case OpKind::SetItems: return std::make_unique<SetItemsOp>(op, b);
    case OpKind::Delete: return std::make_unique<DeleteOp>(op, b);
    default: throw Error(ErrorCode::Internal, "not a write operator");
  }
}

}  // namespace kith::engine
