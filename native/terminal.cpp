#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace chime::cli {

namespace {

int cell_width(UChar32 c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 1;  // shown as a space
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  const auto east_asian = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

// ICU's U8_NEXT macro trips -Wconversion inside its own expansion.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
UChar32 next_code_point(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}
#pragma GCC diagnostic pop

}  // namespace

bool is_terminal(int fd) { return isatty(fd) == 1; }

int terminal_width(int fd) {
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n > 0) return n;
  }
  return 100;
}

int display_width(std::string_view s) {
  int width = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const UChar32 c = next_code_point(s, i);
    width += c < 0 ? 1 : cell_width(c);
  }
  return width;
}

std::string fit(std::string_view s, int width) {
  std::string out;
  int used = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    const UChar32 c = next_code_point(s, i);
    const int w = c < 0 ? 1 : cell_width(c);
    if (used + w > width - (i < n ? 1 : 0)) {
      // Room for the ellipsis, unless this was the last character and it fits.
      if (used < width) out += "\u2026";
      return out;
    }
    if (c < 0) out += "\uFFFD";
    else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) out += ' ';
    else out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    used += w;
  }
  return out;
}

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(uint64_t bytes, uint64_t items) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // Only for long inputs: nothing for the first half second, then ten times a second.
  if (now - start_ < std::chrono::milliseconds(500) || now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  shown_ = true;
  if (total_ > 0) {
    const uint64_t percent = bytes >= total_ ? 100 : bytes * 100 / total_;
    const int filled = static_cast<int>(percent * 30 / 100);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(30, '.');
    std::fprintf(stderr, "\r[%s] %3llu%%  %llu posts", bar.c_str(), static_cast<unsigned long long>(percent),
                 static_cast<unsigned long long>(items));
  } else {
    std::fprintf(stderr, "\r%llu posts", static_cast<unsigned long long>(items));
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace chime::cli
