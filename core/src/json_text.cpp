#include "chime/json_text.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace chime {

JsonText& JsonText::open(char bracket) {
  separate();
  out_ += bracket;
  return *this;
}

JsonText& JsonText::close(char bracket) {
  out_ += bracket;
  return *this;
}

JsonText& JsonText::key(std::string_view name) {
  // Keys are the writer's own ASCII names: nothing to escape.
  separate();
  out_ += '"';
  out_ += name;
  out_ += "\":";
  return *this;
}

namespace {

// The bytes a string's scan stops at: those JSON escapes (controls, '"',
// '\\') and those that start a UTF-8 sequence, which is checked. Runs of
// the others are appended whole.
constexpr std::array<bool, 256> kStopsScan = [] {
  std::array<bool, 256> stops{};
  for (size_t c = 0; c < 256; ++c) stops[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return stops;
}();

}  // namespace

JsonText& JsonText::value(std::string_view s) {
  separate();
  const size_t begin = out_.size();
  out_ += '"';
  const auto stops_scan = [](char c) { return kStopsScan[static_cast<unsigned char>(c)]; };
  const char* const end = s.data() + s.size();
  const char* plain = s.data();  // [plain, i) needs no escape: appended in one go
  for (const char* i = std::find_if(plain, end, stops_scan); i != end; i = std::find_if(i, end, stops_scan)) {
    const auto c = static_cast<unsigned char>(*i);
    if (c >= 0x80) {
      // A multi-byte sequence: passed as it is if well-formed; else the
      // whole string goes to nlohmann's replacement of ill-formed bytes with
      // U+FFFD (rare: file names and ids from the command line, never
      // analysed text).
      const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
      auto next = static_cast<int32_t>(i - s.data());
      UChar32 code_point;
      U8_NEXT(bytes, next, static_cast<int32_t>(s.size()), code_point);
      if (code_point < 0) {
        out_.resize(begin);
        out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return *this;
      }
      i = s.data() + next;
      continue;
    }
    out_.append(plain, static_cast<size_t>(i - plain));
    plain = ++i;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: {
        constexpr char kHex[] = "0123456789abcdef";
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out_.append(escape, sizeof escape);
      }
    }
  }
  out_.append(plain, static_cast<size_t>(end - plain));
  out_ += '"';
  return *this;
}

JsonText& JsonText::integer(int64_t n) {
  separate();
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, n);
  out_.append(buffer, static_cast<size_t>(end - buffer));  // (a pointer pair would take replace()'s longer path)
  return *this;
}

JsonText& JsonText::value(double x) {
  separate();
  if (!std::isfinite(x)) {
    out_ += "null";
    return *this;
  }
  // The shortest text that reads back as x, in nlohmann's form ("1.0",
  // "0.25", "1e-05"): the function its dump() calls.
  char buffer[64];
  char* const end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
  out_.append(buffer, static_cast<size_t>(end - buffer));
  return *this;
}

JsonText& JsonText::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonText& JsonText::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonText& JsonText::value(const std::vector<std::string>& list) {
  begin_array();
  for (const std::string& s : list) value(s);
  return end_array();
}

JsonText& JsonText::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

}  // namespace chime
