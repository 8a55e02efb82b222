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
# Offsets are bytes of the text: python3 slices them (jq 1.6 slices code points).
jq -c 'select(.id == "fr-001-microsoft-ice")' "$articles" | "$textkit" sentiment |
  python3 -c '
import json, sys
r = json.loads(sys.stdin.readline()); text = r["text"].encode()
for s in sorted(r["sentiment"]["sentences"], key=lambda s: s["compound"])[:3]:
    print("%+.4f\t%s" % (s["compound"], text[s["start"]:s["end"]].decode()))'
