#!/usr/bin/env bash
# Compares, per PDF, the skills skillgap finds in the file with those it finds in
# pdftotext's text of the same file (`skillgap scan` on pdftotext's output), and
# prints the agreement (shared skills / skills found by either), the reader that
# produced skillgap's text, and any readability check that did not pass. Then the
# agreement per producer, and whether each two-column rendering finds the same skills
# as the one-column rendering of the same resume.
# Stress renderings (producer ending in -tight: a LaTeX sidebar set justified with
# overfull lines that run into the gutter up to the main column) are not what a
# careful author sends, and pdftotext merges their two columns line by line: they
# are left out of the headline agreement and reported on their own, but they are in
# the check against the one-column rendering like every other two-column file.
# Not CI: it needs pdftotext.
# Usage: scripts/pdf-quality.sh [DIR_OF_PDFS]   (default /tmp/pdf-corpus, made by
# scripts/make-pdf-corpus.sh). Exits 1 if the headline agreement (stress renderings
# left out) is below 0.995 or a file fails.
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
# Stress renderings: producers that no careful author would send, kept to show where
# pdftotext (which goes by gaps alone) fails; not in the headline agreement.
STRESS_SUFFIX = "-tight"
STRESS_WHY = ("LaTeX sidebar set justified in a narrow measure: overfull lines run into "
              "the gutter up to the main column, and pdftotext merges the two columns")
def load(p):
    try:
        return json.loads(p.read_text())
    except Exception:
        return None
def producer_of(stem):
    return stem.split(".", 1)[1] if "." in stem else stem
def is_stress(stem):
    return producer_of(stem).endswith(STRESS_SUFFIX)
by_producer = collections.defaultdict(lambda: [0, 0])
failures, skills_of, theirs_of = 0, {}, {}
for ours_path in sorted(tmp.glob("*.ours.json")):
    stem = ours_path.name[: -len(".ours.json")]
    ours, theirs, ext = load(ours_path), load(tmp / f"{stem}.theirs.json"), load(tmp / f"{stem}.extract.json")
    if ours is None:
        failures += 1
        print(f"{stem:40} FAILED: {(tmp / f'{stem}.err').read_text().strip()}")
        continue
    a = {s["name"] for s in ours["skills"]}
    b = {s["name"] for s in (theirs or {"skills": []})["skills"]}
    skills_of[stem], theirs_of[stem] = a, b
    shared, union = len(a & b), len(a | b) or 1
    by_producer[producer_of(stem)][0] += shared
    by_producer[producer_of(stem)][1] += union
    flags = [f"{c['id']}:{c['status']}" for c in ours.get("checks", [])
             if c["status"] in ("warn", "fail") and c["id"] in ("garbled_text", "glued_words", "text_layer")]
    engine = (ext or {}).get("engine") or "?"
    diff = ""
    if a != b:
        diff = f" only-ours={sorted(a - b)} only-pdftotext={sorted(b - a)}"
    mark = " [stress]" if is_stress(stem) else ""
    print(f"{stem:40} {shared/union:6.3f} {len(a):3} skills  {engine:11} {' '.join(flags)}{diff}{mark}")

def total(stress):
    pairs = [v for p, v in by_producer.items() if p.endswith(STRESS_SUFFIX) == stress]
    return sum(s for s, _ in pairs), sum(u for _, u in pairs)
head_shared, head_union = total(False)
stress_shared, stress_union = total(True)
stress_files = sorted(s for s in skills_of if is_stress(s))
print("\nper producer (shared / union):")
for p, (s, u) in sorted(by_producer.items()):
    print(f"  {p:18} {s/u:6.3f}  ({s}/{u}){'  [stress]' if p.endswith(STRESS_SUFFIX) else ''}")
headline = head_shared / (head_union or 1)
print(f"\nagreement {headline:.4f} over {len(skills_of) - len(stress_files)} files "
      f"(stress renderings left out); reader failures: {failures}")
if stress_files:
    print(f"stress renderings ({len(stress_files)} files, producer *{STRESS_SUFFIX}: {STRESS_WHY}):")
    print(f"  agreement {stress_shared/(stress_union or 1):.4f} ({stress_shared}/{stress_union}); "
          f"all files together {(head_shared + stress_shared)/((head_union + stress_union) or 1):.4f}")

# The one-column rendering of a resume is the truth for its other renderings (both
# readers agree on every one-column file): how close does each reader come to it?
# Every two-column and table rendering is checked, stress renderings too.
mismatch = 0
close = {(reader, stress): [0, 0] for reader in ("skillgap", "pdftotext") for stress in (False, True)}
for stem, skills in sorted(skills_of.items()):
    person, _, producer = stem.partition(".")
    truth = skills_of.get(f"{person}.lo-1col")
    if truth is None or not producer.removesuffix(STRESS_SUFFIX).endswith(("2col", "table")):
        continue
    for reader, found in (("skillgap", skills), ("pdftotext", theirs_of[stem])):
        close[reader, is_stress(stem)][0] += len(found & truth)
        close[reader, is_stress(stem)][1] += len(found | truth)
    if truth != skills:
        mismatch += 1
        print(f"two-column differs from one column: {stem}: missing {sorted(truth - skills)} extra {sorted(skills - truth)}")
print(f"two-column renderings with other skills than one column: {mismatch} (stress renderings included)")
# Who is wrong where the readers disagree: on a file with a one-column rendering, the
# reader whose skills depart from that rendering's on a skill (found where one column
# has none, or missed where it has one).
for stress in (False, True):
    blame = {"skillgap": 0, "pdftotext": 0, "unjudged": 0}
    for stem, skills in sorted(skills_of.items()):
        if is_stress(stem) != stress:
            continue
        truth = skills_of.get(f"{stem.partition('.')[0]}.lo-1col")
        for skill in skills ^ theirs_of[stem]:
            if truth is None:
                blame["unjudged"] += 1
            else:
                blame["skillgap" if (skill in skills) != (skill in truth) else "pdftotext"] += 1
    shared, union = (stress_shared, stress_union) if stress else (head_shared, head_union)
    if stress and not stress_files:
        continue
    label = "stress renderings" if stress else "headline files"
    print(f"{label}: skills the readers disagree on: {union - shared}; departing from the one-column "
          f"rendering: skillgap {blame['skillgap']}, pdftotext {blame['pdftotext']} (unjudged {blame['unjudged']}); "
          f"agreement with pdftotext's departures set aside: "
          f"{(union - blame['skillgap'] - blame['unjudged']) / (union or 1):.4f}")
    for reader in ("skillgap", "pdftotext"):
        s, u = close[reader, stress]
        if u:
            print(f"  {reader:9} agreement with the one-column skills on two-column files: {s/u:.4f} ({s}/{u})")
sys.exit(0 if failures == 0 and headline >= 0.995 else 1)
PY
