// The one entry point every front end uses.
//
//   chime::Analyzer analyzer(config);            // parse config once
//   chime::Result r = analyzer.analyze(utf8_text, context);
//   std::string json = chime::to_json_text(r);
//
// An Analyzer keeps its working memory between calls, so it is cheap to call
// on every keystroke; analysing changes that memory, so analyze() is not
// const and an Analyzer serves one thread at a time.
#pragma once
#include <memory>
#include <string_view>

#include "chime/config.hpp"
#include "chime/context.hpp"
#include "chime/result.hpp"

namespace chime {

std::string_view version();  // "0.1.0"

class Analyzer {
 public:
  explicit Analyzer(Config config = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  const Config& config() const;

  // UTF-8 in (native). Invalid UTF-8 is replaced by U+FFFD and reported in
  // Result::warnings; offsets refer to the replaced text in UTF-16 units.
  Result analyze(std::string_view utf8, const Context& context = {});
  // UTF-16 in (JavaScript strings). Lone surrogates are replaced by U+FFFD
  // (same length, so offsets match the caller's string) and reported.
  Result analyze(std::u16string_view utf16, const Context& context = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chime
