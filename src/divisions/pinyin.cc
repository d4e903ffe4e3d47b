// Pinyin(): ICU's Han-Latin transliteration with the place-name readings of
// data/pinyin-overrides.tsv taking precedence.
#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "ngodesk/embedded.h"
#include "ngodesk/gazetteer.h"

NGODESK_DECLARE_EMBEDDED(ngodesk_pinyin_overrides_tsv)

namespace ngodesk {
namespace {

// The override table: a word (one or more Han characters) and its reading.
struct OverrideTable {
  std::unordered_map<std::string, std::string> readings;
  std::size_t max_chars = 0;  // maximum word length, in code points
};

std::size_t CountCodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Lines are "word<TAB>reading<TAB>reason"; '#' starts a comment line. The
// file is a build input checked by the tests, so a malformed line is skipped
// here rather than reported.
OverrideTable ParseOverrides(std::string_view text) {
  OverrideTable table;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.empty() || line.front() == '#') continue;

    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::size_t second_tab = line.find('\t', tab + 1);
    const std::string_view word = line.substr(0, tab);
    const std::string_view reading = line.substr(tab + 1, second_tab == std::string_view::npos
                                                              ? std::string_view::npos
                                                              : second_tab - tab - 1);
    table.readings.emplace(std::string(word), std::string(reading));
    table.max_chars = std::max(table.max_chars, CountCodePoints(word));
  }
  return table;
}

const OverrideTable& Overrides() {
  static const OverrideTable table = ParseOverrides(NGODESK_EMBEDDED_VIEW(ngodesk_pinyin_overrides_tsv));
  return table;
}

// ICU's transliterator takes tens of milliseconds to create, so it is
// created once. Its transliterate() is guarded by a mutex because ICU does
// not document concurrent use of one instance as safe.
class HanLatin {
 public:
  static HanLatin& Instance() {
    static HanLatin instance;
    return instance;
  }

  std::string Transliterate(std::string_view han) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(han.data(), static_cast<int32_t>(han.size())));
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (transliterator_ != nullptr) transliterator_->transliterate(text);
    }
    std::string out;
    text.toUTF8String(out);
    return out;
  }

 private:
  HanLatin() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower",
                                                              UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  }

  std::mutex mutex_;
  std::unique_ptr<icu::Transliterator> transliterator_;
};

bool IsHan(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

// Appends romanised syllables to `out`, keeping one space between words.
void AppendSyllables(std::string& out, std::string_view syllables) {
  std::size_t start = 0;
  while (start < syllables.size()) {
    std::size_t end = syllables.find(' ', start);
    if (end == std::string_view::npos) end = syllables.size();
    if (end > start) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      out.append(syllables.substr(start, end - start));
    }
    start = end + 1;
  }
}

// Splits text into override words, other Han runs (romanised by ICU as a
// whole, so that its phrase readings such as 重庆 apply) and non-Han text,
// which passes through with a space between it and adjacent syllables.
class Romaniser {
 public:
  explicit Romaniser(std::string_view text) : text_(text) {}

  std::string Run() {
    std::size_t i = 0;
    while (i < text_.size()) {
      UChar32 c = 0;
      std::size_t next = i;
      U8_NEXT(text_.data(), next, text_.size(), c);
      if (!IsHan(c)) {
        FlushHan();
        AppendOther(text_.substr(i, next - i));
      } else if (const std::size_t matched = MatchOverride(i); matched > 0) {
        next = i + matched;
      } else {
        if (han_start_ == std::string_view::npos) han_start_ = i;
        han_end_ = next;
      }
      i = next;
    }
    FlushHan();
    return std::move(out_);
  }

 private:
  // Appends the reading of the longest override word starting at `i` and
  // returns its byte length, or returns 0 when none starts there.
  std::size_t MatchOverride(std::size_t i) {
    const OverrideTable& table = Overrides();
    std::vector<std::size_t> ends;
    std::size_t next = i;
    for (std::size_t n = 0; n < table.max_chars && next < text_.size(); ++n) {
      UChar32 c = 0;
      U8_NEXT(text_.data(), next, text_.size(), c);
      if (!IsHan(c)) break;
      ends.push_back(next);
    }
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      const auto found = table.readings.find(std::string(text_.substr(i, *end - i)));
      if (found == table.readings.end()) continue;
      FlushHan();
      AppendSyllables(out_, found->second);
      after_syllable_ = true;
      return *end - i;
    }
    return 0;
  }

  void FlushHan() {
    if (han_start_ == std::string_view::npos) return;
    AppendSyllables(out_, HanLatin::Instance().Transliterate(text_.substr(han_start_, han_end_ - han_start_)));
    han_start_ = std::string_view::npos;
    after_syllable_ = true;
  }

  void AppendOther(std::string_view piece) {
    if (after_syllable_ && piece != " " && !out_.empty()) out_.push_back(' ');
    out_.append(piece);
    after_syllable_ = false;
  }

  std::string_view text_;
  std::string out_;
  std::size_t han_start_ = std::string_view::npos;
  std::size_t han_end_ = 0;
  bool after_syllable_ = false;
};

}  // namespace

std::string Pinyin(std::string_view text) {
  return Romaniser(text).Run();
}

}  // namespace ngodesk
