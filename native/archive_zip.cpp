#include "archive_zip.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "limits.hpp"

#if CHIME_HAVE_LIBZIP
#include <zip.h>
#endif

namespace chime::cli {

namespace {

// A member's part number: "data/tweets.js" (or any folder before "data/")
// is part 0, "data/tweets-part12.js" part 12, as is "data/tweet-part12.js"
// of older archives. -1: not a tweets file; -2: a tweets name whose part
// number is not a number we can use.
int64_t tweets_part(std::string_view name) {
  if (name.size() > kMaxZipNameBytes) return -1;
  const size_t data = name.rfind("data/");
  if (data == std::string_view::npos || (data > 0 && name[data - 1] != '/')) return -1;
  std::string_view rest = name.substr(data + 5);
  if (!rest.ends_with(".js")) return -1;
  rest.remove_suffix(3);
  if (rest.starts_with("tweets")) rest.remove_prefix(6);
  else if (rest.starts_with("tweet")) rest.remove_prefix(5);
  else return -1;
  if (rest.empty()) return 0;
  if (!rest.starts_with("-part")) return -1;
  rest.remove_prefix(5);
  if (rest.empty() || !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
  int64_t part = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), part);
  if (error != std::errc() || end != rest.data() + rest.size() || part > 1'000'000) return -2;
  return part;
}

}  // namespace

ZipMemberStream::ZipMemberStream(std::unique_ptr<std::streambuf> buffer)
    : std::istream(buffer.get()), buffer_(std::move(buffer)) {}
ZipMemberStream::~ZipMemberStream() = default;

#if CHIME_HAVE_LIBZIP

namespace {

// Inflates a zip member block by block, up to kMaxZipMemberBytes.
class ZipMemberBuffer : public std::streambuf {
 public:
  explicit ZipMemberBuffer(zip_file_t* file) : file_(file) {}
  ~ZipMemberBuffer() override { zip_fclose(file_); }
  bool over_limit() const { return over_limit_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (inflated_ >= kMaxZipMemberBytes) {
      char probe;
      over_limit_ = over_limit_ || zip_fread(file_, &probe, 1) > 0;
      return traits_type::eof();
    }
    const uint64_t room = kMaxZipMemberBytes - inflated_;
    const zip_int64_t n = zip_fread(file_, buffer_, std::min<uint64_t>(sizeof buffer_, room));
    if (n <= 0) return traits_type::eof();
    inflated_ += static_cast<uint64_t>(n);
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  zip_file_t* file_;
  uint64_t inflated_ = 0;
  bool over_limit_ = false;
  char buffer_[64 * 1024];
};

}  // namespace

bool ZipMemberStream::over_limit() const { return static_cast<const ZipMemberBuffer*>(buffer_.get())->over_limit(); }

ZipArchive::~ZipArchive() {
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
  const zip_int64_t count = zip_get_num_entries(static_cast<zip_t*>(zip_), 0);
  if (count < 0 || static_cast<uint64_t>(count) > kMaxZipMembers) {
    message = "the zip lists " + std::to_string(count) + " members, over the limit of " +
              std::to_string(kMaxZipMembers) + ": not a Twitter archive";
    return false;
  }
  return true;
}

std::vector<std::string> ZipArchive::tweet_files(std::vector<std::string>& problems) const {
  std::vector<std::pair<int64_t, std::string>> found;
  const zip_int64_t count = zip_get_num_entries(static_cast<zip_t*>(zip_), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(static_cast<zip_t*>(zip_), static_cast<zip_uint64_t>(i), 0);
    if (!name) continue;
    const int64_t part = tweets_part(name);
    if (part == -2) problems.push_back(std::string(name) + ": the part number is over 1000000; skipped");
    if (part >= 0) found.emplace_back(part, name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (auto& [part, name] : found) names.push_back(std::move(name));
  return names;
}

std::unique_ptr<ZipMemberStream> ZipArchive::read(const std::string& member, std::string& message) {
  zip_file_t* file = zip_fopen(static_cast<zip_t*>(zip_), member.c_str(), 0);
  if (!file) {
    message = std::string("cannot read ") + member + ": " + zip_strerror(static_cast<zip_t*>(zip_));
    return nullptr;
  }
  return std::make_unique<ZipMemberStream>(std::make_unique<ZipMemberBuffer>(file));
}

#else

bool ZipMemberStream::over_limit() const { return false; }
ZipArchive::~ZipArchive() = default;
bool ZipArchive::open(const std::string&, std::string& message) {
  message = "this chime was built without zip support (libzip): unzip the archive and pass data/tweets.js";
  return false;
}
std::vector<std::string> ZipArchive::tweet_files(std::vector<std::string>&) const { return {}; }
std::unique_ptr<ZipMemberStream> ZipArchive::read(const std::string&, std::string& message) {
  message = "no zip support";
  return nullptr;
}

#endif

}  // namespace chime::cli
