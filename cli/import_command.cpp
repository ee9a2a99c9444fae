// `kith import`: the command line of the CSV bulk importer
// (storage/import/importer.h does the work), its progress display and summary.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "storage/error.h"
#include "storage/import/importer.h"

namespace kith::cli {

namespace {

namespace imp = kith::storage::import;

constexpr uint64_t kUnlimited = std::numeric_limits<uint64_t>::max();

const char* kUsage =
    "usage: kith import --db PATH [options] --nodes=[Label[:Label...]=]a.csv[,b.csv] ...\n"
    "                   --relationships=[TYPE=]c.csv[,d.csv] ...\n"
    "\n"
    "Bulk-loads CSV files in the format of `neo4j-admin database import` into a new\n"
    "database file. Node files are loaded before relationship files. Every file has\n"
    "its own header line; relative file names are relative to the current directory.\n"
    "\n"
    "Header columns:\n"
    "  name[:TYPE]        a property; TYPE is STRING (the default), INT, LONG, SHORT,\n"
    "                     BYTE (all int64), FLOAT, DOUBLE (double), BOOLEAN (true/false,\n"
    "                     any case), DATE (YYYY-MM-DD), DATETIME (ISO 8601, UTC when\n"
    "                     no zone is given); TYPE[] is an array split on the array\n"
    "                     delimiter. An empty field means the property is absent.\n"
    "  name:ID(Space)     the node's key in key space Space (`:ID` alone: the global\n"
    "                     space). With a name, the key is also stored as that property.\n"
    "                     Each space is separate: Tag 0 and Forum 0 are two nodes.\n"
    "  :START_ID(Space)   a relationship's start and end, as keys of that space.\n"
    "  :END_ID(Space)\n"
    "  :LABEL             extra labels for the node, separated by the array delimiter.\n"
    "  :TYPE              the relationship's type (when empty: the file's type).\n"
    "  :IGNORE            a column that is not loaded.\n"
    "\n"
    "Key types (--id-type): `actual` (default) stores a key written as a canonical\n"
    "integer (0 or -?[1-9][0-9]*, within int64) as INT64 and any other key as STRING,\n"
    "so LDBC's numeric ids match {id: 933} while \"007\" stays a string distinct from 7;\n"
    "`string` keeps every key a STRING (neo4j's default); `integer` requires integers.\n"
    "\n"
    "Bad input never half-loads a database: the first bad row (wrong number of fields,\n"
    "a value that does not parse, an unknown or duplicate key, a broken quote) stops\n"
    "the import with `file:line: reason` and exit code 1, and the target is left as it\n"
    "was. With --skip-bad-rows the good rows load and every bad row is written, with\n"
    "its file, line and reason, to the report file.\n"
    "\n"
    "Example (LDBC SNB):\n"
    "  cd ../shared/data/ldbc-sf01 && kith import --db /tmp/ldbc $(cat import.args)";

std::string with_commas(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

std::string base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Progress on stderr: a bar redrawn in place on a terminal, plain lines
// (every 5 s or 10%) otherwise, so logs stay readable.
class ProgressDisplay {
 public:
  ProgressDisplay() : tty_(::isatty(STDERR_FILENO) == 1) {}

  void update(const imp::ImportProgress& p) {
    double fraction = p.bytes_total ? static_cast<double>(p.bytes_done) / p.bytes_total : 1.0;
    if (tty_) {
      if (p.seconds - last_ < 0.1 && drawn_) return;
      last_ = p.seconds;
      drawn_ = true;
      constexpr int kWidth = 30;
      int filled = static_cast<int>(fraction * kWidth);
      std::string bar(static_cast<size_t>(filled), '#');
      bar.resize(kWidth, '.');
      std::fprintf(stderr, "\r[%s] %3.0f%%  %s rows/s  ETA %s  %s\x1b[K", bar.c_str(), fraction * 100,
                   rate(p).c_str(), eta(p, fraction).c_str(), activity(p).c_str());
      std::fflush(stderr);
      return;
    }
    int decile = static_cast<int>(fraction * 10);
    if (p.seconds - last_ < 5.0 && decile <= decile_) return;
    last_ = p.seconds;
    decile_ = decile;
    std::fprintf(stderr, "import: %3.0f%% of %s, %s rows, %s rows/s, ETA %s, %s\n", fraction * 100,
                 megabytes(p.bytes_total).c_str(), with_commas(p.rows).c_str(), rate(p).c_str(),
                 eta(p, fraction).c_str(), activity(p).c_str());
  }

  void clear() {
    if (tty_ && drawn_) std::fprintf(stderr, "\r\x1b[K");
  }

 private:
  std::string activity(const imp::ImportProgress& p) const {
    if (p.file.empty()) return "writing adjacency and indexes";
    return tty_ ? base_name(p.file) : "reading " + std::string(p.file);
  }
  static std::string rate(const imp::ImportProgress& p) {
    return p.seconds > 0 ? with_commas(static_cast<uint64_t>(p.rows / p.seconds)) : "-";
  }
  static std::string eta(const imp::ImportProgress& p, double fraction) {
    if (fraction <= 0 || p.seconds <= 0) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f s", p.seconds * (1 - fraction) / fraction);
    return buf;
  }

  bool tty_;
  bool drawn_ = false;
  double last_ = -1e9;
  int decile_ = -1;
};

void print_counts(const char* title, const std::vector<std::pair<std::string, uint64_t>>& counts) {
  if (counts.empty()) return;
  std::printf("%s\n", title);
  size_t width = 0;
  for (const auto& [name, n] : counts) width = std::max(width, name.size());
  for (const auto& [name, n] : counts) {
    std::printf("  %-*s %12s\n", static_cast<int>(width), name.c_str(), with_commas(n).c_str());
  }
}

}  // namespace

int run_import(int argc, char** argv) {
  std::string db, delimiter, array_delimiter, id_type, report;
  std::vector<std::string> nodes, relationships;
  bool overwrite = false;
  po::options_description options("options");
  options.add_options()
      ("db", po::value(&db)->required()->value_name("PATH"), "the database file to create")
      ("nodes", po::value(&nodes)->composing()->value_name("[Label[:Label...]=]FILES"),
       "node files (comma-separated) and the labels all their nodes get; repeatable")
      ("relationships", po::value(&relationships)->composing()->value_name("[TYPE=]FILES"),
       "relationship files and their type (optional with a :TYPE column); repeatable")
      ("delimiter", po::value(&delimiter)->default_value(",")->value_name("C"),
       "field delimiter: one character, or \\t / TAB")
      ("array-delimiter", po::value(&array_delimiter)->default_value(";")->value_name("C"),
       "separates the elements of TYPE[] fields and of :LABEL")
      ("id-type", po::value(&id_type)->default_value("actual")->value_name("T"),
       "how keys are typed: actual, string or integer (see above)")
      ("skip-bad-rows", po::value<uint64_t>()->implicit_value(kUnlimited, "unlimited")->value_name("N"),
       "load the good rows and report the bad ones; with =N fail (loading nothing) after more than N")
      ("bad-rows-report", po::value(&report)->value_name("FILE"),
       "where --skip-bad-rows lists the bad rows (default: PATH.bad-rows.txt)")
      ("overwrite", po::bool_switch(&overwrite), "replace an existing database at PATH");
  po::positional_options_description positional;
  po::variables_map vm;
  if (auto code = parse_command_line(argc, argv, kUsage, options, positional, vm)) return *code;

  imp::ImportOptions o;
  try {
    o.db_path = db;
    o.overwrite = overwrite;
    o.delimiter = imp::parse_delimiter(delimiter, "delimiter");
    o.array_delimiter = imp::parse_delimiter(array_delimiter, "array-delimiter");
    if (o.delimiter == o.array_delimiter) {
      throw Error(ErrorCode::InvalidInput, "--delimiter and --array-delimiter must differ");
    }
    o.id_type = imp::parse_id_type(id_type);
    for (const std::string& spec : nodes) o.nodes.push_back(imp::parse_input_group(spec));
    for (const std::string& spec : relationships) o.relationships.push_back(imp::parse_input_group(spec));
    if (vm.count("skip-bad-rows")) {
      o.skip_bad_rows = true;
      o.max_bad_rows = vm["skip-bad-rows"].as<uint64_t>();
    }
    o.bad_rows_report = report;
    if (!report.empty() && !o.skip_bad_rows) {
      throw Error(ErrorCode::InvalidInput, "--bad-rows-report needs --skip-bad-rows");
    }
    if (o.nodes.empty() && o.relationships.empty()) {
      throw Error(ErrorCode::InvalidInput, "nothing to import: give --nodes and/or --relationships");
    }
  } catch (const Error& e) {
    std::cerr << "kith import: " << e.message() << "\nRun 'kith import --help' for the options.\n";
    return 2;
  }

  ProgressDisplay display;
  imp::ImportSummary s;
  try {
    s = imp::run_import(o, [&](const imp::ImportProgress& p) { display.update(p); });
  } catch (...) {
    display.clear();
    throw;  // main() prints it and exits with 1
  }
  display.clear();

  std::printf("imported %s nodes and %s relationships in %.2f s into %s (%s)\n",
              with_commas(s.nodes).c_str(), with_commas(s.relationships).c_str(), s.seconds,
              db.c_str(), megabytes(s.store_bytes).c_str());
  print_counts("nodes per label:", s.nodes_per_label);
  print_counts("relationships per type:", s.rels_per_type);
  if (s.bad_rows > 0) {
    std::printf("skipped %s bad rows; each is listed with its file, line and reason in %s\n",
                with_commas(s.bad_rows).c_str(), s.bad_rows_report.c_str());
  }
  return 0;
}

}  // namespace kith::cli
