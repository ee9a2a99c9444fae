// A buffered writer of one CSV file in the neo4j-admin import format: a typed
// header line, then rows whose fields are quoted per RFC 4180 only when they
// must be (they hold the delimiter, a quote or a line break). An absent
// property is an empty field.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace kith::demo {

class CsvWriter {
 public:
  // Throws kith::Error(IoError) when the file cannot be created.
  CsvWriter(const std::string& path, std::string_view header, char delimiter = ',');
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  CsvWriter& str(std::string_view s);
  CsvWriter& integer(int64_t v);
  CsvWriter& real(double v);        // shortest round-trip form
  CsvWriter& hundredths(int64_t v);  // v / 100 with two decimals: 87 -> "0.87"
  CsvWriter& boolean(bool v);
  CsvWriter& date(int64_t days);
  CsvWriter& datetime(int64_t seconds);
  CsvWriter& absent();
  void end_row();

  uint64_t rows() const { return rows_; }
  // Flushes and closes; throws IoError if anything could not be written.
  void close();

 private:
  void separator();
  void put(std::string_view s);
  void flush();

  std::string path_;
  std::FILE* file_ = nullptr;
  char delimiter_;
  std::vector<char> buf_;
  size_t used_ = 0;
  bool first_field_ = true;
  uint64_t rows_ = 0;
};

}  // namespace kith::demo
