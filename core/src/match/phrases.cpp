#include "match/phrases.hpp"

#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>

#include "data/data.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

namespace chime {

std::vector<Token> tokenize(std::u16string_view text) {
  static std::mutex mutex;
  static Tokenizer tokenizer;
  std::lock_guard lock(mutex);
  Document doc;
  doc.text = std::u16string(text);
  tokenizer.run(doc);
  return std::move(doc.tokens);
}

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    out.push_back(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

Phrase compile(std::string_view text) {
  Phrase p;
  p.text = std::string(text);
  int32_t replaced = 0;
  for (const Token& t : tokenize(text::decode_utf8(text, replaced))) {
    p.tokens.push_back(t.text == "*" ? "*" : t.folded);
    p.hashes.push_back(std::hash<std::string>{}(p.tokens.back()));
    p.joined.push_back(!t.space_before);
  }
  return p;
}

bool token_matches(const Phrase& p, size_t k, const Token& t) {
  if (p.tokens[k] == "*") return t.kind == TokenKind::word || t.kind == TokenKind::number;
  return p.hashes[k] == t.folded_hash && p.tokens[k] == t.folded;
}

}  // namespace

void PhraseList::add(Phrase p) {
  if (p.tokens.empty()) return;
  size_t index = phrases_.size();
  if (p.tokens[0] == "*") {
    wildcard_first_.push_back(index);
  } else {
    by_first_[p.hashes[0]].push_back(index);
    first_hashes_.set(p.hashes[0] % first_hashes_.size());
  }
  phrases_.push_back(std::move(p));
}

PhraseList PhraseList::parse(std::string_view tsv, std::string_view source) {
  PhraseList list;
  size_t line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line == "#" || line.starts_with("# ")) continue;  // "#1" is a phrase
    auto fields = split(line, '\t');
    if (fields[0].empty()) {
      throw std::runtime_error(std::string(source) + ":" + std::to_string(line_no) + ": empty phrase");
    }
    Phrase p = compile(fields[0]);
    if (fields.size() > 1 && !fields[1].empty()) {
      for (auto r : split(fields[1], '|')) p.replacements.emplace_back(r);
    }
    if (fields.size() > 2) p.note = std::string(fields[2]);
    list.add(std::move(p));
  }
  return list;
}

PhraseList PhraseList::from_phrases(const std::vector<std::string>& phrases) {
  PhraseList list;
  for (const std::string& s : phrases) list.add(compile(s));
  return list;
}

const PhraseList& PhraseList::builtin(std::string_view name) {
  return data::parsed<PhraseList>(name, [](std::string_view file) { return parse(data::file(file), file); });
}

std::vector<PhraseMatch> PhraseList::find(const Document& doc, size_t first, size_t last) const {
  std::vector<PhraseMatch> out;
  last = std::min(last, doc.tokens.size());
  auto matches_at = [&](size_t i, const Phrase& p) {
    if (i + p.tokens.size() > last) return false;
    for (size_t k = 0; k < p.tokens.size(); ++k) {
      const Token& t = doc.tokens[i + k];
      if (!token_matches(p, k, t)) return false;
      if (k > 0 && p.joined[k] == t.space_before) return false;
    }
    return true;
  };
  for (size_t i = first; i < last;) {
    // The longest phrase matching at i; the first listed among equals.
    const Phrase* best = nullptr;
    auto consider = [&](size_t index) {
      const Phrase& p = phrases_[index];
      if ((!best || p.tokens.size() > best->tokens.size()) && matches_at(i, p)) best = &p;
    };
    const size_t hash = doc.tokens[i].folded_hash;
    if (first_hashes_[hash % first_hashes_.size()]) {
      if (auto it = by_first_.find(hash); it != by_first_.end()) {
        for (size_t index : it->second) consider(index);
      }
    }
    for (size_t index : wildcard_first_) consider(index);
    if (!best) {
      ++i;
      continue;
    }
    const size_t end = i + best->tokens.size();
    out.push_back({best, i, end, doc.tokens[i].start, doc.tokens[end - 1].end});
    i = end;
  }
  return out;
}

}  // namespace chime
