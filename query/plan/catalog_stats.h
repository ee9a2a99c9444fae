// The catalog facts the planner chooses plans by. The engine implements it
// over a storage::Txn (names resolved there; an unknown label has no index
// and count 0); planner tests use a fake. Counts are estimates' inputs only:
// a plan stays correct whatever they say.
#pragma once

#include <cstdint>
#include <string_view>

namespace kith::query::plan {

class CatalogStats {
 public:
  virtual ~CatalogStats() = default;
  virtual bool has_index(std::string_view label, std::string_view key) const = 0;
  // A unique constraint (at most one node per value): an equality seek on it
  // yields at most one row.
  virtual bool is_unique(std::string_view label, std::string_view key) const = 0;
  // Distinct values of the index on label.key: an equality seek is
  // estimated at node_count(label) / this rows. 0 when unknown.
  virtual uint64_t distinct_values(std::string_view /*label*/, std::string_view /*key*/) const { return 0; }
  virtual uint64_t node_count(std::string_view label) const = 0;
  virtual uint64_t rel_count(std::string_view type) const = 0;
  virtual uint64_t total_nodes() const = 0;
  virtual uint64_t total_rels() const = 0;
};

}  // namespace kith::query::plan
