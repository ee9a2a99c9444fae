#include "cli/demo/schema.h"

namespace kith::demo {

namespace {

constexpr FileSpec files[] = {
    {File::Person, "Person.csv",
     "id:ID(Person),name:STRING,email:STRING,title:STRING,seniority:STRING,location:STRING,"
     "optInEmail:BOOLEAN,optInIntro:BOOLEAN",
     true, "Person"},
    {File::Company, "Company.csv",
     "id:ID(Company),name:STRING,domain:STRING,industry:STRING,size:INT,country:STRING", true, "Company"},
    {File::Topic, "Topic.csv", "id:ID(Topic),name:STRING", true, "Topic"},
    {File::Content, "Content.csv", "id:ID(Content),title:STRING,kind:STRING,published:DATE", true, "Content"},
    {File::Signal, "Signal.csv", "id:ID(Signal),kind:STRING,at:DATETIME,value:DOUBLE", true, "Signal"},
    {File::Event, "Event.csv", "id:ID(Event),name:STRING,kind:STRING,at:DATETIME", true, "Event"},
    {File::Knows, "Person_KNOWS_Person.csv",
     ":START_ID(Person),:END_ID(Person),strength:DOUBLE,since:DATE,lastContact:DATETIME,interactions:INT",
     false, "KNOWS"},
    {File::WorksAt, "Person_WORKS_AT_Company.csv",
     ":START_ID(Person),:END_ID(Company),title:STRING,since:DATE,until:DATE", false, "WORKS_AT"},
    {File::InterestedIn, "Person_INTERESTED_IN_Topic.csv", ":START_ID(Person),:END_ID(Topic),score:DOUBLE",
     false, "INTERESTED_IN"},
    {File::Engaged, "Person_ENGAGED_Content.csv", ":START_ID(Person),:END_ID(Content),kind:STRING,at:DATETIME",
     false, "ENGAGED"},
    {File::About, "Content_ABOUT_Topic.csv", ":START_ID(Content),:END_ID(Topic)", false, "ABOUT"},
    {File::CompanyHasSignal, "Company_HAS_SIGNAL_Signal.csv", ":START_ID(Company),:END_ID(Signal)", false,
     "HAS_SIGNAL"},
    {File::PersonHasSignal, "Person_HAS_SIGNAL_Signal.csv", ":START_ID(Person),:END_ID(Signal)", false,
     "HAS_SIGNAL"},
    {File::Attended, "Person_ATTENDED_Event.csv", ":START_ID(Person),:END_ID(Event)", false, "ATTENDED"},
    {File::CustomerOf, "Company_CUSTOMER_OF_Company.csv",
     ":START_ID(Company),:END_ID(Company),since:DATE,plan:STRING", false, "CUSTOMER_OF"},
};

}  // namespace

std::span<const FileSpec> demo_files() { return files; }
const FileSpec& file_spec(File f) { return files[static_cast<int>(f)]; }

}  // namespace kith::demo
