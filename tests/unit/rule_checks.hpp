// Helpers for the rule unit tests: analyse a text and look at its hints.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "chime/analyzer.hpp"
#include "text/unicode.hpp"

namespace chime::testing {

struct Found {
  std::vector<Hint> hints;
  std::string text;

  // The flagged text of every hint of `rule`, in order.
  std::vector<std::string> spans(std::string_view rule) const {
    std::vector<std::string> out;
    int32_t replaced = 0;
    const std::u16string u = text::decode_utf8(text, replaced);
    for (const Hint& h : hints) {
      if (h.rule != rule) continue;
      out.push_back(text::to_utf8(std::u16string_view(u).substr(static_cast<size_t>(h.start),
                                                               static_cast<size_t>(h.end - h.start))));
    }
    return out;
  }
  // The flagged text of the first hint of `rule`, or "(none)".
  std::string span(std::string_view rule) const {
    auto all = spans(rule);
    return all.empty() ? "(none)" : all.front();
  }
  int count(std::string_view rule) const {
    return static_cast<int>(std::count_if(hints.begin(), hints.end(), [&](const Hint& h) { return h.rule == rule; }));
  }
  const Hint* first(std::string_view rule) const {
    auto it = std::find_if(hints.begin(), hints.end(), [&](const Hint& h) { return h.rule == rule; });
    return it == hints.end() ? nullptr : &*it;
  }
};

inline Found check(std::string text, const Context& context = {}) {
  static Analyzer analyzer;
  return {analyzer.analyze(text, context).hints, std::move(text)};
}

inline Context reply_to(std::string handle, std::string replied_text = "") {
  Context c;
  c.reply_to = std::move(handle);
  c.in_reply_to_text = std::move(replied_text);
  return c;
}

}  // namespace chime::testing
