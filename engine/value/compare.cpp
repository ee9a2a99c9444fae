#include "engine/value/compare.h"

#include <bit>
#include <cmath>
#include <functional>
#include <string_view>

namespace kith::engine {

namespace {

bool is_number(ValueType t) { return t == ValueType::Int || t == ValueType::Double; }

double as_number(const Value& v) {
  return v.type() == ValueType::Int ? static_cast<double>(v.as_int()) : v.as_double();
}

int compare_numbers(const Value& a, const Value& b) {
  if (a.type() == ValueType::Int && b.type() == ValueType::Int) {
    return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
  }
  if (a.type() == ValueType::Int) return compare_int_double(a.as_int(), b.as_double());
  if (b.type() == ValueType::Int) return -compare_int_double(b.as_int(), a.as_double());
  const double x = a.as_double(), y = b.as_double();
  return x < y ? -1 : (x > y ? 1 : 0);
}

template <typename T>
int three_way(const T& x, const T& y) {
  return x < y ? -1 : (y < x ? 1 : 0);
}

// Rank of a kind in ORDER BY's total order.
int order_rank(ValueType t) {
  switch (t) {
    case ValueType::Map: return 0;
    case ValueType::Node: return 1;
    case ValueType::Rel: return 2;
    case ValueType::List: return 3;
    case ValueType::Path: return 4;
    case ValueType::DateTime: return 5;
    case ValueType::Date: return 6;
    case ValueType::Duration: return 7;
    case ValueType::String: return 8;
    case ValueType::Bool: return 9;
    case ValueType::Int:
    case ValueType::Double: return 10;
    case ValueType::Null: return 11;
  }
  return 11;
}

int order_durations(const Duration& a, const Duration& b) {
  if (int c = three_way(a.months, b.months)) return c;
  if (int c = three_way(a.days, b.days)) return c;
  return three_way(a.micros, b.micros);
}

size_t mix(size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }

}  // namespace

Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::Null || b == Tri::Null) return Tri::Null;
  return Tri::True;
}

Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::Null || b == Tri::Null) return Tri::Null;
  return Tri::False;
}

Tri tri_xor(Tri a, Tri b) {
  if (a == Tri::Null || b == Tri::Null) return Tri::Null;
  return tri(a != b);
}

Tri tri_not(Tri a) {
  if (a == Tri::Null) return Tri::Null;
  return a == Tri::True ? Tri::False : Tri::True;
}

Tri equals(const Value& a, const Value& b) {
  const ValueType ta = a.type(), tb = b.type();
  if (ta == ValueType::Null || tb == ValueType::Null) return Tri::Null;
  if (is_number(ta) && is_number(tb)) {
    if ((ta == ValueType::Double && std::isnan(a.as_double())) ||
        (tb == ValueType::Double && std::isnan(b.as_double()))) {
      return Tri::False;
    }
    return tri(compare_numbers(a, b) == 0);
  }
  if (ta != tb) return Tri::False;
  if (ta == ValueType::List) {
    const auto& x = a.as_list();
    const auto& y = b.as_list();
    if (x.size() != y.size()) return Tri::False;
    Tri result = Tri::True;
    for (size_t i = 0; i < x.size(); ++i) {
      result = tri_and(result, equals(x[i], y[i]));
      if (result == Tri::False) return Tri::False;
    }
    return result;
  }
  if (ta == ValueType::Map) {
    const auto& x = a.as_map();
    const auto& y = b.as_map();
    if (x.size() != y.size()) return Tri::False;
    Tri result = Tri::True;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].first != y[i].first) return Tri::False;
      result = tri_and(result, equals(x[i].second, y[i].second));
      if (result == Tri::False) return Tri::False;
    }
    return result;
  }
  return tri(a == b);
}

std::optional<int> compare(const Value& a, const Value& b) {
  const ValueType ta = a.type(), tb = b.type();
  if (ta == ValueType::Null || tb == ValueType::Null) return std::nullopt;
  if (is_number(ta) && is_number(tb)) {
    if ((ta == ValueType::Double && std::isnan(a.as_double())) ||
        (tb == ValueType::Double && std::isnan(b.as_double()))) {
      return std::nullopt;
    }
    return compare_numbers(a, b);
  }
  if (ta != tb) return std::nullopt;
  switch (ta) {
    case ValueType::Bool: return three_way(a.as_bool(), b.as_bool());
    case ValueType::String: return three_way(std::string_view(a.as_string()), std::string_view(b.as_string()));
    case ValueType::Date: return three_way(a.as_date().days, b.as_date().days);
    case ValueType::DateTime: return three_way(a.as_datetime().micros, b.as_datetime().micros);
    case ValueType::List: {
      const auto& x = a.as_list();
      const auto& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        auto c = compare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return three_way(x.size(), y.size());
    }
    // Durations have no natural order (is 1 month more than 30 days?);
    // entities and maps are not ordered by < either.
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path:
    case ValueType::Duration:
    case ValueType::Null:
    case ValueType::Int:
    case ValueType::Double: return std::nullopt;
  }
  return std::nullopt;
}

int order(const Value& a, const Value& b) {
  const int ra = order_rank(a.type()), rb = order_rank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case ValueType::Null: return 0;
    case ValueType::Int:
    case ValueType::Double: {
      const bool na = a.type() == ValueType::Double && std::isnan(a.as_double());
      const bool nb = b.type() == ValueType::Double && std::isnan(b.as_double());
      if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
      return compare_numbers(a, b);
    }
    case ValueType::List: {
      const auto& x = a.as_list();
      const auto& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = order(x[i], y[i])) return c;
      }
      return three_way(x.size(), y.size());
    }
    case ValueType::Duration: return order_durations(a.as_duration(), b.as_duration());
    case ValueType::Node: return three_way(a.as_node().id, b.as_node().id);
    case ValueType::Rel: return three_way(a.as_rel().id, b.as_rel().id);
    case ValueType::Map: {
      const auto& x = a.as_map();
      const auto& y = b.as_map();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = three_way(x[i].first, y[i].first)) return c;
        if (int c = order(x[i].second, y[i].second)) return c;
      }
      return three_way(x.size(), y.size());
    }
    case ValueType::Path: {
      const auto& x = a.as_path();
      const auto& y = b.as_path();
      for (size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
        if (int c = three_way(x.nodes[i], y.nodes[i])) return c;
      }
      if (int c = three_way(x.nodes.size(), y.nodes.size())) return c;
      for (size_t i = 0; i < x.rels.size(); ++i) {
        if (int c = three_way(x.rels[i].id, y.rels[i].id)) return c;
      }
      return 0;
    }
    case ValueType::Bool:
    case ValueType::String:
    case ValueType::Date:
    case ValueType::DateTime: return *compare(a, b);
  }
  return 0;
}

bool same_group(const Value& a, const Value& b) {
  const ValueType ta = a.type(), tb = b.type();
  if (is_number(ta) && is_number(tb)) return order(a, b) == 0;
  if (ta != tb) return false;
  if (ta == ValueType::List) {
    const auto& x = a.as_list();
    const auto& y = b.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!same_group(x[i], y[i])) return false;
    }
    return true;
  }
  if (ta == ValueType::Map) {
    const auto& x = a.as_map();
    const auto& y = b.as_map();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].first != y[i].first || !same_group(x[i].second, y[i].second)) return false;
    }
    return true;
  }
  return a == b;
}

size_t group_hash(const Value& v) {
  switch (v.type()) {
    case ValueType::Null: return 0x5bd1e995;
    case ValueType::Bool: return v.as_bool() ? 0x27d4eb2f : 0x165667b1;
    case ValueType::Int:
    case ValueType::Double: {
      // Equal numbers hash alike whatever their kind: hash whole numbers as
      // integers and everything else by its bits.
      const double d = as_number(v);
      if (v.type() == ValueType::Int) return std::hash<int64_t>{}(v.as_int());
      if (std::isnan(d)) return 0x7ff8;
      if (d == std::floor(d) && std::fabs(d) < 9.2e18) {
        return std::hash<int64_t>{}(static_cast<int64_t>(d));
      }
      return std::hash<uint64_t>{}(std::bit_cast<uint64_t>(d));
    }
    case ValueType::String: return std::hash<std::string_view>{}(v.as_string());
    case ValueType::Date: return mix(0xda7e, std::hash<int32_t>{}(v.as_date().days));
    case ValueType::DateTime: return mix(0xd7, std::hash<int64_t>{}(v.as_datetime().micros));
    case ValueType::Duration: {
      const auto& d = v.as_duration();
      return mix(mix(mix(0xd0, std::hash<int64_t>{}(d.months)), std::hash<int64_t>{}(d.days)),
                 std::hash<int64_t>{}(d.micros));
    }
    case ValueType::List: {
      size_t h = 0x11;
      for (const auto& e : v.as_list()) h = mix(h, group_hash(e));
      return h;
    }
    case ValueType::Map: {
      size_t h = 0x3a;
      for (const auto& [k, e] : v.as_map()) h = mix(mix(h, std::hash<std::string>{}(k)), group_hash(e));
      return h;
    }
    case ValueType::Node: return mix(0x40de, std::hash<uint64_t>{}(v.as_node().id));
    case ValueType::Rel: return mix(0x4e1, std::hash<uint64_t>{}(v.as_rel().id));
    case ValueType::Path: {
      size_t h = 0x9a7;
      for (NodeId n : v.as_path().nodes) h = mix(h, std::hash<uint64_t>{}(n));
      for (const auto& r : v.as_path().rels) h = mix(h, std::hash<uint64_t>{}(r.id));
      return h;
    }
  }
  return 0;
}

}  // namespace kith::engine
