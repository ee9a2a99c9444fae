// How the shell shows a result: the four :mode renderings, the terminal's
// size (cells are cut to its width), and paging of results taller than it.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "engine/database.h"

namespace kith::shell {

enum class Mode { Table, Csv, Json, Line };
std::optional<Mode> mode_from_name(const std::string& name);
const char* mode_name(Mode mode);

// The result (and its plan, for EXPLAIN/PROFILE) in one mode. `max_width`
// (0: none) cuts table cells so the table fits that many columns.
std::string render_result(const QueryResult& result, Mode mode, size_t max_width);

// The longest a table cell may be so the whole table fits in
// `terminal_columns` (0: no cut needed). Never below 8 characters, so a
// result with very many columns may still be wider than the terminal.
size_t cell_limit_to_fit(const QueryResult& result, size_t terminal_columns);

// "column = value" per line, rows separated by a blank line: for rows too
// wide for any table.
std::string result_to_lines(const QueryResult& result);

struct TerminalSize {
  size_t rows;
  size_t columns;
};
// The size of the terminal on `fd` (TIOCGWINSZ), none when it is not one.
std::optional<TerminalSize> terminal_size(int fd);

// Writes `text` to stdout, through $PAGER (default `less -FRX`) when
// `use_pager` and stdout is a terminal shorter than the text.
void print_paged(const std::string& text, bool use_pager);

}  // namespace kith::shell
