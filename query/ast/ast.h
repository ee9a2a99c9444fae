// The abstract syntax tree of a kith statement: plain data, no behaviour
// beyond construction, cloning and printing (ast_printer.h). Every node
// carries the 1-based line and column where its text starts, so that later
// stages (binder, planner) can report errors at the right place.
//
// Expressions are one struct with a kind and a small set of generic fields
// rather than a class per operator: the binder and evaluator switch on the
// kind, and a uniform `args` vector makes every walker a short loop.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kith::query::ast {

struct Pos {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in code points
};

struct Expr;
struct Query;
struct PatternPart;
using ExprPtr = std::unique_ptr<Expr>;

enum class TimeUnit { Minute, Hour, Day, Week, Month };

enum class ExprKind {
  Null, Bool, Int, Float, String,  // literals: value in `literal`
  Variable,      // name
  Parameter,     // name ("personId", or "0" for $0)
  Property,      // args[0].name
  Index,         // args[0][args[1]]
  Slice,         // args[0][args[1]..args[2]]; a missing bound is nullptr
  HasLabels,     // args[0]:labels (label predicate, `labels` groups as in NodePattern)
  // Unary: args[0]
  Not, Negate, IsNull, IsNotNull,
  // Binary: args[0] op args[1]
  Or, Xor, And,
  Eq, Ne, Lt, Le, Gt, Ge,
  Add, Sub, Mul, Div, Mod, Pow,
  In, StartsWith, EndsWith, Contains, RegexMatch,
  List,          // args: the elements
  Map,           // args: the values, keys: the keys (same order)
  Call,          // name (dotted for namespaces), args, distinct
  CountStar,     // count(*)
  Case,          // subject (may be null), args: when0, then0, when1, then1, ...; else_expr (may be null)
  ListComprehension,     // variable name; args[0] list; where (may be null); projection (may be null)
  PatternComprehension,  // patterns[0] (with path variable if any); where; projection
  Quantifier,    // name: "all"/"any"/"none"/"single"; variable; args[0] list; where
  Reduce,        // name: accumulator; args[0]: init; variable; args[1]: list; projection: body
  PatternPredicate,      // patterns[0]: a pattern used as a boolean
  ShortestPath,          // patterns[0] with its shortest kind, used as a value
  Exists,        // EXISTS { ... }: subquery, or patterns + where
  Within,        // args[0] WITHIN args[1] unit: args[1] is an Int literal or a Parameter
  Since,         // args[0] SINCE args[1]
};

struct Expr {
  ExprKind kind;
  Pos pos;
  std::variant<std::monostate, bool, int64_t, double, std::string> literal;
  std::string name;
  std::string variable;
  std::vector<ExprPtr> args;
  std::vector<std::string> keys;                 // Map
  std::vector<std::vector<std::string>> labels;  // HasLabels
  bool distinct = false;                         // Call
  TimeUnit unit = TimeUnit::Day;                 // Within
  ExprPtr subject, else_expr, where, projection;
  std::vector<PatternPart> patterns;
  std::unique_ptr<Query> subquery;
  // Height of this subtree (a leaf is 1); lets walkers bound their recursion.
  uint32_t height = 1;

  Expr(ExprKind k, Pos p);
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
};

// --------------------------------------------------------------- patterns
struct NodePattern {
  Pos pos;
  std::string variable;  // empty when anonymous
  // Conjunction of disjunctions: ":A|B:C" is {{"A","B"},{"C"}}.
  std::vector<std::vector<std::string>> labels;
  ExprPtr properties;  // a Map or a Parameter, or null
};

enum class Direction { Outgoing, Incoming, Both };  // ->  <-  -- (also <-> as Both)

struct RelPattern {
  Pos pos;
  std::string variable;
  std::vector<std::string> types;  // alternatives
  Direction direction = Direction::Both;
  bool var_length = false;         // a '*' was written
  std::optional<int64_t> min_hops; // absent: the default (1)
  std::optional<int64_t> max_hops; // absent: unbounded
  ExprPtr properties;
};

enum class PathKind { Plain, Shortest, AllShortest, Warmest };

struct PatternPart {
  Pos pos;
  std::string path_variable;  // "p" in p = (...)
  PathKind kind = PathKind::Plain;
  ExprPtr warmest_k;          // Warmest: an Int literal or a Parameter
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;    // rels[i] joins nodes[i] and nodes[i+1]
};

// --------------------------------------------------------------- clauses
struct ProjectionItem {
  Pos pos;
  ExprPtr expr;
  std::string alias;  // empty when none was written
  std::string text;   // the source text of expr: the default column name
};

struct SortItem {
  Pos pos;
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN *, WITH *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip, limit;
};

struct MatchClause { bool optional = false; std::vector<PatternPart> patterns; ExprPtr where; };
struct UnwindClause { ExprPtr list; std::string variable; };
struct WithClause { Projection projection; ExprPtr where; };
struct ReturnClause { Projection projection; };
struct CreateClause { std::vector<PatternPart> patterns; };

enum class SetKind { Property, AllProperties, MergeProperties, Labels };
struct SetItem {
  Pos pos;
  SetKind kind;
  std::string variable;
  std::vector<std::string> property_path;  // Property: n.a.b -> {"a","b"}
  ExprPtr value;                           // not for Labels
  std::vector<std::string> labels;         // Labels
};

struct MergeClause {
  PatternPart pattern;
  std::vector<SetItem> on_create, on_match;  // in source order within each
};
struct SetClause { std::vector<SetItem> items; };

struct RemoveItem {
  Pos pos;
  std::string variable;
  std::vector<std::string> property_path;  // non-empty: remove a property
  std::vector<std::string> labels;         // non-empty: remove labels
};
struct RemoveClause { std::vector<RemoveItem> items; };
struct DeleteClause { bool detach = false; std::vector<ExprPtr> targets; };

struct YieldItem { Pos pos; std::string field; std::string alias; };  // alias == field when not renamed
struct CallClause {
  std::string procedure;  // dotted: "db.labels"
  std::vector<ExprPtr> args;
  bool has_arguments = false;  // parentheses were written
  bool yield_star = false;
  std::vector<YieldItem> yields;
  ExprPtr where;
};

using ClauseBody = std::variant<MatchClause, UnwindClause, WithClause, ReturnClause, CreateClause,
                                MergeClause, SetClause, RemoveClause, DeleteClause, CallClause>;
struct Clause {
  Pos pos;
  ClauseBody body;
};

struct SingleQuery {
  Pos pos;
  std::vector<Clause> clauses;
};

struct Query {
  Pos pos;
  std::vector<SingleQuery> parts;  // more than one: a UNION
  bool union_all = false;
};

// --------------------------------------------------------------- schema
struct CreateIndex {
  std::string name;  // empty: the engine names it
  bool if_not_exists = false;
  NodePattern node;
  std::vector<std::vector<std::string>> properties;  // each a variable followed by its key path
};
struct CreateConstraint {
  std::string name;
  bool if_not_exists = false;
  NodePattern node;
  std::vector<std::string> property;  // variable then key path
  enum class Kind { Unique, NotNull } kind = Kind::Unique;
};
struct DropSchema {
  bool constraint = false;  // DROP CONSTRAINT rather than DROP INDEX
  std::string name;
  bool if_exists = false;
};

// --------------------------------------------------------------- kith extensions
struct DefineQuestion {
  std::string name;
  std::vector<std::string> parameters;  // without '$'
  std::unique_ptr<Query> body;
  std::string body_text;  // the query's source text, to store verbatim
};

struct AskQuestion {
  std::string name;
  std::vector<ExprPtr> args;
};

// One element of a phrase: a word, a string/number/parameter, or a window.
struct PhraseItem {
  enum class Kind { Word, Value, Within, Since } kind = Kind::Word;
  Pos pos;
  std::string word;  // Word: as written (case kept)
  ExprPtr value;     // Value: literal or parameter; Within: amount; Since: the expression
  TimeUnit unit = TimeUnit::Day;
};

struct DefinePhrase {
  std::vector<PhraseItem> head;  // Words and $slots (Value items holding Parameters)
  std::unique_ptr<Query> body;
  std::string body_text;
};

struct FindPhrase {
  std::vector<PhraseItem> items;
};

enum class PrefixKind { Explain, Profile, Why, ForPurpose };
struct StatementPrefix {
  Pos pos;
  PrefixKind kind;
  std::string purpose;  // ForPurpose
};

using StatementBody = std::variant<Query, CreateIndex, CreateConstraint, DropSchema,
                                   DefineQuestion, AskQuestion, DefinePhrase, FindPhrase>;

struct Statement {
  Pos pos;
  std::vector<StatementPrefix> prefixes;  // outermost first
  StatementBody body;
};

// Deep copy (used to desugar chained comparisons, and by later rewrites).
ExprPtr clone(const Expr& e);
PatternPart clone(const PatternPart& p);
NodePattern clone(const NodePattern& n);
RelPattern clone(const RelPattern& r);
Query clone(const Query& q);

std::string_view time_unit_name(TimeUnit u);  // "MINUTE", "DAY", ...

}  // namespace kith::query::ast
