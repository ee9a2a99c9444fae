// The data set looks like a real relationship graph: heavy-tailed degrees,
// Zipf employers, former colleagues who know each other, realistic consent.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "demo_data_set.h"

using namespace kith::demo::test;

namespace {

std::map<std::string, uint64_t> histogram(const Table& t, const std::string& column) {
  std::map<std::string, uint64_t> h;
  const int c = t.column(column);
  REQUIRE(c >= 0);
  for (const auto& row : t.rows) ++h[row[c]];
  return h;
}

}  // namespace

TEST_CASE("KNOWS degrees are heavy-tailed with an average of 10 to 20") {
  const DemoData& d = small_demo();
  std::map<std::string, uint64_t> degree;
  for (const auto& row : d["Person_KNOWS_Person.csv"].rows) ++degree[row[0]], ++degree[row[1]];
  std::vector<uint64_t> degrees;
  for (const auto& [p, n] : degree) degrees.push_back(n);
  degrees.resize(2000, 0);
  std::sort(degrees.begin(), degrees.end());
  const double average = 2.0 * d["Person_KNOWS_Person.csv"].rows.size() / 2000;
  CHECK(average >= 10);
  CHECK(average <= 20);
  const uint64_t median = degrees[1000], top = degrees.back();
  // A power law has hubs far above the median; a Poisson graph would not.
  CHECK(top >= 8 * median);
  CHECK(degrees[1980] >= 3 * median);  // the top 1% too
}

TEST_CASE("strength, lastContact and interactions are correlated") {
  const Table& k = small_demo()["Person_KNOWS_Person.csv"];
  double strong_interactions = 0, weak_interactions = 0;
  uint64_t strong = 0, weak = 0;
  for (const auto& row : k.rows) {
    const double s = std::stod(row[2]);
    CHECK(s > 0);
    CHECK(s < 1);
    CHECK(row[3] <= row[4].substr(0, 10));  // since <= lastContact
    if (s >= 0.7) strong_interactions += std::stod(row[5]), ++strong;
    if (s <= 0.3) weak_interactions += std::stod(row[5]), ++weak;
  }
  REQUIRE(strong > 0);
  REQUIRE(weak > 0);
  CHECK(strong_interactions / strong > 3 * (weak_interactions / weak));
}

TEST_CASE("former colleagues know each other far more often than strangers") {
  const DemoData& d = small_demo();
  std::map<std::string, std::set<std::string>> employers;
  for (const auto& row : d["Person_WORKS_AT_Company.csv"].rows) employers[row[0]].insert(row[1]);
  auto shared = [&](const std::string& a, const std::string& b) {
    for (const auto& c : employers[a])
      if (employers[b].count(c)) return true;
    return false;
  };
  uint64_t edges = 0, edges_shared = 0;
  for (const auto& row : d["Person_KNOWS_Person.csv"].rows) ++edges, edges_shared += shared(row[0], row[1]);
  // The same count over pairs that are not chosen by the generator.
  uint64_t pairs = 0, pairs_shared = 0;
  for (int a = 1; a <= 2000; a += 7)
    for (int b = a + 1; b <= 2000; b += 13) ++pairs, pairs_shared += shared(std::to_string(a), std::to_string(b));
  const double edge_share = double(edges_shared) / edges, pair_share = double(pairs_shared) / pairs;
  CHECK(edge_share > 0.25);
  CHECK(edge_share > 2.5 * pair_share);
}

TEST_CASE("employers follow a Zipf law: a few huge ones, many small") {
  const DemoData& d = small_demo();
  std::map<std::string, uint64_t> current;
  for (const auto& row : d["Person_WORKS_AT_Company.csv"].rows)
    if (row[4].empty()) ++current[row[1]];
  std::vector<uint64_t> sizes;
  for (const auto& [c, n] : current) sizes.push_back(n);
  std::sort(sizes.rbegin(), sizes.rend());
  REQUIRE(sizes.size() > 30);
  CHECK(sizes[0] >= 10 * sizes[sizes.size() / 2]);
  // The biggest tenth of employers has more staff than the smaller half together.
  uint64_t top = 0, bottom = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i < sizes.size() / 10) top += sizes[i];
    if (i >= sizes.size() / 2) bottom += sizes[i];
  }
  CHECK(top > bottom);
}

TEST_CASE("consent: about 55% opt in to email and 65% to intros; others false or absent") {
  const Table& p = small_demo()["Person.csv"];
  const auto email = histogram(p, "optInEmail"), intro = histogram(p, "optInIntro");
  const double n = static_cast<double>(p.rows.size());
  CHECK(email.at("true") / n > 0.50);
  CHECK(email.at("true") / n < 0.60);
  CHECK(intro.at("true") / n > 0.60);
  CHECK(intro.at("true") / n < 0.70);
  for (const auto* h : {&email, &intro}) {
    CHECK(h->at("false") / n > 0.1);
    CHECK(h->at("") / n > 0.1);  // absent: no consent
  }
}

TEST_CASE("every kind of the DESIGN vocabulary is present") {
  const DemoData& d = small_demo();
  const auto content = histogram(d["Content.csv"], "kind");
  for (const char* k : {"paper", "webinar", "post", "case-study"}) CHECK_MESSAGE(content.count(k), k);
  const auto signal = histogram(d["Signal.csv"], "kind");
  for (const char* k : {"churn-risk", "support-ticket", "download", "visit", "renewal", "nps"})
    CHECK_MESSAGE(signal.count(k), k);
  const auto event = histogram(d["Event.csv"], "kind");
  CHECK(event.count("conference"));
  CHECK(event.count("webinar"));
  const auto seniority = histogram(d["Person.csv"], "seniority");
  for (const char* s : {"IC", "manager", "director", "VP", "C-level"}) CHECK_MESSAGE(seniority.count(s), s);
  CHECK(seniority.at("IC") > seniority.at("manager"));
  CHECK(seniority.at("manager") > seniority.at("VP"));
  const auto engaged = histogram(d["Person_ENGAGED_Content.csv"], "kind");
  for (const char* k : {"read", "downloaded", "attended"}) CHECK_MESSAGE(engaged.count(k), k);
  const auto plans = histogram(d["Company_CUSTOMER_OF_Company.csv"], "plan");
  CHECK(plans.size() == 4);
  std::set<std::string> topics;
  for (const auto& row : d["Topic.csv"].rows) topics.insert(row[1]);
  for (const char* t : {"CRM", "churn", "customer experience", "social selling", "cloud", "permission marketing"})
    CHECK_MESSAGE(topics.count(t), t);
}

TEST_CASE("NPS values are 0..10 and engagements fall in the last 12 months") {
  const DemoData& d = small_demo();
  for (const auto& row : d["Signal.csv"].rows)
    if (row[1] == "nps") {
      const double v = std::stod(row[3]);
      CHECK(v >= 0);
      CHECK(v <= 10);
    }
  for (const auto& row : d["Person_ENGAGED_Content.csv"].rows) {
    CHECK(row[3] >= "2025-11-01");
    CHECK(row[3] < "2026-11-01");
  }
  std::map<std::string, uint64_t> about;
  for (const auto& row : d["Content_ABOUT_Topic.csv"].rows) ++about[row[0]];
  CHECK(about.size() == d["Content.csv"].rows.size());
  for (const auto& [c, n] : about) CHECK((n >= 1 && n <= 3));
}
