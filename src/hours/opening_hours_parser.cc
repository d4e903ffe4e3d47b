// The parser of the opening_hours subset described in opening_hours.h: a
// tokenizer that records each token's column, then recursive descent over the
// specification's terms (rule, selector, timespan, weekday range, monthday
// range, rule modifier).
#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>
#include <vector>

#include "ngodesk/opening_hours.h"

namespace ngodesk {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Index i is std::chrono::weekday{i}: 0 = Sunday.
constexpr std::array<std::string_view, 7> kWeekdayNames = {"Su", "Mo", "Tu", "We",
                                                           "Th", "Fr", "Sa"};
constexpr std::array<std::string_view, 7> kEnglishWeekdays = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kEnglishMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<unsigned, 13> kDaysInMonth = {0,  31, 29, 31, 30, 31, 30,
                                                   31, 31, 30, 31, 30, 31};

enum class TokenKind {
  kWord,
  kNumber,
  kComment,
  kColon,
  kDash,
  kComma,
  kSemicolon,
  kFallback,
  kSlash,
  kOther,
  kEnd
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;
  int column = 1;  // 1-based, in characters
};

int FindName(std::string_view word, std::span<const std::string_view> names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == word) return static_cast<int>(i);
  }
  return -1;
}

int MonthIndex(std::string_view word) { return FindName(word, kMonthNames); }
int WeekdayIndex(std::string_view word) { return FindName(word, kWeekdayNames); }

// A word that starts a selector, so a rule separator was missing before it.
bool IsSelectorWord(std::string_view word) {
  return MonthIndex(word) >= 0 || WeekdayIndex(word) >= 0 || word == "PH" || word == "SH";
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Splits the expression into tokens. Fails only on an unterminated comment.
Result<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  int column = 1;
  const auto advance = [&](std::size_t count) {
    for (std::size_t i = 0; i < count && pos < text.size(); ++i, ++pos) {
      // Count characters, not bytes: UTF-8 continuation bytes do not start one.
      if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) ++column;
    }
  };

  while (pos < text.size()) {
    const char c = text[pos];
    if (c == ' ' || c == '\t') {
      advance(1);
      continue;
    }
    Token token;
    token.column = column;
    std::size_t length = 1;
    if (IsLetter(c)) {
      while (pos + length < text.size() && IsLetter(text[pos + length])) ++length;
      token.kind = TokenKind::kWord;
    } else if (IsDigit(c)) {
      while (pos + length < text.size() && IsDigit(text[pos + length])) ++length;
      token.kind = TokenKind::kNumber;
    } else if (c == '"') {
      const std::size_t close = text.find('"', pos + 1);
      if (close == std::string_view::npos) {
        return Error::Parse(1, column, "comment opened with '\"' is never closed",
                            "以“\"”开始的注释没有结束引号");
      }
      token.kind = TokenKind::kComment;
      token.text = text.substr(pos + 1, close - pos - 1);
      advance(close - pos + 1);
      tokens.push_back(token);
      continue;
    } else if (c == '|' && pos + 1 < text.size() && text[pos + 1] == '|') {
      length = 2;
      token.kind = TokenKind::kFallback;
    } else if (c == ':') {
      token.kind = TokenKind::kColon;
    } else if (c == '-') {
      token.kind = TokenKind::kDash;
    } else if (c == ',') {
      token.kind = TokenKind::kComma;
    } else if (c == ';') {
      token.kind = TokenKind::kSemicolon;
    } else if (c == '/') {
      token.kind = TokenKind::kSlash;
    } else {
      token.kind = TokenKind::kOther;
      while (pos + length < text.size() &&
             (static_cast<unsigned char>(text[pos + length]) & 0xC0) == 0x80) {
        ++length;  // keep a whole UTF-8 character together
      }
    }
    if (token.kind != TokenKind::kComment) token.text = text.substr(pos, length);
    advance(length);
    tokens.push_back(token);
  }
  tokens.push_back({TokenKind::kEnd, {}, column});
  return tokens;
}

std::string Quote(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "the end of the expression";
  if (token.kind == TokenKind::kComment) return "a comment";
  return "'" + std::string(token.text) + "'";
}

std::string QuoteZh(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "表达式结尾";
  if (token.kind == TokenKind::kComment) return "注释";
  return "“" + std::string(token.text) + "”";
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Result<std::vector<Rule>> ParseRules();

 private:
  const Token& Peek(std::size_t ahead = 0) const {
    return tokens_[std::min(index_ + ahead, tokens_.size() - 1)];
  }
  const Token& Next() { return tokens_[std::min(index_++, tokens_.size() - 1)]; }
  bool PeekIs(TokenKind kind, std::size_t ahead = 0) const { return Peek(ahead).kind == kind; }
  // "10:00" rather than the day "31" before the ":" that ends a wide range selector.
  bool PeekIsTime() const {
    return PeekIs(TokenKind::kNumber) && PeekIs(TokenKind::kColon, 1) &&
           PeekIs(TokenKind::kNumber, 2);
  }
  bool PeekIsMonth(std::size_t ahead = 0) const {
    return PeekIs(TokenKind::kWord, ahead) && MonthIndex(Peek(ahead).text) >= 0;
  }
  bool PeekIsWeekdayItem(std::size_t ahead = 0) const {
    if (!PeekIs(TokenKind::kWord, ahead)) return false;
    const std::string_view word = Peek(ahead).text;
    return WeekdayIndex(word) >= 0 || word == "PH" || word == "SH";
  }

  Error Malformed(const Token& at, const std::string& en, const std::string& zh) const {
    return Error::Parse(1, at.column, en, zh);
  }
  Error Unsupported(const Token& at, const std::string& en, const std::string& zh) const {
    Error error = Error::Parse(1, at.column, en, zh);
    error.code = ErrorCode::kUnsupported;
    return error;
  }
  Error Unexpected(const Token& at, const std::string& expected_en,
                   const std::string& expected_zh) const {
    return Malformed(at, "expected " + expected_en + ", found " + Quote(at),
                     "此处应为" + expected_zh + "，实为" + QuoteZh(at));
  }

  Result<Rule> ParseRule(RuleSeparator separator);
  Status ParseMonthdayRanges(Rule& rule);
  Result<MonthdayRange> ParseMonthdayRange();
  Result<std::chrono::month_day> ParseMonthday(bool is_end, unsigned month_if_absent);
  Status ParseWeekdaySelector(Rule& rule);
  Status ParseTimeSelector(Rule& rule);
  Result<int> ParseTime(bool is_end);
  Status ParseRuleModifier(Rule& rule, bool has_selector);
  Error UnknownWord(const Token& token) const;

  std::vector<Token> tokens_;
  std::size_t index_ = 0;
  int timespan_count_ = 0;
};

Result<std::vector<Rule>> Parser::ParseRules() {
  std::vector<Rule> rules;
  if (PeekIs(TokenKind::kEnd)) {
    return Malformed(Peek(),
                     "the expression is empty: write at least one rule, e.g. \"Mo-Fr 09:00-17:00\"",
                     "表达式为空：请至少写一条规则，例如 \"Mo-Fr 09:00-17:00\"");
  }
  RuleSeparator separator = RuleSeparator::kNormal;
  while (true) {
    Result<Rule> rule = ParseRule(separator);
    if (!rule.ok()) return rule.error();
    rules.push_back(std::move(rule).value());
    if (rules.size() > static_cast<std::size_t>(OpeningHours::kMaxRules)) {
      return Unsupported(Peek(), "more than " + std::to_string(OpeningHours::kMaxRules) + " rules",
                         "规则超过 " + std::to_string(OpeningHours::kMaxRules) + " 条");
    }

    const Token& token = Next();
    if (token.kind == TokenKind::kEnd) return rules;
    if (token.kind == TokenKind::kSemicolon) {
      separator = RuleSeparator::kNormal;
    } else if (token.kind == TokenKind::kComma) {
      separator = RuleSeparator::kAdditional;
    } else if (token.kind == TokenKind::kFallback) {
      separator = RuleSeparator::kFallback;
    } else if (token.kind == TokenKind::kWord && !IsSelectorWord(token.text)) {
      return UnknownWord(token);
    } else {
      return Unexpected(token, "a rule separator ';', ',' or '||'", "规则分隔符“;”“,”或“||”");
    }
    if (PeekIs(TokenKind::kEnd)) {
      return Malformed(Peek(), "a rule separator must be followed by a rule",
                       "规则分隔符后缺少规则");
    }
  }
}

Result<Rule> Parser::ParseRule(RuleSeparator separator) {
  Rule rule;
  rule.separator = separator;
  const Token& first = Peek();
  bool has_selector = false;

  if (PeekIs(TokenKind::kNumber) && PeekIs(TokenKind::kSlash, 1)) {
    if (first.text != "24" || !PeekIs(TokenKind::kNumber, 2) || Peek(2).text != "7") {
      return Malformed(first, "expected \"24/7\"", "此处应为“24/7”");
    }
    index_ += 3;
    if (Status status = ParseRuleModifier(rule, true); !status.ok()) return status.error();
    return rule;
  }
  if (PeekIs(TokenKind::kNumber) && !PeekIsTime()) {
    return Unsupported(first,
                       "year and week selectors are not supported; use months, dates and weekdays",
                       "不支持年份或周次选择器；请使用月份、日期和星期");
  }
  if (PeekIs(TokenKind::kWord) && first.text == "week") {
    return Unsupported(first, "week selectors are not supported", "不支持周次选择器");
  }

  if (PeekIsMonth()) {
    if (Status status = ParseMonthdayRanges(rule); !status.ok()) return status.error();
    has_selector = true;
    if (PeekIs(TokenKind::kColon)) Next();
  }
  if (PeekIsWeekdayItem()) {
    if (Status status = ParseWeekdaySelector(rule); !status.ok()) return status.error();
    has_selector = true;
  }
  if (PeekIs(TokenKind::kNumber)) {
    if (Status status = ParseTimeSelector(rule); !status.ok()) return status.error();
    has_selector = true;
  }
  if (Status status = ParseRuleModifier(rule, has_selector); !status.ok()) return status.error();
  return rule;
}

Status Parser::ParseMonthdayRanges(Rule& rule) {
  while (true) {
    Result<MonthdayRange> range = ParseMonthdayRange();
    if (!range.ok()) return range.error();
    rule.monthday_ranges.push_back(*range);
    if (!(PeekIs(TokenKind::kComma) && PeekIsMonth(1))) return {};
    Next();
  }
}

// "May", "May-Sep", "Jul 01-Aug 31", "Dec 25", "Jan 01-05", "Jul 01-Aug".
Result<MonthdayRange> Parser::ParseMonthdayRange() {
  Result<std::chrono::month_day> first = ParseMonthday(false, 0);
  if (!first.ok()) return first.error();
  if (!PeekIs(TokenKind::kDash)) {
    // A month alone covers the whole month; a date alone, that day.
    const bool day_written = tokens_[index_ - 1].kind == TokenKind::kNumber;
    const unsigned month = static_cast<unsigned>(first->month());
    const std::chrono::day last_day =
        day_written ? first->day() : std::chrono::day{kDaysInMonth[month]};
    return MonthdayRange{*first, {first->month(), last_day}};
  }
  Next();
  Result<std::chrono::month_day> last = ParseMonthday(true, static_cast<unsigned>(first->month()));
  if (!last.ok()) return last.error();
  return MonthdayRange{*first, *last};
}

// A month name with an optional day number. For the end of a range the month
// may be absent ("Jan 01-05": same month as the start) and a month alone ends
// on its last day.
Result<std::chrono::month_day> Parser::ParseMonthday(bool is_end, unsigned month_if_absent) {
  unsigned month = month_if_absent;
  if (PeekIsMonth()) {
    month = static_cast<unsigned>(MonthIndex(Next().text) + 1);
  } else if (!(is_end && PeekIs(TokenKind::kNumber))) {
    if (PeekIs(TokenKind::kWord)) return UnknownWord(Peek());
    return Unexpected(Peek(), "a month such as Jan or a day number", "月份（如 Jan）或日期数字");
  } else if (PeekIsTime()) {
    return Unexpected(Peek(), "a month or a day number", "月份或日期数字");
  }

  if (!PeekIs(TokenKind::kNumber) || PeekIsTime()) {
    return std::chrono::month_day{std::chrono::month{month},
                                  std::chrono::day{is_end ? kDaysInMonth[month] : 1}};
  }
  const Token& day_token = Next();
  unsigned day = 0;
  for (char c : day_token.text) day = std::min(day * 10 + static_cast<unsigned>(c - '0'), 100u);
  if (day_token.text.size() != 2 || day < 1 || day > kDaysInMonth[month]) {
    return Malformed(day_token,
                     "invalid day '" + std::string(day_token.text) + "' of " +
                         std::string(kMonthNames[month - 1]) + ": write two digits from 01 to " +
                         std::to_string(kDaysInMonth[month]),
                     "日期“" + std::string(day_token.text) + "”无效：请写两位数字 01 至 " +
                         std::to_string(kDaysInMonth[month]));
  }
  return std::chrono::month_day{std::chrono::month{month}, std::chrono::day{day}};
}

// Weekday ranges and "PH", separated by commas: "Mo-Fr", "Mo,We", "PH,Sa".
Status Parser::ParseWeekdaySelector(Rule& rule) {
  while (true) {
    const Token& token = Next();
    if (token.text == "SH") {
      return Unsupported(token, "school holidays (SH) are not supported", "不支持学校假期（SH）");
    }
    if (token.text == "PH") {
      rule.public_holiday = true;
    } else {
      const int first = WeekdayIndex(token.text);
      int last = first;
      if (PeekIs(TokenKind::kDash)) {
        Next();
        if (!PeekIsWeekdayItem() || Peek().text == "PH" || Peek().text == "SH") {
          if (PeekIs(TokenKind::kWord)) return UnknownWord(Peek());
          return Unexpected(Peek(), "a weekday (Mo Tu We Th Fr Sa Su) to end the range",
                            "结束星期（Mo Tu We Th Fr Sa Su）");
        }
        last = WeekdayIndex(Next().text);
      }
      // Ranges run forward from the first day and may wrap: "Fr-Mo".
      for (int day = first;; day = (day + 1) % 7) {
        rule.weekday_mask = static_cast<std::uint8_t>(rule.weekday_mask | (1u << day));
        if (day == last) break;
      }
    }
    if (PeekIs(TokenKind::kOther) && Peek().text == "[") {
      return Unsupported(Peek(), "the nth weekday of a month (\"Mo[1]\") is not supported",
                         "不支持“每月第几个星期几”（如 \"Mo[1]\"）");
    }
    if (!(PeekIs(TokenKind::kComma) && PeekIsWeekdayItem(1))) return {};
    Next();
  }
}

// Timespans separated by commas: "08:30-12:00,13:30-17:30".
Status Parser::ParseTimeSelector(Rule& rule) {
  while (true) {
    const Token& start_token = Peek();
    Result<int> start = ParseTime(false);
    if (!start.ok()) return start.error();
    if (!PeekIs(TokenKind::kDash)) {
      if (PeekIs(TokenKind::kOther) && Peek().text == "+") {
        return Unsupported(Peek(), "open-ended timespans (\"10:00+\") are not supported",
                           "不支持无结束时间的时段（\"10:00+\"）");
      }
      return Unexpected(Peek(), "'-' and the end of the timespan", "“-”和时段结束时间");
    }
    Next();
    const Token& end_token = Peek();
    Result<int> end = ParseTime(true);
    if (!end.ok()) return end.error();
    if (*end < *start) {
      return Unsupported(end_token,
                         "timespans past midnight are not supported: split them at 24:00",
                         "不支持跨午夜的时段：请在 24:00 处拆分");
    }
    if (*end == *start) {
      return Malformed(end_token, "the timespan ends when it starts",
                       "时段的结束时间与开始时间相同");
    }
    if (++timespan_count_ > OpeningHours::kMaxTimespans) {
      return Unsupported(start_token,
                         "more than " + std::to_string(OpeningHours::kMaxTimespans) + " timespans",
                         "时段超过 " + std::to_string(OpeningHours::kMaxTimespans) + " 个");
    }
    rule.timespans.push_back({*start, *end});
    if (!(PeekIs(TokenKind::kComma) && PeekIs(TokenKind::kNumber, 1))) return {};
    Next();
  }
}

// "HH:MM", with 24:00 allowed only as an end.
Result<int> Parser::ParseTime(bool is_end) {
  const Token& hour_token = Next();
  if (hour_token.kind != TokenKind::kNumber) {
    if (hour_token.kind == TokenKind::kWord) return UnknownWord(hour_token);
    return Unexpected(hour_token, "a time HH:MM", "时间 HH:MM");
  }
  if (!PeekIs(TokenKind::kColon))
    return Unexpected(Peek(), "':' between hours and minutes", "时与分之间的“:”");
  Next();
  const Token& minute_token = Next();
  if (minute_token.kind != TokenKind::kNumber)
    return Unexpected(minute_token, "minutes MM", "分钟 MM");

  const auto value = [](std::string_view digits) {
    int result = 0;
    for (char c : digits) result = std::min(result * 10 + (c - '0'), 1000);
    return result;
  };
  const int hour = value(hour_token.text);
  const int minute = value(minute_token.text);
  if (hour_token.text.size() != 2 || minute_token.text.size() != 2) {
    return Malformed(hour_token, "write times with two-digit hours and minutes, as 09:00",
                     "时间的时和分须各写两位数字，如 09:00");
  }
  if (hour > 24 || minute > 59 || (hour == 24 && (minute != 0 || !is_end))) {
    const std::string time = std::string(hour_token.text) + ":" + std::string(minute_token.text);
    return Malformed(hour_token,
                     "invalid time " + time + ": hours run from 00 to 24 (24:00 only as an end)",
                     "时间 " + time + " 无效：小时为 00 至 24（24:00 只能作为结束时间）");
  }
  return hour * 60 + minute;
}

Status Parser::ParseRuleModifier(Rule& rule, bool has_selector) {
  bool has_modifier = false;
  if (PeekIs(TokenKind::kWord)) {
    const std::string_view word = Peek().text;
    if (word == "open") {
      rule.modifier = RuleModifier::kOpen;
    } else if (word == "closed" || word == "off") {
      rule.modifier = RuleModifier::kClosed;
    } else if (word == "unknown") {
      rule.modifier = RuleModifier::kUnknown;
    } else if (!has_selector) {
      return UnknownWord(Peek());
    }
    if (word == "open" || word == "closed" || word == "off" || word == "unknown") {
      Next();
      has_modifier = true;
    }
  }
  if (PeekIs(TokenKind::kComment)) {
    rule.comment = std::string(Next().text);
    // A comment alone states nothing certain about the times it covers.
    if (!has_modifier && !has_selector) rule.modifier = RuleModifier::kUnknown;
    return {};
  }
  if (!has_modifier && !has_selector) {
    return Unexpected(
        Peek(), "a selector (month, weekday, PH, time) or a rule modifier (open, off, unknown)",
        "选择器（月份、星期、PH、时间）或规则修饰符（open、off、unknown）");
  }
  return {};
}

// Explains a word that fits nowhere, with a hint for the usual mistakes.
Error Parser::UnknownWord(const Token& token) const {
  const std::string word(token.text);
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto abbreviates = [&lower](std::span<const std::string_view> names,
                                    std::size_t min_length) {
    if (lower.size() < min_length) return false;
    for (std::string_view name : names) {
      if (name.substr(0, lower.size()) == lower) return true;
    }
    return false;
  };
  if (abbreviates(kEnglishWeekdays, 2)) {
    return Malformed(token,
                     "unknown word '" + word + "': weekdays are written Mo Tu We Th Fr Sa Su",
                     "无法识别的词“" + word + "”：星期应写作 Mo Tu We Th Fr Sa Su");
  }
  if (abbreviates(kEnglishMonths, 3)) {
    return Malformed(token, "unknown word '" + word + "': months are written Jan Feb ... Dec",
                     "无法识别的词“" + word + "”：月份应写作 Jan Feb ... Dec");
  }
  if (word == "sunrise" || word == "sunset" || word == "dawn" || word == "dusk") {
    return Unsupported(token, "variable times (" + word + ") are not supported",
                       "不支持可变时间（" + word + "）");
  }
  return Malformed(token, "unknown word '" + word + "'", "无法识别的词“" + word + "”");
}

}  // namespace

bool MonthdayRange::Contains(std::chrono::month_day day) const {
  if (first <= last) return first <= day && day <= last;
  return day >= first || day <= last;
}

Result<OpeningHours> OpeningHours::Parse(std::string_view expression) {
  Result<std::vector<Token>> tokens = Tokenize(expression);
  if (!tokens.ok()) return tokens.error();
  Parser parser(std::move(tokens).value());
  Result<std::vector<Rule>> rules = parser.ParseRules();
  if (!rules.ok()) return rules.error();

  OpeningHours hours;
  hours.expression_ = std::string(expression);
  hours.rules_ = std::move(rules).value();
  for (const Rule& rule : hours.rules_) hours.uses_public_holidays_ |= rule.public_holiday;
  return hours;
}

}  // namespace ngodesk
