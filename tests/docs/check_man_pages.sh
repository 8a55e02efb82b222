#!/usr/bin/env bash
# The man pages stay true to the binary: every long option that `textkit CMD --help` prints
# appears in man/textkit-CMD.1, and every page is clean under `mandoc -Tlint`.
# usage: check_man_pages.sh TEXTKIT MAN_DIR
set -uo pipefail
textkit=$1
man_dir=$2
failed=0
check_options() {  # check_options PAGE HELP_COMMAND...
  local page=$1; shift
  local option
  for option in $("$@" --help | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u); do
    # roff writes a hyphen in an option as \- (or a plain -).
    local roff=${option//-/\\\\-}
    if ! grep -qE -- "(${roff}|${option})([^a-z0-9-]|\\\\|$)" "$man_dir/$page"; then
      echo "FAIL $page does not mention $option (from: $* --help)"
      failed=$((failed + 1))
    fi
  done
}
check_options textkit-tokenize.1 "$textkit" tokenize
check_options textkit-tfidf.1 "$textkit" tfidf
check_options textkit-tfidf.1 "$textkit" tfidf fit
check_options textkit-tfidf.1 "$textkit" tfidf merge
check_options textkit-tfidf.1 "$textkit" tfidf vocabulary
check_options textkit.1 "$textkit"
check_options textkit-model.1 "$textkit" model info
check_options textkit-eval.1 "$textkit" eval
check_options textkit-sentiment.1 "$textkit" sentiment
check_options textkit-sentiment.1 "$textkit" sentiment train
for page in "$man_dir"/*.1; do
  lint=$(mandoc -Tlint "$page" 2>&1)
  if [[ -n "$lint" ]]; then
    echo "FAIL mandoc -Tlint $page:"; echo "$lint"
    failed=$((failed + 1))
  fi
done
echo "$((failed == 0 ? 1 : 0)) passed, $((failed > 0 ? 1 : 0)) failed"
exit $((failed > 0))
