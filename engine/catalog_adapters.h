// The engine's side of the planner's interfaces: what functions exist (the
// scalar registry, the aggregates, the graph functions) and the catalog
// statistics of a transaction.
#pragma once

#include "query/plan/catalog_stats.h"
#include "query/plan/function_catalog.h"
#include "storage/graph_store.h"

namespace kith::engine {

class EngineFunctionCatalog final : public query::plan::FunctionCatalog {
 public:
  std::optional<query::plan::FunctionInfo> find(std::string_view name) const override;
  std::vector<std::string> names() const override;
};

class TxnCatalogStats final : public query::plan::CatalogStats {
 public:
  explicit TxnCatalogStats(const storage::Txn& txn) : txn_(txn) {}
  bool has_index(std::string_view label, std::string_view key) const override;
  bool is_unique(std::string_view label, std::string_view key) const override;
  uint64_t distinct_values(std::string_view label, std::string_view key) const override;
  uint64_t node_count(std::string_view label) const override;
  uint64_t rel_count(std::string_view type) const override;
  uint64_t total_nodes() const override;
  uint64_t total_rels() const override;

 private:
  std::optional<storage::IndexDef> index(std::string_view label, std::string_view key) const;
  const storage::Txn& txn_;
};

}  // namespace kith::engine
