#include "query/planner/procedures.h"

#include <strings.h>

namespace kith::query::planner {
namespace {

const std::vector<ProcedureInfo>& table() {
  static const std::vector<ProcedureInfo> procedures = {
      {"db.labels", 0, {"label"}},
      {"db.relationshipTypes", 0, {"relationshipType"}},
      {"db.propertyKeys", 0, {"propertyKey"}},
      {"db.schema", 0, {"label", "property", "indexed", "unique"}},
      {"db.indexes", 0, {"name", "label", "properties", "unique"}},
      // PageRank over one label and one relationship type (both directions):
      // CALL algo.pageRank('Person', 'KNOWS') YIELD node, score.
      {"algo.pageRank", 2, {"node", "score"}},
  };
  return procedures;
}

}  // namespace

const ProcedureInfo* find_procedure(std::string_view name) {
  for (const auto& p : table())
    if (p.name.size() == name.size() && strncasecmp(p.name.data(), name.data(), name.size()) == 0)
      return &p;
  return nullptr;
}

std::vector<std::string> procedure_names() {
  std::vector<std::string> out;
  for (const auto& p : table()) out.emplace_back(p.name);
  return out;
}

}  // namespace kith::query::planner
