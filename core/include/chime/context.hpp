// What the draft is: a reply, a quote, a post in a thread. Every field optional.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "chime/result.hpp"

namespace chime {

struct Context {
  std::string reply_to;          // "@handle" being answered; empty if not a reply
  std::string in_reply_to_text;  // the text being answered
  bool quote = false;            // quoting someone else's post
  bool retweet = false;          // sharing someone else's post as is
  int32_t thread_index = 0;      // 0 = first post of a thread (or a lone post)

  bool is_reply() const { return !reply_to.empty() || !in_reply_to_text.empty(); }

  // Reads {"reply_to": "@h", "in_reply_to_text": "...", "quote": false,
  // "retweet": false, "thread_index": 0}; wrong types are reported in
  // `errors` as "context.<key>: ..." and leave the default.
  static Context from_json(const Json& j, std::vector<std::string>& errors);
};

}  // namespace chime
