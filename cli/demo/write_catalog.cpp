// Topics, contents (with ABOUT) and events.
#include <algorithm>
#include <cctype>

#include "cli/demo/civil_time.h"
#include "cli/demo/fixtures.h"
#include "cli/demo/output.h"

namespace kith::demo {

namespace {

std::string capitalised(std::string_view word) {
  std::string s(word);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Puts `word` in place of "{}"; a title starts with a capital even when the
// topic ("churn") does not.
std::string fill(std::string_view pattern, std::string_view word) {
  std::string s(pattern);
  const size_t at = s.find("{}");
  if (at != std::string::npos) s.replace(at, 2, word);
  return capitalised(s);
}

int year_of(int64_t seconds) {
  char buf[24];
  write_date(buf, seconds / kSecondsPerDay);
  return std::stoi(std::string(buf, 4));
}

std::string content_title(const World& world, uint32_t id, const ContentCore& c) {
  for (const FixtureContent& f : fixture_contents())
    if (f.id == id) return std::string(f.title);
  Rng rng(world.seed(), Stream::ContentTitle, id);
  const std::string_view topic = kTopics[c.topics[0]];
  switch (c.kind) {
    case ContentKind::Paper: return fill(kPaperTitles[rng.below(kPaperTitles.size())], topic);
    case ContentKind::Webinar: return fill(kWebinarTitles[rng.below(kWebinarTitles.size())], capitalised(topic));
    case ContentKind::Post: return fill(kPostTitles[rng.below(kPostTitles.size())], topic);
    case ContentKind::CaseStudy: {
      // Case studies tell a (random) customer's story.
      const uint32_t company = static_cast<uint32_t>(rng.below(world.companies())) + 1;
      return fill(kCaseStudyTitles[rng.below(kCaseStudyTitles.size())], world.company_name(company));
    }
  }
  return {};
}

}  // namespace

void write_catalog(const World& world, Output& out) {
  for (size_t t = 0; t < kTopics.size(); ++t)
    out[File::Topic].integer(static_cast<int64_t>(t + 1)).str(kTopics[t]).end_row();

  for (uint32_t id = 1; id <= world.contents(); ++id) {
    const ContentCore c = world.content(id);
    out[File::Content].integer(id).str(content_title(world, id, c)).str(content_kind_name(c.kind));
    out[File::Content].date(c.published).end_row();
    for (int i = 0; i < c.ntopics; ++i) out[File::About].integer(id).integer(c.topics[i] + 1).end_row();
  }

  for (uint32_t id = 1; id <= world.events(); ++id) {
    const EventCore e = world.event(id);
    std::string name;
    for (const FixtureEvent& f : fixture_events())
      if (f.id == id) name = f.name;
    if (name.empty()) {
      Rng rng(world.seed(), Stream::Event, ~static_cast<uint64_t>(id));
      const std::string topic = capitalised(kTopics[e.topic]);
      name = e.conference
                 ? fill(kConferenceNames[rng.below(kConferenceNames.size())], topic) + " " +
                       std::to_string(year_of(e.at))
                 : fill(kWebinarEventNames[rng.below(kWebinarEventNames.size())], topic) + " #" +
                       std::to_string(id);
    }
    out[File::Event].integer(id).str(name).str(e.conference ? "conference" : "webinar").datetime(e.at).end_row();
  }
}

}  // namespace kith::demo
