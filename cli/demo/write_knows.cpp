// The KNOWS graph, streamed person by person without holding edges in memory.
//
// Each person proposes as many acquaintances as their (Pareto-distributed)
// degree target: a third among people who ever worked at one of their
// employers (so former colleagues know each other far more often than
// strangers), the rest anywhere, with probability proportional to the other
// person's degree target (a Chung-Lu graph: heavy-tailed degrees with hubs).
// A pair is written only by its "owner", one of the two chosen by a hash of
// the pair, so no pair is written twice and no global dedup is needed.
#include <algorithm>
#include <cmath>
#include <vector>

#include "cli/demo/civil_time.h"
#include "cli/demo/fixtures.h"
#include "cli/demo/output.h"

namespace kith::demo {

namespace {

struct Proposal {
  uint64_t other;
  bool colleague;
};

bool owns(uint64_t seed, uint64_t self, uint64_t other) {
  const uint64_t lo = std::min(self, other), hi = std::max(self, other);
  const bool low_owns = mix64(seed ^ mix64(lo * 0x9e3779b97f4a7c15ULL + hi)) & 1;
  return low_owns == (self == lo);
}

// Strength follows from how often and how recently two people talk, and
// from having worked together; a tenth of relationships have gone cold.
void write_edge(const World& w, CsvWriter& row, uint64_t a, uint64_t b, bool colleague) {
  const uint64_t lo = std::min(a, b), hi = std::max(a, b);
  Rng rng(w.seed(), Stream::KnowsEdge, lo * 0x100000000ULL + hi);
  const int64_t since_days = rng.between(30, 10 * 365);
  int64_t interactions = static_cast<int64_t>(std::exp2(rng.unit() * 8)) - 1;  // 0..255, log-uniform
  if (colleague) interactions = std::min<int64_t>(500, interactions * 2 + 5);
  int64_t last_days;
  if (rng.chance(0.1))
    last_days = rng.between(181, 900);  // gone cold
  else
    last_days = static_cast<int64_t>(-std::log(1.0 - rng.unit()) * 300.0 / (1.0 + interactions / 10.0));
  last_days = std::min(last_days, since_days - 1);  // contact after the relationship began
  const double strength = 0.05 + 0.55 * (1 - std::exp(-interactions / 40.0)) + (colleague ? 0.15 : 0.0) +
                          0.2 * std::exp(-last_days / 120.0) + 0.1 * (rng.unit() - 0.5);
  const int64_t hundredths = std::clamp<int64_t>(std::llround(strength * 100), 1, 99);
  const int64_t last_contact = w.now() - last_days * kSecondsPerDay - 1 - static_cast<int64_t>(rng.below(kSecondsPerDay - 1));
  row.integer(static_cast<int64_t>(a)).integer(static_cast<int64_t>(b)).hundredths(hundredths);
  row.date(w.today() - since_days).datetime(last_contact).integer(interactions).end_row();
}

}  // namespace

void write_knows(const World& w, Output& out, std::atomic<uint64_t>& done, const std::atomic<bool>& stop) {
  CsvWriter& row = out[File::Knows];
  for (const FixtureKnows& k : fixture_knows()) {
    row.integer(static_cast<int64_t>(k.a)).integer(static_cast<int64_t>(k.b)).hundredths(k.strength);
    row.date(w.today() - k.since_days_ago)
        .datetime(w.now() - k.last_contact_days_ago * kSecondsPerDay - 3 * 3600)
        .integer(k.interactions)
        .end_row();
  }
  std::vector<Proposal> proposals;
  for (uint64_t id = 1; id <= w.people(); ++id) {
    const PersonCore p = w.person(id);
    Rng rng(w.seed(), Stream::Knows, id);
    proposals.clear();
    for (uint32_t i = 0; i < p.degree; ++i) {
      uint64_t other = 0;
      bool colleague = false;
      if (p.njobs > 0 && rng.chance(0.35)) {
        const std::span<const uint32_t> alumni = w.alumni(p.jobs[rng.below(p.njobs)].company);
        if (alumni.size() > 1) {
          other = alumni[rng.below(alumni.size())];
          colleague = true;
        }
      }
      if (!colleague) other = w.person_by_degree(rng);
      if (other == id || !owns(w.seed(), id, other)) continue;
      // Between fixtures, only the planted edges exist: their answers stay exact.
      if (is_fixture_person(id) && is_fixture_person(other)) continue;
      proposals.push_back({other, colleague});
    }
    std::sort(proposals.begin(), proposals.end(), [](const Proposal& x, const Proposal& y) {
      return x.other != y.other ? x.other < y.other : x.colleague > y.colleague;
    });
    uint64_t previous = 0;
    for (const Proposal& q : proposals) {
      if (q.other == previous) continue;
      previous = q.other;
      write_edge(w, row, id, q.other, q.colleague);
    }
    if ((id & 1023) == 0) {
      done.store(id, std::memory_order_relaxed);
      if (stop.load(std::memory_order_relaxed)) return;
    }
  }
  done.store(w.people(), std::memory_order_relaxed);
}

}  // namespace kith::demo
