// Registers Chime's embedded ICU data package (made by cmake/ChimeICU.cmake
// from core/src/icu/data-items.txt) so that native and wasm read the very same
// break rules and emoji properties, and never a data file from disk. The
// package is embedded deflated (72 KB, 16 KB deflated: docs/wasm.md) and
// inflated once, here, before ICU's first use.
#include "icu/icu_data.hpp"

#include "data/embedded.hpp"

#include <unicode/udata.h>
#include <unicode/uversion.h>

#include <cstddef>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>

extern "C" const unsigned char chime_icu_data[];
extern "C" const unsigned long chime_icu_data_size, chime_icu_data_inflated_size;

namespace chime::icu_data {
namespace {

void register_once() {
  // ICU reads the package in place for the life of the program, 16-byte
  // aligned: it is never freed.
  static char* const package = static_cast<char*>(
      ::operator new(chime_icu_data_inflated_size + 1, std::align_val_t{16}));
  data::detail::inflate(chime_icu_data, chime_icu_data_size, package, chime_icu_data_inflated_size,
                        "Chime's embedded ICU data package");
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(package, &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("cannot register Chime's ICU data (") +
                             std::to_string(chime_icu_data_inflated_size) +
                             " bytes) with ICU " U_ICU_VERSION ": " + u_errorName(status));
  }
  // Only the embedded package: no ICU_DATA directory, no stray .dat files.
  status = U_ZERO_ERROR;
  udata_setFileAccess(UDATA_NO_FILES, &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("cannot restrict ICU to embedded data: ") +
                             u_errorName(status));
  }
}

}  // namespace

void ensure_registered() {
  // call_once retries if register_once throws, so a failure is reported on
  // every call rather than leaving ICU half set up.
  static std::once_flag once;
  std::call_once(once, register_once);
}

}  // namespace chime::icu_data
