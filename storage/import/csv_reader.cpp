#include "storage/import/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "storage/error.h"

namespace kith::storage::import {

namespace {

// Large reads keep the syscall count low; a row longer than this grows the
// buffer (a row must fit in memory whole).
constexpr size_t kBlockSize = size_t{256} << 10;
constexpr size_t kMinBlockSize = size_t{4} << 10;
constexpr char kQuote = '"';

std::string io_error_text(const std::string& path, const char* what) {
  return path + ": " + what + ": " + std::strerror(errno);
}

}  // namespace

CsvReader::CsvReader(const std::string& path, char delimiter)
    : path_(path), delimiter_(delimiter) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw Error(ErrorCode::IoError, io_error_text(path, "cannot open"));
  struct stat st{};
  if (::fstat(fd_, &st) != 0) {
    std::string msg = io_error_text(path, "cannot stat");
    ::close(fd_);
    throw Error(ErrorCode::IoError, msg);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd_);
    throw Error(ErrorCode::IoError, path + ": is a directory, not a CSV file");
  }
  file_size_ = static_cast<uint64_t>(st.st_size);
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  buf_.resize(std::clamp<size_t>(file_size_ + 1, kMinBlockSize, kBlockSize));
}

CsvReader::~CsvReader() {
  if (fd_ >= 0) ::close(fd_);
}

uint64_t CsvReader::bytes_consumed() const { return buffer_file_offset_ + begin_; }

bool CsvReader::fill() {
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    buffer_file_offset_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);  // one row longer than the buffer
  ssize_t n;
  do {
    n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
  } while (n < 0 && errno == EINTR);
  if (n < 0) throw Error(ErrorCode::IoError, io_error_text(path_, "read failed"));
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += static_cast<size_t>(n);
  if (first_block_) {
    first_block_ = false;
    if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
  }
  return true;
}

// Parses one row starting at `pos`. On Row/Blank, `pos` is moved past the
// row's line terminator. NeedMore means the buffer ends inside the row and the
// file has more: the caller reads more and parses the row again from its start
// (nothing is modified in the buffer, so re-parsing is safe).
CsvReader::Parse CsvReader::parse_row(const char*& pos) {
  const char* p = pos;
  const char* const end = buf_.data() + end_;
  raw_fields_.clear();
  row_newlines_ = 0;
  error_ = nullptr;

  if (*p == '\n') {
    pos = p + 1;
    return Parse::Blank;
  }
  if (*p == '\r') {
    if (p + 1 == end) {
      if (!eof_) return Parse::NeedMore;
      pos = end;
      return Parse::Blank;
    }
    if (p[1] == '\n') {
      pos = p + 2;
      return Parse::Blank;
    }
  }

  // Fast path for the common row: one line with no quote in it. memchr
  // scans many bytes per step, which a byte-by-byte loop cannot.
  {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (nl == nullptr && !eof_) return Parse::NeedMore;
    const char* line_end = nl ? nl : end;
    if (std::memchr(p, kQuote, line_end - p) == nullptr) {
      const char* content_end = line_end;
      if (content_end > p && content_end[-1] == '\r') --content_end;
      for (;;) {
        const char* d = static_cast<const char*>(std::memchr(p, delimiter_, content_end - p));
        if (d == nullptr) break;
        raw_fields_.push_back({p, d, false});
        p = d + 1;
      }
      raw_fields_.push_back({p, content_end, false});
      pos = nl ? nl + 1 : end;
      return Parse::Row;
    }
  }

  for (;;) {
    if (p < end && *p == kQuote) {
      const char* field_begin = p + 1;
      const char* q = field_begin;
      bool escaped = false;
      for (;;) {
        const char* hit = static_cast<const char*>(std::memchr(q, kQuote, end - q));
        if (hit == nullptr) {
          if (!eof_) return Parse::NeedMore;
          row_newlines_ += std::count(q, end, '\n');
          raw_fields_.push_back({field_begin, end, escaped});
          error_ = "unterminated quoted field (the closing quote is missing before the end of the file)";
          pos = end;
          return Parse::Row;
        }
        row_newlines_ += std::count(q, hit, '\n');
        if (hit + 1 == end && !eof_) return Parse::NeedMore;  // "" or closing quote?
        if (hit + 1 < end && hit[1] == kQuote) {
          escaped = true;
          q = hit + 2;
          continue;
        }
        raw_fields_.push_back({field_begin, hit, escaped});
        p = hit + 1;
        break;
      }
      if (p == end) {  // the file ends right after the closing quote
        pos = end;
        return Parse::Row;
      }
      if (*p == delimiter_) {
        ++p;
        continue;
      }
      if (*p == '\n') {
        pos = p + 1;
        return Parse::Row;
      }
      if (*p == '\r') {
        if (p + 1 == end) {
          if (!eof_) return Parse::NeedMore;
          pos = end;
          return Parse::Row;
        }
        if (p[1] == '\n') {
          pos = p + 2;
          return Parse::Row;
        }
      }
      // Text after a closing quote: RFC 4180 forbids it. The row is reported
      // as malformed; skip to the end of the field to keep row boundaries.
      error_ = "unexpected text after a closing quote";
      while (p < end && *p != delimiter_ && *p != '\n') ++p;
      if (p == end) {
        if (!eof_) return Parse::NeedMore;
        pos = end;
        return Parse::Row;
      }
      if (*p == delimiter_) {
        ++p;
        continue;
      }
      pos = p + 1;
      return Parse::Row;
    }

    const char* field_begin = p;
    // Unquoted: a quote inside the field is taken literally, as most
    // producers of "CSV" expect.
    while (p < end && *p != delimiter_ && *p != '\n') ++p;
    if (p < end && *p == delimiter_) {
      raw_fields_.push_back({field_begin, p, false});
      ++p;
      continue;
    }
    if (p == end && !eof_) return Parse::NeedMore;
    const char* field_end = p;
    if (field_end > field_begin && field_end[-1] == '\r') --field_end;
    raw_fields_.push_back({field_begin, field_end, false});
    pos = p == end ? end : p + 1;
    return Parse::Row;
  }
}

void CsvReader::finish_row(CsvRow& row, const char* row_begin, const char* row_end) {
  size_t unescaped_bytes = 0;
  for (const RawField& f : raw_fields_) {
    if (f.escaped) unescaped_bytes += static_cast<size_t>(f.end - f.begin);
  }
  // Sized before any view into it is taken, so the views stay valid.
  if (scratch_.size() < unescaped_bytes) scratch_.resize(unescaped_bytes);
  char* out = scratch_.data();
  fields_.resize(raw_fields_.size());
  for (size_t i = 0; i < raw_fields_.size(); ++i) {
    const RawField& f = raw_fields_[i];
    if (!f.escaped) {
      fields_[i] = std::string_view(f.begin, static_cast<size_t>(f.end - f.begin));
      continue;
    }
    char* start = out;
    for (const char* c = f.begin; c < f.end; ++c) {
      *out++ = *c;
      if (*c == kQuote && c + 1 < f.end && c[1] == kQuote) ++c;
    }
    fields_[i] = std::string_view(start, static_cast<size_t>(out - start));
  }

  if (row_end > row_begin && row_end[-1] == '\n') --row_end;
  if (row_end > row_begin && row_end[-1] == '\r') --row_end;
  row.fields = fields_;
  row.line = line_;
  row.raw = std::string_view(row_begin, static_cast<size_t>(row_end - row_begin));
  row.error = error_ ? std::string_view(error_) : std::string_view();
  line_ += row_newlines_ + 1;
}

bool CsvReader::next(CsvRow& row) {
  for (;;) {
    if (begin_ == end_) {
      if (eof_) return false;
      fill();
      continue;
    }
    const char* p = buf_.data() + begin_;
    Parse r = parse_row(p);
    if (r == Parse::NeedMore) {
      fill();
      continue;
    }
    const char* row_begin = buf_.data() + begin_;
    begin_ = static_cast<size_t>(p - buf_.data());
    if (r == Parse::Blank) {
      ++line_;
      continue;
    }
    finish_row(row, row_begin, p);
    return true;
  }
}

}  // namespace kith::storage::import
