// `kith import`: loads CSV files in the format of `neo4j-admin database
// import` into a new database through BulkLoader. All node files are loaded
// before any relationship file. Each file has its own header line.
//
// Bad input never half-loads a database: by default the first bad row throws
// kith::Error(InvalidInput, "file:line: reason") and the target is left as it
// was. With skip_bad_rows, bad rows are left out and written to a report file;
// more than max_bad_rows of them fail the import the same way.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/import/field_parser.h"

namespace kith::storage::import {

// One --nodes or --relationships argument.
struct InputGroup {
  // Node files: labels every node of these files gets (more may come from a
  // :LABEL column). Relationship files: one type, or none when the files have
  // a :TYPE column.
  std::vector<std::string> names;
  std::vector<std::string> files;
};

// Parses "Label[:Label...]=a.csv[,b.csv]", "TYPE=a.csv" or "a.csv[,b.csv]"
// (no names). Throws kith::Error(InvalidInput) on an empty file list or name.
InputGroup parse_input_group(std::string_view spec);

struct ImportOptions {
  std::string db_path;
  bool overwrite = false;
  char delimiter = ',';
  char array_delimiter = ';';
  IdType id_type = IdType::Actual;
  std::vector<InputGroup> nodes;
  std::vector<InputGroup> relationships;
  bool skip_bad_rows = false;
  uint64_t max_bad_rows = std::numeric_limits<uint64_t>::max();
  // Where skipped rows are listed; empty means db_path + ".bad-rows.txt".
  std::string bad_rows_report;
};

struct ImportProgress {
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;
  uint64_t rows = 0;  // data rows read so far, all files
  double seconds = 0;
  std::string_view file;  // the file being read; empty once all are read
};

struct ImportSummary {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t bad_rows = 0;
  std::string bad_rows_report;  // set when bad_rows > 0
  double seconds = 0;
  uint64_t store_bytes = 0;
  std::vector<std::pair<std::string, uint64_t>> nodes_per_label;  // by name
  std::vector<std::pair<std::string, uint64_t>> rels_per_type;    // by name
};

using ProgressFn = std::function<void(const ImportProgress&)>;

// Runs the whole import. `progress` (optional) is called now and then from
// the calling thread; it should do its own rate limiting of output.
ImportSummary run_import(const ImportOptions& options, const ProgressFn& progress = {});

// Parses a --delimiter value: one character, or "\t" / "TAB" for a tab.
// Throws kith::Error(InvalidInput) otherwise.
char parse_delimiter(std::string_view text, const char* option);
// Parses --id-type: "string", "integer" or "actual".
IdType parse_id_type(std::string_view text);

// Applies one line of an import.args file ("--nodes=Person=Person.csv",
// "--relationships=KNOWS=k.csv", "--delimiter=|", "--array-delimiter=;",
// "--id-type=actual"; blank lines are ignored) to `options`, resolving
// relative file names against `base_dir`. Lets a program load a folder made
// for `kith import --db X $(cat import.args)` without a shell. Throws
// kith::Error(InvalidInput) on any other line.
void apply_import_arg(std::string_view arg, const std::string& base_dir, ImportOptions& options);

}  // namespace kith::storage::import
