// core/data/'s files, embedded by core/CMakeLists.txt as one deflated bundle
// (so chime.wasm stays small) and inflated here, all at once on the first
// use of any, with the zlib decoder of Debian's stb (libstb-dev). The bundle
// is inflated once and kept for the life of the program, so the views file()
// hands out stay valid.
#include "data/data.hpp"
#include "data/embedded.hpp"

#include <stdexcept>
#include <string>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_NO_FAILURE_STRINGS
#define STBI_NO_JPEG
#define STBI_NO_PNG
#define STBI_NO_BMP
#define STBI_NO_PSD
#define STBI_NO_TGA
#define STBI_NO_GIF
#define STBI_NO_HDR
#define STBI_NO_PIC
#define STBI_NO_PNM
#define STBI_NO_LINEAR
#define STBI_NO_SIMD
#define STBI_SUPPORT_ZLIB  // of stb_image, only its inflate is used
#include <stb_image.h>

namespace chime::data {
namespace {

const detail::EmbeddedFile* entry(std::string_view name) {
  for (size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    if (detail::kEmbeddedFiles[i].name == name) return &detail::kEmbeddedFiles[i];
  }
  return nullptr;
}

}  // namespace

void detail::inflate(const unsigned char* deflated, unsigned long deflated_size, char* out, size_t size,
                     std::string_view what) {
  // One byte more than expected: a stream that inflates to more is reported
  // rather than cut to fit.
  const int n = stbi_zlib_decode_noheader_buffer(out, static_cast<int>(size + 1),
                                                 reinterpret_cast<const char*>(deflated),
                                                 static_cast<int>(deflated_size));
  if (n < 0 || static_cast<size_t>(n) != size) {
    throw std::runtime_error(std::string(what) + " does not inflate to its " + std::to_string(size) + " bytes");
  }
}

std::string_view file(std::string_view name) {
  const detail::EmbeddedFile* f = entry(name);
  if (!f) throw std::out_of_range("no embedded data file core/data/" + std::string(name));
  static const std::string bundle = [] {
    std::string text(chime_data_bundle_inflated_size + 1, '\0');
    detail::inflate(chime_data_bundle, chime_data_bundle_size, text.data(), chime_data_bundle_inflated_size,
                    "the embedded bundle of core/data/");
    text.resize(chime_data_bundle_inflated_size);
    return text;
  }();
  return std::string_view(bundle).substr(f->offset, f->size);
}

bool has(std::string_view name) { return entry(name) != nullptr; }

}  // namespace chime::data
