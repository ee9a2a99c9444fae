// Loads a generated demo folder into a new database with the bulk importer
// (storage/import), as `kith import --db DB $(cat import.args)` would.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace kith::demo {

struct LoadResult {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  std::vector<std::pair<std::string, uint64_t>> nodes_per_label;
  std::vector<std::pair<std::string, uint64_t>> rels_per_type;
  double seconds = 0;
  uint64_t store_bytes = 0;
};

// fraction of the input bytes read so far.
using LoadProgress = std::function<void(double fraction)>;

// `import_args` are the lines of the folder's import.args. Throws kith::Error.
LoadResult load_demo(const std::string& dir, const std::vector<std::string>& import_args, const std::string& db,
                     bool overwrite, const LoadProgress& progress = {});

}  // namespace kith::demo
