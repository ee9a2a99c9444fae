// Companies, content and events of the demo world (people are in world.cpp).
#include <algorithm>

#include "cli/demo/civil_time.h"
#include "cli/demo/fixtures.h"
#include "cli/demo/world.h"

namespace kith::demo {

CompanyCore World::company(uint32_t id) const {
  CompanyCore c;
  if (const FixtureCompany* f = find_fixture_company(id)) {
    c.customer_of = f->customer_of;
    c.plan = f->plan;
    c.customer_since = today_ - f->customer_since_days_ago;
    c.vendor = f->vendor;
    return c;
  }
  Rng rng(seed(), Stream::Company, id);
  // Northwind (the vendor whose accounts the questions are about) has a third
  // of the market, its competitor Contoso a tenth.
  const uint64_t r = rng.below(100);
  c.customer_of = r < 35 ? fixture::kNorthwind : r < 45 ? fixture::kContoso : 0;
  // Bigger companies (lower ids) buy bigger plans.
  const double rank = static_cast<double>(id) / companies_;
  int plan = rank < 0.05 ? 3 : rank < 0.2 ? 2 : rank < 0.5 ? 1 : 0;
  if (rng.chance(0.2)) plan = std::clamp(plan + (rng.chance(0.5) ? 1 : -1), 0, 3);
  c.plan = plan;
  c.customer_since = today_ - static_cast<int32_t>(rng.between(30, 6 * 365));
  c.at_risk = rng.chance(0.2);
  c.bursting = rng.chance(c.at_risk ? 0.35 : 0.07);
  return c;
}

std::string World::company_name(uint32_t id) const {
  if (const FixtureCompany* f = find_fixture_company(id)) return std::string(f->name);
  // A fixed bijection from ids to name combinations: no two companies share a
  // name, and none can be called like a fixture (those are single words).
  const uint64_t combos = kCompanyPrefixes.size() * kCompanyRoots.size() * kCompanySuffixes.size();
  const uint64_t k = (id % combos) * 7919 % combos;  // 7919 is prime: a permutation of 0..combos-1
  const uint64_t round = id / combos;
  std::string name(kCompanyPrefixes[k % kCompanyPrefixes.size()]);
  name += kCompanyRoots[k / kCompanyPrefixes.size() % kCompanyRoots.size()];
  name += ' ';
  name += kCompanySuffixes[k / (kCompanyPrefixes.size() * kCompanyRoots.size())];
  if (round > 0) name.append(" ").append(std::to_string(round + 1));
  return name;
}

ContentCore World::content(uint32_t id) const {
  ContentCore c;
  for (const FixtureContent& f : fixture_contents()) {
    if (f.id != id) continue;
    c.kind = static_cast<ContentKind>(f.kind);
    c.published = today_ - f.published_days_ago;
    for (auto t : f.topics) c.topics[c.ntopics++] = topic_index(t);
    return c;
  }
  Rng rng(seed(), Stream::Content, id);
  // paper 25%, webinar 20%, post 40%, case study 15%.
  const uint64_t k = rng.below(100);
  c.kind = k < 25 ? ContentKind::Paper : k < 45 ? ContentKind::Webinar : k < 85 ? ContentKind::Post
                                                                                 : ContentKind::CaseStudy;
  c.published = today_ - static_cast<int32_t>(rng.below(c.kind == ContentKind::Post ? 540 : 3 * 365));
  const uint64_t n = rng.below(100);
  const int want = n < 40 ? 1 : n < 80 ? 2 : 3;
  for (int i = 0; i < want; ++i) {
    const int t = topic_by_popularity(rng);
    if (std::find(c.topics.begin(), c.topics.begin() + c.ntopics, t) == c.topics.begin() + c.ntopics)
      c.topics[c.ntopics++] = t;
  }
  return c;
}

EventCore World::event(uint32_t id) const {
  EventCore e;
  for (const FixtureEvent& f : fixture_events()) {
    if (f.id != id) continue;
    e.conference = f.conference;
    e.at = now() + f.days_from_now * kSecondsPerDay + 9 * 3600 - (now() % kSecondsPerDay);
    e.topic = 0;
    return e;
  }
  Rng rng(seed(), Stream::Event, id);
  e.conference = rng.chance(0.3);
  // The last two years, and the next three months (no attendance yet).
  const int64_t day = today_ + 90 - static_cast<int64_t>(rng.below(2 * 365 + 90));
  e.at = day * kSecondsPerDay + rng.between(8, 17) * 3600;
  e.topic = topic_by_popularity(rng);
  return e;
}

void World::index_content() {
  about_offsets_.assign(kTopics.size() + 1, 0);
  for (uint32_t id = 1; id <= contents_; ++id) {
    const ContentCore c = content(id);
    for (int i = 0; i < c.ntopics; ++i) ++about_offsets_[c.topics[i] + 1];
  }
  for (size_t t = 1; t < about_offsets_.size(); ++t) about_offsets_[t] += about_offsets_[t - 1];
  about_.resize(about_offsets_.back());
  std::vector<uint64_t> fill(about_offsets_.begin(), about_offsets_.end() - 1);
  for (uint32_t id = 1; id <= contents_; ++id) {
    const ContentCore c = content(id);
    for (int i = 0; i < c.ntopics; ++i) about_[fill[c.topics[i]]++] = id;
  }
  const uint32_t fixtures = static_cast<uint32_t>(fixture_events().size());
  for (uint32_t id = fixtures + 1; id <= events_; ++id)
    if (event(id).at < now()) past_events_.push_back(id);
  event_zipf_ = Zipf(past_events_.size(), 1.0, 3.0);
}

std::span<const uint32_t> World::content_about(int topic) const {
  return {about_.data() + about_offsets_[topic], about_.data() + about_offsets_[topic + 1]};
}

}  // namespace kith::demo
