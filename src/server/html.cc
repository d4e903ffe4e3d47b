#include "server/html.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ngodesk/calendar.h"
#include "ngodesk/moderation.h"
#include "ngodesk/opening_hours.h"
#include "ngodesk/resolver.h"

#include "server/gzip.h"
#include "server/reader_text.h"

namespace ngodesk::server {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";

// The number of accepted changes an office card lists; the history route
// of the API gives more.
constexpr std::size_t kHistoryOnCard = 20;

// Text in the page's language.
class Writer {
 public:
  explicit Writer(bool chinese) : chinese_(chinese) {}

  bool chinese() const { return chinese_; }
  std::string_view Pick(std::string_view en, std::string_view zh) const {
    return chinese_ ? zh : en;
  }
  // Picks a BilingualText side, falling back to the other when empty.
  std::string_view Pick(const BilingualText& text) const {
    if (chinese_) return text.zh.empty() ? text.en : text.zh;
    return text.en.empty() ? text.zh : text.en;
  }

  Writer& Raw(std::string_view html) {
    out_ += html;
    return *this;
  }
  Writer& Text(std::string_view text) {
    out_ += EscapeHtml(text);
    return *this;
  }
  Writer& Label(std::string_view en, std::string_view zh) { return Text(Pick(en, zh)); }
  // Text that a reader may have sent (directly, or through an accepted
  // report): escaped, with its invisible characters shown as markers.
  Writer& ReaderText(std::string_view text) {
    out_ += EscapeReaderText(text);
    return *this;
  }

  std::string Take() { return std::move(out_); }

 private:
  bool chinese_;
  std::string out_;
};

std::string LangQuery(bool chinese) { return chinese ? "?lang=zh" : "?lang=en"; }

// The files of web/ that a page loads: the stylesheet, and the script that
// enhances the page (empty for none).
struct PageAssets {
  bool stylesheet = false;
  std::string_view script;
  bool module = false;  // the script is an ES module
};

// The styles and script of the finder, when the build embeds them.
PageAssets FinderAssets(const Site* site) {
  PageAssets assets;
  if (site == nullptr) return assets;
  assets.stylesheet = site->asset("style.css") != nullptr;
  if (site->asset("app.js") != nullptr) assets.script = "app.js";
  return assets;
}

// The head of every page, with the Atom feed of accepted changes, and the
// site header.
void WriteHead(Writer& page, const PageAssets& assets, std::string_view title,
               std::string_view path) {
  page.Raw("<!DOCTYPE html>\n<html lang=\"").Raw(page.chinese() ? "zh-Hans" : "en").Raw("\">\n");
  page.Raw("<head>\n<meta charset=\"utf-8\">\n");
  page.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  page.Raw("<title>").Text(title).Raw("</title>\n");
  page.Raw("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">\n");
  if (assets.stylesheet) page.Raw("<link rel=\"stylesheet\" href=\"/assets/style.css\">\n");
  if (!assets.script.empty()) {
    page.Raw("<script src=\"/assets/").Raw(assets.script).Raw("\"");
    page.Raw(assets.module ? " type=\"module\"" : " defer").Raw("></script>\n");
  }
  page.Raw("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.atom\" title=\"");
  page.Label("ngodesk: accepted changes", "ngodesk：已采纳的更改").Raw("\">\n");
  page.Raw("</head>\n<body>\n<header>\n<a href=\"/").Raw(LangQuery(page.chinese())).Raw("\">");
  page.Label("ngodesk: registration authorities for overseas NGOs",
             "ngodesk：境外非政府组织登记管理机关");
  page.Raw("</a>\n<nav aria-label=\"").Label("Language", "语言").Raw("\">");
  if (page.chinese()) {
    page.Raw("<a href=\"").Text(path).Raw("?lang=en\" hreflang=\"en\" lang=\"en\">English</a>");
  } else {
    page.Raw("<a href=\"").Text(path).Raw("?lang=zh\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">简体中文</a>");
  }
  page.Raw("</nav>\n</header>\n<main>\n");
}

void WriteFoot(Writer& page) {
  page.Raw("</main>\n<footer><p>");
  page.Label("Data as published by the offices; each field names its source.",
             "数据取自各机关公布的信息；每项均注明来源。");
  page.Raw(" <a href=\"/api/v1/openapi.json\">API</a></p></footer>\n</body>\n</html>\n");
}

// A search form that works without JavaScript: it submits to / with GET.
void WriteSearchForm(Writer& page, std::string_view query, bool activity) {
  page.Raw("<form action=\"/\" method=\"get\" role=\"search\">\n");
  page.Raw("<input type=\"hidden\" name=\"lang\" value=\"").Raw(page.chinese() ? "zh" : "en");
  page.Raw("\">\n<label for=\"q\">");
  page.Label("Place or address (Chinese, pinyin or English)", "地名或地址（中文、拼音或英文）");
  // 200 characters keep the form's address within the default 2048-byte
  // target limit, as a Chinese character takes 9 bytes once percent-encoded.
  page.Raw("</label>\n<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"")
      .Text(query);
  page.Raw("\" required>\n<label for=\"procedure\">").Label("Procedure", "事项").Raw("</label>\n");
  page.Raw("<select id=\"procedure\" name=\"procedure\">\n<option value=\"office\"");
  page.Raw(activity ? "" : " selected").Raw(">");
  page.Label("Registering a representative office", "登记设立代表机构").Raw("</option>\n");
  page.Raw("<option value=\"activity\"").Raw(activity ? " selected" : "").Raw(">");
  page.Label("Filing a temporary activity", "开展临时活动备案").Raw("</option>\n</select>\n");
  page.Raw("<button type=\"submit\">").Label("Find the office", "查找登记管理机关");
  page.Raw("</button>\n</form>\n");
}

std::string DivisionName(const Writer& page, const Division* division) {
  if (division == nullptr) return {};
  return page.chinese() ? division->name_zh : division->name_zh + " / " + division->name_en;
}

// The whole chain of a division, smallest first in English ("鼓楼区 / Gulou,
// 南京市 / Nanjing, 江苏省 / Jiangsu") and largest first in Chinese
// ("江苏省南京市鼓楼区"). A municipality that is both province and prefecture
// is named once.
std::string ChainName(const Writer& page, const DivisionChain& chain) {
  std::vector<const Division*> parts;
  for (const Division* division : {chain.province, chain.prefecture, chain.county}) {
    if (division == nullptr) continue;
    if (!parts.empty() && parts.back()->name_zh == division->name_zh) continue;
    parts.push_back(division);
  }
  std::string text;
  if (page.chinese()) {
    for (const Division* division : parts) text += division->name_zh;
    return text;
  }
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!text.empty()) text += ", ";
    text += DivisionName(page, *it);
  }
  return text;
}

void WriteOfficeLink(Writer& page, const Site& site, const std::string& office_id) {
  const Office* office = site.FindOffice(office_id);
  page.Raw("<a href=\"/offices/").Text(office_id).Raw(LangQuery(page.chinese())).Raw("\">");
  page.Text(office != nullptr ? std::string(page.Pick(office->name)) : office_id).Raw("</a>");
}

// Plain wording for a query that the resolver rejects: the same words as for
// an empty box when the text names nothing, the limit for an over-long text,
// else the resolver's own message (invalid UTF-8, a control character).
std::string QueryErrorText(const Writer& page, std::string_view query, const Error& error) {
  if (query.size() > kMaxQueryBytes) {
    const std::string limit = std::to_string(kMaxQueryBytes);
    return page.chinese() ? "文本过长：最多 " + limit + " 字节（约 340 个汉字）。请只输入地名或地址。"
                          : "The text is too long: at most " + limit +
                                " bytes (about 340 Chinese characters). Enter only the place or the address.";
  }
  // NOTE: this matches the resolver's message for a text without a letter or
  // a digit; the resolver has no separate error code for it.
  if (error.message.starts_with("the query is empty")) {
    return std::string(page.Pick("Enter a place or an address.", "请输入地名或地址。"));
  }
  return error.Text(page.chinese());
}

// The result of a search: the office and the rule that decides it, or the
// candidates of an ambiguous query, or why nothing was found.
void WriteResolution(Writer& page, const Site& site, std::string_view query, bool activity) {
  page.Raw("<section aria-labelledby=\"result\">\n<h2 id=\"result\">");
  page.Label("Result for ", "查询结果：").Text(query).Raw("</h2>\n");
  const Result<Resolution> resolution =
      Resolver::Bundled().Resolve(query, activity ? Procedure::kActivity : Procedure::kOffice);
  if (!resolution.ok()) {
    page.Raw("<p class=\"error\">").Text(QueryErrorText(page, query, resolution.error()));
    page.Raw("</p>\n</section>\n");
    return;
  }
  if (!resolution->found) {
    page.Raw("<p>").Label("No place in mainland China was found in this text.",
                          "未在此文本中找到中国大陆的地名。");
    page.Raw("</p>\n</section>\n");
    return;
  }

  if (resolution->ambiguous) {
    page.Raw("<p class=\"ambiguous\">");
    if (page.chinese()) {
      page.Raw("“").Text(query).Raw("”符合多个地方，请选择其一：");
    } else {
      page.Raw("“").Text(query).Raw("” matches several places: pick one.");
    }
    page.Raw("</p>\n<ul class=\"candidates\">\n");
    for (const Candidate& candidate : resolution->candidates) {
      page.Raw("<li>").Text(ChainName(page, candidate.chain)).Raw(page.chinese() ? "：" : ": ");
      if (candidate.office_id.empty()) {
        page.Label("no mainland office", "无大陆登记管理机关");
      } else {
        WriteOfficeLink(page, site, candidate.office_id);
      }
      page.Raw("</li>\n");
    }
    page.Raw("</ul>\n");
  } else if (!resolution->office_id.empty()) {
    page.Raw("<p>").Text(ChainName(page, resolution->chain)).Raw(" → ");
    WriteOfficeLink(page, site, resolution->office_id);
    page.Raw("</p>\n");
  }
  // The rule of an ambiguous query is that of its first candidate, so it
  // waits until the reader picks a place.
  if (!resolution->ambiguous && !resolution->rule.id.empty()) {
    page.Raw("<p>").Text(page.Pick(resolution->rule.text.en, resolution->rule.text.zh));
    page.Raw(" <small>")
        .Text(page.Pick(resolution->rule.citation, resolution->rule.citation_zh))
        .Raw("</small></p>\n");
  }
  for (const Note& note : resolution->notes) {
    page.Raw("<p class=\"note\">").Text(page.Pick(note.en, note.zh)).Raw("</p>\n");
  }
  page.Raw("</section>\n");
}

// The jurisdiction as the reader sees it: "Nationwide" for the Ministry.
std::string_view JurisdictionText(const Writer& page, const Office& office) {
  if (office.jurisdiction.kind == JurisdictionKind::kNational) return page.Pick("Nationwide", "全国");
  return page.Pick(office.jurisdiction.name);
}

void WriteOfficeList(Writer& page, const Site& site) {
  page.Raw("<section aria-labelledby=\"offices\">\n<h2 id=\"offices\">");
  page.Label("All offices", "全部机关").Raw("</h2>\n<p>");
  page.Label("Each of the 33 offices, with the jurisdiction it registers for.",
             "全部 33 个登记管理机关及其管辖范围。");
  page.Raw("</p>\n<ul class=\"office-list\">\n");
  for (const Office& office : site.offices()) {
    page.Raw("<li><a href=\"/offices/").Text(office.id).Raw(LangQuery(page.chinese())).Raw("\">");
    page.Text(page.Pick(office.name)).Raw("</a>");
    const std::string_view jurisdiction = JurisdictionText(page, office);
    if (!jurisdiction.empty()) {
      page.Raw(" <span class=\"jurisdiction\">").Text(jurisdiction).Raw("</span>");
    }
    page.Raw("</li>\n");
  }
  page.Raw("</ul>\n</section>\n");
}

// "Last changed on DATE" under a field's heading when an accepted report
// changed it. `field` is the field's name in the JSON export.
void WriteLastChanged(Writer& page, const Office& office, std::string_view field) {
  for (const FieldChange& change : office.field_changes) {
    if (change.field != field) continue;
    page.Raw("<p class=\"last-changed\">").Label("Last changed on ", "最近更改于 ");
    page.Text(change.changed_at.substr(0, 10)).Raw("</p>\n");
    return;
  }
}

// "Confirmed on DATE" from the latest call that reached the office,
// "possibly out of date" when a later call failed, else "not confirmed".
void WriteNumberBadges(Writer& page, const PhoneNumber& number) {
  if (number.possibly_out_of_date()) {
    page.Raw(" <span class=\"badge stale\">");
    page.Label("Possibly out of date: a call on ", "可能已过时：").Text(number.last_failed_call_on);
    page.Label(" did not reach the office", " 的电话未能联系上该机关").Raw("</span>");
  }
  if (number.confirmed()) {
    page.Raw(" <span class=\"badge confirmed\">");
    if (page.chinese()) {
      page.Raw("已于 ").Text(number.confirmed_on).Raw(" 核实");
    } else {
      page.Raw("Confirmed on ").Text(number.confirmed_on);
    }
    page.Raw("</span>");
  } else if (!number.possibly_out_of_date()) {
    page.Raw(" <span class=\"badge unconfirmed\">").Label("Not confirmed", "未核实").Raw("</span>");
  }
}

// "+86 571 8728 7100" from the national form "0571 8728 7100", as the
// script of the page shows it; the E.164 form without spaces otherwise.
std::string InternationalForm(const PhoneNumber& number) {
  if (!number.national.empty() && number.e164.starts_with("+86")) {
    const std::string_view national = number.national;
    return "+86 " + std::string(national.starts_with("0") ? national.substr(1) : national);
  }
  return number.e164;
}

void WriteNumbers(Writer& page, const Office& office, const std::vector<PhoneNumber>& numbers,
                  std::string_view field, std::string_view en, std::string_view zh) {
  if (numbers.empty()) return;
  page.Raw("<h2>").Label(en, zh).Raw("</h2>\n");
  WriteLastChanged(page, office, field);
  page.Raw("<ul class=\"numbers\">\n");
  for (const PhoneNumber& number : numbers) {
    page.Raw("<li>");
    if (!number.e164.empty()) {
      page.Raw("<a class=\"tel\" href=\"tel:").Text(number.e164).Raw("\">").Text(InternationalForm(number));
      page.Raw("</a> ");
    }
    page.Raw("<span lang=\"zh-Hans\">").ReaderText(number.text).Raw("</span>");
    if (!number.extension.empty()) page.Raw(" ").Label("ext. ", "转").Text(number.extension);
    WriteNumberBadges(page, number);
    page.Raw("</li>\n");
  }
  page.Raw("</ul>\n");
}

void WriteAddresses(Writer& page, const Office& office) {
  if (office.addresses.empty()) return;
  page.Raw("<h2>").Label("Addresses", "地址").Raw("</h2>\n");
  WriteLastChanged(page, office, "addresses");
  page.Raw("<ul>\n");
  for (const Address& address : office.addresses) {
    page.Raw("<li>");
    if (!address.text.zh.empty()) {
      page.Raw("<p lang=\"zh-Hans\" class=\"address-zh\">").ReaderText(address.text.zh).Raw("</p>");
    }
    if (!address.text.en.empty()) {
      page.Raw("<p lang=\"en\" class=\"address-en\">").ReaderText(address.text.en).Raw("</p>");
    }
    if (!address.note.empty()) page.Raw("<p class=\"note\">").Text(address.note).Raw("</p>");
    page.Raw("</li>\n");
  }
  page.Raw("</ul>\n");
}

std::string_view StateLabel(const Writer& page, HoursState state) {
  switch (state) {
    case HoursState::kOpen:
      return page.Pick("Open", "办公中");
    case HoursState::kClosed:
      return page.Pick("Closed", "不办公");
    case HoursState::kUnknown:
      break;
  }
  return page.Pick("Unknown", "不确定");
}

// The badge of the state at an instant. Hours that the expression states as
// unknown read "Hours unknown" rather than "Unknown" before "hours unknown".
std::string_view BadgeLabel(const Writer& page, const HoursStatus& status) {
  if (status.reason.code == ReasonCode::kUnknownHours) return page.Pick("Hours unknown", "办公时间不明");
  return StateLabel(page, status.state);
}

// The cause that Describe puts in brackets after "hours unknown" (from the
// expression's comment, e.g. "no hours published"), or empty.
std::string UnknownCause(const Writer& page, const HoursReason& reason) {
  if (reason.comment.empty()) return {};
  const BilingualText text = Describe(reason);
  // Describe gives "hours unknown (CAUSE)" and "办公时间不确定（CAUSE）".
  const std::string& whole = page.chinese() ? text.zh : text.en;
  const std::string_view open = page.chinese() ? "（" : " (";
  const std::string_view close = page.chinese() ? "）" : ")";
  const std::size_t start = whole.find(open);
  if (start == std::string::npos || !whole.ends_with(close)) return {};
  return whole.substr(start + open.size(), whole.size() - start - open.size() - close.size());
}

// The reason after the badge. For unknown hours, the badge already states it,
// so the sentence gives only the cause from the expression's comment
// ("No hours published."), or nothing.
std::string ReasonSentence(const Writer& page, const HoursStatus& status) {
  if (status.reason.code != ReasonCode::kUnknownHours) return std::string(page.Pick(Describe(status.reason)));
  std::string sentence = UnknownCause(page, status.reason);
  if (sentence.empty()) return {};
  if (page.chinese()) return sentence + "。";
  sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
  return sentence + ".";
}

// Returns whether `interval` runs from midnight to midnight.
bool CoversWholeDay(const HoursInterval& interval) {
  return interval.start_minute == 0 && interval.end_minute == 24 * 60;
}

// Returns whether `day` is one unknown interval from midnight to midnight.
bool WholeDayUnknown(const DayHours& day) {
  return day.intervals.size() == 1 && day.intervals.front().state == HoursState::kUnknown &&
         CoversWholeDay(day.intervals.front());
}

// Writes "hours unknown: CAUSE" for an unknown interval, in brackets after
// its times unless it covers the whole day.
void WriteUnknownInterval(Writer& page, const HoursInterval& interval) {
  const std::string cause = UnknownCause(page, interval.reason);
  const bool whole_day = CoversWholeDay(interval);
  if (whole_day) {
    page.Label("Hours unknown", "办公时间不明");
  } else {
    page.Text(FormatMinuteOfDay(interval.start_minute) + "–" +
              FormatMinuteOfDay(interval.end_minute));
    page.Label(" (hours unknown", "（办公时间不明");
  }
  if (!cause.empty()) page.Label(": ", "：").Text(cause);
  if (!whole_day) page.Label(")", "）");
}

// "08:30–12:00 open" for each interval that is not closed, or the reason the
// day is closed.
void WriteDay(Writer& page, const DayHours& day) {
  static constexpr std::string_view kEnglish[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::string_view kChinese[] = {"星期日", "星期一", "星期二", "星期三",
                                                  "星期四", "星期五", "星期六"};
  const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{day.date}}.c_encoding();
  const std::string date = FormatChinaTime(FromChinaTime(day.date, 0)).substr(0, 10);
  page.Raw("<tr><th scope=\"row\">").Text(page.Pick(kEnglish[weekday], kChinese[weekday]));
  page.Raw(" <span class=\"date\">").Text(date).Raw("</span></th><td>");

  bool any = false;
  for (const HoursInterval& interval : day.intervals) {
    if (interval.state == HoursState::kClosed) continue;
    if (any) page.Label(", ", "，");
    any = true;
    if (interval.state == HoursState::kUnknown) {
      WriteUnknownInterval(page, interval);
      continue;
    }
    page.Text(FormatMinuteOfDay(interval.start_minute) + "–" +
              FormatMinuteOfDay(interval.end_minute));
  }
  if (!any && !day.intervals.empty()) {
    page.Label("Closed: ", "不办公：").Text(page.Pick(Describe(day.intervals.front().reason)));
  }
  page.Raw("</td></tr>\n");
}

// The state badge at `now` and the seven days from the date of `now`.
void WriteHoursStatus(Writer& page, const PreparedHours& hours, std::chrono::sys_seconds now) {
  if (!hours.parsed.has_value()) return;
  const HoursStatus status = EvaluateAt(*hours.parsed, now);
  page.Raw("<p class=\"hours-status\"><span class=\"badge state-").Raw(HoursStateName(status.state)).Raw("\">");
  page.Text(BadgeLabel(page, status)).Raw("</span> ");
  page.Text(ReasonSentence(page, status));
  page.Raw(" <small>").Label("(China time ", "（北京时间 ");
  page.Text(FormatChinaTime(now).substr(0, 16).replace(10, 1, " ")).Label(")", "）").Raw("</small></p>\n");
  if (status.next_change.has_value()) {
    const std::string when = FormatChinaTime(*status.next_change).substr(0, 16).replace(10, 1, " ");
    page.Raw("<p class=\"next-change\">");
    if (page.chinese()) {
      page.Raw("自 ").Text(when).Raw(" 起").Text(StateLabel(page, status.next_state));
    } else {
      std::string next(StateLabel(page, status.next_state));
      next[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(next[0])));
      page.Raw("Then ").Text(next).Raw(" from ").Text(when);
    }
    page.Raw("</p>\n");
  }

  const std::chrono::sys_days first{ToChinaTime(now).date};
  std::vector<DayHours> week;
  for (int offset = 0; offset < 7; ++offset) {
    week.push_back(
        EvaluateDay(*hours.parsed, std::chrono::year_month_day{first + std::chrono::days{offset}}));
  }
  // A week of unknown hours repeats the badge seven times, so it is left
  // out, as on the page with JavaScript.
  if (std::all_of(week.begin(), week.end(), WholeDayUnknown)) return;
  page.Raw("<table class=\"week\"><caption>").Label("The next seven days", "未来七天");
  page.Raw("</caption>\n");
  for (const DayHours& day : week) WriteDay(page, day);
  page.Raw("</table>\n");
}

void WriteHours(Writer& page, const Office& office, const PreparedHours* prepared,
                std::chrono::sys_seconds now) {
  const Hours& hours = office.hours;
  page.Raw("<h2>").Label("Hours", "办公时间").Raw("</h2>\n");
  WriteLastChanged(page, office, "hours");
  if (prepared != nullptr) WriteHoursStatus(page, *prepared, now);
  page.Raw("<dl class=\"facts\">\n<dt>").Label("Published hours", "公布的办公时间").Raw("</dt>\n<dd>");
  if (hours.text.has_value()) {
    page.Raw("<span lang=\"zh-Hans\">").ReaderText(*hours.text).Raw("</span>");
  } else {
    page.Label("The office publishes no hours.", "该机关未公布办公时间。");
  }
  page.Raw("</dd>\n");
  if (!hours.expression.empty()) {
    page.Raw("<dt>").Label("As an opening_hours expression", "opening_hours 表达式").Raw("</dt>\n");
    page.Raw("<dd><code>").ReaderText(hours.expression).Raw("</code></dd>\n");
  }
  page.Raw("</dl>\n");
  if (hours.assumed) {
    page.Raw("<p class=\"assumption\">").Label("Assumed: ", "推定：").Text(page.Pick(hours.assumption));
    page.Raw("</p>\n");
  }
}

void WriteSources(Writer& page, const Office& office) {
  if (office.sources.empty()) return;
  page.Raw("<h2>").Label("Sources", "来源").Raw("</h2>\n<ul>\n");
  for (const Source& source : office.sources) {
    page.Raw("<li>").Text(source.title);
    if (!source.date.empty()) page.Raw(" (").Text(source.date).Raw(")");
    if (!source.note.empty()) page.Raw(": ").Text(source.note);
    page.Raw("</li>\n");
  }
  page.Raw("</ul>\n");
}

// Emails (with `scheme` "mailto:") or websites. A website is a link only
// when it is an http(s) URL.
void WriteLinks(Writer& page, const Office& office, const std::vector<std::string>& values,
                std::string_view field, std::string_view scheme, std::string_view en,
                std::string_view zh) {
  if (values.empty()) return;
  page.Raw("<h2>").Label(en, zh).Raw("</h2>\n");
  WriteLastChanged(page, office, field);
  page.Raw("<ul>\n");
  for (const std::string& value : values) {
    const bool web = value.starts_with("http://") || value.starts_with("https://");
    page.Raw("<li>");
    if (!scheme.empty() || web) {
      page.Raw("<a href=\"").Text(scheme).ReaderText(value).Raw("\">").ReaderText(value).Raw("</a>");
    } else {
      page.ReaderText(value);
    }
    page.Raw("</li>\n");
  }
  page.Raw("</ul>\n");
}

std::string_view FieldLabel(const Writer& page, ReportField field) {
  switch (field) {
    case ReportField::kPhones: return page.Pick("Telephone", "电话");
    case ReportField::kFax: return page.Pick("Fax", "传真");
    case ReportField::kAddresses: return page.Pick("Address", "地址");
    case ReportField::kHours: return page.Pick("Hours", "办公时间");
    case ReportField::kEmails: return page.Pick("Email", "电子邮件");
    case ReportField::kWebsites: return page.Pick("Website", "网站");
    case ReportField::kOther: break;
  }
  return page.Pick("Other", "其他");
}

// One accepted change: date, field, editor, old → new value and evidence.
// Every text but the date and the field came from a reader or an editor.
void WriteChange(Writer& page, const Change& change) {
  page.Raw("<li><p><time datetime=\"").Text(change.changed_at).Raw("\">");
  page.Text(change.changed_at.substr(0, 10)).Raw("</time> · <strong>");
  page.Text(FieldLabel(page, change.field)).Raw("</strong> · ").Label("by ", "编辑：");
  page.ReaderText(change.editor).Raw("</p>\n<p>");
  if (change.old_value.empty()) {
    page.Label("(added)", "（新增）");
  } else {
    page.Raw("<del>").ReaderText(change.old_value).Raw("</del>");
  }
  page.Raw(" → ");
  if (change.new_value.empty()) {
    page.Label("(removed)", "（删除）");
  } else {
    page.Raw("<ins>").ReaderText(change.new_value).Raw("</ins>");
  }
  page.Raw("</p>\n");
  if (!change.evidence.empty()) {
    page.Raw("<p class=\"change-evidence\">").Label("Evidence: ", "依据：");
    page.ReaderText(change.evidence).Raw("</p>\n");
  }
  page.Raw("</li>\n");
}

// The office's accepted changes, newest first, and the feed of all changes.
void WriteHistory(Writer& page, const std::vector<Change>& history) {
  page.Raw("<h2>").Label("History of changes", "更改记录").Raw("</h2>\n");
  if (history.empty()) {
    page.Raw("<p>").Label("No change has been accepted since the list was published.",
                          "名录公布以来尚无采纳的更改。");
    page.Raw("</p>\n");
  } else {
    page.Raw("<ol class=\"changes\">\n");
    for (const Change& change : history) WriteChange(page, change);
    page.Raw("</ol>\n");
  }
  page.Raw("<p class=\"feed-link\"><a href=\"/feed.atom\" type=\"application/atom+xml\">");
  page.Label("Follow the accepted changes of all offices (Atom feed)",
             "订阅所有机关已采纳的更改（Atom 源）");
  page.Raw("</a></p>\n");
}

// A note that the script of the page sends reports, and that readers
// without it can use the API.
void WriteReportNote(Writer& page) {
  page.Raw("<section class=\"report-other\">\n<h2>");
  page.Label("Something wrong or missing?", "信息有误或缺漏？").Raw("</h2>\n");
  page.Raw("<p class=\"report-needs-js\">");
  page.Label("Reporting a problem on this page needs JavaScript. Without it, send the report to the "
             "JSON API: POST /api/v1/reports, described in the ",
             "在本页报告问题需要启用 JavaScript。未启用时，可向 JSON API 发送报告："
             "POST /api/v1/reports，说明见");
  page.Raw("<a href=\"/api/v1/openapi.json\">").Label("API document", " API 文档").Raw("</a>");
  page.Label(".", "。").Raw("</p>\n</section>\n");
}

void WriteOfficeCard(Writer& page, const Office& office, const PreparedHours* hours,
                     const std::vector<Change>& history, std::chrono::sys_seconds now) {
  page.Raw("<article class=\"office-card\">\n<h1>").Text(page.Pick(office.name)).Raw("</h1>\n");
  const std::string_view other = page.chinese() ? office.name.en : office.name.zh;
  if (!other.empty()) {
    page.Raw("<p lang=\"").Raw(page.chinese() ? "en" : "zh-Hans").Raw("\">").Text(other).Raw("</p>\n");
  }
  page.Raw("<p>").Label("Jurisdiction: ", "管辖范围：").Text(JurisdictionText(page, office));
  if (office.city.has_value()) {
    page.Raw("<br>").Label("Seat: ", "所在地：").Text(office.city->name.zh);
    page.Raw(" / ").Text(office.city->name.en);
  }
  page.Raw("</p>\n");

  WriteAddresses(page, office);
  WriteNumbers(page, office, office.phones, "phones", "Telephone", "电话");
  WriteNumbers(page, office, office.faxes, "fax", "Fax", "传真");
  WriteLinks(page, office, office.emails, "emails", "mailto:", "Email", "电子邮件");
  WriteLinks(page, office, office.websites, "websites", "", "Websites", "网站");
  WriteHours(page, office, hours, now);
  WriteReportNote(page);
  WriteHistory(page, history);
  WriteSources(page, office);
  page.Raw("<p class=\"card-actions\"><a href=\"/").Raw(LangQuery(page.chinese())).Raw("\">");
  page.Label("All offices", "全部机关").Raw("</a></p>\n</article>\n");
}

Response HtmlResponse(const Request& request, unsigned status, std::string body) {
  std::shared_ptr<const Representation> representation = MakeRepresentation(
      std::string(kHtml), std::move(body), AcceptsGzip(request.accept_encoding));
  // Asked only when the client accepts gzip, so no body is compressed for nothing.
  const bool gzip = AcceptsGzip(request.accept_encoding) && !representation->gzip_body().empty();

  Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", std::string(kHtml));
  response.headers.emplace_back("Cache-Control", status == 200 ? "no-cache" : "no-store");
  if (status == 200) {
    std::string etag = representation->etag;
    if (gzip) etag.insert(etag.size() - 1, "-gz");
    response.headers.emplace_back("ETag", std::move(etag));
  }
  response.headers.emplace_back("Vary", "Accept-Encoding, Accept-Language");
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
      "form-action 'self'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (gzip) response.headers.emplace_back("Content-Encoding", "gzip");
  response.body = gzip ? representation->gzip_body() : representation->body;
  response.representation = std::move(representation);
  return response;
}

bool LanguageIsChinese(std::string_view tag) {
  return tag.size() >= 2 && (tag[0] == 'z' || tag[0] == 'Z') && (tag[1] == 'h' || tag[1] == 'H') &&
         (tag.size() == 2 || tag[2] == '-' || tag[2] == '_');
}

bool LanguageIsEnglish(std::string_view tag) {
  return tag.size() >= 2 && (tag[0] == 'e' || tag[0] == 'E') && (tag[1] == 'n' || tag[1] == 'N') &&
         (tag.size() == 2 || tag[2] == '-');
}

// A page with a heading, one sentence and a link to the list of offices.
void WriteErrorPage(Writer& page, std::string_view heading, std::string_view message) {
  WriteHead(page, PageAssets{.stylesheet = true, .script = {}, .module = false}, std::string(heading) + " · ngodesk", "/");
  page.Raw("<h1>").Text(heading).Raw("</h1>\n<p class=\"error\">").Text(message);
  page.Raw("</p>\n<p><a href=\"/").Raw(LangQuery(page.chinese())).Raw("\">");
  page.Label("All offices", "全部机关").Raw("</a></p>\n");
  WriteFoot(page);
}

Response UnknownOfficePage(const Request& request, bool chinese, std::string_view id) {
  Writer page(chinese);
  const std::string message =
      chinese ? "没有 id 为“" + std::string(id) + "”的机关。请从全部机关列表中选择。"
              : "No office has the id “" + std::string(id) + "”. Pick one from the list of all offices.";
  WriteErrorPage(page, page.Pick("Office not found", "未找到机关"), message);
  return HtmlResponse(request, 404, page.Take());
}

// The message for a procedure other than office or activity, as the API's.
void WriteProcedureError(Writer& page, std::string_view procedure) {
  page.Raw("<section aria-labelledby=\"result\">\n<h2 id=\"result\">");
  page.Label("Invalid search", "查询无效").Raw("</h2>\n<p class=\"error\">");
  if (page.chinese()) {
    page.Raw("事项“").Text(procedure).Raw("”无效：请选择 office（登记设立代表机构）或 activity（开展临时活动备案）。");
  } else {
    page.Raw("The procedure '").Text(procedure);
    page.Raw("' is invalid: choose office (registering a representative office) or activity "
             "(filing a temporary activity).");
  }
  page.Raw("</p>\n</section>\n");
}

Response FaviconRedirect() {
  Response response;
  response.status = 301;
  response.headers.emplace_back("Location", "/assets/favicon.svg");
  response.headers.emplace_back("Cache-Control", "public, max-age=86400");
  return response;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ChooseLanguage(const RequestTarget& target, std::string_view accept_language) {
  if (const std::optional<std::string_view> lang = target.Param("lang")) {
    if (LanguageIsChinese(*lang)) return "zh";
    if (LanguageIsEnglish(*lang)) return "en";
  }
  std::size_t start = 0;
  while (start < accept_language.size()) {
    std::size_t comma = accept_language.find(',', start);
    if (comma == std::string_view::npos) comma = accept_language.size();
    std::string_view item = accept_language.substr(start, comma - start);
    start = comma + 1;

    const std::size_t semicolon = item.find(';');
    std::string_view tag = item.substr(0, semicolon);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    const std::string_view parameters =
        semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
    const std::size_t q = parameters.find("q=");
    if (q != std::string_view::npos &&
        parameters.substr(q + 2).find_first_not_of("0. ") == std::string_view::npos) {
      continue;  // q=0: not acceptable
    }
    if (LanguageIsChinese(tag)) return "zh";
    if (LanguageIsEnglish(tag)) return "en";
  }
  return "en";
}

Response HandlePage(const Site& site, const Request& request, const RequestTarget& target,
                    const RouteMatch& match) {
  Writer page(ChooseLanguage(target, request.accept_language) == "zh");
  if (match.route->id == RouteId::kHomePage) {
    WriteHead(page, FinderAssets(&site), page.Pick("ngodesk: registration authorities for overseas NGOs",
                                     "ngodesk：境外非政府组织登记管理机关"),
              "/");
    const std::string_view query = target.Param("q").value_or("");
    const std::optional<std::string_view> procedure = target.Param("procedure");
    const bool activity = procedure == "activity";
    // The API rejects another procedure with 400, and so does the page,
    // rather than quietly searching for a representative office.
    const bool bad_procedure = procedure.has_value() && *procedure != "office" && !activity;
    page.Raw("<h1>").Label("Registration authorities for overseas NGOs", "境外非政府组织登记管理机关");
    page.Raw("</h1>\n");
    WriteSearchForm(page, query, activity);
    if (bad_procedure) {
      WriteProcedureError(page, *procedure);
    } else if (query.find_first_not_of(" \t") != std::string_view::npos) {
      WriteResolution(page, site, query, activity);
    }
    WriteOfficeList(page, site);
    WriteFoot(page);
    return HtmlResponse(request, bad_procedure ? 400 : 200, page.Take());
  }

  const Office* office = site.FindOffice(match.params[0]);
  if (office == nullptr) return UnknownOfficePage(request, page.chinese(), match.params[0]);
  WriteHead(page, FinderAssets(&site), std::string(page.Pick(office->name)) + " · ngodesk", "/offices/" + office->id);
  WriteOfficeCard(page, *office, site.hours(office->id), site.History(office->id, kHistoryOnCard),
                  request.now);
  WriteFoot(page);
  return HtmlResponse(request, 200, page.Take());
}

Response NotFoundPage(const Request& request) {
  const Result<RequestTarget> target = ParseRequestTarget(request.target);
  // Browsers and feed readers ask for /favicon.ico by habit; the pages link
  // the SVG icon, which this points them to.
  if (target.ok() && target->path == "/favicon.ico") return FaviconRedirect();
  const std::string lang =
      ChooseLanguage(target.ok() ? *target : RequestTarget{}, request.accept_language);
  Writer page(lang == "zh");
  WriteErrorPage(page, page.Pick("Page not found", "页面不存在"),
                 page.Pick("No page has this address.", "此地址没有页面。"));
  return HtmlResponse(request, 404, page.Take());
}

// Returns the lang parameter ("lang=zh" or "lang=en") of a target that did
// not parse as a whole, read from its raw query. A broken link thus still gets
// a page in the language it asked for.
RequestTarget RawLanguage(std::string_view target) {
  RequestTarget language;
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return language;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const std::size_t end = query.find('&');
    const std::string_view pair = query.substr(0, end);
    if (pair == "lang=zh" || pair == "lang=en") {
      language.query.emplace_back("lang", std::string(pair.substr(5)));
      return language;
    }
    if (end == std::string_view::npos) break;
    query.remove_prefix(end + 1);
  }
  return language;
}

Response BadRequestPage(const Request& request, const Error& error) {
  Writer page(ChooseLanguage(RawLanguage(request.target), request.accept_language) == "zh");
  const std::string message =
      std::string(page.Pick("This web address cannot be read. Check the link, or search again "
                            "from the home page. Details: ",
                            "无法读取此网址。请检查链接，或回到首页重新搜索。详情：")) +
      error.Text(page.chinese());
  WriteErrorPage(page, page.Pick("Invalid web address", "网址无效"), message);
  return HtmlResponse(request, 400, page.Take());
}

std::string RenderEditorPage(std::string_view lang) {
  Writer page(lang == "zh");
  WriteHead(page, PageAssets{.stylesheet = true, .script = "editor.js", .module = true},
            page.Pick("Editor · ngodesk", "编辑 · ngodesk"), "/editor");
  page.Raw("<section aria-labelledby=\"sign-in-heading\">\n<h1 id=\"sign-in-heading\">");
  page.Label("Sign in as an editor", "编辑登录").Raw("</h1>\n");
  page.Raw("<p class=\"report-needs-js\">");
  page.Label("The editor page needs JavaScript. Without it, review reports with the command line: "
             "ngodesk review.",
             "编辑页面需要启用 JavaScript。未启用时，请用命令行审核报告：ngodesk review。");
  page.Raw("</p>\n<form class=\"editor-form sign-in\" novalidate>\n<label for=\"token\">");
  page.Label("Editor token", "编辑令牌").Raw("</label>\n");
  page.Raw("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required>\n");
  page.Raw("<p class=\"form-buttons\"><button type=\"submit\" class=\"primary\" disabled>");
  page.Label("Sign in", "登录").Raw("</button></p>\n</form>\n</section>\n");
  WriteFoot(page);
  return page.Take();
}

}  // namespace ngodesk::server
