// TEMPORARY until cmake/ChimeICU.cmake builds ICU from source: system ICU.
#include "icu/icu_data.hpp"
namespace chime::icu_data {
void ensure_registered() {}
}  // namespace chime::icu_data
