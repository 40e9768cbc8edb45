#include "input.hpp"

#include <unicode/ustring.h>

#include <algorithm>
#include <vector>

namespace chime::cli {

namespace {
constexpr size_t kBlock = 64 * 1024;
}

void Input::start() {
  if (started_) return;
  started_ = true;
  std::string head(kBlock, '\0');
  in_.read(head.data(), static_cast<std::streamsize>(kBlock));
  head.resize(static_cast<size_t>(in_.gcount()));
  std::string_view h = head;
  using namespace std::string_view_literals;
  if (h.starts_with("\xFF\xFE\0\0"sv) || h.starts_with("\0\0\xFE\xFF"sv)) {
    refused_ = "UTF-32 text: save it as UTF-8 (or UTF-16)";
  } else if (h.starts_with("\xFF\xFE"sv)) {
    utf16_ = Utf16::little;
  } else if (h.starts_with("\xFE\xFF"sv)) {
    utf16_ = Utf16::big;
  } else if (h.find('\0') != std::string_view::npos) {
    refused_ = "binary data (NUL bytes near the start): not a text file; UTF-16 needs its byte order mark";
  }
  if (!refused_.empty()) return;
  if (utf16_ != Utf16::none) {
    h.remove_prefix(2);
    append_utf16(h);
  } else {
    buf_.append(h);
  }
  if (buf_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a UTF-8 byte order mark (also a decoded UTF-16 one)
  cr_lines_ = buf_.find('\r') != std::string::npos && buf_.find('\n') == std::string::npos;
  if (cr_lines_) std::replace(buf_.begin(), buf_.end(), '\r', '\n');
}

bool Input::more() {
  if (!refused_.empty() || !in_) return false;
  char block[kBlock];
  in_.read(block, static_cast<std::streamsize>(kBlock));
  const auto n = static_cast<size_t>(in_.gcount());
  const size_t old = buf_.size();
  if (utf16_ != Utf16::none) append_utf16(std::string_view(block, n));
  else buf_.append(block, n);
  if (cr_lines_) std::replace(buf_.begin() + static_cast<std::ptrdiff_t>(old), buf_.end(), '\r', '\n');
  return buf_.size() > old || (n > 0 && in_);
}

// Decodes whole code units; a split unit or surrogate pair waits in carry_
// for the next block; at the end (empty `bytes`) what is left becomes U+FFFD.
void Input::append_utf16(std::string_view bytes) {
  const bool last = bytes.empty();
  carry_.append(bytes);
  std::u16string units;
  units.reserve(carry_.size() / 2 + 1);
  size_t i = 0;
  for (; i + 1 < carry_.size(); i += 2) {
    const auto a = static_cast<unsigned char>(carry_[i]), b = static_cast<unsigned char>(carry_[i + 1]);
    units += static_cast<char16_t>(utf16_ == Utf16::little ? (b << 8 | a) : (a << 8 | b));
  }
  if (!last && !units.empty() && units.back() >= 0xD800 && units.back() <= 0xDBFF) {
    units.pop_back();  // a high surrogate whose pair is in the next block
    i -= 2;
  }
  carry_.erase(0, i);
  if (last && !carry_.empty()) {
    units += u'\uFFFD';  // an odd byte at the end
    carry_.clear();
  }
  if (units.empty()) return;
  const size_t old = buf_.size();
  buf_.resize(old + units.size() * 3);
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(buf_.data() + old, static_cast<int32_t>(units.size() * 3), &length, units.data(),
                     static_cast<int32_t>(units.size()), 0xFFFD, nullptr, &status);
  buf_.resize(U_SUCCESS(status) ? old + static_cast<size_t>(length) : old);
}

bool Input::fill(size_t want) {
  start();
  if (buf_.size() - pos_ >= want) return true;
  buf_.erase(0, pos_);
  pos_ = 0;
  while (buf_.size() < want && more()) {
  }
  if (buf_.size() < want && utf16_ != Utf16::none && !carry_.empty()) append_utf16({});
  return buf_.size() - pos_ >= want;
}

int Input::get() {
  if (!fill(1)) return -1;
  const auto c = static_cast<unsigned char>(buf_[pos_++]);
  ++consumed_;
  if (c == '\n') ++line_;
  return c;
}

std::string_view Input::peek(size_t n) {
  fill(n);
  return std::string_view(buf_).substr(pos_, n);
}

bool Input::read_line(std::string& line, size_t max_bytes, bool& too_long) {
  line.clear();
  too_long = false;
  if (!fill(1)) return false;
  while (true) {
    const size_t nl = buf_.find('\n', pos_);
    const size_t end = nl == std::string::npos ? buf_.size() : nl;
    const size_t room = max_bytes - std::min(max_bytes, line.size());
    const size_t take = std::min(end - pos_, room);
    line.append(buf_, pos_, take);
    if (end - pos_ > take) too_long = true;
    const size_t next = nl == std::string::npos ? end : nl + 1;
    consumed_ += next - pos_;
    pos_ = next;
    if (nl != std::string::npos) {
      ++line_;
      break;
    }
    if (!fill(1)) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace chime::cli
