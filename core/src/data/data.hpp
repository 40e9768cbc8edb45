// Data files under core/data/ (lexicons, phrase lists), compiled into the
// library by core/CMakeLists.txt so that native and wasm read the same bytes
// and nothing is loaded from disk at run time.
#pragma once
#include <string_view>

namespace chime::data {

// The contents of core/data/<name>, e.g. file("phrases/promo_superlative.tsv").
// Throws std::out_of_range naming the file if there is no such file.
std::string_view file(std::string_view name);

}  // namespace chime::data
