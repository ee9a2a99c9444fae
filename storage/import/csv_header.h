// The header line of a `neo4j-admin database import` CSV file: what each
// column holds. `name:TYPE` is a property (STRING when the type is left out;
// `TYPE[]` is an array), `name:ID(Space)` the node's key in a key space,
// `:START_ID(Space)` / `:END_ID(Space)` a relationship's ends, `:LABEL` extra
// labels, `:TYPE` the relationship type and `:IGNORE` a column to skip.
// Type names are case-insensitive; space names are not.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kith::storage::import {

enum class ColumnKind { Property, Id, StartId, EndId, Label, Type, Ignore };

// INT, LONG, SHORT and BYTE load as Int (int64); FLOAT and DOUBLE as Double.
enum class FieldType { String, Int, Double, Bool, Date, DateTime };

struct Column {
  ColumnKind kind = ColumnKind::Property;
  // Property name; for an ID column the property that stores the key (empty:
  // the key is not stored as a property).
  std::string name;
  FieldType type = FieldType::String;
  bool array = false;
  std::string space;  // ID / START_ID / END_ID; empty = the global space
};

struct Header {
  std::vector<Column> columns;
  int id = -1;     // index of the ID column, -1 when none
  int start = -1;  // START_ID
  int end = -1;    // END_ID
  int type = -1;   // TYPE
};

// Parses one header field. Throws kith::Error(InvalidInput) with the reason.
Column parse_column(std::string_view field);

// Parses a whole header for a node file (`relationships` false) or a
// relationship file, and checks that the columns fit that kind of file: at
// most one ID and no START_ID/END_ID/TYPE in a node file; exactly one
// START_ID and one END_ID and no ID/LABEL in a relationship file; no property
// name twice. Throws kith::Error(InvalidInput) with the reason.
Header parse_header(std::span<const std::string_view> fields, bool relationships);

std::string_view field_type_name(FieldType t);

}  // namespace kith::storage::import
