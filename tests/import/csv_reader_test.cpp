// The CSV reader against RFC 4180 and the variations real exports have.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "storage/error.h"
#include "storage/import/csv_reader.h"
#include "tests/import/test_files.h"

using kith::test::parse_csv;
using kith::test::ParsedRow;
using kith::test::TempDir;
using Fields = std::vector<std::string>;

TEST_CASE("plain rows with LF, the last without a line break") {
  TempDir dir;
  auto rows = parse_csv(dir, "a,b,c\n1,2,3\nx,y,z");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"a", "b", "c"});
  CHECK(rows[1].fields == Fields{"1", "2", "3"});
  CHECK(rows[2].fields == Fields{"x", "y", "z"});
  CHECK(rows[2].line == 3);
  CHECK(rows[2].error.empty());
}

TEST_CASE("CRLF line endings are stripped, also after a quoted field") {
  TempDir dir;
  auto rows = parse_csv(dir, "a,b\r\n1,\"2\"\r\n3,4\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"a", "b"});
  CHECK(rows[1].fields == Fields{"1", "2"});
  CHECK(rows[2].fields == Fields{"3", "4"});
}

TEST_CASE("quoted fields hold delimiters, doubled quotes and line breaks") {
  TempDir dir;
  auto rows = parse_csv(dir,
                        "id,text\n"
                        "1,\"a,b\"\n"
                        "2,\"say \"\"hi\"\"\"\n"
                        "3,\"two\nlines\r\nand three\"\n"
                        "4,\"\"\n"
                        "5,\"\"\"\"\n");
  REQUIRE(rows.size() == 6);
  CHECK(rows[1].fields == Fields{"1", "a,b"});
  CHECK(rows[2].fields == Fields{"2", "say \"hi\""});
  CHECK(rows[3].fields == Fields{"3", "two\nlines\r\nand three"});
  CHECK(rows[4].fields == Fields{"4", ""});
  CHECK(rows[5].fields == Fields{"5", "\""});
  // Physical lines: the quoted field of row 3 spans lines 4 to 6.
  CHECK(rows[3].line == 4);
  CHECK(rows[4].line == 7);
  CHECK(rows[5].line == 8);
}

TEST_CASE("empty fields, a trailing delimiter and a quote inside an unquoted field") {
  TempDir dir;
  auto rows = parse_csv(dir, ",,\na,,\nit's 5\" tall,b,\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"", "", ""});
  CHECK(rows[1].fields == Fields{"a", "", ""});
  CHECK(rows[2].fields == Fields{"it's 5\" tall", "b", ""});
}

TEST_CASE("a UTF-8 byte-order mark is skipped; later ones are data") {
  TempDir dir;
  auto rows = parse_csv(dir, "\xEF\xBB\xBFid,name\n1,\xEF\xBB\xBFx\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"id", "name"});
  CHECK(rows[1].fields == Fields{"1", "\xEF\xBB\xBFx"});
}

TEST_CASE("blank lines are skipped but counted") {
  TempDir dir;
  auto rows = parse_csv(dir, "a\n\n\r\nb\n\nc\n\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 4);
  CHECK(rows[2].line == 6);
}

TEST_CASE("other delimiters: tab and pipe; commas are then data") {
  TempDir dir;
  auto tab = parse_csv(dir, "a\tb,c\n\"x\ty\"\tz\n", '\t');
  REQUIRE(tab.size() == 2);
  CHECK(tab[0].fields == Fields{"a", "b,c"});
  CHECK(tab[1].fields == Fields{"x\ty", "z"});
  auto pipe = parse_csv(dir, "1|Mahinda|Perera\n", '|');
  REQUIRE(pipe.size() == 1);
  CHECK(pipe[0].fields == Fields{"1", "Mahinda", "Perera"});
}

TEST_CASE("an unterminated quote at the end of the file is an error of its row") {
  TempDir dir;
  auto rows = parse_csv(dir, "a,b\n1,\"open\nnever closed\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].error.empty());
  CHECK(rows[1].line == 2);
  CHECK(rows[1].error.find("unterminated quoted field") != std::string::npos);
}

TEST_CASE("text after a closing quote is an error; the next row is intact") {
  TempDir dir;
  auto rows = parse_csv(dir, "\"ab\"cd,e\nf,g\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].error.find("after a closing quote") != std::string::npos);
  CHECK(rows[1].error.empty());
  CHECK(rows[1].fields == Fields{"f", "g"});
  CHECK(rows[1].line == 2);
}

TEST_CASE("raw row text and bytes consumed") {
  TempDir dir;
  std::string content = "h1,h2\r\n\"q,\"\"x\",2\r\n";
  std::string path = dir.write("raw.csv", content);
  kith::storage::import::CsvReader reader(path, ',');
  kith::storage::import::CsvRow row;
  REQUIRE(reader.next(row));
  CHECK(row.raw == "h1,h2");
  REQUIRE(reader.next(row));
  CHECK(row.raw == "\"q,\"\"x\",2");
  CHECK(row.fields[0] == "q,\"x");
  CHECK_FALSE(reader.next(row));
  CHECK(reader.bytes_consumed() == content.size());
  CHECK(reader.file_size() == content.size());
}

TEST_CASE("rows crossing read blocks, and a row longer than the buffer") {
  TempDir dir;
  std::string content = "id,text\n";
  std::vector<std::string> texts;
  // ~1.5 MB: many block boundaries fall inside quoted, escaped, multi-line fields.
  for (int i = 0; i < 20000; ++i) {
    std::string t = "row " + std::to_string(i) + " says \"\"hi\"\"," + std::string(i % 97, 'x') + "\nend";
    texts.push_back("row " + std::to_string(i) + " says \"hi\"," + std::string(i % 97, 'x') + "\nend");
    content += std::to_string(i) + ",\"" + t + "\"\n";
  }
  std::string huge(700000, 'h');  // longer than one read block
  content += "huge," + huge + "\n";
  content += "last,\"x\"";
  auto rows = parse_csv(dir, content);
  REQUIRE(rows.size() == 20003);
  bool all_match = true;
  for (int i = 0; i < 20000; ++i) {
    const ParsedRow& r = rows[static_cast<size_t>(i) + 1];
    if (r.fields.size() != 2 || r.fields[0] != std::to_string(i) || r.fields[1] != texts[static_cast<size_t>(i)] ||
        r.line != static_cast<uint64_t>(2 + 2 * i) || !r.error.empty()) {
      all_match = false;
      FAIL_CHECK("row " << i << " differs: line " << r.line);
      break;
    }
  }
  CHECK(all_match);
  CHECK(rows[20001].fields == Fields{"huge", huge});
  CHECK(rows[20002].fields == Fields{"last", "x"});
  CHECK(rows[20002].line == 40003);
}

TEST_CASE("a missing file is an IoError naming it") {
  try {
    kith::storage::import::CsvReader reader("/nonexistent/dir/x.csv", ',');
    FAIL("no error");
  } catch (const kith::Error& e) {
    CHECK(e.code() == kith::ErrorCode::IoError);
    CHECK(e.message().find("/nonexistent/dir/x.csv") != std::string::npos);
  }
}

TEST_CASE("round trip: random fields written with RFC 4180 quoting read back unchanged") {
  TempDir dir;
  std::mt19937 rng(4180);
  const std::string alphabet = "ab,|\"\n\r\t x\xC3\xA9";
  for (char delimiter : {',', '|', '\t'}) {
    CAPTURE(delimiter);
    std::vector<Fields> expected;
    std::vector<uint64_t> lines;
    std::string content;
    uint64_t line = 1;
    for (int r = 0; r < 6000; ++r) {
      Fields row;
      size_t columns = 1 + rng() % 5;
      for (size_t c = 0; c < columns; ++c) {
        std::string f;
        size_t len = rng() % 40;
        for (size_t i = 0; i < len; ++i) f += alphabet[rng() % alphabet.size()];
        row.push_back(f);
      }
      // A row of one empty field would be a blank line, which is skipped.
      if (columns == 1 && row[0].empty()) row[0] = "x";
      lines.push_back(line);
      for (size_t c = 0; c < row.size(); ++c) {
        const std::string& f = row[c];
        if (c > 0) content += delimiter;
        bool quote = f.find_first_of(std::string("\"\n\r") + delimiter) != std::string::npos || rng() % 7 == 0;
        if (!quote) {
          content += f;
          continue;
        }
        content += '"';
        for (char ch : f) {
          if (ch == '"') content += '"';
          if (ch == '\n') ++line;
          content += ch;
        }
        content += '"';
      }
      content += rng() % 2 ? "\r\n" : "\n";
      ++line;
      expected.push_back(std::move(row));
    }
    auto rows = parse_csv(dir, content, delimiter);
    REQUIRE(rows.size() == expected.size());
    size_t mismatches = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].fields != expected[i] || rows[i].line != lines[i] || !rows[i].error.empty()) {
        if (++mismatches == 1) FAIL_CHECK("row " << i << " differs (line " << rows[i].line << ")");
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("arbitrary bytes never crash the reader and always end") {
  TempDir dir;
  std::mt19937 rng(7);
  const std::string alphabet = ",\"\n\r|a";
  for (int round = 0; round < 200; ++round) {
    std::string content;
    size_t len = rng() % 300;
    for (size_t i = 0; i < len; ++i) content += alphabet[rng() % alphabet.size()];
    auto rows = parse_csv(dir, content);
    CHECK(rows.size() <= len + 1);
  }
}
