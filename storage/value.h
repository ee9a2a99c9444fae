// Property values: what a node or relationship property can hold (DESIGN.md
// section 1). The query engine builds its runtime values (nodes, paths, maps)
// on top of these; storage only ever sees these kinds.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "storage/ids.h"

namespace kith {

// Days since 1970-01-01 (proleptic Gregorian).
struct Date {
  int32_t days = 0;
  friend bool operator==(Date, Date) = default;
  friend auto operator<=>(Date, Date) = default;
};

// Microseconds since 1970-01-01T00:00:00Z. Datetimes without a zone are UTC.
struct DateTime {
  int64_t micros = 0;
  friend bool operator==(DateTime, DateTime) = default;
  friend auto operator<=>(DateTime, DateTime) = default;
};

// Calendar-aware duration, as in Cypher: months and days are kept apart from
// the exact part because their length depends on the date they are added to.
struct Duration {
  int64_t months = 0;
  int64_t days = 0;
  int64_t micros = 0;
  friend bool operator==(const Duration&, const Duration&) = default;
};

// A node or relationship as a query value: a reference by id. Relationships
// carry their type and ends so direction checks and path output need no read.
struct NodeRef {
  NodeId id = 0;
  friend bool operator==(NodeRef, NodeRef) = default;
};

struct RelRef {
  RelId id = 0;
  RelTypeId type = 0;
  NodeId start = 0;
  NodeId end = 0;
  friend bool operator==(const RelRef& a, const RelRef& b) { return a.id == b.id; }
};

// A path: nodes[i] and nodes[i+1] are joined by rels[i] (in either direction).
struct PathData {
  std::vector<NodeId> nodes;
  std::vector<RelRef> rels;
  friend bool operator==(const PathData&, const PathData&) = default;
};

// The first nine kinds are property values (storable); Map, Node, Rel and
// Path exist only while a query runs.
enum class ValueType : uint8_t {
  Null = 0, Bool, Int, Double, String, Date, DateTime, Duration, List, Map, Node, Rel, Path,
};

inline bool is_storable(ValueType t) { return t <= ValueType::List; }

std::string_view value_type_name(ValueType t);  // "NULL", "BOOL", "INT64", ...

class Value {
 public:
  using List = std::vector<Value>;
  // Entries sorted by key, keys unique.
  using Map = std::vector<std::pair<std::string, Value>>;

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int v) : v_(int64_t{v}) {}
  Value(int64_t v) : v_(v) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Date d) : v_(d) {}
  Value(DateTime d) : v_(d) {}
  Value(Duration d) : v_(d) {}
  Value(List l) : v_(std::move(l)) {}
  Value(Map m) : v_(std::move(m)) {}
  Value(NodeRef n) : v_(n) {}
  Value(RelRef r) : v_(r) {}
  Value(PathData p) : v_(std::make_shared<const PathData>(std::move(p))) {}

  // A node or relationship assigned over a value of the same kind is
  // stored in place, not destroyed and rebuilt through the variant's
  // dispatch: an Expand writes one into the same slot on every row.
  Value& operator=(NodeRef n) {
    if (auto* p = std::get_if<NodeRef>(&v_)) {
      *p = n;
    } else {
      v_ = n;
    }
    return *this;
  }
  Value& operator=(const RelRef& r) {
    if (auto* p = std::get_if<RelRef>(&v_)) {
      *p = r;
    } else {
      v_ = r;
    }
    return *this;
  }

  ValueType type() const { return static_cast<ValueType>(v_.index()); }
  bool is_null() const { return v_.index() == 0; }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  DateTime as_datetime() const { return std::get<DateTime>(v_); }
  const Duration& as_duration() const { return std::get<Duration>(v_); }
  const List& as_list() const { return std::get<List>(v_); }
  List& as_list() { return std::get<List>(v_); }
  const Map& as_map() const { return std::get<Map>(v_); }
  NodeRef as_node() const { return std::get<NodeRef>(v_); }
  const RelRef& as_rel() const { return std::get<RelRef>(v_); }
  const PathData& as_path() const { return *std::get<std::shared_ptr<const PathData>>(v_); }
  // Null when the map has no such key.
  const Value* map_get(std::string_view key) const;

  // Structural equality (null == null here; Cypher's three-valued equality is
  // the engine's business, not storage's).
  friend bool operator==(const Value& a, const Value& b);

  // A readable literal: 42, 1.5, "text", date('2026-01-01'), [1, 2], null,
  // {a: 1}, (#12), [#5], <(#1)-[#5]->(#2)>.
  std::string to_string() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date, DateTime,
               Duration, List, Map, NodeRef, RelRef, std::shared_ptr<const PathData>>
      v_;
};

// Calendar helpers shared by import, the engine and tests.
struct Civil {
  int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);  // since 1970-01-01
Civil civil_from_days(int64_t days);
unsigned days_in_month(int64_t year, unsigned month);

// Parse "YYYY-MM-DD"; returns false on malformed input.
bool parse_date(std::string_view text, Date& out);
// Parse "YYYY-MM-DD[Thh:mm[:ss[.fff...]]][Z|+hh:mm|-hh:mm]"; no zone means UTC.
bool parse_datetime(std::string_view text, DateTime& out);
std::string format_date(Date d);          // "2026-01-31"
std::string format_datetime(DateTime t);  // "2026-01-31T10:00:00Z", with .ffffff only when non-zero
std::string format_duration(const Duration& d);  // ISO 8601: "P1M2DT3.5S"

}  // namespace kith
