#!/usr/bin/env bash
# Benchmark: `textkit tokenize` JSONL -> JSONL against wc -w, a plain ICU BreakIterator loop
# and scikit-learn's analyzer, side by side in one run on the same corpus.
#
#   scripts/bench/tokenize.sh [CORPUS.jsonl]
# Without CORPUS, builds the 50 MB real-news corpus with ../shared/bench/make-news-corpus.py.
# env: BENCH_DIR (default ../shared/bench), RUNS (default 3; best wall time is kept),
#      MEMORY_GB=1 also runs textkit on a 1 GB input (the corpus repeated) to show that peak
#      memory does not grow with the input.
corpus=${1:-}
source "$(dirname "$0")/common.sh"
g++ -O2 -std=c++17 "$bench_dir/icu_words.cpp" -o "$work/icu_words" $(pkg-config --cflags --libs icu-uc icu-i18n)

printf '# corpus: %s (%.1f MB, %d docs); %s; %d cores; best of %d runs\n' \
  "$(basename "$corpus")" "$(echo "$bytes/1000000" | bc -l)" "$docs" "$("$textkit" --version)" "$(nproc)" "$runs"
printf '%-44s %8s %9s %10s %8s\n' "tool" "wall s" "MB/s" "docs/s" "RSS MB"
NO_LINE_CHECK=1 measure "wc -w" "wc -w"
NO_LINE_CHECK=1 measure "ICU BreakIterator loop (utext)" "$work/icu_words /dev/stdin"
measure "scikit-learn analyzer" "/usr/bin/python3 $bench_dir/peers/py_peers.py tok-sklearn"
measure "textkit tokenize --threads 1" "$textkit tokenize --threads 1"
measure "textkit tokenize --lang auto -j1" "$textkit tokenize --threads 1 --lang auto"
measure "textkit tokenize --threads $(nproc)" "$textkit tokenize --threads $(nproc)"
if [[ "${MEMORY_GB:-0}" != 0 ]]; then
  big=$work/big.jsonl
  : >"$big"
  while (($(stat -c %s "$big") < MEMORY_GB * 1000000000)); do cat "$corpus" >>"$big"; done
  corpus=$big bytes=$(stat -c %s "$big") docs=$(wc -l <"$big") runs=1
  measure "textkit tokenize -j1 on ${MEMORY_GB} GB" "$textkit tokenize --threads 1"
  measure "textkit tokenize -j$(nproc) on ${MEMORY_GB} GB" "$textkit tokenize --threads $(nproc)"
fi
