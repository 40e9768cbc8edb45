#include "messages.hpp"

#include <stdexcept>
#include <unordered_map>

#include "data/data.hpp"

namespace chime {

namespace {

struct Catalog {
  std::unordered_map<std::string, std::string, data::StringHash, std::equal_to<>> texts;
};

// key<TAB>text lines; '#' starts a comment line.
Catalog parse_catalog(std::string_view name) {
  Catalog c;
  std::string_view rest = data::file(name);
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw std::runtime_error("core/data/" + std::string(name) + ": no tab in a line");
    auto [it, added] = c.texts.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    if (!added) throw std::runtime_error("core/data/" + std::string(name) + ": key twice: " + it->first);
  }
  return c;
}

// Asked for on every hint: the two catalogs are looked up once (data::parsed
// locks and hashes the file name on every call).
const Catalog& catalog(Language language) {
  static const Catalog& en = data::parsed<Catalog>("messages/en.tsv", parse_catalog);
  static const Catalog& es = data::parsed<Catalog>("messages/es.tsv", parse_catalog);
  return language == Language::es ? es : en;
}

}  // namespace

std::string_view message_template(Language language, std::string_view key) {
  const Catalog& c = catalog(language);
  auto it = c.texts.find(key);
  return it == c.texts.end() ? std::string_view() : std::string_view(it->second);
}

std::string message(Language language, std::string_view key, std::initializer_list<std::string_view> args) {
  const std::string_view text = message_template(language, key);
  if (text.empty()) throw std::out_of_range("no message " + std::string(key) + " in core/data/messages");
  std::string out;
  size_t size = text.size();
  for (std::string_view a : args) size += a.size();
  out.reserve(size);
  size_t done = 0;  // text[0, done) is in `out`
  for (size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
    // "{1}" .. "{9}": the argument of that number.
    if (i + 2 >= text.size() || text[i + 1] < '1' || text[i + 1] > '9' || text[i + 2] != '}') continue;
    out.append(text.substr(done, i - done));
    const auto n = static_cast<size_t>(text[i + 1] - '1');
    if (n < args.size()) out.append(*(args.begin() + n));
    done = i + 3;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace chime
