// People and everything that hangs off a person except KNOWS: jobs,
// interests, engagements with content, event attendance, personal signals.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "cli/demo/civil_time.h"
#include "cli/demo/fixtures.h"
#include "cli/demo/output.h"

namespace kith::demo {

namespace {

std::string email_part(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void consent(CsvWriter& row, Consent c) {
  if (c < 0)
    row.absent();
  else
    row.boolean(c == 1);
}

// Absent (no consent) for a fifth to a quarter of people, explicitly false for some.
Consent random_consent(Rng& rng, int true_percent, int false_percent) {
  const int64_t r = static_cast<int64_t>(rng.below(100));
  return r < true_percent ? 1 : r < true_percent + false_percent ? 0 : -1;
}

int64_t past(const World& w, Rng& rng, int64_t days_ago) {
  return w.now() - days_ago * kSecondsPerDay - 1 - static_cast<int64_t>(rng.below(kSecondsPerDay - 1));
}

void write_jobs(Output& out, uint64_t id, const PersonCore& p) {
  for (int k = 0; k < p.njobs; ++k) {
    const Job& j = p.jobs[k];
    CsvWriter& row = out[File::WorksAt];
    row.integer(static_cast<int64_t>(id)).integer(j.company).str(j.title).date(j.since);
    if (j.until == kNoDay)
      row.absent();
    else
      row.date(j.until);
    row.end_row();
  }
}

void write_fixture_person(const World& w, Output& out, const FixturePerson& f, const PersonCore& p) {
  const Job& last = p.jobs[p.njobs - 1];
  CsvWriter& row = out[File::Person];
  row.integer(static_cast<int64_t>(f.id)).str(f.name).str(f.email).str(last.title).str(seniority_name(last.seniority));
  row.str(f.location);
  consent(row, f.opt_in_email);
  consent(row, f.opt_in_intro);
  row.end_row();
  write_jobs(out, f.id, p);
  for (const FixtureInterest& i : f.interests)
    out[File::InterestedIn].integer(static_cast<int64_t>(f.id)).integer(topic_index(i.topic) + 1).hundredths(i.score).end_row();
  for (const FixtureEngagement& e : fixture_engagements()) {
    if (e.person != f.id) continue;
    const int64_t at = w.now() - e.days_ago * kSecondsPerDay - 5 * 3600;
    out[File::Engaged].integer(static_cast<int64_t>(f.id)).integer(e.content).str(e.kind).datetime(at).end_row();
    if (e.kind == "downloaded") out.signal(File::PersonHasSignal, f.id, "download", at, e.content);
  }
  for (const FixtureAttendance& a : fixture_attendance())
    if (a.person == f.id) out[File::Attended].integer(static_cast<int64_t>(f.id)).integer(a.event).end_row();
}

void write_random_person(const World& w, Output& out, uint64_t id, const PersonCore& p) {
  Rng rng(w.seed(), Stream::PersonActivity, id);
  const std::string_view first = kFirstNames[rng.below(kFirstNames.size())];
  size_t last_index = rng.below(kLastNames.size());
  // There is exactly one Dana Lee: the fixture the intro questions look for.
  if (first == "Dana" && kLastNames[last_index] == "Lee") last_index = (last_index + 1) % kLastNames.size();
  const std::string_view last = kLastNames[last_index];
  const Job& job = p.jobs[p.njobs - 1];
  // Work address at the current employer's domain (as Company.domain spells it).
  const std::string domain = p.employed ? email_part(w.company_name(job.company)) + ".com" : "example.com";
  std::string name(first);
  name += ' ';
  name += last;
  const std::string email = email_part(first) + "." + email_part(last) + "." + std::to_string(id) + "@" + domain;
  CsvWriter& row = out[File::Person];
  row.integer(static_cast<int64_t>(id)).str(name).str(email).str(job.title).str(seniority_name(job.seniority));
  row.str(kCities[rng.below(kCities.size())]);
  consent(row, random_consent(rng, 55, 20));
  consent(row, random_consent(rng, 65, 15));
  row.end_row();
  write_jobs(out, id, p);

  // Interests: half from what the department cares about, half by popularity.
  const std::span<const int> dept_topics = department_topics(p.dept);
  std::array<int, 6> interests{};
  int ninterests = 0;
  const int want = static_cast<int>(rng.between(1, 6));
  for (int i = 0; i < want; ++i) {
    const bool from_dept = rng.chance(0.55);
    const int t = from_dept ? dept_topics[rng.below(dept_topics.size())] : w.topic_by_popularity(rng);
    if (std::find(interests.begin(), interests.begin() + ninterests, t) != interests.begin() + ninterests) continue;
    interests[ninterests++] = t;
    const int64_t score = from_dept ? rng.between(50, 100) : rng.between(10, 90);
    out[File::InterestedIn].integer(static_cast<int64_t>(id)).integer(t + 1).hundredths(score).end_row();
  }

  // Engagements over the last 12 months, mostly with content on one's interests.
  const double mean = p.dept == Department::Marketing ? 7 : p.dept == Department::Sales ? 5
                      : p.dept == Department::CustomerSuccess                          ? 5
                                                                                       : 3;
  const int engagements = static_cast<int>(std::min(60.0, -std::log(1.0 - rng.unit()) * mean));
  for (int i = 0; i < engagements; ++i) {
    const int topic = rng.chance(0.7) ? interests[rng.below(ninterests)] : w.topic_by_popularity(rng);
    const std::span<const uint32_t> about = w.content_about(topic);
    if (about.empty()) continue;
    const uint32_t content = about[rng.below(about.size())];
    const ContentCore c = w.content(content);
    const int64_t age = std::min<int64_t>(364, w.today() - c.published);
    const int64_t at = past(w, rng, rng.between(0, std::max<int64_t>(0, age - 1)));
    std::string_view kind = "read";
    if (c.kind == ContentKind::Webinar)
      kind = "attended";
    else if ((c.kind == ContentKind::Paper && rng.chance(0.5)) || (c.kind == ContentKind::CaseStudy && rng.chance(0.6)))
      kind = "downloaded";
    out[File::Engaged].integer(static_cast<int64_t>(id)).integer(content).str(kind).datetime(at).end_row();
    if (kind == "downloaded") out.signal(File::PersonHasSignal, id, "download", at, content);
  }

  if (rng.chance(0.3)) {
    const int visits = static_cast<int>(rng.between(1, 3));
    for (int i = 0; i < visits; ++i)
      out.signal(File::PersonHasSignal, id, "visit", past(w, rng, rng.between(0, 179)),
                 static_cast<double>(rng.between(1, 15)));
  }

  // Events: four in ten people attended some; salespeople flock to
  // "Sales 2.0", marketing and customer success to "Customer Experience Live".
  std::array<uint64_t, 5> events{};
  int nevents = 0;
  if (p.dept == Department::Sales && rng.chance(0.08)) events[nevents++] = fixture::kSales20;
  if ((p.dept == Department::Marketing || p.dept == Department::CustomerSuccess) && rng.chance(0.06))
    events[nevents++] = fixture::kCxLive;
  if (!w.past_events().empty() && rng.chance(0.4)) {
    const int n = static_cast<int>(rng.between(1, 3));
    for (int i = 0; i < n; ++i) {
      const uint64_t e = w.event_by_popularity(rng);
      if (std::find(events.begin(), events.begin() + nevents, e) == events.begin() + nevents) events[nevents++] = e;
    }
  }
  for (int i = 0; i < nevents; ++i)
    out[File::Attended].integer(static_cast<int64_t>(id)).integer(static_cast<int64_t>(events[i])).end_row();
}

}  // namespace

void write_people(const World& w, Output& out, std::atomic<uint64_t>& done, const std::function<void()>& tick) {
  for (uint64_t id = 1; id <= w.people(); ++id) {
    const PersonCore p = w.person(id);
    if (const FixturePerson* f = find_fixture_person(id))
      write_fixture_person(w, out, *f, p);
    else
      write_random_person(w, out, id, p);
    if ((id & 1023) == 0) {
      done.store(id, std::memory_order_relaxed);
      tick();
    }
  }
  done.store(w.people(), std::memory_order_relaxed);
}

}  // namespace kith::demo
