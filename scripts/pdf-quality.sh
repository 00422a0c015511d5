#!/usr/bin/env bash
# Compares, per PDF, the skills skillgap finds in the file with those it finds in
# pdftotext's text of the same file (`skillgap scan` on pdftotext's output), and
# prints the agreement (shared skills / skills found by either), the reader that
# produced skillgap's text, and any readability check that did not pass. Then the
# agreement per producer, and whether each two-column rendering finds the same skills
# as the one-column rendering of the same resume. Not CI: it needs pdftotext.
# Usage: scripts/pdf-quality.sh [DIR_OF_PDFS]   (default /tmp/pdf-corpus, made by
# scripts/make-pdf-corpus.sh). Exits 1 if agreement < 0.995 or a file fails.
set -uo pipefail
dir=${1:-/tmp/pdf-corpus}
bin=${SKILLGAP_BIN:-"$(dirname "$0")/../target/release/skillgap"}
command -v pdftotext >/dev/null || { echo "pdf-quality: needs pdftotext" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$dir"/*.pdf; do
  b=$(basename "$f" .pdf)
  "$bin" scan --format json "$f" > "$tmp/$b.ours.json" 2> "$tmp/$b.err" || true
  "$bin" extract --format json "$f" > "$tmp/$b.extract.json" 2>/dev/null || true
  pdftotext "$f" - 2>/dev/null | "$bin" scan --format json - > "$tmp/$b.theirs.json" 2>/dev/null || true
done
python3 - "$tmp" <<'PY'
import json, pathlib, sys, collections
tmp = pathlib.Path(sys.argv[1])
def load(p):
    try:
        return json.loads(p.read_text())
    except Exception:
        return None
rows, by_producer, failures, skills_of = [], collections.defaultdict(lambda: [0, 0]), 0, {}
for ours_path in sorted(tmp.glob("*.ours.json")):
    stem = ours_path.name[: -len(".ours.json")]
    ours, theirs, ext = load(ours_path), load(tmp / f"{stem}.theirs.json"), load(tmp / f"{stem}.extract.json")
    if ours is None:
        failures += 1
        print(f"{stem:40} FAILED: {(tmp / f'{stem}.err').read_text().strip()}")
        continue
    a = {s["name"] for s in ours["skills"]}
    b = {s["name"] for s in (theirs or {"skills": []})["skills"]}
    skills_of[stem] = a
    shared, union = len(a & b), len(a | b) or 1
    producer = stem.split(".", 1)[1] if "." in stem else stem
    by_producer[producer][0] += shared
    by_producer[producer][1] += union
    flags = [f"{c['id']}:{c['status']}" for c in ours.get("checks", [])
             if c["status"] in ("warn", "fail") and c["id"] in ("garbled_text", "glued_words", "text_layer")]
    engine = (ext or {}).get("engine") or "?"
    diff = ""
    if a != b:
        diff = f" only-ours={sorted(a - b)} only-pdftotext={sorted(b - a)}"
    print(f"{stem:40} {shared/union:6.3f} {len(a):3} skills  {engine:11} {' '.join(flags)}{diff}")
total_shared = sum(s for s, _ in by_producer.values())
total_union = sum(u for _, u in by_producer.values()) or 1
print("\nper producer (shared / union):")
for p, (s, u) in sorted(by_producer.items()):
    print(f"  {p:16} {s/u:6.3f}  ({s}/{u})")
print(f"\nagreement {total_shared/total_union:.4f} over {len(skills_of)} files; reader failures: {failures}")
# The one-column rendering of a resume is the truth for its other renderings (both
# readers agree on every one-column file): how close does each reader come to it?
truth_of, theirs_of = {}, {}
for stem in skills_of:
    theirs = load(tmp / f"{stem}.theirs.json")
    theirs_of[stem] = {s["name"] for s in (theirs or {"skills": []})["skills"]}
mismatch, close = 0, {"skillgap": [0, 0], "pdftotext": [0, 0]}
for stem, skills in sorted(skills_of.items()):
    person, _, producer = stem.partition(".")
    truth = skills_of.get(f"{person}.lo-1col")
    if truth is None or not producer.endswith(("2col", "table")):
        continue
    for reader, found in (("skillgap", skills), ("pdftotext", theirs_of[stem])):
        close[reader][0] += len(found & truth)
        close[reader][1] += len(found | truth)
    if truth != skills:
        mismatch += 1
        print(f"two-column differs from one column: {stem}: missing {sorted(truth - skills)} extra {sorted(skills - truth)}")
print(f"two-column renderings with other skills than one column: {mismatch}")
# Who is wrong where the readers disagree: on a file with a one-column rendering, the
# reader whose skills depart from that rendering's on a skill (found where one column
# has none, or missed where it has one).
blame = {"skillgap": 0, "pdftotext": 0, "unjudged": 0}
for stem, skills in sorted(skills_of.items()):
    person = stem.partition(".")[0]
    truth = skills_of.get(f"{person}.lo-1col")
    for skill in skills ^ theirs_of[stem]:
        if truth is None:
            blame["unjudged"] += 1
        else:
            blame["skillgap" if (skill in skills) != (skill in truth) else "pdftotext"] += 1
disagreements = total_union - total_shared
print(f"skills the readers disagree on: {disagreements}; departing from the one-column rendering: "
      f"skillgap {blame['skillgap']}, pdftotext {blame['pdftotext']} (unjudged {blame['unjudged']})")
print(f"agreement with pdftotext's own departures set aside: "
      f"{(total_union - blame['skillgap'] - blame['unjudged']) / total_union:.4f}")
for reader, (s, u) in close.items():
    print(f"  {reader:9} agreement with the one-column skills on two-column files: {s/(u or 1):.4f} ({s}/{u})")
sys.exit(0 if failures == 0 and total_shared / total_union >= 0.995 else 1)
PY
