// The named fixtures the demo questions (../shared/QUESTIONS.md) rely on exist
// and give non-trivial answers.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "cli/demo/civil_time.h"
#include "cli/demo/demo_generator.h"
#include "demo_data_set.h"

using namespace kith::demo;
using namespace kith::demo::test;

namespace {

std::string days_from_now(const DemoData& d, int days) { return format_datetime(d.config.now + days * 86400LL); }

std::string id_of(const Table& t, int column, const std::string& value) {
  std::string found;
  for (const auto& row : t.rows)
    if (row[column] == value) {
      CHECK_MESSAGE(found.empty(), "more than one " << value);
      found = row[0];
    }
  return found;
}

std::map<std::string, std::set<std::string>> knows_graph(const DemoData& d) {
  std::map<std::string, std::set<std::string>> g;
  for (const auto& row : d["Person_KNOWS_Person.csv"].rows) g[row[0]].insert(row[1]), g[row[1]].insert(row[0]);
  return g;
}

std::map<std::string, int> hops_from(const std::map<std::string, std::set<std::string>>& g, const std::string& from) {
  std::map<std::string, int> dist{{from, 0}};
  std::vector<std::string> queue{from};
  for (size_t i = 0; i < queue.size(); ++i) {
    auto it = g.find(queue[i]);
    if (it == g.end()) continue;
    for (const auto& next : it->second)
      if (dist.emplace(next, dist[queue[i]] + 1).second) queue.push_back(next);
  }
  return dist;
}

// Company id -> signals (kind, at, value).
std::map<std::string, std::vector<std::vector<std::string>>> company_signals(const DemoData& d) {
  std::map<std::string, const std::vector<std::string>*> signal;
  for (const auto& row : d["Signal.csv"].rows) signal[row[0]] = &row;
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  for (const auto& row : d["Company_HAS_SIGNAL_Signal.csv"].rows) out[row[0]].push_back(*signal.at(row[1]));
  return out;
}

}  // namespace

TEST_CASE("Dana Lee is unique and 2 to 4 hops from typical people") {
  const DemoData& d = small_demo();
  const std::string dana = id_of(d["Person.csv"], 1, "Dana Lee");
  const std::string me = id_of(d["Person.csv"], 1, "Jordan Blake");
  REQUIRE(!dana.empty());
  REQUIRE(!me.empty());
  const auto g = knows_graph(d);
  const auto dist = hops_from(g, dana);
  CHECK(dist.at(me) >= 2);
  CHECK(dist.at(me) <= 4);
  CHECK(g.at(me).count(dana) == 0);
  uint64_t within = 0;
  for (int p = 100; p <= 2000; p += 19) {
    auto it = dist.find(std::to_string(p));
    within += it != dist.end() && it->second >= 2 && it->second <= 4;
  }
  CHECK(within >= 80);  // of 100 sampled people
}

TEST_CASE("Acme has a current VP Sales and a former one") {
  const DemoData& d = small_demo();
  const std::string acme = id_of(d["Company.csv"], 1, "Acme");
  REQUIRE(!acme.empty());
  int current = 0, former = 0;
  for (const auto& row : d["Person_WORKS_AT_Company.csv"].rows)
    if (row[1] == acme && row[2].find("VP Sales") != std::string::npos) (row[4].empty() ? current : former)++;
  CHECK(current >= 1);
  CHECK(former >= 1);
}

TEST_CASE("Globex alumni, some of whom still know someone there") {
  const DemoData& d = small_demo();
  const std::string globex = id_of(d["Company.csv"], 1, "Globex");
  std::set<std::string> former, current;
  for (const auto& row : d["Person_WORKS_AT_Company.csv"].rows)
    if (row[1] == globex) (row[4].empty() ? current : former).insert(row[0]);
  CHECK(former.size() >= 20);
  CHECK(current.size() >= 20);
  const auto g = knows_graph(d);
  int alumni_in_touch = 0;
  for (const auto& p : former) {
    auto it = g.find(p);
    if (it == g.end()) continue;
    for (const auto& q : it->second)
      if (current.count(q) && !former.count(q)) {
        ++alumni_in_touch;
        break;
      }
  }
  CHECK(alumni_in_touch >= 5);
  // Jordan Blake ("me") is a Globex alumnus; so are people he knows.
  const std::string me = id_of(d["Person.csv"], 1, "Jordan Blake");
  CHECK(former.count(me));
  int my_alumni = 0;
  for (const auto& q : g.at(me)) my_alumni += former.count(q) > 0;
  CHECK(my_alumni >= 2);
}

TEST_CASE("the Sales 2.0 conference has attendees two hops from me") {
  const DemoData& d = small_demo();
  const std::string sales20 = id_of(d["Event.csv"], 1, "Sales 2.0");
  REQUIRE(!sales20.empty());
  const std::string me = id_of(d["Person.csv"], 1, "Jordan Blake");
  const auto dist = hops_from(knows_graph(d), me);
  int attendees = 0, two_hops = 0;
  for (const auto& row : d["Person_ATTENDED_Event.csv"].rows)
    if (row[1] == sales20) {
      ++attendees;
      auto it = dist.find(row[0]);
      two_hops += it != dist.end() && it->second == 2;
    }
  CHECK(attendees >= 20);
  CHECK(two_hops >= 2);
}

TEST_CASE("account signals fall in the windows the questions ask about") {
  const DemoData& d = small_demo();
  const auto signals = company_signals(d);
  const std::string now = days_from_now(d, 0), ago30 = days_from_now(d, -30), ago60 = days_from_now(d, -60),
                    ago90 = days_from_now(d, -90), in90 = days_from_now(d, 90);
  std::set<std::string> churn30, churn90, doubled, renewal90, low_nps;
  for (const auto& [company, list] : signals) {
    int last = 0, before = 0;
    for (const auto& s : list) {
      const std::string& at = s[2];
      if (s[1] == "churn-risk" && at >= ago30 && at < now) churn30.insert(company);
      if (s[1] == "churn-risk" && at >= ago90 && at < now) churn90.insert(company);
      if (s[1] == "support-ticket" && at >= ago30 && at < now) ++last;
      if (s[1] == "support-ticket" && at >= ago60 && at < ago30) ++before;
      if (s[1] == "renewal" && at >= now && at < in90) renewal90.insert(company);
      if (s[1] == "nps" && std::stod(s[3]) < 7) low_nps.insert(company);
    }
    if (before > 0 && last >= 2 * before) doubled.insert(company);
  }
  const std::string acme = id_of(d["Company.csv"], 1, "Acme"), initech = id_of(d["Company.csv"], 1, "Initech");
  CHECK(churn30.count(acme));
  CHECK(churn30.size() >= 2);
  CHECK(churn90.count(initech));
  CHECK(churn90.size() > churn30.size());
  CHECK(doubled.count(acme));
  CHECK(doubled.count(initech));
  CHECK(doubled.size() >= 4);
  int due_and_unhappy = 0;
  for (const auto& c : renewal90) due_and_unhappy += low_nps.count(c) > 0;
  CHECK(due_and_unhappy >= 3);
  CHECK(renewal90.count(acme));
}

TEST_CASE("case studies were downloaded in the last 60 days, CRM content read at churn-risk accounts") {
  const DemoData& d = small_demo();
  std::set<std::string> case_studies;
  for (const auto& row : d["Content.csv"].rows)
    if (row[2] == "case-study") case_studies.insert(row[0]);
  const std::string ago60 = days_from_now(d, -60);
  std::set<std::string> downloaders;
  for (const auto& row : d["Person_ENGAGED_Content.csv"].rows)
    if (row[2] == "downloaded" && case_studies.count(row[1]) && row[3] >= ago60) downloaders.insert(row[0]);
  CHECK(downloaders.size() >= 20);
  const std::string playbook = id_of(d["Content.csv"], 1, "The CRM Churn Playbook");
  REQUIRE(!playbook.empty());
  int readers = 0;
  for (const auto& row : d["Person_ENGAGED_Content.csv"].rows) readers += row[1] == playbook;
  CHECK(readers >= 3);
}

TEST_CASE("relationships going cold: strong but not contacted for 180 days") {
  const DemoData& d = small_demo();
  const std::string me = id_of(d["Person.csv"], 1, "Jordan Blake");
  const std::string ago180 = days_from_now(d, -180);
  int mine = 0, all = 0;
  for (const auto& row : d["Person_KNOWS_Person.csv"].rows)
    if (std::stod(row[2]) >= 0.7 && row[4] < ago180) {
      ++all;
      mine += row[0] == me || row[1] == me;
    }
  CHECK(mine >= 1);
  CHECK(all >= 50);
}

TEST_CASE("consent is honoured by the fixtures: the warmest path to Dana is blocked for intros") {
  const DemoData& d = small_demo();
  const Table& p = d["Person.csv"];
  const int intro = p.column("optInIntro"), email = p.column("optInEmail");
  const std::string sam = id_of(p, 1, "Sam Rivera");
  for (const auto& row : p.rows)
    if (row[0] == sam) {
      CHECK(row[intro] == "false");
      CHECK(row[email] == "false");
    }
  // People interested in customer experience: some opted in, some not.
  const std::string cx = id_of(d["Topic.csv"], 1, "customer experience");
  std::map<std::string, std::string> opt_in;
  for (const auto& row : p.rows) opt_in[row[0]] = row[email];
  std::map<std::string, int> by_consent;
  for (const auto& row : d["Person_INTERESTED_IN_Topic.csv"].rows)
    if (row[1] == cx) ++by_consent[opt_in[row[0]]];
  CHECK(by_consent["true"] >= 20);
  CHECK(by_consent["false"] >= 5);
  CHECK(by_consent[""] >= 5);
}

TEST_CASE("fixtures are the same for every seed and size; their dates follow now") {
  TempDir dir;
  DemoConfig config = config_for(1000, 99);
  config.now = *parse_utc("2027-02-01T00:00:00Z");
  generate_demo(config, dir.path().string());
  const Table people = read_csv(dir.path() / "Person.csv");
  CHECK(people.rows[0][1] == "Jordan Blake");
  CHECK(people.rows[1][1] == "Dana Lee");
  CHECK(read_file(dir.path() / "Person_KNOWS_Person.csv").find("\n1,3,0.91,") != std::string::npos);
  const Table companies = read_csv(dir.path() / "Company.csv");
  CHECK(companies.rows[3][1] == "Acme");
  // Acme's churn-risk signal is 12 days (minus a few hours) before this now.
  const std::string expected = format_datetime(config.now - 12 * 86400 - 4 * 3600);
  bool found = false;
  for (const auto& row : read_csv(dir.path() / "Signal.csv").rows) found |= row[1] == "churn-risk" && row[2] == expected;
  CHECK(found);
}
