#include "tests/queries/canonical_text.h"

#include "engine/result_format.h"

namespace kith::query_test {

std::string canonical_text(const Value& v, const QueryResult& result) {
  // value_to_text quotes strings everywhere except at the top level, where a
  // table shows them bare; quoting them here keeps "1" apart from 1.
  if (v.type() == ValueType::String) return v.to_string();
  return value_to_text(v, result);
}

std::string canonical_row(const std::vector<Value>& row, const QueryResult& result) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) out += (i ? " | " : "") + canonical_text(row[i], result);
  return out;
}

}  // namespace kith::query_test
