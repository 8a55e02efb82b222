#!/usr/bin/env bash
# Before/after timing of a change: two textkit binaries run the same command line, interleaved
# round after round (alternating which goes first), then the minimum and median wall time of
# each, their ratio, and whether their outputs are byte-identical. On a shared machine whose
# speed drifts by tens of percent, this is the measure to trust for a change; best-of-N runs
# taken minutes apart are not.
#
#   scripts/bench/compare-builds.sh BEFORE AFTER ARGS...      env: ROUNDS (default 11)
#
# e.g. build the previous commit beside the working tree, then compare:
#   git worktree add /tmp/before HEAD~1 && cmake -S /tmp/before -B /tmp/before/build \
#     -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/before/build -j --target textkit
#   scripts/bench/compare-builds.sh /tmp/before/build/tools/textkit build/tools/textkit \
#     tfidf -j1 --fit --top 10 /tmp/news-50mb.jsonl
set -euo pipefail
if (($# < 3)); then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
before=$1 after=$2
shift 2
rounds=${ROUNDS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

time_of() {  # wall seconds of one run of binary $1 with the arguments; output to file $2
  local bin=$1 out=$2 start end
  start=$(date +%s.%N)
  "$bin" "${args[@]}" >"$out"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
args=("$@")
: >"$work/before.times" && : >"$work/after.times"
for ((r = 0; r < rounds; r++)); do
  if ((r % 2 == 0)); then
    time_of "$before" "$work/before.out" >>"$work/before.times"
    time_of "$after" "$work/after.out" >>"$work/after.times"
  else
    time_of "$after" "$work/after.out" >>"$work/after.times"
    time_of "$before" "$work/before.out" >>"$work/before.times"
  fi
done
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f %.3f", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
read -r before_min before_median <<<"$(stats "$work/before.times")"
read -r after_min after_median <<<"$(stats "$work/after.times")"
printf '# textkit %s; %d interleaved rounds\n' "${args[*]}" "$rounds"
printf '%-8s %10s %10s  %s\n' "" "min s" "median s" "binary"
printf '%-8s %10s %10s  %s\n' "before" "$before_min" "$before_median" "$before"
printf '%-8s %10s %10s  %s\n' "after" "$after_min" "$after_median" "$after"
awk -v a="$after_min" -v b="$before_min" -v c="$after_median" -v d="$before_median" \
  'BEGIN { printf "after / before time: %.3f (minimum), %.3f (median)\n", a / b, c / d }'
if cmp -s "$work/before.out" "$work/after.out"; then
  echo "outputs: byte-identical"
else
  echo "outputs: DIFFERENT ($(cmp "$work/before.out" "$work/after.out" | head -1))"
fi
