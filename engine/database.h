// The public API of kith: the one door the CLI, the shell and the HTTP server
// use. A Database opens a store and runs statements; each statement is one
// transaction (a read transaction, or a write transaction when it writes).
// Errors are thrown as kith::Error (storage/error.h).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/graph_store.h"
#include "storage/value.h"

namespace kith {

using Params = std::unordered_map<std::string, Value>;

struct QueryOptions {
  Params params;  // $name -> value; "now" fixes the statement's now (DESIGN.md 2.2)
  std::optional<std::chrono::milliseconds> timeout;
  const std::atomic<bool>* cancel = nullptr;  // set it to stop the statement
  bool allow_writes = true;  // false: a statement that writes fails with ReadOnly
};

// What a result's nodes and relationships looked like when the statement ran:
// results outlive their transaction, so entities are captured with them.
struct NodeData {
  std::vector<std::string> labels;
  Value::Map properties;
};
struct RelData {
  std::string type;
  NodeId start = 0;
  NodeId end = 0;
  Value::Map properties;
};

struct QueryStats {
  uint64_t rows = 0;
  double elapsed_ms = 0;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  std::unordered_map<NodeId, NodeData> nodes;  // every node in `rows`
  std::unordered_map<RelId, RelData> rels;     // every relationship in `rows`
  QueryStats stats;
  // EXPLAIN: the plan (no rows). PROFILE: the plan with rows and time per
  // operator (and the rows).
  std::string plan;
  bool wrote = false;
};

// Names a client can complete and show (the shell's completion, /v1/schema).
struct SchemaSummary {
  struct Count {
    std::string name;
    uint64_t count;
  };
  std::vector<Count> labels;
  std::vector<Count> rel_types;
  std::vector<std::string> prop_keys;
  struct Index {
    std::string label;
    std::string key;
    bool unique;
  };
  std::vector<Index> indexes;
  uint64_t nodes = 0;
  uint64_t rels = 0;
};

class Database {
 public:
  struct Options {
    bool read_only = false;  // open the file without write access
    bool create = true;      // create the file when missing
  };

  static std::unique_ptr<Database> open(const std::string& path, Options options);
  static std::unique_ptr<Database> open(const std::string& path) { return open(path, Options{}); }
  ~Database();

  // Runs one statement: a query, a schema command, or DEFINE QUESTION / ASK.
  QueryResult query(std::string_view text, const QueryOptions& options = {});

  // Runs the saved question `name` with named parameters (what the HTTP API's
  // POST /v1/questions/{name} does). NotFound when there is no such question,
  // ParameterMissing when one of its parameters has no value.
  QueryResult ask(const std::string& name, const QueryOptions& options = {});
  struct Question {
    std::string name;
    std::vector<std::string> parameters;
    std::string query;
  };
  std::vector<Question> questions() const;

  SchemaSummary schema() const;
  // Names of the language's functions and keywords, for completion.
  static std::vector<std::string> function_names();

  storage::GraphStore& store();
  const std::string& path() const;

 private:
  Database();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith
