// The files of the demo data set: one per label and per relationship type
// (HAS_SIGNAL has two, one per kind of owner), with their neo4j-admin headers
// in the vocabulary of DESIGN.md section 1.
#pragma once

#include <span>
#include <string_view>

namespace kith::demo {

enum class File {
  Person, Company, Topic, Content, Signal, Event,
  Knows, WorksAt, InterestedIn, Engaged, About, CompanyHasSignal, PersonHasSignal, Attended, CustomerOf,
};

struct FileSpec {
  File file;
  std::string_view name;    // file name in the output folder
  std::string_view header;
  bool nodes;               // a node file (else a relationship file)
  std::string_view label;   // node label or relationship type
};

std::span<const FileSpec> demo_files();
const FileSpec& file_spec(File f);

}  // namespace kith::demo
