#!/usr/bin/env bash
# Benchmark: `textkit sentiment` against VADER (NLTK), the npm `sentiment` package and
# natural's French+English analyser, side by side in one run on the same corpus.
#
#   PEERS_NODE_DIR=/tmp/peers-node scripts/bench/sentiment.sh [CORPUS.jsonl]
# Node peers: cp -r ../shared/bench/node /tmp/peers-node && (cd /tmp/peers-node && npm ci).
# env: BENCH_DIR (default ../shared/bench), RUNS (default 3), SLOW_MB (default 5: the slow
# peers get the corpus' first SLOW_MB megabytes, and their rows say so).
corpus=${1:-}
source "$(dirname "$0")/common.sh"
node_dir=${PEERS_NODE_DIR:-$bench_dir/node}
export PEERS_NODE_DIR=$node_dir
slow_mb=${SLOW_MB:-5}
# NLTK's VADER reads the lexicon the npm vader-sentiment package ships, without its final newline.
python3 -c 'import sys; d=open(sys.argv[1],encoding="utf-8").read().rstrip("\n"); open(sys.argv[2],"w",encoding="utf-8").write(d)' \
  "$node_dir/node_modules/vader-sentiment/vader_lexicon.txt" "$work/vader_lexicon.txt"
export VADER_LEXICON=$work/vader_lexicon.txt

printf '# corpus: %s (%.1f MB, %d docs); %s; %d cores; best of %d runs\n' \
  "$(basename "$corpus")" "$(echo "$bytes/1000000" | bc -l)" "$docs" "$("$textkit" --version)" "$(nproc)" "$runs"
printf '%-44s %8s %9s %10s %8s\n' "tool" "wall s" "MB/s" "docs/s" "RSS MB"
measure "textkit sentiment --threads 1" "$textkit sentiment --threads 1"
textkit_full_mbps=$last_mbps
measure "textkit sentiment --lang en --threads 1" "$textkit sentiment --lang en --threads 1"
measure "textkit sentiment --threads $(nproc)" "$textkit sentiment --threads $(nproc)"
measure "npm sentiment" "node $bench_dir/peers/node_peers.js sent-sentiment"
# The slow peers on the corpus' first $slow_mb MB (whole lines).
full=$corpus
corpus=$work/prefix.jsonl
head -c $((slow_mb * 1000000)) "$full" | python3 -c 'import sys; d=sys.stdin.buffer.read(); sys.stdout.buffer.write(d[:d.rfind(b"\n")+1])' >"$corpus"
bytes=$(stat -c %s "$corpus") docs=$(wc -l <"$corpus") full_runs=$runs runs=1
measure "VADER (NLTK) [first ${slow_mb} MB]" "/usr/bin/python3 $bench_dir/peers/py_peers.py sent-nltk-vader"
vader_mbps=$last_mbps
measure "natural fr+en [first ${slow_mb} MB]" "node $bench_dir/peers/node_peers.js sent-natural"
runs=$full_runs
measure "textkit sentiment -j1 [first ${slow_mb} MB]" "$textkit sentiment --threads 1"
# The issue's target: textkit's one-thread throughput over VADER's (100x), on the same first
# MB (start-up weighs more there) and on the whole corpus.
awk -v p="$last_mbps" -v f="$textkit_full_mbps" -v v="$vader_mbps" -v mb="$slow_mb" \
  'BEGIN{printf "# textkit -j1 / VADER: %.0fx on the same first %d MB, %.0fx with textkit on the whole corpus\n", p/v, mb, f/v}'
