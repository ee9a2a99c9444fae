// Catalog procedures: CALL db.labels(), db.relationshipTypes(),
// db.propertyKeys(), db.indexes(), db.schema().
#include <algorithm>
#include <map>

#include "engine/algorithms/page_rank.h"
#include "engine/exec/builder.h"
#include "engine/exec/executor.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::SlotId;

using Record = std::map<std::string, Value>;

std::string string_arg(const std::string& proc, const std::vector<Value>& args, size_t i,
                       const char* what) {
  if (i >= args.size() || args[i].type() != ValueType::String) {
    throw Error(ErrorCode::TypeError, proc + "() expects " + what + " (a STRING) as argument " +
                                          std::to_string(i + 1));
  }
  return args[i].as_string();
}

std::vector<Record> run_procedure(const std::string& name, const std::vector<Value>& args,
                                  ExecContext& ctx) {
  std::vector<Record> out;
  auto& txn = ctx.txn;
  if (name == "algo.pageRank") {
    // Highest rank first; ties by node id.
    auto ranks = page_rank(ctx, string_arg(name, args, 0, "a label"),
                           string_arg(name, args, 1, "a relationship type"));
    std::stable_sort(ranks.begin(), ranks.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [node, score] : ranks) out.push_back({{"node", NodeRef{node}}, {"score", score}});
    return out;
  }
  if (name == "db.labels") {
    for (auto& [id, label] : txn.labels()) {
      if (txn.node_count(id) > 0) out.push_back({{"label", label}});
    }
  } else if (name == "db.relationshipTypes") {
    for (auto& [id, type] : txn.rel_types()) {
      if (txn.rel_count(id) > 0) out.push_back({{"relationshipType", type}});
    }
  } else if (name == "db.propertyKeys") {
    for (auto& [id, key] : txn.prop_keys()) out.push_back({{"propertyKey", key}});
  } else if (name == "db.indexes" || name == "db.schema") {
    for (const auto& def : txn.indexes()) {
      const std::string label = txn.label_name(def.label);
      const std::string key = txn.prop_key_name(def.key);
      if (name == "db.indexes") {
        out.push_back({{"name", index_name(def, txn)},
                       {"label", label},
                       {"properties", Value::List{Value(key)}},
                       {"unique", def.unique}});
      } else {
        out.push_back({{"label", label}, {"property", key}, {"indexed", true}, {"unique", def.unique}});
      }
    }
  } else {
    throw Error(ErrorCode::UnknownProcedure, "there is no procedure " + name);
  }
  std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    return a.begin()->second.to_string() < b.begin()->second.to_string();
  });
  return out;
}

class ProcedureCallOp final : public Operator {
 public:
  ProcedureCallOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), name_(op.names.at(0)),
        fields_(op.names.begin() + 1, op.names.end()), slots_(op.slots) {
    for (const auto& e : op.exprs) args_.push_back(b.expr(*e));
  }
  void do_open(Row& row) override {
    child_->open(row);
    records_.clear();
    pos_ = 0;
  }
  bool do_next(Row& row) override {
    for (;;) {
      if (pos_ < records_.size()) {
        const Record& r = records_[pos_++];
        for (size_t i = 0; i < slots_.size() && i < fields_.size(); ++i) {
          auto it = r.find(fields_[i]);
          row[slots_[i]] = it == r.end() ? Value() : it->second;
        }
        return true;
      }
      if (!child_->next(row)) return false;
      std::vector<Value> args;
      for (auto& a : args_) args.push_back(a->eval(row, ctx_));
      records_ = run_procedure(name_, args, ctx_);
      pos_ = 0;
    }
  }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  std::string name_;
  std::vector<std::string> fields_;
  std::vector<SlotId> slots_;
  std::vector<CompiledExprPtr> args_;
  std::vector<Record> records_;
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_procedure_call(const Op& op, Builder& b) {
  return std::make_unique<ProcedureCallOp>(op, b);
}

}  // namespace kith::engine
