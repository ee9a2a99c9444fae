// The demo questions (examples/*.cypher) asked of the demo data set. The
// named fixtures (examples/README.md) are planted the same way at every size
// and seed, so their answers are known by construction; these tests check
// those, and check the rules a question states (consent, windows, hops) with
// independent queries rather than trusting the example's own answer.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/database.h"
#include "engine/result_format.h"

namespace fs = std::filesystem;
using namespace kith;

namespace {

struct Demo {
  fs::path dir;
  std::unique_ptr<Database> db;

  Demo() {
    dir = fs::temp_directory_path() / ("kith-examples-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "demo.db").string();
    const std::string cmd = std::string(KITH_BINARY_PATH) + " demo --people 1000 --seed 7 --db " + path +
                            " > " + (dir / "demo.log").string() + " 2>&1";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, "kith demo failed: see " << (dir / "demo.log"));
    db = Database::open(path);
  }
  ~Demo() {
    db.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Demo& demo() {
  static Demo d;
  return d;
}

QueryOptions options() {
  QueryOptions o;
  o.params["me"] = Value(int64_t{1});
  o.params["now"] = Value("2026-11-01T00:00:00Z");
  return o;
}

QueryResult run_example(const std::string& file) {
  std::ifstream in(std::string(KITH_EXAMPLES_DIR) + "/" + file);
  REQUIRE_MESSAGE(in.good(), file);
  std::stringstream text;
  text << in.rdbuf();
  return demo().db->query(text.str(), options());
}

QueryResult run(const std::string& text) { return demo().db->query(text, options()); }

size_t column(const QueryResult& r, const std::string& name) {
  for (size_t i = 0; i < r.columns.size(); ++i) {
    if (r.columns[i] == name) return i;
  }
  FAIL("no column " << name);
  return 0;
}

std::vector<std::string> strings(const QueryResult& r, const std::string& name) {
  std::vector<std::string> out;
  const size_t c = column(r, name);
  for (const auto& row : r.rows) out.push_back(value_to_text(row[c], r));
  return out;
}

std::set<std::string> string_set(const QueryResult& r, const std::string& name) {
  auto v = strings(r, name);
  return {v.begin(), v.end()};
}

bool has_row(const QueryResult& r, std::initializer_list<std::pair<const char*, const char*>> cells) {
  for (const auto& row : r.rows) {
    bool all = true;
    for (const auto& [col, text] : cells) {
      if (value_to_text(row[column(r, col)], r) != text) all = false;
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Q1: the warmest paths to Dana Lee, hop by hop") {
  QueryResult r = run_example("01-warm-intro-to-dana.cypher");
  REQUIRE(!r.rows.empty());
  // Jordan-Sam-Dana: 0.95 * 0.93 = 0.8835 is planted as the warmest path.
  CHECK(value_to_text(r.rows[0][column(r, "path")], r) == "[\"Jordan Blake\", \"Sam Rivera\", \"Dana Lee\"]");
  CHECK(r.rows[0][column(r, "score")] == Value(0.884));
  CHECK(has_row(r, {{"from", "Jordan Blake"}, {"to", "Sam Rivera"}, {"strength", "0.95"}, {"sharedEmployers", "[\"Globex\"]"}}));
  // Three paths, each from Jordan to Dana, best first.
  std::set<std::string> paths = string_set(r, "path");
  CHECK(paths.size() == 3);
  double last = 2;
  for (const auto& row : r.rows) {
    const double s = row[column(r, "score")].as_double();
    CHECK(s <= last);
    last = s;
    const auto& path = value_to_text(row[column(r, "path")], r);
    CHECK(path.rfind("[\"Jordan Blake\"", 0) == 0);
    CHECK(path.ends_with("\"Dana Lee\"]"));
  }
}

TEST_CASE("Q2: the way into Acme's VP Sales passes only people who allow intros") {
  QueryResult r = run_example("02-best-way-into-acme-vp-sales.cypher");
  REQUIRE(!r.rows.empty());
  CHECK(has_row(r, {{"target", "Chris Novak"}, {"path", "[\"Jordan Blake\", \"Priya Shah\", \"Chris Novak\"]"}}));
  for (const auto& path : strings(r, "path")) CHECK(path.find("Sam Rivera") == std::string::npos);
  // Independently: nobody strictly inside a returned path lacks consent.
  QueryResult refusing = run("MATCH (p:Person) WHERE p.optInIntro IS NULL OR p.optInIntro = false RETURN p.name AS name");
  const std::set<std::string> no_intro = string_set(refusing, "name");
  for (const auto& row : r.rows) {
    const auto& names = row[column(r, "path")].as_list();
    for (size_t i = 1; i + 1 < names.size(); ++i) CHECK(no_intro.count(names[i].as_string()) == 0);
  }
}

TEST_CASE("Q3: connections at accounts with a churn-risk signal in the last 30 days") {
  QueryResult r = run_example("03-network-at-churn-risk-accounts.cypher");
  CHECK(has_row(r, {{"person", "Priya Shah"}, {"degree", "1"}, {"account", "Acme"}}));
  CHECK(has_row(r, {{"person", "Ben Carter"}, {"degree", "1"}, {"account", "Acme"}}));
  // Initech's churn-risk signal is 70 days old: outside the window.
  CHECK(string_set(r, "account").count("Initech") == 0);
}

TEST_CASE("Q4: Globex alumni in my network, and who of them still knows someone there") {
  QueryResult r = run_example("04-globex-alumni.cypher");
  const auto alumni = string_set(r, "alumnus");
  for (const char* name : {"Priya Shah", "Sam Rivera", "Grace Kim"}) CHECK(alumni.count(name) == 1);
  bool priya_knows_maya = false;
  for (const auto& row : r.rows) {
    if (row[column(r, "alumnus")] == Value("Priya Shah")) {
      for (const auto& v : row[column(r, "stillKnows")].as_list()) priya_knows_maya |= v == Value("Maya Patel");
    }
  }
  CHECK(priya_knows_maya);
}

TEST_CASE("Q5: Sales 2.0 attendees two hops away, never direct connections") {
  QueryResult r = run_example("05-sales-2-0-attendees-two-hops.cypher");
  const auto attendees = string_set(r, "attendee");
  CHECK(attendees.count("Omar Haddad") == 1);
  QueryResult direct = run("MATCH (:Person {id: $me})-[:KNOWS]-(p) RETURN p.name AS name");
  for (const auto& name : string_set(direct, "name")) CHECK(attendees.count(name) == 0);
}

TEST_CASE("Q6: strong relationships gone cold") {
  QueryResult r = run_example("06-strong-but-cold.cypher");
  CHECK(string_set(r, "person").count("Grace Kim") == 1);
  for (const auto& row : r.rows) CHECK(row[column(r, "strength")].as_double() >= 0.7);
}

TEST_CASE("Q7: connections at CRM-reading companies with churn concerns, consent first") {
  QueryResult r = run_example("07-crm-readers-with-churn-concerns.cypher");
  CHECK(has_row(r, {{"person", "Priya Shah"}, {"company", "Acme"}}));
  CHECK(has_row(r, {{"person", "Ben Carter"}, {"company", "Acme"}}));
  QueryResult consenting = run("MATCH (p:Person) WHERE p.optInEmail = true RETURN p.name AS name");
  const auto ok = string_set(consenting, "name");
  for (const auto& name : strings(r, "person")) CHECK(ok.count(name) == 1);
}

TEST_CASE("Q8: only people who opted in to email are counted") {
  QueryResult r = run_example("08-customer-experience-opted-in.cypher");
  REQUIRE(r.rows.size() == 1);
  // Counted a second way: everyone interested, minus those without consent.
  QueryResult all = run("MATCH (p:Person)-[:INTERESTED_IN]->(:Topic {name: 'customer experience'}) RETURN count(DISTINCT p) AS n");
  QueryResult without = run(
      "MATCH (p:Person)-[:INTERESTED_IN]->(:Topic {name: 'customer experience'}) "
      "WHERE p.optInEmail IS NULL OR p.optInEmail <> true RETURN count(DISTINCT p) AS n");
  CHECK(r.rows[0][0].as_int() == all.rows[0][0].as_int() - without.rows[0][0].as_int());
  CHECK(without.rows[0][0].as_int() > 0);  // the consent rule actually removes people
}

TEST_CASE("Q9: accounts whose support tickets doubled") {
  QueryResult r = run_example("09-support-tickets-doubled.cypher");
  CHECK(has_row(r, {{"company", "Acme"}, {"before", "4"}, {"recent", "9"}}));
  CHECK(has_row(r, {{"company", "Initech"}, {"before", "2"}, {"recent", "5"}}));
  CHECK(string_set(r, "company").count("Globex") == 0);  // 3 -> 2
}

TEST_CASE("Q10: top topics among recent case-study downloaders") {
  QueryResult r = run_example("10-topics-of-case-study-downloaders.cypher");
  CHECK(r.rows.size() == 10);
  int64_t last = INT64_MAX;
  for (const auto& row : r.rows) {
    CHECK(row[1].as_int() <= last);
    last = row[1].as_int();
  }
}

TEST_CASE("Q12: webinar attendees at customers due for renewal with a low NPS") {
  QueryResult r = run_example("12-webinar-attendees-at-renewals-at-risk.cypher");
  CHECK(has_row(r, {{"person", "Ben Carter"}, {"company", "Acme"}}));
  CHECK(has_row(r, {{"person", "Tom Okafor"}, {"company", "Initech"}}));
  CHECK(has_row(r, {{"person", "Dana Lee"}, {"company", "Initech"}}));
  CHECK(string_set(r, "company").count("Globex") == 0);  // NPS 9
}

TEST_CASE("Q11: influencers by PageRank, consenting fans of social selling only") {
  QueryResult r = run_example("11-influencers-social-selling.cypher");
  REQUIRE(!r.rows.empty());
  CHECK(r.rows.size() <= 20);
  QueryResult fans = run(
      "MATCH (p:Person)-[:INTERESTED_IN]->(:Topic {name: 'social selling'}) WHERE p.optInEmail = true "
      "RETURN p.name AS name");
  const auto ok = string_set(fans, "name");
  double last = 1e9;
  for (const auto& row : r.rows) {
    CHECK(ok.count(row[0].as_string()) == 1);
    CHECK(row[1].as_double() <= last);
    last = row[1].as_double();
  }
  // PageRank (original formulation) averages 1 over the connected people, and
  // a hub outranks a person with a single connection.
  QueryResult all = run(
      "CALL algo.pageRank('Person', 'KNOWS') YIELD node, score WITH node, score WHERE EXISTS { (node)-[:KNOWS]-() } "
      "RETURN avg(score) AS a, count(*) AS n");
  CHECK(all.rows[0][0].as_double() == doctest::Approx(1.0).epsilon(0.001));
  QueryResult ends = run(
      "CALL algo.pageRank('Person', 'KNOWS') YIELD node, score "
      "WITH node, score, size([(node)-[:KNOWS]-(x) | x]) AS degree ORDER BY degree DESC "
      "WITH collect(score) AS byDegree RETURN head(byDegree) > last(byDegree) AS hubWins");
  CHECK(ends.rows[0][0] == Value(true));
}

TEST_CASE("Q13 and Q14: saved questions, defined once and asked with arguments") {
  run_example("13-saved-question-warm-intros.cypher");
  run_example("14-saved-segment-churn-watch.cypher");
  QueryResult intro = run("ASK warm_intros(1, 'Acme')");
  REQUIRE(!intro.rows.empty());
  // Chris Novak via Priya (0.91 * 0.74); never through Sam Rivera, who allows no intros.
  CHECK(has_row(intro, {{"target", "Chris Novak"}, {"score", "0.673"}}));
  for (const auto& row : intro.rows) {
    for (NodeId n : row[column(intro, "path")].as_path().nodes) {
      for (const auto& [k, v] : intro.nodes.at(n).properties) {
        if (k == "name") CHECK(v != Value("Sam Rivera"));
      }
    }
  }
  // Acme's churn-risk signal is 12 days old, Initech's 70.
  QueryResult month = run("ASK churn_watch(30)");
  CHECK(string_set(month, "account").count("Acme") == 1);
  CHECK(string_set(month, "account").count("Initech") == 0);
  QueryResult quarter = demo().db->ask("churn_watch", [] {
    QueryOptions o = options();
    o.params["days"] = Value(int64_t{90});
    return o;
  }());
  CHECK(string_set(quarter, "account").count("Initech") == 1);
  CHECK(quarter.rows.size() >= month.rows.size());
}
