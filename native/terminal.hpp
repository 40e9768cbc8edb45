// Terminal helpers: is it a terminal, how wide, how wide a string shows
// (East Asian wide characters take two cells, combining marks none), and a
// progress bar on stderr.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace chime::cli {

bool is_terminal(int fd);
int terminal_width(int fd);  // columns; 100 if unknown

int display_width(std::string_view utf8);
// At most `width` cells: control characters and newlines become spaces, and
// a cut string ends with "…".
std::string fit(std::string_view utf8, int width);

class Progress {
 public:
  // total_bytes 0 = unknown (then it counts items only).
  Progress(bool enabled, uint64_t total_bytes);
  ~Progress();
  void update(uint64_t bytes, uint64_t items);
  void finish();  // clears the line

 private:
  bool enabled_;
  bool shown_ = false;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace chime::cli
