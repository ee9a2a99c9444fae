#include "engine/exec/builder.h"

#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;

// Passes rows through: the root's columns are read by the caller.
class PassThroughOp final : public Operator {
 public:
  explicit PassThroughOp(OperatorPtr child) : child_(std::move(child)) {}
  void open(Row& row) override { child_->open(row); }
  bool next(Row& row) override { return child_->next(row); }

 private:
  OperatorPtr child_;
};

// PROFILE: counts rows and measures time (including the children's) of the
// operator it wraps.
class ProfiledOp final : public Operator {
 public:
  explicit ProfiledOp(OperatorPtr inner) : inner_(std::move(inner)) {}
  void open(Row& row) override {
    const auto t0 = std::chrono::steady_clock::now();
    inner_->open(row);
    time += std::chrono::steady_clock::now() - t0;
  }
  bool next(Row& row) override {
    const auto t0 = std::chrono::steady_clock::now();
    const bool more = inner_->next(row);
    time += std::chrono::steady_clock::now() - t0;
    if (more) ++rows_out;
    return more;
  }

 private:
  OperatorPtr inner_;
};

}  // namespace

OperatorPtr Builder::build(const Op& op) {
  OperatorPtr out;
  switch (op.kind) {
    case OpKind::Argument:
    case OpKind::AllNodesScan:
    case OpKind::LabelScan:
    case OpKind::IndexSeek:
    case OpKind::IndexRangeSeek:
    case OpKind::NodeByIdSeek: out = make_scan(op, *this); break;
    case OpKind::Expand: out = make_expand(op, *this); break;
    case OpKind::VarLengthExpand: out = make_var_length_expand(op, *this); break;
    case OpKind::ShortestPath: out = make_shortest_path(op, *this); break;
    case OpKind::Filter:
    case OpKind::Projection:
    case OpKind::Skip:
    case OpKind::Limit:
    case OpKind::Unwind:
    case OpKind::Distinct:
    case OpKind::Eager: out = make_row_operator(op, *this); break;
    case OpKind::Sort:
    case OpKind::Top: out = make_sort(op, *this); break;
    case OpKind::Aggregate: out = make_aggregate(op, *this); break;
    case OpKind::Apply:
    case OpKind::OptionalApply:
    case OpKind::Union: out = make_apply(op, *this); break;
    case OpKind::Create:
    case OpKind::Merge:
    case OpKind::SetItems:
    case OpKind::Delete: out = make_write(op, *this); break;
    case OpKind::ProcedureCall: out = make_procedure_call(op, *this); break;
    case OpKind::ProduceResults:
      out = std::make_unique<PassThroughOp>(build(*op.children.at(0)));
      break;
    case OpKind::SchemaCommand:
      throw Error(ErrorCode::Internal, "a schema command is not an operator");
  }
  if (profile_) out = std::make_unique<ProfiledOp>(std::move(out));
  out->plan_index = static_cast<int>(op.index);
  all_.push_back(out.get());
  return out;
}

CompiledExprPtr Builder::expr(const query::plan::Expr& e) {
  return compile_expr(e, [this](const Op& sub) { return build(sub); });
}

}  // namespace kith::engine
