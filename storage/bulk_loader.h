// Fast loading of a whole graph into a new database file (what `kith import`
// and `kith demo --db` use). It writes with MDB_APPEND in key order and syncs
// once at the end, into a temporary file next to the target that is renamed
// over it only by finish(): an import that fails or is abandoned leaves the
// target exactly as it was.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "storage/graph_store.h"

namespace kith::storage {

class BulkLoader {
 public:
  // Throws IoError if `target_path` exists and `overwrite` is false, or if
  // its directory is not writable.
  BulkLoader(std::string target_path, bool overwrite);
  ~BulkLoader();  // without finish(): removes the temporary file

  LabelId label(std::string_view name);
  RelTypeId rel_type(std::string_view name);
  PropKeyId prop_key(std::string_view name);

  // Declares a (non-unique) property index on label.key, built from the
  // nodes added AFTER this call (declare indexes before adding nodes) and
  // written in key order by finish(). Declaring one twice is harmless.
  void add_index(LabelId label, PropKeyId key);

  // Ids are assigned 0, 1, 2, ... in call order.
  NodeId add_node(std::span<const LabelId> labels, Properties props);
  // Both ends must be ids returned by add_node (InvalidInput otherwise).
  RelId add_rel(RelTypeId type, NodeId start, NodeId end, Properties props);

  uint64_t node_count() const;
  uint64_t rel_count() const;

  // Writes adjacency, label index and statistics, syncs, and atomically
  // renames the temporary file to the target. Returns the final file size.
  uint64_t finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith::storage
