#include "tests/planner/test_catalog.h"

#include <strings.h>

#include "query/parser/parser.h"
#include "query/plan/explain.h"

namespace kith::test {

using query::plan::FunctionInfo;
using query::plan::FunctionKind;

TestFunctions::TestFunctions() {
  auto add = [&](const char* name, int lo, int hi, FunctionKind kind) {
    functions_.push_back(FunctionInfo{name, lo, hi, kind});
  };
  for (const char* a : {"count", "sum", "avg", "min", "max", "collect"})
    add(a, 1, 1, FunctionKind::Aggregate);
  for (const char* g : {"id", "labels", "type", "properties", "keys", "startNode", "endNode",
                        "nodes", "relationships", "length", "score"})
    add(g, 1, 1, FunctionKind::Graph);
  for (const char* s : {"toLower", "toUpper", "trim", "toString", "toInteger", "toFloat", "abs",
                        "size", "head", "last"})
    add(s, 1, 1, FunctionKind::Scalar);
  add("coalesce", 1, -1, FunctionKind::Scalar);
  add("substring", 2, 3, FunctionKind::Scalar);
  add("split", 2, 2, FunctionKind::Scalar);
  add("round", 1, 1, FunctionKind::Scalar);
  add("range", 2, 3, FunctionKind::Scalar);
  add("date", 0, 1, FunctionKind::Scalar);
  add("datetime", 0, 1, FunctionKind::Scalar);
  add("duration", 1, 1, FunctionKind::Scalar);
  add("timestamp", 0, 0, FunctionKind::Scalar);
  add("floor", 1, 1, FunctionKind::Scalar);
}

std::optional<FunctionInfo> TestFunctions::find(std::string_view name) const {
  for (const auto& f : functions_)
    if (f.name.size() == name.size() && strncasecmp(f.name.data(), name.data(), name.size()) == 0)
      return f;
  return std::nullopt;
}

std::vector<std::string> TestFunctions::names() const {
  std::vector<std::string> out;
  for (const auto& f : functions_) out.push_back(f.name);
  return out;
}

TestStats::TestStats() {
  labels = {{"Person", 1500}, {"Message", 290000},    {"Comment", 150000},  {"Post", 140000},
            {"Forum", 14000}, {"Organisation", 8000}, {"University", 6400}, {"Company", 1600},
            {"Place", 1500},  {"City", 1350},         {"Country", 110},     {"Continent", 6},
            {"Tag", 16000},   {"TagClass", 70},       {"A", 100},           {"B", 10},
            {"C", 1000}};
  types = {{"KNOWS", 14000},
           {"HAS_CREATOR", 290000},
           {"REPLY_OF", 150000},
           {"LIKES", 340000},
           {"HAS_TAG", 350000},
           {"IS_LOCATED_IN", 300000},
           {"CONTAINER_OF", 140000},
           {"HAS_MEMBER", 120000},
           {"HAS_MODERATOR", 14000},
           {"STUDY_AT", 1200},
           {"WORK_AT", 3300},
           {"HAS_INTEREST", 35000},
           {"IS_PART_OF", 1450},
           {"HAS_TYPE", 16000},
           {"IS_SUBCLASS_OF", 70},
           {"R", 1000},
           {"S", 100}};
  for (const char* l : {"Person", "Message", "Post", "Comment", "Forum", "Tag", "Place",
                        "Organisation", "TagClass"})
    unique.insert({l, "id"});
  indexes = unique;
  indexes.insert({"Tag", "name"});
  indexes.insert({"Place", "name"});
  indexes.insert({"TagClass", "name"});
  indexes.insert({"Person", "firstName"});
  indexes.insert({"A", "x"});  // for range seek tests
  total_nodes_ = 330000;
  total_rels_ = 1500000;
}

bool TestStats::has_index(std::string_view label, std::string_view key) const {
  return indexes.count({std::string(label), std::string(key)}) > 0;
}
bool TestStats::is_unique(std::string_view label, std::string_view key) const {
  return unique.count({std::string(label), std::string(key)}) > 0;
}
uint64_t TestStats::node_count(std::string_view label) const {
  auto it = labels.find(label);
  return it == labels.end() ? 0 : it->second;
}
uint64_t TestStats::rel_count(std::string_view type) const {
  auto it = types.find(type);
  return it == types.end() ? 0 : it->second;
}

query::plan::Plan plan_text(const std::string& text) {
  static const TestFunctions functions;
  static const TestStats stats;
  query::PlanContext ctx{functions, stats};
  return query::plan_statement(query::parse(text), ctx);
}

std::string explain_text(const std::string& text) { return query::plan::explain(plan_text(text)); }

}  // namespace kith::test
