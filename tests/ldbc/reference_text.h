// Renders kith values the way tests/ldbc/reference/README.md writes them:
// strings bare with '\', '|' and newline escaped, doubles always with a
// fractional part, lists as [a, b].
#pragma once

#include <string>

#include "storage/value.h"

namespace kith::ldbc_test {

// sort_list_elements: the column comes from collect() and its element order
// is not defined, so elements are sorted by their rendered text.
std::string reference_text(const Value& v, bool sort_list_elements = false);

}  // namespace kith::ldbc_test
