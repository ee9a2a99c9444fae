#include "storage/import/csv_header.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "storage/error.h"

namespace kith::storage::import {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void fail(std::string message) {
  throw Error(ErrorCode::InvalidInput, std::move(message));
}

bool scalar_type(const std::string& name, FieldType& out) {
  static const std::pair<const char*, FieldType> kTypes[] = {
      {"STRING", FieldType::String}, {"CHAR", FieldType::String},
      {"INT", FieldType::Int},       {"LONG", FieldType::Int},
      {"SHORT", FieldType::Int},     {"BYTE", FieldType::Int},
      {"FLOAT", FieldType::Double},  {"DOUBLE", FieldType::Double},
      {"BOOLEAN", FieldType::Bool},  {"DATE", FieldType::Date},
      {"DATETIME", FieldType::DateTime},
  };
  for (const auto& [n, t] : kTypes) {
    if (name == n) {
      out = t;
      return true;
    }
  }
  return false;
}

// "ID(Person)" -> kind Id, space "Person"; returns false if `spec` is not a
// key column.
bool key_column(std::string_view spec, std::string_view field, Column& col) {
  static const std::pair<const char*, ColumnKind> kKeys[] = {
      {"ID", ColumnKind::Id}, {"START_ID", ColumnKind::StartId}, {"END_ID", ColumnKind::EndId}};
  size_t paren = spec.find('(');
  std::string word = upper(spec.substr(0, paren));
  for (const auto& [n, kind] : kKeys) {
    if (word != n) continue;
    col.kind = kind;
    if (paren != std::string_view::npos) {
      if (spec.back() != ')') fail("column '" + std::string(field) + "': missing ')' after the key space");
      col.space = std::string(spec.substr(paren + 1, spec.size() - paren - 2));
      if (col.space.empty()) fail("column '" + std::string(field) + "': empty key space name");
    }
    return true;
  }
  return false;
}

}  // namespace

std::string_view field_type_name(FieldType t) {
  switch (t) {
    case FieldType::String: return "STRING";
    case FieldType::Int: return "INT";
    case FieldType::Double: return "DOUBLE";
    case FieldType::Bool: return "BOOLEAN";
    case FieldType::Date: return "DATE";
    case FieldType::DateTime: return "DATETIME";
  }
  return "?";
}

Column parse_column(std::string_view field) {
  Column col;
  // The type follows the last ':' outside parentheses, so a key space name
  // may contain ':' and a property name may too when a type is given.
  size_t colon = std::string_view::npos;
  int depth = 0;
  for (size_t i = field.size(); i-- > 0;) {
    if (field[i] == ')') ++depth;
    else if (field[i] == '(') --depth;
    else if (field[i] == ':' && depth <= 0) {
      colon = i;
      break;
    }
  }
  if (colon == std::string_view::npos) {
    if (field.empty()) fail("empty column name in the header");
    col.name = std::string(field);  // no type: a STRING property
    return col;
  }
  col.name = std::string(field.substr(0, colon));
  std::string_view spec = field.substr(colon + 1);
  std::string word = upper(spec);

  if (key_column(spec, field, col)) {
    if (col.kind != ColumnKind::Id) col.name.clear();
    return col;
  }
  if (word == "LABEL") {
    col.kind = ColumnKind::Label;
    col.name.clear();
    return col;
  }
  if (word == "TYPE") {
    col.kind = ColumnKind::Type;
    col.name.clear();
    return col;
  }
  if (word == "IGNORE") {
    col.kind = ColumnKind::Ignore;
    col.name.clear();
    return col;
  }
  if (word.size() > 2 && word.ends_with("[]")) {
    col.array = true;
    word.resize(word.size() - 2);
  }
  if (!scalar_type(word, col.type)) {
    fail("column '" + std::string(field) + "': unknown type '" + std::string(spec) +
         "' (expected STRING, INT, LONG, FLOAT, DOUBLE, BOOLEAN, DATE, DATETIME, an array "
         "TYPE[], ID, START_ID, END_ID, LABEL, TYPE or IGNORE)");
  }
  if (col.name.empty()) fail("column '" + std::string(field) + "': a property column needs a name");
  return col;
}

Header parse_header(std::span<const std::string_view> fields, bool relationships) {
  Header h;
  std::set<std::string, std::less<>> names;
  const char* file_kind = relationships ? "a relationship file" : "a node file";
  for (std::string_view f : fields) {
    Column col = parse_column(f);
    int index = static_cast<int>(h.columns.size());
    auto only_once = [&](int& slot, const char* what) {
      if (slot >= 0) fail(std::string("two ") + what + " columns in the header");
      slot = index;
    };
    switch (col.kind) {
      case ColumnKind::Id:
        if (relationships) fail(std::string("an ID column ('") + std::string(f) + "') in " + file_kind);
        only_once(h.id, "ID");
        break;
      case ColumnKind::StartId:
      case ColumnKind::EndId:
        if (!relationships) fail(std::string("a START_ID/END_ID column ('") + std::string(f) + "') in " + file_kind);
        only_once(col.kind == ColumnKind::StartId ? h.start : h.end,
                  col.kind == ColumnKind::StartId ? "START_ID" : "END_ID");
        break;
      case ColumnKind::Type:
        if (!relationships) fail(std::string("a TYPE column in ") + file_kind);
        only_once(h.type, "TYPE");
        break;
      case ColumnKind::Label:
        if (relationships) fail(std::string("a LABEL column in ") + file_kind);
        break;
      case ColumnKind::Property:
      case ColumnKind::Ignore:
        break;
    }
    if (!col.name.empty() && !names.insert(col.name).second) {
      fail("property '" + col.name + "' appears twice in the header");
    }
    h.columns.push_back(std::move(col));
  }
  if (relationships && (h.start < 0 || h.end < 0)) {
    fail("a relationship file needs a :START_ID and an :END_ID column");
  }
  return h;
}

}  // namespace kith::storage::import
