// Storage micro-benchmark (issue 3): insert nodes and relationships through
// the transactional API and through BulkLoader, then read the neighbours and
// properties of uniformly random nodes, single-threaded, and print
// throughput. Neighbour reads bound every traversal the engine runs. Reads
// run with and without the read snapshot (storage/read_snapshot.h), whose
// build time and memory are printed too; --snapshot-of PATH measures only
// those on an existing database.
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "bench/storage/synthetic_graph.h"
#include "storage/bulk_loader.h"
#include "storage/error.h"
#include "storage/graph_store.h"
#include "storage/snapshot_info.h"

namespace po = boost::program_options;
using namespace kith;
using namespace kith::storage;
using kith::bench::SyntheticEdge;

namespace {

struct Options {
  uint32_t nodes = 1'000'000;
  uint64_t rels = 10'000'000;
  uint64_t batch = 100'000;
  uint64_t neighbour_ids = 20'000'000;
  uint64_t property_reads = 2'000'000;
  uint64_t seed = 42;
  std::string db_dir;
  bool reuse = false;
  bool skip_txn_api = false;
  std::string snapshot = "both";  // reads with the read snapshot: on, off or both
  std::string snapshot_of;        // only measure a snapshot of this database
};

// Wall time and this thread's CPU time: the machine may be shared, and CPU
// time shows what a core can do when the wall clock is inflated by others.
struct Elapsed {
  double wall;
  double cpu;
};

class Stopwatch {
 public:
  Elapsed stop() const { return {seconds(), cpu_seconds()}; }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double cpu_seconds() const { return thread_cpu() - cpu_start_; }

 private:
  static double thread_cpu() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  double cpu_start_ = thread_cpu();
};

std::string rate(double count, double seconds) {
  char buf[64];
  const double r = count / seconds;
  if (r >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.2f M/s", r / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f k/s", r / 1e3);
  }
  return buf;
}

// "12.30 s = 1.50 M/s (2.10 M per CPU-second)"
std::string throughput(double count, Elapsed e) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", e.wall);
  std::string per_cpu = rate(count, e.cpu);
  per_cpu.replace(per_cpu.size() - 2, 2, " per CPU-second");
  return std::string(buf) + " = " + rate(count, e.wall) + " (" + per_cpu + ")";
}

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

// The properties every node gets, in key order.
Properties node_properties(uint32_t i, PropKeyId name, PropKeyId age, PropKeyId score) {
  Properties p{{name, Value("person-" + std::to_string(i))},
               {age, Value(int64_t{18 + i % 70})},
               {score, Value(static_cast<double>(i % 1000) / 1000.0)}};
  std::sort(p.begin(), p.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return p;
}

void insert_with_txn(GraphStore& store, const Options& o, const std::vector<SyntheticEdge>& edges,
                     std::vector<NodeId>& ids) {
  LabelId person;
  RelTypeId knows;
  PropKeyId name, age, score, since;
  {
    Txn txn = store.begin_write();
    person = txn.intern_label("Person");
    knows = txn.intern_rel_type("KNOWS");
    name = txn.intern_prop_key("name");
    age = txn.intern_prop_key("age");
    score = txn.intern_prop_key("score");
    since = txn.intern_prop_key("since");
    txn.commit();
  }
  const LabelId labels[] = {person};

  Stopwatch node_clock;
  ids.resize(o.nodes);
  for (uint32_t start = 0; start < o.nodes; start += static_cast<uint32_t>(o.batch)) {
    Txn txn = store.begin_write();
    const uint32_t end = static_cast<uint32_t>(std::min<uint64_t>(o.nodes, start + o.batch));
    for (uint32_t i = start; i < end; ++i) {
      ids[i] = txn.create_node(labels, node_properties(i, name, age, score));
    }
    txn.commit();
  }
  const Elapsed node_time = node_clock.stop();

  Stopwatch rel_clock;
  for (uint64_t start = 0; start < edges.size(); start += o.batch) {
    Txn txn = store.begin_write();
    const uint64_t end = std::min<uint64_t>(edges.size(), start + o.batch);
    for (uint64_t i = start; i < end; ++i) {
      txn.create_rel(knows, ids[edges[i].source], ids[edges[i].target],
                     {{since, Value(static_cast<int64_t>(2000 + i % 25))}});
    }
    txn.commit();
  }
  const Elapsed rel_time = rel_clock.stop();
  std::cout << "Txn API (batches of " << o.batch << " operations per transaction, each commit synced):\n"
            << "  nodes: " << o.nodes << " in " << throughput(o.nodes, node_time) << "\n"
            << "  rels:  " << edges.size() << " in "
            << throughput(static_cast<double>(edges.size()), rel_time) << "\n"
            << "  store size: " << megabytes(store.file_size()) << std::endl;
}

void insert_with_bulk_loader(const std::string& path, const Options& o,
                             const std::vector<SyntheticEdge>& edges) {
  Stopwatch total;
  BulkLoader loader(path, true);
  const LabelId labels[] = {loader.label("Person")};
  const RelTypeId knows = loader.rel_type("KNOWS");
  const PropKeyId name = loader.prop_key("name");
  const PropKeyId age = loader.prop_key("age");
  const PropKeyId score = loader.prop_key("score");
  const PropKeyId since = loader.prop_key("since");
  Stopwatch node_clock;
  for (uint32_t i = 0; i < o.nodes; ++i) loader.add_node(labels, node_properties(i, name, age, score));
  const Elapsed node_time = node_clock.stop();
  Stopwatch rel_clock;
  for (uint64_t i = 0; i < edges.size(); ++i) {
    // BulkLoader assigns node ids 0, 1, 2, ... in add_node order.
    loader.add_rel(knows, edges[i].source, edges[i].target,
                   {{since, Value(static_cast<int64_t>(2000 + i % 25))}});
  }
  const Elapsed rel_time = rel_clock.stop();
  Stopwatch finish_clock;
  const uint64_t size = loader.finish();
  const Elapsed finish_time = finish_clock.stop();
  const Elapsed all = total.stop();
  std::cout << "BulkLoader:\n"
            << "  add_node: " << throughput(o.nodes, node_time) << "\n"
            << "  add_rel:  " << throughput(static_cast<double>(edges.size()), rel_time) << "\n"
            << "  finish(): " << finish_time.wall << " s (" << finish_time.cpu << " s CPU)\n"
            << "  end to end, nodes: " << throughput(o.nodes, all) << "\n"
            << "  end to end, rels:  " << throughput(static_cast<double>(edges.size()), all) << "\n"
            << "  store size: " << megabytes(size) << std::endl;
}

// Node indexes drawn uniformly at random until their degrees (out + in) add up
// to `target` neighbour ids. Drawn before the clock starts so the timed loops
// only read the store.
std::vector<uint32_t> sample_nodes(const Options& o, const std::vector<uint64_t>& out_degree,
                                   const std::vector<uint64_t>& in_degree, uint64_t& expected) {
  std::mt19937_64 random(o.seed + 1);
  std::uniform_int_distribution<uint32_t> pick(0, o.nodes - 1);
  std::vector<uint32_t> sample;
  expected = 0;
  while (expected < o.neighbour_ids) {
    const uint32_t i = pick(random);
    sample.push_back(i);
    expected += out_degree[i] + in_degree[i];
  }
  return sample;
}

// Reads the Out and In neighbours of every node in `sample`, one adjacency
// cursor per (node, direction). Returns the number of ids read.
uint64_t read_neighbours(const Txn& txn, RelTypeId type, NodeId first_id,
                         const std::vector<uint32_t>& sample, uint64_t& checksum) {
  uint64_t ids = 0;
  for (uint32_t i : sample) {
    for (Direction dir : {Direction::Out, Direction::In}) {
      auto cursor = txn.adjacency(first_id + i, type, dir);
      for (auto batch = cursor.next_batch(); !batch.empty(); batch = cursor.next_batch()) {
        for (const Edge& e : batch) checksum += e.neighbour;
        ids += batch.size();
      }
    }
  }
  return ids;
}

// Opens `path` read-only; with `snapshot`, builds the read snapshot of its
// version (the first read transaction asks for it) and prints what it took.
std::unique_ptr<GraphStore> open_for_reads(const std::string& path, bool snapshot) {
  OpenOptions options{.read_only = true, .create = false};
  options.snapshot.enabled = snapshot;
  options.snapshot.after_reads = 1;
  auto store = GraphStore::open(path, options);
  if (!snapshot) return store;
  { Txn first = store->begin_read(); }
  wait_for_snapshot_builds(*store, std::chrono::minutes(30));
  const SnapshotInfo info = snapshot_info(*store);
  if (info.version == 0) {
    std::cout << "  read snapshot NOT built: " << info.last_skip << "\n";
  } else {
    std::cout << "  read snapshot of " << path << ": built in " << info.build_seconds << " s wall, "
              << info.build_cpu_seconds << " s CPU (background thread), "
              << megabytes(info.bytes) << " of memory (file " << megabytes(store->file_size()) << ")\n";
  }
  return store;
}

// Returns false if the store disagrees with the generated graph.
bool read_benchmark(const std::string& label, const std::string& path, const Options& o,
                    const std::vector<uint64_t>& out_degree, const std::vector<uint64_t>& in_degree,
                    bool snapshot) {
  std::cout << "Reads from the " << label << " store, read snapshot " << (snapshot ? "ON" : "OFF") << ":\n";
  auto store = open_for_reads(path, snapshot);
  Txn txn = store->begin_read();
  if (snapshot && snapshot_info(*store).attached == 0) {
    std::cout << "  ERROR: the read transaction did not attach the snapshot\n";
    return false;
  }
  const RelTypeId knows = *txn.find_rel_type("KNOWS");
  const PropKeyId name = *txn.find_prop_key("name");
  const PropKeyId age = *txn.find_prop_key("age");
  // Both write paths assign dense ids in creation order; check it, then use
  // first_id + index instead of a lookup table.
  std::vector<NodeId> all;
  auto scan = txn.scan_all_nodes();
  for (auto b = scan.next_batch(); !b.empty(); b = scan.next_batch()) all.insert(all.end(), b.begin(), b.end());
  if (all.size() != o.nodes || all.back() - all.front() != o.nodes - 1) {
    std::cout << "  ERROR: " << all.size() << " nodes, not dense, in " << path << "\n";
    return false;
  }
  const NodeId first_id = all.front();

  uint64_t expected = 0;
  const std::vector<uint32_t> sample = sample_nodes(o, out_degree, in_degree, expected);
  const double cursors = 2.0 * static_cast<double>(sample.size());

  // Warm-up: every node's adjacency once, in id order, so the page cache and
  // this process's page tables hold the whole adjacency (a server's steady
  // state); not timed.
  uint64_t checksum = 0;
  std::vector<uint32_t> every(o.nodes);
  for (uint32_t i = 0; i < o.nodes; ++i) every[i] = i;
  Stopwatch warm_clock;
  const uint64_t total_ids = read_neighbours(txn, knows, first_id, every, checksum);
  const Elapsed warm_time = warm_clock.stop();

  Stopwatch random_clock;
  const uint64_t ids = read_neighbours(txn, knows, first_id, sample, checksum);
  const Elapsed random_time = random_clock.stop();

  // The same nodes as a batch-at-a-time engine would visit them: frontier
  // batches of 1024 sorted by id, so consecutive lookups share B-tree pages.
  std::vector<uint32_t> sorted = sample;
  for (size_t b = 0; b < sorted.size(); b += 1024) {
    std::sort(sorted.begin() + static_cast<long>(b),
              sorted.begin() + static_cast<long>(std::min(sorted.size(), b + 1024)));
  }
  Stopwatch sorted_clock;
  const uint64_t sorted_ids = read_neighbours(txn, knows, first_id, sorted, checksum);
  const Elapsed sorted_time = sorted_clock.stop();

  // The same nodes again through for_each_edge: every type and direction of a
  // node in one pass over its adjacency keys.
  Stopwatch each_clock;
  uint64_t each_ids = 0;
  for (uint32_t i : sample) {
    txn.for_each_edge(first_id + i, [&](RelTypeId, Direction, const Edge& e) {
      checksum += e.neighbour;
      ++each_ids;
    });
  }
  const Elapsed each_time = each_clock.stop();

  std::mt19937_64 random(o.seed + 2);
  std::uniform_int_distribution<uint32_t> pick(0, o.nodes - 1);
  std::vector<uint32_t> property_sample(o.property_reads);
  for (uint32_t& i : property_sample) i = pick(random);
  Stopwatch property_clock;
  uint64_t found = 0;
  for (uint64_t r = 0; r < property_sample.size(); ++r) {
    const Value v = txn.node_property(first_id + property_sample[r], (r & 1) ? age : name);
    found += v.is_null() ? 0 : 1;
  }
  const Elapsed property_time = property_clock.stop();

  std::cout << "  (one read transaction, single thread)\n"
            << "  warm-up, all " << total_ids << " ids of all nodes in id order: "
            << throughput(static_cast<double>(total_ids), warm_time) << "\n"
            << "  neighbours of " << sample.size() << " uniformly random nodes, out and in ("
            << static_cast<uint64_t>(cursors) << " adjacency cursors, " << ids << " ids) [checksum " << checksum % 1000
            << "]\n"
            << "    ids:     " << throughput(static_cast<double>(ids), random_time) << "\n"
            << "    cursors: " << throughput(cursors, random_time) << "\n"
            << "  the same nodes, each batch of 1024 sorted by id:\n"
            << "    ids:     " << throughput(static_cast<double>(sorted_ids), sorted_time) << "\n"
            << "  the same nodes through for_each_edge (out and in in one call):\n"
            << "    ids:     " << throughput(static_cast<double>(each_ids), each_time) << "\n"
            << "  node properties, " << o.property_reads << " reads of random nodes: "
            << throughput(static_cast<double>(o.property_reads), property_time) << std::endl;
  if (ids != expected || sorted_ids != expected || each_ids != expected || total_ids != o.rels * 2 ||
      found != o.property_reads) {
    std::cout << "  ERROR: read " << ids << " and " << sorted_ids << " neighbour ids, expected "
              << expected << "; " << total_ids << " in all, expected " << o.rels * 2 << "; "
              << found << " of " << o.property_reads << " properties found\n";
    return false;
  }
  return true;
}

int run(const Options& o) {
  std::string dir = o.db_dir;
  const bool temporary = dir.empty();
  if (temporary) {
    std::string pattern = (std::filesystem::temp_directory_path() / "kith-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::cerr << "cannot create a temporary directory\n";
      return 1;
    }
    dir = pattern;
  }
  std::filesystem::create_directories(dir);
  const std::string txn_path = (std::filesystem::path(dir) / "txn.kith").string();
  const std::string bulk_path = (std::filesystem::path(dir) / "bulk.kith").string();
  if (!o.reuse) {
    for (const std::string& p : {txn_path, bulk_path}) {
      std::filesystem::remove(p);
      std::filesystem::remove(p + "-lock");
    }
  }

  std::cout << "kith storage benchmark: " << o.nodes << " nodes (label Person; name string, age int, "
            << "score double), " << o.rels << " KNOWS relationships (one int property), seed "
            << o.seed << ", in " << dir << "\n";
  Stopwatch gen_clock;
  const std::vector<SyntheticEdge> edges = kith::bench::generate_edges(o.nodes, o.rels, o.seed);
  std::cout << "degree distribution (source ~ Pareto(1.8) activity, target ~ independent "
               "Pareto(1.8) popularity; generated in "
            << gen_clock.seconds() << " s; not part of any figure below):\n"
            << kith::bench::describe_degrees(edges, o.nodes) << std::endl;
  std::vector<uint64_t> out_degree(o.nodes), in_degree(o.nodes);
  for (const SyntheticEdge& e : edges) {
    ++out_degree[e.source];
    ++in_degree[e.target];
  }

  bool ok = true;
  if (!o.reuse) {
    if (!o.skip_txn_api) {
      auto store = GraphStore::open(txn_path);
      std::vector<NodeId> ids;
      insert_with_txn(*store, o, edges, ids);
    }
    insert_with_bulk_loader(bulk_path, o, edges);
  }
  std::vector<bool> modes;
  if (o.snapshot != "on") modes.push_back(false);
  if (o.snapshot != "off") modes.push_back(true);
  for (bool snapshot : modes) {
    if (!o.skip_txn_api) ok = read_benchmark("Txn-built", txn_path, o, out_degree, in_degree, snapshot) && ok;
    ok = read_benchmark("BulkLoader-built", bulk_path, o, out_degree, in_degree, snapshot) && ok;
  }

  if (temporary) std::filesystem::remove_all(dir);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  po::options_description desc(
      "bench_storage: storage write and read throughput on a synthetic skewed graph\n"
      "Options");
  desc.add_options()
      ("help,h", "show this help")
      ("nodes", po::value(&o.nodes)->default_value(o.nodes), "number of nodes")
      ("rels", po::value(&o.rels)->default_value(o.rels), "number of relationships")
      ("batch", po::value(&o.batch)->default_value(o.batch), "operations per write transaction")
      ("neighbour-ids", po::value(&o.neighbour_ids)->default_value(o.neighbour_ids),
       "read neighbours of random nodes until this many ids were read")
      ("property-reads", po::value(&o.property_reads)->default_value(o.property_reads),
       "random node-property reads")
      ("seed", po::value(&o.seed)->default_value(o.seed), "random seed for the graph and the reads")
      ("db-dir", po::value(&o.db_dir),
       "directory for the two store files (kept afterwards); default: a temporary "
       "directory, removed at the end");
  desc.add_options()
      ("reuse", po::bool_switch(&o.reuse),
       "skip the writes: read the stores an earlier run with the same --nodes, --rels and "
       "--seed left in --db-dir (for profiling the reads)")
      ("skip-txn-api", po::bool_switch(&o.skip_txn_api),
       "leave out the Txn API write path and reads from its store")
      ("snapshot", po::value(&o.snapshot)->default_value(o.snapshot),
       "reads with the in-memory read snapshot: on, off or both")
      ("snapshot-of", po::value(&o.snapshot_of),
       "only build the read snapshot of this existing database (opened read-only) and "
       "print its build time and memory");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << desc << "\n";
      return 0;
    }
    if (o.nodes == 0 || o.batch == 0) throw po::error("--nodes and --batch must be positive");
    if (o.reuse && o.db_dir.empty()) throw po::error("--reuse needs --db-dir");
    if (o.snapshot != "on" && o.snapshot != "off" && o.snapshot != "both") {
      throw po::error("--snapshot must be on, off or both");
    }
    if (!o.snapshot_of.empty()) {
      open_for_reads(o.snapshot_of, true);
      return 0;
    }
    return run(o);
  } catch (const po::error& e) {
    std::cerr << "bench_storage: " << e.what() << "\n" << desc << "\n";
    return 2;
  } catch (const kith::Error& e) {
    std::cerr << "bench_storage: " << e.to_string() << "\n";
    return 1;
  }
}
