// The canonical text of a result value in tests/queries/*.test (README.md):
// Value::to_string's literals for scalars (strings in double quotes), dates
// and times in ISO 8601 without quotes, nodes (:Label {k: v}),
// relationships [:TYPE {k: v}], paths (a)-[r]->(b).
#pragma once

#include <string>

#include "engine/database.h"

namespace kith::query_test {

std::string canonical_text(const Value& v, const QueryResult& result);
std::string canonical_row(const std::vector<Value>& row, const QueryResult& result);

}  // namespace kith::query_test
