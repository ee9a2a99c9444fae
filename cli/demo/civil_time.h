// Dates and datetimes of the demo data: days and seconds since 1970-01-01 UTC,
// written in the forms `kith import` reads (DATE "2026-11-01", DATETIME
// "2026-11-01T09:30:00Z").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kith::demo {

constexpr int64_t kSecondsPerDay = 86400;

// Writes "YYYY-MM-DD" (10 chars) to out; returns the end.
char* write_date(char* out, int64_t days);
// Writes "YYYY-MM-DDThh:mm:ssZ" (20 chars) to out; returns the end.
char* write_datetime(char* out, int64_t seconds);
std::string format_datetime(int64_t seconds);

// Parses "YYYY-MM-DD" or "YYYY-MM-DDThh:mm[:ss][Z]" (UTC) to seconds since the epoch.
std::optional<int64_t> parse_utc(std::string_view text);

}  // namespace kith::demo
