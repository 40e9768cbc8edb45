#include "limits.hpp"

#include "readers.hpp"  // sanitize_utf8

namespace chime::cli {

int json_depth(std::string_view text, int stop_after) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest && (deepest = depth) > stop_after) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

Json parse_json(std::string_view text) {
  if (json_depth(text) > kMaxJsonDepth) {
    throw JsonLimitError("nested deeper than " + std::to_string(kMaxJsonDepth) + " arrays or objects");
  }
  return Json::parse(text);
}

std::string json_error_message(const std::exception& e) {
  std::string_view m = e.what();
  if (m.starts_with("[json.exception.")) {
    const size_t close = m.find("] ");
    if (close != std::string_view::npos) m.remove_prefix(close + 2);
  }
  return std::string(m);
}

std::string escape_controls(std::string_view text) {
  const std::string valid = sanitize_utf8(text);
  std::string out;
  out.reserve(valid.size());
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto escape = [&](unsigned char byte) {
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  };
  for (size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    if (c < 0x20 || c == 0x7F) {
      escape(c);
    } else if (c == 0xC2 && i + 1 < valid.size() && static_cast<unsigned char>(valid[i + 1]) < 0xA0) {
      escape(static_cast<unsigned char>(valid[++i]));  // U+0080..U+009F, the C1 controls (CSI is U+009B)
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace chime::cli
