#!/usr/bin/env bash
# Fills the git-ignored fuzz/corpus/<target>/ folders with seed inputs: the example
# files and the odd PDFs of ../shared/corpus/pdfs-weird (read from there, never
# committed here), plus a few small inputs written below. Safe to re-run: libFuzzer
# names the inputs it adds by their hash, so seeds and finds live side by side.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
weird="${SKILLGAP_WEIRD_PDFS:-$repo/../shared/corpus/pdfs-weird}"
corpus="$here/corpus"
examples="$repo/examples"

mkdir -p "$corpus"/{extract,extract_pdf,normalize_match,lexicon,posting}

if [ -d "$weird" ]; then
    cp "$weird"/*.pdf "$corpus/extract/"
    cp "$weird"/*.pdf "$corpus/extract_pdf/"
else
    echo "seed.sh: $weird not found; PDF seeds are only examples/resume.pdf" >&2
fi

# extract: every format the sniffer knows.
cp "$examples"/resume.pdf "$examples"/resume.docx "$examples"/resume.txt \
    "$examples"/job-backend.txt "$corpus/extract/"
cp "$examples"/resume.pdf "$corpus/extract_pdf/"
printf '<!DOCTYPE html><html><body><h2>Requirements</h2><ul><li>Java &amp; Kotlin</li><li>PostgreSQL</li></ul></body></html>' \
    >"$corpus/extract/posting.html"
printf '\xff\xfeS\x00k\x00i\x00l\x00l\x00s\x00:\x00 \x00G\x00o\x00,\x00 \x00R\x00u\x00s\x00t\x00' \
    >"$corpus/extract/utf16-bom.txt"
printf 'Caf\xe9 \x93Skills\x94: Java, Go\r\nPostgres\r\n' >"$corpus/extract/windows-1252.txt"

# normalize_match: the example texts and the messes PDFs make of text.
cp "$examples"/resume.txt "$examples"/job-backend.txt "$examples"/job-frontend.txt \
    "$corpus/normalize_match/"
printf 'e\xef\xac\x83cient pro\xc2\xadfiling, distrib-\nuted systems\n\xe2\x96\xaa Kafka\n\xe2\x80\x93 Rust\n' \
    >"$corpus/normalize_match/pdf-mess.txt"
printf 'S E N I O R  E N G I N E E R\nj o h n . d o e @ m a i l . c o m\n\nT E C H N I C A L  S K I L L S\nGo, R, C, C++, C#, .NET, ASP.NET Core, Node.js, CI/CD, TCP/IP, PL/SQL\n' \
    >"$corpus/normalize_match/letter-spaced.txt"
printf 'Experience\nI go to conferences. Spring 2021 semester. Express delivery. R&D.\nBuilt APIs in Go with Python3.12 and HTML5; Java-based, not JavaScript.\r\nconflict\nresolution\x0cpage two\xe2\x80\xa8sep\n' \
    >"$corpus/normalize_match/ambiguous.txt"

# posting: the example postings and a few shapes of posting.
cp "$examples"/job-backend.txt "$examples"/job-frontend.txt "$corpus/posting/"
printf 'Backend Engineer\nRequirements:\n- 5+ years of Java\n- PostgreSQL, Kafka\nNice to have\n- Go (a plus)\nBachelor'"'"'s degree in CS\n' \
    >"$corpus/posting/short.txt"
printf 'We are hiring a friendly person to answer phones.\n' >"$corpus/posting/no-skills.txt"
printf 'Must have: communication, teamwork, mentoring.\nPreferred: problem solving\n' \
    >"$corpus/posting/soft-only.txt"

# lexicon: small full lexicons, an extension, and broken ones (the dictionary
# fuzz/lexicon.dict gives the fuzzer the field names).
cat >"$corpus/lexicon/full.json" <<'JSON'
{"schema_version": 1, "version": "seed", "skills": [
  {"name": "PostgreSQL", "category": "database", "aliases": ["Postgres", "psql"], "implies": ["SQL"]},
  {"name": "SQL", "category": "language"},
  {"name": "Go", "category": "language", "aliases": ["Golang"], "ambiguous": ["Go"], "case_sensitive": ["Go"], "evidence": ["goroutines"]},
  {"name": "C++", "category": "language", "description": "The language"}
]}
JSON
cat >"$corpus/lexicon/extension.json" <<'JSON'
{"version": "ext", "skills": [
  {"name": "ClickHouse", "category": "database", "aliases": ["Click House"], "implies": ["SQL"]},
  {"name": "Python", "aliases": ["py3"]}
]}
JSON
cat >"$corpus/lexicon/cycle.json" <<'JSON'
{"schema_version": 1, "version": "x", "skills": [
  {"name": "A", "category": "tool", "implies": ["B"]},
  {"name": "B", "category": "tool", "implies": ["A"]}
]}
JSON
cat >"$corpus/lexicon/problems.json" <<'JSON'
{"schema_version": 2, "skills": [
  {"name": " ", "category": "nope", "aliases": ["", "x", "X"], "ambiguous": ["y"], "evidence": ["z"]},
  {"name": "x", "category": "tool", "implies": ["missing", "x"]}
]}
JSON
printf '{"schema_version": 1,\n "skills": [\n  {"name": "X",, }\n]}' >"$corpus/lexicon/syntax-error.json"

for target in extract extract_pdf normalize_match lexicon posting; do
    echo "$target: $(find "$corpus/$target" -type f | wc -l) inputs"
done
