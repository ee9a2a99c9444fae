// Cypher's arithmetic operators over values. Null in, null out; int64
// overflow and integer division by zero are ArithmeticErrors; operands of
// kinds an operator does not take are TypeErrors naming both kinds.
#pragma once

#include "storage/value.h"

namespace kith::engine {

Value add(const Value& a, const Value& b);       // numbers, string/list concatenation, temporal + duration
Value subtract(const Value& a, const Value& b);  // numbers, temporal - duration, duration - duration
Value multiply(const Value& a, const Value& b);
Value divide(const Value& a, const Value& b);    // int / int truncates toward zero
Value modulo(const Value& a, const Value& b);
Value power(const Value& a, const Value& b);     // always a double
Value negate(const Value& a);

// Calendar arithmetic: months first (the day is clamped to the month's
// length: Jan 31 + 1 month = Feb 28/29), then days, then the exact part.
DateTime add_duration(DateTime t, const Duration& d);
Date add_duration(Date t, const Duration& d);  // the sub-day part is dropped
Duration negate_duration(const Duration& d);

}  // namespace kith::engine
