// kith_bench_worker: kith's half of the kith vs Kuzu benchmark. The driver
// (bench/compare/compare.js) starts it once and sends one JSON request per
// line on stdin; each gets one JSON line back on stdout. Keeping kith in one
// long-lived process is what makes the timings exclude process start-up.
//
//   {"op":"import","args":"DIR/import.args","db":"PATH"}
//       -> {"ok":true,"loadMs":..,"storeBytes":..,"nodes":..,"rels":..}
//       loadMs: the whole in-process import (reading the CSVs, writing,
//       fsync and the atomic rename), as `kith import` does it.
//   {"op":"open","db":"PATH"}
//       -> {"ok":true,"snapshotEnabled":..,"snapshotBytes":..,"snapshotBuildS":..,
//           "propertyColumns":..,"singleEdgeColumns":..}
//       The store builds an in-memory read snapshot on a background thread once
//       a version has had a few read transactions (docs/storage.md); open runs
//       those reads and waits for the build, so that every timed query sees
//       the steady state and no build competes with either engine for a core.
//       The snapshot's memory and build time are reported, not hidden.
//   {"op":"close"}
//   {"op":"query","text":"..","params":{..},"sortedLists":["col",..],"timeoutMs":N}
//     (EXPLAIN/PROFILE statements add "plan" to the reply)
//       -> {"ok":true,"ms":..,"columns":[..],"rows":["a|b|..",..]}
//       ms: steady_clock around Database::query alone, which materialises
//       every row; rendering the rows and the pipe are outside it.
// Any failure answers {"ok":false,"error":".."} and the worker goes on.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/database.h"
#include "engine/result_format.h"
#include "storage/error.h"
#include "storage/import/importer.h"
#include "storage/snapshot_info.h"
#include "tests/ldbc/reference_text.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Bytes on disk as `stat` reports them, for a file or a whole folder (plus a
// "-lock" file beside it, if the store keeps one).
uint64_t store_bytes(const fs::path& p) {
  uint64_t total = 0;
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
      if (e.is_regular_file(ec)) total += e.file_size(ec);
    }
  } else if (fs::exists(p, ec)) {
    total += fs::file_size(p, ec);
  }
  return total;
}

json do_import(const json& req) {
  const fs::path args_file = req.at("args").get<std::string>();
  kith::storage::import::ImportOptions options;
  options.db_path = req.at("db").get<std::string>();
  std::ifstream args(args_file);
  if (!args) throw kith::Error(kith::ErrorCode::IoError, "cannot read " + args_file.string());
  std::string line;
  while (std::getline(args, line)) {
    kith::storage::import::apply_import_arg(line, args_file.parent_path().string(), options);
  }
  const auto t0 = Clock::now();
  const auto summary = kith::storage::import::run_import(options);
  const double ms = ms_since(t0);
  return {{"ok", true}, {"loadMs", ms}, {"storeBytes", store_bytes(options.db_path)},
          {"nodes", summary.nodes}, {"rels", summary.relationships}};
}

json do_open(std::unique_ptr<kith::Database>& db, const json& req) {
  db.reset();
  db = kith::Database::open(req.at("db").get<std::string>());
  for (int i = 0; i < 3; ++i) db->query("MATCH (n) RETURN n LIMIT 1");
  kith::storage::wait_for_snapshot_builds(db->store(), std::chrono::minutes(5));
  const auto info = kith::storage::snapshot_info(db->store());
  return {{"ok", true}, {"snapshotEnabled", info.enabled}, {"snapshotBytes", info.bytes},
          {"propertyColumns", info.property_columns}, {"singleEdgeColumns", info.single_edge_columns},
          {"snapshotBuildS", info.build_seconds}, {"snapshotSkip", info.last_skip}};
}

json do_query(kith::Database& db, const json& req) {
  kith::QueryOptions options;
  options.allow_writes = false;
  if (req.contains("timeoutMs")) options.timeout = std::chrono::milliseconds(req.at("timeoutMs").get<int64_t>());
  if (req.contains("params")) {
    for (const auto& [k, v] : req.at("params").items()) options.params[k] = kith::json_to_value(v);
  }
  const std::string text = req.at("text").get<std::string>();
  const auto t0 = Clock::now();
  const kith::QueryResult r = db.query(text, options);
  const double ms = ms_since(t0);

  std::vector<bool> sorted(r.columns.size(), false);
  if (req.contains("sortedLists")) {
    for (const auto& c : req.at("sortedLists")) {
      const auto it = std::find(r.columns.begin(), r.columns.end(), c.get<std::string>());
      if (it != r.columns.end()) sorted[it - r.columns.begin()] = true;
    }
  }
  json rows = json::array();
  for (const auto& row : r.rows) {
    std::string text_row;
    for (size_t i = 0; i < row.size(); ++i) {
      text_row += (i ? "|" : "") + kith::ldbc_test::reference_text(row[i], sorted[i]);
    }
    rows.push_back(std::move(text_row));
  }
  json reply = {{"ok", true}, {"ms", ms}, {"columns", r.columns}, {"rows", std::move(rows)}};
  // EXPLAIN/PROFILE through the worker: a plan measured in a warm process.
  if (!r.plan.empty()) reply["plan"] = r.plan;
  return reply;
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::unique_ptr<kith::Database> db;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    json reply;
    try {
      const json req = json::parse(line);
      const std::string op = req.at("op").get<std::string>();
      if (op == "import") {
        reply = do_import(req);
      } else if (op == "open") {
        reply = do_open(db, req);
      } else if (op == "close") {
        db.reset();
        reply = {{"ok", true}};
      } else if (op == "query") {
        if (!db) throw std::runtime_error("query before open");
        reply = do_query(*db, req);
      } else {
        throw std::runtime_error("unknown op " + op);
      }
    } catch (const kith::Error& e) {
      reply = {{"ok", false}, {"error", e.to_string()}};
    } catch (const std::exception& e) {
      reply = {{"ok", false}, {"error", e.what()}};
    }
    std::cout << reply.dump(-1, ' ', false, json::error_handler_t::replace) << '\n' << std::flush;
  }
  return 0;
}
