#!/usr/bin/env bash
# Interleaved timing of textkit tokenize -j1 against wc -w on the same corpus: ROUNDS rounds,
# each running both (alternating which goes first), then the minimum and median wall time of
# each and their ratios. On a shared machine whose load drifts, alternating puts both tools
# under the same conditions; best-of-N timings (tokenize.sh) favour whichever tool happens to
# get the quiet moments, and wc -w, being short, gets more of them.
#
#   scripts/bench/interleaved.sh [CORPUS.jsonl]        env: ROUNDS (default 15)
corpus=${1:-}
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-15}
time_of() {  # wall seconds of one run of the command line "$1" (stdin: the corpus)
  local start end
  start=$(date +%s.%N)
  bash -c "$1" <"$corpus" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
: >"$work/textkit" && : >"$work/wc"
for ((r = 0; r < rounds; r++)); do
  if ((r % 2 == 0)); then
    time_of "$textkit tokenize --threads 1" >>"$work/textkit"
    time_of "wc -w" >>"$work/wc"
  else
    time_of "wc -w" >>"$work/wc"
    time_of "$textkit tokenize --threads 1" >>"$work/textkit"
  fi
done
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f %.3f", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
read -r tk_min tk_median <<<"$(stats "$work/textkit")"
read -r wc_min wc_median <<<"$(stats "$work/wc")"
printf '# corpus: %s (%.1f MB); %s; %d interleaved rounds\n' "$(basename "$corpus")" \
  "$(echo "$bytes/1000000" | bc -l)" "$("$textkit" --version)" "$rounds"
printf '%-30s %10s %10s\n' "tool" "min s" "median s"
printf '%-30s %10s %10s\n' "wc -w" "$wc_min" "$wc_median"
printf '%-30s %10s %10s\n' "textkit tokenize --threads 1" "$tk_min" "$tk_median"
awk -v a="$wc_min" -v b="$tk_min" -v c="$wc_median" -v d="$tk_median" \
  'BEGIN { printf "textkit speed / wc -w speed: %.2fx (minimum), %.2fx (median)\n", a / b, c / d }'
