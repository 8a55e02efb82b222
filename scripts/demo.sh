#!/usr/bin/env bash
# The main job on the embedded defaults: installs what is missing, builds, and analyses the
# sample articles in corpora/articles.jsonl: the most frequent terms of each language, the
# keywords of each article (tf-idf) and its tone (sentiment), with the sentences that weigh most.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
textkit=build/tools/textkit
articles=corpora/articles.jsonl

echo "== $(wc -l < "$articles") sample articles: language, id, title"
"$textkit" tokenize --lang auto --output jsonl "$articles" | jq -r '[.lang_detected, .id, .title] | @tsv'

for lang in fr en; do
  echo
  echo "== most frequent terms in the '$lang' articles (stop words and punctuation dropped, case folded)"
  jq -c "select(.lang == \"$lang\")" "$articles" |
    "$textkit" tokenize --lang "$lang" --lower --stopwords --drop-punct --output lines |
    grep -v '^$' | sort | uniq -c | sort -k1,1nr -k2 | awk 'NR <= 15'  # not head: sort would die of SIGPIPE (pipefail)
done

echo
echo "== keywords (tf-idf over the sample, stop words dropped) and tone of each article"
"$textkit" tfidf --fit --stopwords --top 4 "$articles" |
  "$textkit" sentiment |
  jq -r '[.id, .sentiment.label, (.sentiment.compound | tostring), ([.tfidf[].term] | join(", "))] | @tsv'

echo
echo "== the three most negative sentences of the motivating article (fr-001), with their scores"
# --sentences: a TSV row per sentence (id, number, start, end, compound, pos, neu, neg,
# label, text); sorted on the compound, the most negative first.
jq -c 'select(.id == "fr-001-microsoft-ice")' "$articles" | "$textkit" sentiment --sentences --output tsv |
  sort -t "$(printf '\t')" -k5,5g | awk 'NR <= 3' | cut -f5,10  # not head: see above
