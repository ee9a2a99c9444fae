// Fakes of the planner's two catalog interfaces: the functions of
// DESIGN.md 2.1 and statistics shaped like LDBC SF0.1 (rounded counts),
// with the indexes the LDBC queries need.
#pragma once

#include <map>
#include <set>
#include <string>

#include "query/plan/catalog_stats.h"
#include "query/plan/function_catalog.h"
#include "query/planner/planner.h"

namespace kith::test {

class TestFunctions : public query::plan::FunctionCatalog {
 public:
  TestFunctions();
  std::optional<query::plan::FunctionInfo> find(std::string_view name) const override;
  std::vector<std::string> names() const override;

 private:
  std::vector<query::plan::FunctionInfo> functions_;
};

class TestStats : public query::plan::CatalogStats {
 public:
  TestStats();  // the LDBC-like catalog
  bool has_index(std::string_view label, std::string_view key) const override;
  bool is_unique(std::string_view label, std::string_view key) const override;
  uint64_t node_count(std::string_view label) const override;
  uint64_t rel_count(std::string_view type) const override;
  uint64_t total_nodes() const override { return total_nodes_; }
  uint64_t total_rels() const override { return total_rels_; }

  std::map<std::string, uint64_t, std::less<>> labels, types;
  std::set<std::pair<std::string, std::string>> indexes, unique;
  uint64_t total_nodes_ = 0, total_rels_ = 0;
};

// Parses and plans `text` with the fakes.
query::plan::Plan plan_text(const std::string& text);
std::string explain_text(const std::string& text);

}  // namespace kith::test
