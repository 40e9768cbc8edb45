// A Twitter archive's zip: its tweets files (data/tweets.js, or
// data/tweets-part1.js ... in large archives; data/tweet.js in older ones)
// read as streams straight from the zip, without unpacking. Needs libzip at
// build time; without it, open() says so.
#pragma once
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace chime::cli {

// One zip member as a stream, inflated as it is read. It ends early (and
// over_limit() says so) past kMaxZipMemberBytes. Closes the member when dropped.
class ZipMemberStream : public std::istream {
 public:
  explicit ZipMemberStream(std::unique_ptr<std::streambuf> buffer);
  ~ZipMemberStream() override;
  bool over_limit() const;

 private:
  std::unique_ptr<std::streambuf> buffer_;
};

class ZipArchive {
 public:
  ~ZipArchive();
  // False with a message if the file is not a readable zip, lists more than
  // kMaxZipMembers members, or support is missing.
  bool open(const std::string& path, std::string& message);
  // The tweets files in the archive, in part order; a name that looks like
  // one but has an unusable part number is put in `problems` instead.
  std::vector<std::string> tweet_files(std::vector<std::string>& problems) const;
  // A stream over one member; null with a message on failure. Drop it before
  // reading the next member: only one is held at a time.
  std::unique_ptr<ZipMemberStream> read(const std::string& member, std::string& message);

 private:
  void* zip_ = nullptr;
};

}  // namespace chime::cli
