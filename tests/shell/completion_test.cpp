#include "shell/completion.h"

#include <doctest/doctest.h>

using kith::shell::complete;
using kith::shell::CompletionSources;
using Names = std::vector<std::string>;

namespace {
CompletionSources sources() {
  CompletionSources s;
  s.keywords = {"MATCH", "MERGE", "RETURN"};
  s.functions = {"max", "min", "replace"};
  s.labels = {"Company", "Person", "Post"};
  s.rel_types = {"KNOWS", "POSTED"};
  s.prop_keys = {"name", "nickname", "email"};
  s.params = {"me", "min_age"};
  s.commands = {"params", "param", "profile", "quit"};
  return s;
}
}  // namespace

TEST_CASE("what Tab offers depends on what is before the word") {
  const auto s = sources();
  CHECK(complete("MATCH (p:P", false, s).candidates == Names{"Person", "Post"});
  CHECK(complete("MATCH (p)-[r:P", false, s).candidates == Names{"POSTED"});
  CHECK(complete("MATCH (a)-[:KNOWS]->(b:p", false, s).candidates == Names{"Person", "Post"});
  CHECK(complete("MATCH (p) WHERE p:", false, s).candidates.size() == 5);  // labels and types
  CHECK(complete("RETURN p.n", false, s).candidates == Names{"name", "nickname"});
  CHECK(complete("MATCH (p:Person {e", false, s).candidates == Names{"email"});
  CHECK(complete("WHERE p.age > $m", false, s).candidates == Names{"me", "min_age"});
  CHECK(complete("m", false, s).candidates == Names{"MATCH", "MERGE", "max", "min"});
  CHECK(complete("RETURN re", false, s).candidates == Names{"RETURN", "replace"});
  CHECK(complete("  :pa", true, s).candidates == Names{"param", "params"});
  // ':' starts a command only at the start of a statement's first line.
  CHECK(complete(":pa", false, s).candidates.empty());
  CHECK(complete("", true, s).candidates.empty());
  const auto c = complete("MATCH (p:Pers", false, s);
  CHECK(c.word_start == 9);
  CHECK(c.candidates == Names{"Person"});
}

TEST_CASE("the common prefix of candidates ignores case") {
  CHECK(kith::shell::common_prefix({"Person", "Post"}) == "P");
  CHECK(kith::shell::common_prefix({"MATCH", "max"}) == "MA");
  CHECK(kith::shell::common_prefix({"name"}) == "name");
  CHECK(kith::shell::common_prefix({}).empty());
}
