#!/usr/bin/env bash
# A reference point for the fitting pass of `textkit tfidf fit`: scripts/bench/count_floor.cpp
# (parse, split ASCII words, fold, hash, count: no Unicode rules, no model, no output) against
# `textkit tfidf fit -j1`, alternating round by round on the same corpus, so that the machine's
# drifting speed hits both alike. Minimum and median wall times.
#
#   scripts/bench/fit-floor.sh CORPUS.jsonl        env: ROUNDS (default 7)
set -euo pipefail
corpus=${1:?usage: fit-floor.sh CORPUS.jsonl}
root=$(cd "$(dirname "$0")/../.." && pwd)
textkit=${TEXTKIT:-$root/build/tools/textkit}
rounds=${ROUNDS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
g++ -O3 -std=c++20 "$root/scripts/bench/count_floor.cpp" -lsimdjson -o "$work/count_floor"
ms() { echo $((($2 - $1) / 1000000)); }
for ((r = 0; r < rounds; r++)); do
  a=$(date +%s%N); "$work/count_floor" "$corpus" >"$work/floor.out"
  b=$(date +%s%N); "$textkit" tfidf fit -j1 "$corpus" -o "$work/m.tfidf"
  c=$(date +%s%N)
  echo "$(ms "$a" "$b") $(ms "$b" "$c")"
done >"$work/times"
cat "$work/floor.out"
summary() {  # summary COLUMN NAME
  sort -n -k"$1","$1" "$work/times" | awk -v col="$1" -v name="$2" '{ v[NR] = $col } END {
    printf "%-40s min %5d ms  median %5d ms\n", name, v[1], v[int((NR + 1) / 2)] }'
}
summary 1 "count_floor (plain ASCII word counter)"
summary 2 "textkit tfidf fit -j1"
