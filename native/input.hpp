// A buffered byte source over a std::istream that counts lines and bytes, so
// that every reader can say "file:line" and the progress bar can say how far
// it got, while reading one block at a time (flat memory on huge inputs).
//
// It also settles the encoding from the first block: a UTF-8 byte order mark
// is dropped, UTF-16 (LE or BE, with its mark) is decoded to UTF-8 as it is
// read, and anything else holding NUL bytes (UTF-32, a binary file, UTF-16
// without a mark) is refused as a whole. A file whose line ends are CR alone
// (no LF in its first block) has them read as line ends.
#pragma once
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace chime::cli {

class Input {
 public:
  explicit Input(std::istream& in) : in_(in) {}

  // The next byte, or -1 at the end. Counts lines ('\n').
  int get();
  // Up to `n` bytes ahead without consuming them (fewer near the end).
  std::string_view peek(size_t n);
  // One line without its "\n" or "\r\n"; false at the end of input. A line
  // over `max_bytes` is read through without being kept: `line` then holds
  // its first `max_bytes` and too_long is set.
  bool read_line(std::string& line, size_t max_bytes, bool& too_long);

  int64_t line() const { return line_; }  // 1-based line of the next byte
  uint64_t bytes_read() const { return consumed_; }
  bool failed() const { return in_.bad(); }
  // Why the input was refused as a whole (then it reads as empty), or "".
  const std::string& refused() {
    start();
    return refused_;
  }
  // "UTF-16LE" / "UTF-16BE" when decoded from UTF-16, else "".
  std::string_view decoded_from() {
    start();
    return utf16_ == Utf16::none ? "" : utf16_ == Utf16::little ? "UTF-16LE" : "UTF-16BE";
  }

 private:
  enum class Utf16 { none, little, big };

  void start();
  bool fill(size_t want);
  bool more();  // appends the next block, as UTF-8, to buf_; false at the end
  void append_utf16(std::string_view bytes);

  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  uint64_t consumed_ = 0;
  bool started_ = false;
  bool cr_lines_ = false;
  Utf16 utf16_ = Utf16::none;
  std::string carry_;  // UTF-16 bytes held back: an odd byte or a lone high surrogate
  std::string refused_;
};

}  // namespace chime::cli
