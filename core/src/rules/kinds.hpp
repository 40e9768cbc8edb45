// What kind of post the draft is (docs/kinds.md): decided before the rules
// run, from the context (a reply, a share, a later part of a thread) and
// cue phrases in the text (core/data/phrases/kind_cues.tsv). Each rule
// declares the kinds it applies to (RuleInfo::kinds), so that, say, a boil-
// water notice is never asked to "start a conversation".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chime {

struct Analysis;  // rules/rule.hpp

// In the order the text cues are tried (the first kind with a cue wins),
// after the kinds the context decides (replies, shares, later thread parts).
enum class PostKind : uint8_t {
  reply_complaint,  // answers a complaint (negative or complaint words)
  reply_question,   // answers a question
  reply_praise,     // answers praise or thanks
  reply,            // any other reply
  share,            // retweet or quote
  thread_later,     // the second or a later post of a thread
  chat_answer,      // "A1:", "Q2", or a tweet-chat hashtag
  crisis,           // lockdown, shelter in place, evacuation, outage, boil water, outbreak, weather closure
  service,          // hours, closures, parking, visiting
  thread_first,     // "1/", "🧵", "a thread"
  job,
  fundraising,
  event,
  awareness,        // awareness day, week or month
  research,         // research or news
  promotion,
  tip,
  general,
  count
};

// "reply-complaint", "crisis", ... as written in the Result and the docs.
std::string_view to_string(PostKind kind);
PostKind post_kind_from_string(std::string_view name);  // PostKind::count if unknown

// A set of kinds, one bit each.
using KindSet = uint32_t;
constexpr KindSet kind_bit(PostKind k) { return KindSet{1} << static_cast<unsigned>(k); }
constexpr KindSet kAnyKind = (KindSet{1} << static_cast<unsigned>(PostKind::count)) - 1;
constexpr KindSet kReplyKinds = kind_bit(PostKind::reply_complaint) | kind_bit(PostKind::reply_question) |
                                kind_bit(PostKind::reply_praise) | kind_bit(PostKind::reply);
// Notices people need to act on, and the middle of a thread: no nudge to
// "start a conversation" there.
constexpr KindSet kNoticeKinds =
    kind_bit(PostKind::crisis) | kind_bit(PostKind::service) | kind_bit(PostKind::thread_later);
// Where an engagement nudge (a question, a chat) is welcome.
constexpr KindSet kEngagementKinds = kAnyKind & ~kNoticeKinds & ~kReplyKinds;
constexpr bool applies(KindSet set, PostKind k) { return (set & kind_bit(k)) != 0; }

// A set of kinds as written in core/data/rules.tsv: "any", "engagement", or
// kind names, each "-name" taking one away ("any -crisis"); nullopt if a
// name is unknown.
std::optional<KindSet> parse_kinds(std::string_view text);

struct KindDecision {
  PostKind kind = PostKind::general;
  std::string cue;  // what decided it: the cue phrase as written, or "context.<field>"
};

// Needs a.doc (tokens, entities) and a.in_reply_to; reads the phrase lists.
KindDecision classify_post(const Analysis& a);

// What the post answered (a.in_reply_to) says of a complaint: one reading,
// for the kind and for the rules that judge a reply to one (tone.defensive,
// tone.boilerplate, talk.reply).
struct ComplaintReading {
  bool negative = false;  // it reads negative (VADER compound <= -0.25)
  bool words = false;     // complaint words (phrases/tone_complaint.tsv): "waited", "rude"
  bool negation = false;  // a negation of its language (lists/negations.tsv): "not", "nunca"
  // A statement that something went wrong. Spanish, by structure: nobody did
  // something or something is not there ("nadie me explica nada", "no hay
  // insulina", "no le entregan nada"). English: any negation ("STILL not
  // sent", "Still no date. Is this a joke?").
  bool failure = false;
  // A complaint: its tone or its words, or a statement of failure (Spanish:
  // as above; English: nobody did it, it never happened, it happened again,
  // or it still has not: "NOBODY has called me", "shut AGAIN", "Still no
  // date"). An English negation alone is too weak a sign for the kind ("does
  // the clinic have doctors who speak Spanish? My mom doesn't").
  bool complains = false;
  // It tells what went wrong (words or a failure), not only reads negative
  // ("Next stop @Maternity" does): what an English stock answer is judged by.
  bool tells() const { return words || failure; }
};
ComplaintReading read_complaint(const Analysis& a);

// read_complaint(a).complains: the kind reply-complaint.
bool answered_complains(const Analysis& a);

}  // namespace chime
