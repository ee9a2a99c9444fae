#include "storage/import/importer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "storage/bulk_loader.h"
#include "storage/error.h"
#include "storage/import/csv_header.h"
#include "storage/import/csv_reader.h"
#include "storage/import/key_space.h"

namespace kith::storage::import {

namespace {

using Clock = std::chrono::steady_clock;

// How often (in rows) the progress callback gets a chance to run.
constexpr uint64_t kProgressEveryRows = 8192;

// A file whose header has been read and checked before anything is loaded,
// so a typo in the last file name fails in a second, not after the whole load.
struct PlannedFile {
  std::string path;
  const InputGroup* group = nullptr;
  Header header;
  uint64_t size = 0;
};

// Names <-> catalog ids with per-name counts, cached so the loader's catalog
// is asked once per distinct name rather than once per row.
class NameCache {
 public:
  template <typename Intern>
  uint32_t get(std::string_view name, Intern&& intern) {
    auto it = ids_.find(name);
    if (it != ids_.end()) return it->second;
    uint32_t id = intern(name);
    ids_.emplace(std::string(name), id);
    if (id >= names_.size()) {
      names_.resize(id + 1);
      counts_.resize(id + 1);
    }
    names_[id] = std::string(name);
    return id;
  }
  void count(uint32_t id) { ++counts_[id]; }
  std::vector<std::pair<std::string, uint64_t>> counts() const {
    std::vector<std::pair<std::string, uint64_t>> out;
    for (size_t i = 0; i < names_.size(); ++i) {
      if (!names_[i].empty()) out.emplace_back(names_[i], counts_[i]);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::unordered_map<std::string, uint32_t, StringViewHash, std::equal_to<>> ids_;
  std::vector<std::string> names_;
  std::vector<uint64_t> counts_;
};

// A property column of the file being loaded, in the order properties are
// stored (by key id).
struct PropColumn {
  size_t index;
  PropKeyId key;
  const Column* column;
};

class Importer {
 public:
  Importer(const ImportOptions& options, const ProgressFn& progress)
      : opt_(options), progress_(progress), start_(Clock::now()) {
    report_path_ = opt_.bad_rows_report.empty() ? opt_.db_path + ".bad-rows.txt"
                                                : opt_.bad_rows_report;
  }

  ~Importer() {
    if (report_) std::fclose(report_);
  }

  ImportSummary run() {
    std::vector<PlannedFile> node_files = plan(opt_.nodes, false);
    std::vector<PlannedFile> rel_files = plan(opt_.relationships, true);
    check_key_spaces(node_files, rel_files);
    for (const auto* files : {&node_files, &rel_files}) {
      for (const PlannedFile& f : *files) bytes_total_ += f.size;
    }

    loader_ = std::make_unique<BulkLoader>(opt_.db_path, opt_.overwrite);
    declare_key_indexes(node_files);
    for (const PlannedFile& f : node_files) load_nodes(f);
    for (auto& [name, keys] : spaces_) keys.freeze();
    for (const PlannedFile& f : rel_files) load_rels(f);
    report_progress("");  // all read: the loader writes adjacency and indexes now

    ImportSummary s;
    s.nodes = loader_->node_count();
    s.relationships = loader_->rel_count();
    s.store_bytes = loader_->finish();
    s.seconds = elapsed();
    s.bad_rows = bad_rows_;
    if (bad_rows_ > 0) {
      std::fflush(report_);
      s.bad_rows_report = report_path_;
    }
    s.nodes_per_label = labels_.counts();
    s.rels_per_type = types_.counts();
    return s;
  }

 private:
  double elapsed() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

  std::vector<PlannedFile> plan(const std::vector<InputGroup>& groups, bool relationships) {
    std::vector<PlannedFile> out;
    for (const InputGroup& g : groups) {
      for (const std::string& path : g.files) {
        PlannedFile f;
        f.path = path;
        f.group = &g;
        CsvReader reader(path, opt_.delimiter);
        f.size = reader.file_size();
        CsvRow row;
        if (!reader.next(row)) {
          throw Error(ErrorCode::InvalidInput, path + ": the file is empty; expected a header line");
        }
        if (!row.error.empty()) {
          throw Error(ErrorCode::InvalidInput,
                      path + ":" + std::to_string(row.line) + ": header: " + std::string(row.error));
        }
        try {
          f.header = parse_header(row.fields, relationships);
        } catch (const Error& e) {
          throw Error(ErrorCode::InvalidInput,
                      path + ":" + std::to_string(row.line) + ": header: " + e.message());
        }
        if (relationships && g.names.empty() && f.header.type < 0) {
          throw Error(ErrorCode::InvalidInput,
                      path + ": no relationship type: name one (--relationships=TYPE=" + path +
                          ") or add a :TYPE column");
        }
        out.push_back(std::move(f));
      }
    }
    return out;
  }

  // Every stored ID column gets an index on each label its file names (not
  // on :LABEL-column labels): `MATCH (p:Person {id: 933})` is a seek, as it
  // is in the databases these files come from. Declared before any node is
  // added, so the loader indexes every node.
  void declare_key_indexes(const std::vector<PlannedFile>& node_files) {
    for (const PlannedFile& f : node_files) {
      if (f.header.id < 0) continue;
      const Column& id = f.header.columns[f.header.id];
      if (id.name.empty()) continue;
      for (const std::string& n : f.group->names) loader_->add_index(label(n), loader_->prop_key(id.name));
    }
  }

  // A relationship file naming a key space that no node file fills would
  // fail on every row; say so once, before loading anything.
  static void check_key_spaces(const std::vector<PlannedFile>& node_files,
                               const std::vector<PlannedFile>& rel_files) {
    std::unordered_map<std::string, bool> spaces;
    for (const PlannedFile& f : node_files) {
      if (f.header.id >= 0) spaces[f.header.columns[f.header.id].space] = true;
    }
    for (const PlannedFile& f : rel_files) {
      for (int index : {f.header.start, f.header.end}) {
        const Column& c = f.header.columns[index];
        if (spaces.count(c.space)) continue;
        std::string name = c.kind == ColumnKind::StartId ? ":START_ID" : ":END_ID";
        std::string space = c.space.empty() ? "the global key space (:ID)" : "key space '" + c.space + "'";
        throw Error(ErrorCode::InvalidInput,
                    f.path + ":1: header: " + name + " refers to " + space +
                        ", but no node file has an ID column for it");
      }
    }
  }

  std::vector<PropColumn> prop_columns(const Header& h) {
    std::vector<PropColumn> cols;
    for (size_t i = 0; i < h.columns.size(); ++i) {
      const Column& c = h.columns[i];
      bool stored = c.kind == ColumnKind::Property || (c.kind == ColumnKind::Id && !c.name.empty());
      if (stored) cols.push_back({i, loader_->prop_key(c.name), &c});
    }
    std::sort(cols.begin(), cols.end(),
              [](const PropColumn& a, const PropColumn& b) { return a.key < b.key; });
    return cols;
  }

  KeySpace& space(const std::string& name) {
    auto it = spaces_.find(name);
    if (it == spaces_.end()) it = spaces_.emplace(name, KeySpace(name)).first;
    return it->second;
  }

  LabelId label(std::string_view name) {
    return labels_.get(name, [&](std::string_view n) { return loader_->label(n); });
  }
  RelTypeId rel_type(std::string_view name) {
    return types_.get(name, [&](std::string_view n) { return loader_->rel_type(n); });
  }

  // Records a bad row: fails the import, or lists it in the report.
  void bad_row(const CsvReader& reader, const CsvRow& row, const std::string& reason) {
    std::string where = reader.path() + ":" + std::to_string(row.line) + ": " + reason;
    if (!opt_.skip_bad_rows) throw Error(ErrorCode::InvalidInput, where);
    ++bad_rows_;
    if (!report_) {
      report_ = std::fopen(report_path_.c_str(), "w");
      if (!report_) {
        throw Error(ErrorCode::IoError,
                    report_path_ + ": cannot write the bad-rows report: " + std::strerror(errno));
      }
    }
    std::fprintf(report_, "%s\n    %.*s\n", where.c_str(), static_cast<int>(row.raw.size()),
                 row.raw.data());
    if (bad_rows_ > opt_.max_bad_rows) {
      std::fflush(report_);
      throw Error(ErrorCode::InvalidInput,
                  "more than " + std::to_string(opt_.max_bad_rows) + " bad rows, the last: " + where +
                      " (all are listed in " + report_path_ + "); nothing was loaded");
    }
  }

  // Checks the row's shape; false (after recording it) when it is bad.
  bool row_shape_ok(const CsvReader& reader, const CsvRow& row, size_t columns) {
    if (!row.error.empty()) {
      bad_row(reader, row, std::string(row.error));
      return false;
    }
    if (row.fields.size() != columns) {
      bad_row(reader, row,
              "expected " + std::to_string(columns) + " fields but found " +
                  std::to_string(row.fields.size()));
      return false;
    }
    return true;
  }

  // Parses the row's property columns into `props`; false on a bad field.
  bool parse_props(const CsvReader& reader, const CsvRow& row, const std::vector<PropColumn>& cols,
                   const Key* id_key, Properties& props) {
    props.reserve(cols.size());
    for (const PropColumn& pc : cols) {
      std::string_view text = row.fields[pc.index];
      if (text.empty()) continue;  // absent property
      if (pc.column->kind == ColumnKind::Id) {
        props.emplace_back(pc.key, id_key->is_int ? Value(id_key->i) : Value(id_key->s));
        continue;
      }
      Value v;
      if (!parse_value(text, pc.column->type, pc.column->array, opt_.array_delimiter, v, error_)) {
        bad_row(reader, row,
                "column '" + pc.column->name + "' (" + std::string(field_type_name(pc.column->type)) +
                    (pc.column->array ? "[]" : "") + "): " + error_);
        return false;
      }
      props.emplace_back(pc.key, std::move(v));
    }
    return true;
  }

  void tick(const CsvReader& reader) {
    if (++rows_ % kProgressEveryRows == 0) {
      report_progress(reader.path(), bytes_before_file_ + reader.bytes_consumed());
    }
  }

  void report_progress(std::string_view file, uint64_t bytes_done) {
    if (!progress_) return;
    ImportProgress p;
    p.bytes_done = bytes_done;
    p.bytes_total = bytes_total_;
    p.rows = rows_;
    p.seconds = elapsed();
    p.file = file;
    progress_(p);
  }
  void report_progress(std::string_view file) { report_progress(file, bytes_before_file_); }

  void load_nodes(const PlannedFile& f) {
    CsvReader reader(f.path, opt_.delimiter);
    report_progress(f.path);
    const Header& h = f.header;
    std::vector<PropColumn> props_cols = prop_columns(h);
    std::vector<LabelId> file_labels;
    for (const std::string& n : f.group->names) file_labels.push_back(label(n));
    std::vector<size_t> label_cols;
    for (size_t i = 0; i < h.columns.size(); ++i) {
      if (h.columns[i].kind == ColumnKind::Label) label_cols.push_back(i);
    }
    KeySpace* keys = h.id >= 0 ? &space(h.columns[h.id].space) : nullptr;

    CsvRow row;
    reader.next(row);  // the header, checked by plan()
    std::vector<LabelId> labels;
    Key key;
    while (reader.next(row)) {
      tick(reader);
      if (!row_shape_ok(reader, row, h.columns.size())) continue;
      if (keys) {
        std::string_view text = row.fields[h.id];
        if (text.empty()) {
          bad_row(reader, row, "empty key in the ID column");
          continue;
        }
        if (!parse_key(text, opt_.id_type, key, error_)) {
          bad_row(reader, row, error_);
          continue;
        }
      }
      Properties props;
      if (!parse_props(reader, row, props_cols, &key, props)) continue;

      labels = file_labels;
      for (size_t c : label_cols) {
        std::string_view text = row.fields[c];
        while (!text.empty()) {
          size_t stop = text.find(opt_.array_delimiter);
          std::string_view name = text.substr(0, stop);
          if (!name.empty()) labels.push_back(label(name));
          if (stop == std::string_view::npos) break;
          text.remove_prefix(stop + 1);
        }
      }
      std::sort(labels.begin(), labels.end());
      labels.erase(std::unique(labels.begin(), labels.end()), labels.end());

      NodeId id = loader_->node_count();
      if (keys && !keys->insert(key, id)) {
        bad_row(reader, row,
                "duplicate key '" + std::string(row.fields[h.id]) + "' in " + keys->describe());
        continue;
      }
      loader_->add_node(labels, std::move(props));
      for (LabelId l : labels) labels_.count(l);
    }
    bytes_before_file_ += f.size;
  }

  // Resolves one end of a relationship; kNoNode (after recording the bad
  // row) when the key is not loaded.
  NodeId resolve(const CsvReader& reader, const CsvRow& row, const Column& col, size_t index,
                 KeySpace& keys) {
    std::string_view text = row.fields[index];
    const char* what = col.kind == ColumnKind::StartId ? "START_ID" : "END_ID";
    if (text.empty()) {
      bad_row(reader, row, std::string("empty ") + what);
      return kNoNode;
    }
    Key key;
    if (!parse_key(text, opt_.id_type, key, error_)) {
      bad_row(reader, row, std::string(what) + ": " + error_);
      return kNoNode;
    }
    NodeId node = keys.find(key);
    if (node == kNoNode) {
      bad_row(reader, row,
              std::string("unknown ") + what + " key '" + std::string(text) + "' in " + keys.describe());
    }
    return node;
  }

  void load_rels(const PlannedFile& f) {
    CsvReader reader(f.path, opt_.delimiter);
    report_progress(f.path);
    const Header& h = f.header;
    std::vector<PropColumn> props_cols = prop_columns(h);
    const Column& start_col = h.columns[h.start];
    const Column& end_col = h.columns[h.end];
    KeySpace& start_keys = space(start_col.space);
    KeySpace& end_keys = space(end_col.space);
    bool file_has_type = !f.group->names.empty();
    RelTypeId file_type = file_has_type ? rel_type(f.group->names.front()) : 0;

    CsvRow row;
    reader.next(row);  // the header
    while (reader.next(row)) {
      tick(reader);
      if (!row_shape_ok(reader, row, h.columns.size())) continue;
      NodeId start = resolve(reader, row, start_col, h.start, start_keys);
      if (start == kNoNode) continue;
      NodeId end = resolve(reader, row, end_col, h.end, end_keys);
      if (end == kNoNode) continue;
      RelTypeId type = file_type;
      if (h.type >= 0 && !row.fields[h.type].empty()) {
        type = rel_type(row.fields[h.type]);
      } else if (!file_has_type) {
        bad_row(reader, row, "empty :TYPE field and no type given for the file");
        continue;
      }
      Properties props;
      if (!parse_props(reader, row, props_cols, nullptr, props)) continue;
      loader_->add_rel(type, start, end, std::move(props));
      types_.count(type);
    }
    bytes_before_file_ += f.size;
  }

  const ImportOptions& opt_;
  const ProgressFn& progress_;
  Clock::time_point start_;
  std::unique_ptr<BulkLoader> loader_;
  std::unordered_map<std::string, KeySpace> spaces_;
  NameCache labels_;
  NameCache types_;
  uint64_t bytes_total_ = 0;
  uint64_t bytes_before_file_ = 0;
  uint64_t rows_ = 0;
  uint64_t bad_rows_ = 0;
  std::string report_path_;
  std::FILE* report_ = nullptr;
  std::string error_;  // reused for field errors
};

}  // namespace

InputGroup parse_input_group(std::string_view spec) {
  InputGroup g;
  std::string_view files = spec;
  size_t eq = spec.find('=');
  if (eq != std::string_view::npos) {
    std::string_view names = spec.substr(0, eq);
    files = spec.substr(eq + 1);
    for (;;) {
      size_t colon = names.find(':');
      std::string_view n = names.substr(0, colon);
      if (n.empty()) {
        throw Error(ErrorCode::InvalidInput, "'" + std::string(spec) + "': empty label or type name");
      }
      g.names.emplace_back(n);
      if (colon == std::string_view::npos) break;
      names.remove_prefix(colon + 1);
    }
  }
  for (;;) {
    size_t comma = files.find(',');
    std::string_view f = files.substr(0, comma);
    if (f.empty()) throw Error(ErrorCode::InvalidInput, "'" + std::string(spec) + "': empty file name");
    g.files.emplace_back(f);
    if (comma == std::string_view::npos) break;
    files.remove_prefix(comma + 1);
  }
  return g;
}

char parse_delimiter(std::string_view text, const char* option) {
  if (text == "\\t" || text == "TAB" || text == "\t") return '\t';
  if (text.size() == 1 && text[0] != '"' && text[0] != '\n' && text[0] != '\r') return text[0];
  throw Error(ErrorCode::InvalidInput,
              std::string("--") + option + ": expected one character (or \\t / TAB), not '" +
                  std::string(text) + "'");
}

IdType parse_id_type(std::string_view text) {
  if (text == "string") return IdType::String;
  if (text == "integer") return IdType::Integer;
  if (text == "actual") return IdType::Actual;
  throw Error(ErrorCode::InvalidInput,
              "--id-type: expected string, integer or actual, not '" + std::string(text) + "'");
}

void apply_import_arg(std::string_view arg, const std::string& base_dir, ImportOptions& options) {
  while (!arg.empty() && (arg.back() == '\r' || arg.back() == ' ')) arg.remove_suffix(1);
  while (!arg.empty() && arg.front() == ' ') arg.remove_prefix(1);
  if (arg.empty()) return;
  size_t eq = arg.find('=');
  std::string_view name = arg.substr(0, eq);
  std::string_view value = eq == std::string_view::npos ? std::string_view() : arg.substr(eq + 1);
  if (name == "--delimiter") {
    options.delimiter = parse_delimiter(value, "delimiter");
  } else if (name == "--array-delimiter") {
    options.array_delimiter = parse_delimiter(value, "array-delimiter");
  } else if (name == "--id-type") {
    options.id_type = parse_id_type(value);
  } else if (name == "--nodes" || name == "--relationships") {
    InputGroup g = parse_input_group(value);
    for (std::string& f : g.files) {
      if (!f.empty() && f.front() != '/' && !base_dir.empty()) f = base_dir + "/" + f;
    }
    (name == "--nodes" ? options.nodes : options.relationships).push_back(std::move(g));
  } else {
    throw Error(ErrorCode::InvalidInput, "unsupported import argument '" + std::string(arg) + "'");
  }
}

ImportSummary run_import(const ImportOptions& options, const ProgressFn& progress) {
  if (options.delimiter == options.array_delimiter) {
    throw Error(ErrorCode::InvalidInput, "--delimiter and --array-delimiter must differ");
  }
  if (options.relationships.empty() && options.nodes.empty()) {
    throw Error(ErrorCode::InvalidInput, "nothing to import: give --nodes and/or --relationships");
  }
  Importer importer(options, progress);
  return importer.run();
}

}  // namespace kith::storage::import
