#include "resolver/name_index.h"

#include <algorithm>

#include "resolver/query_text.h"

namespace ngodesk::resolver {

void ChineseTrie::Insert(std::string_view key, const Target& target) {
  uint32_t node = 0;
  std::size_t pos = 0;
  while (pos < key.size()) {
    const int32_t c = NextCodePoint(key, &pos);
    const uint64_t edge_key = (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(c);
    const auto [found, inserted] = build_edges_.try_emplace(edge_key, static_cast<uint32_t>(nodes_.size()));
    if (inserted) {
      nodes_[node].edges.push_back({c, found->second});
      nodes_.emplace_back();
    }
    node = found->second;
  }
  std::vector<Target>& targets = nodes_[node].targets;
  const bool duplicate = std::any_of(targets.begin(), targets.end(), [&target](const Target& existing) {
    return existing.division == target.division && existing.kind == target.kind;
  });
  if (!duplicate) targets.push_back(target);
}

void ChineseTrie::Finish(const std::function<void(std::vector<Target>&)>& adjust) {
  build_edges_ = {};
  root_table_.assign(kRootTableEnd - kRootTableFirst, 0);
  for (const Edge& edge : nodes_[0].edges) {
    if (edge.code_point >= kRootTableFirst && edge.code_point < kRootTableEnd) {
      root_table_[static_cast<std::size_t>(edge.code_point - kRootTableFirst)] = edge.child;
    }
  }
  for (Node& node : nodes_) {
    if (!node.targets.empty()) adjust(node.targets);
    std::sort(node.edges.begin(), node.edges.end(),
              [](const Edge& a, const Edge& b) { return a.code_point < b.code_point; });
  }
}

const ChineseTrie::Node* ChineseTrie::Child(const Node& node, int32_t code_point) const {
  const bool in_table = &node == &nodes_[0] && code_point >= kRootTableFirst && code_point < kRootTableEnd &&
                        !root_table_.empty();
  if (in_table) {
    const uint32_t child = root_table_[static_cast<std::size_t>(code_point - kRootTableFirst)];
    return child == 0 ? nullptr : &nodes_[child];
  }
  const auto found = std::lower_bound(node.edges.begin(), node.edges.end(), code_point,
                                      [](const Edge& edge, int32_t c) { return edge.code_point < c; });
  if (found == node.edges.end() || found->code_point != code_point) return nullptr;
  return &nodes_[found->child];
}

void ChineseTrie::MatchesAt(std::string_view text, std::size_t pos, std::vector<TrieMatch>& out) const {
  const std::size_t first = out.size();
  const Node* node = &nodes_[0];
  while (pos < text.size()) {
    const int32_t c = NextCodePoint(text, &pos);
    node = Child(*node, c);
    if (node == nullptr) break;
    if (!node->targets.empty()) out.push_back({pos, node->targets});
  }
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

}  // namespace ngodesk::resolver
