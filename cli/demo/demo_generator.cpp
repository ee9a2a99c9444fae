#include "cli/demo/demo_generator.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <algorithm>
#include <thread>

#include "cli/demo/output.h"
#include "storage/error.h"

namespace kith::demo {

namespace {

std::vector<std::string> import_arguments() {
  // One --nodes / --relationships per label or type, files joined by commas.
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> groups;
  for (const FileSpec& f : demo_files()) {
    std::string prefix(f.nodes ? "--nodes=" : "--relationships=");
    prefix.append(f.label).append("=");
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == prefix; });
    if (it == groups.end())
      groups.emplace_back(prefix, prefix + std::string(f.name));
    else
      it->second.append(",").append(f.name);
  }
  for (auto& g : groups) args.push_back(g.second);
  return args;
}

}  // namespace

DemoResult generate_demo(const DemoConfig& config, const std::string& dir, const DemoProgress& progress) {
  if (config.people < kMinPeople || config.people > kMaxPeople)
    throw Error(ErrorCode::InvalidInput, "--people must be between " + std::to_string(kMinPeople) + " and " +
                                             std::to_string(kMaxPeople) + ", not " + std::to_string(config.people));
  const auto start = std::chrono::steady_clock::now();
  if (progress) progress("indexing", 0);
  const World world(config);
  Output out(dir);

  std::atomic<uint64_t> people_done{0}, knows_done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr knows_error;
  std::thread knows([&] {
    try {
      write_knows(world, out, knows_done, stop);
    } catch (...) {
      knows_error = std::current_exception();
      knows_done.store(world.people());
    }
  });
  const double total = 2.0 * static_cast<double>(world.people());
  auto report = [&] {
    if (progress) progress("writing", (people_done.load() + knows_done.load()) / total);
  };
  auto last_report = std::chrono::steady_clock::now();
  // Called by write_people every thousand people: this thread reports for both.
  auto tick = [&] {
    const auto t = std::chrono::steady_clock::now();
    if (t - last_report < std::chrono::milliseconds(200)) return;
    last_report = t;
    report();
  };
  try {
    write_catalog(world, out);
    write_companies(world, out);
    write_people(world, out, people_done, tick);
  } catch (...) {
    stop = true;  // no point finishing KNOWS for a data set that failed
    knows.join();
    throw;
  }
  while (knows_done.load() < world.people()) {
    report();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  knows.join();
  if (knows_error) std::rethrow_exception(knows_error);
  report();
  out.close();

  DemoResult result;
  result.import_args = import_arguments();
  {
    std::ofstream args(dir + "/import.args");
    for (const std::string& a : result.import_args) args << a << "\n";
    if (!args.flush()) throw Error(ErrorCode::IoError, "cannot write " + dir + "/import.args");
  }
  for (const FileSpec& f : demo_files()) {
    auto it = std::find_if(result.counts.begin(), result.counts.end(),
                           [&](const LabelCount& c) { return c.label == f.label && c.nodes == f.nodes; });
    if (it == result.counts.end()) it = result.counts.insert(result.counts.end(), {std::string(f.label), f.nodes, 0});
    it->rows += out[f.file].rows();
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace kith::demo
