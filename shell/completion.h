// What Tab offers for the word under the cursor, from the context before it:
// shell commands after a leading ':', parameter names after '$', labels after
// '(x:', relationship types after '[r:', property keys after '.' or inside
// '{...}', and keywords and functions elsewhere. Pure, so it is unit-tested.
#pragma once

#include <string>
#include <vector>

namespace kith::shell {

struct CompletionSources {
  std::vector<std::string> keywords;
  std::vector<std::string> functions;
  std::vector<std::string> labels;
  std::vector<std::string> rel_types;
  std::vector<std::string> prop_keys;
  std::vector<std::string> params;
  std::vector<std::string> commands;  // without the leading ':'
};

struct Completion {
  size_t word_start = 0;                // where the word being completed begins
  std::vector<std::string> candidates;  // sorted, unique, matching the word
};

// `before_cursor` is the line up to the cursor; `first_line` says whether it
// is the first line of a statement (only there can ':' start a command).
Completion complete(const std::string& before_cursor, bool first_line, const CompletionSources& sources);

// The longest prefix all candidates share (case-insensitively; the first
// candidate's spelling).
std::string common_prefix(const std::vector<std::string>& candidates);

// The language's keywords, for completion.
const std::vector<std::string>& keywords();

}  // namespace kith::shell
