// ICU comes from Debian's 72.1 source and reads only Chime's embedded data
// package: these tests fail if the build picks up another ICU or data file.
#include <doctest/doctest.h>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <vector>

#include "icu/icu_data.hpp"
#include "text/unicode.hpp"

using namespace chime;

namespace {

std::vector<std::u16string> words(std::u16string_view text, const char* locale = "") {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale(locale), status));
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString s(false, text.data(), static_cast<int32_t>(text.size()));
  it->setText(s);
  std::vector<std::u16string> out;
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE;
       start = end, end = it->next()) {
    if (it->getRuleStatus() != UBRK_WORD_NONE) {
      out.emplace_back(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("ICU is 72.1 built from source, not a system library") {
  UVersionInfo v;
  u_getVersion(v);
  CHECK(v[0] == 72);
  CHECK(v[1] == 1);
  CHECK(std::string(U_ICU_VERSION) == "72.1");
}

TEST_CASE("word breaking runs on the embedded break rules") {
  auto w = words(u"Flu shots aren't just for kids: book yours at 9.30 today.");
  CHECK(w == std::vector<std::u16string>{u"Flu", u"shots", u"aren't", u"just", u"for", u"kids",
                                         u"book", u"yours", u"at", u"9.30", u"today"});
  // Locales without their own rules fall back to root inside the package.
  CHECK(words(u"¿Dónde está la clínica?", "es") ==
        std::vector<std::u16string>{u"Dónde", u"está", u"la", u"clínica"});
}

TEST_CASE("sentence breaking runs on the embedded break rules") {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString s(u"Get your shot. It takes 5 minutes! Walk-ins welcome?");
  it->setText(s);
  std::vector<int32_t> bounds;
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) bounds.push_back(b);
  CHECK(bounds == std::vector<int32_t>{0, 15, 35, 52});
}

TEST_CASE("emoji properties come from the embedded uemoji.icu") {
  icu_data::ensure_registered();
  CHECK(u_hasBinaryProperty(0x1F489, UCHAR_EXTENDED_PICTOGRAPHIC));  // 💉 syringe
  CHECK(u_hasBinaryProperty(0x2764, UCHAR_EXTENDED_PICTOGRAPHIC));   // ❤ heavy black heart
  CHECK(u_hasBinaryProperty(0x1F3FD, UCHAR_EMOJI_MODIFIER));         // 🏽 skin tone
  CHECK(u_hasBinaryProperty(0x1F1FA, UCHAR_REGIONAL_INDICATOR));     // 🇺 flag letter
  CHECK_FALSE(u_hasBinaryProperty(u'A', UCHAR_EXTENDED_PICTOGRAPHIC));
  CHECK_FALSE(u_hasBinaryProperty(u'#', UCHAR_EXTENDED_PICTOGRAPHIC));
  CHECK(u_hasBinaryProperty(u'#', UCHAR_EMOJI));  // keycap base
}

TEST_CASE("NFC and case folding work without data files") {
  CHECK(text::nfc(u"cafe\u0301") == u"caf\u00E9");
  CHECK(text::nfc(u"\u1100\u1161") == u"\uAC00");  // Hangul composition
  CHECK(text::fold(u"STRASSE Straße İ") == u"strasse strasse i\u0307");
}

TEST_CASE("ICU reads no data files from disk") {
  icu_data::ensure_registered();
  // An item that exists in ICU's full data but not in Chime's package.
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* names = udata_open(nullptr, "icu", "unames", &status);
  CHECK(U_FAILURE(status));
  if (names) udata_close(names);
}
