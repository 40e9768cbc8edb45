// A Twitter archive's zip (native/archive_zip.cpp): the fuzz input is the
// zip file, opened through /proc/self/fd from a memfd (libzip wants a path),
// then every tweets member is read as tweets.js, as `chime check x.zip` does.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "archive_zip.hpp"
#include "input.hpp"
#include "readers.hpp"

namespace {

class Discard : public chime::cli::ItemHandler {
 public:
  void item(chime::cli::Item&&) override {}
  void error(chime::cli::InputError&&) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int fd = memfd_create("chime-fuzz-zip", 0);
  if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
    std::cerr << "memfd: cannot hold the input\n";
    std::abort();
  }
  chime::cli::ZipArchive zip;
  std::string message;
  if (!zip.open("/proc/self/fd/" + std::to_string(fd), message)) return 0;
  std::vector<std::string> problems;
  for (const std::string& member : zip.tweet_files(problems)) {
    auto stream = zip.read(member, message);
    if (!stream) continue;
    chime::cli::Input input(*stream);
    Discard handler;
    chime::cli::read_items(input, chime::cli::Format::tweets_js, handler);
  }
  return 0;
}
