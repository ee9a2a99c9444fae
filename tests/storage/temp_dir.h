// Storage test support: a database in a temporary directory, and draining
// cursors.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "storage/graph_store.h"
#include "tests/support/temp_dir.h"

namespace kith::storage::testing {

using kith::testing::TempDir;

// A database in its own temp dir.
struct TestDb {
  TempDir dir;
  std::string path = dir.file("graph.kith");
  std::unique_ptr<GraphStore> store = GraphStore::open(path);
  void reopen(OpenOptions options = {}) {
    store.reset();
    store = GraphStore::open(path, options);
  }
};

// Reads a whole cursor into a vector.
template <typename Cursor>
auto drain(Cursor&& c) {
  using T = std::remove_cvref_t<decltype(c.next_batch()[0])>;
  std::vector<T> out;
  for (auto b = c.next_batch(); !b.empty(); b = c.next_batch()) out.insert(out.end(), b.begin(), b.end());
  return out;
}

}  // namespace kith::storage::testing
