// Whether a clause observes the writes before it in its query, judged on the
// AST before the clause is planned (erring towards an Eager), and the Eager
// that makes it see all of their rows.
#include "query/planner/write_visibility.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <type_traits>

#include "query/planner/procedures.h"

namespace kith::query::planner {
namespace {

bool reads_store(const Op& op) {
  switch (op.kind) {
    case OpKind::AllNodesScan:
    case OpKind::LabelScan:
    case OpKind::IndexSeek:
    case OpKind::IndexRangeSeek:
    case OpKind::NodeByIdSeek:
    case OpKind::Expand:
    case OpKind::VarLengthExpand:
    case OpKind::ShortestPath:
    case OpKind::ProcedureCall:
    case OpKind::Merge: return true;
    default: break;
  }
  for (const auto& c : op.children)
    if (reads_store(*c)) return true;
  return false;
}

// At most one row comes out of `op` per run.
bool at_most_one_row(const Op& op) {
  switch (op.kind) {
    case OpKind::Argument: return true;
    case OpKind::Aggregate:
      if (op.items.empty()) return true;
      [[fallthrough]];
    case OpKind::Create:
    case OpKind::SetItems:
    case OpKind::Delete:
    case OpKind::Projection:
    case OpKind::Filter:
    case OpKind::Skip:
    case OpKind::Limit:
    case OpKind::Distinct:
    case OpKind::Sort:
    case OpKind::Top:
    case OpKind::Eager: return at_most_one_row(*op.children.at(0));
    default: return false;
  }
}

// Every write below `op` is done when `op` gives its first row: it reads all
// of its input first, or only one row flows (the writes had no other row to
// interleave with). No Eager is needed on top of it.
bool writes_complete(const Op& op) {
  switch (op.kind) {
    case OpKind::Argument:
    case OpKind::Aggregate:
    case OpKind::Sort:
    case OpKind::Top:
    case OpKind::Eager: return true;
    case OpKind::Projection:
    case OpKind::Filter:
    case OpKind::Distinct:
    case OpKind::Skip:
    case OpKind::Limit:
    case OpKind::Unwind: return writes_complete(*op.children.at(0));  // they write nothing
    default: return at_most_one_row(op);
  }
}

OpPtr eager(OpPtr op) {
  double rows = rows_of(op);
  ast::Pos pos = op->pos;
  auto e = make_op(OpKind::Eager, pos, std::move(op));
  e->estimated_rows = rows;
  return e;
}

// ---- What a clause observes of the writes before it.
enum Effect : unsigned {
  kContent = 1,    // properties and labels of existing entities (SET, REMOVE, MERGE)
  kStructure = 2,  // which entities and relationships exist (CREATE, MERGE, DELETE)
  kDeletion = 4,   // entities a later write of another row may still touch (DELETE)
};

// The writes since the last Eager.
struct PendingWrites {
  unsigned effects = 0;
  std::set<std::string> targets;  // variables SET/REMOVE wrote to
  bool any_target = false;        // a MERGE wrote to entities not named by one variable
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Functions that only use an entity's identity (or pass it on) when given one.
bool identity_only(const std::string& fn) {
  static const std::set<std::string> names = {"id",   "count", "collect", "size",
                                              "length", "nodes", "relationships", "head",
                                              "last", "tail",  "reverse", "coalesce"};
  return names.count(fn) > 0;
}

// Judges expressions in one scope; `scalars` are the value variables known
// never to hold a node, relationship or path (or a list or map of them).
struct Observer {
  const Scope& scope;
  std::set<std::string> scalars;

  bool scalar_var(const std::string& name) const {
    const Variable* v = scope.find(name);
    if (v && v->kind != VarKind::Value) return false;
    return scalars.count(name) > 0;
  }

  // Evaluates `body` with `var` bound to the elements of a list.
  template <typename F>
  auto with_element(const std::string& var, bool entity, F body) {
    bool had = scalars.count(var) > 0;
    if (entity) scalars.erase(var); else scalars.insert(var);
    auto r = body();
    if (had) scalars.insert(var); else scalars.erase(var);
    return r;
  }

  bool may_hold_entity(const ast::Expr& e) {
    using K = ast::ExprKind;
    auto any = [&](const std::vector<ast::ExprPtr>& xs) {
      return std::any_of(xs.begin(), xs.end(),
                         [&](const ast::ExprPtr& x) { return x && may_hold_entity(*x); });
    };
    switch (e.kind) {
      case K::Null: case K::Bool: case K::Int: case K::Float: case K::String: case K::Parameter:
      case K::CountStar: case K::Not: case K::Negate: case K::IsNull: case K::IsNotNull:
      case K::Or: case K::Xor: case K::And: case K::Eq: case K::Ne: case K::Lt: case K::Le:
      case K::Gt: case K::Ge: case K::Sub: case K::Mul: case K::Div: case K::Mod: case K::Pow:
      case K::In: case K::StartsWith: case K::EndsWith: case K::Contains: case K::RegexMatch:
      case K::HasLabels: case K::Quantifier: case K::PatternPredicate: case K::Exists:
      case K::Within: case K::Since: return false;
      case K::Variable: return !scalar_var(e.name);
      case K::Property: {
        // An entity's property is a property value; a map's entry may be anything.
        const ast::Expr& base = *e.args[0];
        if (base.kind == K::Variable) {
          const Variable* v = scope.find(base.name);
          if (v && (v->kind == VarKind::Node || v->kind == VarKind::Rel)) return false;
        }
        return may_hold_entity(base);
      }
      case K::Add: case K::List: case K::Map: return any(e.args);
      case K::Index: case K::Slice: return may_hold_entity(*e.args[0]);
      case K::Call: {
        std::string fn = lower(e.name);
        if (fn == "startnode" || fn == "endnode" || fn == "nodes" || fn == "relationships")
          return true;
        static const std::set<std::string> scalar_result = {
            "count", "sum", "avg", "id", "labels", "type", "keys", "properties", "size", "length",
            "exists", "tostring", "tointeger", "tofloat", "toboolean"};
        if (scalar_result.count(fn)) return false;
        return any(e.args);  // collect, head, coalesce, ...: whatever their arguments hold
      }
      case K::Case:
        return any(e.args) || (e.else_expr && may_hold_entity(*e.else_expr));
      case K::ListComprehension:
        if (!e.projection) return may_hold_entity(*e.args[0]);
        return with_element(e.variable, may_hold_entity(*e.args[0]),
                            [&] { return may_hold_entity(*e.projection); });
      default: return true;  // Reduce, PatternComprehension, ShortestPath
    }
  }

  // Which effects (Effect bits) evaluating `e` may observe.
  unsigned reads(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::PatternPredicate: case K::PatternComprehension: case K::ShortestPath:
      case K::Exists: return kContent | kStructure;
      default: break;
    }
    unsigned m = 0;
    if ((e.kind == K::Property || e.kind == K::Index) && may_hold_entity(*e.args[0]))
      m |= kContent;
    if (e.kind == K::HasLabels) m |= kContent;
    if (e.kind == K::Call && !identity_only(lower(e.name)))
      for (const auto& a : e.args)
        if (a && may_hold_entity(*a)) m |= kContent | kStructure;
    auto sub = [&](const ast::ExprPtr& x) {
      if (x) m |= reads(*x);
    };
    if (e.kind == K::ListComprehension || e.kind == K::Quantifier || e.kind == K::Reduce) {
      const ast::ExprPtr& list = e.kind == K::Reduce ? e.args[1] : e.args[0];
      sub(list);
      if (e.kind == K::Reduce) sub(e.args[0]);
      bool entity = may_hold_entity(*list);
      with_element(e.variable, entity, [&] {
        // The accumulator may come to hold anything the body gives.
        auto body = [&] {
          sub(e.where);
          sub(e.projection);
          return 0;
        };
        return e.kind == K::Reduce ? with_element(e.name, true, body) : body();
      });
      return m;
    }
    for (const auto& a : e.args) sub(a);
    sub(e.subject);
    sub(e.else_expr);
    sub(e.where);
    sub(e.projection);
    return m;
  }
};

// The value variables a WITH leaves that hold no entities.
std::set<std::string> projected_scalars(const ast::Projection& p, Observer& before) {
  std::set<std::string> out;
  if (p.star)
    for (const auto& name : before.scalars)
      if (before.scalar_var(name)) out.insert(name);
  for (const auto& item : p.items) {
    std::string name = item.alias;
    if (name.empty() && item.expr->kind == ast::ExprKind::Variable) name = item.expr->name;
    if (name.empty()) continue;
    if (before.may_hold_entity(*item.expr)) out.erase(name); else out.insert(name);
  }
  return out;
}

// What a WITH or RETURN observes: its expressions, and for RETURN the
// entities it hands out (their properties and labels are part of the result).
unsigned projection_reads(const ast::Projection& p, const ast::Expr* where, bool is_return,
                          Observer& before, const Scope& scope) {
  unsigned m = 0;
  for (const auto& item : p.items) {
    m |= before.reads(*item.expr);
    if (is_return && before.may_hold_entity(*item.expr)) m |= kContent;
  }
  if (is_return && p.star)
    for (const auto& v : scope.vars())
      if (!before.scalar_var(v.name)) m |= kContent;
  // WHERE and ORDER BY also see the projected names.
  Observer after{scope, before.scalars};
  for (const auto& name : projected_scalars(p, before)) after.scalars.insert(name);
  for (const auto& item : p.items)
    if (!item.alias.empty() && before.may_hold_entity(*item.expr)) after.scalars.erase(item.alias);
  if (where) m |= after.reads(*where);
  for (const auto& s : p.order_by) m |= after.reads(*s.expr);
  if (p.skip || p.limit) m |= kContent | kStructure;  // all the writes must happen first
  return m;
}

// What a write clause reads as it writes: its expressions, and MERGE's
// pattern (DELETE counts as reading everything; nothing streams past it).
template <typename C>
unsigned write_reads(const C& c, Observer& obs) {
  unsigned m = 0;
  if constexpr (std::is_same_v<C, ast::MergeClause> || std::is_same_v<C, ast::DeleteClause>) {
    m = kContent | kStructure;
  } else if constexpr (std::is_same_v<C, ast::CreateClause>) {
    for (const auto& part : c.patterns) {
      for (const auto& n : part.nodes)
        if (n.properties) m |= obs.reads(*n.properties);
      for (const auto& r : part.rels)
        if (r.properties) m |= obs.reads(*r.properties);
    }
  } else if constexpr (std::is_same_v<C, ast::SetClause>) {
    for (const auto& item : c.items) {
      if (item.value) {
        m |= obs.reads(*item.value);
        if (item.kind != ast::SetKind::Property && obs.may_hold_entity(*item.value))
          m |= kContent;  // SET n = m copies m's properties
      }
    }
  }
  return m;
}

// Whether a write clause must wait for the writes pending before it: it
// reads what they change (`reads`: write_reads), or its own writes could
// meet theirs in another order than clause by clause.
template <typename C>
bool write_needs_eager(const C& c, unsigned reads, const PendingWrites& pending) {
  if (!pending.effects) return false;
  if (pending.effects & kDeletion) return true;
  if constexpr (std::is_same_v<C, ast::MergeClause> || std::is_same_v<C, ast::DeleteClause>) {
    return true;  // MERGE matches patterns; DELETE could remove what later rows still write to
  } else if constexpr (std::is_same_v<C, ast::SetClause> || std::is_same_v<C, ast::RemoveClause>) {
    // SET / REMOVE: after other SET/REMOVEs only when all of them wrote to
    // the one variable this one writes to (each row then sees its own entity
    // in the same order as clause by clause).
    std::set<std::string> targets = pending.targets;
    for (const auto& item : c.items) targets.insert(item.variable);
    if ((pending.effects & kContent) && (pending.any_target || targets.size() > 1)) return true;
  }
  return (reads & pending.effects) != 0;
}

}  // namespace

struct WriteVisibility::State {
  PendingWrites pending;          // writes no Eager separates from the next clause yet
  bool eager_done = false;        // reads already separated from the first write
  bool reads_pending = false;     // something above the last Eager reads the store: an
                                  // expression, or a write that reads as it writes
  std::set<std::string> scalars;  // value variables that hold no entities
};

WriteVisibility::WriteVisibility() : state_(std::make_unique<State>()) {}
WriteVisibility::~WriteVisibility() = default;

OpPtr WriteVisibility::before(const ast::Clause& clause, const Scope& scope, OpPtr op) {
  PendingWrites& pending = state_->pending;
  bool& eager_done = state_->eager_done;
  bool& reads_pending = state_->reads_pending;
  std::set<std::string>& scalars = state_->scalars;
  Observer obs{scope, scalars};
  // The clause sees all of the pending writes' rows, not a prefix.
  auto separate = [&](bool needed) {
    if (!needed || !pending.effects || !op) return;
    if (!writes_complete(*op)) {
      op = eager(std::move(op));
      reads_pending = false;
    }
    pending = PendingWrites{};
  };
  auto write_clause = [&](const auto& c, unsigned effects) {
    unsigned reads = write_reads(c, obs);
    separate(write_needs_eager(c, reads, pending));
    // The reads feeding a write finish before it starts, so the write cannot
    // change what they see: scans and expansions since the last MATCH or
    // CALL, expressions (EXISTS, properties...) and writes that read above
    // the last Eager. Write operators take their rows as they come and rely
    // on it. With at most one row there is nothing to interleave.
    bool unfinished = (!eager_done && op && reads_store(*op)) ||
                      (reads_pending && op && !at_most_one_row(*op));
    if (unfinished && op->kind != OpKind::Eager) op = eager(std::move(op));
    eager_done = true;
    // What this write reads, a later write must not change under it.
    reads_pending = reads != 0;
    pending.effects |= effects;
  };
  auto read_clause = [&]() {
    separate(true);
    eager_done = false;
  };
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, ast::MatchClause>) {
          read_clause();
        } else if constexpr (std::is_same_v<T, ast::UnwindClause>) {
          unsigned m = obs.reads(*c.list);
          separate((m & pending.effects) != 0);
          if (m) reads_pending = true;
          if (obs.may_hold_entity(*c.list))
            scalars.erase(c.variable);
          else
            scalars.insert(c.variable);
        } else if constexpr (std::is_same_v<T, ast::WithClause>) {
          unsigned m = projection_reads(c.projection, c.where.get(), false, obs, scope);
          separate((m & pending.effects) != 0);
          if (m) reads_pending = true;
          scalars = projected_scalars(c.projection, obs);
        } else if constexpr (std::is_same_v<T, ast::ReturnClause>) {
          separate((projection_reads(c.projection, nullptr, true, obs, scope) &
                    pending.effects) != 0);
        } else if constexpr (std::is_same_v<T, ast::CreateClause>) {
          write_clause(c, kStructure);
        } else if constexpr (std::is_same_v<T, ast::MergeClause>) {
          write_clause(c, kStructure | kContent);
          pending.any_target = true;
        } else if constexpr (std::is_same_v<T, ast::SetClause> ||
                             std::is_same_v<T, ast::RemoveClause>) {
          write_clause(c, kContent);
          for (const auto& item : c.items) pending.targets.insert(item.variable);
        } else if constexpr (std::is_same_v<T, ast::DeleteClause>) {
          write_clause(c, kStructure | kContent | kDeletion);
        } else if constexpr (std::is_same_v<T, ast::CallClause>) {
          read_clause();
          // What it yields may hold anything.
          if (c.yield_star || c.yields.empty()) {
            if (const ProcedureInfo* proc = find_procedure(c.procedure))
              for (const auto& f : proc->fields) scalars.erase(std::string(f));
          } else {
            for (const auto& y : c.yields) scalars.erase(y.alias.empty() ? y.field : y.alias);
          }
        }
      },
      clause.body);
  return op;
}

}  // namespace kith::query::planner
