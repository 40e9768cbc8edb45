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
  if (p.tokens[0] == "*") wildcard_first_.push_back(index);
  else by_first_[p.hashes[0]].push_back(index);
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
  auto try_phrase = [&](size_t i, const Phrase& p, PhraseMatch& best) {
    if (i + p.tokens.size() > last) return;
    for (size_t k = 0; k < p.tokens.size(); ++k) {
      const Token& t = doc.tokens[i + k];
      if (!token_matches(p, k, t)) return;
      if (k > 0 && p.joined[k] == t.space_before) return;
    }
    if (!best.phrase || p.tokens.size() > best.phrase->tokens.size()) {
      best = {&p, i, i + p.tokens.size(), doc.tokens[i].start, doc.tokens[i + p.tokens.size() - 1].end};
    }
  };
  for (size_t i = first; i < last;) {
    PhraseMatch best;
    if (auto it = by_first_.find(doc.tokens[i].folded_hash); it != by_first_.end()) {
      for (size_t index : it->second) try_phrase(i, phrases_[index], best);
    }
    for (size_t index : wildcard_first_) try_phrase(i, phrases_[index], best);
    if (best.phrase) {
      out.push_back(best);
      i = best.last_token;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace chime
