// The demo world: every entity of the demo data set is a pure function of
// (seed, now, people, entity id), so any pass can regenerate any entity in
// any order and get the same values. World also holds the few indexes that
// need the whole population (who ever worked where, degree weights), built
// once, before the files are written.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/demo/vocabulary.h"
#include "cli/demo/zipf.h"

namespace kith::demo {

struct DemoConfig {
  uint64_t people = 10000;
  uint64_t seed = 42;
  int64_t now = 0;  // seconds since the epoch, UTC
};

constexpr int32_t kNoDay = INT32_MIN;  // an absent date (a current job's `until`)

struct Job {
  uint32_t company = 0;
  Seniority seniority = Seniority::IC;
  std::string_view title;
  int32_t since = 0;      // day
  int32_t until = kNoDay;  // day; kNoDay for the current job
};

struct PersonCore {
  Department dept = Department::Sales;
  int njobs = 0;
  std::array<Job, 4> jobs;  // oldest first; the last is current when `employed`
  bool employed = false;
  uint32_t degree = 0;  // KNOWS degree the person aims at (heavy-tailed)
  const Job* current() const { return employed ? &jobs[njobs - 1] : nullptr; }
};

enum class ContentKind : unsigned char { Paper, Webinar, Post, CaseStudy };
std::string_view content_kind_name(ContentKind k);

struct ContentCore {
  ContentKind kind = ContentKind::Post;
  int32_t published = 0;  // day
  int ntopics = 0;
  std::array<int, 3> topics{};  // indexes into kTopics
};

struct EventCore {
  bool conference = false;
  int64_t at = 0;  // seconds
  int topic = 0;
};

struct CompanyCore {
  uint32_t customer_of = 0;  // vendor company id, 0 when not a customer
  int plan = 0;              // index into kPlans
  int32_t customer_since = 0;
  bool vendor = false;
  bool at_risk = false;   // churn-risk signals in the last 120 days, low NPS
  bool bursting = false;  // support tickets at least double in the last 30 days
};

class World {
 public:
  explicit World(const DemoConfig& config);

  const DemoConfig& config() const { return config_; }
  uint64_t seed() const { return config_.seed; }
  uint64_t people() const { return config_.people; }
  int64_t now() const { return config_.now; }
  int32_t today() const { return today_; }
  uint32_t companies() const { return companies_; }
  uint32_t contents() const { return contents_; }
  uint32_t events() const { return events_; }

  // Ids start at 1; the first ids of each label are the named fixtures.
  PersonCore person(uint64_t id) const;
  CompanyCore company(uint32_t id) const;
  std::string company_name(uint32_t id) const;
  ContentCore content(uint32_t id) const;
  EventCore event(uint32_t id) const;

  // Everyone who ever worked at `company` (current or former), by id.
  std::span<const uint32_t> alumni(uint32_t company) const;
  uint32_t current_employees(uint32_t company) const { return current_[company]; }
  // Contents ABOUT a topic.
  std::span<const uint32_t> content_about(int topic) const;
  // Events that already happened (random ones, not the fixtures).
  std::span<const uint32_t> past_events() const { return past_events_; }

  // A person drawn with probability proportional to their degree target.
  uint64_t person_by_degree(Rng& rng) const;

  int topic_by_popularity(Rng& rng) const { return static_cast<int>(topic_zipf_.sample(rng)); }
  uint64_t event_by_popularity(Rng& rng) const { return past_events_[event_zipf_.sample(rng)]; }

 private:
  PersonCore random_person(uint64_t id) const;
  void index_employment();
  void index_content();

  DemoConfig config_;
  int32_t today_;
  uint32_t companies_, contents_, events_;
  Zipf company_zipf_, topic_zipf_, event_zipf_;
  std::vector<uint32_t> current_;           // per company id
  std::vector<uint64_t> alumni_offsets_;    // per company id, CSR into alumni_
  std::vector<uint32_t> alumni_;
  // People grouped by degree target, for drawing proportionally to it in two
  // cache-friendly steps: a group (by its total degree), then anyone in it.
  std::vector<uint64_t> degree_group_cumulative_;  // per distinct degree, ascending
  std::vector<uint64_t> degree_group_offsets_;     // CSR into degree_members_
  std::vector<uint32_t> degree_members_;
  std::vector<uint64_t> about_offsets_;     // per topic, CSR into about_
  std::vector<uint32_t> about_;
  std::vector<uint32_t> past_events_;
};

}  // namespace kith::demo
