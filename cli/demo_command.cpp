// `kith demo`: generates the demo relationship data set into a folder of CSV
// files (--out) or straight into a database (--db, the default).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/demo/civil_time.h"
#include "cli/demo/demo_generator.h"
#include "cli/demo/demo_loader.h"
#include "storage/error.h"

namespace kith::cli {

namespace {

namespace fs = std::filesystem;

const char* kUsage =
    "usage: kith demo [--people N] [--seed S] [--now T] [--out DIR | --db PATH [--force]]\n\n"
    "Generates the demo relationship data set (people, companies, topics, content,\n"
    "signals, events; see examples/README.md). The same --people, --seed and --now\n"
    "always give the same data. Timestamps are relative to --now (default\n"
    "2026-11-01T00:00:00Z), so the demo questions have stable answers when they fix\n"
    "`now` to the same value.\n\n"
    "  --out DIR   write the CSV files and import.args into DIR\n"
    "  --db PATH   generate into a temporary folder and load it into a new database\n"
    "              (default: kith-demo.db in the current directory)";

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kith-demo-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw Error(ErrorCode::IoError, "cannot create a temporary folder in " + fs::temp_directory_path().string());
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string with_commas(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  return s;
}

void print_summary(const demo::DemoConfig& config, const demo::DemoResult& r) {
  std::printf("demo data set: %s people, seed %llu, now %s\n", with_commas(config.people).c_str(),
              static_cast<unsigned long long>(config.seed), demo::format_datetime(config.now).c_str());
  uint64_t nodes = 0, rels = 0;
  for (bool node_pass : {true, false}) {
    std::printf("  %s:", node_pass ? "nodes" : "relationships");
    for (const demo::LabelCount& c : r.counts) {
      if (c.nodes != node_pass) continue;
      std::printf(" %s %s", c.label.c_str(), with_commas(c.rows).c_str());
      (node_pass ? nodes : rels) += c.rows;
    }
    std::printf("\n");
  }
  std::printf("generated %s nodes and %s relationships in %.2f s\n", with_commas(nodes).c_str(),
              with_commas(rels).c_str(), r.seconds);
}

}  // namespace

int run_demo(int argc, char** argv) {
  po::options_description options("options");
  uint64_t people = demo::kDefaultPeople, seed = demo::kDefaultSeed;
  std::string now_text(demo::kDefaultNow), out_dir, db;
  options.add_options()
      ("people", po::value(&people)->default_value(people), "number of people, 1,000 to 10,000,000")
      ("seed", po::value(&seed)->default_value(seed), "random seed")
      ("now", po::value(&now_text)->default_value(now_text), "the moment the data is generated for (UTC)")
      ("out", po::value(&out_dir), "write CSV files and import.args into this folder")
      ("db", po::value(&db), "load into a new database at this path (default kith-demo.db)")
      ("force", "replace the database if it exists");
  po::variables_map vm;
  if (auto code = parse_command_line(argc, argv, kUsage, options, {}, vm)) return *code;
  if (vm.count("out") && vm.count("db")) {
    std::cerr << "kith demo: give --out or --db, not both\n";
    return 2;
  }
  const auto now = demo::parse_utc(now_text);
  if (!now) {
    std::cerr << "kith demo: --now must look like 2026-11-01 or 2026-11-01T00:00:00Z, not '" << now_text << "'\n";
    return 2;
  }
  if (people < demo::kMinPeople || people > demo::kMaxPeople) {
    std::cerr << "kith demo: --people must be between 1000 and 10000000, not " << people << "\n";
    return 2;
  }
  const demo::DemoConfig config{people, seed, *now};

  // A progress line on a terminal only; logs and pipes get the summary alone.
  const bool tty = isatty(fileno(stderr));
  demo::DemoProgress progress;
  if (tty)
    progress = [](std::string_view phase, double fraction) {
      std::fprintf(stderr, "\r%-10.*s %5.1f%%", static_cast<int>(phase.size()), phase.data(), 100 * fraction);
      std::fflush(stderr);
    };
  auto clear_line = [&] {
    if (tty) std::fprintf(stderr, "\r%30s\r", "");
  };

  if (vm.count("out")) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw Error(ErrorCode::IoError, "cannot create " + out_dir + ": " + ec.message());
    const demo::DemoResult r = demo::generate_demo(config, out_dir, progress);
    clear_line();
    print_summary(config, r);
    std::printf("into %s; load it with: cd %s && kith import --db DB $(cat import.args)\n", out_dir.c_str(),
                out_dir.c_str());
    return 0;
  }

  if (db.empty()) db = "kith-demo.db";
  if (fs::exists(db) && !vm.count("force"))
    throw Error(ErrorCode::IoError, db + " exists; remove it or pass --force to replace it");
  TempDir tmp;
  const demo::DemoResult r = demo::generate_demo(config, tmp.path(), progress);
  clear_line();
  print_summary(config, r);
  demo::LoadProgress load_progress;
  if (tty)
    load_progress = [&](double fraction) {
      if (progress) progress("loading", fraction);
    };
  const demo::LoadResult loaded = demo::load_demo(tmp.path(), r.import_args, db, vm.count("force") > 0, load_progress);
  clear_line();
  std::printf("loaded %s nodes and %s relationships into %s in %.2f s (store size %.1f MB)\n",
              with_commas(loaded.nodes).c_str(), with_commas(loaded.relationships).c_str(), db.c_str(),
              loaded.seconds, static_cast<double>(loaded.store_bytes) / 1e6);
  return 0;
}

}  // namespace kith::cli
