#include "input.hpp"

namespace chime::cli {

namespace {
constexpr size_t kBlock = 64 * 1024;
}

bool Input::fill(size_t want) {
  if (buf_.size() - pos_ >= want) return true;
  buf_.erase(0, pos_);
  pos_ = 0;
  while (buf_.size() < want && in_) {
    const size_t old = buf_.size();
    buf_.resize(old + kBlock);
    in_.read(buf_.data() + old, static_cast<std::streamsize>(kBlock));
    buf_.resize(old + static_cast<size_t>(in_.gcount()));
  }
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

bool Input::read_line(std::string& line) {
  line.clear();
  if (!fill(1)) return false;
  while (true) {
    const size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      line.append(buf_, pos_, nl - pos_);
      consumed_ += nl + 1 - pos_;
      pos_ = nl + 1;
      ++line_;
      break;
    }
    line.append(buf_, pos_, std::string::npos);
    consumed_ += buf_.size() - pos_;
    pos_ = buf_.size();
    if (!fill(1)) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

void Input::skip_bom() {
  if (peek(3) == "\xEF\xBB\xBF") {
    pos_ += 3;
    consumed_ += 3;
  }
}

}  // namespace chime::cli
