// Table-driven analyzer tests: options → terms. Expected values follow the "Normalisation"
// and "Language" sections of doc/tokenization-rules.md and analyzer.hpp; stems are those of
// the Snowball reference stemmers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "textkit/analyzer.hpp"
#include "textkit/error.hpp"
#include "textkit/language.hpp"
#include "tokenize_helpers.hpp"

// Options are written with designated initializers ({.lang = "fr", .stem = true}); the members
// left out keep their defaults, which is the point, so GCC's -Wextra warning is noise here.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using textkit::analysis;
using textkit::analyzer;
using textkit::analyzer_options;
using textkit::normal_form;
using textkit::test::printable;
using textkit::test::terms_of;
using strings = std::vector<std::string>;

namespace {

struct analyzer_case {
  const char* name;
  analyzer_options options;
  std::string_view input;
  strings expected;
};

textkit::word_set words(std::initializer_list<const char*> list) {
  textkit::word_set set;
  for (const char* w : list) set.insert(w);
  return set;
}

const analyzer_case kAnalyzerCases[] = {
    {"defaults keep tokens as they are", {}, "Le Chat, l’État.", {"Le", "Chat", ",", "l’", "État", "."}},

    // --- Unicode normal form ---
    {"NFC composes decomposed input", {}, "E\u0301tat et e\u0301le\u0300ve", {"État", "et", "élève"}},
    {"NFC on a decomposed word in composed text", {}, "Noël et Noe\u0308l", {"Noël", "et", "Noël"}},
    {"form none keeps decomposed input", {.form = normal_form::none}, "E\u0301tat", {"E\u0301tat"}},
    {"NFC keeps compatibility characters", {}, "ﬁnance", {"ﬁnance"}},
    {"NFKC folds full-width forms", {.form = normal_form::nfkc}, "ＡＢＣ １２３", {"ABC", "123"}},
    {"NFKC expands the ﬁ ligature", {.form = normal_form::nfkc}, "ﬁnance", {"finance"}},
    {"NFKC maps NBSP and NNBSP in numbers to a space", {.form = normal_form::nfkc},
     "20\u00A0000 et 30\u202F000", {"20 000", "et", "30 000"}},
    {"NFKC composes too", {.form = normal_form::nfkc}, "E\u0301tat", {"État"}},

    // --- Case folding (full) ---
    {"lower: ß folds to ss", {.lower = true}, "Straße", {"strasse"}},
    {"lower: accented capitals", {.lower = true}, "ÉTAT Œuvre", {"état", "œuvre"}},
    {"lower: Greek final sigma folds to σ", {.lower = true}, "ΣΊΣΥΦΟΣ", {"σίσυφοσ"}},
    {"lower after NFC of decomposed capitals", {.lower = true}, "E\u0301TAT", {"état"}},
    {"lower after NFKC", {.form = normal_form::nfkc, .lower = true}, "ＡＢＣ ﬁN", {"abc", "fin"}},
    {"no lower keeps case", {}, "Paris ÉTAT", {"Paris", "ÉTAT"}},
    {"lower: dotted capital I folds to i + U+0307", {.lower = true}, "İstanbul", {"i\u0307stanbul"}},
    {"lower folds every kind", {.lower = true}, "#JO2024 @AFP", {"#jo2024", "@afp"}},

    // --- Accents ---
    {"strip accents", {.strip_accents = true}, "État Noël garçon", {"Etat", "Noel", "garcon"}},
    {"strip accents keeps œ and ß", {.strip_accents = true}, "œuvre Straße", {"œuvre", "Straße"}},
    {"strip accents keeps the stroke of Ł", {.strip_accents = true}, "Łódź", {"Łodz"}},
    {"strip accents of decomposed input", {.strip_accents = true}, "E\u0301tat", {"Etat"}},
    {"strip accents then lower", {.lower = true, .strip_accents = true}, "ÉCOLE Ångström", {"ecole", "angstrom"}},
    {"strip Arabic harakat", {.strip_accents = true}, "كَتَبَ", {"كتب"}},
    {"strip accents before folding: İ", {.lower = true, .strip_accents = true}, "İstanbul", {"istanbul"}},

    // --- Stop words (negations are kept) ---
    {"French stop words, negation kept", {.lang = "fr", .remove_stopwords = true},
     "Le gouvernement ne veut pas de la réforme", {"gouvernement", "ne", "veut", "pas", "réforme"}},
    {"French elided stop words, n’ kept", {.lang = "fr", .remove_stopwords = true},
     "L’État n’a jamais rien dit d’utile", {"État", "n’", "jamais", "rien", "dit", "utile"}},
    {"French elided stop word, straight apostrophe", {.lang = "fr", .remove_stopwords = true}, "L'État",
     {"État"}},
    {"French inverted pronoun is a stop word", {.lang = "fr", .remove_stopwords = true}, "Que dit-il ?",
     {"dit", "?"}},
    {"French stop words matched after NFC", {.lang = "fr", .remove_stopwords = true}, "De\u0300s demain",
     {"demain"}},
    {"French stop words with lower", {.lang = "fr", .lower = true, .remove_stopwords = true}, "LE Monde",
     {"monde"}},
    {"French stop words matched after NFKC", {.lang = "fr", .form = normal_form::nfkc, .remove_stopwords = true},
     "ＬＥ chat", {"chat"}},
    {"French -t-il is a stop word", {.lang = "fr", .remove_stopwords = true}, "Que pense-t-il ?", {"pense", "?"}},
    {"French stop words with stripped accents", {.lang = "fr", .strip_accents = true, .remove_stopwords = true},
     "Déjà vu", {"vu"}},
    {"English stop words, not kept", {.lang = "en", .remove_stopwords = true}, "The government did not approve it",
     {"government", "not", "approve"}},
    {"English clitics: 's dropped, n't kept", {.lang = "en", .remove_stopwords = true}, "It's not what I don't know",
     {"not", "n't", "know"}},
    {"English negations kept", {.lang = "en", .remove_stopwords = true}, "Nobody never said nothing",
     {"Nobody", "never", "said", "nothing"}},
    {"user stop words replace the embedded list",
     {.remove_stopwords = true, .stopwords = words({"chat", "Chien"})}, "Le chat et le CHIEN",
     {"Le", "et", "le"}},
    {"user stop words with stripped accents",
     {.strip_accents = true, .remove_stopwords = true, .stopwords = words({"été"})}, "Été chaud", {"chaud"}},

    // --- Stemming (Snowball; implies case folding; word tokens only) ---
    {"French stem", {.lang = "fr", .stem = true}, "gouvernements", {"gouvern"}},
    {"French stems of a phrase", {.lang = "fr", .stem = true}, "Les Gouvernements continuaient",
     {"le", "gouvern", "continu"}},
    {"English stem", {.lang = "en", .stem = true}, "running", {"run"}},
    {"English stems", {.lang = "en", .stem = true}, "Running runners generously", {"run", "runner", "generous"}},
    {"stem only word tokens", {.lang = "fr", .stem = true}, "#Élections 2022", {"#élections", "2022"}},
    {"stem after stop words", {.lang = "fr", .stem = true, .remove_stopwords = true}, "Les gouvernements",
     {"gouvern"}},

    // --- drop_punct ---
    {"drop punct", {.drop_punct = true}, "Bonjour, le monde !", {"Bonjour", "le", "monde"}},
    {"fold apostrophes", {.fold_apostrophes = true}, "L’État et l'État, aujourd’hui ; rockʼnʼroll",
     {"L'", "État", "et", "l'", "État", ",", "aujourd'hui", ";", "rock'n'roll"}},
    {"fold apostrophes with case folding", {.lower = true, .fold_apostrophes = true}, "QU’IL, qu'il",
     {"qu'", "il", ",", "qu'", "il"}},
    {"fold apostrophes: a user stop list matches either form", {.remove_stopwords = true, .fold_apostrophes = true,
       .stopwords = words({"l’", "d'"})}, "l'État d’abord", {"État", "abord"}},
    {"apostrophes kept by default", {}, "l’État l'État", {"l’", "État", "l'", "État"}},
    {"drop punct keeps symbols", {.drop_punct = true}, "5 € + 3 %", {"5", "€", "+", "3"}},
    {"drop punct drops guillemets and ellipsis", {.drop_punct = true}, "« Oui… »", {"Oui"}},

    // --- n-grams: unigrams first, then each size (scikit-learn order) ---
    {"n-grams 1-2", {.ngram_min = 1, .ngram_max = 2}, "le chat dort",
     {"le", "chat", "dort", "le chat", "chat dort"}},
    {"n-grams 2-2", {.ngram_min = 2, .ngram_max = 2}, "le chat dort", {"le chat", "chat dort"}},
    {"n-grams 1-3", {.ngram_min = 1, .ngram_max = 3}, "il fait très beau",
     {"il", "fait", "très", "beau", "il fait", "fait très", "très beau", "il fait très", "fait très beau"}},
    {"n-grams 2-3", {.ngram_min = 2, .ngram_max = 3}, "a b c", {"a b", "b c", "a b c"}},
    {"n-grams longer than the text", {.ngram_min = 3, .ngram_max = 3}, "deux mots", {}},
    {"n-grams of normalised terms", {.lower = true, .ngram_min = 2, .ngram_max = 2}, "Le CHAT", {"le chat"}},
    {"n-grams include punct unless dropped", {.ngram_min = 2, .ngram_max = 2}, "chat, chien",
     {"chat ,", ", chien"}},
    {"n-grams skip dropped punct", {.drop_punct = true, .ngram_min = 2, .ngram_max = 2}, "chat, chien",
     {"chat chien"}},
    {"n-grams over kept terms after stop words", {.lang = "en", .remove_stopwords = true, .ngram_min = 1, .ngram_max = 2},
     "the cat and the dog", {"cat", "dog", "cat dog"}},
    {"n-grams cross sentences without sentences=true", {.drop_punct = true, .ngram_min = 2, .ngram_max = 2},
     "Il pleut. Le chat dort.", {"Il pleut", "pleut Le", "Le chat", "chat dort"}},
    {"n-grams stay inside a sentence with sentences=true",
     {.drop_punct = true, .ngram_min = 2, .ngram_max = 2, .sentences = true}, "Il pleut. Le chat dort.",
     {"Il pleut", "Le chat", "chat dort"}},
    {"sentences without n-grams keep every token", {.sentences = true}, "Il pleut. Oui.",
     {"Il", "pleut", ".", "Oui", "."}},
};


std::string name_of(const analyzer_case& c) { return c.name; }

}  // namespace

TEST_CASE("analyzer: table") {
  for (const auto& c : kAnalyzerCases) {
    const std::string name = name_of(c);
    const std::string input = printable(c.input);
    CAPTURE(name);
    CAPTURE(input);
    CHECK(terms_of(c.input, c.options) == c.expected);
  }
}


namespace {

struct span_term {
  std::string text;
  std::uint32_t start;
  std::uint32_t end;
  int n;
  friend bool operator==(const span_term&, const span_term&) = default;
};

std::vector<span_term> span_terms_of(std::string_view text, analyzer_options options) {
  analyzer a(std::move(options));
  analysis result;
  a.analyze(text, result);
  std::vector<span_term> out;
  for (const auto& t : result.terms) out.push_back({std::string(t.text), t.start, t.end, t.n});
  return out;
}

std::string show(const std::vector<span_term>& terms) {
  std::string s;
  for (const auto& t : terms) {
    s += '[';
    s += printable(t.text);
    s += ' ';
    s += std::to_string(t.start);
    s += '-';
    s += std::to_string(t.end);
    s += " n=";
    s += std::to_string(t.n);
    s += ']';
  }
  return s;
}

}  // namespace

TEST_CASE("analyzer: term offsets are byte spans of the original text") {
  SUBCASE("lower-cased elision and accented word") {
    // "L’" = 1 + 3 bytes, "État" = 2 + 3 bytes.
    const std::vector<span_term> expected = {{"l’", 0, 4, 1}, {"état", 4, 9, 1}, {"dort", 10, 14, 1}};
    CHECK(show(span_terms_of("L’État dort", {.lower = true})) == show(expected));
  }
  SUBCASE("NFC term keeps the span of the decomposed original") {
    const std::vector<span_term> expected = {{"État", 0, 6, 1}, {"et", 7, 9, 1}};
    CHECK(show(span_terms_of("E\u0301tat et", {})) == show(expected));
  }
  SUBCASE("NFKC term keeps the span of the full-width original") {
    const std::vector<span_term> expected = {{"ABC", 0, 9, 1}, {"x", 10, 11, 1}};
    CHECK(show(span_terms_of("ＡＢＣ x", {.form = normal_form::nfkc})) == show(expected));
  }
  SUBCASE("n-grams span from their first to their last token") {
    const std::vector<span_term> expected = {{"l’", 0, 4, 1},         {"état", 4, 9, 1},
                                             {"dort", 10, 14, 1},     {"l’ état", 0, 9, 2},
                                             {"état dort", 4, 14, 2}};
    CHECK(show(span_terms_of("L’État dort", {.lower = true, .ngram_min = 1, .ngram_max = 2})) == show(expected));
  }
  SUBCASE("n-gram over dropped punctuation spans it") {
    const std::vector<span_term> expected = {{"chat chien", 0, 11, 2}};
    CHECK(show(span_terms_of("chat, chien", {.drop_punct = true, .ngram_min = 2, .ngram_max = 2})) ==
          show(expected));
  }
  SUBCASE("dropped stop words leave the other spans alone") {
    const std::vector<span_term> expected = {{"chat", 3, 7, 1}, {"dort", 8, 12, 1}};
    CHECK(show(span_terms_of("Le chat dort", {.lang = "fr", .remove_stopwords = true})) == show(expected));
  }
}

TEST_CASE("analyzer: sentences group terms, unigrams before n-grams in each") {
  analyzer a({.drop_punct = true, .ngram_min = 1, .ngram_max = 2, .sentences = true});
  analysis result;
  a.analyze("Il pleut. Le chat dort.", result);
  REQUIRE(result.sentences.size() == 2);
  REQUIRE(result.sentence_term_ends == std::vector<std::uint32_t>{3, 8});
  strings texts;
  for (const auto& t : result.terms) texts.emplace_back(t.text);
  CHECK(texts == strings{"Il", "pleut", "Il pleut", "Le", "chat", "dort", "Le chat", "chat dort"});
  // Within each sentence: every unigram precedes every bigram.
  std::uint32_t begin = 0;
  for (const std::uint32_t end : result.sentence_term_ends) {
    bool seen_bigram = false;
    for (std::uint32_t i = begin; i < end; ++i) {
      if (result.terms[i].n == 2) seen_bigram = true;
      if (result.terms[i].n == 1) CHECK_FALSE(seen_bigram);
    }
    begin = end;
  }
}

TEST_CASE("analyzer: language") {
  const std::string_view french =
      "Le gouvernement a présenté mercredi un projet de loi sur les retraites. Les syndicats "
      "dénoncent une réforme injuste et appellent à la grève dans toute la France. Peut-on encore "
      "négocier ? Dites-le franchement, répond le Premier ministre : le dialogue reste ouvert.";
  const std::string_view english =
      "The government presented a pension bill on Wednesday. The unions denounced an unfair reform "
      "and called for a strike across the country. The prime minister said the dialogue remains "
      "open and that a new add-on to the plan would be published next week.";
  // No inversion candidate (no hyphen): nothing asks for the language.
  const std::string_view english_plain =
      "The government presented a pension bill on Wednesday. The unions denounced an unfair reform "
      "and called for a strike across the country.";
  auto has_term = [](const analysis& result, std::string_view text) {
    for (const auto& t : result.terms) {
      if (t.text == text) return true;
    }
    return false;
  };
  SUBCASE("auto detects French and splits the ambiguous inversion") {
    analyzer a({.lang = "auto"});
    analysis result;
    a.analyze(french, result);
    CHECK(result.lang == "fr");
    CHECK(has_term(result, "Peut"));
    CHECK(has_term(result, "-on"));
  }
  SUBCASE("auto detects English and keeps add-on whole") {
    analyzer a({.lang = "auto"});
    analysis result;
    a.analyze(english, result);
    CHECK(result.lang == "en");
    CHECK(has_term(result, "add-on"));
  }
  SUBCASE("auto, with the same analyzer, on one document then the other") {
    analyzer a({.lang = "auto", .stem = true});
    analysis result;
    a.analyze(french, result);
    CHECK(result.lang == "fr");
    CHECK(has_term(result, "gouvern"));  // French Snowball
    a.analyze(english, result);
    CHECK(result.lang == "en");
    CHECK(has_term(result, "govern"));  // English Snowball
  }
  SUBCASE("unset language: nothing detected when no step needs it") {
    analyzer a({.lower = true});
    analysis result;
    a.analyze(english_plain, result);
    CHECK(result.lang == "");
  }
  SUBCASE("unset language: detected for an English compound that could be an inversion") {
    analyzer a({});
    analysis result;
    a.analyze(english, result);
    CHECK(result.lang == "en");
    CHECK(has_term(result, "add-on"));
  }
  SUBCASE("unset language: detected for an ambiguous inversion") {
    analyzer a({});
    analysis result;
    a.analyze(french, result);
    CHECK(result.lang == "fr");
    CHECK(has_term(result, "-on"));  // unambiguous: split whatever the language
    CHECK(has_term(result, "-le"));  // ambiguous: split because the text is French
  }
  SUBCASE("unset language: detected for stemming") {
    analyzer a({.stem = true});
    analysis result;
    a.analyze(english, result);
    CHECK(result.lang == "en");
    CHECK(has_term(result, "govern"));
  }
  SUBCASE("unset language: a user stop-word list needs no detection") {
    analyzer a({.remove_stopwords = true, .stopwords = words({"the"})});
    analysis result;
    a.analyze(english_plain, result);
    CHECK(result.lang == "");
    CHECK_FALSE(has_term(result, "The"));
  }
  SUBCASE("a given language is trusted") {
    analyzer a({.lang = "fr"});
    analysis result;
    a.analyze(english, result);
    CHECK(result.lang == "fr");
  }
  SUBCASE("auto: clear function words decide before CLD2, which decides the rest") {
    // An English wire story full of German names, which CLD2 alone takes for German.
    const std::string_view wire =
        "Deutsche Bundesbahn und Deutsche Lufthansa Aktiengesellschaft: the Bundesministerium "
        "für Verkehr said that the Verkehrsverbund Rhein-Ruhr and the Landesregierung of "
        "Nordrhein-Westfalen have agreed.";
    const std::string_view german =
        "Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuern für Unternehmen im "
        "kommenden Jahr deutlich gesenkt werden sollen, wie das Finanzministerium mitteilte.";
    CHECK(textkit::detect_language(wire) == "de");  // what the vote corrects
    analyzer a({.lang = "auto"});
    analysis result;
    a.analyze(wire, result);
    CHECK(result.lang == "en");
    a.analyze(german, result);  // no French or English function words: CLD2
    CHECK(result.lang == "de");
    // Only the start counts (the first 80 words, from the first 2 KB): French, then a long
    // English tail, is French.
    std::string long_text(french);
    for (int i = 0; i < 40; ++i) long_text += " The government and the unions of the country.";
    a.analyze(long_text, result);
    CHECK(result.lang == "fr");
  }
}

TEST_CASE("analyzer: invalid options throw textkit::error (usage)") {
  auto usage_error = [](analyzer_options options) {
    try {
      analyzer a(std::move(options));
    } catch (const textkit::error& e) {
      return e.kind() == textkit::error_kind::usage;
    }
    return false;
  };
  CHECK(usage_error({.ngram_min = 0, .ngram_max = 1}));
  CHECK(usage_error({.ngram_min = 0, .ngram_max = 0}));
  CHECK(usage_error({.ngram_min = 3, .ngram_max = 2}));
  CHECK(usage_error({.ngram_min = -1, .ngram_max = 2}));
  CHECK(usage_error({.lang = "xx", .stem = true}));
  CHECK_NOTHROW(analyzer({.lang = "auto", .stem = true}));
  CHECK_NOTHROW(analyzer({.ngram_min = 2, .ngram_max = 2}));
}

TEST_CASE("analyzer: an analysis is reused across documents") {
  analyzer a({.lower = true, .ngram_min = 1, .ngram_max = 2, .sentences = true});
  analysis result;
  a.analyze("Un long premier document. Avec deux phrases.", result);
  a.analyze("Court.", result);
  strings texts;
  for (const auto& t : result.terms) texts.emplace_back(t.text);
  CHECK(texts == strings{"court", ".", "court ."});
  CHECK(result.tokens.size() == 2);
  CHECK(result.sentences.size() == 1);
  CHECK(result.sentence_term_ends == std::vector<std::uint32_t>{3});
}

TEST_CASE("analyzer: defaults give one term per token, with its kind") {
  const std::string_view text = "Voir https://x.org @AFP #JO2024 3,5 % \U0001F600";
  analyzer a({});
  analysis result;
  a.analyze(text, result);
  REQUIRE(result.terms.size() == result.tokens.size());
  for (std::size_t i = 0; i < result.tokens.size(); ++i) {
    CHECK(result.terms[i].start == result.tokens[i].start);
    CHECK(result.terms[i].end == result.tokens[i].end);
    CHECK(result.terms[i].kind == result.tokens[i].kind);
    CHECK(result.terms[i].n == 1);
  }
}

TEST_CASE("analyzer: n-gram texts stay valid on a long document") {
  // Many normalised terms and n-grams: the arena grows while terms are added.
  std::string text;
  strings words;
  for (int i = 0; i < 3000; ++i) {
    const std::string w = std::string("Mot").append(std::to_string(i)).append("É");
    words.push_back(std::string("mot").append(std::to_string(i)).append("é"));
    text += w;
    text += ' ';
  }
  analyzer a({.lower = true, .ngram_min = 1, .ngram_max = 3});
  analysis result;
  a.analyze(text, result);
  const std::size_t n = words.size();
  REQUIRE(result.terms.size() == n + (n - 1) + (n - 2));
  for (std::size_t i = 0; i < n; ++i) CHECK(result.terms[i].text == words[i]);
  for (std::size_t i = 0; i + 1 < n; ++i) CHECK(result.terms[n + i].text == words[i] + " " + words[i + 1]);
  for (std::size_t i = 0; i + 2 < n; ++i) {
    CHECK(result.terms[2 * n - 1 + i].text == words[i] + " " + words[i + 1] + " " + words[i + 2]);
  }
}

TEST_CASE("analyzer: the case-folding fast path gives the terms of the general path") {
  // {lower} (and {lower, drop_punct}, {lower, sentences}) take a one-loop fast path; with
  // n-grams 1-2 the general path runs, and its unigrams must be the same terms.
  const std::string_view texts[] = {
      "Le PDG de Microsoft qualifie la politique de « cruelle et abusive ». Les salariés ÉCRIVENT !",
      "STRASSE, Straße and ǅemal: ΣΊΣΥΦΟΣ. ǰ ΐ ẖ (precomposed letters that fold to decomposed forms).",
      "Mixed ASCII: HTTPS://Example.COM/Path, @Mention #HashTag, don't STOP 3,5 % 😀👍🏽 👨‍👩‍👧",
      "ab\xFF" "CD invalid byte; İstanbul; ﬁnance; ＡＢＣ; e\u0301te\u0301 (not NFC)",
      "",
  };
  for (const bool drop_punct : {false, true}) {
    for (const bool sentences : {false, true}) {
      analyzer fast({.lower = true, .drop_punct = drop_punct, .sentences = sentences});
      analyzer general({.lower = true, .drop_punct = drop_punct, .ngram_min = 1, .ngram_max = 2, .sentences = sentences});
      for (const std::string_view text : texts) {
        CAPTURE(printable(text));
        CAPTURE(drop_punct);
        CAPTURE(sentences);
        analysis a, b;
        fast.analyze(text, a);
        general.analyze(text, b);
        std::vector<textkit::term> unigrams;
        for (const auto& t : b.terms) {
          if (t.n == 1) unigrams.push_back(t);
        }
        REQUIRE(a.terms.size() == unigrams.size());
        for (std::size_t i = 0; i < a.terms.size(); ++i) {
          CHECK(a.terms[i].text == unigrams[i].text);
          CHECK(a.terms[i].start == unigrams[i].start);
          CHECK(a.terms[i].end == unigrams[i].end);
          CHECK(a.terms[i].kind == unigrams[i].kind);
        }
        CHECK(a.sentence_term_ends.size() == b.sentence_term_ends.size());
      }
    }
  }
}

TEST_CASE("language: CLD2 and the French/English function-word vote") {
  CHECK(textkit::detect_language("Le président de Microsoft a qualifié la politique de séparation des familles de "
                                 "cruelle et abusive, et les salariés demandent l'annulation du contrat.") == "fr");
  CHECK(textkit::detect_language("Microsoft's chief executive called the family separation policy cruel and abusive, "
                                 "and employees asked the company to cancel the contract.") == "en");
  CHECK(textkit::detect_language("12 345 — 678 !!") == "und");

  auto words = [](std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t space = std::min(text.find(' ', at), text.size());
      if (space > at) out.push_back(text.substr(at, space - at));
      at = space + 1;
    }
    return out;
  };
  using textkit::french_or_english;
  CHECK(french_or_english(words("les salariés de microsoft sont en colère et demandent que le contrat soit annulé "
                                "dans les plus brefs délais")) == "fr");
  CHECK(french_or_english(words("the employees of microsoft are angry and want the contract with the agency to be "
                                "cancelled")) == "en");
  // Too few markers, or markers of both languages: no answer (CLD2 decides).
  CHECK(french_or_english(words("microsoft et ice")).empty());
  CHECK(french_or_english(words("the cost of des and est une dans")).empty());  // 3 French, 3 English
  // Spanish and Italian share "de", "la", "que", "il", "le" with French: those are no markers.
  CHECK(french_or_english(words("la política de separación de familias que el gobierno aplica en la frontera")).empty());
  CHECK(french_or_english(words("il governo ha detto che le famiglie della frontiera sono separate")).empty());
  // Only the first language_vote_words words count.
  std::vector<std::string_view> padded(textkit::language_vote_words, "microsoft");
  for (const char* w : {"les", "des", "est", "une", "dans"}) padded.push_back(w);
  CHECK(french_or_english(padded).empty());
  padded.erase(padded.begin(), padded.begin() + 10);
  CHECK(french_or_english(padded) == "fr");
  // Every marker counts, wherever it lands in the lookup table; NUL bytes are no word.
  for (const char* fr : {"les des est", "et une du", "dans pour pas", "sur avec sont", "été cette mais",
                         "aux ont nous", "vous ces être", "leur très les"}) {
    CHECK(french_or_english(words(fr)) == "fr");
  }
  for (const char* en : {"the and of", "to is was", "that with for", "are this have", "has from which",
                         "were been would", "their the and"}) {
    CHECK(french_or_english(words(en)) == "en");
  }
  const std::string nul(2, '\0');
  CHECK(french_or_english(std::vector<std::string_view>{nul, nul, nul, nul}).empty());

  // decide_language: the clear vote, else CLD2, corrected between French and English only.
  using textkit::decide_language;
  const std::string_view short_french = "Big up pour le staff";  // CLD2 alone: English
  CHECK(textkit::detect_language(short_french) == "en");
  CHECK(decide_language(short_french, words("big up pour le staff")) == "fr");
  const std::string_view german = "Der Preis des Hauses ist im letzten Jahr deutlich gestiegen";  // "des"
  CHECK(textkit::detect_language(german) == "de");
  CHECK(decide_language(german, words("der preis des hauses ist im letzten jahr deutlich gestiegen")) == "de");
  CHECK(decide_language("whatever", words("les salariés sont en colère et demandent dans")) == "fr");  // clear vote
}
