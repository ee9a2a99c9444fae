// Walks the ANTLR parse tree and builds the AST. This is where the grammar's
// shapes become meaning: left-associative operator chains, chained
// comparisons (a < b < c is a < b AND b < c), a minus sign folded into the
// number it precedes, escapes decoded, and every node given its position.
#include "query/parser/ast_builder.h"

#include <algorithm>
#include <cctype>

#include "query/parser/literals.h"
#include "storage/error.h"

namespace kith::query {
namespace {

using namespace ast;
using P = grammar::KithParser;
using antlr4::ParserRuleContext;
using antlr4::Token;
using antlr4::tree::TerminalNode;

Pos pos_of(const Token* t) {
  return Pos{static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine()) + 1};
}
Pos pos_of(ParserRuleContext* ctx) { return pos_of(ctx->getStart()); }
TokenStart start_of(const Token* t) {
  return TokenStart{static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine()) + 1};
}

[[noreturn]] void fail_at(Pos p, const std::string& message) {
  throw Error(ErrorCode::SyntaxError, message, p.line, p.column);
}

std::string source_text(ParserRuleContext* ctx) {
  const Token* a = ctx->getStart();
  const Token* b = ctx->getStop();
  if (!b || b->getStopIndex() < a->getStartIndex()) return {};
  return a->getInputStream()->getText(antlr4::misc::Interval(a->getStartIndex(), b->getStopIndex()));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TimeUnit time_unit(P::TimeUnitContext* ctx) {
  std::string u = lower(ctx->getText());
  if (u.back() == 's') u.pop_back();
  if (u == "minute") return TimeUnit::Minute;
  if (u == "hour") return TimeUnit::Hour;
  if (u == "week") return TimeUnit::Week;
  if (u == "month") return TimeUnit::Month;
  return TimeUnit::Day;
}

class Builder {
 public:
  explicit Builder(const ParseOptions& options) : options_(options) {}

  // ------------------------------------------------------------ names
  std::string name(P::SymbolicNameContext* ctx) {
    if (auto* esc = ctx->EscapedSymbolicName()) return decode_escaped_name(esc->getText());
    return ctx->getText();
  }
  std::string name(P::SchemaNameContext* ctx) {
    if (ctx->symbolicName()) return name(ctx->symbolicName());
    return ctx->getText();
  }
  std::string name(P::VariableContext* ctx) { return name(ctx->symbolicName()); }
  std::string name(P::PropertyKeyNameContext* ctx) { return name(ctx->schemaName()); }

  // "db.labels", "apoc.coll.sum": names joined by dots, whatever the spacing.
  std::string dotted_name(ParserRuleContext* ctx) {
    std::string out;
    for (auto* child : ctx->children) {
      if (auto* s = dynamic_cast<P::SymbolicNameContext*>(child)) out += name(s);
      else if (auto* k = dynamic_cast<P::SchemaNameContext*>(child)) out += name(k);
      else out += child->getText();
    }
    return out;
  }

  std::vector<std::vector<std::string>> labels(P::NodeLabelsContext* ctx) {
    std::vector<std::vector<std::string>> groups;
    for (auto* g : ctx->labelGroup()) {
      std::vector<std::string> alternatives;
      for (auto* n : g->schemaName()) alternatives.push_back(name(n));
      groups.push_back(std::move(alternatives));
    }
    return groups;
  }

  // ------------------------------------------------------------ statement
  Statement statement(P::StatementContext* ctx) {
    Statement s{pos_of(ctx), {}, Query{}};
    for (auto* p : ctx->statementPrefix()) {
      StatementPrefix prefix{pos_of(p), PrefixKind::Explain, {}};
      if (p->PROFILE()) prefix.kind = PrefixKind::Profile;
      if (p->WHY()) prefix.kind = PrefixKind::Why;
      if (p->PURPOSE()) {
        prefix.kind = PrefixKind::ForPurpose;
        prefix.purpose = name(p->symbolicName());
      }
      s.prefixes.push_back(std::move(prefix));
    }
    auto* body = ctx->statementBody();
    if (body->query()) {
      s.body = query(body->query());
    } else if (auto* sc = body->schemaCommand()) {
      s.body = schema(sc);
    } else if (auto* dq = body->defineQuestion()) {
      DefineQuestion d;
      d.name = name(dq->symbolicName());
      for (auto* p : dq->parameter()) d.parameters.push_back(parameter(p)->name);
      d.body = std::make_unique<Query>(query(dq->query()));
      d.body_text = source_text(dq->query());
      s.body = std::move(d);
    } else if (auto* aq = body->askQuestion()) {
      AskQuestion a;
      a.name = name(aq->symbolicName());
      for (auto* e : aq->expression()) a.args.push_back(expr(e));
      s.body = std::move(a);
    } else if (auto* dp = body->definePhrase()) {
      DefinePhrase d;
      for (auto* h : dp->phraseHeadItem()) {
        PhraseItem item;
        item.pos = pos_of(h);
        if (h->phraseWord()) {
          item.word = name(h->phraseWord()->schemaName());
        } else {
          item.kind = PhraseItem::Kind::Value;
          item.value = parameter(h->parameter());
        }
        d.head.push_back(std::move(item));
      }
      d.body = std::make_unique<Query>(query(dp->query()));
      d.body_text = source_text(dp->query());
      s.body = std::move(d);
    } else if (auto* fp = body->findPhrase()) {
      FindPhrase f;
      for (auto* i : fp->phraseItem()) f.items.push_back(phrase_item(i));
      s.body = std::move(f);
    }
    return s;
  }

  PhraseItem phrase_item(P::PhraseItemContext* ctx) {
    PhraseItem item;
    item.pos = pos_of(ctx);
    if (auto* w = dynamic_cast<P::PhraseWindowContext*>(ctx)) {
      item.kind = PhraseItem::Kind::Within;
      item.value = window_amount(w->timeWindow());
      item.unit = time_unit(w->timeWindow()->timeUnit());
    } else if (auto* s = dynamic_cast<P::PhraseSinceContext*>(ctx)) {
      item.kind = PhraseItem::Kind::Since;
      item.value = atom(s->atom());
    } else if (auto* word = dynamic_cast<P::PhraseWordItemContext*>(ctx)) {
      item.word = name(word->phraseWord()->schemaName());
    } else if (auto* str = dynamic_cast<P::PhraseStringContext*>(ctx)) {
      item.kind = PhraseItem::Kind::Value;
      item.value = string_literal(str->StringLiteral()->getSymbol());
    } else if (auto* num = dynamic_cast<P::PhraseNumberContext*>(ctx)) {
      item.kind = PhraseItem::Kind::Value;
      item.value = number(num->numberLiteral(), num->MINUS() != nullptr, item.pos);
    } else if (auto* par = dynamic_cast<P::PhraseParameterContext*>(ctx)) {
      item.kind = PhraseItem::Kind::Value;
      item.value = parameter(par->parameter());
    }
    return item;
  }

  ExprPtr window_amount(P::TimeWindowContext* ctx) {
    if (ctx->parameter()) return parameter(ctx->parameter());
    return integer(ctx->integerLiteral(), false, pos_of(ctx->integerLiteral()));
  }

  StatementBody schema(P::SchemaCommandContext* ctx) {
    if (auto* c = dynamic_cast<P::CreateIndexContext*>(ctx)) {
      CreateIndex idx;
      if (c->symbolicName()) idx.name = name(c->symbolicName());
      idx.if_not_exists = c->EXISTS() != nullptr;
      idx.node = node(c->nodePattern());
      for (auto* p : c->propertyExpression()) idx.properties.push_back(property_path(p));
      return idx;
    }
    if (auto* c = dynamic_cast<P::CreateConstraintContext*>(ctx)) {
      CreateConstraint con;
      if (c->symbolicName()) con.name = name(c->symbolicName());
      con.if_not_exists = c->EXISTS() != nullptr;
      con.node = node(c->nodePattern());
      con.property = property_path(c->propertyExpression());
      con.kind = c->UNIQUE() ? CreateConstraint::Kind::Unique : CreateConstraint::Kind::NotNull;
      return con;
    }
    auto* d = dynamic_cast<P::DropSchemaContext*>(ctx);
    DropSchema drop;
    drop.constraint = d->CONSTRAINT() != nullptr;
    drop.name = name(d->symbolicName());
    drop.if_exists = d->EXISTS() != nullptr;
    return drop;
  }

  std::vector<std::string> property_path(P::PropertyExpressionContext* ctx) {
    std::vector<std::string> path{name(ctx->variable())};
    for (auto* k : ctx->propertyKeyName()) path.push_back(name(k));
    return path;
  }

  // ------------------------------------------------------------ queries
  Query query(P::QueryContext* ctx) {
    Query q;
    q.pos = pos_of(ctx);
    q.parts.push_back(single_query(ctx->singleQuery()));
    bool first = true;
    for (auto* u : ctx->unionPart()) {
      bool all = u->ALL() != nullptr;
      if (!first && all != q.union_all)
        fail_at(pos_of(u), "UNION and UNION ALL cannot be mixed in one query");
      q.union_all = all;
      first = false;
      q.parts.push_back(single_query(u->singleQuery()));
    }
    return q;
  }

  SingleQuery single_query(P::SingleQueryContext* ctx) {
    SingleQuery q;
    q.pos = pos_of(ctx);
    for (auto* c : ctx->clause()) q.clauses.push_back(Clause{pos_of(c), clause(c)});
    return q;
  }

  ClauseBody clause(P::ClauseContext* ctx) {
    if (auto* c = ctx->matchClause()) {
      MatchClause m;
      m.optional = c->OPTIONAL() != nullptr;
      m.patterns = pattern(c->pattern());
      if (c->whereClause()) m.where = expr(c->whereClause()->expression());
      return m;
    }
    if (auto* c = ctx->unwindClause()) return UnwindClause{expr(c->expression()), name(c->variable())};
    if (auto* c = ctx->withClause()) {
      WithClause w{projection(c->projectionBody()), nullptr};
      if (c->whereClause()) w.where = expr(c->whereClause()->expression());
      return w;
    }
    if (auto* c = ctx->returnClause()) return ReturnClause{projection(c->projectionBody())};
    if (auto* c = ctx->createClause()) return CreateClause{pattern(c->pattern())};
    if (auto* c = ctx->mergeClause()) {
      MergeClause m;
      m.pattern = pattern_part(c->patternPart());
      for (auto* a : c->mergeAction()) {
        auto& target = a->CREATE() ? m.on_create : m.on_match;
        for (auto* s : a->setItem()) target.push_back(set_item(s));
      }
      return m;
    }
    if (auto* c = ctx->setClause()) {
      SetClause s;
      for (auto* i : c->setItem()) s.items.push_back(set_item(i));
      return s;
    }
    if (auto* c = ctx->removeClause()) {
      RemoveClause r;
      for (auto* i : c->removeItem()) {
        RemoveItem item;
        item.pos = pos_of(i);
        if (auto* l = dynamic_cast<P::RemoveLabelsContext*>(i)) {
          item.variable = name(l->variable());
          for (auto& g : labels(l->nodeLabels())) item.labels.insert(item.labels.end(), g.begin(), g.end());
        } else {
          auto path = property_path(dynamic_cast<P::RemovePropertyContext*>(i)->propertyExpression());
          item.variable = path[0];
          item.property_path.assign(path.begin() + 1, path.end());
        }
        r.items.push_back(std::move(item));
      }
      return r;
    }
    if (auto* c = ctx->deleteClause()) {
      DeleteClause d;
      d.detach = c->DETACH() != nullptr;
      for (auto* e : c->expression()) d.targets.push_back(expr(e));
      return d;
    }
    auto* c = ctx->callClause();
    CallClause call;
    call.procedure = dotted_name(c->procedureName());
    call.has_arguments = c->LPAREN() != nullptr;
    for (auto* e : c->expression()) call.args.push_back(expr(e));
    call.yield_star = c->YIELD() && c->STAR();
    for (auto* y : c->yieldItem()) {
      YieldItem item{pos_of(y), {}, name(y->variable())};
      item.field = y->schemaName() ? name(y->schemaName()) : item.alias;
      call.yields.push_back(std::move(item));
    }
    if (c->whereClause()) call.where = expr(c->whereClause()->expression());
    return call;
  }

  SetItem set_item(P::SetItemContext* ctx) {
    SetItem item;
    item.pos = pos_of(ctx);
    if (auto* s = dynamic_cast<P::SetPropertyContext*>(ctx)) {
      auto path = property_path(s->propertyExpression());
      item.kind = SetKind::Property;
      item.variable = path[0];
      item.property_path.assign(path.begin() + 1, path.end());
      item.value = expr(s->expression());
    } else if (auto* s = dynamic_cast<P::SetAllPropertiesContext*>(ctx)) {
      item.kind = SetKind::AllProperties;
      item.variable = name(s->variable());
      item.value = expr(s->expression());
    } else if (auto* s = dynamic_cast<P::SetMergePropertiesContext*>(ctx)) {
      item.kind = SetKind::MergeProperties;
      item.variable = name(s->variable());
      item.value = expr(s->expression());
    } else {
      auto* l = dynamic_cast<P::SetLabelsContext*>(ctx);
      item.kind = SetKind::Labels;
      item.variable = name(l->variable());
      for (auto& g : labels(l->nodeLabels())) item.labels.insert(item.labels.end(), g.begin(), g.end());
    }
    return item;
  }

  Projection projection(P::ProjectionBodyContext* ctx) {
    Projection p;
    p.distinct = ctx->DISTINCT() != nullptr;
    p.star = ctx->projectionItems()->STAR() != nullptr;
    for (auto* i : ctx->projectionItems()->projectionItem()) {
      ProjectionItem item;
      item.pos = pos_of(i);
      item.expr = expr(i->expression());
      if (i->variable()) item.alias = name(i->variable());
      item.text = source_text(i->expression());
      p.items.push_back(std::move(item));
    }
    if (auto* o = ctx->orderByClause()) {
      for (auto* s : o->sortItem())
        p.order_by.push_back(SortItem{pos_of(s), expr(s->expression()), s->DESC() || s->DESCENDING()});
    }
    if (ctx->skipClause()) p.skip = expr(ctx->skipClause()->expression());
    if (ctx->limitClause()) p.limit = expr(ctx->limitClause()->expression());
    return p;
  }

  // ------------------------------------------------------------ patterns
  std::vector<PatternPart> pattern(P::PatternContext* ctx) {
    std::vector<PatternPart> parts;
    for (auto* p : ctx->patternPart()) parts.push_back(pattern_part(p));
    return parts;
  }

  PatternPart pattern_part(P::PatternPartContext* ctx) {
    PatternPart part;
    auto* top = ctx->patternElementTop();
    P::PatternElementContext* element = nullptr;
    if (auto* w = dynamic_cast<P::WarmestPatternContext*>(top)) {
      part.kind = PathKind::Warmest;
      part.warmest_k = w->parameter() ? parameter(w->parameter())
                                      : integer(w->integerLiteral(), false, pos_of(w->integerLiteral()));
      element = w->patternElement();
    } else if (auto* s = dynamic_cast<P::ShortestPatternContext*>(top)) {
      part.kind = s->SHORTESTPATH() ? PathKind::Shortest : PathKind::AllShortest;
      element = s->patternElement();
    } else {
      element = dynamic_cast<P::PlainPatternContext*>(top)->patternElement();
    }
    fill_chain(part, element->nodePattern(), element->patternChain());
    if (ctx->variable()) part.path_variable = name(ctx->variable());
    part.pos = pos_of(ctx);
    return part;
  }

  void fill_chain(PatternPart& part, P::NodePatternContext* first, const std::vector<P::PatternChainContext*>& chain) {
    part.pos = pos_of(first);
    part.nodes.push_back(node(first));
    for (auto* link : chain) {
      part.rels.push_back(relationship(link->relationshipPattern()));
      part.nodes.push_back(node(link->nodePattern()));
    }
  }

  NodePattern node(P::NodePatternContext* ctx) {
    NodePattern n;
    n.pos = pos_of(ctx);
    if (ctx->variable()) n.variable = name(ctx->variable());
    if (ctx->nodeLabels()) n.labels = labels(ctx->nodeLabels());
    if (ctx->properties()) n.properties = properties(ctx->properties());
    return n;
  }

  ExprPtr properties(P::PropertiesContext* ctx) {
    return ctx->mapLiteral() ? map_literal(ctx->mapLiteral()) : parameter(ctx->parameter());
  }

  RelPattern relationship(P::RelationshipPatternContext* ctx) {
    RelPattern r;
    r.pos = pos_of(ctx);
    bool left = ctx->LT() != nullptr, right = ctx->GT() != nullptr;
    r.direction = left == right ? Direction::Both : right ? Direction::Outgoing : Direction::Incoming;
    auto* d = ctx->relationshipDetail();
    if (!d) return r;
    if (d->variable()) r.variable = name(d->variable());
    if (auto* t = d->relationshipTypes())
      for (auto* n : t->schemaName()) r.types.push_back(name(n));
    if (auto* range = d->rangeLiteral()) {
      r.var_length = true;
      bool after_dots = false;
      bool dots = range->DOTDOT() != nullptr;
      for (auto* child : range->children) {
        if (auto* tn = dynamic_cast<TerminalNode*>(child)) {
          if (tn->getSymbol()->getType() == P::DOTDOT) after_dots = true;
          continue;
        }
        auto* lit = dynamic_cast<P::IntegerLiteralContext*>(child);
        int64_t v = std::get<int64_t>(integer(lit, false, pos_of(lit))->literal);
        if (after_dots) {
          r.max_hops = v;
        } else {
          r.min_hops = v;
          if (!dots) r.max_hops = v;  // *2 is exactly two hops
        }
      }
      if (r.min_hops && r.max_hops && *r.min_hops > *r.max_hops)
        fail_at(pos_of(range), "invalid hop range: minimum " + std::to_string(*r.min_hops) +
                                   " is greater than maximum " + std::to_string(*r.max_hops));
    }
    if (d->properties()) r.properties = properties(d->properties());
    return r;
  }

  // ------------------------------------------------------------ expressions
  ExprPtr make(ExprKind kind, Pos pos) { return std::make_unique<Expr>(kind, pos); }

  // Sets the height from the children (and `inner`, the tallest expression
  // inside nested patterns or subqueries) and enforces the limit.
  ExprPtr done(ExprPtr e, uint32_t inner = 0) {
    uint32_t h = inner;
    auto see = [&h](const ExprPtr& c) {
      if (c) h = std::max(h, c->height);
    };
    for (const auto& a : e->args) see(a);
    see(e->subject);
    see(e->else_expr);
    see(e->where);
    see(e->projection);
    e->height = h + 1;
    if (e->height > options_.max_expression_height)
      fail_at(e->pos, "expression nested too deeply (more than " +
                          std::to_string(options_.max_expression_height) + " levels)");
    tallest_ = std::max(tallest_, e->height);
    return e;
  }

  ExprPtr binary(ExprKind kind, Pos pos, ExprPtr a, ExprPtr b) {
    auto e = make(kind, pos);
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return done(std::move(e));
  }

  ExprPtr unary(ExprKind kind, Pos pos, ExprPtr a) {
    auto e = make(kind, pos);
    e->args.push_back(std::move(a));
    return done(std::move(e));
  }

  static ExprKind comparison_kind(P::ComparisonOperatorContext* op) {
    switch (dynamic_cast<TerminalNode*>(op->children[0])->getSymbol()->getType()) {
      case P::NEQ: case P::NEQ2: return ExprKind::Ne;
      case P::LT: return ExprKind::Lt;
      case P::LE: return ExprKind::Le;
      case P::GT: return ExprKind::Gt;
      case P::GE: return ExprKind::Ge;
      default: return ExprKind::Eq;
    }
  }

  static ExprKind predicate_kind(size_t token) {
    switch (token) {
      case P::STARTS: return ExprKind::StartsWith;
      case P::ENDS: return ExprKind::EndsWith;
      case P::CONTAINS: return ExprKind::Contains;
      case P::REGEX_MATCH: return ExprKind::RegexMatch;
      default: return ExprKind::In;
    }
  }

  // The operator token of a binary alternative: its second child.
  static Token* operator_token(P::ExpressionContext* ctx) {
    auto* child = ctx->children[1];
    if (auto* tn = dynamic_cast<TerminalNode*>(child)) return tn->getSymbol();
    return dynamic_cast<ParserRuleContext*>(child)->getStart();  // comparisonOperator
  }

  // Binary and postfix alternatives nest to the left ("1+1+...+1" is a
  // left-deep tree as long as the chain), so the left spine is walked with a
  // loop, never recursion; only right operands recurse, and their depth is
  // bounded by the nesting limit.
  ExprPtr expr(P::ExpressionContext* ctx) {
    std::vector<P::ExpressionContext*> spine;
    while (dynamic_cast<P::AtomExpressionContext*>(ctx) == nullptr &&
           dynamic_cast<P::UnaryExpressionContext*>(ctx) == nullptr &&
           dynamic_cast<P::NotExpressionContext*>(ctx) == nullptr) {
      spine.push_back(ctx);
      ctx = dynamic_cast<P::ExpressionContext*>(ctx->children[0]);
    }
    ExprPtr result = prefix_or_atom(ctx);
    // In "a < b < c" the b of the previous comparison is the left side of the
    // next one: a < b AND b < c.
    const Expr* chained_right = nullptr;
    for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
      P::ExpressionContext* node = *it;
      if (auto* post = dynamic_cast<P::PostfixExpressionContext*>(node)) {
        result = postfix_op(std::move(result), post->postfixOperator());
        chained_right = nullptr;
        continue;
      }
      if (auto* null_test = dynamic_cast<P::NullPredicateExpressionContext*>(node)) {
        const ExprKind kind = null_test->NOT() ? ExprKind::IsNotNull : ExprKind::IsNull;
        result = unary(kind, pos_of(null_test->IS()->getSymbol()), std::move(result));
        chained_right = nullptr;
        continue;
      }
      if (auto* pred = dynamic_cast<P::PredicateExpressionContext*>(node)) {
        // STARTS WITH and ENDS WITH are two tokens: the right side is last.
        ExprPtr right = expr(pred->expression(1));
        result = binary(predicate_kind(operator_token(node)->getType()), pos_of(operator_token(node)),
                        std::move(result), std::move(right));
        chained_right = nullptr;
        continue;
      }
      Pos at = pos_of(operator_token(node));
      ExprPtr right = expr(dynamic_cast<P::ExpressionContext*>(node->children[2]));
      if (auto* cmp = dynamic_cast<P::ComparisonExpressionContext*>(node)) {
        ExprKind kind = comparison_kind(cmp->comparisonOperator());
        if (chained_right) {
          ExprPtr link = binary(kind, at, clone(*chained_right), std::move(right));
          chained_right = link->args[1].get();
          result = binary(ExprKind::And, at, std::move(result), std::move(link));
        } else {
          result = binary(kind, at, std::move(result), std::move(right));
          chained_right = result->args[1].get();
        }
        continue;
      }
      chained_right = nullptr;
      ExprKind kind = ExprKind::Or;
      if (dynamic_cast<P::PowerExpressionContext*>(node)) {
        kind = ExprKind::Pow;
      } else if (dynamic_cast<P::AndExpressionContext*>(node)) {
        kind = ExprKind::And;
      } else if (dynamic_cast<P::XorExpressionContext*>(node)) {
        kind = ExprKind::Xor;
      } else if (dynamic_cast<P::MultiplicativeExpressionContext*>(node) ||
                 dynamic_cast<P::AdditiveExpressionContext*>(node)) {
        switch (operator_token(node)->getType()) {
          case P::STAR: kind = ExprKind::Mul; break;
          case P::SLASH: kind = ExprKind::Div; break;
          case P::PERCENT: kind = ExprKind::Mod; break;
          case P::PLUS: kind = ExprKind::Add; break;
          default: kind = ExprKind::Sub; break;
        }
      }
      result = binary(kind, at, std::move(result), std::move(right));
    }
    return result;
  }

  ExprPtr prefix_or_atom(P::ExpressionContext* ctx) {
    if (auto* a = dynamic_cast<P::AtomExpressionContext*>(ctx)) return atom(a->atom());
    if (auto* n = dynamic_cast<P::NotExpressionContext*>(ctx)) {
      ExprPtr e = expr(n->expression());
      auto nots = n->NOT();
      for (auto it = nots.rbegin(); it != nots.rend(); ++it)
        e = unary(ExprKind::Not, pos_of((*it)->getSymbol()), std::move(e));
      return e;
    }
    auto* u = dynamic_cast<P::UnaryExpressionContext*>(ctx);
    std::vector<Token*> signs;
    for (auto* child : u->children)
      if (auto* tn = dynamic_cast<TerminalNode*>(child)) signs.push_back(tn->getSymbol());
    ExprPtr e;
    // "-5" is the literal -5 (and the only way to write INT64_MIN).
    if (signs.back()->getType() == P::MINUS) {
      if (auto* a = dynamic_cast<P::AtomExpressionContext*>(u->expression())) {
        if (auto* lit = dynamic_cast<P::LiteralAtomContext*>(a->atom())) {
          if (auto* num = lit->literal()->numberLiteral()) {
            e = number(num, true, pos_of(signs.back()));
            signs.pop_back();
          }
        }
      }
    }
    if (!e) e = expr(u->expression());
    for (auto it = signs.rbegin(); it != signs.rend(); ++it)
      if ((*it)->getType() == P::MINUS) e = unary(ExprKind::Negate, pos_of(*it), std::move(e));
    return e;
  }

  ExprPtr postfix_op(ExprPtr base, P::PostfixOperatorContext* op) {
    Pos p = pos_of(op);
    if (auto* c = dynamic_cast<P::PropertyLookupContext*>(op)) return property(std::move(base), c->propertyKeyName());
    if (auto* c = dynamic_cast<P::IndexLookupContext*>(op)) return binary(ExprKind::Index, p, std::move(base), expr(c->expression()));
    if (auto* c = dynamic_cast<P::SliceLookupContext*>(op)) return slice(std::move(base), p, c->from, c->to);
    if (auto* c = dynamic_cast<P::LabelPredicateContext*>(op)) {
      auto e = make(ExprKind::HasLabels, p);
      e->args.push_back(std::move(base));
      e->labels = labels(c->nodeLabels());
      return done(std::move(e));
    }
    if (auto* c = dynamic_cast<P::WithinWindowContext*>(op)) {
      auto e = make(ExprKind::Within, p);
      e->args.push_back(std::move(base));
      e->args.push_back(window_amount(c->timeWindow()));
      e->unit = time_unit(c->timeWindow()->timeUnit());
      return done(std::move(e));
    }
    auto* c = dynamic_cast<P::SinceOpContext*>(op);
    return binary(ExprKind::Since, p, std::move(base), accessor(c->accessorExpression()));
  }

  ExprPtr property(ExprPtr base, P::PropertyKeyNameContext* key) {
    auto e = make(ExprKind::Property, pos_of(key));
    e->args.push_back(std::move(base));
    e->name = name(key);
    return done(std::move(e));
  }

  ExprPtr slice(ExprPtr base, Pos p, P::ExpressionContext* from, P::ExpressionContext* to) {
    auto e = make(ExprKind::Slice, p);
    e->args.push_back(std::move(base));
    e->args.push_back(from ? expr(from) : nullptr);
    e->args.push_back(to ? expr(to) : nullptr);
    return done(std::move(e));
  }

  ExprPtr accessor(P::AccessorExpressionContext* ctx) {
    ExprPtr e;
    if (ctx->MINUS() && ctx->accessor().empty()) {
      if (auto* lit = dynamic_cast<P::LiteralAtomContext*>(ctx->atom()))
        if (auto* num = lit->literal()->numberLiteral()) return number(num, true, pos_of(ctx));
    }
    e = atom(ctx->atom());
    for (auto* a : ctx->accessor()) {
      if (auto* c = dynamic_cast<P::AccessorPropertyContext*>(a)) {
        e = property(std::move(e), c->propertyKeyName());
      } else if (auto* c = dynamic_cast<P::AccessorIndexContext*>(a)) {
        e = binary(ExprKind::Index, pos_of(a), std::move(e), expr(c->expression()));
      } else {
        auto* s = dynamic_cast<P::AccessorSliceContext*>(a);
        e = slice(std::move(e), pos_of(a), s->from, s->to);
      }
    }
    if (ctx->MINUS()) e = unary(ExprKind::Negate, pos_of(ctx), std::move(e));
    return e;
  }

  // Runs `f` (which builds nested patterns or queries) and returns the
  // tallest expression built inside, for the enclosing expression's height.
  template <typename F>
  uint32_t nested(F f) {
    uint32_t saved = tallest_;
    tallest_ = 0;
    f();
    uint32_t inner = tallest_ + 2;  // the clause and pattern levels around it
    tallest_ = std::max(saved, inner);
    return inner;
  }

  ExprPtr atom(P::AtomContext* ctx) {
    Pos p = pos_of(ctx);
    if (auto* c = dynamic_cast<P::LiteralAtomContext*>(ctx)) return literal(c->literal());
    if (auto* c = dynamic_cast<P::ParameterAtomContext*>(ctx)) return parameter(c->parameter());
    if (auto* c = dynamic_cast<P::CaseAtomContext*>(ctx)) {
      auto* ce = c->caseExpression();
      auto e = make(ExprKind::Case, p);
      if (ce->subject) e->subject = expr(ce->subject);
      for (auto* alt : ce->caseAlternative()) {
        e->args.push_back(expr(alt->expression(0)));
        e->args.push_back(expr(alt->expression(1)));
      }
      if (ce->elseExpr) e->else_expr = expr(ce->elseExpr);
      return done(std::move(e));
    }
    if (dynamic_cast<P::CountStarAtomContext*>(ctx)) return done(make(ExprKind::CountStar, p));
    if (auto* c = dynamic_cast<P::ListComprehensionAtomContext*>(ctx)) {
      auto* lc = c->listComprehension();
      auto e = filter(ExprKind::ListComprehension, p, lc->filterExpression());
      if (lc->expression()) e->projection = expr(lc->expression());
      return done(std::move(e));
    }
    if (auto* c = dynamic_cast<P::PatternComprehensionAtomContext*>(ctx)) {
      auto* pc = c->patternComprehension();
      auto e = make(ExprKind::PatternComprehension, p);
      uint32_t inner = nested([&] {
        PatternPart part;
        fill_chain(part, pc->relationshipsPattern()->nodePattern(), pc->relationshipsPattern()->patternChain());
        if (pc->variable()) part.path_variable = name(pc->variable());
        e->patterns.push_back(std::move(part));
      });
      auto exprs = pc->expression();
      if (exprs.size() == 2) e->where = expr(exprs[0]);
      e->projection = expr(exprs.back());
      return done(std::move(e), inner);
    }
    if (auto* c = dynamic_cast<P::QuantifierAtomContext*>(ctx)) {
      auto e = filter(ExprKind::Quantifier, p, c->filterExpression());
      e->name = lower(c->children[0]->getText());
      return done(std::move(e));
    }
    if (auto* c = dynamic_cast<P::ReduceAtomContext*>(ctx)) {
      auto e = make(ExprKind::Reduce, p);
      e->name = name(c->accumulator);
      e->args.push_back(expr(c->init));
      e->variable = name(c->element);
      e->args.push_back(expr(c->list));
      e->projection = expr(c->body);
      return done(std::move(e));
    }
    if (auto* c = dynamic_cast<P::ExistsAtomContext*>(ctx)) {
      auto e = make(ExprKind::Exists, p);
      auto* body = c->existsBody();
      uint32_t inner = nested([&] {
        if (body->query()) {
          e->subquery = std::make_unique<Query>(query(body->query()));
        } else {
          e->patterns = pattern(body->pattern());
          if (body->whereClause()) e->where = expr(body->whereClause()->expression());
        }
      });
      return done(std::move(e), inner);
    }
    if (auto* c = dynamic_cast<P::ShortestPathAtomContext*>(ctx)) {
      auto e = make(ExprKind::ShortestPath, p);
      uint32_t inner = nested([&] {
        PatternPart part;
        part.kind = c->SHORTESTPATH() ? PathKind::Shortest : PathKind::AllShortest;
        fill_chain(part, c->patternElement()->nodePattern(), c->patternElement()->patternChain());
        part.pos = p;
        e->patterns.push_back(std::move(part));
      });
      return done(std::move(e), inner);
    }
    if (auto* c = dynamic_cast<P::PatternAtomContext*>(ctx)) {
      auto e = make(ExprKind::PatternPredicate, p);
      uint32_t inner = nested([&] {
        PatternPart part;
        fill_chain(part, c->relationshipsPattern()->nodePattern(), c->relationshipsPattern()->patternChain());
        e->patterns.push_back(std::move(part));
      });
      return done(std::move(e), inner);
    }
    if (auto* c = dynamic_cast<P::ParenthesizedAtomContext*>(ctx)) return expr(c->expression());
    if (auto* c = dynamic_cast<P::FunctionAtomContext*>(ctx)) {
      auto* f = c->functionInvocation();
      auto e = make(ExprKind::Call, p);
      e->name = dotted_name(f->functionName());
      e->distinct = f->DISTINCT() != nullptr;
      for (auto* a : f->expression()) e->args.push_back(expr(a));
      return done(std::move(e));
    }
    auto* v = dynamic_cast<P::VariableAtomContext*>(ctx);
    auto e = make(ExprKind::Variable, p);
    e->name = name(v->variable());
    return done(std::move(e));
  }

  ExprPtr filter(ExprKind kind, Pos p, P::FilterExpressionContext* f) {
    auto e = make(kind, p);
    e->variable = name(f->variable());
    auto exprs = f->expression();
    e->args.push_back(expr(exprs[0]));
    if (exprs.size() > 1) e->where = expr(exprs[1]);
    return e;  // the caller finishes it with done()
  }

  ExprPtr literal(P::LiteralContext* ctx) {
    Pos p = pos_of(ctx);
    if (auto* n = ctx->numberLiteral()) return number(n, false, p);
    if (auto* s = ctx->StringLiteral()) return string_literal(s->getSymbol());
    if (ctx->TRUE_() || ctx->FALSE_()) {
      auto e = make(ExprKind::Bool, p);
      e->literal = ctx->TRUE_() != nullptr;
      return done(std::move(e));
    }
    if (ctx->NULL_()) return done(make(ExprKind::Null, p));
    if (auto* l = ctx->listLiteral()) {
      auto e = make(ExprKind::List, p);
      for (auto* x : l->expression()) e->args.push_back(expr(x));
      return done(std::move(e));
    }
    return map_literal(ctx->mapLiteral());
  }

  ExprPtr map_literal(P::MapLiteralContext* ctx) {
    auto e = make(ExprKind::Map, pos_of(ctx));
    for (auto* entry : ctx->mapEntry()) {
      e->keys.push_back(name(entry->propertyKeyName()));
      e->args.push_back(expr(entry->expression()));
    }
    return done(std::move(e));
  }

  ExprPtr string_literal(Token* t) {
    auto e = make(ExprKind::String, pos_of(t));
    e->literal = decode_string(t->getText(), start_of(t));
    return done(std::move(e));
  }

  ExprPtr number(P::NumberLiteralContext* ctx, bool negative, Pos p) {
    if (auto* f = ctx->FloatLiteral()) {
      auto e = make(ExprKind::Float, p);
      double d = decode_float(f->getText(), start_of(f->getSymbol()));
      e->literal = negative ? -d : d;
      return done(std::move(e));
    }
    return integer(ctx->integerLiteral(), negative, p);
  }

  ExprPtr integer(P::IntegerLiteralContext* ctx, bool negative, Pos p) {
    auto e = make(ExprKind::Int, p);
    e->literal = decode_integer(ctx->getText(), negative, start_of(ctx->getStart()));
    return done(std::move(e));
  }

  ExprPtr parameter(P::ParameterContext* ctx) {
    auto e = make(ExprKind::Parameter, pos_of(ctx));
    e->name = ctx->schemaName() ? name(ctx->schemaName()) : ctx->DecimalInteger()->getText();
    return done(std::move(e));
  }

 private:
  const ParseOptions& options_;
  uint32_t tallest_ = 0;
};

}  // namespace

ast::Statement build_statement(grammar::KithParser::ScriptContext* script, const ParseOptions& options) {
  Builder b(options);
  return b.statement(script->statement());
}

}  // namespace kith::query
