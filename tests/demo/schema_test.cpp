// Every file has exactly the labels, types and property names of DESIGN.md
// section 1, with the neo4j-admin types `kith import` reads.
#include <doctest/doctest.h>

#include <map>

#include "demo_data_set.h"

using namespace kith::demo::test;

TEST_CASE("headers carry the DESIGN vocabulary with typed columns") {
  const std::map<std::string, std::string> expected = {
      {"Person.csv",
       "id:ID(Person),name:STRING,email:STRING,title:STRING,seniority:STRING,location:STRING,"
       "optInEmail:BOOLEAN,optInIntro:BOOLEAN"},
      {"Company.csv", "id:ID(Company),name:STRING,domain:STRING,industry:STRING,size:INT,country:STRING"},
      {"Topic.csv", "id:ID(Topic),name:STRING"},
      {"Content.csv", "id:ID(Content),title:STRING,kind:STRING,published:DATE"},
      {"Signal.csv", "id:ID(Signal),kind:STRING,at:DATETIME,value:DOUBLE"},
      {"Event.csv", "id:ID(Event),name:STRING,kind:STRING,at:DATETIME"},
      {"Person_KNOWS_Person.csv",
       ":START_ID(Person),:END_ID(Person),strength:DOUBLE,since:DATE,lastContact:DATETIME,interactions:INT"},
      {"Person_WORKS_AT_Company.csv", ":START_ID(Person),:END_ID(Company),title:STRING,since:DATE,until:DATE"},
      {"Person_INTERESTED_IN_Topic.csv", ":START_ID(Person),:END_ID(Topic),score:DOUBLE"},
      {"Person_ENGAGED_Content.csv", ":START_ID(Person),:END_ID(Content),kind:STRING,at:DATETIME"},
      {"Content_ABOUT_Topic.csv", ":START_ID(Content),:END_ID(Topic)"},
      {"Company_HAS_SIGNAL_Signal.csv", ":START_ID(Company),:END_ID(Signal)"},
      {"Person_HAS_SIGNAL_Signal.csv", ":START_ID(Person),:END_ID(Signal)"},
      {"Person_ATTENDED_Event.csv", ":START_ID(Person),:END_ID(Event)"},
      {"Company_CUSTOMER_OF_Company.csv", ":START_ID(Company),:END_ID(Company),since:DATE,plan:STRING"},
  };
  const DemoData& d = small_demo();
  for (const auto& [file, header] : expected) {
    const std::string text = read_file(d.dir.path() / file);
    CHECK_MESSAGE(text.substr(0, text.find('\n')) == header, file);
  }
  CHECK(d.tables.size() == expected.size());
}

TEST_CASE("import.args names every file with its label or type") {
  const std::string args = read_file(small_demo().dir.path() / "import.args");
  CHECK(args ==
        "--nodes=Person=Person.csv\n"
        "--nodes=Company=Company.csv\n"
        "--nodes=Topic=Topic.csv\n"
        "--nodes=Content=Content.csv\n"
        "--nodes=Signal=Signal.csv\n"
        "--nodes=Event=Event.csv\n"
        "--relationships=KNOWS=Person_KNOWS_Person.csv\n"
        "--relationships=WORKS_AT=Person_WORKS_AT_Company.csv\n"
        "--relationships=INTERESTED_IN=Person_INTERESTED_IN_Topic.csv\n"
        "--relationships=ENGAGED=Person_ENGAGED_Content.csv\n"
        "--relationships=ABOUT=Content_ABOUT_Topic.csv\n"
        "--relationships=HAS_SIGNAL=Company_HAS_SIGNAL_Signal.csv,Person_HAS_SIGNAL_Signal.csv\n"
        "--relationships=ATTENDED=Person_ATTENDED_Event.csv\n"
        "--relationships=CUSTOMER_OF=Company_CUSTOMER_OF_Company.csv\n");
}

TEST_CASE("values parse as their column types") {
  const DemoData& d = small_demo();
  for (const auto& [file, table] : d.tables) {
    for (size_t c = 0; c < table.header.size(); ++c) {
      const std::string& h = table.header[c];
      const std::string type = h.substr(h.find(':') + 1);
      for (const auto& row : table.rows) {
        REQUIRE_MESSAGE(row.size() == table.header.size(), file);
        const std::string& v = row[c];
        if (v.empty()) {
          // Only optional properties may be absent.
          CHECK_MESSAGE((h == "until:DATE" || h.rfind("optIn", 0) == 0), file << " " << h);
          continue;
        }
        if (type == "INT" || type.rfind("ID(", 0) == 0 || type.rfind("START_ID", 0) == 0 ||
            type.rfind("END_ID", 0) == 0) {
          CHECK_MESSAGE(v.find_first_not_of("0123456789") == std::string::npos, file << " " << h << " " << v);
        } else if (type == "DOUBLE") {
          size_t used = 0;
          (void)std::stod(v, &used);
          CHECK(used == v.size());
        } else if (type == "BOOLEAN") {
          CHECK((v == "true" || v == "false"));
        } else if (type == "DATE") {
          CHECK_MESSAGE((v.size() == 10 && v[4] == '-' && v[7] == '-'), v);
        } else if (type == "DATETIME") {
          CHECK_MESSAGE((v.size() == 20 && v[10] == 'T' && v[19] == 'Z'), v);
        }
      }
    }
  }
}

TEST_CASE("fields with commas and quotes are quoted per RFC 4180") {
  const DemoData& d = small_demo();
  const std::string content = read_file(d.dir.path() / "Content.csv");
  CHECK(content.find("\"Permission Marketing, Explained\"") != std::string::npos);
  // A title with quotes inside is written with doubled quotes and reads back intact.
  bool quoted_title = false;
  for (const auto& row : d["Content.csv"].rows) quoted_title |= row[1].find("\"Good Enough\"") != std::string::npos;
  CHECK(quoted_title);
  CHECK(content.find("\"Why \"\"Good Enough\"\"") != std::string::npos);
}
