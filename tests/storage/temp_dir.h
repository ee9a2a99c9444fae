// A fresh directory under the system temp dir, removed with everything in it
// when the test ends.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "storage/graph_store.h"

namespace kith::storage::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

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
