#!/usr/bin/env bash
# Installs the Debian packages textkit needs to build, test and run its demo.
# Idempotent: installs only what is missing. Needs root or sudo.
#   scripts/setup.sh            build + test dependencies
#   scripts/setup.sh --bench    also the peers the benchmark scripts compare against
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libcli11-dev libfmt-dev libeigen3-dev libicu-dev doctest-dev libsimdjson-dev
  libstemmer-dev libcld2-dev
  python3 jq mandoc time
  python3-sklearn parallel   # tests: tf-idf parity with scikit-learn, shard/merge with GNU parallel
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(python3-nltk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
