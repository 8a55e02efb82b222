# Shared by the benchmark scripts (sourced): corpus, set-up, build, and the measure function.
#   corpus=${1:-}; source "$(dirname "$0")/common.sh"
# Sets root, bench_dir, runs, work (removed on exit), corpus, textkit, bytes, docs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_dir=${BENCH_DIR:-$root/../shared/bench}
runs=${RUNS:-3}
export LC_ALL=C.UTF-8
work=$(mktemp -d /tmp/textkit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [[ -z "${corpus:-}" ]]; then
  corpus=$work/news-50mb.jsonl
  python3 "$bench_dir/make-news-corpus.py" 50 "$corpus" >/dev/null
fi
"$root/scripts/setup.sh" --bench
"$root/scripts/build.sh" >/dev/null
textkit=$root/build/tools/textkit
bytes=$(stat -c %s "$corpus")
docs=$(wc -l <"$corpus")

# measure NAME CMD: best wall time of $runs runs of a shell command line (stdin: the corpus),
# peak RSS of the last run (of its largest process); checks one output line per document
# unless NO_LINE_CHECK=1. Sets last_mbps to the best run's MB/s (for ratios).
measure() {
  local name=$1 cmd=$2 best="" wall rss start end
  for ((r = 0; r < runs; r++)); do
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/time" bash -c "$cmd" <"$corpus" >"$work/out" 2>"$work/err" || {
      echo "$name failed:"; cat "$work/err"; return 1; }
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc -l)  # (time's %e has 10 ms steps: too coarse for short runs)
    read -r rss <"$work/time"
    if [[ -z "$best" ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
  done
  last_mbps=$(awk -v b="$bytes" -v w="$best" 'BEGIN{printf "%.4f", b/1e6/w}')
  if [[ "${NO_LINE_CHECK:-0}" != 1 && $(wc -l <"$work/out") -ne $docs ]]; then
    echo "$name: $(wc -l <"$work/out") output lines for $docs documents"; return 1
  fi
  awk -v n="$name" -v w="$best" -v b="$bytes" -v r="$rss" -v d="$docs" \
    'BEGIN{printf "%-44s %8.2f %9.1f %10.0f %8.0f\n", n, w, b/1e6/w, d/w, r/1024}'
}
