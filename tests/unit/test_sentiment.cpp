// Sentiment rules pinned on hand-written sentences, in English and French. Assertions compare
// scores (the sign, or which of two sentences is stronger) rather than exact lexicon values.
#include <doctest/doctest.h>

#include <string>

#include "textkit/error.hpp"
#include "textkit/sentiment.hpp"

namespace {

double compound(std::string_view text, const char* lang) {
  textkit::sentiment_analyzer analyzer(lang);
  textkit::sentiment_result result;
  analyzer.analyze(text, result);
  return result.document.compound;
}

}  // namespace

TEST_CASE("sentiment: lexicon polarity, English and French") {
  CHECK(compound("The results are good.", "en") > 0.05);
  CHECK(compound("The results are terrible.", "en") < -0.05);
  CHECK(compound("Les résultats sont excellents.", "fr") > 0.05);
  CHECK(compound("Cette politique est cruelle et inhumaine.", "fr") < -0.05);
  CHECK(compound("The meeting is on Tuesday.", "en") == doctest::Approx(0.0));
}

TEST_CASE("sentiment: informal English (tweets, comments) has valence too") {
  CHECK(compound("lol that was the best", "en") > compound("that was the best", "en"));
  CHECK(compound("haha nice one", "en") > 0.05);
  CHECK(compound("fml my flight got cancelled again", "en") < -0.05);
  CHECK(compound("ugh, this update is crap", "en") < -0.05);
  // Words whose news sense is neutral stay out of the informal list.
  CHECK(compound("Gross domestic product grew while the film grossed millions.", "en") >= 0.0);
}

TEST_CASE("sentiment: negation flips and damps, within three words") {
  CHECK(compound("The plan is not good.", "en") < 0);
  CHECK(compound("The plan is never good.", "en") < 0);
  CHECK(compound("This isn't good at all.", "en") < 0);  // "is" "n't": the clitic negates
  CHECK(compound("Ce n'est pas bon.", "fr") < 0);
  CHECK(compound("Ce n’est pas une politique cruelle.", "fr") > 0);
  CHECK(compound("Il ne trouve jamais ça bon.", "fr") < 0);
  // Negation damps as it flips: |not good| < |good|.
  CHECK(std::abs(compound("not good", "en")) < std::abs(compound("good", "en")));
}

TEST_CASE("sentiment: boosters intensify, dampeners soften") {
  CHECK(compound("The service was very good.", "en") > compound("The service was good.", "en"));
  CHECK(compound("The service was slightly good.", "en") < compound("The service was good.", "en"));
  CHECK(compound("Une décision très cruelle.", "fr") < compound("Une décision cruelle.", "fr"));
  CHECK(compound("The service was extremely bad.", "en") < compound("The service was bad.", "en"));
}

TEST_CASE("sentiment: contrast shifts the weight to the clause after it") {
  CHECK(compound("The food was good, but the service was terrible.", "en") < 0);
  CHECK(compound("The food was terrible, but the service was good.", "en") > 0);
  CHECK(compound("Le projet est bon, mais la méthode est cruelle.", "fr") < 0);
}

TEST_CASE("sentiment: capitals and exclamation marks add emphasis") {
  CHECK(compound("The movie was GREAT.", "en") > compound("The movie was great.", "en"));
  CHECK(compound("The movie was great!!!", "en") > compound("The movie was great.", "en"));
  CHECK(compound("The movie was terrible!!!", "en") < compound("The movie was terrible.", "en"));
}

TEST_CASE("sentiment: emoji and emoticons count") {
  CHECK(compound("Back to work tomorrow :(", "en") < 0);
  CHECK(compound("Back to work tomorrow :)", "en") > 0);
  CHECK(compound("Lundi matin 😡", "fr") < 0);
  CHECK(compound("Vacances 🎉", "fr") > 0);
}

TEST_CASE("sentiment: a hashtag counts as its word") {
  CHECK(compound("Monday again #fail", "en") < 0);
  CHECK(compound("Enfin les vacances #bonheur", "fr") > 0);
  CHECK(compound("not #happy", "en") < 0);
  CHECK(compound("#not good", "en") == compound("good", "en"));  // only valences, no rule words
}

TEST_CASE("sentiment: no negation, booster or capitals change an emoji or emoticon") {
  // A negator two words back negates "good", not the writer's ":(" after it.
  CHECK(compound("The contract is not good :(", "en") < compound("The contract is not good", "en"));
  CHECK(compound("Not the bus :(", "en") == compound("The bus :(", "en"));
  CHECK(compound("Ce n'est pas le contrat 😡", "fr") == compound("C'est le contrat 😡", "fr"));
  CHECK(compound("very :)", "en") == compound(":)", "en"));
  CHECK(compound("so tired XD", "en") == compound("so tired xD", "en"));
}

TEST_CASE("sentiment: laughter is the writer's own mark, as an emoticon") {
  // Not negated, boosted or emphasised by capitals ("LOL" is an acronym, not a shout).
  CHECK(compound("The bus is late lol", "en") > compound("The bus is late", "en"));
  CHECK(compound("The bus is not late lol", "en") == compound("The bus is late lol", "en"));
  CHECK(compound("Le loup ne se chasse pas lol", "fr") > 0);
  CHECK(compound("very lol", "en") == compound("lol", "en"));
  CHECK(compound("The bus is late LOL", "en") == compound("The bus is late lol", "en"));
  CHECK(compound("Le bus est en retard MDR", "fr") == compound("Le bus est en retard mdr", "fr"));
}

TEST_CASE("sentiment: negation does not reach into a parenthesis opened after it") {
  CHECK(compound("Le loup ne se chasse pas (espèce protégée)", "fr") > 0);
  CHECK(compound("We will not go (good news)", "en") == compound("We will go (good news)", "en"));
  // It does reach across a parenthesis already closed.
  CHECK(compound("Ce n'est pas (vraiment) bon.", "fr") < 0);
  CHECK(compound("It is not (really) good.", "en") < 0);
}

TEST_CASE("sentiment: 'never so' and 'jamais aussi' intensify instead of negating") {
  CHECK(compound("It has never been so good.", "en") > compound("It has been good.", "en"));
  CHECK(compound("The market has never been this strong.", "en") > 0);
  CHECK(compound("Never so bad.", "en") < compound("Bad.", "en"));
  CHECK(compound("Je n'ai jamais été aussi heureux.", "fr") > compound("J'ai été heureux.", "fr"));
  CHECK(compound("Microsoft n'a jamais été aussi critiqué.", "fr") < 0);
  // Other negators, and "never" without a degree word, still negate.
  CHECK(compound("It was not so good.", "en") < 0);
  CHECK(compound("It was never good.", "en") < 0);
  CHECK(compound("Ce n'est pas si mauvais.", "fr") > 0);
}

TEST_CASE("sentiment: negation stops at a comma, semicolon or colon") {
  CHECK(compound("No, it is good.", "en") == compound("It is good.", "en"));
  CHECK(compound("Not today; good news.", "en") == compound("Today; good news.", "en"));
  CHECK(compound("Je ne sais pas, c'est génial.", "fr") == compound("Je sais, c'est génial.", "fr"));
  CHECK(compound("It is not good.", "en") < 0);  // within the clause, as before
  // Boosters still reach across: "very, very good" is more than "very good".
  CHECK(compound("It is very, very good.", "en") > compound("It is very good.", "en"));
}

TEST_CASE("sentiment: a concessive clause weighs less, the rest of the sentence more") {
  // The same words, the weight on the main clause.
  CHECK(compound("Despite the criticism, the deal is a success.", "en") > 0);
  CHECK(compound("Although the deal is a success, the criticism is harsh.", "en") < 0);
  CHECK(compound("The deal is a success despite the harsh criticism.", "en") > 0);
  CHECK(compound("Malgré les critiques, le contrat est un succès.", "fr") > 0);
  CHECK(compound("Bien que le contrat soit un succès, les critiques sont sévères.", "fr") < 0);
  CHECK(compound("Le contrat est un succès, même si les critiques sont sévères.", "fr") > 0);
  // "Malgré tout" is a contrast ("nevertheless"), not a concession.
  CHECK(compound("Malgré tout, c'est un échec.", "fr") < compound("C'est un échec.", "fr"));
  // The evidence says which clause a word was in.
  textkit::sentiment_analyzer analyzer("en");
  textkit::sentiment_result result;
  analyzer.analyze("Despite the criticism, the deal is a success.", result);
  REQUIRE(result.evidence.size() == 2);
  CHECK(result.evidence[0].rules == textkit::rule_concession);
  CHECK(result.evidence[1].rules == textkit::rule_main_clause);
}

TEST_CASE("sentiment: idioms replace their words") {
  CHECK(compound("The results were not bad.", "en") > 0);
  CHECK(compound("Le film n'est pas mal.", "fr") > 0);
  // "Could not be worse" is the worst, not a negated "worse".
  CHECK(compound("It could not be worse.", "en") < 0);
  CHECK(compound("Things couldn't be worse.", "en") < 0);
  CHECK(compound("Ça ne pourrait pas être pire.", "fr") < 0);
  CHECK(compound("Le résultat n'aurait pas pu être mieux.", "fr") > 0);
}

TEST_CASE("sentiment: per-sentence scores with offsets, evidence with rules") {
  const std::string text = "The plan is good. It is not fair!";
  textkit::sentiment_analyzer analyzer("en");
  textkit::sentiment_result result;
  analyzer.analyze(text, result);
  REQUIRE(result.sentences.size() == 2);
  CHECK(text.substr(result.sentences[0].start, result.sentences[0].end - result.sentences[0].start) ==
        "The plan is good.");
  CHECK(result.sentences[0].scores.compound > 0);
  CHECK(result.sentences[1].scores.compound < 0);
  bool negated_fair = false;
  for (const auto& e : result.evidence) {
    if (text.substr(e.start, e.end - e.start) == "fair") {
      negated_fair = (e.rules & textkit::rule_negated) != 0 && e.value < 0 && e.base > 0;
    }
  }
  CHECK(negated_fair);
  const double p = result.document.positive, n = result.document.negative, u = result.document.neutral;
  CHECK(p + n + u == doctest::Approx(1.0));
  CHECK(textkit::sentiment_label(0.5) == "positive");
  CHECK(textkit::sentiment_label(-0.05) == "negative");
  CHECK(textkit::sentiment_label(0.0) == "neutral");
}

TEST_CASE("sentiment: user lexicons, and their errors name file and line") {
  textkit::sentiment_resources res = textkit::sentiment_resources::embedded("en");
  res.load_lexicon("# mine\nfrobnicate\t3.0\n", "mine.tsv", textkit::lexicon_format::tsv, true);
  CHECK(res.valence("frobnicate") == doctest::Approx(3.0));
  CHECK(res.valence("good") == doctest::Approx(0.0));  // replaced
  textkit::sentiment_analyzer analyzer("en", &res);
  textkit::sentiment_result result;
  analyzer.analyze("They frobnicate.", result);
  CHECK(result.document.compound > 0.5);
  try {
    res.load_lexicon("good\t1.0\nbad\tvery\n", "user.tsv", textkit::lexicon_format::tsv, false);
    FAIL("expected an error");
  } catch (const textkit::error& e) {
    CHECK(std::string(e.what()).find("user.tsv:2") != std::string::npos);
  }
  CHECK_THROWS_AS(res.load_lexicon("x\t9\n", "range.tsv", textkit::lexicon_format::tsv, false), textkit::error);
  CHECK_THROWS_AS(res.load_lexicon("x\t1.0\n", "v.txt", textkit::lexicon_format::vader, false), textkit::error);
  res.load_lexicon("x\t1.5\t0.5\t[1, 2, 2, 1]\n", "v.txt", textkit::lexicon_format::vader, false);
  CHECK(res.valence("x") == doctest::Approx(1.5));
}
