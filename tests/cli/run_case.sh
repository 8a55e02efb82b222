#!/usr/bin/env bash
# Runs one golden CLI test case: a directory holding
#   cmd      a bash script, run in the case directory with `textkit` on PATH
#   stdin    (optional) its standard input; otherwise /dev/null
#   expout   the expected standard output, byte for byte
#   experr   (optional) the expected standard error; absent: stderr must be empty
#   rc       (optional) the expected exit status; absent: 0
# Usage: run_case.sh TEXTKIT_BINARY CASE_DIR [--update]
# --update rewrites expout/experr/rc from what the command does now (review the diff!).
set -uo pipefail
binary=$(realpath "$1")
case_dir=$2
update=${3:-}
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$binary" "$bindir/textkit"
mkdir "$bindir/tmp"
export PATH="$bindir:$PATH" LC_ALL=C.UTF-8 TEXTKIT_TEST_TMP="$bindir/tmp"
cd "$case_dir" || exit 1
input=/dev/null
[[ -f stdin ]] && input=stdin
bash ./cmd <"$input" >"$bindir/out" 2>"$bindir/err"
status=$?
if [[ "$update" == "--update" ]]; then
  cp "$bindir/out" expout
  if [[ -s "$bindir/err" ]]; then cp "$bindir/err" experr; else rm -f experr; fi
  if [[ $status -ne 0 ]]; then echo "$status" >rc; else rm -f rc; fi
  exit 0
fi
failed=0
expected_rc=0
[[ -f rc ]] && expected_rc=$(<rc)
if [[ "$status" != "$expected_rc" ]]; then
  echo "exit status: expected $expected_rc, got $status"
  failed=1
fi
if ! cmp -s expout "$bindir/out"; then
  echo "stdout differs (expected vs actual):"
  diff -u expout "$bindir/out" | head -40
  failed=1
fi
if [[ -f experr ]]; then
  if ! cmp -s experr "$bindir/err"; then
    echo "stderr differs (expected vs actual):"
    diff -u experr "$bindir/err" | head -40
    failed=1
  fi
elif [[ -s "$bindir/err" ]]; then
  echo "unexpected stderr:"
  head -20 "$bindir/err"
  failed=1
fi
exit $failed
