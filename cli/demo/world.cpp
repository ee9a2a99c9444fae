#include "cli/demo/world.h"

#include <algorithm>
#include <cmath>

#include "cli/demo/civil_time.h"
#include "cli/demo/fixtures.h"

namespace kith::demo {

namespace {

// Entity counts per population: about 25 people per company and per piece of
// content, one event per 2,000 people, with floors that keep the fixtures'
// ids valid and small data sets interesting.
uint32_t company_count(uint64_t people) { return static_cast<uint32_t>(std::max<uint64_t>(60, people / 25)); }
uint32_t content_count(uint64_t people) { return static_cast<uint32_t>(std::max<uint64_t>(200, people / 25)); }
uint32_t event_count(uint64_t people) { return static_cast<uint32_t>(std::max<uint64_t>(40, people / 2000)); }

}  // namespace

World::World(const DemoConfig& config)
    : config_(config),
      today_(static_cast<int32_t>(config.now >= 0 ? config.now / kSecondsPerDay
                                                  : (config.now - kSecondsPerDay + 1) / kSecondsPerDay)),
      companies_(company_count(config.people)),
      contents_(content_count(config.people)),
      events_(event_count(config.people)),
      // A few huge employers, a long tail of small ones.
      company_zipf_(companies_, 1.1, 4.0),
      topic_zipf_(kTopics.size(), 0.9, 2.0) {
  index_employment();
  index_content();
}

std::string_view content_kind_name(ContentKind k) {
  constexpr std::string_view names[] = {"paper", "webinar", "post", "case-study"};
  return names[static_cast<int>(k)];
}

PersonCore World::person(uint64_t id) const {
  const FixturePerson* f = find_fixture_person(id);
  if (!f) return random_person(id);
  PersonCore p;
  p.dept = f->dept;
  p.njobs = static_cast<int>(f->jobs.size());
  for (int k = 0; k < p.njobs; ++k) {
    const FixtureJob& j = f->jobs[k];
    p.jobs[k] = Job{j.company, j.seniority, j.title, today_ - j.since_days_ago,
                    j.until_days_ago < 0 ? kNoDay : today_ - j.until_days_ago};
  }
  p.employed = f->jobs.back().until_days_ago < 0;
  p.degree = 20;
  return p;
}

PersonCore World::random_person(uint64_t id) const {
  Rng rng(seed(), Stream::Person, id);
  PersonCore p;
  // Sales 30%, marketing 20%, customer success 12%, engineering 20%, product 8%, operations 10%.
  const uint64_t d = rng.below(100);
  p.dept = d < 30 ? Department::Sales
           : d < 50 ? Department::Marketing
           : d < 62 ? Department::CustomerSuccess
           : d < 82 ? Department::Engineering
           : d < 90 ? Department::Product
                    : Department::Operations;
  const int years = static_cast<int>(rng.between(1, 30));
  // The longer the career, the more senior: about 60% IC overall.
  const double u = rng.unit();
  const double c = 0.005 + 0.0015 * years, vp = c + 0.01 + 0.0025 * years, dir = vp + 0.03 + 0.004 * years,
               mgr = dir + 0.10 + 0.007 * years;
  const int final_level = u < c ? 4 : u < vp ? 3 : u < dir ? 2 : u < mgr ? 1 : 0;
  const uint64_t nj = rng.below(100);
  p.njobs = nj < 35 ? 1 : nj < 65 ? 2 : nj < 87 ? 3 : 4;
  if (years < 3) p.njobs = std::min(p.njobs, 2);
  p.employed = rng.below(100) < 95;
  const int32_t start = today_ - years * 365 - static_cast<int32_t>(rng.below(365));
  const int32_t end =
      std::max(start + 60, p.employed ? today_ : today_ - static_cast<int32_t>(rng.between(30, 400)));
  std::array<int32_t, 5> bounds{};
  bounds[0] = start;
  for (int k = 1; k < p.njobs; ++k) bounds[k] = start + static_cast<int32_t>(rng.below(end - start));
  // At most three values: an insertion sort (std::sort trips GCC 12's -Warray-bounds here).
  for (int a = 2; a < p.njobs; ++a)
    for (int b = a; b > 1 && bounds[b - 1] > bounds[b]; --b) std::swap(bounds[b - 1], bounds[b]);
  bounds[p.njobs] = end;
  int level = final_level;
  for (int k = p.njobs - 1; k >= 0; --k) {
    Job& j = p.jobs[k];
    uint32_t company = static_cast<uint32_t>(company_zipf_.sample(rng)) + 1;
    // People rarely return to the employer they just left.
    for (int retry = 0; retry < 3 && k + 1 < p.njobs && company == p.jobs[k + 1].company; ++retry)
      company = static_cast<uint32_t>(company_zipf_.sample(rng)) + 1;
    j.company = company;
    j.seniority = static_cast<Seniority>(level);
    const Words t = titles(p.dept, j.seniority);
    j.title = t[rng.below(t.size())];
    j.since = bounds[k];
    j.until = (k == p.njobs - 1 && p.employed) ? kNoDay : bounds[k + 1];
    if (level > 0 && rng.chance(0.45)) --level;
  }
  // Pareto degree, exponent 2.5, minimum 5: mean about 14, a few hubs.
  const double tail = std::pow(1.0 - rng.unit(), -1.0 / 1.5);
  const double cap = std::max(50.0, std::min(2000.0, static_cast<double>(people()) / 20));
  p.degree = static_cast<uint32_t>(std::min(cap, 5.0 * tail));
  return p;
}

void World::index_employment() {
  const uint64_t n = people();
  current_.assign(companies_ + 1, 0);
  alumni_offsets_.assign(companies_ + 2, 0);
  // Degree targets are capped at 2,000: one group per value that occurs.
  std::vector<uint64_t> per_degree(2001, 0);
  for (uint64_t id = 1; id <= n; ++id) {
    const PersonCore p = person(id);
    for (int k = 0; k < p.njobs; ++k) {
      // A person counts once per company even with two stints there.
      bool seen = false;
      for (int e = 0; e < k; ++e) seen |= p.jobs[e].company == p.jobs[k].company;
      if (!seen) ++alumni_offsets_[p.jobs[k].company + 1];
    }
    if (const Job* j = p.current()) ++current_[j->company];
    ++per_degree[p.degree];
  }
  for (size_t c = 1; c < alumni_offsets_.size(); ++c) alumni_offsets_[c] += alumni_offsets_[c - 1];
  std::vector<uint32_t> group_of(per_degree.size(), 0);
  degree_group_offsets_.push_back(0);
  uint64_t total = 0;
  for (size_t d = 1; d < per_degree.size(); ++d) {
    const uint64_t count = per_degree[d];
    if (count == 0) continue;
    group_of[d] = static_cast<uint32_t>(degree_group_cumulative_.size());
    total += d * count;
    degree_group_cumulative_.push_back(total);
    degree_group_offsets_.push_back(degree_group_offsets_.back() + count);
  }
  degree_members_.resize(degree_group_offsets_.back());
  std::vector<uint64_t> degree_fill(degree_group_offsets_.begin(), degree_group_offsets_.end() - 1);
  alumni_.resize(alumni_offsets_.back());
  std::vector<uint64_t> fill(alumni_offsets_.begin(), alumni_offsets_.end() - 1);
  for (uint64_t id = 1; id <= n; ++id) {
    const PersonCore p = person(id);
    for (int k = 0; k < p.njobs; ++k) {
      bool seen = false;
      for (int e = 0; e < k; ++e) seen |= p.jobs[e].company == p.jobs[k].company;
      if (!seen) alumni_[fill[p.jobs[k].company]++] = static_cast<uint32_t>(id);
    }
    if (p.degree > 0) degree_members_[degree_fill[group_of[p.degree]]++] = static_cast<uint32_t>(id);
  }
}

std::span<const uint32_t> World::alumni(uint32_t company) const {
  return {alumni_.data() + alumni_offsets_[company], alumni_.data() + alumni_offsets_[company + 1]};
}

uint64_t World::person_by_degree(Rng& rng) const {
  const uint64_t u = rng.below(degree_group_cumulative_.back());
  const size_t g = static_cast<size_t>(
      std::upper_bound(degree_group_cumulative_.begin(), degree_group_cumulative_.end(), u) -
      degree_group_cumulative_.begin());
  const uint64_t first = degree_group_offsets_[g], count = degree_group_offsets_[g + 1] - first;
  return degree_members_[first + rng.below(count)];
}

}  // namespace kith::demo
