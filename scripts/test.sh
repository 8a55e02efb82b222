#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs the whole test suite (unit tests
# and end-to-end CLI tests). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
