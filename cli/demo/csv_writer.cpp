#include "cli/demo/csv_writer.h"

#include <cerrno>
#include <charconv>
#include <cstring>

#include "cli/demo/civil_time.h"
#include "storage/error.h"

namespace kith::demo {

namespace {
constexpr size_t kBufferSize = 1 << 20;
constexpr size_t kMaxScalar = 64;  // longest number or date we ever format
}  // namespace

CsvWriter::CsvWriter(const std::string& path, std::string_view header, char delimiter)
    : path_(path), delimiter_(delimiter), buf_(kBufferSize) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw Error(ErrorCode::IoError, "cannot create " + path + ": " + std::strerror(errno));
  put(header);
  put("\n");
}

CsvWriter::~CsvWriter() {
  if (file_) std::fclose(file_);
}

void CsvWriter::flush() {
  if (used_ && std::fwrite(buf_.data(), 1, used_, file_) != used_)
    throw Error(ErrorCode::IoError, "cannot write " + path_ + ": " + std::strerror(errno));
  used_ = 0;
}

void CsvWriter::put(std::string_view s) {
  if (used_ + s.size() > buf_.size()) {
    flush();
    if (s.size() > buf_.size()) {
      if (std::fwrite(s.data(), 1, s.size(), file_) != s.size())
        throw Error(ErrorCode::IoError, "cannot write " + path_ + ": " + std::strerror(errno));
      return;
    }
  }
  std::memcpy(buf_.data() + used_, s.data(), s.size());
  used_ += s.size();
}

void CsvWriter::separator() {
  if (!first_field_) put(std::string_view(&delimiter_, 1));
  first_field_ = false;
}

CsvWriter& CsvWriter::str(std::string_view s) {
  separator();
  bool quote = false;
  for (char c : s) {
    if (c == delimiter_ || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    put(s);
    return *this;
  }
  put("\"");
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      put(s.substr(start, i + 1 - start));  // up to and including the quote...
      put("\"");                            // ...which is doubled
      start = i + 1;
    }
  }
  put(s.substr(start));
  put("\"");
  return *this;
}

CsvWriter& CsvWriter::integer(int64_t v) {
  separator();
  char tmp[kMaxScalar];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
  put(std::string_view(tmp, static_cast<size_t>(r.ptr - tmp)));
  return *this;
}

CsvWriter& CsvWriter::real(double v) {
  separator();
  char tmp[kMaxScalar];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
  put(std::string_view(tmp, static_cast<size_t>(r.ptr - tmp)));
  return *this;
}

CsvWriter& CsvWriter::hundredths(int64_t v) {
  separator();
  char tmp[kMaxScalar];
  char* p = tmp;
  if (v < 0) {
    *p++ = '-';
    v = -v;
  }
  p = std::to_chars(p, tmp + sizeof tmp, v / 100).ptr;
  *p++ = '.';
  *p++ = static_cast<char>('0' + v % 100 / 10);
  *p++ = static_cast<char>('0' + v % 10);
  put(std::string_view(tmp, static_cast<size_t>(p - tmp)));
  return *this;
}

CsvWriter& CsvWriter::boolean(bool v) {
  separator();
  put(v ? "true" : "false");
  return *this;
}

CsvWriter& CsvWriter::date(int64_t days) {
  separator();
  char tmp[kMaxScalar];
  put(std::string_view(tmp, static_cast<size_t>(write_date(tmp, days) - tmp)));
  return *this;
}

CsvWriter& CsvWriter::datetime(int64_t seconds) {
  separator();
  char tmp[kMaxScalar];
  put(std::string_view(tmp, static_cast<size_t>(write_datetime(tmp, seconds) - tmp)));
  return *this;
}

CsvWriter& CsvWriter::absent() {
  separator();
  return *this;
}

void CsvWriter::end_row() {
  put("\n");
  first_field_ = true;
  ++rows_;
}

void CsvWriter::close() {
  if (!file_) return;
  flush();
  const bool failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed) throw Error(ErrorCode::IoError, "cannot write " + path_ + ": " + std::strerror(errno));
}

}  // namespace kith::demo
