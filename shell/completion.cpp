#include "shell/completion.h"

#include <algorithm>
#include <cctype>

namespace kith::shell {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool starts_with_nocase(const std::string& s, const std::string& prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// The innermost bracket still open before `end`, ignoring strings: '(' for a
// node pattern, '[' for a relationship, '{' for a property map, 0 for none.
char open_bracket(const std::string& text, size_t end) {
  std::string stack;
  char quote = 0;
  for (size_t i = 0; i < end; ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`')
      quote = c;
    else if (c == '(' || c == '[' || c == '{')
      stack += c;
    else if ((c == ')' || c == ']' || c == '}') && !stack.empty())
      stack.pop_back();
  }
  return stack.empty() ? 0 : stack.back();
}

void add_matching(const std::vector<std::string>& from, const std::string& word,
                  std::vector<std::string>& out) {
  for (const auto& s : from) {
    if (starts_with_nocase(s, word)) out.push_back(s);
  }
}

}  // namespace

Completion complete(const std::string& before_cursor, bool first_line, const CompletionSources& sources) {
  Completion result;
  size_t start = before_cursor.size();
  while (start > 0 && is_word_char(before_cursor[start - 1])) --start;
  result.word_start = start;
  const std::string word = before_cursor.substr(start);
  const char before = start > 0 ? before_cursor[start - 1] : 0;
  auto& out = result.candidates;

  const size_t first_non_blank = before_cursor.find_first_not_of(" \t");
  if (before == ':' && first_line && first_non_blank == start - 1) {
    add_matching(sources.commands, word, out);
  } else if (before == '$') {
    add_matching(sources.params, word, out);
  } else if (before == ':') {
    const char bracket = open_bracket(before_cursor, start);
    if (bracket != '[') add_matching(sources.labels, word, out);
    if (bracket != '(') add_matching(sources.rel_types, word, out);
  } else if (before == '.') {
    add_matching(sources.prop_keys, word, out);
  } else if (open_bracket(before_cursor, start) == '{') {
    add_matching(sources.prop_keys, word, out);
    add_matching(sources.functions, word, out);
  } else if (!word.empty()) {
    add_matching(sources.keywords, word, out);
    add_matching(sources.functions, word, out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return result;
}

std::string common_prefix(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return "";
  std::string prefix = candidates.front();
  for (const auto& c : candidates) {
    size_t n = 0;
    while (n < prefix.size() && n < c.size() &&
           std::tolower(static_cast<unsigned char>(prefix[n])) ==
               std::tolower(static_cast<unsigned char>(c[n]))) {
      ++n;
    }
    prefix.resize(n);
  }
  return prefix;
}

const std::vector<std::string>& keywords() {
  // From query/grammar/Kith.g4's keyword tokens.
  // clang-format off
  static const std::vector<std::string> words = {
      "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "DISTINCT", "ORDER", "BY", "SKIP", "LIMIT",
      "ASC", "ASCENDING", "DESC", "DESCENDING", "UNWIND", "AS", "UNION", "ALL", "CREATE", "MERGE",
      "ON", "SET", "REMOVE", "DELETE", "DETACH", "CALL", "YIELD", "EXPLAIN", "PROFILE", "INDEX",
      "CONSTRAINT", "FOR", "REQUIRE", "UNIQUE", "DROP", "IF", "EXISTS", "OR", "XOR", "AND", "NOT",
      "IN", "STARTS", "ENDS", "CONTAINS", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN",
      "ELSE", "END", "COUNT", "ANY", "NONE", "SINGLE", "REDUCE", "shortestPath", "allShortestPaths",
      "WARMEST", "WITHIN", "SINCE", "PURPOSE", "WHY", "DEFINE", "QUESTION", "PHRASE", "ASK", "FIND",
      "MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS"};
  // clang-format on
  return words;
}

}  // namespace kith::shell
