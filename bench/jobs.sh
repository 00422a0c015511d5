#!/usr/bin/env bash
# Times `skillgap jobs`: one resume against 1,000 generated text postings, on all cores
# and on one, and one `skillgap match` run for comparison (what a user did before:
# one run per posting). Prints hyperfine's summary; run it by hand, never as a test.
#
#   bench/jobs.sh                    # 1,000 postings, 10 runs each
#   JOBS=5000 RUNS=5 bench/jobs.sh
#
# Needs: hyperfine, and the generator's Python (see bench/compare.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PEERS_PY:-/tmp/peers/bin/python}
runs=${RUNS:-10}
jobs_n=${JOBS:-1000}
corpus=${CORPUS:-/tmp/skillgap-bench-jobs-$jobs_n}
command -v hyperfine >/dev/null || { echo "missing hyperfine: apt-get install -y hyperfine"; exit 2; }
if [ ! -d "$corpus/jobs" ]; then
  echo "generating $jobs_n postings in $corpus ..."
  "$py" ../shared/bench/gen_corpus.py "$corpus" --text 1 --pdf 0 --jobs "$jobs_n" --seed 7 >/dev/null
fi
cargo build --release --quiet
bin=target/release/skillgap
resume=examples/resume.txt
postings=("$corpus"/jobs/*)
first=${postings[0]}
echo "${#postings[@]} postings, $(nproc) cores"
"$bin" jobs "$resume" "$corpus/jobs" --top 3
hyperfine --warmup 2 --runs "$runs" -N \
  "$bin jobs -q $resume $corpus/jobs --format json" \
  "$bin jobs -q -j 1 $resume $corpus/jobs --format json" \
  "$bin match -q $resume --job $first --format json"
