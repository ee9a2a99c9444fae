#include "engine/catalog_adapters.h"

#include <algorithm>
#include <cctype>

#include "engine/functions/function_registry.h"

namespace kith::engine {

namespace {

using query::plan::FunctionInfo;
using query::plan::FunctionKind;

// Aggregates and graph functions, with their arity. Their implementations
// are the Aggregate operator and eval/graph_functions.cpp.
const std::vector<FunctionInfo>& fixed_functions() {
  static const std::vector<FunctionInfo> table = {
      {"count", 1, 1, FunctionKind::Aggregate},   {"sum", 1, 1, FunctionKind::Aggregate},
      {"avg", 1, 1, FunctionKind::Aggregate},     {"min", 1, 1, FunctionKind::Aggregate},
      {"max", 1, 1, FunctionKind::Aggregate},     {"collect", 1, 1, FunctionKind::Aggregate},
      {"id", 1, 1, FunctionKind::Graph},          {"labels", 1, 1, FunctionKind::Graph},
      {"type", 1, 1, FunctionKind::Graph},        {"properties", 1, 1, FunctionKind::Graph},
      {"keys", 1, 1, FunctionKind::Graph},        {"startNode", 1, 1, FunctionKind::Graph},
      {"endNode", 1, 1, FunctionKind::Graph},     {"nodes", 1, 1, FunctionKind::Graph},
      {"relationships", 1, 1, FunctionKind::Graph}, {"length", 1, 1, FunctionKind::Graph},
  };
  return table;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<FunctionInfo> EngineFunctionCatalog::find(std::string_view name) const {
  for (const auto& f : fixed_functions()) {
    if (iequals(f.name, name)) return f;
  }
  if (const FunctionDef* def = find_function(name)) {
    return FunctionInfo{std::string(def->name), def->min_args, def->max_args, FunctionKind::Scalar};
  }
  return std::nullopt;
}

std::vector<std::string> EngineFunctionCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& f : fixed_functions()) out.push_back(f.name);
  for (const auto& def : all_functions()) out.emplace_back(def.name);
  return out;
}

std::optional<storage::IndexDef> TxnCatalogStats::index(std::string_view label,
                                                        std::string_view key) const {
  auto l = txn_.find_label(label);
  auto k = txn_.find_prop_key(key);
  if (!l || !k) return std::nullopt;
  return txn_.find_index(*l, *k);
}

bool TxnCatalogStats::has_index(std::string_view label, std::string_view key) const {
  return index(label, key).has_value();
}

bool TxnCatalogStats::is_unique(std::string_view label, std::string_view key) const {
  auto def = index(label, key);
  return def && def->unique;
}

uint64_t TxnCatalogStats::distinct_values(std::string_view label, std::string_view key) const {
  auto def = index(label, key);
  return def ? txn_.index_distinct_values(def->id) : 0;
}

uint64_t TxnCatalogStats::node_count(std::string_view label) const {
  auto l = txn_.find_label(label);
  return l ? txn_.node_count(*l) : 0;
}

uint64_t TxnCatalogStats::rel_count(std::string_view type) const {
  auto t = txn_.find_rel_type(type);
  return t ? txn_.rel_count(*t) : 0;
}

uint64_t TxnCatalogStats::total_nodes() const { return txn_.node_count(); }
uint64_t TxnCatalogStats::total_rels() const { return txn_.rel_count(); }

}  // namespace kith::engine
