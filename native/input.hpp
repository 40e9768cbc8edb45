// A buffered byte source over a std::istream that counts lines and bytes, so
// that every reader can say "file:line" and the progress bar can say how far
// it got, while reading one block at a time (flat memory on huge inputs).
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
  // One line without its "\n" or "\r\n"; false at the end of input.
  bool read_line(std::string& line);
  // Drops a UTF-8 byte order mark if the input starts with one.
  void skip_bom();

  int64_t line() const { return line_; }  // 1-based line of the next byte
  uint64_t bytes_read() const { return consumed_; }
  bool failed() const { return in_.bad(); }

 private:
  bool fill(size_t want);

  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  uint64_t consumed_ = 0;
};

}  // namespace chime::cli
