// Data files under core/data/ (lexicons, phrase lists), compiled into the
// library by core/CMakeLists.txt so that native and wasm read the same bytes
// and nothing is loaded from disk at run time.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chime::data {

// The contents of core/data/<name>, e.g. file("phrases/promo_superlative.tsv").
// Throws std::out_of_range naming the file if there is no such file.
std::string_view file(std::string_view name);
// Is there a core/data/<name>?
bool has(std::string_view name);

struct StringHash {  // lets a std::string-keyed hash container be searched with a string_view
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// What each data file holds once parsed (a phrase list, a word list), made
// by `parse` on first use and kept for the life of the program. Rules ask
// for their lists on every analysis, so the lookup hashes the name (no
// string copy, no walk through a sorted map).
template <typename T>
const T& parsed(std::string_view name, T (*parse)(std::string_view name)) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<const T>, StringHash, std::equal_to<>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(std::string(name), std::make_unique<const T>(parse(name))).first;
  return *it->second;
}

}  // namespace chime::data
