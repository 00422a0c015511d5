#!/usr/bin/env bash
# The sabotage switches the tests use (SKILLGAP_TEST_CRASH_ON and friends: a worker
# that aborts, hangs, spins or exhausts memory on a named file) exist only with the
# `test-hooks` feature, which only the crate's own tests turn on. This builds the
# binary as a user gets it (`cargo build`, no dev-dependencies, so no feature) and
# checks that every switch, set in the environment, changes nothing.
# Usage: scripts/check-no-test-hooks.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet "$@"
profile=debug
[ "${1:-}" = "--release" ] && profile=release
bin=target/$profile/skillgap
expected=$("$bin" extract examples/resume.pdf)
for hook in CRASH HANG SPIN HOG; do
  got=$(env "SKILLGAP_TEST_${hook}_ON=resume.pdf" "$bin" --file-timeout 5 extract examples/resume.pdf) || {
    echo "check-no-test-hooks: SKILLGAP_TEST_${hook}_ON changed what $bin does" >&2
    exit 1
  }
  if [ "$got" != "$expected" ]; then
    echo "check-no-test-hooks: SKILLGAP_TEST_${hook}_ON changed the output of $bin" >&2
    exit 1
  fi
done
echo "check-no-test-hooks: $bin has no test switches"
