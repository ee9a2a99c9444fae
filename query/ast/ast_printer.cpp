#include "query/ast/ast_printer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace kith::query::ast {
namespace {

bool is_plain_name(const std::string& s) {
  if (s.empty()) return false;
  auto c0 = static_cast<unsigned char>(s[0]);
  if (!(std::isalpha(c0) || c0 == '_' || c0 >= 0x80)) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  return true;
}

// Names that would not read back as one token are written in backticks.
std::string name(const std::string& s) {
  if (is_plain_name(s)) return s;
  std::string out = "`";
  for (char c : s) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string format_double(double d) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";
  return s;
}

// Labels that are all required (SET n:A:B, REMOVE n:A:B) print as ":A:B".
std::vector<std::vector<std::string>> required_labels(const std::vector<std::string>& labels) {
  std::vector<std::vector<std::string>> groups;
  for (const auto& l : labels) groups.push_back({l});
  return groups;
}

std::string labels_text(const std::vector<std::vector<std::string>>& groups) {
  std::string out;
  for (const auto& g : groups) {
    out += ':';
    for (size_t i = 0; i < g.size(); ++i) out += (i ? "|" : "") + name(g[i]);
  }
  return out;
}

std::string_view op_name(ExprKind k) {
  switch (k) {
    case ExprKind::Not: return "not";
    case ExprKind::Negate: return "neg";
    case ExprKind::IsNull: return "is-null";
    case ExprKind::IsNotNull: return "is-not-null";
    case ExprKind::Or: return "or";
    case ExprKind::Xor: return "xor";
    case ExprKind::And: return "and";
    case ExprKind::Eq: return "=";
    case ExprKind::Ne: return "<>";
    case ExprKind::Lt: return "<";
    case ExprKind::Le: return "<=";
    case ExprKind::Gt: return ">";
    case ExprKind::Ge: return ">=";
    case ExprKind::Add: return "+";
    case ExprKind::Sub: return "-";
    case ExprKind::Mul: return "*";
    case ExprKind::Div: return "/";
    case ExprKind::Mod: return "%";
    case ExprKind::Pow: return "^";
    case ExprKind::In: return "in";
    case ExprKind::StartsWith: return "starts-with";
    case ExprKind::EndsWith: return "ends-with";
    case ExprKind::Contains: return "contains";
    case ExprKind::RegexMatch: return "=~";
    default: return "?";
  }
}

class Printer {
 public:
  std::string out;

  void expr(const Expr* e) {
    if (!e) {
      out += '_';
      return;
    }
    switch (e->kind) {
      case ExprKind::Null: out += "null"; return;
      case ExprKind::Bool: out += std::get<bool>(e->literal) ? "true" : "false"; return;
      case ExprKind::Int: out += std::to_string(std::get<int64_t>(e->literal)); return;
      case ExprKind::Float: out += format_double(std::get<double>(e->literal)); return;
      case ExprKind::String: out += quote(std::get<std::string>(e->literal)); return;
      case ExprKind::Variable: out += name(e->name); return;
      case ExprKind::Parameter:
        out += '$';
        // Positional parameters ($0) print as written.
        out += std::all_of(e->name.begin(), e->name.end(), ::isdigit) && !e->name.empty() ? e->name : name(e->name);
        return;
      case ExprKind::Property:
        out += "(. ";
        expr(e->args[0].get());
        out += " " + name(e->name) + ")";
        return;
      case ExprKind::Index: list("index", e->args); return;
      case ExprKind::Slice: list("slice", e->args); return;
      case ExprKind::HasLabels:
        out += "(has-labels ";
        expr(e->args[0].get());
        out += " " + labels_text(e->labels) + ")";
        return;
      case ExprKind::List: list("list", e->args); return;
      case ExprKind::Map: map(*e); return;
      case ExprKind::Call:
        out += "(call " + e->name + (e->distinct ? " distinct" : "");
        for (const auto& a : e->args) {
          out += ' ';
          expr(a.get());
        }
        out += ')';
        return;
      case ExprKind::CountStar: out += "(count-star)"; return;
      case ExprKind::Case:
        out += "(case";
        if (e->subject) {
          out += " ";
          expr(e->subject.get());
        }
        for (size_t i = 0; i + 1 < e->args.size(); i += 2) {
          out += " (when ";
          expr(e->args[i].get());
          out += ' ';
          expr(e->args[i + 1].get());
          out += ')';
        }
        if (e->else_expr) {
          out += " (else ";
          expr(e->else_expr.get());
          out += ')';
        }
        out += ')';
        return;
      case ExprKind::ListComprehension:
        out += "(list-comp " + name(e->variable) + " ";
        expr(e->args[0].get());
        where_and_projection(*e);
        return;
      case ExprKind::PatternComprehension:
        out += "(pattern-comp ";
        pattern(e->patterns[0]);
        where_and_projection(*e);
        return;
      case ExprKind::Quantifier:
        out += "(" + e->name + " " + name(e->variable) + " ";
        expr(e->args[0].get());
        where_and_projection(*e);
        return;
      case ExprKind::Reduce:
        out += "(reduce " + name(e->name) + " ";
        expr(e->args[0].get());
        out += " " + name(e->variable) + " ";
        expr(e->args[1].get());
        out += ' ';
        expr(e->projection.get());
        out += ')';
        return;
      case ExprKind::PatternPredicate:
        out += "(pattern ";
        pattern(e->patterns[0]);
        out += ')';
        return;
      case ExprKind::ShortestPath:
        pattern(e->patterns[0]);
        return;
      case ExprKind::Exists:
        out += "(exists ";
        if (e->subquery) {
          query(*e->subquery);
        } else {
          patterns(e->patterns);
          if (e->where) {
            out += " (where ";
            expr(e->where.get());
            out += ')';
          }
        }
        out += ')';
        return;
      case ExprKind::Within:
        out += "(within ";
        expr(e->args[0].get());
        out += ' ';
        expr(e->args[1].get());
        out += " " + std::string(time_unit_name(e->unit)) + ")";
        return;
      case ExprKind::Since: list("since", e->args); return;
      default:
        list(op_name(e->kind), e->args);
        return;
    }
  }

  void list(std::string_view head, const std::vector<ExprPtr>& args) {
    out += '(';
    out += head;
    for (const auto& a : args) {
      out += ' ';
      expr(a.get());
    }
    out += ')';
  }

  void map(const Expr& e) {
    out += "(map";
    for (size_t i = 0; i < e.args.size(); ++i) {
      out += " (" + name(e.keys[i]) + " ";
      expr(e.args[i].get());
      out += ')';
    }
    out += ')';
  }

  void where_and_projection(const Expr& e) {
    if (e.where) {
      out += " (where ";
      expr(e.where.get());
      out += ')';
    }
    if (e.projection) {
      out += " (yield ";
      expr(e.projection.get());
      out += ')';
    }
    out += ')';
  }

  void node(const NodePattern& n) {
    out += "(node " + (n.variable.empty() ? std::string("_") : name(n.variable));
    if (!n.labels.empty()) out += " " + labels_text(n.labels);
    if (n.properties) {
      out += ' ';
      expr(n.properties.get());
    }
    out += ')';
  }

  void rel(const RelPattern& r) {
    out += "(rel ";
    out += r.direction == Direction::Outgoing ? "->" : r.direction == Direction::Incoming ? "<-" : "--";
    out += " " + (r.variable.empty() ? std::string("_") : name(r.variable));
    for (size_t i = 0; i < r.types.size(); ++i) out += (i ? "|" : " :") + name(r.types[i]);
    if (r.var_length) {
      out += " *";
      if (r.min_hops) out += std::to_string(*r.min_hops);
      if (r.min_hops != r.max_hops) {
        out += "..";
        if (r.max_hops) out += std::to_string(*r.max_hops);
      }
    }
    if (r.properties) {
      out += ' ';
      expr(r.properties.get());
    }
    out += ')';
  }

  void pattern(const PatternPart& p) {
    out += "(path";
    if (!p.path_variable.empty()) out += " " + name(p.path_variable);
    switch (p.kind) {
      case PathKind::Plain: break;
      case PathKind::Shortest: out += " shortest"; break;
      case PathKind::AllShortest: out += " all-shortest"; break;
      case PathKind::Warmest:
        out += " (warmest ";
        expr(p.warmest_k.get());
        out += ')';
        break;
    }
    for (size_t i = 0; i < p.nodes.size(); ++i) {
      if (i > 0) {
        out += ' ';
        rel(p.rels[i - 1]);
      }
      out += ' ';
      node(p.nodes[i]);
    }
    out += ')';
  }

  void patterns(const std::vector<PatternPart>& ps) {
    for (size_t i = 0; i < ps.size(); ++i) {
      if (i) out += ' ';
      pattern(ps[i]);
    }
  }

  void optional_clause(std::string_view head, const Expr* e) {
    if (!e) return;
    out += " (";
    out += head;
    out += ' ';
    expr(e);
    out += ')';
  }

  void projection(std::string_view head, const Projection& p, const Expr* where) {
    out += '(';
    out += head;
    if (p.distinct) out += " distinct";
    if (p.star) out += " *";
    for (const auto& item : p.items) {
      out += " (item ";
      expr(item.expr.get());
      if (!item.alias.empty()) out += " " + name(item.alias);
      out += ')';
    }
    if (!p.order_by.empty()) {
      out += " (order-by";
      for (const auto& s : p.order_by) {
        out += s.descending ? " (desc " : " (asc ";
        expr(s.expr.get());
        out += ')';
      }
      out += ')';
    }
    optional_clause("skip", p.skip.get());
    optional_clause("limit", p.limit.get());
    optional_clause("where", where);
    out += ')';
  }

  static std::string path_text(const std::string& var, const std::vector<std::string>& keys) {
    std::string s = "(. " + name(var);
    for (const auto& k : keys) s += " " + name(k);
    return s + ")";
  }

  void set_items(const std::vector<SetItem>& items) {
    for (const auto& s : items) {
      out += ' ';
      switch (s.kind) {
        case SetKind::Property: out += "(set-prop " + path_text(s.variable, s.property_path) + " "; break;
        case SetKind::AllProperties: out += "(set-all " + name(s.variable) + " "; break;
        case SetKind::MergeProperties: out += "(set-merge " + name(s.variable) + " "; break;
        case SetKind::Labels: out += "(set-labels " + name(s.variable) + " " + labels_text(required_labels(s.labels)); break;
      }
      if (s.kind != SetKind::Labels) expr(s.value.get());
      out += ')';
    }
  }

  void clause(const Clause& c) {
    std::visit([this](const auto& body) { this->clause_body(body); }, c.body);
  }

  void clause_body(const MatchClause& c) {
    out += c.optional ? "(optional-match " : "(match ";
    patterns(c.patterns);
    optional_clause("where", c.where.get());
    out += ')';
  }
  void clause_body(const UnwindClause& c) {
    out += "(unwind ";
    expr(c.list.get());
    out += " " + name(c.variable) + ")";
  }
  void clause_body(const WithClause& c) { projection("with", c.projection, c.where.get()); }
  void clause_body(const ReturnClause& c) { projection("return", c.projection, nullptr); }
  void clause_body(const CreateClause& c) {
    out += "(create ";
    patterns(c.patterns);
    out += ')';
  }
  void clause_body(const MergeClause& c) {
    out += "(merge ";
    pattern(c.pattern);
    if (!c.on_create.empty()) {
      out += " (on-create";
      set_items(c.on_create);
      out += ')';
    }
    if (!c.on_match.empty()) {
      out += " (on-match";
      set_items(c.on_match);
      out += ')';
    }
    out += ')';
  }
  void clause_body(const SetClause& c) {
    out += "(set";
    set_items(c.items);
    out += ')';
  }
  void clause_body(const RemoveClause& c) {
    out += "(remove";
    for (const auto& r : c.items) {
      if (!r.property_path.empty())
        out += " (remove-prop " + path_text(r.variable, r.property_path) + ")";
      else
        out += " (remove-labels " + name(r.variable) + " " + labels_text(required_labels(r.labels)) + ")";
    }
    out += ')';
  }
  void clause_body(const DeleteClause& c) {
    out += c.detach ? "(detach-delete" : "(delete";
    for (const auto& t : c.targets) {
      out += ' ';
      expr(t.get());
    }
    out += ')';
  }
  void clause_body(const CallClause& c) {
    out += "(call-proc " + c.procedure;
    if (c.has_arguments) {
      out += ' ';
      list("args", c.args);
    }
    if (c.yield_star) out += " (yield *)";
    if (!c.yields.empty()) {
      out += " (yield";
      for (const auto& y : c.yields)
        out += y.alias == y.field ? " " + name(y.field) : " (" + name(y.field) + " " + name(y.alias) + ")";
      out += ')';
    }
    optional_clause("where", c.where.get());
    out += ')';
  }

  void single_query(const SingleQuery& q) {
    out += "(query";
    for (const auto& c : q.clauses) {
      out += ' ';
      clause(c);
    }
    out += ')';
  }

  void query(const Query& q) {
    if (q.parts.size() == 1) {
      single_query(q.parts[0]);
      return;
    }
    out += q.union_all ? "(union-all" : "(union";
    for (const auto& p : q.parts) {
      out += ' ';
      single_query(p);
    }
    out += ')';
  }

  void phrase_item(const PhraseItem& item) {
    switch (item.kind) {
      case PhraseItem::Kind::Word: out += name(item.word); break;
      case PhraseItem::Kind::Value: expr(item.value.get()); break;
      case PhraseItem::Kind::Within:
        out += "(within ";
        expr(item.value.get());
        out += " " + std::string(time_unit_name(item.unit)) + ")";
        break;
      case PhraseItem::Kind::Since:
        out += "(since ";
        expr(item.value.get());
        out += ')';
        break;
    }
  }

  void body(const Query& q) { query(q); }
  void body(const CreateIndex& c) {
    out += "(create-index " + (c.name.empty() ? std::string("_") : name(c.name));
    if (c.if_not_exists) out += " if-not-exists";
    out += ' ';
    node(c.node);
    for (const auto& p : c.properties) out += " " + path_text(p[0], {p.begin() + 1, p.end()});
    out += ')';
  }
  void body(const CreateConstraint& c) {
    out += "(create-constraint " + (c.name.empty() ? std::string("_") : name(c.name));
    if (c.if_not_exists) out += " if-not-exists";
    out += ' ';
    node(c.node);
    out += " " + path_text(c.property[0], {c.property.begin() + 1, c.property.end()});
    out += c.kind == CreateConstraint::Kind::Unique ? " unique)" : " not-null)";
  }
  void body(const DropSchema& d) {
    out += (d.constraint ? "(drop-constraint " : "(drop-index ") + name(d.name);
    if (d.if_exists) out += " if-exists";
    out += ')';
  }
  void body(const DefineQuestion& d) {
    out += "(define-question " + name(d.name) + " (";
    for (size_t i = 0; i < d.parameters.size(); ++i) out += (i ? " $" : "$") + name(d.parameters[i]);
    out += ") ";
    query(*d.body);
    out += ')';
  }
  void body(const AskQuestion& a) { list("ask " + name(a.name), a.args); }
  void body(const DefinePhrase& d) {
    out += "(define-phrase (";
    for (size_t i = 0; i < d.head.size(); ++i) {
      if (i) out += ' ';
      phrase_item(d.head[i]);
    }
    out += ") ";
    query(*d.body);
    out += ')';
  }
  void body(const FindPhrase& f) {
    out += "(find";
    for (const auto& item : f.items) {
      out += ' ';
      phrase_item(item);
    }
    out += ')';
  }

  void statement(const Statement& s) {
    for (const auto& p : s.prefixes) {
      switch (p.kind) {
        case PrefixKind::Explain: out += "(explain "; break;
        case PrefixKind::Profile: out += "(profile "; break;
        case PrefixKind::Why: out += "(why "; break;
        case PrefixKind::ForPurpose: out += "(for-purpose " + name(p.purpose) + " "; break;
      }
    }
    std::visit([this](const auto& b) { this->body(b); }, s.body);
    out += std::string(s.prefixes.size(), ')');
  }
};

}  // namespace

std::string to_string(const Statement& s) {
  Printer p;
  p.statement(s);
  return std::move(p.out);
}

std::string to_string(const Query& q) {
  Printer p;
  p.query(q);
  return std::move(p.out);
}

std::string to_string(const Expr& e) {
  Printer p;
  p.expr(&e);
  return std::move(p.out);
}

std::string to_string(const PatternPart& part) {
  Printer p;
  p.pattern(part);
  return std::move(p.out);
}

}  // namespace kith::query::ast
