// Length and form (rules.md section 1): what X itself enforces (the 280
// limit) and the habits that make a post look like spam or shouting.
// Docs: docs/rules/form.md; examples: tests/examples/form.tsv.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "rules/features.hpp"
#include "rules/rule.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

// More hashtags than this is a warning whatever the configured limit (the
// tip threshold, Config::max_hashtags, defaults to 2).
constexpr size_t kHashtagWarning = 4;
// form.shouting: this many capitalised words (not acronyms) in a run.
constexpr int kShoutingWords = 2;
// ... and on a crisis notice, where the one instruction in capitals is how
// alerts are written ("SHELTER IN PLACE", "EVACUATION ORDER"), more than
// this many: a whole sentence in capitals still shouts.
constexpr int kCrisisShoutingWords = 4;
// form.link-only: a link with at most this many words of one's own.
constexpr int32_t kLinkOnlyMaxWords = 4;

void check_length_over(const Analysis& a, HintSink& sink) {
  const LengthInfo& length = a.doc.length;
  if (length.weighted <= length.max) return;
  const int32_t over = length.weighted - length.max;
  sink.add({"length.over", Severity::error, std::min(length.valid_end, a.doc.size()), a.doc.size(),
            sink.message("length.over", {std::to_string(length.weighted), std::to_string(over),
                                         std::to_string(length.max)}),
            sink.message("length.over.do", {sink.count("n.character", "n.characters", static_cast<size_t>(over))}),
            {}});
}

// Only whitespace between `from` and `to` apart from hashtags. Tokens and
// hashtags both run in text order, so one pass over each (linear time).
bool only_hashtags_between(const Document& doc, int32_t from, int32_t to) {
  const std::vector<Entity>& tags = doc.entities.hashtags;
  size_t tag = 0;
  for (size_t i = doc.token_at(from); i < doc.tokens.size() && doc.tokens[i].start < to; ++i) {
    const Token& t = doc.tokens[i];
    while (tag < tags.size() && tags[tag].end <= t.start) ++tag;
    if (tag == tags.size() || tags[tag].start >= t.end) return false;  // no hashtag overlaps t
  }
  return true;
}

void check_hashtag_pileup(const Analysis& a, HintSink& sink) {
  const auto& tags = a.doc.entities.hashtags;
  const auto limit = static_cast<size_t>(a.doc.config ? a.doc.config->max_hashtags : Config{}.max_hashtags);
  if (tags.size() <= limit) return;
  const bool many = tags.size() > std::max(limit, kHashtagWarning);
  const int32_t start = tags[limit].start, end = tags.back().end;
  std::vector<std::string> replacements;
  // One click removes the extra tags when they trail the text.
  if (only_hashtags_between(a.doc, start, end) && text_end(a.doc) == end) replacements.emplace_back("");
  sink.add({"form.hashtag-pileup", many ? Severity::warning : Severity::tip, start, end,
            sink.message("form.hashtag-pileup", {sink.count("n.hashtag", "n.hashtags", tags.size()), std::to_string(limit)}),
            sink.message("form.hashtag-pileup.do"),
            std::move(replacements)});
}

bool is_acronym(const Token& t) {
  static const WordList& acronyms = WordList::builtin("lists/acronyms.txt");
  return acronyms.contains(t);
}

// "I" and "A" are capitals without shouting; they neither start nor break a run.
bool is_single_capital(const Token& t) {
  return t.kind == TokenKind::word && t.text.size() == 1 && t.text[0] >= 'A' && t.text[0] <= 'Z';
}

std::u16string lower(std::u16string_view s) {
  icu::UnicodeString u(false, s.data(), static_cast<int32_t>(s.size()));
  u.toLower(icu::Locale::getRoot());
  return {u.getBuffer(), static_cast<size_t>(u.length())};
}

// Does a sentence open at a token? Asked for increasing tokens, it walks the
// sentences in step, finding each one's first own word once (linear time; a
// scan of every sentence per token was quadratic on a long shouted text).
class SentenceOpeners {
 public:
  explicit SentenceOpeners(const Document& doc) : doc_(doc) {}
  bool opens(size_t token) {
    while (next_ < doc_.sentences.size() && doc_.sentences[next_].first_token <= token) {
      const Sentence& s = doc_.sentences[next_++];
      previous_ = current_;
      current_ = first_own_word(doc_, s.first_token, s.last_token);
    }
    // A sentence without words of its own "opens" at its end, where the next begins.
    return current_ == token || previous_ == token;
  }

 private:
  const Document& doc_;
  size_t next_ = 0;
  size_t current_ = SIZE_MAX, previous_ = SIZE_MAX;
};

// The run in sentence case: shouted words lower-cased, acronyms kept, a
// capital kept where a sentence opens and for names of days and months
// (lists/capitalized.txt).
std::string calm_down(const Document& doc, size_t first, size_t last, SentenceOpeners& openers) {
  static const WordList& names = WordList::builtin("lists/capitalized.txt");
  std::u16string out;
  int32_t pos = doc.tokens[first].start;
  for (size_t i = first; i <= last; ++i) {
    const Token& t = doc.tokens[i];
    out.append(doc.text, static_cast<size_t>(pos), static_cast<size_t>(t.start - pos));
    std::u16string_view word(doc.text.data() + t.start, static_cast<size_t>(t.end - t.start));
    std::u16string calm = t.all_caps && !is_acronym(t) ? lower(word) : std::u16string(word);
    if ((openers.opens(i) || names.contains(t)) && !calm.empty() && calm[0] >= u'a' && calm[0] <= u'z') {
      calm[0] = static_cast<char16_t>(calm[0] - u'a' + u'A');
    }
    out += calm;
    pos = t.end;
  }
  return text::to_utf8(out);
}

void add_shouting(const Analysis& a, HintSink& sink, size_t first, size_t last, SentenceOpeners& openers) {
  const Document& doc = a.doc;
  const std::string run = doc.utf8(doc.tokens[first].start, doc.tokens[last].end);
  sink.add({"form.shouting", Severity::warning, doc.tokens[first].start, doc.tokens[last].end,
            sink.message("form.shouting", {run}), sink.message("form.shouting.do"),
            {calm_down(doc, first, last, openers)}});
}

void check_shouting(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  size_t first = 0, last = 0;
  int shouted = 0;
  SentenceOpeners openers(doc);  // runs come in text order
  const int needed = a.kind == PostKind::crisis ? kCrisisShoutingWords : kShoutingWords;
  auto close_run = [&] {
    if (shouted >= needed) add_shouting(a, sink, first, last, openers);
    shouted = 0;
  };
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i < count; ++i) {
    // Outside a run only a word in capitals matters (it may start one); for
    // any other token every branch below does nothing: skip to the next one.
    if (shouted == 0) {
      while (i < count && !(doc.tokens[i].all_caps && doc.tokens[i].kind == TokenKind::word)) ++i;
      if (i == count) break;
    }
    const Token& t = doc.tokens[i];
    if (in_entity(doc, t)) {
      close_run();
    } else if (t.kind != TokenKind::word) {
      continue;  // numbers, punctuation and emoji neither start nor break a run
    } else if (t.all_caps && !is_acronym(t)) {
      if (shouted == 0) first = i;
      last = i;
      ++shouted;
    } else if ((t.all_caps || is_single_capital(t)) && shouted > 0) {
      last = t.all_caps ? i : last;  // an acronym inside a run belongs to it
    } else if (!is_single_capital(t) && !t.all_caps) {
      close_run();
    }
  }
  close_run();
}

void check_exclamations(const Analysis& a, HintSink& sink) {
  std::vector<Bang>& marks = memo(a).bangs;  // reused: no allocation per text
  exclamation_marks(a.doc, marks);
  int32_t total = 0;
  bool any_run = false;
  for (const Bang& b : marks) {
    total += b.weight;
    any_run = any_run || b.weight >= 2;
  }
  if (any_run) {
    for (const Bang& b : marks) {
      if (b.weight < 2) continue;
      sink.add({"form.exclamations", Severity::tip, b.start, b.end,
                sink.message("form.exclamations.run", {a.doc.utf8(b.start, b.end)}),
                sink.message("form.exclamations.run.do"), {"!"}});
    }
  } else if (total > 2) {
    // Spread out: flag every mark after the first, offering a full stop.
    for (size_t i = 1; i < marks.size(); ++i) {
      sink.add({"form.exclamations", Severity::tip, marks[i].start, marks[i].end,
                sink.message("form.exclamations.many", {std::to_string(total)}),
                sink.message("form.exclamations.many.do"), {"."}});
    }
  }
}

void check_link_only(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  if (doc.entities.urls.empty() || (doc.context && doc.context->retweet)) return;
  const int32_t words = own_word_count_up_to(doc, kLinkOnlyMaxWords);
  if (words > kLinkOnlyMaxWords) return;
  sink.add({"form.link-only", Severity::warning, 0, text_end(doc),
            words == 0 ? sink.message("form.link-only.bare")
                       : sink.message("form.link-only", {sink.count("n.word", "n.words", static_cast<size_t>(words))}),
            sink.message("form.link-only.do"),
            {}});
}

void check_mention_wall(const Analysis& a, HintSink& sink) {
  const auto wall = mention_wall(a);
  if (wall.empty()) return;
  sink.add({"form.mention-wall", Severity::tip, wall.front().start, wall.back().end,
            sink.message("form.mention-wall", {sink.count("n.mention", "n.mentions", wall.size())}),
            sink.message("form.mention-wall.do"), {}});
}

constexpr RuleCheck kChecks[] = {
    {"length.over", check_length_over},
    {"form.hashtag-pileup", check_hashtag_pileup},
    {"form.shouting", check_shouting},
    {"form.exclamations", check_exclamations},
    {"form.link-only", check_link_only},
    {"form.mention-wall", check_mention_wall},
};

}  // namespace

std::span<const RuleCheck> length_form_checks() { return kChecks; }

}  // namespace chime
