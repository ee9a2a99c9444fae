// Temporal values beyond what storage needs: ISO 8601 durations and the
// fields a query reads off a temporal value (d.year, t.hour, dur.days, ...).
#pragma once

#include <string_view>

#include "storage/value.h"

namespace kith::engine {

// "P1Y2M3W4DT5H6M7.5S", "PT90M", "-P1D"; years are 12 months, weeks 7 days.
bool parse_duration(std::string_view text, Duration& out);

// Fields of dates (year, month, day, dayOfWeek (1 = Monday), dayOfYear,
// quarter, epochDays), datetimes (those plus hour, minute, second,
// millisecond, microsecond, epochSeconds, epochMillis) and durations
// (months, days, seconds, milliseconds, microseconds, years, weeks, hours,
// minutes). Null for a field the kind does not have.
Value temporal_field(const Value& v, std::string_view field);

}  // namespace kith::engine
