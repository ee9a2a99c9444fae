// The named fixtures of the demo data set: the people, companies, content,
// events, edges and signals the demo questions (../shared/QUESTIONS.md) are
// about. They take the first ids of each label; all their dates are relative
// to `now`, so every question has the same answer for any --now. Everything
// else in the data set is random. examples/README.md tells their story.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "cli/demo/vocabulary.h"

namespace kith::demo {

// -1 absent (no consent), 0 explicitly false, 1 true.
using Consent = int;

struct FixtureJob {
  uint32_t company;
  std::string_view title;
  Seniority seniority;
  int since_days_ago;
  int until_days_ago;  // -1: current job
};

struct FixtureInterest {
  std::string_view topic;
  int score;  // hundredths
};

struct FixturePerson {
  uint64_t id;
  std::string_view name, email, location;
  Department dept;
  Consent opt_in_email, opt_in_intro;
  std::span<const FixtureJob> jobs;  // oldest first
  std::span<const FixtureInterest> interests;
};

struct FixtureCompany {
  uint32_t id;
  std::string_view name, domain, industry, country;
  uint32_t customer_of;  // 0: none
  int plan;              // index into kPlans
  int customer_since_days_ago;
  bool vendor;
};

struct FixtureKnows {
  uint64_t a, b;
  int strength;  // hundredths
  int since_days_ago, last_contact_days_ago, interactions;
};

struct FixtureSignal {
  uint32_t company;  // the signal's owner (a Company id)
  std::string_view kind;
  int days_from_now;  // negative: past; positive: due in the future
  double value;
};

struct FixtureContent {
  uint32_t id;
  std::string_view title;
  int kind;  // ContentKind
  int published_days_ago;
  std::span<const std::string_view> topics;
};

struct FixtureEvent {
  uint32_t id;
  std::string_view name;
  bool conference;
  int days_from_now;
};

struct FixtureEngagement {
  uint64_t person;
  uint32_t content;
  std::string_view kind;  // read, downloaded, attended
  int days_ago;
};

struct FixtureAttendance {
  uint64_t person;
  uint32_t event;
};

namespace fixture {
// Person ids.
constexpr uint64_t kMe = 1, kDanaLee = 2;
// Company ids (ranks by size: a lower id is a bigger employer).
constexpr uint32_t kAcme = 4, kGlobex = 7, kHooli = 10, kInitech = 13, kNorthwind = 21, kContoso = 26;
// Event ids.
constexpr uint32_t kSales20 = 1, kCxLive = 2;
}  // namespace fixture

std::span<const FixturePerson> fixture_people();
std::span<const FixtureCompany> fixture_companies();
std::span<const FixtureKnows> fixture_knows();
std::span<const FixtureSignal> fixture_signals();
std::span<const FixtureContent> fixture_contents();
std::span<const FixtureEvent> fixture_events();
std::span<const FixtureEngagement> fixture_engagements();
std::span<const FixtureAttendance> fixture_attendance();

const FixturePerson* find_fixture_person(uint64_t id);
const FixtureCompany* find_fixture_company(uint32_t id);
bool is_fixture_person(uint64_t id);
int topic_index(std::string_view name);  // -1 when unknown

}  // namespace kith::demo
