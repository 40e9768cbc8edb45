#include "chime/context.hpp"

namespace chime {

Context Context::from_json(const Json& j, std::vector<std::string>& errors) {
  Context c;
  if (j.is_null()) return c;
  if (!j.is_object()) {
    errors.push_back("context: must be an object");
    return c;
  }
  for (const auto& [key, value] : j.items()) {
    // clang 14 (Emscripten) cannot capture a structured binding: name it.
    const std::string& name = key;
    auto wrong = [&](const char* what) { errors.push_back("context." + name + ": must be " + what); };
    if (key == "reply_to") {
      if (value.is_string()) c.reply_to = value.get<std::string>();
      else if (!value.is_null()) wrong("a string such as \"@handle\"");
    } else if (key == "in_reply_to_text") {
      if (value.is_string()) c.in_reply_to_text = value.get<std::string>();
      else if (!value.is_null()) wrong("a string");
    } else if (key == "quote") {
      if (value.is_boolean()) c.quote = value.get<bool>();
      else wrong("true or false");
    } else if (key == "retweet") {
      if (value.is_boolean()) c.retweet = value.get<bool>();
      else wrong("true or false");
    } else if (key == "thread_index") {
      if (value.is_number_integer() && value.get<int64_t>() >= 0 && value.get<int64_t>() < 1000) {
        c.thread_index = value.get<int32_t>();
      } else {
        wrong("an integer from 0 to 999");
      }
    } else {
      errors.push_back("context." + key + ": unknown key (expected reply_to, in_reply_to_text, "
                       "quote, retweet, thread_index)");
    }
  }
  return c;
}

}  // namespace chime
