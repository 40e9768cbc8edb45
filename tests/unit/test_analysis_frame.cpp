// The frame around the analysis: UTF-8 decoding (with its ASCII fast path),
// the scratch an Analyzer reuses from one text to the next, and the entity
// lookup rules make for every token.
#include <doctest/doctest.h>

#include <unicode/ustring.h>

#include <random>
#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"
#include "document.hpp"
#include "examples.hpp"
#include "text/unicode.hpp"

using namespace chime;
using chime::testing::Example;
using chime::testing::load_examples;

namespace {

// ICU's conversion with U+FFFD: the general path decode_utf8 must equal.
std::u16string icu_decode(const std::string& in, int32_t& substitutions) {
  std::u16string out(in.size() + 1, u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, in.data(),
                       static_cast<int32_t>(in.size()), 0xFFFD, &substitutions, &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace

TEST_CASE("decode_utf8 equals ICU on long random texts: ASCII runs, valid and invalid UTF-8") {
  std::mt19937 random(11);
  const uint8_t odd[] = {0x7F, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xED, 0xEF, 0xBD,
                         0xF0, 0xF4, 0xF5, 0x9F, 0xA0, 0x90, 0x8F, 0xFF};
  const std::string valid[] = {"\u00e9", "\u2019", "\U0001F600", "\uFFFD", "\u4E2D"};
  std::u16string reused;  // one buffer for every round, as the Analyzer keeps it
  for (int32_t round = 0; round < 20000; ++round) {
    std::string in;
    for (auto pieces = random() % 8; pieces > 0; --pieces) {
      switch (random() % 3) {
        case 0:  // an ASCII run of any length, so the eight-byte steps start anywhere
          for (auto n = random() % 20; n > 0; --n) in.push_back(static_cast<char>(' ' + random() % 95));
          break;
        case 1: in += valid[random() % std::size(valid)]; break;
        default: in.push_back(static_cast<char>(odd[random() % sizeof odd])); break;
      }
    }
    int32_t substitutions = 0;
    const std::u16string icu = icu_decode(in, substitutions);
    int32_t replaced = -1;
    const std::u16string ours = text::decode_utf8(in, replaced);
    if (ours != icu || replaced != substitutions) FAIL("decode_utf8 differs from ICU in round ", round);
    replaced = -1;
    text::decode_utf8(in, reused, replaced);
    if (reused != icu || replaced != substitutions) FAIL("decode_utf8 into a buffer differs in round ", round);
  }
}

TEST_CASE("An Analyzer reused for many texts gives what a fresh one gives") {
  // The Analyzer keeps its Document, reply Document and hints between calls;
  // nothing of one text may leak into the next.
  std::vector<std::string> texts;
  for (const Example& e : load_examples()) texts.push_back(e.text);
  texts.push_back("");
  texts.push_back("bad \xC3 UTF-8 \xFF here, then fine #again @someone https://example.org");
  Context reply;
  reply.reply_to = "@patient";
  reply.in_reply_to_text = "Why was my appointment cancelled? Nobody called me back!";
  Analyzer reused;
  for (size_t i = 0; i < texts.size(); ++i) {
    const Context context = i % 3 == 1 ? reply : Context{};
    const std::string fresh = to_json_text(Analyzer().analyze(texts[i], context));
    const std::string again = to_json_text(reused.analyze(texts[i], context));
    if (again != fresh) FAIL("the reused Analyzer differs on: ", texts[i]);
    if (i % 5 == 0) {  // the UTF-16 entry point shares the same scratch
      int32_t replaced = 0;
      const std::u16string utf16 = text::decode_utf8(texts[i], replaced);
      const std::string fresh16 = to_json_text(Analyzer().analyze(std::u16string_view(utf16), context));
      const std::string again16 = to_json_text(reused.analyze(std::u16string_view(utf16), context));
      if (again16 != fresh16) FAIL("the reused Analyzer differs on UTF-16: ", texts[i]);
    }
  }
}

TEST_CASE("Document::in_entity answers as the plain overlap test, for few spans (scanned) and many (searched)") {
  std::mt19937 random(5);
  for (int32_t round = 0; round < 3000; ++round) {
    // The same entities twice: `plain` reads the lists, `indexed` its spans.
    Document plain, indexed;
    const auto lists = random() % 2 ? 2u : 8u;  // up to 8 or up to 32 spans
    for (Document* d : {&plain, &indexed}) {
      std::mt19937 same(static_cast<uint32_t>(round));
      for (auto* list : {&d->entities.urls, &d->entities.mentions, &d->entities.hashtags, &d->entities.cashtags}) {
        for (auto count = same() % (lists + 1); count > 0; --count) {
          Entity e;
          e.start = static_cast<int32_t>(same() % 60);
          e.end = e.start + static_cast<int32_t>(same() % 8);  // empty spans too
          list->push_back(e);
        }
      }
    }
    indexed.index_entities();
    for (int32_t start = -2; start < 70; ++start) {
      for (int32_t end = start - 2; end < start + 10; ++end) {  // empty and reversed ranges too
        if (plain.in_entity(start, end) != indexed.in_entity(start, end)) {
          FAIL("in_entity(", start, ", ", end, ") differs in round ", round);
        }
      }
    }
  }
}
