// An RFC 4180 CSV reader built for bulk import: it reads a file in large
// blocks and hands out each row as views into its own buffer, so parsing a
// field costs no heap allocation. Quoted fields may hold the delimiter, doubled
// quotes and line breaks; rows end with LF or CRLF; a UTF-8 byte-order mark at
// the start of the file is skipped; blank lines are skipped.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kith::storage::import {

struct CsvRow {
  // Field values with quotes removed and doubled quotes collapsed. Valid until
  // the next call to CsvReader::next().
  std::span<const std::string_view> fields;
  // The physical line (1-based) the row starts on; a quoted field spanning
  // lines counts each of them.
  uint64_t line = 0;
  // The row exactly as written, without its line terminator (for reports).
  std::string_view raw;
  // Non-empty when the row is malformed (unterminated quote, text after a
  // closing quote); `fields` is then best effort.
  std::string_view error;
};

class CsvReader {
 public:
  // Throws kith::Error(IoError) naming the path when it cannot be opened.
  CsvReader(const std::string& path, char delimiter);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next row; returns false at the end of the file.
  bool next(CsvRow& row);

  uint64_t file_size() const { return file_size_; }
  // Bytes of the file consumed by the rows returned so far.
  uint64_t bytes_consumed() const;
  const std::string& path() const { return path_; }

 private:
  // Where a field's text lies in the buffer, before unquoting.
  struct RawField {
    const char* begin;
    const char* end;
    bool escaped;  // holds doubled quotes that must be collapsed
  };
  enum class Parse { Row, Blank, NeedMore };

  Parse parse_row(const char*& p);
  bool fill();  // false when nothing more could be read
  void finish_row(CsvRow& row, const char* row_begin, const char* row_end);

  std::string path_;
  int fd_ = -1;
  char delimiter_;
  uint64_t file_size_ = 0;
  uint64_t buffer_file_offset_ = 0;  // file offset of buf_[0]
  std::vector<char> buf_;
  size_t begin_ = 0;  // first unparsed byte
  size_t end_ = 0;    // end of valid data
  bool eof_ = false;
  bool first_block_ = true;
  uint64_t line_ = 1;  // line of the next row

  // Per-row state, reused across rows.
  std::vector<RawField> raw_fields_;
  std::vector<std::string_view> fields_;
  std::string scratch_;
  uint64_t row_newlines_ = 0;
  const char* error_ = nullptr;
};

}  // namespace kith::storage::import
