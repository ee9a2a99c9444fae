// The open files of one demo generation, and the writers of each part of the
// data set. Every writer walks its entities in id order, so the bytes depend
// only on the configuration.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/demo/csv_writer.h"
#include "cli/demo/schema.h"
#include "cli/demo/world.h"

namespace kith::demo {

class Output {
 public:
  explicit Output(const std::string& dir);  // creates every file of demo_files()
  CsvWriter& operator[](File f) { return *writers_[static_cast<int>(f)]; }
  // Appends a Signal node and the HAS_SIGNAL edge from its owner (`edges` is
  // CompanyHasSignal or PersonHasSignal). Signal ids are 1, 2, 3... in order.
  void signal(File edges, uint64_t owner, std::string_view kind, int64_t at, double value);
  void close();

 private:
  std::vector<std::unique_ptr<CsvWriter>> writers_;
  uint64_t next_signal_ = 1;
};

// Topics, contents and what they are ABOUT, events.
void write_catalog(const World& world, Output& out);
// Companies, CUSTOMER_OF, company signals.
void write_companies(const World& world, Output& out);
// People, WORKS_AT, INTERESTED_IN, ENGAGED, ATTENDED, person signals.
// `done` counts people written; `tick` is called every thousand people.
void write_people(const World& world, Output& out, std::atomic<uint64_t>& done,
                  const std::function<void()>& tick);
// KNOWS only; meant for its own thread (it touches only out[File::Knows]).
// Returns early when `stop` becomes true.
void write_knows(const World& world, Output& out, std::atomic<uint64_t>& done, const std::atomic<bool>& stop);

}  // namespace kith::demo
