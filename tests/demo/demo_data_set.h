// Test support: a generated demo data set in a temporary folder, read back
// with an independent RFC 4180 reader.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/demo/world.h"
#include "tests/support/temp_dir.h"

namespace kith::demo::test {

using TempDir = kith::testing::TempDir;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int column(const std::string& name) const;  // index of the column named `name` (before ':'), -1 if none
};

// Parses a CSV file (quoted fields, doubled quotes, embedded delimiters).
Table read_csv(const std::filesystem::path& file);
std::string read_file(const std::filesystem::path& file);

// The shared small data set most tests read: 2,000 people, seed 7, default now.
struct DemoData {
  DemoConfig config;
  TempDir dir;
  std::map<std::string, Table> tables;  // by file name
  const Table& operator[](const std::string& file) const { return tables.at(file); }
};
const DemoData& small_demo();
DemoConfig config_for(uint64_t people, uint64_t seed);

}  // namespace kith::demo::test
