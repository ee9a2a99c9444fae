#include "cli/demo/fixtures.h"

#include <algorithm>

namespace kith::demo {

namespace {

using namespace fixture;
using S = Seniority;
using D = Department;

// Jordan Blake, "me": a salesperson at the vendor Northwind, formerly at Globex.
constexpr FixtureJob me_jobs[] = {{kGlobex, "Sales Development Representative", S::IC, 2200, 700},
                                  {kNorthwind, "Account Executive", S::IC, 700, -1}};
constexpr FixtureInterest me_interests[] = {{"social selling", 90}, {"CRM", 80}};
constexpr FixtureJob dana_jobs[] = {{kHooli, "Head of Marketing", S::Director, 2000, 400},
                                    {kInitech, "Chief Marketing Officer", S::CLevel, 400, -1}};
constexpr FixtureInterest dana_interests[] = {
    {"customer experience", 95}, {"permission marketing", 70}, {"CRM", 60}};
constexpr FixtureJob priya_jobs[] = {{kGlobex, "Account Executive", S::IC, 2100, 600},
                                     {kAcme, "Sales Manager", S::Manager, 600, -1}};
constexpr FixtureInterest priya_interests[] = {{"social selling", 80}, {"sales enablement", 60}};
constexpr FixtureJob tom_jobs[] = {{kInitech, "Director of Sales", S::Director, 1000, -1}};
constexpr FixtureInterest tom_interests[] = {{"CRM", 70}, {"churn", 50}};
constexpr FixtureJob chris_jobs[] = {{kHooli, "Director of Sales", S::Director, 1800, 300},
                                     {kAcme, "VP Sales", S::VP, 300, -1}};
constexpr FixtureInterest chris_interests[] = {{"CRM", 75}, {"forecasting", 55}};
constexpr FixtureJob lena_jobs[] = {{kAcme, "VP Sales", S::VP, 1500, 300},
                                    {kHooli, "Chief Revenue Officer", S::CLevel, 250, -1}};
constexpr FixtureInterest lena_interests[] = {{"social selling", 85}, {"leadership", 60}};
constexpr FixtureJob sam_jobs[] = {{kGlobex, "Marketing Specialist", S::IC, 1600, 800},
                                   {kInitech, "Marketing Manager", S::Manager, 800, -1}};
constexpr FixtureInterest sam_interests[] = {{"customer experience", 80}, {"email marketing", 60}};
constexpr FixtureJob maya_jobs[] = {{kGlobex, "Engineering Manager", S::Manager, 1200, -1}};
constexpr FixtureInterest maya_interests[] = {{"cloud", 90}, {"DevOps", 70}};
constexpr FixtureJob omar_jobs[] = {{kHooli, "Account Executive", S::IC, 900, -1}};
constexpr FixtureInterest omar_interests[] = {{"social selling", 90}, {"negotiation", 65}};
constexpr FixtureJob grace_jobs[] = {{kGlobex, "Customer Success Manager", S::IC, 3000, 1100},
                                     {kContoso, "Head of Customer Success", S::Director, 1100, -1}};
constexpr FixtureInterest grace_interests[] = {{"customer experience", 70}, {"churn", 80}};
constexpr FixtureJob ben_jobs[] = {{kAcme, "Account Manager", S::IC, 500, -1}};
constexpr FixtureInterest ben_interests[] = {{"CRM", 60}, {"customer experience", 40}};

constexpr FixturePerson people[] = {
    {1, "Jordan Blake", "jordan.blake@northwind.com", "San Francisco", D::Sales, 1, 1, me_jobs, me_interests},
    {2, "Dana Lee", "dana.lee@initech.com", "New York", D::Marketing, 1, 1, dana_jobs, dana_interests},
    {3, "Priya Shah", "priya.shah@acme.com", "London", D::Sales, 1, 1, priya_jobs, priya_interests},
    {4, "Tom Okafor", "tom.okafor@initech.com", "Austin", D::Sales, -1, 1, tom_jobs, tom_interests},
    {5, "Chris Novak", "chris.novak@acme.com", "Chicago", D::Sales, 0, 0, chris_jobs, chris_interests},
    {6, "Lena Fischer", "lena.fischer@hooli.com", "Berlin", D::Sales, 1, 1, lena_jobs, lena_interests},
    {7, "Sam Rivera", "sam.rivera@initech.com", "New York", D::Marketing, 0, 0, sam_jobs, sam_interests},
    {8, "Maya Patel", "maya.patel@globex.com", "Houston", D::Engineering, 1, 1, maya_jobs, maya_interests},
    {9, "Omar Haddad", "omar.haddad@hooli.com", "Dubai", D::Sales, 1, 1, omar_jobs, omar_interests},
    {10, "Grace Kim", "grace.kim@contoso.com", "Seattle", D::CustomerSuccess, -1, 1, grace_jobs,
     grace_interests},
    {11, "Ben Carter", "ben.carter@acme.com", "Chicago", D::Sales, 1, 1, ben_jobs, ben_interests},
};

constexpr FixtureCompany companies[] = {
    {kAcme, "Acme", "acme.com", "Manufacturing", "United States", kNorthwind, 3, 1500, false},
    {kGlobex, "Globex", "globex.com", "Energy", "United States", kNorthwind, 2, 900, false},
    {kHooli, "Hooli", "hooli.com", "Software", "United States", kNorthwind, 1, 700, false},
    {kInitech, "Initech", "initech.com", "Software", "United States", kNorthwind, 2, 1100, false},
    {kNorthwind, "Northwind", "northwind.com", "Software", "United Kingdom", 0, 0, 0, true},
    {kContoso, "Contoso", "contoso.com", "Software", "United States", 0, 0, 0, true},
};

// The warm paths from Jordan to Dana Lee: via Priya and Tom (0.91*0.78*0.88),
// via Lena (0.70*0.62), via Ben (0.55*0.35), and the warmest of all via Sam
// (0.95*0.93), who does not allow intros.
constexpr FixtureKnows knows[] = {
    {1, 3, 91, 2100, 9, 140},  {3, 4, 78, 1200, 30, 60},   {4, 2, 88, 400, 5, 210},
    {1, 7, 95, 1600, 3, 300},  {7, 2, 93, 400, 2, 180},    {1, 11, 55, 500, 60, 15},
    {11, 2, 35, 300, 150, 4},  {1, 10, 86, 2500, 400, 95}, {3, 5, 74, 600, 20, 45},
    {1, 6, 70, 1500, 45, 30},  {6, 5, 80, 1500, 60, 120},  {6, 2, 62, 1800, 120, 35},
    {8, 3, 60, 2100, 90, 25},  {11, 9, 60, 800, 30, 20},   {9, 6, 65, 250, 14, 40},
};

constexpr FixtureSignal signals[] = {
    // Acme: renewal due in 45 days, NPS 5, churn risk 12 days ago, tickets 4 -> 9.
    {kAcme, "renewal", 45, 120000}, {kAcme, "nps", -30, 5}, {kAcme, "nps", -200, 8},
    {kAcme, "churn-risk", -12, 0.82}, {kAcme, "visit", -3, 12},
    {kAcme, "support-ticket", -55, 2}, {kAcme, "support-ticket", -48, 1}, {kAcme, "support-ticket", -40, 3},
    {kAcme, "support-ticket", -33, 2}, {kAcme, "support-ticket", -28, 2}, {kAcme, "support-ticket", -25, 3},
    {kAcme, "support-ticket", -21, 4}, {kAcme, "support-ticket", -17, 2}, {kAcme, "support-ticket", -14, 3},
    {kAcme, "support-ticket", -10, 1}, {kAcme, "support-ticket", -7, 4}, {kAcme, "support-ticket", -4, 2},
    {kAcme, "support-ticket", -1, 3},
    // Globex: healthy, renewal far away, tickets 3 -> 2.
    {kGlobex, "renewal", 200, 80000}, {kGlobex, "nps", -60, 9},
    {kGlobex, "support-ticket", -50, 1}, {kGlobex, "support-ticket", -41, 2},
    {kGlobex, "support-ticket", -35, 1}, {kGlobex, "support-ticket", -20, 1},
    {kGlobex, "support-ticket", -8, 2},
    // Initech: renewal in 80 days, NPS 6, churn risk 70 days ago, tickets 2 -> 5.
    {kInitech, "renewal", 80, 60000}, {kInitech, "nps", -20, 6}, {kInitech, "churn-risk", -70, 0.64},
    {kInitech, "support-ticket", -45, 1}, {kInitech, "support-ticket", -38, 2},
    {kInitech, "support-ticket", -26, 2}, {kInitech, "support-ticket", -19, 3},
    {kInitech, "support-ticket", -12, 1}, {kInitech, "support-ticket", -6, 2},
    {kInitech, "support-ticket", -2, 4},
    // Hooli: a happy customer.
    {kHooli, "renewal", 300, 30000}, {kHooli, "nps", -90, 10}, {kHooli, "support-ticket", -15, 1},
};

constexpr std::string_view playbook_topics[] = {"CRM", "churn"};
constexpr std::string_view permission_topics[] = {"permission marketing", "customer experience"};
constexpr FixtureContent contents[] = {
    {1, "The CRM Churn Playbook", 3, 100, playbook_topics},
    {2, "Permission Marketing, Explained", 0, 200, permission_topics},
};

constexpr FixtureEvent events[] = {
    {kSales20, "Sales 2.0", true, -40},
    {kCxLive, "Customer Experience Live", false, -20},
};

constexpr FixtureEngagement engagements[] = {
    {5, 1, "downloaded", 20}, {4, 1, "read", 50}, {2, 2, "downloaded", 15},
    {11, 1, "read", 10},      {3, 1, "downloaded", 45},
};

constexpr FixtureAttendance attendance[] = {
    {9, kSales20}, {3, kSales20}, {6, kSales20}, {11, kCxLive}, {4, kCxLive}, {2, kCxLive},
};

}  // namespace

std::span<const FixturePerson> fixture_people() { return people; }
std::span<const FixtureCompany> fixture_companies() { return companies; }
std::span<const FixtureKnows> fixture_knows() { return knows; }
std::span<const FixtureSignal> fixture_signals() { return signals; }
std::span<const FixtureContent> fixture_contents() { return contents; }
std::span<const FixtureEvent> fixture_events() { return events; }
std::span<const FixtureEngagement> fixture_engagements() { return engagements; }
std::span<const FixtureAttendance> fixture_attendance() { return attendance; }

const FixturePerson* find_fixture_person(uint64_t id) {
  return id >= 1 && id <= std::size(people) ? &people[id - 1] : nullptr;
}

bool is_fixture_person(uint64_t id) { return id >= 1 && id <= std::size(people); }

const FixtureCompany* find_fixture_company(uint32_t id) {
  for (const auto& c : companies)
    if (c.id == id) return &c;
  return nullptr;
}

int topic_index(std::string_view name) {
  auto it = std::find(kTopics.begin(), kTopics.end(), name);
  return it == kTopics.end() ? -1 : static_cast<int>(it - kTopics.begin());
}

}  // namespace kith::demo
