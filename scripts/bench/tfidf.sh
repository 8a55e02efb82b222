#!/usr/bin/env bash
# Benchmark: tf-idf fit + transform (top 10 keywords per document) with textkit and with
# scikit-learn's TfidfVectorizer.fit_transform plus the same top-10 extraction, side by side
# in one run on the same corpus.
#
#   scripts/bench/tfidf.sh [CORPUS.jsonl]
# Without CORPUS, builds the 50 MB real-news corpus with ../shared/bench/make-news-corpus.py.
# env: BENCH_DIR (default ../shared/bench), RUNS (default 3; best wall time is kept).
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
bytes=$(stat -c %s "$corpus")
docs=$(wc -l <"$corpus")

# measure NAME CMD: best wall time of $runs runs of a shell command, peak RSS of the last.
measure() {
  local name=$1 cmd=$2 best="" wall rss
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" bash -c "$cmd" >"$work/out" 2>"$work/err" || {
      echo "$name failed:"; cat "$work/err"; return 1; }
    read -r wall rss <"$work/time"
    if [[ -z "$best" ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
  done
  [[ $(wc -l <"$work/out") -eq $docs ]] || { echo "$name: $(wc -l <"$work/out") output lines for $docs documents"; return 1; }
  awk -v n="$name" -v w="$best" -v b="$bytes" -v r="$rss" -v d="$docs" \
    'BEGIN{printf "%-44s %8.2f %9.2f %10.0f %8.0f\n", n, w, b/1e6/w, d/w, r/1024}'
}
printf '# corpus: %s (%.1f MB, %d docs); %s; %d cores; best of %d runs; fit + top-10 transform\n' \
  "$(basename "$corpus")" "$(echo "$bytes/1000000" | bc -l)" "$docs" "$("$textkit" --version)" "$(nproc)" "$runs"
printf '%-44s %8s %9s %10s %8s\n' "tool" "wall s" "MB/s" "docs/s" "RSS MB"
# RSS of a bash -c pipeline is that of its largest process (/usr/bin/time follows children).
measure "scikit-learn fit_transform + top 10" "/usr/bin/python3 $root/scripts/bench/sklearn_tfidf_top10.py <$corpus"
measure "textkit tfidf fit + apply, 1 thread" \
  "$textkit tfidf fit -j1 $corpus -o $work/m.tfidf && $textkit tfidf -j1 --model $work/m.tfidf --top 10 $corpus"
measure "textkit tfidf --fit (one command), 1 thread" "$textkit tfidf -j1 --fit --top 10 $corpus"
for j in 2 4 8 16; do
  ((j <= $(nproc))) || break
  measure "textkit tfidf fit + apply, $j threads" \
    "$textkit tfidf fit -j$j $corpus -o $work/m.tfidf && $textkit tfidf -j$j --model $work/m.tfidf --top 10 $corpus"
done
