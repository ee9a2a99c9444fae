#include "engine/exec/builder.h"

#include <algorithm>

#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;
using query::plan::SlotId;

// Passes rows through: the root's columns are read by the caller.
class PassThroughOp final : public Operator {
 public:
  explicit PassThroughOp(OperatorPtr child) : child_(std::move(child)) {}
  void do_open(Row& row) override { child_->open(row); }
  bool do_next(Row& row) override { return child_->next(row); }

 private:
  OperatorPtr child_;
};

// PROFILE: counts rows and measures time (including the children's) of the
// operator it wraps.
class ProfiledOp final : public Operator {
 public:
  explicit ProfiledOp(OperatorPtr inner) : inner_(std::move(inner)) {}
  void do_open(Row& row) override {
    const auto t0 = std::chrono::steady_clock::now();
    inner_->open(row);
    time += std::chrono::steady_clock::now() - t0;
  }
  bool do_next(Row& row) override {
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
  building_.push_back(&op);
  struct Pop {
    std::vector<const Op*>& v;
    ~Pop() { v.pop_back(); }
  } pop{building_};
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
    case OpKind::Top:
    case OpKind::TopBound: out = make_sort(op, *this); break;
    case OpKind::Aggregate: out = make_aggregate(op, *this); break;
    case OpKind::Apply:
    case OpKind::OptionalApply:
    case OpKind::Union: out = make_apply(op, *this); break;
    case OpKind::HashJoin: out = make_hash_join(op, *this); break;
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
  built_[&op] = out.get();
  return out;
}

namespace {
// Never run: it only carries the PROFILE figures of an operator that runs
// inside another.
class StandInOp final : public Operator {
 protected:
  void do_open(Row&) override {}
  bool do_next(Row&) override { return false; }
};
}  // namespace

void Builder::offer_bound(const Op& below, BoundOffer offer) {
  bound_for_ = &below;
  bound_offer_ = std::move(offer);
}

std::optional<Builder::BoundOffer> Builder::take_bound(const Op& op) {
  if (bound_for_ != &op) return std::nullopt;
  bound_for_ = nullptr;
  return std::move(bound_offer_);
}

Operator* Builder::fused_stand_in(const Op& op) {
  stand_ins_.push_back(std::make_unique<StandInOp>());
  Operator* s = stand_ins_.back().get();
  s->plan_index = static_cast<int>(op.index);
  s->fused = true;
  all_.push_back(s);
  return s;
}

std::shared_ptr<TopBoundState> Builder::publish_top_bound(uint32_t link) {
  auto state = std::make_shared<TopBoundState>();
  top_bounds_[link] = state;
  return state;
}

std::shared_ptr<TopBoundState> Builder::take_top_bound(uint32_t link) {
  auto it = top_bounds_.find(link);
  if (it == top_bounds_.end()) return nullptr;
  auto state = std::move(it->second);
  top_bounds_.erase(it);
  return state;
}

CompiledExprPtr Builder::expr(const query::plan::Expr& e) {
  return compile_expr(e, [this](const Op& sub) { return build(sub); });
}

CompiledExprPtr Builder::row_expr(const query::plan::Expr& e, const query::plan::Expr* blame) {
  const Op* reader = building_.empty() ? nullptr : building_.back();
  auto subplans = [this](const Op& sub) { return build(sub); };
  if (!reader) return compile_expr(e, subplans, {}, blame);
  return compile_expr(e, subplans,
                      [this, reader](SlotId slot) { return slot_version(*reader, slot); }, blame);
}

// Walks down from the reader's child to the nearest operator that may write
// `slot`: the reader sees a new value only after that operator produced a
// new row. Rows pass through the operators in between unchanged in `slot`
// (the planner never gives a slot to two variables). A slot nobody below
// writes comes from the argument row, which changes only when the leaf is
// opened again. Operators not known here count as writers (always safe).
const uint64_t* Builder::slot_version(const Op& reader, SlotId slot) {
  if (reader.children.empty()) return nullptr;
  const Op* cur = reader.children[0].get();
  bool by_opens = false;
  for (;;) {
    bool descend = false;
    switch (cur->kind) {
      case OpKind::Filter:
      case OpKind::Skip:
      case OpKind::Limit:
      case OpKind::Distinct:
      case OpKind::TopBound:
      case OpKind::ProduceResults: descend = true; break;
      case OpKind::Projection:
        descend = std::none_of(cur->items.begin(), cur->items.end(),
                               [&](const auto& item) { return item.slot == slot; });
        break;
      case OpKind::Expand:
      case OpKind::VarLengthExpand:
      case OpKind::ShortestPath:
        descend = slot != cur->rel && slot != cur->to && slot != cur->path_slot;
        break;
      case OpKind::Unwind: descend = slot != cur->slot; break;
      case OpKind::OptionalApply:
      case OpKind::Apply:
        // Rows come from the inner side, opened again for every outer row.
        descend = std::find(cur->slots.begin(), cur->slots.end(), slot) == cur->slots.end();
        if (descend) {
          cur = cur->children.at(1).get();
          continue;
        }
        break;
      case OpKind::Argument: by_opens = true; break;
      case OpKind::AllNodesScan:
      case OpKind::LabelScan:
      case OpKind::IndexSeek:
      case OpKind::IndexRangeSeek:
      case OpKind::NodeByIdSeek: by_opens = slot != cur->slot; break;
      default: break;
    }
    if (!descend) break;
    if (cur->children.empty()) return nullptr;
    cur = cur->children[0].get();
  }
  auto it = built_.find(cur);
  if (it == built_.end()) return nullptr;
  return by_opens ? &it->second->opens : &it->second->produced;
}

}  // namespace kith::engine
