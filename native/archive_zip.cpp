#include "archive_zip.hpp"

#include <algorithm>
#include <regex>

#if CHIME_HAVE_LIBZIP
#include <zip.h>
#endif

namespace chime::cli {

#if CHIME_HAVE_LIBZIP

namespace {

// Inflates a zip member block by block.
class ZipMemberBuffer : public std::streambuf {
 public:
  explicit ZipMemberBuffer(zip_file_t* file) : file_(file) {}
  ~ZipMemberBuffer() override { zip_fclose(file_); }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    const zip_int64_t n = zip_fread(file_, buffer_, sizeof buffer_);
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  zip_file_t* file_;
  char buffer_[64 * 1024];
};

}  // namespace

ZipArchive::~ZipArchive() {
  buffers_.clear();  // the members close before the archive
  if (zip_) zip_discard(static_cast<zip_t*>(zip_));
}

bool ZipArchive::open(const std::string& path, std::string& message) {
  int error = 0;
  zip_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!zip_) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    message = std::string("cannot open the zip: ") + zip_error_strerror(&e);
    zip_error_fini(&e);
    return false;
  }
  return true;
}

std::vector<std::string> ZipArchive::tweet_files() const {
  // "data/tweets.js", "data/tweets-part1.js", ... (older archives: "tweet").
  static const std::regex kTweets(R"((^|.*/)data/tweets?(-part(\d+))?\.js)");
  std::vector<std::pair<int, std::string>> found;
  const zip_int64_t count = zip_get_num_entries(static_cast<zip_t*>(zip_), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(static_cast<zip_t*>(zip_), static_cast<zip_uint64_t>(i), 0);
    std::cmatch m;
    if (name && std::regex_match(name, m, kTweets)) found.emplace_back(m[3].matched ? std::stoi(m[3].str()) : 0, name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (auto& [part, name] : found) names.push_back(std::move(name));
  return names;
}

std::unique_ptr<std::istream> ZipArchive::read(const std::string& member, std::string& message) {
  zip_file_t* file = zip_fopen(static_cast<zip_t*>(zip_), member.c_str(), 0);
  if (!file) {
    message = std::string("cannot read ") + member + ": " + zip_strerror(static_cast<zip_t*>(zip_));
    return nullptr;
  }
  buffers_.push_back(std::make_unique<ZipMemberBuffer>(file));
  return std::make_unique<std::istream>(buffers_.back().get());
}

#else

ZipArchive::~ZipArchive() = default;
bool ZipArchive::open(const std::string&, std::string& message) {
  message = "this chime was built without zip support (libzip): unzip the archive and pass data/tweets.js";
  return false;
}
std::vector<std::string> ZipArchive::tweet_files() const { return {}; }
std::unique_ptr<std::istream> ZipArchive::read(const std::string&, std::string& message) {
  message = "no zip support";
  return nullptr;
}

#endif

}  // namespace chime::cli
