#include "shell/result_output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "engine/result_format.h"

namespace kith::shell {

std::optional<Mode> mode_from_name(const std::string& name) {
  if (name == "table") return Mode::Table;
  if (name == "csv") return Mode::Csv;
  if (name == "json") return Mode::Json;
  if (name == "line") return Mode::Line;
  return std::nullopt;
}

const char* mode_name(Mode mode) {
  switch (mode) {
    case Mode::Table:
      return "table";
    case Mode::Csv:
      return "csv";
    case Mode::Json:
      return "json";
    case Mode::Line:
      return "line";
  }
  return "table";
}

std::string result_to_lines(const QueryResult& result) {
  size_t width = 0;
  for (const auto& c : result.columns) width = std::max(width, c.size());
  std::string out;
  for (size_t r = 0; r < result.rows.size(); ++r) {
    if (r > 0) out += '\n';
    const auto& row = result.rows[r];
    for (size_t c = 0; c < result.columns.size() && c < row.size(); ++c) {
      const std::string& name = result.columns[c];
      out += std::string(width - name.size(), ' ') + name + " = " + value_to_text(row[c], result) + '\n';
    }
  }
  return out;
}

namespace {

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

size_t cell_limit_to_fit(const QueryResult& result, size_t terminal_columns) {
  const size_t n = result.columns.size();
  if (n == 0 || terminal_columns == 0) return 0;
  // Headers and type names are never cut; cells are, all to one limit.
  std::vector<size_t> fixed(n), cells(n);
  for (size_t i = 0; i < n; ++i) fixed[i] = std::max<size_t>(code_points(result.columns[i]), 3);  // ANY
  for (const auto& row : result.rows) {
    for (size_t i = 0; i < n && i < row.size(); ++i) {
      cells[i] = std::max(cells[i], code_points(value_to_text(row[i], result)));
      fixed[i] = std::max(fixed[i], value_type_name(row[i].type()).size());
    }
  }
  const size_t borders = 3 * n + 1;
  auto width_at = [&](size_t limit) {
    size_t total = borders;
    for (size_t i = 0; i < n; ++i) total += std::max(fixed[i], std::min(cells[i], limit));
    return total;
  };
  const size_t widest = *std::max_element(cells.begin(), cells.end());
  if (width_at(widest) <= terminal_columns) return 0;
  constexpr size_t kNarrowest = 8;  // below this cells say too little to be worth it
  size_t low = kNarrowest, high = widest;
  while (low < high) {  // the largest limit that still fits
    const size_t mid = (low + high + 1) / 2;
    if (width_at(mid) <= terminal_columns)
      low = mid;
    else
      high = mid - 1;
  }
  return low;
}

std::string render_result(const QueryResult& result, Mode mode, size_t max_width) {
  if (mode == Mode::Json) return result_to_json(result).dump() + "\n";
  std::string out = result.plan;
  if (!out.empty() && out.back() != '\n') out += '\n';
  if (result.columns.empty()) return out;
  switch (mode) {
    case Mode::Table: {
      TableOptions options;
      options.max_width = cell_limit_to_fit(result, max_width);
      options.show_types = true;
      out += result_to_table(result, options);
      break;
    }
    case Mode::Csv:
      out += result_to_csv(result);
      break;
    case Mode::Line:
      out += result_to_lines(result);
      break;
    case Mode::Json:
      break;
  }
  return out;
}

std::optional<TerminalSize> terminal_size(int fd) {
  winsize ws{};
  if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return std::nullopt;
  return TerminalSize{ws.ws_row, ws.ws_col};
}

void print_paged(const std::string& text, bool use_pager) {
  const auto size = terminal_size(STDOUT_FILENO);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  if (use_pager && size && size->rows > 0 && lines >= size->rows) {
    const char* pager = std::getenv("PAGER");
    std::cout.flush();
    if (FILE* pipe = popen(pager && *pager ? pager : "less -FRX", "w")) {
      std::fwrite(text.data(), 1, text.size(), pipe);
      pclose(pipe);  // SIGPIPE is ignored, so quitting the pager early is fine
      return;
    }
  }
  std::cout << text << std::flush;
}

}  // namespace kith::shell
