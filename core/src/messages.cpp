#include "messages.hpp"

#include <stdexcept>
#include <unordered_map>

#include "data/data.hpp"

namespace chime {

namespace {

struct Catalog {
  std::unordered_map<std::string, std::string, data::StringHash, std::equal_to<>> texts;
  std::vector<std::string_view> keys;  // file order; views of the map's keys
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
    c.keys.push_back(it->first);
  }
  return c;
}

const Catalog& catalog(Language language) {
  return data::parsed<Catalog>(language == Language::es ? "messages/es.tsv" : "messages/en.tsv", parse_catalog);
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
  for (size_t i = 0; i < text.size(); ++i) {
    // "{1}" .. "{9}": the argument of that number.
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
      const auto n = static_cast<size_t>(text[i + 1] - '1');
      if (n < args.size()) out.append(*(args.begin() + n));
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

std::vector<std::string_view> message_keys(Language language) { return catalog(language).keys; }

}  // namespace chime
