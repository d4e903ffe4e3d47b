// The resolver's lookup structures: a trie over the Chinese keys (names,
// short names, aliases, former names) and a hash map over the Latin keys
// (joined pinyin, English names, Latin aliases). Both map a key to its
// targets: the divisions it can mean and how it names them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ngodesk/gazetteer.h"
#include "ngodesk/resolver.h"

namespace ngodesk::resolver {

inline constexpr int16_t kNoFormerName = -1;

// One meaning of a key: a division (index into Gazetteer::divisions()) and
// the kind of name the key is for it.
struct Target {
  uint32_t division = 0;
  MatchKind kind = MatchKind::kName;
  int16_t former = kNoFormerName;  // index into FormerNames() for kFormerName
};

// A Chinese key found in a text: the byte range and its targets.
struct TrieMatch {
  std::size_t end = 0;
  std::span<const Target> targets;
};

// A trie over code points. Edges of a node are stored sorted so that a step
// is a binary search.
class ChineseTrie {
 public:
  void Insert(std::string_view key, const Target& target);
  // Sorts the edges and lets `adjust` edit each key's targets; call once
  // after the last Insert.
  void Finish(const std::function<void(std::vector<Target>&)>& adjust);

  // Appends every key that starts at byte `pos` of `text`, longest first.
  void MatchesAt(std::string_view text, std::size_t pos, std::vector<TrieMatch>& out) const;

  std::size_t node_count() const { return nodes_.size(); }

 private:
  struct Edge {
    int32_t code_point;
    uint32_t child;
  };
  struct Node {
    std::vector<Edge> edges;
    std::vector<Target> targets;
  };
  const Node* Child(const Node& node, int32_t code_point) const;

  std::vector<Node> nodes_ = std::vector<Node>(1);
  // Children of the root for the CJK Unified Ideographs block, indexed by
  // code point - kRootTableFirst (0 = none): most keys start there, and the
  // root has thousands of edges.
  static constexpr int32_t kRootTableFirst = 0x4E00;
  static constexpr int32_t kRootTableEnd = 0xA000;
  std::vector<uint32_t> root_table_;
  std::unordered_map<uint64_t, uint32_t> build_edges_;  // (node << 32 | code point) -> child, while inserting
};

// Hash of string_view-compatible keys so that lookups do not allocate.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

using LatinKeyMap = std::unordered_map<std::string, std::vector<Target>, StringHash, std::equal_to<>>;

}  // namespace ngodesk::resolver
