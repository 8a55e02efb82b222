// Table-driven tokenizer tests: each case is an input and the exact tokens expected.
#include <doctest/doctest.h>

#include "tokenize_helpers.hpp"

using textkit::test::kinds_of;
using textkit::test::tokens_of;
using strings = std::vector<std::string>;

namespace {

struct tokenize_case {
  const char* name;
  const char* lang;  // "fr", "en" or "" (unknown)
  const char* input;
  strings expected;
};

// Token strings. Add a case per behaviour; the name says what it pins down.
const tokenize_case kTokenCases[] = {
    {"plain English", "en", "The cat sat.", {"The", "cat", "sat", "."}},
    {"elision with straight apostrophe", "fr", "l'État", {"l'", "État"}},
    {"elision with curly apostrophe", "fr", "l’État", {"l’", "État"}},
    {"aujourd'hui stays whole", "fr", "aujourd’hui", {"aujourd’hui"}},
    {"inversion with euphonic t", "fr", "a-t-il", {"a", "-t-il"}},
    {"compound kept", "fr", "porte-parole", {"porte-parole"}},
    {"English negative clitic", "en", "don't", {"do", "n't"}},
    {"thousands with narrow no-break space", "fr", "20\u202F000 salariés", {"20\u202F000", "salariés"}},
};

// "token/kind" pairs.
const tokenize_case kKindCases[] = {
    {"url", "", "see https://example.com/a.", {"see/word", "https://example.com/a/url", "./punct"}},
    {"email", "", "jean@example.fr", {"jean@example.fr/email"}},
};

}  // namespace

TEST_CASE("tokenizer: token strings") {
  for (const auto& c : kTokenCases) {
    CAPTURE(c.name);
    CAPTURE(c.input);
    CHECK(tokens_of(c.input, c.lang) == c.expected);
  }
}

TEST_CASE("tokenizer: token kinds") {
  for (const auto& c : kKindCases) {
    CAPTURE(c.name);
    CAPTURE(c.input);
    CHECK(kinds_of(c.input, c.lang) == c.expected);
  }
}
