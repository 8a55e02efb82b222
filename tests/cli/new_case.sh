#!/usr/bin/env bash
# Creates a golden case from a command and records what textkit does now:
#   tests/cli/new_case.sh tokenize 0042-crlf 'textkit tokenize' [STDIN_FILE]
# TEXTKIT names the binary to run (default: build/tools/textkit).
# Then READ expout/experr/rc: a golden file is only as right as the review it got.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/tests/cli/cases/$1/$2"
mkdir -p "$dir"
printf '%s\n' "$3" >"$dir/cmd"
[[ $# -ge 4 ]] && cp "$4" "$dir/stdin"
"$root/tests/cli/run_case.sh" "${TEXTKIT:-$root/build/tools/textkit}" "$dir" --update
echo "$dir:"; for f in expout experr rc; do if [[ -f "$dir/$f" ]]; then echo "--- $f"; head -c 2000 "$dir/$f"; echo; fi; done
