#!/usr/bin/env bash
# Scale-out: shards fitted apart with --partial (GNU parallel --pipe) and merged give the
# model of one fit over everything, byte for byte, and the same transform output; so do
# --threads 1 and --threads 3, and a transform split with parallel --pipe -k; and --fit (one
# analysis pass, term ids spooled) weighs exactly as fit then apply.
# usage: scale_out.sh TEXTKIT CORPUS.jsonl
set -euo pipefail
textkit=$1
articles=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# A few thousand documents: each sentence of the sample articles, as its own record.
"$textkit" tokenize --sentences "$articles" |
  jq -c '.id as $id | .sentences | to_entries[] | {id: "\($id)/\(.key)", text: .value.text}' >corpus.jsonl
lines=$(wc -l <corpus.jsonl)
[[ $lines -ge 300 ]] || { echo "corpus too small: $lines"; exit 1; }
prune=(--min-df 2 --max-df 0.5 --max-features 300)
failed=0
passed=0
check() {  # check NAME FILE_A FILE_B
  if cmp -s "$2" "$3"; then echo "ok  $1"; passed=$((passed + 1)); else echo "FAIL $1: $2 and $3 differ"; failed=$((failed + 1)); fi
}

"$textkit" tfidf fit --threads 1 "${prune[@]}" corpus.jsonl -o single.tfidf
"$textkit" tfidf fit --threads 3 "${prune[@]}" corpus.jsonl -o threads.tfidf
check "fit --threads 3 = --threads 1" single.tfidf threads.tfidf

parallel --will-cite --pipe -N 100 "$textkit tfidf fit --partial -o part-{#}.tfidf" <corpus.jsonl
shards=$(ls part-*.tfidf | wc -l)
"$textkit" tfidf merge "${prune[@]}" part-*.tfidf -o merged.tfidf
check "merge of $shards partial shards (parallel --pipe) = one fit" single.tfidf merged.tfidf

# Merging is associative: merge partial merges.
ls part-*.tfidf | head -2 | xargs "$textkit" tfidf merge --partial -o left.tfidf
ls part-*.tfidf | tail -n +3 | xargs "$textkit" tfidf merge --partial -o right.tfidf
"$textkit" tfidf merge "${prune[@]}" left.tfidf right.tfidf -o tree.tfidf
check "merge of merges = one fit" single.tfidf tree.tfidf

# Hashed statistics merge exactly too (each bucket keeps its smallest term as label).
"$textkit" tfidf fit --hash-bits 10 "${prune[@]}" corpus.jsonl -o hashed.tfidf
parallel --will-cite --pipe -N 100 "$textkit tfidf fit --hash-bits 10 --partial -o hpart-{#}.tfidf" <corpus.jsonl
"$textkit" tfidf merge "${prune[@]}" hpart-*.tfidf -o hmerged.tfidf
check "hashed: merge of shards = one fit" hashed.tfidf hmerged.tfidf

"$textkit" tfidf --model single.tfidf --top 10 corpus.jsonl >single.out
"$textkit" tfidf --model merged.tfidf --top 10 --threads 3 corpus.jsonl >merged.out
parallel --will-cite --pipe -k -N 100 "$textkit tfidf --model merged.tfidf --top 10" <corpus.jsonl >split.out
check "transform with the merged model, 3 threads" single.out merged.out
check "transform split with parallel --pipe -k" single.out split.out
[[ $(wc -l <single.out) -eq $lines ]] || { echo "FAIL transform lost records"; failed=$((failed + 1)); }

"$textkit" tfidf --fit "${prune[@]}" --top 10 --threads 1 corpus.jsonl >fit1.out
"$textkit" tfidf --fit "${prune[@]}" --top 10 --threads 3 <corpus.jsonl >fit3.out
check "--fit = fit, then apply" single.out fit1.out
check "--fit from standard input, 3 threads" single.out fit3.out
"$textkit" tfidf --model hashed.tfidf --vector ids --sublinear-tf --norm l1 corpus.jsonl >hashed.out
"$textkit" tfidf --fit --hash-bits 10 "${prune[@]}" --vector ids --sublinear-tf --norm l1 --threads 2 corpus.jsonl >hfit.out
check "hashed --fit = fit, then apply" hashed.out hfit.out

"$textkit" tfidf --model single.tfidf --binary --no-idf --vector terms corpus.jsonl >binary.out
"$textkit" tfidf --fit "${prune[@]}" --binary --no-idf --vector terms --threads 2 corpus.jsonl >binary-fit.out
check "--binary --no-idf: --fit = fit, then apply" binary.out binary-fit.out

echo "$passed passed, $failed failed"
exit $((failed > 0))
