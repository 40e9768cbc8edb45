// The native-messaging host (native/host.cpp) on any byte stream from the
// browser: the fuzz input becomes its stdin, and its stdout is captured.
// Checked beyond "no crash": the output is a sequence of whole frames, each
// under the browsers' 1 MiB limit for a host's message and holding JSON.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "chime/result.hpp"
#include "commands.hpp"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::cerr << what << "\n";
  std::abort();
}

void check_frames(const char* out, size_t size) {
  size_t at = 0;
  while (at < size) {
    if (size - at < 4) fail("a reply frame's length is cut off");
    uint32_t length;
    std::memcpy(&length, out + at, 4);
    at += 4;
    if (length >= 1024 * 1024) fail("a reply frame of " + std::to_string(length) + " bytes: over the 1 MiB limit");
    if (size - at < length) fail("a reply frame is shorter than its length");
    if (!chime::Json::accept(std::string_view(out + at, length))) fail("a reply frame is not JSON");
    at += length;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::string> origin = {"chrome-extension://" + chime::cli::chrome_extension_id() + "/"};
  static char empty = 0;
  FILE* in = size == 0 ? fmemopen(&empty, 1, "rb") : fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (size == 0 && in) std::fgetc(in);  // at the end, as an empty input would be
  char* out = nullptr;
  size_t out_size = 0;
  FILE* out_stream = open_memstream(&out, &out_size);
  if (!in || !out_stream) fail("cannot make the host's streams");

  FILE* const saved_in = stdin;
  FILE* const saved_out = stdout;
  stdin = in;  // glibc's stdin and stdout are assignable
  stdout = out_stream;
  const int code = chime::cli::run_host(origin);
  stdin = saved_in;
  stdout = saved_out;
  std::fclose(in);
  std::fclose(out_stream);
  if (code != 0) fail("the host exited with " + std::to_string(code));
  check_frames(out, out_size);
  std::free(out);
  return 0;
}
