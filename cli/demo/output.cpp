#include "cli/demo/output.h"

namespace kith::demo {

Output::Output(const std::string& dir) {
  for (const FileSpec& f : demo_files())
    writers_.push_back(std::make_unique<CsvWriter>(dir + "/" + std::string(f.name), f.header));
}

void Output::signal(File edges, uint64_t owner, std::string_view kind, int64_t at, double value) {
  const uint64_t id = next_signal_++;
  (*this)[File::Signal].integer(static_cast<int64_t>(id)).str(kind).datetime(at).real(value).end_row();
  (*this)[edges].integer(static_cast<int64_t>(owner)).integer(static_cast<int64_t>(id)).end_row();
}

void Output::close() {
  for (auto& w : writers_) w->close();
}

}  // namespace kith::demo
