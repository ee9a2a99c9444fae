// shortestPath / allShortestPaths between two bound nodes: a bidirectional
// breadth-first search that grows the smaller frontier one level at a time
// and stops at the first level where the two searches meet. Every node
// remembers all its parents at the previous level, so all shortest paths can
// be enumerated from the meeting nodes.
#include <algorithm>
#include <unordered_map>

#include "engine/exec/builder.h"
#include "engine/exec/neighbours.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Dir;
using query::plan::Op;
using query::plan::SlotId;

// Paths longer than this many are not enumerated by allShortestPaths.
constexpr size_t kMaxShortestPaths = 100'000;

struct Parent {
  NodeId node;
  RelRef rel;
};

struct Side {
  std::unordered_map<NodeId, std::vector<Parent>> parents;  // visited set too
  std::vector<NodeId> frontier;
  int depth = 0;
};

Dir reverse(Dir d) { return d == Dir::Out ? Dir::In : d == Dir::In ? Dir::Out : Dir::Both; }

class ShortestPathOp final : public Operator {
 public:
  ShortestPathOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), from_(op.from), to_(op.to),
        rel_(op.rel), path_(op.path_slot), dir_(op.dir), min_(op.min_hops), max_(op.max_hops),
        all_(op.all_shortest), type_names_(op.types) {}

  void do_open(Row& row) override {
    types_ = TypeFilter::resolve(type_names_, ctx_);
    child_->open(row);
    results_.clear();
    pos_ = 0;
  }

  bool do_next(Row& row) override {
    for (;;) {
      if (pos_ < results_.size()) {
        const PathData& p = results_[pos_++];
        if (rel_ != query::plan::kNoSlot) {
          Value::List list;
          for (const auto& r : p.rels) list.emplace_back(r);
          row[rel_] = std::move(list);
        }
        if (path_ != query::plan::kNoSlot) row[path_] = p;
        return true;
      }
      if (!child_->next(row)) return false;
      results_.clear();
      pos_ = 0;
      const Value& a = row[from_];
      const Value& z = row[to_];
      if (a.type() != ValueType::Node || z.type() != ValueType::Node) continue;
      search(a.as_node().id, z.as_node().id);
    }
  }

 private:
  void search(NodeId source, NodeId target) {
    if (source == target) {
      if (min_ == 0) results_.push_back(PathData{{source}, {}});
      return;
    }
    if (types_.matches_nothing() || max_ == 0) return;
    Side fwd, bwd;
    fwd.parents[source];
    fwd.frontier.push_back(source);
    bwd.parents[target];
    bwd.frontier.push_back(target);
    std::vector<NodeId> meeting;
    while (!fwd.frontier.empty() && !bwd.frontier.empty()) {
      if (max_ >= 0 && fwd.depth + bwd.depth >= max_) return;
      const bool grow_forward = fwd.frontier.size() <= bwd.frontier.size();
      Side& grow = grow_forward ? fwd : bwd;
      Side& other = grow_forward ? bwd : fwd;
      expand_level(grow, grow_forward ? dir_ : reverse(dir_), other, meeting);
      if (!meeting.empty()) break;
    }
    if (meeting.empty()) return;
    const int length = fwd.depth + bwd.depth;
    if (length < min_) return;  // shortest is too short: no path of the allowed length is shortest
    std::sort(meeting.begin(), meeting.end());
    for (NodeId m : meeting) {
      std::vector<std::vector<Parent>> heads = chains(fwd, m);
      std::vector<std::vector<Parent>> tails = chains(bwd, m);
      for (const auto& h : heads) {
        for (const auto& t : tails) {
          results_.push_back(join(source, h, m, t));
          if (!all_ || results_.size() >= kMaxShortestPaths) return;
        }
      }
    }
  }

  void expand_level(Side& side, Dir dir, const Side& other, std::vector<NodeId>& meeting) {
    std::vector<NodeId> next;
    std::unordered_map<NodeId, std::vector<Parent>> found;  // new nodes of this level
    for (NodeId n : side.frontier) {
      ctx_.check_interrupt();
      it_.reset(ctx_, n, types_, dir);
      RelRef r;
      NodeId m;
      while (it_.next(r, m)) {
        if (side.parents.count(m)) continue;  // reached at an earlier level
        auto [slot, inserted] = found.try_emplace(m);
        if (inserted) next.push_back(m);
        // One parent suffices for shortestPath.
        if (all_ || slot->second.empty()) slot->second.push_back(Parent{n, r});
      }
    }
    for (auto& [node, parents] : found) {
      if (other.parents.count(node)) meeting.push_back(node);
      side.parents.emplace(node, std::move(parents));
    }
    side.frontier = std::move(next);
    ++side.depth;
  }

  // Every chain of parents from `m` back to the side's root (nearest first).
  std::vector<std::vector<Parent>> chains(const Side& side, NodeId m) {
    std::vector<std::vector<Parent>> out;
    std::vector<Parent> chain;
    walk(side, m, chain, out);
    return out;
  }

  void walk(const Side& side, NodeId at, std::vector<Parent>& chain,
            std::vector<std::vector<Parent>>& out) {
    const auto& parents = side.parents.at(at);
    if (parents.empty()) {
      out.push_back(chain);
      return;
    }
    for (const Parent& p : parents) {
      if (out.size() >= kMaxShortestPaths) return;
      chain.push_back(p);
      walk(side, p.node, chain, out);
      chain.pop_back();
    }
  }

  // source ... m (via the forward chain, reversed) then m ... target.
  static PathData join(NodeId source, const std::vector<Parent>& head, NodeId m,
                       const std::vector<Parent>& tail) {
    PathData p;
    p.nodes.push_back(source);
    for (size_t i = head.size(); i-- > 0;) {
      p.rels.push_back(head[i].rel);
      p.nodes.push_back(i == 0 ? m : head[i - 1].node);
    }
    for (const Parent& step : tail) {
      p.rels.push_back(step.rel);
      p.nodes.push_back(step.node);
    }
    return p;
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  SlotId from_, to_, rel_, path_;
  Dir dir_;
  int64_t min_, max_;
  bool all_;
  std::vector<std::string> type_names_;
  TypeFilter types_;
  NeighbourIterator it_;
  std::vector<PathData> results_;
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_shortest_path(const Op& op, Builder& b) {
  return std::make_unique<ShortestPathOp>(op, b);
}

}  // namespace kith::engine
