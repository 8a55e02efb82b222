// Table-driven sentence splitter tests: tokenizer + sentence_splitter, compared as the texts
// of the sentences. Expected values follow the "Sentences" section of
// doc/tokenization-rules.md.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "textkit/sentences.hpp"
#include "textkit/tokenizer.hpp"
#include "tokenize_helpers.hpp"

using textkit::test::printable;
using strings = std::vector<std::string>;

namespace {

struct sentence_case {
  const char* name;
  std::string_view input;
  strings expected;  // the text of each sentence, from its first to its last token
};

std::vector<textkit::sentence> split(std::string_view text, std::vector<textkit::token>& tokens) {
  static const textkit::tokenizer tok;
  static const textkit::sentence_splitter splitter;
  tokens.clear();
  tok.tokenize(text, tokens);
  std::vector<textkit::sentence> sentences;
  splitter.split(text, tokens, sentences);
  return sentences;
}

strings sentences_of(std::string_view text) {
  std::vector<textkit::token> tokens;
  strings out;
  for (const auto& s : split(text, tokens)) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

const sentence_case kSentenceCases[] = {
    {"two French sentences", "Il pleut. Il fait froid.", {"Il pleut.", "Il fait froid."}},
    {"no final punctuation", "Pas de point final", {"Pas de point final"}},
    {"empty text", "", {}},
    {"whitespace only", " \n\n\t ", {}},
    // Inner abbreviations never end a sentence.
    {"M. before a name", "M. Dupont est arrivé. Il a parlé.", {"M. Dupont est arrivé.", "Il a parlé."}},
    {"Mr. before a name", "Mr. Smith went to Washington. He stayed.", {"Mr. Smith went to Washington.", "He stayed."}},
    {"Dr. before a capitalised name", "Dr. Who arrived.", {"Dr. Who arrived."}},
    {"No. before a number", "No. 5 is here. Then No. 6.", {"No. 5 is here.", "Then No. 6."}},
    {"M. et Mme", "M. et Mme Dupont sont arrivés. Ils dorment.", {"M. et Mme Dupont sont arrivés.", "Ils dorment."}},
    // Final abbreviations end one before a capitalised stop word or at the end of the text.
    {"U.S. then The", "He moved to the U.S. The move was hard.", {"He moved to the U.S.", "The move was hard."}},
    {"U.S. then a capitalised noun", "He joined the U.S. Army in May.", {"He joined the U.S. Army in May."}},
    {"U.S. then lower case", "The U.S. officials met.", {"The U.S. officials met."}},
    {"U.S. at the end", "Made in the U.S.", {"Made in the U.S."}},
    {"etc. then « Il »", "Pommes, poires, etc. Il en reste.", {"Pommes, poires, etc.", "Il en reste."}},
    {"etc. then « Le »", "Des fruits, etc. Le reste suit.", {"Des fruits, etc.", "Le reste suit."}},
    {"etc. then a name", "Pommes, poires, etc. Paris aussi.", {"Pommes, poires, etc. Paris aussi."}},
    {"Inc. then The", "He works at Apple Inc. The company grew.", {"He works at Apple Inc.", "The company grew."}},
    {"Inc. then lower case", "Apple Inc. reported gains.", {"Apple Inc. reported gains."}},
    {"J.-C. then Il", "Né en 63 av. J.-C. Il mourut en 14.", {"Né en 63 av. J.-C.", "Il mourut en 14."}},
    // Initials never end a sentence.
    {"initials", "J. K. Rowling a écrit. Elle est connue.", {"J. K. Rowling a écrit.", "Elle est connue."}},
    {"initial before a surname", "The author is J. Smith. He writes.", {"The author is J. Smith.", "He writes."}},
    // Closing quotes and brackets go with the sentence they close.
    {"« … fin. » Puis", "« C'est la fin. » Puis il est parti.", {"« C'est la fin. »", "Puis il est parti."}},
    {"« … ! » then a capital", "Il dit : « Je pars ! » Elle rit.", {"Il dit : « Je pars ! »", "Elle rit."}},
    {"« ? » then lower case", "« Pourquoi ? » demanda-t-il.", {"« Pourquoi ? » demanda-t-il."}},
    {"curly quotes", "He said “Go.” Then he went.", {"He said “Go.”", "Then he went."}},
    {"curly single quotes", "Il a dit ‘non.’ Puis il est parti.", {"Il a dit ‘non.’", "Puis il est parti."}},
    {"straight quotes", "She said \"Stop.\" He left.", {"She said \"Stop.\"", "He left."}},
    {"closing parenthesis", "(Voir plus haut.) Ensuite, on verra.", {"(Voir plus haut.)", "Ensuite, on verra."}},
    // Ellipses, question and exclamation marks.
    {"ellipsis then lower case", "Et puis… rien.", {"Et puis… rien."}},
    {"ellipsis then upper case", "Et puis… Rien.", {"Et puis…", "Rien."}},
    {"three dots then lower case", "Wait... what?", {"Wait... what?"}},
    {"French ? with a space", "Vraiment ? Oui.", {"Vraiment ?", "Oui."}},
    {"French ? and ! with NBSP", "Vraiment\u00A0? Oui\u00A0! Bien.", {"Vraiment\u00A0?", "Oui\u00A0!", "Bien."}},
    {"French ? with NNBSP", "Qui\u202F? Lui.", {"Qui\u202F?", "Lui."}},
    {"!!! run", "Incroyable!!! Oui.", {"Incroyable!!!", "Oui."}},
    {"leading ellipsis then lower case", "… et puis rien.", {"… et puis rien."}},
    {"... inside « » then lower case", "« Et puis... » dit-il. Puis il part.",
     {"« Et puis... » dit-il.", "Puis il part."}},
    {"English ? then lower case", "Why? because it rained.", {"Why? because it rained."}},
    {"period then a digit", "Il y en a 3. 4 sont partis.", {"Il y en a 3.", "4 sont partis."}},
    // Paragraphs and line breaks.
    {"blank line", "Titre\n\nLe texte commence ici", {"Titre", "Le texte commence ici"}},
    {"blank line with CRLF", "Titre\r\n\r\nLe texte", {"Titre", "Le texte"}},
    {"blank line with spaces", "Titre\n \t\nLe texte", {"Titre", "Le texte"}},
    {"blank line after a period", "Fin.\n\nDébut.", {"Fin.", "Début."}},
    {"single newline does not break", "Une phrase coupée\nsur deux lignes.", {"Une phrase coupée\nsur deux lignes."}},
    {"single newline before a capital", "Le président\nMacron a parlé.", {"Le président\nMacron a parlé."}},
    // Numbers and URLs with dots.
    {"decimal 3.5", "Le taux est de 3.5 pour cent. Il baisse.", {"Le taux est de 3.5 pour cent.", "Il baisse."}},
    {"percent then period", "Il a gagné 3,5 %. Bravo.", {"Il a gagné 3,5 %.", "Bravo."}},
    {"time 14h30", "Il est 14h30. Le train part.", {"Il est 14h30.", "Le train part."}},
    {"URL with dots", "Voir https://example.com/a.b.c. Merci.", {"Voir https://example.com/a.b.c.", "Merci."}},
    {"www. URL", "Voir www.lemonde.fr pour plus. Merci.", {"Voir www.lemonde.fr pour plus.", "Merci."}},
    {"domain name", "Amazon.com a publié. Les ventes montent.", {"Amazon.com a publié.", "Les ventes montent."}},
    // "?!" is a run of terminal marks.
    {"?! run with a space before", "Quoi ?! Non.", {"Quoi ?!", "Non."}},
    // A straight quote after a sentence end and a space opens the next sentence.
    {"straight quote opening the next sentence", "He left. \"Why?\" she asked.", {"He left.", "\"Why?\" she asked."}},
};


}  // namespace

TEST_CASE("sentences: table") {
  for (const auto& c : kSentenceCases) {
    const std::string name = c.name;
    const std::string input = printable(c.input);
    CAPTURE(name);
    CAPTURE(input);
    CHECK(sentences_of(c.input) == c.expected);
  }
}


TEST_CASE("sentences: spans partition the tokens") {
  for (const auto& c : kSentenceCases) {
    const std::string name = c.name;
    CAPTURE(name);
    std::vector<textkit::token> tokens;
    const auto sentences = split(c.input, tokens);
    std::uint32_t next_token = 0;
    for (const auto& s : sentences) {
      CHECK(s.first_token == next_token);
      REQUIRE(s.first_token < s.end_token);
      REQUIRE(s.end_token <= tokens.size());
      CHECK(s.start == tokens[s.first_token].start);
      CHECK(s.end == tokens[s.end_token - 1].end);
      next_token = s.end_token;
    }
    CHECK(next_token == tokens.size());
  }
}

TEST_CASE("sentences: appends to the output vector") {
  const textkit::tokenizer tok;
  const textkit::sentence_splitter splitter;
  const std::string_view text = "Un. Deux.";
  std::vector<textkit::token> tokens;
  tok.tokenize(text, tokens);
  std::vector<textkit::sentence> out;
  splitter.split(text, tokens, out);
  splitter.split(text, tokens, out);
  REQUIRE(out.size() == 4);
  CHECK(out[2] == out[0]);
  CHECK(out[3] == out[1]);
}
