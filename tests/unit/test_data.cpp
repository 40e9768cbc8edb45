// The embedded data files (core/src/data/data.cpp): every file under
// core/data/ that the build embeds (*.tsv, *.txt, *.json) is there, is stored
// in the deflated bundle, and inflates to exactly the bytes on disk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "data/data.hpp"
#include "data/embedded.hpp"

using namespace chime;

namespace {

const std::filesystem::path kDataDir = std::filesystem::path(CHIME_SOURCE_DIR) / "core" / "data";

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::set<std::string> files_on_disk() {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kDataDir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".tsv" || ext == ".txt" || ext == ".json")) {
      names.insert(entry.path().lexically_relative(kDataDir).generic_string());
    }
  }
  return names;
}

}  // namespace

TEST_CASE("every data file under core/data/ is embedded, deflated, and inflates to its bytes on disk") {
  std::set<std::string> embedded;
  size_t offset = 0;
  for (size_t i = 0; i < data::detail::kEmbeddedFileCount; ++i) {
    const data::detail::EmbeddedFile& f = data::detail::kEmbeddedFiles[i];
    const std::string name(f.name);
    CAPTURE(name);
    embedded.insert(name);
    CHECK(data::has(name));
    const std::string on_disk = read_bytes(kDataDir / name);
    CHECK(f.offset == offset);  // one after another, nothing between
    CHECK(f.size == on_disk.size());
    CHECK(data::file(name) == on_disk);
    CHECK(data::file(name).data() == data::file(name).data());  // inflated once, then kept
    offset += f.size;
  }
  CHECK(embedded == files_on_disk());
  CHECK(offset == chime_data_bundle_inflated_size);
  // Deflate must pay for itself: the text data is what made chime.wasm too big.
  CHECK(chime_data_bundle_size * 2 < chime_data_bundle_inflated_size);
}

TEST_CASE("an unknown data file is an error naming it") {
  CHECK_FALSE(data::has("phrases/no_such_list.tsv"));
  CHECK_THROWS_WITH_AS(data::file("phrases/no_such_list.tsv"), "no embedded data file core/data/phrases/no_such_list.tsv",
                       std::out_of_range);
}
