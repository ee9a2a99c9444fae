#include "query/planner/expr_text.h"

#include <charconv>

namespace kith::query::planner {
namespace {

using ast::Expr;
using ast::ExprKind;

// Higher binds tighter (openCypher's precedence levels).
int precedence(ExprKind k) {
  switch (k) {
    case ExprKind::Or: return 1;
    case ExprKind::Xor: return 2;
    case ExprKind::And: return 3;
    case ExprKind::Not: return 4;
    case ExprKind::Eq:
    case ExprKind::Ne:
    case ExprKind::Lt:
    case ExprKind::Le:
    case ExprKind::Gt:
    case ExprKind::Ge:
    case ExprKind::In:
    case ExprKind::StartsWith:
    case ExprKind::EndsWith:
    case ExprKind::Contains:
    case ExprKind::RegexMatch:
    case ExprKind::IsNull:
    case ExprKind::IsNotNull:
    case ExprKind::Within:
    case ExprKind::Since: return 5;
    case ExprKind::Add:
    case ExprKind::Sub: return 6;
    case ExprKind::Mul:
    case ExprKind::Div:
    case ExprKind::Mod: return 7;
    case ExprKind::Pow: return 8;
    case ExprKind::Negate: return 9;
    default: return 10;
  }
}

const char* binary_op(ExprKind k) {
  switch (k) {
    case ExprKind::Or: return " OR ";
    case ExprKind::Xor: return " XOR ";
    case ExprKind::And: return " AND ";
    case ExprKind::Eq: return " = ";
    case ExprKind::Ne: return " <> ";
    case ExprKind::Lt: return " < ";
    case ExprKind::Le: return " <= ";
    case ExprKind::Gt: return " > ";
    case ExprKind::Ge: return " >= ";
    case ExprKind::Add: return " + ";
    case ExprKind::Sub: return " - ";
    case ExprKind::Mul: return " * ";
    case ExprKind::Div: return " / ";
    case ExprKind::Mod: return " % ";
    case ExprKind::Pow: return " ^ ";
    case ExprKind::In: return " IN ";
    case ExprKind::StartsWith: return " STARTS WITH ";
    case ExprKind::EndsWith: return " ENDS WITH ";
    case ExprKind::Contains: return " CONTAINS ";
    case ExprKind::RegexMatch: return " =~ ";
    default: return nullptr;
  }
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string number(double d) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";
  return s;
}

std::string text(const Expr* e);

std::string operand(const Expr* e, int parent, bool right) {
  std::string t = text(e);
  int p = e ? precedence(e->kind) : 10;
  // Left-associative: a right operand of equal precedence needs parentheses.
  if (p < parent || (right && p == parent && p < 10)) return "(" + t + ")";
  return t;
}

std::string list(const std::vector<ast::ExprPtr>& args, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < args.size(); ++i) out += (i > from ? ", " : "") + text(args[i].get());
  return out;
}

std::string labels(const std::vector<std::vector<std::string>>& groups) {
  std::string out;
  for (const auto& g : groups) {
    out += ':';
    for (size_t i = 0; i < g.size(); ++i) out += (i ? "|" : "") + g[i];
  }
  return out;
}

std::string text(const Expr* e) {
  if (!e) return "null";
  if (const char* op = binary_op(e->kind)) {
    int p = precedence(e->kind);
    return operand(e->args[0].get(), p, false) + op + operand(e->args[1].get(), p, true);
  }
  switch (e->kind) {
    case ExprKind::Null: return "null";
    case ExprKind::Bool: return std::get<bool>(e->literal) ? "true" : "false";
    case ExprKind::Int: return std::to_string(std::get<int64_t>(e->literal));
    case ExprKind::Float: return number(std::get<double>(e->literal));
    case ExprKind::String: return quote(std::get<std::string>(e->literal));
    case ExprKind::Variable: return e->name;
    case ExprKind::Parameter: return "$" + e->name;
    case ExprKind::Property: return operand(e->args[0].get(), 10, false) + "." + e->name;
    case ExprKind::Index:
      return operand(e->args[0].get(), 10, false) + "[" + text(e->args[1].get()) + "]";
    case ExprKind::Slice: {
      std::string lo = e->args.size() > 1 && e->args[1] ? text(e->args[1].get()) : "";
      std::string hi = e->args.size() > 2 && e->args[2] ? text(e->args[2].get()) : "";
      return operand(e->args[0].get(), 10, false) + "[" + lo + ".." + hi + "]";
    }
    case ExprKind::HasLabels: return operand(e->args[0].get(), 10, false) + labels(e->labels);
    case ExprKind::Not: return "NOT " + operand(e->args[0].get(), 4, false);
    case ExprKind::Negate: return "-" + operand(e->args[0].get(), 9, false);
    case ExprKind::IsNull: return operand(e->args[0].get(), 6, false) + " IS NULL";
    case ExprKind::IsNotNull: return operand(e->args[0].get(), 6, false) + " IS NOT NULL";
    case ExprKind::List: return "[" + list(e->args) + "]";
    case ExprKind::Map: {
      std::string out = "{";
      for (size_t i = 0; i < e->args.size(); ++i)
        out += (i ? ", " : "") + e->keys[i] + ": " + text(e->args[i].get());
      return out + "}";
    }
    case ExprKind::Call:
      return e->name + "(" + (e->distinct ? "DISTINCT " : "") + list(e->args) + ")";
    case ExprKind::CountStar: return "count(*)";
    case ExprKind::Case: {
      std::string out = "CASE";
      if (e->subject) out += " " + text(e->subject.get());
      for (size_t i = 0; i + 1 < e->args.size(); i += 2)
        out += " WHEN " + text(e->args[i].get()) + " THEN " + text(e->args[i + 1].get());
      if (e->else_expr) out += " ELSE " + text(e->else_expr.get());
      return out + " END";
    }
    case ExprKind::ListComprehension: {
      std::string out = "[" + e->variable + " IN " + text(e->args[0].get());
      if (e->where) out += " WHERE " + text(e->where.get());
      if (e->projection) out += " | " + text(e->projection.get());
      return out + "]";
    }
    case ExprKind::PatternComprehension: {
      std::string out = "[" + (e->patterns.empty() ? "" : pattern_text(e->patterns[0]));
      if (e->where) out += " WHERE " + text(e->where.get());
      if (e->projection) out += " | " + text(e->projection.get());
      return out + "]";
    }
    case ExprKind::Quantifier: {
      std::string out = e->name + "(" + e->variable + " IN " + text(e->args[0].get());
      if (e->where) out += " WHERE " + text(e->where.get());
      return out + ")";
    }
    case ExprKind::Reduce:
      return "reduce(" + e->name + " = " + text(e->args[0].get()) + ", " + e->variable + " IN " +
             text(e->args[1].get()) + " | " + text(e->projection.get()) + ")";
    case ExprKind::PatternPredicate:
      return e->patterns.empty() ? "()" : pattern_text(e->patterns[0]);
    case ExprKind::ShortestPath:
      return e->patterns.empty() ? "shortestPath()" : pattern_text(e->patterns[0]);
    case ExprKind::Exists: {
      if (e->subquery) return "EXISTS { ... }";
      std::string out = "EXISTS { ";
      for (size_t i = 0; i < e->patterns.size(); ++i)
        out += (i ? ", " : "") + pattern_text(e->patterns[i]);
      if (e->where) out += " WHERE " + text(e->where.get());
      return out + " }";
    }
    case ExprKind::Within:
      return operand(e->args[0].get(), 6, false) + " WITHIN " + text(e->args[1].get()) + " " +
             std::string(ast::time_unit_name(e->unit)) + "S";
    case ExprKind::Since:
      return operand(e->args[0].get(), 6, false) + " SINCE " + text(e->args[1].get());
    default: return "?";
  }
}

std::string props(const ast::ExprPtr& p) { return p ? " " + text(p.get()) : ""; }

std::string rel_text(const ast::RelPattern& r) {
  std::string inner = r.variable;
  for (size_t i = 0; i < r.types.size(); ++i) inner += (i ? "|" : ":") + r.types[i];
  if (r.var_length) {
    inner += "*";
    if (r.min_hops && r.max_hops && *r.min_hops == *r.max_hops) {
      inner += std::to_string(*r.min_hops);
    } else if (r.min_hops || r.max_hops) {
      if (r.min_hops) inner += std::to_string(*r.min_hops);
      inner += "..";
      if (r.max_hops) inner += std::to_string(*r.max_hops);
    }
  }
  inner += props(r.properties);
  std::string body = inner.empty() ? "" : "[" + inner + "]";
  switch (r.direction) {
    case ast::Direction::Outgoing: return "-" + body + "->";
    case ast::Direction::Incoming: return "<-" + body + "-";
    case ast::Direction::Both: return "-" + body + "-";
  }
  return "-" + body + "-";
}

}  // namespace

std::string expr_text(const ast::Expr& e) { return text(&e); }

std::string node_text(const ast::NodePattern& n) {
  return "(" + n.variable + labels(n.labels) + props(n.properties) + ")";
}

std::string pattern_text(const ast::PatternPart& p) {
  std::string out;
  if (!p.path_variable.empty()) out += p.path_variable + " = ";
  std::string body;
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    if (i) body += rel_text(p.rels[i - 1]);
    body += node_text(p.nodes[i]);
  }
  switch (p.kind) {
    case ast::PathKind::Shortest: return out + "shortestPath(" + body + ")";
    case ast::PathKind::AllShortest: return out + "allShortestPaths(" + body + ")";
    default: return out + body;
  }
}

}  // namespace kith::query::planner
