#include "engine/result_format.h"

#include <algorithm>

#include "storage/error.h"

namespace kith {

using nlohmann::json;

namespace {

json node_json(NodeId id, const QueryResult& r) {
  json j = {{"id", id}, {"labels", json::array()}, {"properties", json::object()}};
  if (auto it = r.nodes.find(id); it != r.nodes.end()) {
    j["labels"] = it->second.labels;
    for (const auto& [k, v] : it->second.properties) j["properties"][k] = value_to_json(v, r);
  }
  return j;
}

json rel_json(const RelRef& rel, const QueryResult& r) {
  json j = {{"id", rel.id}, {"type", ""}, {"start", rel.start}, {"end", rel.end},
            {"properties", json::object()}};
  if (auto it = r.rels.find(rel.id); it != r.rels.end()) {
    j["type"] = it->second.type;
    for (const auto& [k, v] : it->second.properties) j["properties"][k] = value_to_json(v, r);
  }
  return j;
}

std::string entity_props_text(const Value::Map& props, const QueryResult& r) {
  if (props.empty()) return "";
  std::string out = " {";
  bool first = true;
  for (const auto& [k, v] : props) {
    if (!first) out += ", ";
    first = false;
    out += k + ": " + (v.type() == ValueType::String ? v.to_string() : value_to_text(v, r));
  }
  return out + "}";
}

std::string node_text(NodeId id, const QueryResult& r) {
  std::string out = "(";
  if (auto it = r.nodes.find(id); it != r.nodes.end()) {
    for (const auto& l : it->second.labels) out += ":" + l;
    out += entity_props_text(it->second.properties, r);
  } else {
    out += "#" + std::to_string(id);
  }
  return out + ")";
}

std::string rel_text(const RelRef& rel, const QueryResult& r) {
  std::string out = "[";
  if (auto it = r.rels.find(rel.id); it != r.rels.end()) {
    out += ":" + it->second.type + entity_props_text(it->second.properties, r);
  } else {
    out += "#" + std::to_string(rel.id);
  }
  return out + "]";
}

// Display width in code points (close enough for a terminal table).
size_t width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string cut(const std::string& s, size_t max) {
  if (max == 0 || width(s) <= max) return s;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    if (n + 1 >= max) break;
    out.append(s, i, j - i);
    ++n;
    i = j;
  }
  return out + "…";
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

json value_to_json(const Value& v, const QueryResult& r) {
  switch (v.type()) {
    case ValueType::Null: return nullptr;
    case ValueType::Bool: return v.as_bool();
    case ValueType::Int: return v.as_int();
    case ValueType::Double: return v.as_double();
    case ValueType::String: return v.as_string();
    case ValueType::Date: return format_date(v.as_date());
    case ValueType::DateTime: return format_datetime(v.as_datetime());
    case ValueType::Duration: return format_duration(v.as_duration());
    case ValueType::List: {
      json a = json::array();
      for (const auto& e : v.as_list()) a.push_back(value_to_json(e, r));
      return a;
    }
    case ValueType::Map: {
      json o = json::object();
      for (const auto& [k, e] : v.as_map()) o[k] = value_to_json(e, r);
      return o;
    }
    case ValueType::Node: return node_json(v.as_node().id, r);
    case ValueType::Rel: return rel_json(v.as_rel(), r);
    case ValueType::Path: {
      json nodes = json::array(), rels = json::array();
      for (NodeId n : v.as_path().nodes) nodes.push_back(node_json(n, r));
      for (const RelRef& rel : v.as_path().rels) rels.push_back(rel_json(rel, r));
      return {{"nodes", nodes}, {"relationships", rels}};
    }
  }
  return nullptr;
}

json result_to_json(const QueryResult& result) {
  json rows = json::array();
  for (const auto& row : result.rows) {
    json jr = json::array();
    for (const auto& v : row) jr.push_back(value_to_json(v, result));
    rows.push_back(std::move(jr));
  }
  json out = {{"columns", result.columns},
              {"rows", std::move(rows)},
              {"stats", {{"rows", result.stats.rows}, {"elapsed_ms", result.stats.elapsed_ms}}}};
  if (!result.plan.empty()) out["plan"] = result.plan;
  return out;
}

Value json_to_value(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return {};
    case json::value_t::boolean: return j.get<bool>();
    case json::value_t::number_integer: return j.get<int64_t>();
    case json::value_t::number_unsigned: {
      const auto u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) {
        throw Error(ErrorCode::InvalidInput, "integer " + std::to_string(u) + " does not fit in INT64");
      }
      return static_cast<int64_t>(u);
    }
    case json::value_t::number_float: return j.get<double>();
    case json::value_t::string: return j.get<std::string>();
    case json::value_t::array: {
      Value::List l;
      for (const auto& e : j) l.push_back(json_to_value(e));
      return l;
    }
    case json::value_t::object: {
      Value::Map m;
      for (auto it = j.begin(); it != j.end(); ++it) m.emplace_back(it.key(), json_to_value(it.value()));
      std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      return m;
    }
    default: throw Error(ErrorCode::InvalidInput, "unsupported JSON value " + j.dump());
  }
}

Value parse_param_text(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return text;
  return json_to_value(j);
}

std::string value_to_text(const Value& v, const QueryResult& r) {
  switch (v.type()) {
    case ValueType::Null: return "null";
    case ValueType::String: return v.as_string();
    case ValueType::Date: return format_date(v.as_date());
    case ValueType::DateTime: return format_datetime(v.as_datetime());
    case ValueType::Duration: return format_duration(v.as_duration());
    case ValueType::Node: return node_text(v.as_node().id, r);
    case ValueType::Rel: return rel_text(v.as_rel(), r);
    case ValueType::Path: {
      const PathData& p = v.as_path();
      std::string out = node_text(p.nodes[0], r);
      for (size_t i = 0; i < p.rels.size(); ++i) {
        const bool forward = p.rels[i].start == p.nodes[i];
        out += forward ? "-" : "<-";
        out += rel_text(p.rels[i], r);
        out += forward ? "->" : "-";
        out += node_text(p.nodes[i + 1], r);
      }
      return out;
    }
    case ValueType::List: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        if (i) out += ", ";
        const Value& e = v.as_list()[i];
        out += e.type() == ValueType::String ? e.to_string() : value_to_text(e, r);
      }
      return out + "]";
    }
    case ValueType::Map: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, e] : v.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += k + ": " + (e.type() == ValueType::String ? e.to_string() : value_to_text(e, r));
      }
      return out + "}";
    }
    default: return v.to_string();
  }
}

std::string result_to_table(const QueryResult& result, const TableOptions& options) {
  const size_t n = result.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> types(n);
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (size_t i = 0; i < n; ++i) {
      line.push_back(cut(one_line(value_to_text(row[i], result)), options.max_width));
      if (!row[i].is_null()) {
        const std::string t(value_type_name(row[i].type()));
        types[i] = types[i].empty() || types[i] == t ? t : "ANY";
      }
    }
    cells.push_back(std::move(line));
  }
  std::vector<size_t> w(n);
  for (size_t i = 0; i < n; ++i) {
    w[i] = std::max(width(result.columns[i]), options.show_types ? width(types[i]) : 0);
    for (const auto& line : cells) w[i] = std::max(w[i], width(line[i]));
  }
  auto rule = [&] {
    std::string s = "+";
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = 0; k < w[i] + 2; ++k) s += "-";
      s += "+";
    }
    return s + "\n";
  };
  auto line = [&](const std::vector<std::string>& values) {
    std::string s = "|";
    for (size_t i = 0; i < n; ++i) {
      s += " " + values[i] + std::string(w[i] - width(values[i]), ' ') + " |";
    }
    return s + "\n";
  };
  std::string out = rule() + line(result.columns);
  if (options.show_types) out += line(types);
  out += rule();
  for (const auto& l : cells) out += line(l);
  if (!cells.empty()) out += rule();
  return out;
}

std::string result_to_csv(const QueryResult& result) {
  std::string out;
  for (size_t i = 0; i < result.columns.size(); ++i) {
    if (i) out += ',';
    out += csv_field(result.columns[i]);
  }
  out += "\r\n";
  for (const auto& row : result.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      if (!row[i].is_null()) out += csv_field(value_to_text(row[i], result));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace kith
