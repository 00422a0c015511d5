#!/usr/bin/env bash
# Runs `skillgap extract` on every file of a folder of odd PDFs (default:
# ../shared/corpus/pdfs-weird) and checks that each one ends as text (exit 0) or as
# one error line naming the file (exit 2): never a panic message, an abort, a signal,
# or a run past the time limit. Prints a summary; exits 1 on any violation.
set -uo pipefail
corpus=${1:-"$(dirname "$0")/../../shared/corpus/pdfs-weird"}
bin=${SKILLGAP_BIN:-"$(dirname "$0")/../target/release/skillgap"}
limit=${LIMIT_SECS:-20}
if [ ! -d "$corpus" ]; then
  echo "check-corpus: no corpus at $corpus; skipped"
  exit 0
fi
text=0; errors=0; bad=0
declare -A reasons
for f in "$corpus"/*; do
  [ -f "$f" ] || continue
  err=$(timeout "$limit" "$bin" extract --file-timeout 10 "$f" 2>&1 >/dev/null)
  code=$?
  if [ "$code" -eq 0 ]; then
    text=$((text + 1))
  elif [ "$code" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] \
       && [[ "$err" == *"$f"* ]] && [[ "$err" != *panicked* ]]; then
    errors=$((errors + 1))
    reason=$(printf '%s' "$err" | sed -E "s|^skillgap: [^:]*: ||; s/ \(.*//; s/;.*//")
    reasons["$reason"]=$(( ${reasons["$reason"]:-0} + 1 ))
  else
    bad=$((bad + 1))
    echo "VIOLATION ($code): $f"
    printf '%s\n' "$err" | head -5 | sed 's/^/    /'
  fi
done
echo "check-corpus: $((text + errors + bad)) files: $text text, $errors clear errors, $bad violations"
for r in "${!reasons[@]}"; do printf '  %4d  %s\n' "${reasons[$r]}" "$r"; done | sort -rn
[ "$bad" -eq 0 ]
