// The opening_hours comments that DeriveHours writes into expressions, with
// their Chinese text, so that a reason built from such a comment reads in
// both languages. Comments that editors type are shown as written.
#pragma once

#include <array>
#include <string_view>

namespace ngodesk::hours_internal {

struct DerivedComment {
  std::string_view en;
  std::string_view zh;
};

inline constexpr DerivedComment kNoHoursPublished{"no hours published", "未公布办公时间"};
inline constexpr DerivedComment kHoursTextNotUnderstood{"published hours text not understood",
                                                        "无法识别公布的办公时间文本"};
inline constexpr DerivedComment kSummerDatesNotPublished{
    "summer hours apply on dates not published", "夏季作息时间适用的日期未公布"};

// Returns the Chinese text of a derived comment, or the comment itself.
inline std::string_view ChineseComment(std::string_view comment) {
  for (const DerivedComment& derived :
       std::array{kNoHoursPublished, kHoursTextNotUnderstood, kSummerDatesNotPublished}) {
    if (derived.en == comment) return derived.zh;
  }
  return comment;
}

}  // namespace ngodesk::hours_internal
