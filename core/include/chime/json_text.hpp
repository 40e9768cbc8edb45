// Writes JSON text straight into a string, byte for byte as nlohmann's
// compact dump() of the same value would (numbers, escapes, key order as
// written), without building a JSON value first. For the Result, which is
// written for every text analysed.
//
//   JsonText j;
//   j.begin_object().field("start", 3).field("text", "hi").end_object();
//   j.str() == R"({"start":3,"text":"hi"})"
#pragma once
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chime/result.hpp"

namespace chime {

class JsonText {
 public:
  JsonText& begin_object() { return open('{'); }
  JsonText& end_object() { return close('}'); }
  JsonText& begin_array() { return open('['); }
  JsonText& end_array() { return close(']'); }

  // The next key of an object; its value follows.
  JsonText& key(std::string_view name);
  // A value: in an array, or after key().
  JsonText& value(std::string_view s);
  JsonText& value(const char* s) { return value(std::string_view(s)); }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  JsonText& value(T n) {
    return integer(static_cast<int64_t>(n));
  }
  JsonText& value(double x);
  JsonText& value(bool b);
  JsonText& null();
  JsonText& value(const std::vector<std::string>& list);
  // JSON text written elsewhere (a whole value), as it is.
  JsonText& raw(std::string_view json);
  // Constant JSON text appended as it is, with no comma added: a key with
  // its quotes, colon and the comma before it, written as one literal
  // (R"(,"max":)"); a value may follow it.
  JsonText& fragment(std::string_view json) {
    out_ += json;
    return *this;
  }

  template <typename T>
  JsonText& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }
  void clear() { out_.clear(); }

 private:
  JsonText& integer(int64_t n);
  JsonText& open(char bracket);
  JsonText& close(char bracket);
  // A comma, unless first in its object or array or after a key.
  void separate() {
    if (out_.empty()) return;
    const char last = out_.back();
    if (last != '{' && last != '[' && last != ':') out_ += ',';
  }
  std::string out_;
};

// The Result as JSON text (schema chime.result/1, keys in schema order), as
// every front end sends it.
std::string to_json_text(const Result& r);
void write_json(JsonText& out, const Result& r);

}  // namespace chime
