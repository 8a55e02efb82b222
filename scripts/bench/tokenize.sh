#!/usr/bin/env bash
# Benchmark: `textkit tokenize` JSONL -> JSONL against wc -w, a plain ICU BreakIterator loop
# and scikit-learn's analyzer, side by side in one run on the same corpus.
#
#   scripts/bench/tokenize.sh [CORPUS.jsonl]
# Without CORPUS, builds the 50 MB real-news corpus with ../shared/bench/make-news-corpus.py.
# env: BENCH_DIR (default ../shared/bench), MEMORY_GB=1 also runs textkit on a 1 GB input
#      (the corpus repeated) to show that peak memory does not grow with the input.
# Prints wall seconds (best of RUNS=3), MB/s (10^6 bytes of JSONL input per second) and peak RSS.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench_dir=${BENCH_DIR:-$root/../shared/bench}
runs=${RUNS:-3}
export LC_ALL=C.UTF-8
work=$(mktemp -d /tmp/textkit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

corpus=${1:-}
if [[ -z "$corpus" ]]; then
  corpus=$work/news-50mb.jsonl
  python3 "$bench_dir/make-news-corpus.py" 50 "$corpus" >/dev/null
fi
"$root/scripts/setup.sh" --bench
"$root/scripts/build.sh" >/dev/null
textkit=$root/build/tools/textkit
g++ -O2 -std=c++17 "$bench_dir/icu_words.cpp" -o "$work/icu_words" $(pkg-config --cflags --libs icu-uc icu-i18n)

bytes=$(stat -c %s "$corpus")
docs=$(wc -l <"$corpus")
# measure NAME CMD...: best wall time of $runs runs, peak RSS of the last; output to a file.
measure() {
  local name=$1; shift
  local best="" rss=0 wall
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" <"$corpus" >"$work/out" 2>"$work/err" || {
      echo "$name failed:"; cat "$work/err"; return 1; }
    read -r wall rss <"$work/time"
    if [[ -z "$best" ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
  done
  awk -v n="$name" -v w="$best" -v b="$bytes" -v r="$rss" -v d="$docs" \
    'BEGIN{printf "%-34s %8.2f %9.1f %10.0f %8.0f\n", n, w, b/1e6/w, d/w, r/1024}'
}
printf '# corpus: %s (%.1f MB, %d docs); %s; %d cores; best of %d runs\n' \
  "$(basename "$corpus")" "$(echo "$bytes/1000000" | bc -l)" "$docs" "$("$textkit" --version)" "$(nproc)" "$runs"
printf '%-34s %8s %9s %10s %8s\n' "tool" "wall s" "MB/s" "docs/s" "RSS MB"
measure "wc -w" wc -w
measure "ICU BreakIterator loop (utext)" "$work/icu_words" /dev/stdin
measure "scikit-learn analyzer" /usr/bin/python3 "$bench_dir/peers/py_peers.py" tok-sklearn
measure "textkit tokenize --threads 1" "$textkit" tokenize --threads 1
measure "textkit tokenize --lang auto -j1" "$textkit" tokenize --threads 1 --lang auto
measure "textkit tokenize --threads $(nproc)" "$textkit" tokenize --threads "$(nproc)"
if [[ "${MEMORY_GB:-0}" != 0 ]]; then
  big=$work/big.jsonl
  : >"$big"
  while (($(stat -c %s "$big") < MEMORY_GB * 1000000000)); do cat "$corpus" >>"$big"; done
  corpus=$big bytes=$(stat -c %s "$big") docs=$(wc -l <"$big") runs=1
  measure "textkit tokenize -j1 on ${MEMORY_GB} GB" "$textkit" tokenize --threads 1
  measure "textkit tokenize -j$(nproc) on ${MEMORY_GB} GB" "$textkit" tokenize --threads "$(nproc)"
fi
