// The logical plan: what the binder/planner produces from the AST and the
// engine turns into physical operators. Plain data, no behaviour; it names
// labels, relationship types and property keys by NAME (the engine resolves
// them to catalog ids against its transaction, so a key created earlier in
// the same statement is found, and an unknown label simply matches nothing).
//
// Variables live in slots: every row flowing between operators is an array
// of Values indexed by SlotId. The planner allocates slots; a slot, once
// written by an operator, keeps its value for the rest of the pipeline
// (until an Aggregate starts a new row layout, see below).
//
// Slots are numbered over the WHOLE statement (subplans of EXISTS and pattern
// comprehensions, every UNION branch included): a row is always slot_count
// wide, and the planner never reuses a slot for another variable. An operator
// that starts a new row layout (Aggregate) emits rows where only the slots it
// writes are set; the others are null and nothing downstream reads them.
//
// Leaves and the argument row: every leaf (Argument, scans, seeks) starts its
// rows from the current ARGUMENT ROW and writes its slot into a copy of it.
// At the root the argument row is all nulls; on the right side of an Apply /
// OptionalApply / Merge, and in an expression's subplan, it is the outer row.
// So `Apply(lhs, LabelScan b)` is a nested-loop Cartesian product, and an
// IndexSeek on the right of an Apply may read slots of the outer row in its
// value expression (an index nested-loop join).
//
// Positions (line, column) are kept on expressions and operators so that
// run-time errors (TypeError, ArithmeticError) can name where they happened.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/ast/ast.h"
#include "storage/value.h"

namespace kith::query::plan {

using SlotId = uint32_t;
inline constexpr SlotId kNoSlot = UINT32_MAX;

struct Expr;
struct Op;
using ExprPtr = std::unique_ptr<Expr>;
using OpPtr = std::unique_ptr<Op>;

// ------------------------------------------------------------ expressions
enum class ExprKind : uint8_t {
  Constant,    // value
  Parameter,   // name (without '$'); ParameterMissing at run time if absent
  Slot,        // slot
  Property,    // args[0].name  (node, relationship, map, or temporal field)
  HasLabels,   // args[0] has every label in `names`
  Not, Negate, IsNull, IsNotNull,                      // args[0]
  And, Or, Xor,                                        // args[0], args[1]
  Eq, Ne, Lt, Le, Gt, Ge,                              // args[0], args[1]
  Add, Sub, Mul, Div, Mod, Pow,                        // args[0], args[1]
  In, StartsWith, EndsWith, Contains, RegexMatch,      // args[0], args[1]
  Index,       // args[0][args[1]] (list index or map key)
  Slice,       // args[0][args[1]..args[2]]; absent bounds are Constant null
  ListLiteral, // args
  MapLiteral,  // names[i]: args[i]
  // A function call that is not an aggregate: scalar functions of the engine
  // (toLower, date, ...) and graph functions (id, labels, type, properties,
  // keys, startNode, endNode, nodes, relationships, length, score). `name`
  // is the canonical spelling; the binder checked it exists and its arity.
  // Internal function `__path` (never written by users): builds a path from
  // args = n0, r1, n1, r2, n2, ... (alternating node and relationship
  // expressions, in the pattern's written order). An r_i may be a LIST of
  // relationships (a variable-length segment, already in written order, see
  // Op::reversed): the executor walks it from n_{i-1} to find the
  // intermediate nodes; an empty list adds no step. Any null argument makes
  // the path null (an unmatched OPTIONAL MATCH).
  Call,
  // CASE: with `has_subject`, args[0] is the subject and then pairs of
  // (when, then); without, pairs of (condition, then). `has_else`: the last
  // arg is the ELSE expression.
  Case,
  // [x IN args[0] WHERE args[1] | args[2]]: `var_slot` holds x; args[1] and
  // args[2] may be null (absent).
  ListComprehension,
  // all/any/none/single(x IN args[0] WHERE args[1]): `name` says which.
  Quantifier,
  // reduce(acc = args[0], x IN args[1] | args[2]): `acc_slot`, `var_slot`.
  Reduce,
  // EXISTS { ... } and pattern predicates: true when `subplan`, run with the
  // current row as its Argument, produces at least one row.
  Exists,
  // [pattern WHERE ... | projection]: the list of args[0] evaluated for each
  // row `subplan` produces from the current row (the WHERE is a Filter inside
  // the subplan).
  PatternComprehension,
  // args[0] WITHIN args[1] <unit>: args[0] is a DATE or TIMESTAMP in
  // [now - amount, now]. Null when args[0] is null. args[1] is an integer
  // Constant or a Parameter; `unit` says what it counts.
  Within,
  // args[0] SINCE args[1]: args[0] >= args[1].
  Since,
};

struct Expr {
  ExprKind kind;
  ast::Pos pos;
  Value value;                     // Constant
  std::string name;                // Parameter, Property, Call, Quantifier
  std::vector<std::string> names;  // HasLabels, MapLiteral keys
  SlotId slot = kNoSlot;           // Slot
  SlotId var_slot = kNoSlot;       // ListComprehension, Quantifier, Reduce
  SlotId acc_slot = kNoSlot;       // Reduce
  bool has_subject = false;        // Case
  bool has_else = false;           // Case
  ast::TimeUnit unit = ast::TimeUnit::Day;  // Within
  std::vector<ExprPtr> args;       // a null entry means "absent" where documented
  OpPtr subplan;                   // Exists, PatternComprehension
  std::string text;                // source-like text, for error messages and EXPLAIN

  Expr(ExprKind k, ast::Pos p);
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
};

// ------------------------------------------------------------ operators
enum class Dir : uint8_t { Out, In, Both };

enum class AggregateFn : uint8_t { CountStar, Count, Sum, Avg, Min, Max, Collect };

struct AggregateItem {
  SlotId slot;        // where the result goes
  AggregateFn fn;
  bool distinct = false;
  ExprPtr arg;        // null for CountStar
};

struct ProjectItem {
  SlotId slot;
  ExprPtr expr;
};

struct SortKey {
  ExprPtr expr;
  bool descending = false;
};

struct Column {
  std::string name;  // the RETURN alias or the expression's text
  SlotId slot;
};

// What a write operator creates: a node or a relationship between two slots.
struct NodeSpec {
  SlotId slot;                     // bound to the new node
  std::vector<std::string> labels;
  ExprPtr properties;              // a MapLiteral or Parameter, or null
};
struct RelSpec {
  SlotId slot;                     // kNoSlot if anonymous
  std::string type;
  SlotId start, end;               // already bound node slots
  ExprPtr properties;
};

enum class SetKind : uint8_t {
  Property,         // target.name = value (target a node, relationship)
  ReplaceAll,       // target = map
  MergeAll,         // target += map
  AddLabels,        // target:names
  RemoveProperty,   // REMOVE target.name
  RemoveLabels,     // REMOVE target:names
};
struct SetItem {
  SetKind kind;
  ast::Pos pos;
  ExprPtr target;                  // evaluates to a node or relationship (or null: no-op)
  std::string name;                // Property, RemoveProperty
  std::vector<std::string> names;  // AddLabels, RemoveLabels
  ExprPtr value;                   // Property, ReplaceAll, MergeAll
};

enum class OpKind : uint8_t {
  // Leaves ---------------------------------------------------------------
  Argument,        // one row: the outer row of an Apply (or an empty row at the root)
  AllNodesScan,    // slot
  LabelScan,       // slot, names[0] = label
  // IndexSeek: slot, names[0] = label, names[1] = key; exprs[0] = the value
  // (equality), or for a range, lower = exprs[0] / upper = exprs[1] (either
  // may be null) with lower_inclusive/upper_inclusive. The planner chose it
  // because the index exists in the catalog.
  IndexSeek,
  IndexRangeSeek,
  NodeByIdSeek,    // slot, exprs[0] = the id (or a list of ids)
  // Expansions (child: children[0]) ----------------------------------------
  // From the node in `from`, along relationships of `types` (empty = any) in
  // `dir`, bind `rel` (kNoSlot if unnamed) and `to`. With `into`, `to` is
  // already bound and only relationships reaching it qualify.
  // `rel_uniqueness`: slots of relationships bound earlier in the same MATCH
  // that this relationship must differ from (openCypher relationship
  // isomorphism within one pattern). Such a slot holds a relationship, or a
  // LIST of relationships when a VarLengthExpand bound it: then the new one
  // must be none of them. Anonymous relationships get slots too, so that
  // they can be listed here.
  // `dir` is relative to `from`: a pattern (a)<-[:R]-(b) expanded from b is
  // an Expand from b with dir Out.
  Expand,
  // Variable length: min_hops..max_hops (max_hops < 0: unbounded; min_hops
  // may be 0: then `to` = `from` is one result); `rel` gets the LIST of
  // relationships (kNoSlot: not needed, except for rel_uniqueness). No
  // relationship twice in one path, and none of `rel_uniqueness` on it.
  // `reversed`: the planner expanded the pattern right to left, so store the
  // list reversed (the value of `r` in (a)-[r*]->(b) reads from a to b
  // whichever side the expansion started from). The planner does not set
  // path_slot here: path variables are built with `__path` (see Call).
  // `into`: `to` is bound; only paths ending there qualify.
  // `distinct_ends`: nothing above can tell how many paths reach an end node
  // (set by mark_distinct_ends, docs/planner.md), so each end node is
  // emitted once, found breadth-first; `rel` is then not written.
  VarLengthExpand,
  // Shortest path(s) between two bound nodes (`from`, `to`) of length
  // min_hops..max_hops; `all_shortest` for allShortestPaths. `path_slot`
  // gets the path (kNoSlot if unnamed), `rel` the list of its relationships
  // (kNoSlot if unnamed). `types`/`dir` as for Expand. (The planner rejects
  // relationship property maps inside shortestPath for now.)
  ShortestPath,
  // Row operators (child: children[0]) -------------------------------------
  Filter,          // exprs[0]: keep rows where it is true (null/false drop)
  Projection,      // items: add or overwrite slots; all items read the INPUT row
  // group keys: items (the key expression is evaluated on the input row and
  // written to the item's slot in the output row, which often is the same
  // slot: `WITH n, count(*)` keeps n where it was); aggregates: aggregates.
  // Output rows hold only key and aggregate slots. Without keys, exactly one
  // row comes out even from no input (count(*) = 0).
  Aggregate,
  Distinct,        // distinct on `slots` (first row of each group kept)
  Sort,            // sort_keys, stable
  // sort_keys + exprs[0] = limit (+ exprs[1] = skip, may be absent, i.e.
  // exprs.size() == 1): keep the best skip+limit rows, drop the first skip.
  // A nonzero `top_link` names the TopBound below it that it feeds.
  Top,
  // The dynamic Top-N filter (child: children[0]): drops rows whose
  // sort_keys[0] (the Top's first key, rewritten to read the slots bound
  // here) is strictly worse than the first key of the worst row the Top
  // with the same `top_link` keeps once it holds skip+limit rows. Ties and
  // rows before the Top is full pass. The planner puts it only where the
  // rows between it and its Top are just filtered or expanded (never past
  // an Aggregate, Distinct, Skip, Limit, Sort, Union or a write), so those
  // rows could not have entered the Top (docs/planner.md, "Top-N bound").
  TopBound,
  Skip,            // exprs[0]: a non-negative Constant integer or a Parameter
  Limit,           // exprs[0]: a non-negative Constant integer or a Parameter
  Unwind,          // slot <- each element of exprs[0] (null / empty list: no row;
                   // a non-list value: one row with it)
  // Binary -----------------------------------------------------------------
  // For each row of children[0], run children[1] (whose leaves are Argument)
  // with that row; emit the combined rows.
  Apply,
  // A MATCH over rows that already bind one of its nodes (`slot`, the probe
  // node), with two plans for the same rows: children[1] expands from the
  // probe node once per row of children[0] (as Apply), children[2] (the
  // build side) matches the pattern from elsewhere (a seek) with the probe
  // node renamed to `to`, reading only the outer slots `deps`
  // lists (its dependencies). The engine runs the build side once into a
  // table by `to` and joins each row on `slot` = `to`, writing `slots` (what
  // the build binds), as long as that costs at most half of what expanding
  // `types`/`dir` from each row's probe node would, and every row has the
  // same dependencies; otherwise it runs children[1] per row. Either way the
  // rows are those of the pattern (docs/planner.md, "Hash join"). `live`:
  // see below.
  HashJoin,
  // As Apply, but when children[1] yields nothing for a row, emit the row
  // once with `slots` (what the inner side binds) set to null.
  // OPTIONAL MATCH as the first clause: children[0] is an Argument.
  OptionalApply,
  // Rows of every child in turn; with `distinct` (UNION without ALL)
  // duplicates over `slots` are removed. Each child ends in a Projection
  // that writes the same `slots`.
  Union,
  // Writes (child: children[0]) --------------------------------------------
  Create,          // node_specs then rel_specs, per row
  // MERGE: for each input row, run children[1] (the match of the pattern,
  // Argument-rooted); if it yields rows, emit them after on_match; else
  // create (node_specs, rel_specs) and apply on_create. node_specs/rel_specs
  // list only what is not bound before the MERGE; `slots` = the slots the
  // pattern binds (set either way).
  Merge,
  SetItems,        // set_items, in order
  // exprs: what to delete (each a node, relationship, path — all its nodes
  // and relationships — or null: no-op); `detach`. Anything else: TypeError.
  Delete,
  // Misc -------------------------------------------------------------------
  // names[0] = procedure (canonical spelling), exprs = args; `slots[i]`
  // receives the output field `names[i + 1]` (the YIELDed fields, or all
  // fields of the procedure when there is no YIELD). Children: children[0]
  // is the input (an Argument when CALL comes first); one output row per
  // procedure row and input row. Procedures the planner knows:
  //   db.labels() -> label; db.relationshipTypes() -> relationshipType;
  //   db.propertyKeys() -> propertyKey;
  //   db.schema() -> label, property, indexed, unique (one row per
  //     label/key pair seen in the catalog);
  //   db.indexes() -> name, label, properties, unique.
  ProcedureCall,
  // Eagerly materialises its child before emitting anything: separates the
  // reads of a statement from its writes where they would interfere.
  Eager,
  // The root: the result columns in order.
  ProduceResults,
  // CREATE INDEX / CREATE CONSTRAINT / DROP INDEX / DROP CONSTRAINT: the
  // whole plan is this one operator (no children, no columns); see `schema`.
  SchemaCommand,
};

enum class SchemaAction : uint8_t {
  CreateIndex, CreateUniqueConstraint, CreateNotNullConstraint, DropIndex, DropConstraint,
};
struct SchemaSpec {
  SchemaAction action = SchemaAction::CreateIndex;
  std::string name;             // empty: the engine names it (create); drop: by name
  std::string label;            // create: the label
  std::vector<std::string> keys;  // create: the property keys (one for constraints)
  bool if_not_exists = false;   // create
  bool if_exists = false;       // drop
};

struct Op {
  OpKind kind;
  ast::Pos pos;
  std::vector<OpPtr> children;

  SlotId slot = kNoSlot;                 // scans, seeks, Unwind
  SlotId from = kNoSlot, rel = kNoSlot, to = kNoSlot, path_slot = kNoSlot;
  std::vector<std::string> names;        // labels, key, procedure, rel types ...
  std::vector<std::string> types;        // relationship types (alternatives)
  Dir dir = Dir::Out;
  bool into = false;
  int64_t min_hops = 1, max_hops = 1;
  bool all_shortest = false;
  bool lower_inclusive = true, upper_inclusive = true;
  std::vector<SlotId> rel_uniqueness;
  std::vector<ExprPtr> exprs;
  std::vector<ProjectItem> items;
  std::vector<AggregateItem> aggregates;
  std::vector<SortKey> sort_keys;
  std::vector<SlotId> slots;
  bool distinct = false;
  bool detach = false;
  std::vector<NodeSpec> node_specs;
  std::vector<RelSpec> rel_specs;
  std::vector<SetItem> set_items, on_create, on_match;
  std::vector<Column> columns;           // ProduceResults
  bool reversed = false;                 // VarLengthExpand
  bool distinct_ends = false;            // VarLengthExpand
  // Expand, VarLengthExpand: nothing reads `rel` (an anonymous relationship
  // no uniqueness check needs): the engine need not bind it.
  bool rel_unread = false;
  uint32_t top_link = 0;                 // Top and its TopBound: one id (0: none)
  // HashJoin: the slots of its input rows that anything besides its input
  // reads (the rest need not be kept while rows wait for its decision).
  // Sort, Top (when `live_known`): the same for the rows they keep.
  std::vector<SlotId> live;
  bool live_known = false;
  // HashJoin: the earlier slots its build side reads (one table per value).
  std::vector<SlotId> deps;
  SchemaSpec schema;                     // SchemaCommand

  // Estimated rows out, from the planner's statistics (for EXPLAIN).
  double estimated_rows = 0;
  // Pre-order number of this operator in the plan (root 0), the order in
  // which explain() prints it; an expression's subplan is numbered right
  // after the operator holding the expression. PROFILE reports per index.
  uint32_t index = 0;

  Op(OpKind k, ast::Pos p);
  ~Op();
  Op(Op&&) noexcept;
  Op& operator=(Op&&) noexcept;
};

enum class StatementKind : uint8_t { Query, SchemaCommand, Kith };

struct Plan {
  StatementKind kind = StatementKind::Query;
  // ProduceResults (with no columns for a write without RETURN), or a
  // SchemaCommand.
  OpPtr root;
  uint32_t op_count = 0;       // operators numbered by Op::index
  SlotId slot_count = 0;       // size of a row
  std::vector<std::string> slot_names;  // for EXPLAIN/debugging
  bool writes = false;         // needs a write transaction
  bool explain = false;        // EXPLAIN: show the plan, run nothing
  bool profile = false;        // PROFILE: run and report rows/time per operator
  std::vector<std::string> parameters;  // every $name the statement reads
  std::vector<ast::Pos> parameter_positions;  // where each was first read
};

std::string_view op_kind_name(OpKind k);
std::string_view expr_kind_name(ExprKind k);

// Numbers the operators in pre-order (Op::index) and sets Plan::op_count.
void number_operators(Plan& plan);

// Changelog (planner engineer, against the lead's first version):
// - Documented the argument row of leaves, global slot numbering, Aggregate's
//   output rows, Top's skip+limit, Unwind of non-lists, Expand's `dir`.
// - Call `__path` (path variables); VarLengthExpand `reversed`; lists in
//   rel_uniqueness; anonymous relationships get slots.
// - ProcedureCall: `slots` receive `names[1..]`, children[0] is the input;
//   the procedures and their fields.
// - OpKind::SchemaCommand with SchemaAction/SchemaSpec; Plan::kind.
// - Op::index (pre-order, for PROFILE), Plan::op_count, number_operators().
// - Merge: `slots` = what the pattern binds.
// - Removed the mention of Op::output_slots (never existed): row layout is
//   global, Aggregate rows hold only their keys and aggregates.
// - OpKind::TopBound and Op::top_link (the Top-N bound below a Top).

}  // namespace kith::query::plan
