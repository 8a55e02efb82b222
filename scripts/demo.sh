#!/usr/bin/env bash
# The main job on the embedded defaults: installs what is missing, builds, and analyses the
# sample articles in corpora/articles.jsonl: the most frequent terms of each language.
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
