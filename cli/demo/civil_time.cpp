#include "cli/demo/civil_time.h"

#include <chrono>
#include <cstdio>

namespace kith::demo {

namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

void two_digits(char* out, unsigned v) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

char* write_date(char* out, int64_t days) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  const int y = static_cast<int>(ymd.year());
  // The demo spans a few decades around `now`: four-digit years only.
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  two_digits(out + 2, static_cast<unsigned>(y % 100));
  out[4] = '-';
  two_digits(out + 5, static_cast<unsigned>(ymd.month()));
  out[7] = '-';
  two_digits(out + 8, static_cast<unsigned>(ymd.day()));
  return out + 10;
}

char* write_datetime(char* out, int64_t seconds) {
  const int64_t days = floor_div(seconds, kSecondsPerDay);
  const int64_t rest = seconds - days * kSecondsPerDay;
  char* p = write_date(out, days);
  *p++ = 'T';
  two_digits(p, static_cast<unsigned>(rest / 3600));
  p[2] = ':';
  two_digits(p + 3, static_cast<unsigned>(rest / 60 % 60));
  p[5] = ':';
  two_digits(p + 6, static_cast<unsigned>(rest % 60));
  p[8] = 'Z';
  return p + 9;
}

std::string format_datetime(int64_t seconds) {
  char buf[24];
  return std::string(buf, write_datetime(buf, seconds));
}

std::optional<int64_t> parse_utc(std::string_view text) {
  using namespace std::chrono;
  const std::string s(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, n = 0;
  const int got = std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n);
  if (got < 3 || n != 10) return std::nullopt;
  size_t pos = 10;
  if (pos < s.size()) {
    int m = 0;
    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d%n", &h, &mi, &m) != 2 || m != 5) return std::nullopt;
    pos += 1 + m;
    if (pos < s.size() && s[pos] == ':') {
      if (std::sscanf(s.c_str() + pos + 1, "%2d%n", &sec, &m) != 1 || m != 2) return std::nullopt;
      pos += 3;
    }
    if (pos < s.size() && s[pos] == 'Z') ++pos;
    if (pos != s.size()) return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  return static_cast<int64_t>(sys_days{ymd}.time_since_epoch().count()) * kSecondsPerDay + h * 3600 +
         mi * 60 + sec;
}

}  // namespace kith::demo
