// The demo relationship data set (DESIGN.md section 1, issue 4): a
// deterministic generator of people, companies, topics, content, signals and
// events, written as neo4j-admin CSV files plus an `import.args` file, so that
// `kith import --db X $(cat import.args)` run in that folder loads it.
//
// The same (people, seed, now) always gives byte-identical files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/demo/world.h"

namespace kith::demo {

constexpr uint64_t kMinPeople = 1000;
constexpr uint64_t kMaxPeople = 10000000;
constexpr uint64_t kDefaultPeople = 10000;
constexpr uint64_t kDefaultSeed = 42;
// The default `now`: every timestamp is generated relative to it, so the demo
// questions, which fix `now` as a parameter, have stable answers.
constexpr std::string_view kDefaultNow = "2026-11-01T00:00:00Z";

struct LabelCount {
  std::string label;  // node label or relationship type
  bool nodes;
  uint64_t rows;
};

struct DemoResult {
  std::vector<LabelCount> counts;  // in import.args order, one per label or type
  std::vector<std::string> import_args;
  double seconds = 0;
};

// phase ("indexing", "writing") and the fraction of it that is done.
using DemoProgress = std::function<void(std::string_view phase, double fraction)>;

// Writes the data set into `dir` (which must exist). Throws kith::Error:
// InvalidInput for a people count outside [kMinPeople, kMaxPeople], IoError
// when a file cannot be written. Uses two threads.
DemoResult generate_demo(const DemoConfig& config, const std::string& dir, const DemoProgress& progress = {});

}  // namespace kith::demo
