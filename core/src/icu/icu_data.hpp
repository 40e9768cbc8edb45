// Chime's own ICU data package (break rules, emoji properties), compiled into
// the library so that native and wasm use the very same data.
#pragma once

namespace chime::icu_data {

// Registers the embedded data with ICU (udata_setCommonData) and forbids ICU
// from reading data files. Idempotent; call before the first ICU service.
void ensure_registered();

}  // namespace chime::icu_data
