// Splitting one fuzz input into the parts a harness needs: fields separated
// by NUL bytes, so that seed files stay readable (printf 'a\0b\0text').
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chime::fuzz {

class Fields {
 public:
  Fields(const uint8_t* data, size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}

  // The bytes up to the next NUL (all that is left if there is none).
  std::string_view next() {
    const size_t end = rest_.find('\0');
    const std::string_view field = rest_.substr(0, end);
    rest_ = end == std::string_view::npos ? std::string_view() : rest_.substr(end + 1);
    return field;
  }
  // Everything not taken yet, NULs included.
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace chime::fuzz
