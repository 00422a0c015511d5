#!/usr/bin/env python3
"""Interleaved A/B timing of `skillgap rank` builds on one workload.

Runs each binary in turn, RUNS times (after one warm-up each), so drift on a shared
machine falls on every binary alike, and prints the median wall time and user CPU of
each with its ratio to the first (the reference). Used for the cost of a feature: build
the code without it into one binary and with it into another.

Usage: bench/ab.py REF_BIN NEW_BIN [...] [-- RANK_ARGS...]
Default RANK_ARGS: --job $CORPUS/jobs/job000.txt $CORPUS/txt -f jsonl -q
(CORPUS defaults to /tmp/c, the corpus bench/compare.sh uses). RUNS defaults to 21.
"""
import os
import resource
import statistics
import subprocess
import sys
import time

argv = sys.argv[1:]
if "--" in argv:
    cut = argv.index("--")
    bins, rank_args = argv[:cut], argv[cut + 1:]
else:
    corpus = os.environ.get("CORPUS", "/tmp/c")
    bins = argv
    rank_args = ["--job", f"{corpus}/jobs/job000.txt", f"{corpus}/txt", "-f", "jsonl", "-q"]
if len(bins) < 2:
    sys.exit(__doc__)
runs = int(os.environ.get("RUNS", "21"))


def run(binary):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "rank", *rank_args], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime


for b in bins:
    run(b)
wall = {b: [] for b in bins}
user = {b: [] for b in bins}
for _ in range(runs):
    for b in bins:
        w, u = run(b)
        wall[b].append(w)
        user[b].append(u)
ref_wall = statistics.median(wall[bins[0]])
ref_user = statistics.median(user[bins[0]])
print(f"rank {' '.join(rank_args)}  ({runs} interleaved runs, medians)")
for b in bins:
    w, u = statistics.median(wall[b]), statistics.median(user[b])
    print(f"  {b:45} wall {w * 1000:7.1f} ms  {w / ref_wall:5.3f}x   user {u * 1000:7.1f} ms  {u / ref_user:5.3f}x")
