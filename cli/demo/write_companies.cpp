// Companies, who is a customer of whom, and the signals of Northwind's accounts.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "cli/demo/civil_time.h"
#include "cli/demo/fixtures.h"
#include "cli/demo/output.h"

namespace kith::demo {

namespace {

std::string domain_of(std::string_view name) {
  std::string d;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) d += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return d + ".com";
}

// Knuth's method; fine for the small means used here.
int poisson(Rng& rng, double mean) {
  const double limit = std::exp(-mean);
  int k = 0;
  for (double p = rng.unit(); p > limit; p *= rng.unit()) ++k;
  return k;
}

// A moment during the day `days_ago` days before now (strictly before now).
int64_t past(const World& w, Rng& rng, int64_t days_ago) {
  return w.now() - days_ago * kSecondsPerDay - 1 - static_cast<int64_t>(rng.below(kSecondsPerDay - 1));
}

void random_signals(const World& w, Output& out, uint32_t id, const CompanyCore& c) {
  Rng rng(w.seed(), Stream::CompanySignals, id);
  const File edges = File::CompanyHasSignal;
  if (c.customer_of == fixture::kNorthwind) {
    // The renewal date of the contract (a quarter of them in the next 90
    // days) and its annual value.
    constexpr double arr[] = {5000, 20000, 60000, 150000};
    const int64_t due = w.now() + rng.between(-30, 364) * kSecondsPerDay + rng.between(8, 17) * 3600;
    out.signal(edges, id, "renewal", due, std::round(arr[c.plan] * (0.5 + rng.unit()) / 100) * 100);
    const int nps = static_cast<int>(rng.below(4));
    for (int i = 0; i < nps; ++i) {
      const int64_t score = c.at_risk ? rng.between(0, 7) : rng.below(100) < 70 ? rng.between(8, 10) : rng.between(3, 10);
      out.signal(edges, id, "nps", past(w, rng, rng.between(0, 364)), static_cast<double>(score));
    }
    if (c.at_risk) {
      // The latest in the last six weeks, earlier ones over four months.
      const int n = static_cast<int>(rng.between(1, 3));
      for (int i = 0; i < n; ++i)
        out.signal(edges, id, "churn-risk", past(w, rng, i == 0 ? rng.between(0, 44) : rng.between(0, 119)),
                   static_cast<double>(rng.between(50, 99)) / 100);
    } else if (rng.chance(0.04)) {
      out.signal(edges, id, "churn-risk", past(w, rng, rng.between(120, 364)),
                 static_cast<double>(rng.between(30, 60)) / 100);
    }
    // Support tickets over six 30-day windows, oldest first; bursting accounts
    // have at least twice the previous window's tickets in the last one.
    const double base = 0.5 + 1.5 * c.plan;
    int previous = 0;
    for (int window = 5; window >= 0; --window) {
      int n = poisson(rng, base);
      if (window == 0 && c.bursting) n = std::max(2 * previous, 2) + poisson(rng, base);
      previous = n;
      for (int i = 0; i < n; ++i)
        out.signal(edges, id, "support-ticket", past(w, rng, window * 30 + rng.between(0, 29)),
                   static_cast<double>(rng.between(1, 4)));
    }
  }
  if (!c.vendor) {
    const int visits = static_cast<int>(rng.below(4));
    for (int i = 0; i < visits; ++i)
      out.signal(edges, id, "visit", past(w, rng, rng.between(0, 89)), static_cast<double>(rng.between(1, 40)));
  }
}

}  // namespace

void write_companies(const World& w, Output& out) {
  for (uint32_t id = 1; id <= w.companies(); ++id) {
    const CompanyCore c = w.company(id);
    Rng rng(w.seed(), Stream::CompanyProfile, id);
    // Head count: Zipf by rank (a lower id is a bigger employer), never less
    // than the people of the data set who work there.
    const double zipf_size = 250000.0 / std::pow(static_cast<double>(id), 1.1) * (0.7 + 0.6 * rng.unit());
    const int64_t size = std::max<int64_t>({2, static_cast<int64_t>(zipf_size), w.current_employees(id)});
    const std::string name = w.company_name(id);
    CsvWriter& row = out[File::Company];
    if (const FixtureCompany* f = find_fixture_company(id)) {
      row.integer(id).str(name).str(f->domain).str(f->industry).integer(size).str(f->country).end_row();
      for (const FixtureSignal& s : fixture_signals()) {
        if (s.company != id) continue;
        // Past signals a few hours before the day boundary, future ones at 10:00.
        const int64_t at = w.now() + s.days_from_now * kSecondsPerDay + (s.days_from_now < 0 ? -4 : 10) * 3600;
        out.signal(File::CompanyHasSignal, id, s.kind, at, s.value);
      }
    } else {
      row.integer(id).str(name).str(domain_of(name)).str(kIndustries[rng.below(kIndustries.size())]);
      // Most companies are American or European.
      const uint64_t country = rng.below(100) < 40 ? 0 : rng.below(kCountries.size());
      row.integer(size).str(kCountries[country]).end_row();
      random_signals(w, out, id, c);
    }
    if (c.customer_of)
      out[File::CustomerOf].integer(id).integer(c.customer_of).date(c.customer_since).str(kPlans[c.plan]).end_row();
  }
}

}  // namespace kith::demo
