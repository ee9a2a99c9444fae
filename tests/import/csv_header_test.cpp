// Header lines in the neo4j-admin format: every column kind and the errors.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "storage/error.h"
#include "storage/import/csv_header.h"

using namespace kith::storage::import;

namespace {

Header node_header(std::vector<std::string_view> fields) { return parse_header(fields, false); }
Header rel_header(std::vector<std::string_view> fields) { return parse_header(fields, true); }

std::string header_error(std::vector<std::string_view> fields, bool relationships) {
  try {
    parse_header(fields, relationships);
  } catch (const kith::Error& e) {
    CHECK(e.code() == kith::ErrorCode::InvalidInput);
    return e.message();
  }
  return "";
}

}  // namespace

TEST_CASE("property types, case-insensitive, STRING by default") {
  struct Case {
    const char* field;
    FieldType type;
    bool array;
    const char* name;
  };
  const Case cases[] = {
      {"name", FieldType::String, false, "name"},
      {"name:STRING", FieldType::String, false, "name"},
      {"n:string", FieldType::String, false, "n"},
      {"age:INT", FieldType::Int, false, "age"},
      {"age:LONG", FieldType::Int, false, "age"},
      {"s:short", FieldType::Int, false, "s"},
      {"b:BYTE", FieldType::Int, false, "b"},
      {"x:FLOAT", FieldType::Double, false, "x"},
      {"x:Double", FieldType::Double, false, "x"},
      {"ok:BOOLEAN", FieldType::Bool, false, "ok"},
      {"d:DATE", FieldType::Date, false, "d"},
      {"t:DATETIME", FieldType::DateTime, false, "t"},
      {"tags:STRING[]", FieldType::String, true, "tags"},
      {"scores:int[]", FieldType::Int, true, "scores"},
      {"ws:DOUBLE[]", FieldType::Double, true, "ws"},
      {"days:DATE[]", FieldType::Date, true, "days"},
      {"a:b:INT", FieldType::Int, false, "a:b"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field);
    Column col = parse_column(c.field);
    CHECK(col.kind == ColumnKind::Property);
    CHECK(col.type == c.type);
    CHECK(col.array == c.array);
    CHECK(col.name == c.name);
  }
}

TEST_CASE("key, label, type and ignore columns") {
  Column id = parse_column("id:ID(Person)");
  CHECK(id.kind == ColumnKind::Id);
  CHECK(id.name == "id");
  CHECK(id.space == "Person");
  Column anon = parse_column(":ID");
  CHECK(anon.kind == ColumnKind::Id);
  CHECK(anon.name.empty());
  CHECK(anon.space.empty());
  Column spaced = parse_column(":id(Tag:v2)");
  CHECK(spaced.kind == ColumnKind::Id);
  CHECK(spaced.space == "Tag:v2");
  Column start = parse_column(":START_ID(Comment)");
  CHECK(start.kind == ColumnKind::StartId);
  CHECK(start.space == "Comment");
  Column end = parse_column("to:END_ID");
  CHECK(end.kind == ColumnKind::EndId);
  CHECK(end.space.empty());
  CHECK(end.name.empty());
  CHECK(parse_column(":LABEL").kind == ColumnKind::Label);
  CHECK(parse_column(":TYPE").kind == ColumnKind::Type);
  CHECK(parse_column("junk:IGNORE").kind == ColumnKind::Ignore);
}

TEST_CASE("whole headers record where the key columns are") {
  Header n = node_header({"id:ID(Organisation)", ":LABEL", "name:STRING", "url:STRING"});
  CHECK(n.id == 0);
  CHECK(n.columns.size() == 4);
  CHECK(n.columns[1].kind == ColumnKind::Label);
  Header r = rel_header({":START_ID(Person)", ":END_ID(Organisation)", "workFrom:INT", ":TYPE"});
  CHECK(r.start == 0);
  CHECK(r.end == 1);
  CHECK(r.type == 3);
  CHECK(r.id == -1);
}

TEST_CASE("header errors") {
  CHECK(header_error({"x:FOO"}, false).find("unknown type 'FOO'") != std::string::npos);
  CHECK(header_error({"x:INT[][]"}, false).find("unknown type") != std::string::npos);
  CHECK(header_error({":INT"}, false).find("needs a name") != std::string::npos);
  CHECK(header_error({"a:ID(P)", "b:ID(P)"}, false).find("two ID columns") != std::string::npos);
  CHECK(header_error({"name", "name:INT"}, false).find("'name' appears twice") != std::string::npos);
  CHECK(header_error({":ID(P", "x"}, false).find("missing ')'") != std::string::npos);
  CHECK(header_error({":ID()"}, false).find("empty key space") != std::string::npos);
  CHECK(header_error({""}, false).find("empty column name") != std::string::npos);
  CHECK(header_error({":START_ID(P)", ":END_ID(P)"}, false).find("in a node file") != std::string::npos);
  CHECK(header_error({":ID", ":TYPE"}, false).find("TYPE column in a node file") != std::string::npos);
  CHECK(header_error({":START_ID(P)"}, true).find("needs a :START_ID and an :END_ID") != std::string::npos);
  CHECK(header_error({":START_ID", ":END_ID", ":START_ID"}, true).find("two START_ID") != std::string::npos);
  CHECK(header_error({":START_ID", ":END_ID", ":ID"}, true).find("ID column") != std::string::npos);
  CHECK(header_error({":START_ID", ":END_ID", ":LABEL"}, true).find("LABEL column") != std::string::npos);
  CHECK(header_error({":START_ID", ":END_ID", ":TYPE", ":TYPE"}, true).find("two TYPE") != std::string::npos);
}
