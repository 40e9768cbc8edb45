#include "match/phrases.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <stdexcept>

#include "data/data.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

namespace chime {

Document tokenize(std::u16string_view text) {
  static std::mutex mutex;
  static Tokenizer tokenizer;
  std::lock_guard lock(mutex);
  Document doc;
  doc.text = std::u16string(text);
  tokenizer.run(doc);
  return doc;
}

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

namespace {

void append_token(Phrase& p, const Token& t) {
  const bool wildcard = t.text == "*";
  p.tokens.emplace_back(wildcard ? "*" : t.folded);
  p.hashes.push_back(text::token_hash(p.tokens.back()));
  p.flags.push_back(static_cast<uint8_t>((t.space_before ? 0 : Phrase::kJoined) | (wildcard ? Phrase::kWildcard : 0)));
}

// Characters that could join a line to the next across the '\n' that
// compile() puts between phrases (ICU always breaks words around a line
// break, except CR LF).
bool has_line_break(std::string_view s) {
  return s.find_first_of("\r\n\v\f") != std::string_view::npos || s.find("\xC2\x85") != std::string_view::npos ||
         s.find("\xE2\x80\xA8") != std::string_view::npos || s.find("\xE2\x80\xA9") != std::string_view::npos;
}

// Phrases from their texts. The texts are tokenised together, one a line, in
// a single run of the tokenizer (a run per phrase cost most of the start-up):
// words never continue across a line break, so each line gets the tokens it
// would get alone (tests/unit/test_phrase_index.cpp checks every list).
}  // namespace

std::vector<Phrase> PhraseList::compile(const std::vector<std::string_view>& texts) {
  std::vector<Phrase> out(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) out[i].text = std::string(texts[i]);
  if (std::any_of(texts.begin(), texts.end(), has_line_break)) {
    for (Phrase& p : out) {
      int32_t replaced = 0;
      for (const Token& t : tokenize(text::decode_utf8(p.text, replaced)).tokens) append_token(p, t);
    }
    return out;
  }
  std::u16string all;
  std::vector<int32_t> line_end;  // UTF-16 offset where each phrase ends
  for (std::string_view s : texts) {
    int32_t replaced = 0;
    all += text::decode_utf8(s, replaced);
    line_end.push_back(static_cast<int32_t>(all.size()));
    all += u'\n';
  }
  size_t line = 0;
  for (const Token& t : tokenize(all).tokens) {
    while (t.start >= line_end[line]) ++line;
    append_token(out[line], t);
  }
  return out;
}

bool Phrase::matches_at(const Document& doc, size_t i, size_t last) const {
  if (i + tokens.size() > last) return false;
  const Token* t = doc.tokens.data() + i;
  // Spacing, kinds and hashes first: a candidate that does not match (one of
  // several phrases opening with the same words) nearly always differs there,
  // and is turned down before any bytes are compared.
  for (size_t k = 0; k < tokens.size(); ++k) {
    const uint8_t f = flags[k];
    if (k > 0 && ((f & kJoined) != 0) == t[k].space_before) return false;
    if (f & kWildcard) {
      if (t[k].kind != TokenKind::word && t[k].kind != TokenKind::number) return false;
    } else if (hashes[k] != t[k].folded_hash) {
      return false;
    }
  }
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (!(flags[k] & kWildcard) && !same_bytes(tokens[k], t[k].folded)) return false;
  }
  return true;
}

void TokenHashTable::build(std::vector<std::pair<size_t, uint32_t>> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  size_t groups = 0;
  for (size_t i = 0; i < entries.size(); ++i) groups += i == 0 || entries[i].first != entries[i - 1].first ? 1 : 0;
  size_t capacity = 8;
  while (capacity < groups * 2) capacity *= 2;  // at most half full: short probe runs
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  filter_.reset(groups);
  values_.clear();
  values_.reserve(entries.size());
  for (size_t i = 0; i < entries.size();) {
    const size_t hash = entries[i].first;
    const auto begin = static_cast<uint32_t>(values_.size());
    for (; i < entries.size() && entries[i].first == hash; ++i) values_.push_back(entries[i].second);
    size_t s = slot_of(hash);
    while (slots_[s].count != 0) s = (s + 1) & mask_;
    slots_[s] = {hash, begin, static_cast<uint32_t>(values_.size()) - begin};
    filter_.add(hash);
  }
}

void PhraseList::add(Phrase p) {
  if (p.tokens.empty()) return;
  if (p.tokens[0] == "*") wildcard_first_.push_back(static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back(std::move(p));
}

void PhraseList::index() {
  std::vector<std::pair<size_t, uint32_t>> entries;
  for (size_t i = 0; i < phrases_.size(); ++i) {
    if (phrases_[i].tokens[0] != "*") entries.emplace_back(phrases_[i].hashes[0], static_cast<uint32_t>(i));
  }
  by_first_.build(std::move(entries));
}

PhraseList PhraseList::parse(std::string_view tsv, std::string_view source) {
  std::vector<std::string_view> texts;
  std::vector<std::vector<std::string_view>> rows;
  size_t line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line == "#" || line.starts_with("# ")) continue;  // "#1" is a phrase
    auto fields = split(line, '\t');
    if (fields[0].empty()) {
      throw std::runtime_error(std::string(source) + ":" + std::to_string(line_no) + ": empty phrase");
    }
    texts.push_back(fields[0]);
    rows.push_back(std::move(fields));
  }
  std::vector<Phrase> phrases = compile(texts);
  PhraseList list;
  list.phrases_.reserve(phrases.size());
  for (size_t i = 0; i < phrases.size(); ++i) {
    Phrase& p = phrases[i];
    const auto& fields = rows[i];
    if (fields.size() > 1 && !fields[1].empty()) {
      for (auto r : split(fields[1], '|')) p.replacements.emplace_back(r);
    }
    if (fields.size() > 2) p.note = std::string(fields[2]);
    list.add(std::move(p));
  }
  list.index();
  return list;
}

PhraseList PhraseList::from_phrases(const std::vector<std::string>& phrases) {
  PhraseList list;
  std::vector<std::string_view> texts(phrases.begin(), phrases.end());
  for (Phrase& p : compile(texts)) list.add(std::move(p));
  list.index();
  return list;
}

const PhraseList& PhraseList::builtin(std::string_view name) {
  return data::parsed<PhraseList>(name, [](std::string_view file) { return parse(data::file(file), file); });
}

std::vector<PhraseMatch> PhraseList::find(const Document& doc, size_t first, size_t last) const {
  std::vector<PhraseMatch> out;
  last = std::min(last, doc.tokens.size());
  for (size_t i = first; i < last;) {
    // The longest phrase matching at i; the first listed among equals.
    const Phrase* best = nullptr;
    auto consider = [&](uint32_t index) {
      const Phrase& p = phrases_[index];
      if ((!best || p.tokens.size() > best->tokens.size()) && p.matches_at(doc, i, last)) best = &p;
    };
    for (uint32_t index : by_first_.find(doc.tokens[i].folded_hash)) consider(index);
    for (uint32_t index : wildcard_first_) consider(index);
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

// ---- PhraseSet ---------------------------------------------------------------

PhraseSet::PhraseSet(std::vector<const PhraseList*> lists, std::vector<TaggedWord> tagged)
    : lists_(std::move(lists)), tagged_(std::move(tagged)) {
  // What each token hash keys, as (hash, kind, index), sorted into runs below.
  enum Kind : uint8_t { kFirst, kSecond, kTagged, kOpensPair };
  struct Keyed {
    size_t hash;
    Kind kind;
    uint32_t index;
    bool operator<(const Keyed& o) const {
      return hash != o.hash ? hash < o.hash : kind != o.kind ? kind < o.kind : index < o.index;
    }
  };
  std::vector<Keyed> keyed;
  std::vector<std::pair<size_t, uint32_t>> pairs;
  auto add = [&](size_t id, const Phrase& p) {
    const auto entry = static_cast<uint32_t>(entries_.size());
    entries_.push_back({static_cast<uint32_t>(id), &p});
    const bool wild_first = p.tokens[0] == "*";
    const bool has_second = p.tokens.size() > 1 && p.tokens[1] != "*";
    if (!wild_first && has_second) {
      pairs.emplace_back(pair_hash(p.hashes[0], p.hashes[1]), entry);
      keyed.push_back({p.hashes[0], kOpensPair, 0});
    } else if (!wild_first) {
      keyed.push_back({p.hashes[0], kFirst, entry});
    } else if (has_second) {
      keyed.push_back({p.hashes[1], kSecond, entry});
    } else {
      at_every_token_.push_back(entry);
    }
  };
  for (size_t id = 0; id < lists_.size(); ++id) {
    const auto& phrases = lists_[id]->phrases();
    for (const Phrase& p : phrases) {
      if (p.tokens[0] != "*") add(id, p);
    }
    for (uint32_t index : lists_[id]->wildcard_first()) add(id, phrases[index]);
  }
  for (size_t w = 0; w < tagged_.size(); ++w) {
    keyed.push_back({text::token_hash(tagged_[w].word), kTagged, static_cast<uint32_t>(w)});
  }
  // Entries keep their order within a run (the order hits are considered in).
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::pair<size_t, uint32_t>> keys;
  for (size_t k = 0; k < keyed.size();) {
    const size_t hash = keyed[k].hash;
    Key key;
    auto run = [&](Kind kind, uint32_t& begin, uint32_t& count) {
      begin = static_cast<uint32_t>(keyed_.size());
      for (; k < keyed.size() && keyed[k].hash == hash && keyed[k].kind == kind; ++k) keyed_.push_back(keyed[k].index);
      count = static_cast<uint32_t>(keyed_.size()) - begin;
    };
    run(kFirst, key.first_begin, key.first_count);
    run(kSecond, key.second_begin, key.second_count);
    run(kTagged, key.tagged_begin, key.tagged_count);
    for (; k < keyed.size() && keyed[k].hash == hash; ++k) key.opens_pair = true;  // kOpensPair
    keys.emplace_back(hash, static_cast<uint32_t>(keys_.size()));
    keys_.push_back(key);
  }
  by_token_.build(std::move(keys));
  by_pair_.build(std::move(pairs));
}

void PhraseSet::match(const Document& doc, Matches& m) const {
  m.doc_ = &doc;
  m.hits_.clear();
  if (m.hits_.capacity() == 0) m.hits_.reserve(8);  // a tweet has a few hits: one allocation, not several
  m.lists_hit_ = 0;
  m.tags_seen_ = 0;
  const auto& tokens = doc.tokens;
  const size_t n = tokens.size();
  m.tags_.assign(n, 0);
  auto add_run = [&](size_t i, uint32_t begin, uint32_t count) {
    for (uint32_t k = begin; k < begin + count; ++k) add_hit(doc, i, keyed_[k], m);
  };
  // Hits at one token come from several runs: put them back in entry order.
  auto sort_from = [&](size_t found_before) {
    if (m.hits_.size() - found_before > 1) {
      std::sort(m.hits_.begin() + static_cast<std::ptrdiff_t>(found_before), m.hits_.end(),
                [](const Matches::Hit& x, const Matches::Hit& y) { return x.entry < y.entry; });
    }
  };
  const bool at_every = !at_every_token_.empty();
  // Each token's hash is looked up once; a token it keys nothing for (most)
  // costs that lookup alone. Hits are added in token order.
  for (size_t i = 0; i < n; ++i) {
    const Key* key = key_of(tokens[i].folded_hash);
    if (!key && !at_every) continue;
    if (key && key->second_count != 0 && i > 0) {
      // "*" then this token: hits at the token before, after those found there.
      size_t found_before = m.hits_.size();
      while (found_before > 0 && m.hits_[found_before - 1].token == i - 1) --found_before;
      add_run(i - 1, key->second_begin, key->second_count);
      sort_from(found_before);
    }
    const size_t found_before = m.hits_.size();
    if (key) {
      if (key->tagged_count != 0) {
        m.tags_[i] = tags_of(*key, tokens[i]);
        m.tags_seen_ |= m.tags_[i];
      }
      add_run(i, key->first_begin, key->first_count);
      if (key->opens_pair && i + 1 < n) {
        for (uint32_t e : by_pair_.find(pair_hash(tokens[i].folded_hash, tokens[i + 1].folded_hash))) add_hit(doc, i, e, m);
      }
    }
    for (uint32_t e : at_every_token_) add_hit(doc, i, e, m);
    sort_from(found_before);
  }
  for (const Matches::Hit& h : m.hits_) m.lists_hit_ |= Matches::list_bit(h.list);
}

void PhraseSet::add_hit(const Document& doc, size_t i, uint32_t entry, Matches& m) const {
  const Phrase& p = *entries_[entry].phrase;
  if (!p.matches_at(doc, i, doc.tokens.size())) return;
  m.hits_.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(p.tokens.size()), entries_[entry].list, entry, &p});
}

std::vector<PhraseMatch> PhraseSet::Matches::find_hits(size_t id, size_t first, size_t last) const {
  std::vector<PhraseMatch> out;
  last = std::min(last, doc_->tokens.size());
  size_t next = first;  // no match may start before this token
  for (size_t k = 0; k < hits_.size();) {
    const size_t token = hits_[k].token;
    if (token >= last) break;
    // The longest hit of the list at this token that ends in range; the
    // first found among equals.
    const Hit* best = nullptr;
    for (; k < hits_.size() && hits_[k].token == token; ++k) {
      const Hit& h = hits_[k];
      if (h.list != id || token < next || token + h.length > last) continue;
      if (!best || h.length > best->length) best = &h;
    }
    if (!best) continue;
    const size_t end = token + best->length;
    out.push_back({best->phrase, token, end, doc_->tokens[token].start, doc_->tokens[end - 1].end});
    next = end;
  }
  return out;
}

bool PhraseSet::Matches::any(size_t id, size_t first, size_t last) const {
  if ((lists_hit_ & list_bit(id)) == 0) return false;
  last = std::min(last, doc_->tokens.size());
  return std::any_of(hits_.begin(), hits_.end(), [&](const Hit& h) {
    return h.list == id && h.token >= first && h.token + h.length <= last;
  });
}

const Phrase* PhraseSet::Matches::longest_at(size_t id, size_t i, size_t last) const {
  if ((lists_hit_ & list_bit(id)) == 0) return nullptr;
  last = std::min(last, doc_->tokens.size());
  const Phrase* best = nullptr;
  size_t length = 0;
  for (const Hit& h : hits_) {
    if (h.token != i || h.list != id || i + h.length > last) continue;
    if (!best || h.length > length) best = h.phrase, length = h.length;
  }
  return best;
}

}  // namespace chime
