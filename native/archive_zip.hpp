// A Twitter archive's zip: its tweets files (data/tweets.js, or
// data/tweets-part1.js ... in large archives; data/tweet.js in older ones)
// read as streams straight from the zip, without unpacking. Needs libzip at
// build time; without it, open() says so.
#pragma once
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace chime::cli {

class ZipArchive {
 public:
  ~ZipArchive();
  // False with a message if the file is not a readable zip or support is missing.
  bool open(const std::string& path, std::string& message);
  // The tweets files in the archive, in order.
  std::vector<std::string> tweet_files() const;
  // A stream over one member, inflated as it is read; null with a message on failure.
  std::unique_ptr<std::istream> read(const std::string& member, std::string& message);

 private:
  void* zip_ = nullptr;
  std::vector<std::unique_ptr<std::streambuf>> buffers_;
};

}  // namespace chime::cli
