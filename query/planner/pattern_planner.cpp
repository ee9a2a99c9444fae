// MATCH patterns -> scans, seeks and expansions. Greedy: while something is
// unplanned, expand along a relationship with a bound end (the cheapest by
// estimate; both ends bound: `into`), else plan shortest paths whose ends
// are bound, else start a new component at the best unbound node (id seek >
// index seek > index range seek > smallest label scan > all nodes). After
// every step, each predicate whose variables are all bound becomes a Filter.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "query/planner/expr_text.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

using PK = plan::ExprKind;

struct PNode {
  std::string name;
  SlotId slot = plan::kNoSlot;
  ast::Pos pos;
  bool bound = false;
  std::vector<std::string> labels;  // single-label groups: scan candidates, estimates
};

struct PRel {
  const ast::RelPattern* pattern = nullptr;
  const ast::PatternPart* part = nullptr;
  size_t left = 0, right = 0;  // PNode indices
  SlotId slot = plan::kNoSlot;
  std::string name;
  bool done = false;
  bool shortest = false;
};

struct Conjunct {
  ExprPtr expr;
  std::set<SlotId> deps;
  bool used = false;
};

void slot_refs(const plan::Expr& e, std::set<SlotId>& out, bool& opaque) {
  if (e.kind == PK::Slot) out.insert(e.slot);
  if (e.subplan || e.var_slot != plan::kNoSlot) opaque = true;
  for (const auto& a : e.args)
    if (a) slot_refs(*a, out, opaque);
}

// True when `e` can be evaluated before any slot outside `bound` is set.
bool computable(const plan::Expr& e, const std::set<SlotId>& bound) {
  std::set<SlotId> refs;
  bool opaque = false;
  slot_refs(e, refs, opaque);
  if (opaque) return false;
  for (SlotId s : refs)
    if (!bound.count(s)) return false;
  return true;
}

bool is_property_of(const plan::Expr& e, SlotId slot) {
  return e.kind == PK::Property && e.args[0] && e.args[0]->kind == PK::Slot &&
         e.args[0]->slot == slot;
}

bool is_id_of(const plan::Expr& e, SlotId slot) {
  return e.kind == PK::Call && e.name == "id" && e.args.size() == 1 &&
         e.args[0]->kind == PK::Slot && e.args[0]->slot == slot;
}

PK flip(PK k) {
  switch (k) {
    case PK::Lt: return PK::Gt;
    case PK::Le: return PK::Ge;
    case PK::Gt: return PK::Lt;
    case PK::Ge: return PK::Le;
    default: return k;
  }
}

void split_and(const ast::Expr& e, std::vector<const ast::Expr*>& out) {
  if (e.kind == ast::ExprKind::And) {
    split_and(*e.args[0], out);
    split_and(*e.args[1], out);
  } else {
    out.push_back(&e);
  }
}

double selectivity(const plan::Expr& e, const PlanContext& ctx) {
  switch (e.kind) {
    case PK::Eq: return 0.1;
    case PK::HasLabels: {
      double total = std::max<double>(1, ctx.stats.total_nodes());
      double s = 1;
      for (const auto& l : e.names) s *= std::min(1.0, ctx.stats.node_count(l) / total);
      return s;
    }
    case PK::And: return selectivity(*e.args[0], ctx) * selectivity(*e.args[1], ctx);
    default: return 0.5;
  }
}

class PatternPlanner {
 public:
  // `reuse`: slots to give the named variables the pattern declares, in
  // place of fresh ones (a second plan of the same pattern, see
  // hash_join_planner.cpp, binds the same slots as the first).
  PatternPlanner(Planner& p, Scope& scope, bool optional,
                 const std::map<std::string, SlotId>* reuse = nullptr)
      : planner_(p), ctx_(p.ctx()), scope_(scope), optional_(optional), reuse_(reuse) {
    for (const auto& v : scope.vars()) bound_.insert(v.slot);
  }

  OpPtr run(OpPtr input, const std::vector<ast::PatternPart>& parts, const ast::Expr* where,
            std::vector<SlotId>* new_slots) {
    plan_ = std::move(input);
    register_variables(parts);
    if (where) {
      std::vector<const ast::Expr*> conjuncts;
      split_and(*where, conjuncts);
      for (const auto* c : conjuncts) {
        Conjunct k;
        k.expr = planner_.bind_where(*c, scope_, &k.deps);
        conjuncts_.push_back(std::move(k));
      }
    }
    for (auto& n : nodes_) n.bound = bound_.count(n.slot) > 0;
    place_filters();
    while (step()) place_filters();
    build_paths(parts);
    place_filters(/*all=*/true);
    if (!plan_) plan_ = make_op(OpKind::Argument, parts.empty() ? ast::Pos{} : parts[0].pos);
    if (new_slots) *new_slots = new_slots_;
    return std::move(plan_);
  }

 private:
  Planner& planner_;
  const PlanContext& ctx_;
  Scope& scope_;
  bool optional_;
  const std::map<std::string, SlotId>* reuse_;
  OpPtr plan_;
  std::set<SlotId> bound_;
  std::vector<PNode> nodes_;
  std::vector<PRel> rels_;
  std::vector<Conjunct> conjuncts_;
  std::vector<SlotId> new_slots_;
  // Relationships bound so far (slot, types), for relationship uniqueness.
  std::vector<std::pair<SlotId, std::vector<std::string>>> matched_rels_;
  std::vector<std::vector<size_t>> part_nodes_;  // node indices per part, in order
  std::vector<std::vector<size_t>> part_rels_;
  std::map<const ast::NodePattern*, size_t> node_of_;

  SlotId fresh(const std::string& name) {
    SlotId s = plan::kNoSlot;
    if (reuse_) {
      if (auto it = reuse_->find(name); it != reuse_->end()) s = it->second;
    }
    if (s == plan::kNoSlot) s = planner_.new_slot(name);
    new_slots_.push_back(s);
    return s;
  }

  void declare(const std::string& name, SlotId slot, VarKind kind) {
    scope_.add(Variable{name, slot, kind, optional_, false, {}});
  }

  // A variable already in scope, checked for kind.
  const Variable* existing(const std::string& name, VarKind wanted, ast::Pos pos) {
    const Variable* v = scope_.find(name);
    if (!v) return nullptr;
    bool ok = v->kind == wanted || v->kind == VarKind::Value;
    if (!ok)
      fail(ErrorCode::SemanticError,
           "'" + name + "' is already declared as a " + std::string(var_kind_name(v->kind)) +
               ", it cannot be used as a " + std::string(var_kind_name(wanted)),
           pos);
    return v;
  }

  size_t node_index(const ast::NodePattern& n) {
    if (auto it = node_of_.find(&n); it != node_of_.end()) return it->second;
    size_t i = new_node_index(n);
    node_of_[&n] = i;
    return i;
  }

  size_t new_node_index(const ast::NodePattern& n) {
    if (!n.variable.empty()) {
      for (size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].name == n.variable) return i;
    }
    PNode p;
    p.pos = n.pos;
    if (n.variable.empty()) {
      p.name = planner_.anon_name();
      p.slot = fresh(p.name);
    } else if (const Variable* v = existing(n.variable, VarKind::Node, n.pos)) {
      p.name = n.variable;
      p.slot = v->slot;
      p.labels = v->labels;
    } else {
      p.name = n.variable;
      p.slot = fresh(p.name);
      declare(p.name, p.slot, VarKind::Node);
    }
    nodes_.push_back(std::move(p));
    return nodes_.size() - 1;
  }

  void register_variables(const std::vector<ast::PatternPart>& parts) {
    size_t rel_total = 0;
    for (const auto& part : parts) rel_total += part.rels.size();
    std::set<std::string> rel_names;
    for (const auto& part : parts) {
      if (part.kind == ast::PathKind::Warmest)
        fail(ErrorCode::SemanticError, "WARMEST paths are not supported yet", part.pos);
      bool shortest =
          part.kind == ast::PathKind::Shortest || part.kind == ast::PathKind::AllShortest;
      if (shortest && part.rels.size() != 1)
        fail(ErrorCode::SemanticError,
             "shortestPath() and allShortestPaths() need a pattern with exactly one relationship",
             part.pos);
      std::vector<size_t> pn, pr;
      for (const auto& n : part.nodes) pn.push_back(node_index(n));
      for (size_t i = 0; i < part.rels.size(); ++i) {
        const auto& r = part.rels[i];
        PRel rel;
        rel.pattern = &r;
        rel.part = &part;
        rel.left = pn[i];
        rel.right = pn[i + 1];
        rel.shortest = shortest;
        if (!r.variable.empty()) {
          for (const auto& n : nodes_)
            if (n.name == r.variable)
              fail(ErrorCode::SemanticError,
                   "'" + r.variable +
                       "' is already declared as a node, it cannot be used as a relationship",
                   r.pos);
          if (rel_names.count(r.variable))
            fail(ErrorCode::SemanticError,
                 "relationship variable '" + r.variable + "' is used twice in one pattern", r.pos);
          if (scope_.find(r.variable)) {
            existing(r.variable, VarKind::Rel, r.pos);
            fail(ErrorCode::SemanticError,
                 "relationship variable '" + r.variable +
                     "' is already bound; matching a bound relationship again is not supported",
                 r.pos);
          }
          rel_names.insert(r.variable);
          rel.name = r.variable;
          rel.slot = fresh(r.variable);
          declare(r.variable, rel.slot, r.var_length ? VarKind::Value : VarKind::Rel);
        } else if (rel_total > 1 || r.properties || !part.path_variable.empty()) {
          // Anonymous, but uniqueness, a property filter or a path needs it.
          if (!shortest || !part.path_variable.empty() || r.properties) {
            rel.name = planner_.anon_name();
            rel.slot = fresh(rel.name);
          }
        }
        if (shortest && r.properties)
          fail(ErrorCode::SemanticError,
               "relationship properties inside shortestPath() are not supported yet", r.pos);
        rels_.push_back(std::move(rel));
        pr.push_back(rels_.size() - 1);
      }
      part_nodes_.push_back(std::move(pn));
      part_rels_.push_back(std::move(pr));
      if (!part.path_variable.empty()) {
        if (scope_.find(part.path_variable) || rel_names.count(part.path_variable))
          fail(ErrorCode::SemanticError, "'" + part.path_variable + "' is already declared",
               part.pos);
        for (const auto& n : nodes_)
          if (n.name == part.path_variable)
            fail(ErrorCode::SemanticError,
                 "'" + part.path_variable + "' is already declared as a node", part.pos);
      }
    }
    // Path variables come into scope after the pattern's own variables, and
    // the inline predicates are bound once everything is declared.
    for (const auto& part : parts) {
      if (part.path_variable.empty()) continue;
      declare(part.path_variable, fresh(part.path_variable), VarKind::Path);
    }
    for (const auto& part : parts) {
      for (const auto& n : part.nodes) add_node_predicates(n);
    }
    for (auto& rel : rels_) add_rel_predicates(rel);
    for (const auto& n : nodes_) {
      const Variable* v = scope_.find(n.name);
      if (!v || v->slot != n.slot) continue;
      Variable known = *v;
      known.labels = n.labels;
      scope_.add(std::move(known));
    }
  }

  void add_conjunct(ExprPtr e) {
    Conjunct c;
    bool opaque = false;
    slot_refs(*e, c.deps, opaque);
    c.expr = std::move(e);
    conjuncts_.push_back(std::move(c));
  }

  ExprPtr bind_value(const ast::Expr& value, std::set<SlotId>& deps) {
    ExprOptions o;
    o.context = "a pattern's property map";
    o.deps = &deps;
    return planner_.bind(value, scope_, o);
  }

  // `target.key = value` as a conjunct depending on target and value.
  void add_equality(SlotId target, const std::string& target_name, const std::string& key,
                    const ast::Expr& value, ast::Pos pos) {
    Conjunct c;
    ExprPtr v = bind_value(value, c.deps);
    c.deps.insert(target);
    auto prop = std::make_unique<plan::Expr>(PK::Property, pos);
    prop->name = key;
    prop->text = target_name + "." + key;
    prop->args.push_back(make_slot_expr(target, target_name, pos));
    auto eq = std::make_unique<plan::Expr>(PK::Eq, pos);
    eq->text = prop->text + " = " + v->text;
    eq->args.push_back(std::move(prop));
    eq->args.push_back(std::move(v));
    c.expr = std::move(eq);
    conjuncts_.push_back(std::move(c));
  }

  void add_node_predicates(const ast::NodePattern& n) {
    size_t i = node_index(n);
    PNode& node = nodes_[i];
    std::vector<std::string> singles;
    for (const auto& group : n.labels) {
      if (group.size() == 1) {
        singles.push_back(group[0]);
        if (std::find(node.labels.begin(), node.labels.end(), group[0]) == node.labels.end())
          node.labels.push_back(group[0]);
      }
    }
    auto has = [&](std::vector<std::string> names) {
      auto h = std::make_unique<plan::Expr>(PK::HasLabels, n.pos);
      h->text = node.name;
      for (const auto& l : names) h->text += ":" + l;
      h->names = std::move(names);
      h->args.push_back(make_slot_expr(node.slot, node.name, n.pos));
      return h;
    };
    if (!singles.empty()) add_conjunct(has(singles));
    for (const auto& group : n.labels) {
      if (group.size() < 2) continue;
      ExprPtr any;
      for (const auto& l : group) {
        ExprPtr h = has({l});
        if (!any) {
          any = std::move(h);
          continue;
        }
        auto o = std::make_unique<plan::Expr>(PK::Or, n.pos);
        o->text = any->text + " OR " + h->text;
        o->args.push_back(std::move(any));
        o->args.push_back(std::move(h));
        any = std::move(o);
      }
      add_conjunct(std::move(any));
    }
    if (!n.properties) return;
    if (n.properties->kind != ast::ExprKind::Map)
      fail(ErrorCode::SemanticError,
           "a parameter cannot be used as a property map in MATCH: write {key: $param.key}",
           n.properties->pos);
    for (size_t k = 0; k < n.properties->keys.size(); ++k)
      add_equality(node.slot, node.name, n.properties->keys[k], *n.properties->args[k],
                   n.properties->args[k]->pos);
  }

  void add_rel_predicates(const PRel& rel) {
    const ast::RelPattern& r = *rel.pattern;
    if (!r.properties) return;
    if (r.properties->kind != ast::ExprKind::Map)
      fail(ErrorCode::SemanticError,
           "a parameter cannot be used as a property map in MATCH: write {key: $param.key}",
           r.properties->pos);
    for (size_t k = 0; k < r.properties->keys.size(); ++k) {
      const auto& key = r.properties->keys[k];
      const ast::Expr& value = *r.properties->args[k];
      if (!r.var_length) {
        add_equality(rel.slot, rel.name, key, value, value.pos);
        continue;
      }
      // Every relationship of a variable-length match has the property.
      Conjunct c;
      ExprPtr v = bind_value(value, c.deps);
      c.deps.insert(rel.slot);
      SlotId x = planner_.new_slot("  x");
      auto prop = std::make_unique<plan::Expr>(PK::Property, value.pos);
      prop->name = key;
      prop->text = "x." + key;
      prop->args.push_back(make_slot_expr(x, "x", value.pos));
      auto eq = std::make_unique<plan::Expr>(PK::Eq, value.pos);
      eq->text = prop->text + " = " + v->text;
      eq->args.push_back(std::move(prop));
      eq->args.push_back(std::move(v));
      auto all = std::make_unique<plan::Expr>(PK::Quantifier, value.pos);
      all->name = "all";
      all->var_slot = x;
      all->text = "all(x IN " + rel.name + " WHERE " + eq->text + ")";
      all->args.push_back(make_slot_expr(rel.slot, rel.name, value.pos));
      all->args.push_back(std::move(eq));
      c.expr = std::move(all);
      conjuncts_.push_back(std::move(c));
    }
  }

  // ------------------------------------------------------------ filters
  void place_filters(bool all = false) {
    ExprPtr combined;
    double sel = 1;
    for (auto& c : conjuncts_) {
      if (c.used) continue;
      bool ready = all || std::all_of(c.deps.begin(), c.deps.end(),
                                      [&](SlotId s) { return bound_.count(s) > 0; });
      if (!ready) continue;
      // A constant condition waits for the first operator; one on outer
      // variables goes on an Argument (the start of an optional side).
      if (!all && !plan_ && c.deps.empty()) continue;
      c.used = true;
      sel *= selectivity(*c.expr, ctx_);
      if (!combined) {
        combined = std::move(c.expr);
        continue;
      }
      auto a = std::make_unique<plan::Expr>(PK::And, combined->pos);
      a->text = combined->text + " AND " + c.expr->text;
      a->args.push_back(std::move(combined));
      a->args.push_back(std::move(c.expr));
      combined = std::move(a);
    }
    if (!combined) return;
    if (!plan_) plan_ = make_op(OpKind::Argument, combined->pos);
    double rows = rows_of(plan_) * sel;
    auto f = make_op(OpKind::Filter, combined->pos, std::move(plan_));
    f->exprs.push_back(std::move(combined));
    f->estimated_rows = rows;
    plan_ = std::move(f);
  }

  // ------------------------------------------------------------ estimates
  double label_count(const PNode& n) const {
    double best = -1;
    for (const auto& l : n.labels) {
      double c = static_cast<double>(ctx_.stats.node_count(l));
      if (best < 0 || c < best) best = c;
    }
    return best < 0 ? static_cast<double>(ctx_.stats.total_nodes()) : best;
  }

  double degree(const PRel& rel, const PNode& from, plan::Dir dir) const {
    double rels = 0;
    if (rel.pattern->types.empty())
      rels = static_cast<double>(ctx_.stats.total_rels());
    else
      for (const auto& t : rel.pattern->types) rels += static_cast<double>(ctx_.stats.rel_count(t));
    double d = rels / std::max(1.0, label_count(from));
    return dir == plan::Dir::Both ? 2 * d : d;
  }

  // ------------------------------------------------------------ steps
  bool step() {
    if (seek_step()) return true;
    if (expand_step()) return true;
    if (shortest_step()) return true;
    return start_step();
  }

  static plan::Dir direction(const ast::RelPattern& r, bool from_left) {
    switch (r.direction) {
      case ast::Direction::Outgoing: return from_left ? plan::Dir::Out : plan::Dir::In;
      case ast::Direction::Incoming: return from_left ? plan::Dir::In : plan::Dir::Out;
      case ast::Direction::Both: return plan::Dir::Both;
    }
    return plan::Dir::Both;
  }

  double expand_rows(const PRel& rel, bool from_left) const {
    const PNode& from = nodes_[from_left ? rel.left : rel.right];
    const PNode& to = nodes_[from_left ? rel.right : rel.left];
    double d = degree(rel, from, direction(*rel.pattern, from_left));
    double factor = d;
    const auto& r = *rel.pattern;
    if (r.var_length) {
      int64_t lo = r.min_hops.value_or(1);
      int64_t hi = r.max_hops ? std::min(*r.max_hops, lo + 3) : lo + 3;
      factor = 0;
      for (int64_t k = lo; k <= hi; ++k) factor += std::pow(d, static_cast<double>(k));
    }
    if (to.bound) factor /= std::max(1.0, label_count(to));
    return std::min(1e15, rows_of(plan_) * factor);
  }

  bool expand_step() {
    int best = -1;
    bool best_left = true;
    double best_rows = 0;
    bool best_into = false;
    for (size_t i = 0; i < rels_.size(); ++i) {
      const PRel& rel = rels_[i];
      if (rel.done || rel.shortest) continue;
      bool l = nodes_[rel.left].bound, r = nodes_[rel.right].bound;
      if (!l && !r) continue;
      for (bool from_left : {true, false}) {
        if (from_left ? !l : !r) continue;
        double rows = expand_rows(rel, from_left);
        bool into = l && r;
        // Closing a cycle first only ever removes rows.
        if (best < 0 || (into && !best_into) || (into == best_into && rows < best_rows)) {
          best = static_cast<int>(i);
          best_left = from_left;
          best_rows = rows;
          best_into = into;
        }
      }
    }
    if (best < 0) return false;
    PRel& rel = rels_[best];
    const auto& r = *rel.pattern;
    PNode& from = nodes_[best_left ? rel.left : rel.right];
    PNode& to = nodes_[best_left ? rel.right : rel.left];
    if (!plan_) plan_ = make_op(OpKind::Argument, r.pos);
    auto op =
        make_op(r.var_length ? OpKind::VarLengthExpand : OpKind::Expand, r.pos, std::move(plan_));
    op->from = from.slot;
    op->to = to.slot;
    op->rel = rel.slot;
    op->types = r.types;
    op->dir = direction(r, best_left);
    op->into = to.bound;
    // Relationships of disjoint types can never be the same one.
    for (const auto& [slot, types] : matched_rels_) {
      bool disjoint = !types.empty() && !r.types.empty() &&
                      std::none_of(types.begin(), types.end(), [&](const std::string& t) {
                        return std::find(r.types.begin(), r.types.end(), t) != r.types.end();
                      });
      if (!disjoint) op->rel_uniqueness.push_back(slot);
    }
    if (r.var_length) {
      op->min_hops = r.min_hops.value_or(1);
      op->max_hops = r.max_hops.value_or(-1);
      op->reversed = !best_left;
      if (op->min_hops < 0 || (op->max_hops >= 0 && op->max_hops < op->min_hops))
        fail(ErrorCode::SemanticError, "invalid variable-length bounds in " + expr_text_of(r),
             r.pos);
    }
    op->estimated_rows = best_rows;
    plan_ = std::move(op);
    rel.done = true;
    to.bound = true;
    bound_.insert(to.slot);
    if (rel.slot != plan::kNoSlot) {
      bound_.insert(rel.slot);
      matched_rels_.emplace_back(rel.slot, r.types);
    }
    return true;
  }

  static std::string expr_text_of(const ast::RelPattern& r) {
    ast::PatternPart p;
    p.nodes.resize(2);
    p.rels.push_back(ast::clone(r));
    return pattern_text(p);
  }

  bool shortest_step() {
    for (auto& rel : rels_) {
      if (rel.done || !rel.shortest) continue;
      PNode& a = nodes_[rel.left];
      PNode& b = nodes_[rel.right];
      if (!a.bound || !b.bound) continue;
      const auto& r = *rel.pattern;
      if (!plan_) plan_ = make_op(OpKind::Argument, rel.part->pos);
      auto op = make_op(OpKind::ShortestPath, rel.part->pos, std::move(plan_));
      op->from = a.slot;
      op->to = b.slot;
      op->rel = rel.slot;
      op->types = r.types;
      op->dir = direction(r, true);
      op->all_shortest = rel.part->kind == ast::PathKind::AllShortest;
      op->min_hops = r.var_length ? r.min_hops.value_or(1) : 1;
      op->max_hops = r.var_length ? r.max_hops.value_or(-1) : 1;
      if (op->min_hops < 0 || op->min_hops > 1)
        fail(ErrorCode::SemanticError, "shortestPath() needs a minimum length of 0 or 1", r.pos);
      if (!rel.part->path_variable.empty()) {
        const Variable* v = scope_.find(rel.part->path_variable);
        op->path_slot = v->slot;
        bound_.insert(v->slot);
      }
      op->estimated_rows = rows_of(op->children[0]) * (op->all_shortest ? 2 : 1);
      plan_ = std::move(op);
      rel.done = true;
      if (rel.slot != plan::kNoSlot) bound_.insert(rel.slot);
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------ starts
  struct Start {
    int tier = 99;  // 1 id seek, 2 index seek, 3 range seek, 4 label scan, 5 all nodes
    double rows = 0;
    size_t node = 0;
    int conjunct = -1;  // the consumed equality / id conjunct
    int upper = -1;     // range: the second bound's conjunct
    std::string label, key;
    // Tier 1 from `n = value` (or a disjunction of such): NodeByIdSeek on
    // the values' ids; the conjunct stays as a filter (it also holds when a
    // value is not a node, where id() would fail).
    std::vector<const plan::Expr*> identity;
  };

  // The values `slot`'s node must be equal to for `e` to hold, if `e` pins it
  // down: n = x gives {x}; n IN [x, y] {x, y}; a OR b the union of both (each
  // must pin it); a AND b either side's.
  bool identity_values(const plan::Expr& e, SlotId slot,
                       std::vector<const plan::Expr*>& out) const {
    switch (e.kind) {
      case PK::Eq:
        for (int side : {0, 1}) {
          const plan::Expr& self = *e.args[side];
          const plan::Expr& other = *e.args[1 - side];
          if (self.kind == PK::Slot && self.slot == slot && computable(other, bound_)) {
            out.push_back(&other);
            return true;
          }
        }
        return false;
      case PK::In: {
        // n IN [x, y]: a literal list of computable values.
        const plan::Expr& self = *e.args[0];
        const plan::Expr& list = *e.args[1];
        if (self.kind != PK::Slot || self.slot != slot || list.kind != PK::ListLiteral ||
            list.args.empty())
          return false;
        for (const auto& v : list.args)
          if (!v || !computable(*v, bound_)) return false;
        for (const auto& v : list.args) out.push_back(v.get());
        return true;
      }
      case PK::Or: {
        size_t before = out.size();
        if (identity_values(*e.args[0], slot, out) && identity_values(*e.args[1], slot, out))
          return true;
        out.resize(before);
        return false;
      }
      case PK::And:
        return identity_values(*e.args[0], slot, out) || identity_values(*e.args[1], slot, out);
      default: return false;
    }
  }

  // Which side of a comparison conjunct is `slot`'s property (or id), with the
  // other side computable now. Returns 0 for args[0], 1 for args[1], -1 none.
  int seekable_side(const plan::Expr& e, SlotId slot, bool id, std::string* key) const {
    for (int side : {0, 1}) {
      const plan::Expr& lhs = *e.args[side];
      const plan::Expr& rhs = *e.args[1 - side];
      bool match = id ? is_id_of(lhs, slot) : is_property_of(lhs, slot);
      if (!match || !computable(rhs, bound_)) continue;
      if (key) *key = lhs.name;
      return side;
    }
    return -1;
  }

  Start best_start_for(size_t i) const {
    const PNode& n = nodes_[i];
    Start s;
    s.node = i;
    s.tier = 5;
    s.rows = static_cast<double>(ctx_.stats.total_nodes());
    auto consider = [&](Start c) {
      if (c.tier < s.tier || (c.tier == s.tier && c.rows < s.rows)) s = c;
    };
    for (size_t k = 0; k < conjuncts_.size(); ++k) {
      const Conjunct& c = conjuncts_[k];
      if (c.used) continue;
      const plan::Expr& e = *c.expr;
      if (std::vector<const plan::Expr*> values; identity_values(e, n.slot, values)) {
        Start id{1, static_cast<double>(values.size()), i, static_cast<int>(k), -1, "", "", {}};
        id.identity = std::move(values);
        consider(std::move(id));
        continue;
      }
      bool cmp = e.kind == PK::Lt || e.kind == PK::Le || e.kind == PK::Gt || e.kind == PK::Ge;
      if (e.kind != PK::Eq && !cmp) continue;
      if (e.kind == PK::Eq && seekable_side(e, n.slot, true, nullptr) >= 0) {
        consider(Start{1, 1, i, static_cast<int>(k), -1, "", "", {}});
        continue;
      }
      std::string key;
      if (seekable_side(e, n.slot, false, &key) < 0) continue;
      for (const auto& label : n.labels) {
        if (!ctx_.stats.has_index(label, key)) continue;
        double count = static_cast<double>(ctx_.stats.node_count(label));
        if (e.kind == PK::Eq) {
          // Without a distinct-value count, a non-unique index is assumed to
          // hold about 100 nodes per value.
          const auto distinct = static_cast<double>(ctx_.stats.distinct_values(label, key));
          double rows = ctx_.stats.is_unique(label, key) ? 1 : std::max(1.0, count / (distinct > 0 ? distinct : 100));
          consider(Start{2, rows, i, static_cast<int>(k), -1, label, key, {}});
        } else {
          consider(
              Start{3, std::max(1.0, count * 0.3), i, static_cast<int>(k), -1, label, key, {}});
        }
      }
    }
    if (s.tier == 3) {
      // Pair the bound with one on the other side of the same key.
      std::string key;
      int side = seekable_side(*conjuncts_[s.conjunct].expr, n.slot, false, &key);
      PK k = conjuncts_[s.conjunct].expr->kind;
      bool lower = (side == 0) == (k == PK::Gt || k == PK::Ge);
      for (size_t j = 0; j < conjuncts_.size(); ++j) {
        const Conjunct& c = conjuncts_[j];
        if (c.used || static_cast<int>(j) == s.conjunct) continue;
        const plan::Expr& e = *c.expr;
        if (!(e.kind == PK::Lt || e.kind == PK::Le || e.kind == PK::Gt || e.kind == PK::Ge))
          continue;
        std::string key2;
        int side2 = seekable_side(e, n.slot, false, &key2);
        if (side2 < 0 || key2 != key) continue;
        bool lower2 = (side2 == 0) == (e.kind == PK::Gt || e.kind == PK::Ge);
        if (lower2 != lower) {
          s.upper = static_cast<int>(j);
          s.rows = std::max(1.0, s.rows / 3);
          break;
        }
      }
    }
    if (s.tier > 4) {
      for (const auto& label : n.labels) {
        double count = static_cast<double>(ctx_.stats.node_count(label));
        if (s.tier > 4 || count < s.rows) {
          s.tier = 4;
          s.rows = count;
          s.label = label;
        }
      }
    }
    return s;
  }

  // Moves the value side out of a consumed comparison conjunct.
  ExprPtr take_value(size_t k, SlotId slot, bool id, PK* kind) {
    Conjunct& c = conjuncts_[k];
    int side = seekable_side(*c.expr, slot, id, nullptr);
    c.used = true;
    if (kind) *kind = side == 0 ? c.expr->kind : flip(c.expr->kind);
    return std::move(c.expr->args[1 - side]);
  }

  void consume_label(const PNode& n, const std::string& label) {
    for (auto& c : conjuncts_) {
      if (c.used || c.expr->kind != PK::HasLabels) continue;
      if (c.expr->names.size() == 1 && c.expr->names[0] == label &&
          c.expr->args[0]->kind == PK::Slot && c.expr->args[0]->slot == n.slot) {
        c.used = true;
        return;
      }
    }
  }

  bool start_step() {
    std::optional<Start> best = best_unbound_start([](size_t, const Start&) { return true; });
    if (!best) return false;
    place_start(*best);
    return true;
  }

  // The best start (lowest tier, then fewest rows) among the unbound nodes'
  // best starts that `usable(node, start)` accepts.
  template <typename Usable>
  std::optional<Start> best_unbound_start(Usable usable) {
    std::optional<Start> best;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].bound) continue;
      Start s = best_start_for(i);
      if (!usable(i, s)) continue;
      if (!best || s.tier < best->tier || (s.tier == best->tier && s.rows < best->rows)) best = std::move(s);
    }
    return best;
  }

  // ------------------------------------------------------------ seeks
  // Before expanding (unless a relationship can close with expand-into), an
  // unbound node that an `id(n) =` or indexed equality with a value
  // computable now pins down is seeked rather than reached by expansion
  // when the estimates say the seek is cheaper. A seek costs 1 (the lookup,
  // per input row) plus an expand-into check per row it yields (the engine
  // walks the end with fewer relationships: the smaller of the two degrees,
  // plus 1). The expansion costs its rows, twice for an index equality
  // (each row then reads the property to filter it; an id filter is free).
  // The node's relationships then close with expand-into. A seek yielding
  // at most one row never adds rows, so it is considered even before a
  // neighbour of the node is bound (against the expansion from that
  // neighbour) and goes as early as its value is known: fewest input rows,
  // fewest seeks. docs/planner.md, "Seeking a pattern node by a value bound
  // earlier".
  bool seek_step() {
    if (std::none_of(nodes_.begin(), nodes_.end(), [](const PNode& n) { return n.bound; }))
      return false;  // nothing to expand from: start_step chooses the start
    for (const auto& rel : rels_)
      if (!rel.done && !rel.shortest && nodes_[rel.left].bound && nodes_[rel.right].bound)
        return false;  // expand-into first: it only removes rows
    // Not by identity (`n = x`): that filter is as cheap as a seek, and the
    // seek's id(x) fails where the filter is simply false (x = 5).
    std::optional<Start> best = best_unbound_start([&](size_t i, const Start& s) {
      return s.tier <= 2 && s.identity.empty() && seek_beats_expansion(i, s);
    });
    if (!best) return false;
    place_start(*best);
    return true;
  }

  // Against the cheapest expansion that would bind `node`: from a bound
  // neighbour if there is one, else (only for a seek that adds no rows)
  // from any neighbour, once it is bound.
  bool seek_beats_expansion(size_t node, const Start& seek) const {
    double out = -1, back = 0;
    bool from_bound = false;
    for (const auto& rel : rels_) {
      if (rel.done || rel.shortest || rel.pattern->var_length) continue;
      if ((rel.left == node) == (rel.right == node)) continue;  // not adjacent, or a loop
      const bool from_left = rel.right == node;
      const PNode& other = nodes_[from_left ? rel.left : rel.right];
      if (from_bound && !other.bound) continue;
      const double o = degree(rel, other, direction(*rel.pattern, from_left));
      const double b = degree(rel, nodes_[node], direction(*rel.pattern, !from_left));
      if (other.bound && !from_bound) {
        from_bound = true;
        out = -1;
      }
      if (out < 0 || o < out) {
        out = o;
        back = b;
      }
    }
    if (out < 0 || (!from_bound && seek.rows > 1)) return false;
    const double filter_cost = seek.tier == 1 ? 1 : 2;
    return 1 + seek.rows * (1 + std::min(out, back)) < filter_cost * out;
  }

  void place_start(const Start& best) {
    PNode& n = nodes_[best.node];
    OpPtr leaf;
    switch (best.tier) {
      case 1:
        leaf = make_op(OpKind::NodeByIdSeek, n.pos);
        if (best.identity.empty()) {
          leaf->exprs.push_back(take_value(best.conjunct, n.slot, true, nullptr));
        } else {
          std::vector<ExprPtr> ids;
          for (const plan::Expr* v : best.identity) {
            auto id = std::make_unique<plan::Expr>(PK::Call, v->pos);
            id->name = "id";
            id->text = "id(" + v->text + ")";
            id->args.push_back(clone_expr(*v));
            ids.push_back(std::move(id));
          }
          if (ids.size() == 1) {
            leaf->exprs.push_back(std::move(ids[0]));
          } else {
            auto list = std::make_unique<plan::Expr>(PK::ListLiteral, n.pos);
            list->text = "[";
            for (size_t j = 0; j < ids.size(); ++j) list->text += (j ? ", " : "") + ids[j]->text;
            list->text += "]";
            list->args = std::move(ids);
            leaf->exprs.push_back(std::move(list));
          }
        }
        break;
      case 2:
        leaf = make_op(OpKind::IndexSeek, n.pos);
        leaf->names = {best.label, best.key};
        leaf->exprs.push_back(take_value(best.conjunct, n.slot, false, nullptr));
        consume_label(n, best.label);
        break;
      case 3: {
        leaf = make_op(OpKind::IndexRangeSeek, n.pos);
        leaf->names = {best.label, best.key};
        leaf->exprs.resize(2);
        for (int k : {best.conjunct, best.upper}) {
          if (k < 0) continue;
          PK kind;
          ExprPtr v = take_value(k, n.slot, false, &kind);
          // kind is now "property <op> value".
          if (kind == PK::Gt || kind == PK::Ge) {
            leaf->lower_inclusive = kind == PK::Ge;
            leaf->exprs[0] = std::move(v);
          } else {
            leaf->upper_inclusive = kind == PK::Le;
            leaf->exprs[1] = std::move(v);
          }
        }
        consume_label(n, best.label);
        break;
      }
      case 4:
        leaf = make_op(OpKind::LabelScan, n.pos);
        leaf->names = {best.label};
        consume_label(n, best.label);
        break;
      default: leaf = make_op(OpKind::AllNodesScan, n.pos);
    }
    leaf->slot = n.slot;
    leaf->estimated_rows = best.rows;
    n.bound = true;
    bound_.insert(n.slot);
    if (!plan_ || plan_->kind == OpKind::Argument) {
      plan_ = std::move(leaf);
    } else {
      double rows = rows_of(plan_) * best.rows;
      auto apply = make_op(OpKind::Apply, n.pos, std::move(plan_));
      apply->children.push_back(std::move(leaf));
      apply->estimated_rows = rows;
      plan_ = std::move(apply);
    }
  }

  // ------------------------------------------------------------ paths
  void build_paths(const std::vector<ast::PatternPart>& parts) {
    for (size_t p = 0; p < parts.size(); ++p) {
      const auto& part = parts[p];
      if (part.path_variable.empty() || part.kind != ast::PathKind::Plain) continue;
      const Variable* v = scope_.find(part.path_variable);
      auto call = std::make_unique<plan::Expr>(PK::Call, part.pos);
      call->name = "__path";
      call->text = "path(";
      for (size_t i = 0; i < part_nodes_[p].size(); ++i) {
        if (i) {
          const PRel& r = rels_[part_rels_[p][i - 1]];
          call->args.push_back(make_slot_expr(r.slot, r.name, part.pos));
          call->text += ", " + r.name + ", ";
        }
        const PNode& n = nodes_[part_nodes_[p][i]];
        call->args.push_back(make_slot_expr(n.slot, n.name, part.pos));
        call->text += n.name;
      }
      call->text += ")";
      if (!plan_) plan_ = make_op(OpKind::Argument, part.pos);
      double rows = rows_of(plan_);
      auto proj = make_op(OpKind::Projection, part.pos, std::move(plan_));
      proj->items.push_back(plan::ProjectItem{v->slot, std::move(call)});
      proj->estimated_rows = rows;
      plan_ = std::move(proj);
      bound_.insert(v->slot);
    }
  }
};

}  // namespace

OpPtr Planner::plan_pattern(OpPtr input, const std::vector<ast::PatternPart>& parts,
                            const ast::Expr* where, Scope& scope, bool optional,
                            std::vector<SlotId>* new_slots) {
  PatternPlanner p(*this, scope, optional);
  return p.run(std::move(input), parts, where, new_slots);
}

OpPtr Planner::plan_pattern_again(const std::vector<ast::PatternPart>& parts,
                                  const ast::Expr* where, Scope& scope,
                                  const std::map<std::string, SlotId>& reuse,
                                  std::vector<SlotId>* new_slots) {
  PatternPlanner p(*this, scope, false, &reuse);
  return p.run(nullptr, parts, where, new_slots);
}

}  // namespace kith::query::planner
