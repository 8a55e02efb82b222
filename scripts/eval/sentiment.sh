#!/usr/bin/env bash
# Evaluates `textkit sentiment` (embedded lexicons and rules, no training) on the public
# human-labelled sets in DATA_DIR (../shared/data: see each set's README for source, licence
# and splits) and prints one table. Only test splits are scored here; tune on train/dev.
#
#   scripts/eval/sentiment.sh DATA_DIR [SPLIT]      SPLIT: test (default) or dev
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:?usage: scripts/eval/sentiment.sh DATA_DIR [SPLIT]}
split=${2:-test}
textkit=${TEXTKIT:-$root/build/tools/textkit}
[[ -x "$textkit" ]] || "$root/scripts/build.sh" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

row() { printf '%-40s %-6s %-22s %8s %s\n' "$@"; }
metric() {  # metric NAME FILE: the value of NAME in `textkit eval` TSV output
  awk -F '\t' -v m="$1" '$1 == m { print $2 }' "$2"
}
score() {  # score FILE LANG -> $work/pred.jsonl
  "$textkit" sentiment --lang "$2" "$1" >"$work/pred.jsonl"
}

row "data set" "lang" "metric" "textkit" "(note)"
row "--------" "----" "------" "-------" ""
# VADER's human-rated sets: Pearson r of the compound with the mean rating (all rows: they
# have no train/dev split; VADER's own paper reports on the same rows).
for set in tweets nyt_editorials movie_reviews amazon_reviews; do
  f=$data/vader/$set.jsonl
  [[ -f $f ]] || continue
  score "$f" en
  "$textkit" eval -g "$f" -p "$work/pred.jsonl" --gold-field score --pred-field sentiment.compound -m pearson >"$work/m"
  row "vader/$set" en "pearson r" "$(metric pearson "$work/m")" "VADER paper: tweets 0.881, nyt 0.492, movies 0.451, amazon 0.565"
done
# French tweets (3 classes), macro-F1.
f=$data/fr_tweets_sentiment_umsab/$split.jsonl
if [[ -f $f ]]; then
  score "$f" fr
  "$textkit" eval -g "$f" -p "$work/pred.jsonl" --pred-field sentiment.label -m macro-f1 -m accuracy >"$work/m"
  row "fr_tweets ($split)" fr "macro-F1" "$(metric macro-f1 "$work/m")" "fastText trained: 54.8"
fi
# French TV-series reviews (binary): positive when compound >= 0.
f=$data/fr_allocine_tvseries_reviews/$split.jsonl
if [[ -f $f ]]; then
  score "$f" fr
  jq -c '{id, binary: (if .sentiment.compound >= 0 then "positive" else "negative" end)}' "$work/pred.jsonl" >"$work/bin.jsonl"
  "$textkit" eval -g "$f" -p "$work/bin.jsonl" --pred-field binary -m accuracy >"$work/m"
  row "fr_allocine_tvseries ($split)" fr "accuracy" "$(metric accuracy "$work/m")" "binary: compound >= 0"
fi
# Target-dependent tweets (Dong 2014) and Financial PhraseBank: document-level labels.
for set in dong2014_twitter_target_sentiment financial_phrasebank; do
  f=$data/$set/$split.jsonl
  [[ -f $f ]] || continue
  score "$f" en
  "$textkit" eval -g "$f" -p "$work/pred.jsonl" --pred-field sentiment.label -m macro-f1 -m accuracy >"$work/m"
  row "$set ($split)" en "macro-F1" "$(metric macro-f1 "$work/m")" "accuracy $(metric accuracy "$work/m")"
done
# SemEval-2017 Task 5 headlines: cosine of the compound with the gold score.
f=$data/semeval2017_task5_headlines/$split.jsonl
if [[ -f $f ]]; then
  score "$f" en
  "$textkit" eval -g "$f" -p "$work/pred.jsonl" --gold-field score --pred-field sentiment.compound -m cosine >"$work/m"
  row "semeval2017_task5 ($split)" en "cosine" "$(metric cosine "$work/m")" "document-level, target ignored"
fi

# Supervised: `textkit sentiment train` on each set's train split, scored on its test split.
for spec in "fr_tweets_sentiment_umsab fr macro-f1" "fr_allocine_tvseries_reviews fr accuracy" \
            "dong2014_twitter_target_sentiment en macro-f1" "financial_phrasebank en macro-f1"; do
  read -r set lang m <<<"$spec"
  [[ -f $data/$set/train.jsonl && -f $data/$set/$split.jsonl ]] || continue
  "$textkit" sentiment train --data "$data/$set/train.jsonl" --lang "$lang" -o "$work/model"
  "$textkit" sentiment --lang "$lang" --model "$work/model" "$data/$set/$split.jsonl" >"$work/pred.jsonl"
  "$textkit" eval -g "$data/$set/$split.jsonl" -p "$work/pred.jsonl" --pred-field sentiment.label -m macro-f1 -m accuracy >"$work/m"
  row "$set ($split), trained" "$lang" "$m" "$(metric "$m" "$work/m")" "accuracy $(metric accuracy "$work/m"); train split only"
done
# Supervised regression on scores: SemEval-2017 Task 5 headlines (train split), cosine on test.
f=$data/semeval2017_task5_headlines
if [[ -f $f/train.jsonl && -f $f/$split.jsonl ]]; then
  "$textkit" sentiment train --data "$f/train.jsonl" --score-field score --lang en -o "$work/model"
  "$textkit" sentiment --lang en --model "$work/model" "$f/$split.jsonl" >"$work/pred.jsonl"
  "$textkit" eval -g "$f/$split.jsonl" -p "$work/pred.jsonl" --gold-field score --pred-field sentiment.score -m cosine -m pearson >"$work/m"
  row "semeval2017_task5 ($split), trained" en cosine "$(metric cosine "$work/m")" "pearson $(metric pearson "$work/m"); --score-field, train split only"
fi
