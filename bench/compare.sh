#!/usr/bin/env bash
# Side-by-side benchmark of `skillgap rank` against the peers in ../shared/bench, on the
# same files in one run, printing medians and ratios (never a timed test: run it by hand).
#
#   bench/compare.sh                 # 10,000 text + 1,000 PDF resumes, 5 runs each
#   RUNS=3 TEXT=2000 PDF=200 bench/compare.sh
#
# Needs (once per machine): apt-get install -y poppler-utils;
#   python3 -m venv /tmp/peers && /tmp/peers/bin/pip install flashtext fpdf2
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
py=${PEERS_PY:-/tmp/peers/bin/python}
runs=${RUNS:-5}
text_n=${TEXT:-10000}
pdf_n=${PDF:-1000}
corpus=${CORPUS:-/tmp/skillgap-bench-$text_n-$pdf_n}

"$py" -c "import flashtext, fpdf" 2>/dev/null || { echo "missing peers: see the header of $0"; exit 2; }
command -v pdftotext >/dev/null || { echo "missing pdftotext: apt-get install -y poppler-utils"; exit 2; }
if [ ! -d "$corpus/txt" ]; then
  echo "generating $text_n text + $pdf_n PDF resumes in $corpus ..."
  "$py" "$shared/gen_corpus.py" "$corpus" --text "$text_n" --pdf "$pdf_n" --jobs 5 --seed 7 >/dev/null
fi
cargo build --release --quiet
bin=target/release/skillgap
job=$(ls "$corpus"/jobs/* | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The flashtext starter lexicon as a skillgap lexicon, to compare equal work too.
"$py" - "$shared/starter-lexicon.tsv" > "$work/starter.json" <<'PY'
import json, sys
skills, seen = [], set()
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    parts = line.rstrip("\n").split("\t")
    aliases = [a for a in (parts[1].split("|") if len(parts) > 1 and parts[1] else [])
               if a.lower() not in seen and a.lower() != parts[0].lower()]
    if parts[0].lower() in seen:
        continue
    seen.update([parts[0].lower(), *[a.lower() for a in aliases]])
    skills.append({"name": parts[0], "category": "tool", "aliases": aliases})
print(json.dumps({"schema_version": 1, "version": "starter", "skills": skills}))
PY

# median_of CMD...: runs CMD $runs times, prints the median wall time in seconds.
median_of() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    times+=("$(awk "BEGIN{print $e - $s}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

pdf_peer() {
  rm -rf "$work/pdftxt" && mkdir "$work/pdftxt"
  for f in "$corpus"/pdf/*.pdf; do
    pdftotext -q "$f" "$work/pdftxt/$(basename "$f" .pdf).txt"
  done
  "$py" "$shared/flashtext_rank.py" "$shared/starter-lexicon.tsv" "$work/pdftxt"
}

echo "machine: $(nproc) cores; corpus: $corpus; $runs runs each, median wall time"
t_sg=$(median_of "$bin" rank --job "$job" "$corpus/txt" -f jsonl -q)
t_sg_starter=$(median_of "$bin" rank --lexicon "$work/starter.json" --job "$job" "$corpus/txt" -f jsonl -q)
t_ft=$(median_of "$py" "$shared/flashtext_rank.py" "$shared/starter-lexicon.tsv" "$corpus/txt")
printf '\ntext, %s files\n' "$(ls "$corpus/txt" | wc -l)"
printf '  flashtext (starter lexicon)           %8.3f s\n' "$t_ft"
printf '  skillgap rank (full lexicon)          %8.3f s   %5.1fx faster\n' "$t_sg" "$(awk "BEGIN{print $t_ft / $t_sg}")"
printf '  skillgap rank (starter lexicon)       %8.3f s   %5.1fx faster\n' "$t_sg_starter" "$(awk "BEGIN{print $t_ft / $t_sg_starter}")"

t_pdf=$(median_of "$bin" rank --job "$job" "$corpus/pdf" -f jsonl -q)
t_peer=$(median_of pdf_peer)
printf '\nPDF, %s files\n' "$(ls "$corpus/pdf" | wc -l)"
printf '  pdftotext per file + flashtext        %8.3f s\n' "$t_peer"
printf '  skillgap rank (full lexicon)          %8.3f s   %5.1fx faster\n' "$t_pdf" "$(awk "BEGIN{print $t_peer / $t_pdf}")"

mkdir -p "$work/small"
ls "$corpus/txt" | sed -n '1,1000p' | while read -r f; do ln -s "$corpus/txt/$f" "$work/small/$f"; done
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
m_small=$(rss "$bin" rank --job "$job" "$work/small" -f jsonl -q)
m_big=$(rss "$bin" rank --job "$job" "$corpus/txt" -f jsonl -q)
m_big_csv=$(rss "$bin" rank --job "$job" "$corpus/txt" -f csv -q)
printf '\npeak RSS, jsonl: 1,000 files %s KB, %s files %s KB, ratio %.2f (csv, sorted: %s KB)\n' \
  "$m_small" "$(ls "$corpus/txt" | wc -l)" "$m_big" "$(awk "BEGIN{print $m_big / $m_small}")" "$m_big_csv"
