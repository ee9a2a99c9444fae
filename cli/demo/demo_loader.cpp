#include "cli/demo/demo_loader.h"

#include <string_view>

#include "storage/error.h"
#include "storage/import/importer.h"

namespace kith::demo {

namespace imp = kith::storage::import;

LoadResult load_demo(const std::string& dir, const std::vector<std::string>& import_args, const std::string& db,
                     bool overwrite, const LoadProgress& progress) {
  imp::ImportOptions options;
  options.db_path = db;
  options.overwrite = overwrite;
  for (const std::string& arg : import_args) {
    const std::string_view a = arg;
    const bool nodes = a.starts_with("--nodes=");
    if (!nodes && !a.starts_with("--relationships="))
      throw Error(ErrorCode::Internal, "unexpected import argument " + arg);
    imp::InputGroup group = imp::parse_input_group(a.substr(a.find('=') + 1));
    for (std::string& f : group.files) f = dir + "/" + f;
    (nodes ? options.nodes : options.relationships).push_back(std::move(group));
  }
  imp::ProgressFn on_progress;
  if (progress)
    on_progress = [&](const imp::ImportProgress& p) {
      progress(p.bytes_total ? static_cast<double>(p.bytes_done) / p.bytes_total : 1.0);
    };
  const imp::ImportSummary s = imp::run_import(options, on_progress);
  return LoadResult{s.nodes, s.relationships, s.nodes_per_label, s.rels_per_type, s.seconds, s.store_bytes};
}

}  // namespace kith::demo
