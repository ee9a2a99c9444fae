#include <doctest/doctest.h>

#include <sstream>

#include "shell/result_output.h"

using kith::QueryResult;
using kith::Value;
using kith::shell::cell_limit_to_fit;
using kith::shell::Mode;
using kith::shell::render_result;

namespace {
QueryResult wide_result() {
  QueryResult r;
  r.columns = {"name", "n"};
  r.rows.push_back({Value(std::string(50, 'x')), Value(int64_t{1})});
  r.rows.push_back({Value("é short"), Value(int64_t{22})});
  return r;
}

size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  size_t widest = 0;
  for (std::string line; std::getline(in, line);) {
    size_t n = 0;
    for (unsigned char c : line) n += (c & 0xC0) != 0x80;
    widest = std::max(widest, n);
  }
  return widest;
}
}  // namespace

TEST_CASE("table cells are cut so the whole table fits the terminal") {
  const QueryResult r = wide_result();
  CHECK(cell_limit_to_fit(r, 200) == 0);  // fits: nothing cut
  // Borders take 3 per column + 1; "n" keeps its type name INT64 (5).
  CHECK(cell_limit_to_fit(r, 40) == 40 - 7 - 5);
  for (size_t columns : {60, 40, 30, 20}) {
    const std::string table = render_result(r, Mode::Table, columns);
    CHECK(widest_line(table) <= columns);
    CHECK(table.find("INT64") != std::string::npos);  // the types row
  }
  // Never narrower than 8 characters a cell, even if the table then overflows.
  CHECK(cell_limit_to_fit(r, 5) == 8);
}

TEST_CASE("line mode prints one column = value per line, rows apart") {
  CHECK(render_result(wide_result(), Mode::Line, 0) ==
        "name = " + std::string(50, 'x') + "\n   n = 1\n\nname = é short\n   n = 22\n");
  QueryResult plan_only;
  plan_only.plan = "ProduceResults [p]";
  CHECK(render_result(plan_only, Mode::Table, 80) == "ProduceResults [p]\n");
  CHECK(render_result(wide_result(), Mode::Csv, 10) ==
        "name,n\r\n" + std::string(50, 'x') + ",1\r\né short,22\r\n");
}
