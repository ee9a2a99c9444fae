#include "engine/eval/graph_functions.h"

#include <algorithm>
#include <cctype>

#include "storage/error.h"

namespace kith::engine {

namespace {

std::string kind_name(const Value& v) { return std::string(value_type_name(v.type())); }

[[noreturn]] void wrong(std::string_view fn, std::string_view expected, const Value& got) {
  throw Error(ErrorCode::TypeError, std::string(fn) + "() expects " + std::string(expected) +
                                        ", got " + kind_name(got));
}

void arity(std::string_view fn, std::span<const Value> a, size_t n) {
  if (a.size() != n) {
    throw Error(ErrorCode::ArgumentError, std::string(fn) + "() takes " + std::to_string(n) +
                                              " argument(s), got " + std::to_string(a.size()));
  }
}

Value::Map to_map(const storage::Properties& props, ExecContext& ctx) {
  Value::Map out;
  out.reserve(props.size());
  for (const auto& [key, value] : props) out.emplace_back(ctx.prop_key_name(key), value);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

Value id_fn(std::span<const Value> a, ExecContext&) {
  arity("id", a, 1);
  switch (a[0].type()) {
    case ValueType::Null: return {};
    case ValueType::Node: return static_cast<int64_t>(a[0].as_node().id);
    case ValueType::Rel: return static_cast<int64_t>(a[0].as_rel().id);
    default: wrong("id", "a NODE or RELATIONSHIP", a[0]);
  }
}

Value labels_fn(std::span<const Value> a, ExecContext& ctx) {
  arity("labels", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() != ValueType::Node) wrong("labels", "a NODE", a[0]);
  Value::List out;
  for (LabelId l : ctx.txn.node_labels(a[0].as_node().id)) out.emplace_back(ctx.label_name(l));
  return out;
}

Value type_fn(std::span<const Value> a, ExecContext& ctx) {
  arity("type", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() != ValueType::Rel) wrong("type", "a RELATIONSHIP", a[0]);
  return ctx.rel_type_name(a[0].as_rel().type);
}

Value properties_fn(std::span<const Value> a, ExecContext& ctx) {
  arity("properties", a, 1);
  switch (a[0].type()) {
    case ValueType::Null: return {};
    case ValueType::Node: return node_properties(a[0].as_node().id, ctx);
    case ValueType::Rel: return rel_properties(a[0].as_rel().id, ctx);
    case ValueType::Map: return a[0];
    default: wrong("properties", "a NODE, RELATIONSHIP or MAP", a[0]);
  }
}

Value keys_fn(std::span<const Value> a, ExecContext& ctx) {
  arity("keys", a, 1);
  Value::Map m;
  switch (a[0].type()) {
    case ValueType::Null: return {};
    case ValueType::Node: m = node_properties(a[0].as_node().id, ctx); break;
    case ValueType::Rel: m = rel_properties(a[0].as_rel().id, ctx); break;
    case ValueType::Map: m = a[0].as_map(); break;
    default: wrong("keys", "a NODE, RELATIONSHIP or MAP", a[0]);
  }
  Value::List out;
  for (auto& kv : m) out.emplace_back(kv.first);
  return out;
}

Value start_node_fn(std::span<const Value> a, ExecContext&) {
  arity("startNode", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() != ValueType::Rel) wrong("startNode", "a RELATIONSHIP", a[0]);
  return NodeRef{a[0].as_rel().start};
}

Value end_node_fn(std::span<const Value> a, ExecContext&) {
  arity("endNode", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() != ValueType::Rel) wrong("endNode", "a RELATIONSHIP", a[0]);
  return NodeRef{a[0].as_rel().end};
}

Value nodes_fn(std::span<const Value> a, ExecContext&) {
  arity("nodes", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() != ValueType::Path) wrong("nodes", "a PATH", a[0]);
  Value::List out;
  for (NodeId n : a[0].as_path().nodes) out.emplace_back(NodeRef{n});
  return out;
}

Value relationships_fn(std::span<const Value> a, ExecContext&) {
  arity("relationships", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() != ValueType::Path) wrong("relationships", "a PATH", a[0]);
  Value::List out;
  for (const RelRef& r : a[0].as_path().rels) out.emplace_back(r);
  return out;
}

Value length_fn(std::span<const Value> a, ExecContext&) {
  arity("length", a, 1);
  if (a[0].is_null()) return {};
  if (a[0].type() == ValueType::Path) return static_cast<int64_t>(a[0].as_path().rels.size());
  // Neo4j 4 also accepted length() of strings and lists.
  if (a[0].type() == ValueType::List) return static_cast<int64_t>(a[0].as_list().size());
  wrong("length", "a PATH", a[0]);
}

// __path(n0, r0, n1, r1, n2, ...): r_i is a relationship, or a list of them
// from a variable-length pattern (then the nodes between come from the
// relationships' ends). Null anywhere (an OPTIONAL MATCH that found
// nothing) makes the whole path null.
Value path_fn(std::span<const Value> a, ExecContext&) {
  if (a.empty() || a.size() % 2 == 0) {
    throw Error(ErrorCode::Internal, "__path() needs an odd number of arguments");
  }
  for (const auto& v : a) {
    if (v.is_null()) return {};
  }
  PathData p;
  if (a[0].type() != ValueType::Node) wrong("a path", "NODE", a[0]);
  p.nodes.push_back(a[0].as_node().id);
  for (size_t i = 1; i < a.size(); i += 2) {
    auto step = [&](const RelRef& r) {
      const NodeId at = p.nodes.back();
      p.rels.push_back(r);
      p.nodes.push_back(r.start == at ? r.end : r.start);
    };
    if (a[i].type() == ValueType::Rel) {
      step(a[i].as_rel());
    } else if (a[i].type() == ValueType::List) {
      for (const auto& r : a[i].as_list()) {
        if (r.type() != ValueType::Rel) wrong("a path", "RELATIONSHIP", r);
        step(r.as_rel());
      }
    } else {
      wrong("a path", "RELATIONSHIP", a[i]);
    }
    if (a[i + 1].type() != ValueType::Node) wrong("a path", "NODE", a[i + 1]);
    if (p.nodes.back() != a[i + 1].as_node().id) {
      // A zero-length variable segment leaves us where we were.
      if (!(a[i].type() == ValueType::List && a[i].as_list().empty())) {
        throw Error(ErrorCode::Internal, "path segments do not connect");
      }
    }
  }
  return p;
}

struct Entry {
  std::string_view name;
  GraphFunction fn;
};

constexpr Entry kFunctions[] = {
    {"id", id_fn},
    {"labels", labels_fn},
    {"type", type_fn},
    {"properties", properties_fn},
    {"keys", keys_fn},
    {"startNode", start_node_fn},
    {"endNode", end_node_fn},
    {"nodes", nodes_fn},
    {"relationships", relationships_fn},
    {"length", length_fn},
    {"__path", path_fn},
};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

GraphFunction find_graph_function(std::string_view name) {
  for (const auto& e : kFunctions) {
    if (iequals(e.name, name)) return e.fn;
  }
  return nullptr;
}

Value::Map node_properties(NodeId id, ExecContext& ctx) {
  auto rec = ctx.txn.get_node(id);
  if (!rec) return {};
  return to_map(rec->properties, ctx);
}

Value::Map rel_properties(RelId id, ExecContext& ctx) {
  auto rec = ctx.txn.get_rel(id);
  if (!rec) return {};
  return to_map(rec->properties, ctx);
}

}  // namespace kith::engine
