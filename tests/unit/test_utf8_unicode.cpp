// UTF-8 decoding and validation, Unicode helpers, and word-list parsing.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/error.hpp"
#include "textkit/unicode.hpp"
#include "textkit/utf8.hpp"
#include "textkit/word_list.hpp"
#include "tokenize_helpers.hpp"
#include "unicode_properties.hpp"

using textkit::test::printable;
using namespace std::string_view_literals;
namespace utf8 = textkit::utf8;
namespace unicode = textkit::unicode;

namespace {

constexpr char32_t kInvalid = utf8::invalid;
constexpr std::size_t npos = std::string_view::npos;

struct decode_case {
  const char* name;
  std::string_view bytes;
  char32_t expected;  // utf8::invalid for an ill-formed sequence
  int length;         // bytes consumed (1 for an ill-formed sequence)
};

const decode_case kDecodeCases[] = {
    {"ASCII", "A", U'A', 1},
    {"NUL", "\0"sv, 0, 1},
    {"2 bytes é", "\xC3\xA9", 0xE9, 2},
    {"smallest 2 bytes U+0080", "\xC2\x80", 0x80, 2},
    {"largest 2 bytes U+07FF", "\xDF\xBF", 0x7FF, 2},
    {"smallest 3 bytes U+0800", "\xE0\xA0\x80", 0x800, 3},
    {"3 bytes €", "\xE2\x82\xAC", 0x20AC, 3},
    {"last before surrogates U+D7FF", "\xED\x9F\xBF", 0xD7FF, 3},
    {"first after surrogates U+E000", "\xEE\x80\x80", 0xE000, 3},
    {"noncharacter U+FFFF is well-formed", "\xEF\xBF\xBF", 0xFFFF, 3},
    {"smallest 4 bytes U+10000", "\xF0\x90\x80\x80", 0x10000, 4},
    {"4 bytes emoji", "\xF0\x9F\x98\x80", 0x1F600, 4},
    {"largest U+10FFFF", "\xF4\x8F\xBF\xBF", 0x10FFFF, 4},
    {"decodes only the first of two", "\xC3\xA9" "a", 0xE9, 2},
    // Overlong forms.
    {"overlong '/' in 2 bytes C0 AF", "\xC0\xAF", kInvalid, 1},
    {"overlong in 2 bytes C1 BF", "\xC1\xBF", kInvalid, 1},
    {"overlong NUL C0 80", "\xC0\x80", kInvalid, 1},
    {"overlong '/' in 3 bytes", "\xE0\x80\xAF", kInvalid, 1},
    {"overlong U+07FF in 3 bytes", "\xE0\x9F\xBF", kInvalid, 1},
    {"overlong '/' in 4 bytes", "\xF0\x80\x80\xAF", kInvalid, 1},
    {"overlong U+FFFF in 4 bytes", "\xF0\x8F\xBF\xBF", kInvalid, 1},
    // Surrogates.
    {"high surrogate U+D800", "\xED\xA0\x80", kInvalid, 1},
    {"low surrogate U+DFFF", "\xED\xBF\xBF", kInvalid, 1},
    {"CESU-8 surrogate pair", "\xED\xA0\xBD\xED\xB8\x80", kInvalid, 1},
    // Truncated sequences.
    {"truncated 2 bytes at the end", "\xC3", kInvalid, 1},
    {"truncated 3 bytes at the end", "\xE2\x82", kInvalid, 1},
    {"truncated 4 bytes at the end", "\xF0\x9F\x98", kInvalid, 1},
    {"truncated 2 bytes before ASCII", "\xC3" "A", kInvalid, 1},
    {"truncated 3 bytes before ASCII", "\xE2\x82" "A", kInvalid, 1},
    {"truncated 4 bytes before a new lead byte", "\xF0\x9F\x98\xC3\xA9", kInvalid, 1},
    // Beyond U+10FFFF and bytes that never occur.
    {"U+110000", "\xF4\x90\x80\x80", kInvalid, 1},
    {"F5 lead byte", "\xF5\x80\x80\x80", kInvalid, 1},
    {"F8 5-byte form", "\xF8\x88\x80\x80\x80", kInvalid, 1},
    {"FE", "\xFE", kInvalid, 1},
    {"FF", "\xFF", kInvalid, 1},
    {"lone continuation byte", "\x80", kInvalid, 1},
    {"continuation byte BF", "\xBF" "A", kInvalid, 1},
};

struct invalid_case {
  const char* name;
  std::string_view bytes;
  std::size_t expected;  // offset of the first ill-formed sequence, or npos
};

const invalid_case kFindInvalidCases[] = {
    {"empty", "", npos},
    {"ASCII", "hello", npos},
    {"long ASCII (fast path)", "abcdefghijklmnopqrstuvwxyz0123456789", npos},
    {"NUL and controls are well-formed", "a\0b\x01\x7f"sv, npos},
    {"French", "L’État a dit « non » à 20\u202F000 €.", npos},
    {"every length", "a\u00E9\u20AC\U0001F600", npos},
    {"U+10FFFF", "\xF4\x8F\xBF\xBF", npos},
    {"ill-formed first byte", "\xFF" "abc", 0},
    {"after 10 ASCII bytes (past the 8-byte fast path)", "abcdefghij\xFF", 10},
    {"after 8 ASCII bytes exactly", "abcdefgh\x80", 8},
    {"after multi-byte text", "12345678\xC3\xA9\xED\xA0\x80", 10},
    {"overlong", "ab\xC0\xAF", 2},
    {"surrogate", "x\xED\xBF\xBFy", 1},
    {"truncated at the end", "abc\xE2\x82", 3},
    {"truncated before ASCII", "abc\xE2\x82z", 3},
    {"above U+10FFFF", "ok\xF4\x90\x80\x80", 2},
    {"F5 lead byte", "\xF5\x80\x80\x80", 0},
    {"Latin-1 é", "caf\xE9", 3},
    {"first of several", "a\xFF" "b\xFE", 1},
};

}  // namespace

TEST_CASE("utf8::decode") {
  for (const auto& c : kDecodeCases) {
    const std::string name = c.name;
    const std::string bytes = printable(c.bytes);
    CAPTURE(name);
    CAPTURE(bytes);
    const char* p = c.bytes.data();
    const char32_t got = utf8::decode(p, c.bytes.data() + c.bytes.size());
    CHECK(static_cast<std::uint32_t>(got) == static_cast<std::uint32_t>(c.expected));
    CHECK(p - c.bytes.data() == c.length);
    int len = 0;
    CHECK(static_cast<std::uint32_t>(utf8::peek(c.bytes, 0, len)) == static_cast<std::uint32_t>(c.expected));
    CHECK(len == c.length);
  }
}

TEST_CASE("utf8::decode stops at the end it is given") {
  struct cut_case {
    std::string_view bytes;
    std::size_t limit;  // decode sees only the first `limit` bytes
  };
  const cut_case cases[] = {
      {"\xC3\xA9", 1}, {"\xE2\x82\xAC", 1}, {"\xE2\x82\xAC", 2}, {"\xF0\x9F\x98\x80", 3}, {"\xF0\x9F\x98\x80", 2},
  };
  for (const auto& c : cases) {
    const std::string bytes = printable(c.bytes);
    CAPTURE(bytes);
    CAPTURE(c.limit);
    const char* p = c.bytes.data();
    CHECK(static_cast<std::uint32_t>(utf8::decode(p, c.bytes.data() + c.limit)) ==
          static_cast<std::uint32_t>(kInvalid));
    CHECK(p == c.bytes.data() + 1);
  }
}

TEST_CASE("utf8::decode scans any byte string in steps of at least one byte") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  all += "\xC3\xA9\xF0\x9F\x98\x80";
  const char* p = all.data();
  const char* const end = all.data() + all.size();
  std::size_t steps = 0;
  while (p < end) {
    const char* const before = p;
    utf8::decode(p, end);
    REQUIRE(p > before);
    REQUIRE(p <= end);
    ++steps;
  }
  // 128 ASCII bytes and 128 ill-formed single bytes (in increasing order no lead byte is
  // followed by a continuation byte), then é and 😀.
  CHECK(steps == 256 + 2);
}

TEST_CASE("utf8::find_invalid and is_valid") {
  for (const auto& c : kFindInvalidCases) {
    const std::string name = c.name;
    const std::string bytes = printable(c.bytes);
    CAPTURE(name);
    CAPTURE(bytes);
    CHECK(utf8::find_invalid(c.bytes) == c.expected);
    CHECK(utf8::is_valid(c.bytes) == (c.expected == npos));
  }
}

TEST_CASE("utf8::append round-trips every encoding length") {
  for (const char32_t c : {char32_t{0}, U'A', char32_t{0x7F}, char32_t{0x80}, char32_t{0xE9}, char32_t{0x7FF},
                           char32_t{0x800}, char32_t{0x20AC}, char32_t{0xD7FF}, char32_t{0xE000}, char32_t{0xFFFF},
                           char32_t{0x10000}, char32_t{0x1F600}, char32_t{0x10FFFF}}) {
    CAPTURE(static_cast<std::uint32_t>(c));
    std::string s;
    utf8::append(s, c);
    const std::size_t expected_size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    CHECK(s.size() == expected_size);
    const char* p = s.data();
    CHECK(static_cast<std::uint32_t>(utf8::decode(p, s.data() + s.size())) == static_cast<std::uint32_t>(c));
    CHECK(p == s.data() + s.size());
  }
}

TEST_CASE("utf8::append_replacing_invalid replaces each ill-formed byte") {
  struct replace_case {
    std::string_view in;
    std::string_view out;
  };
  const replace_case cases[] = {
      {"", ""},
      {"État", "État"},
      {"a\xFF" "b", "a\uFFFD" "b"},
      {"\xE2\x82", "\uFFFD\uFFFD"},
      {"\xC0\xAF", "\uFFFD\uFFFD"},
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
      {"caf\xE9", "caf\uFFFD"},
      {"\xF0\x9F\x98\x80\x80", "\U0001F600\uFFFD"},
  };
  for (const auto& c : cases) {
    const std::string in = printable(c.in);
    CAPTURE(in);
    std::string out = "prefix:";
    utf8::append_replacing_invalid(out, c.in);
    CHECK(out == "prefix:" + std::string(c.out));
    CHECK(utf8::is_valid(out));
  }
}

TEST_CASE("unicode::is_nfc") {
  struct nfc_case {
    const char* name;
    std::string_view text;
    bool expected;
  };
  const nfc_case cases[] = {
      {"empty", "", true},
      {"ASCII", "Hello, world", true},
      {"composed French", "L’État, où l’élève s’ennuie", true},
      {"decomposed é", "E\u0301tat", false},
      {"decomposed after a long ASCII prefix", "abcdefghijklmnopqrstuvwxyzE\u0301", false},
      {"decomposed ë", "Noe\u0308l", false},
      {"combining mark with nothing to compose", "\u0301", true},
      {"é followed by a combining acute", "\u00E9\u0301", true},
      {"marks in canonical order, not composable", "\u1EA1\u0301", true},
      {"marks in canonical order, composable", "a\u0323\u0301", false},
      {"marks out of canonical order", "a\u0301\u0323", false},
      {"decomposed Hangul", "\u1100\u1161", false},
      {"composed Hangul", "\uAC00", true},
      {"Angstrom sign (singleton)", "\u212B", false},
      {"Å", "\u00C5", true},
      {"ligature ﬁ (compatibility only)", "ﬁ", true},
      {"full-width (compatibility only)", "ＡＢＣ", true},
      {"NBSP (compatibility only)", "20\u00A0000", true},
      {"emoji ZWJ sequence", "\U0001F469\u200D\U0001F52C", true},
      {"Arabic with harakat", "كَتَبَ", true},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    CHECK(unicode::is_nfc(c.text) == c.expected);
    // Agrees with append_nfc.
    std::string nfc;
    unicode::append_nfc(nfc, c.text);
    CHECK((nfc == c.text) == c.expected);
  }
}

TEST_CASE("unicode normalisation, folding and accents") {
  auto nfc = [](std::string_view s) {
    std::string out;
    unicode::append_nfc(out, s);
    return out;
  };
  auto nfkc = [](std::string_view s) {
    std::string out;
    unicode::append_nfkc(out, s);
    return out;
  };
  auto fold = [](std::string_view s) {
    std::string out;
    unicode::append_case_folded(out, s);
    return out;
  };
  auto strip = [](std::string_view s) {
    std::string out;
    unicode::append_without_accents(out, s);
    return out;
  };
  CHECK(nfc("E\u0301tat") == "État");
  CHECK(nfc("\u212B") == "\u00C5");
  CHECK(nfc("ﬁ") == "ﬁ");
  CHECK(nfkc("ﬁ") == "fi");
  CHECK(nfkc("ＡＢＣ１２３") == "ABC123");
  CHECK(nfkc("20\u202F000") == "20 000");
  CHECK(nfkc("E\u0301") == "É");
  CHECK(fold("Straße") == "strasse");
  CHECK(fold("ÉTAT") == "état");
  CHECK(fold("HELLO") == "hello");
  CHECK(fold("ΣΊΣΥΦΟΣ") == "σίσυφοσ");
  CHECK(fold("ǅ") == "ǆ");
  CHECK(strip("État") == "Etat");
  CHECK(strip("ça où Noël") == "ca ou Noel");
  CHECK(strip("œuf Straße") == "œuf Straße");
  CHECK(strip("E\u0301tat") == "Etat");
  CHECK(strip("Łódź") == "Łodz");
  // Appends.
  std::string out = "x";
  unicode::append_case_folded(out, "Y");
  CHECK(out == "xy");
}

TEST_CASE("unicode::is_case_fold_inert: true exactly when folding would not change the text") {
  auto unchanged_by_fold = [](std::string_view s) {
    std::string out;
    unicode::append_case_folded(out, s);
    return out == s;
  };
  for (const std::string_view s : {""sv, "de"sv, "microsoft"sv, "porte-parole"sv, "défend"sv, "été"sv, "œuvre"sv,
                                   "Microsoft"sv, "ICE"sv, "État"sv, "straße"sv, "ß"sv, "ǅ"sv, "σίσυφοσ"sv,
                                   "aujourd’hui"sv, "abcdefghijklmnopqrstuvwxyZ"sv, "abcdefgh"sv, "abcdefgH"sv,
                                   "@[`{"sv, "🙂"sv, "𐐀"sv, "𐐨"sv}) {
    CAPTURE(printable(s));
    CHECK(unicode::is_case_fold_inert(s) == unchanged_by_fold(s));
  }
  // Every BMP code point, alone and after seven ASCII letters (the word-at-a-time path).
  int disagreements = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s;
    utf8::append(s, c);
    const std::string prefixed = "abcdefg" + s;
    if (unicode::is_case_fold_inert(s) != unchanged_by_fold(s)) ++disagreements;
    if (unicode::is_case_fold_inert(prefixed) != unchanged_by_fold(prefixed)) ++disagreements;
  }
  CHECK(disagreements == 0);
  CHECK_FALSE(unicode::is_case_fold_inert("ab\xFF" "cd"));  // ill-formed: never "inert"
}

TEST_CASE("unicode::fold_token: the answers of is_case_fold_inert and append_case_folded") {
  // Tokens built from code points around the 16-byte path's edges: ASCII capitals, every
  // Latin-1 letter (C3 80..BF, ß = C3 9F among them), µ (C2 B5, folds to μ), General
  // Punctuation and beyond (E2 80..81 xx; Ⅰ and Ⓐ, E2 85 A0 and E2 92 B6, fold), Œ/œ, Greek,
  // İ, ǅ, digits.
  std::vector<std::string> pool = {"a", "z", "A", "Z", "@", "[", "`", "{", "0", "'", "-", "\xC2\xB5", "\xC2\xAB",
                                   "\xC5\x92", "\xC5\x93", "\xCE\xA3", "\xCF\x83", "\xC4\xB0", "\xC7\x85",
                                   "\xE2\x82\xAC", "\xE2\x85\xA0", "\xE2\x92\xB6", "\xF0\x9F\x98\x80"};
  for (char32_t c = 0xC0; c <= 0xFF; ++c) pool.push_back({static_cast<char>(0xC3), static_cast<char>(0x80 + (c - 0xC0))});
  for (int c = 0x2000; c <= 0x206F; c += 7) {
    pool.push_back({static_cast<char>(0xE2), static_cast<char>(0x80 | (c >> 6 & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))});
  }
  std::mt19937 random(20261129);
  for (int round = 0; round < 20000; ++round) {
    std::string token;
    const std::size_t parts = 1 + random() % 9;
    for (std::size_t k = 0; k < parts; ++k) token += pool[random() % pool.size()];
    // Sometimes near the end of the text (fewer than 16 bytes after the token's start).
    const std::string padding(random() % 2 ? 20 : random() % 3, ' ');
    const std::string text = "xx " + token + padding;
    std::string folded = "kept";
    const bool unchanged = unicode::fold_token(text, 3, static_cast<std::uint32_t>(3 + token.size()), folded);
    std::string expected = "kept";
    unicode::append_case_folded(expected, token);
    CAPTURE(printable(token));
    CHECK(unchanged == unicode::is_case_fold_inert(token));
    CHECK(unchanged == (expected == "kept" + token));
    if (!unchanged) CHECK(folded == expected);
    if (unchanged) CHECK(folded == "kept");
  }
}

TEST_CASE("utf8::load_short and has_ascii_upper") {
  CHECK(utf8::load_short("", 0) == 0);
  CHECK(utf8::load_short("a", 1) == 0x61);
  CHECK(utf8::load_short("ab", 2) == 0x6261);
  CHECK(utf8::load_short("abc", 3) == 0x636261);
  CHECK(utf8::load_short("abcd", 4) == 0x64636261);
  CHECK(utf8::load_short("abcdefg", 7) == 0x67666564636261ULL);
  CHECK(utf8::load_short("abcdefgh", 8) == 0x6867666564636261ULL);
  CHECK(utf8::load_short("abcdefghXYZ", 3) == 0x636261);  // reads nothing past n
  for (int c = 0; c < 0x80; ++c) {
    for (int at = 0; at < 8; ++at) {
      std::string word = "abcdefgh";
      word[static_cast<std::size_t>(at)] = static_cast<char>(c);
      CAPTURE(c);
      CHECK(utf8::has_ascii_upper(utf8::load_short(word.data(), 8)) == (c >= 'A' && c <= 'Z'));
    }
  }
}

TEST_CASE("unicode::classify") {
  using cc = unicode::char_class;
  struct class_case {
    char32_t c;
    cc expected;
  };
  const class_case cases[] = {
      {U'a', cc::letter},          {U'É', cc::letter},           {0x05D0, cc::letter},  // Hebrew alef
      {0x0628, cc::letter},                                                               // Arabic beh
      {0x4E2D, cc::letter_alone},                                                         // 中
      {0x3072, cc::letter_alone},                                                         // ひ
      {0x30AB, cc::katakana},                                                             // カ
      {U'7', cc::digit},           {0x0662, cc::digit},                                   // Arabic-Indic two
      {0xFF11, cc::digit},                                                                // full-width 1
      {0x0301, cc::extend},        {0xFE0F, cc::extend},         {0x200D, cc::zwj},
      {U'_', cc::connector},       {0x00B7, cc::mid_letter},     {U'.', cc::mid_num_let},
      {U',', cc::mid_num},         {U';', cc::mid_num},          {U'\'', cc::apostrophe},
      {0x2019, cc::apostrophe},    {0x02BC, cc::apostrophe},     {U'-', cc::hyphen},
      {0x2010, cc::hyphen},        {0x2011, cc::hyphen},         {U'€', cc::currency},
      {U'$', cc::currency},        {0x1F600, cc::emoji},         {0x00A9, cc::emoji_text},
      {0x2122, cc::emoji_text},    {0x1F1EB, cc::regional},      {0x00AB, cc::punct},   // «
      {U'%', cc::punct},           {U'+', cc::symbol},           {0x00B0, cc::symbol},  // °
      {U' ', cc::space},           {0x00A0, cc::space},          {0x202F, cc::space},
      {0x3000, cc::space},         {U'\t', cc::space},           {0, cc::space},
      {0x7F, cc::space},           {kInvalid, cc::space},
  };
  for (const auto& c : cases) {
    CAPTURE(static_cast<std::uint32_t>(c.c));
    CHECK(static_cast<int>(unicode::classify(c.c)) == static_cast<int>(c.expected));
  }
}

TEST_CASE("unicode::is_upper, is_punctuation, is_emoji_component, unicode_version") {
  CHECK(unicode::is_upper(U'A'));
  CHECK(unicode::is_upper(U'É'));
  CHECK(unicode::is_upper(0x01C5));  // ǅ, titlecase
  CHECK_FALSE(unicode::is_upper(U'a'));
  CHECK_FALSE(unicode::is_upper(0x4E2D));
  CHECK_FALSE(unicode::is_upper(U'1'));
  CHECK(unicode::is_punctuation(U'«'));
  CHECK(unicode::is_punctuation(U'%'));
  CHECK_FALSE(unicode::is_punctuation(U'+'));
  CHECK_FALSE(unicode::is_punctuation(U'€'));
  CHECK(unicode::is_emoji_component(0x1F3FD));  // skin tone
  CHECK(unicode::is_emoji_component(0xFE0F));
  CHECK(unicode::is_emoji_component(0x20E3));
  CHECK(unicode::is_emoji_component(0xE0067));  // tag
  CHECK_FALSE(unicode::is_emoji_component(U'a'));
  const std::string version = unicode::unicode_version();
  CHECK(version.find('.') != std::string::npos);
  CHECK(std::stoi(version) >= 10);
}

namespace {

// The message of the textkit::error that `parse` throws, with its kind; "" when none.
template <typename Parse>
std::string parse_error(Parse parse, textkit::error_kind* kind = nullptr) {
  try {
    parse();
  } catch (const textkit::error& e) {
    if (kind) *kind = e.kind();
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("word_set::parse") {
  SUBCASE("entries, comments, blank lines, first column") {
    const auto set = textkit::word_set::parse("le\nla\n# comment\n\nchat\tNOUN\n  \n", "stop.txt");
    CHECK(set.contains("le"));
    CHECK(set.contains("la"));
    CHECK(set.contains("chat"));
    CHECK_FALSE(set.contains("# comment"));
    CHECK_FALSE(set.contains("chat\tNOUN"));
    CHECK_FALSE(set.contains("NOUN"));
    CHECK_FALSE(set.contains(""));
  }
  SUBCASE("CRLF and BOM") {
    const auto set = textkit::word_set::parse("\xEF\xBB\xBFle\r\nl’\r\nà", "bom.txt");
    CHECK(set.contains("le"));
    CHECK(set.contains("l’"));
    CHECK(set.contains("à"));
    CHECK_FALSE(set.contains("le\r"));
    CHECK(set.size() == 3);
  }
  SUBCASE("invalid UTF-8 names source:line") {
    textkit::error_kind kind = textkit::error_kind::usage;
    const std::string message =
        parse_error([] { textkit::word_set::parse("le\nla\ncaf\xE9\n", "stopwords/custom.txt"); }, &kind);
    CAPTURE(message);
    CHECK(message.find("stopwords/custom.txt:3") != std::string::npos);
    CHECK(kind == textkit::error_kind::resource);
  }
  SUBCASE("invalid UTF-8 after comments and blank lines counts every line") {
    const std::string message =
        parse_error([] { textkit::word_set::parse("# c\n\n# d\n\xFF\n", "w.txt"); });
    CAPTURE(message);
    CHECK(message.find("w.txt:4") != std::string::npos);
  }
  SUBCASE("invalid UTF-8 in a comment is still an error") {
    const std::string message = parse_error([] { textkit::word_set::parse("ok\n# caf\xE9\n", "w.txt"); });
    CAPTURE(message);
    CHECK(message.find("w.txt:2") != std::string::npos);
  }
}

TEST_CASE("abbreviation_list::parse") {
  SUBCASE("final and inner") {
    const auto list = textkit::abbreviation_list::parse("# header\nM.\tinner\netc.\tfinal\r\nU.S.A.\tfinal\n", "a.txt");
    REQUIRE(list.find("M.") != nullptr);
    CHECK_FALSE(*list.find("M."));
    REQUIRE(list.find("etc.") != nullptr);
    CHECK(*list.find("etc."));
    CHECK(list.find("M") == nullptr);
    CHECK(list.find("m.") == nullptr);  // case-sensitive
    CHECK(list.size() == 3);
    CHECK(list.max_length() == 6);
  }
  SUBCASE("merge: final in either list wins") {
    auto a = textkit::abbreviation_list::parse("Dr.\tinner\nSt.\tinner\n", "en.txt");
    const auto b = textkit::abbreviation_list::parse("St.\tfinal\nJ.-C.\tfinal\n", "fr.txt");
    a.merge(b);
    REQUIRE(a.find("St.") != nullptr);
    CHECK(*a.find("St."));
    REQUIRE(a.find("Dr.") != nullptr);
    CHECK_FALSE(*a.find("Dr."));
    CHECK(a.find("J.-C.") != nullptr);
    CHECK(a.max_length() == 5);
  }
  struct error_case {
    const char* name;
    std::string_view content;
    const char* where;
  };
  const error_case cases[] = {
      {"no final period", "M.\tinner\nMme\tinner\n", "abbr.txt:2"},
      {"unknown class", "M.\tsometimes\n", "abbr.txt:1"},
      {"missing class", "# c\n\nM.\n", "abbr.txt:3"},
      {"empty class", "M.\t\n", "abbr.txt:1"},
      {"invalid UTF-8", "M.\tinner\nSt\xE9.\tinner\n", "abbr.txt:2"},
      {"line after CRLF lines", "M.\tinner\r\nDr.\tinner\r\nbad\tinner\r\n", "abbr.txt:3"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    textkit::error_kind kind = textkit::error_kind::usage;
    const std::string message =
        parse_error([&] { textkit::abbreviation_list::parse(c.content, "abbr.txt"); }, &kind);
    CAPTURE(message);
    CHECK(message.find(c.where) != std::string::npos);
    CHECK(kind == textkit::error_kind::resource);
  }
}

TEST_CASE("embedded word lists") {
  const auto& abbreviations = textkit::abbreviation_list::embedded();
  for (const char* inner : {"M.", "Mr.", "Dr.", "Mme."}) {
    CAPTURE(std::string(inner));
    REQUIRE(abbreviations.find(inner) != nullptr);
    CHECK_FALSE(*abbreviations.find(inner));
  }
  for (const char* final : {"etc.", "Inc.", "U.S.", "J.-C."}) {
    CAPTURE(std::string(final));
    REQUIRE(abbreviations.find(final) != nullptr);
    CHECK(*abbreviations.find(final));
  }
  const auto* fr = textkit::embedded_stopwords("fr");
  const auto* en = textkit::embedded_stopwords("en");
  REQUIRE(fr != nullptr);
  REQUIRE(en != nullptr);
  CHECK(textkit::embedded_stopwords("de") == nullptr);
  CHECK(fr->contains("le"));
  CHECK(fr->contains("l’"));
  CHECK(fr->contains("l'"));
  CHECK(en->contains("the"));
  CHECK(en->contains("'s"));
  // Negations are deliberately absent.
  for (const char* w : {"ne", "pas", "jamais", "rien", "n'", "n’", "sans"}) {
    CAPTURE(std::string(w));
    CHECK_FALSE(fr->contains(w));
  }
  for (const char* w : {"not", "no", "nor", "never", "n't", "without"}) {
    CAPTURE(std::string(w));
    CHECK_FALSE(en->contains(w));
  }
}

TEST_CASE("unicode: the build-time BMP tables equal what ICU says now") {
  // The tables are generated when textkit is built; this guards the generator, and an ICU
  // upgraded under a built binary.
  namespace detail = textkit::unicode::detail;
  int class_differences = 0, nfc_differences = 0, fold_differences = 0;
  for (char32_t c = 0; c < 0x10000; ++c) {
    class_differences += detail::kBmpClasses[c] != detail::class_from_icu(c);
    nfc_differences += detail::kBmpNfcInert[c] != detail::nfc_inert_from_icu(c);
    fold_differences += detail::kBmpFoldInert[c] != detail::fold_inert_from_icu(c);
  }
  CHECK(class_differences == 0);
  CHECK(nfc_differences == 0);
  CHECK(fold_differences == 0);
  // Spot checks of the classes the tokenizer relies on.
  CHECK(detail::kBmpClasses[U'a'] == unicode::char_class::letter);
  CHECK(detail::kBmpClasses[U'7'] == unicode::char_class::digit);
  CHECK(detail::kBmpClasses[0x2019] == unicode::char_class::apostrophe);
  CHECK(detail::kBmpClasses[0x200D] == unicode::char_class::zwj);
  CHECK(detail::kBmpClasses[U' '] == unicode::char_class::space);
  CHECK(detail::kBmpNfcInert[U'é']);
  CHECK_FALSE(detail::kBmpNfcInert[0x0301]);  // a combining acute
  CHECK_FALSE(detail::kBmpFoldInert[U'É']);
  CHECK(detail::kBmpFoldInert[U'é']);
}
