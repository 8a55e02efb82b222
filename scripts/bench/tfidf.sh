#!/usr/bin/env bash
# Benchmark: tf-idf fit + transform (top 10 keywords per document) with textkit and with
# scikit-learn's TfidfVectorizer.fit_transform plus the same top-10 extraction, side by side
# in one run on the same corpus.
#
#   scripts/bench/tfidf.sh [CORPUS.jsonl]
# Without CORPUS, builds the 50 MB real-news corpus with ../shared/bench/make-news-corpus.py.
# env: BENCH_DIR (default ../shared/bench), RUNS (default 3; best wall time is kept).
corpus=${1:-}
source "$(dirname "$0")/common.sh"

printf '# corpus: %s (%.1f MB, %d docs); %s; %d cores; best of %d runs; fit + top-10 transform\n' \
  "$(basename "$corpus")" "$(echo "$bytes/1000000" | bc -l)" "$docs" "$("$textkit" --version)" "$(nproc)" "$runs"
printf '%-44s %8s %9s %10s %8s\n' "tool" "wall s" "MB/s" "docs/s" "RSS MB"
measure "scikit-learn fit_transform + top 10" "/usr/bin/python3 $root/scripts/bench/sklearn_tfidf_top10.py"
sklearn_mbps=$last_mbps
measure "textkit tfidf fit + apply, 1 thread" \
  "$textkit tfidf fit -j1 $corpus -o $work/m.tfidf && $textkit tfidf -j1 --model $work/m.tfidf --top 10 $corpus"
measure "textkit tfidf --fit (one command), 1 thread" "$textkit tfidf -j1 --fit --top 10 $corpus"
one_thread_mbps=$last_mbps
for j in 2 4 8 16; do
  ((j <= $(nproc))) || break
  measure "textkit tfidf fit + apply, $j threads" \
    "$textkit tfidf fit -j$j $corpus -o $work/m.tfidf && $textkit tfidf -j$j --model $work/m.tfidf --top 10 $corpus"
  measure "textkit tfidf --fit, $j threads" "$textkit tfidf -j$j --fit --top 10 $corpus"
done
# The issue's target: 20x scikit-learn's throughput on one thread.
awk -v t="$one_thread_mbps" -v s="$sklearn_mbps" 'BEGIN{printf "# textkit --fit -j1 / scikit-learn: %.1fx\n", t/s}'
