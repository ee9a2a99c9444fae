// How fast the CSV reader alone gets through files (no parsing of values, no
// storage): the floor under `kith import`'s time.
// usage: csv_read_bench DELIMITER FILE...
#include <chrono>
#include <cstdio>
#include <string>

#include "storage/error.h"
#include "storage/import/csv_reader.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DELIMITER FILE...\n", argv[0]);
    return 2;
  }
  char delimiter = argv[1][0];
  auto t0 = std::chrono::steady_clock::now();
  uint64_t rows = 0, fields = 0, bytes = 0;
  try {
    for (int i = 2; i < argc; ++i) {
      kith::storage::import::CsvReader reader(argv[i], delimiter);
      kith::storage::import::CsvRow row;
      while (reader.next(row)) {
        ++rows;
        fields += row.fields.size();
      }
      bytes += reader.file_size();
    }
  } catch (const kith::Error& e) {
    std::fprintf(stderr, "%s\n", e.to_string().c_str());
    return 1;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%llu rows, %llu fields, %.1f MB in %.3f s: %.0f MB/s\n", static_cast<unsigned long long>(rows),
              static_cast<unsigned long long>(fields), bytes / 1e6, s, bytes / 1e6 / s);
  return 0;
}
