#!/usr/bin/env bash
# Renders the resumes in tests/pdf-sources/ and examples/resume.txt with the tools real
# CVs come from: LibreOffice Writer (one column, two-column section, table layout,
# justified text with letter-spaced small caps; FODT and DOCX routes), pdfTeX and
# XeTeX (one column and a paracol sidebar, tracked small-caps headings) and, when
# installed, Chromium's print to PDF (one column, CSS grid). The LaTeX sidebar comes
# twice: as CV templates set it (ragged right, a clear gutter: *-2col) and as a stress
# rendering (*-2col-tight: justified, overfull lines touching the main column; see
# scripts/pdf-corpus.py). Output: OUT_DIR/*.pdf
# (default /tmp/pdf-corpus), sources in OUT_DIR/src. Not part of CI: it needs those
# programs. Used by scripts/pdf-quality.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/pdf-corpus}
src="$out/src"
rm -rf "$out"; mkdir -p "$src"
python3 "$here/scripts/pdf-corpus.py" "$src" "$here"/tests/pdf-sources/*.txt "$here/examples/resume.txt"
cp "$here/examples/resume.docx" "$src/resume.word.docx"

# A private LibreOffice profile: another soffice running elsewhere cannot block it.
lo=(soffice -env:UserInstallation=file:///tmp/skillgap-lo-profile --headless)
if command -v soffice >/dev/null; then
  ( cd "$src"
    "${lo[@]}" --convert-to pdf --outdir "$out" ./*.fodt resume.word.docx >/dev/null 2>&1
    # The DOCX route: Writer saves the one-column document as DOCX, then prints that.
    mkdir -p docx
    for f in ./*.lo-1col.fodt; do
      stem=$(basename "$f" .lo-1col.fodt)
      "${lo[@]}" --convert-to docx --outdir docx "$f" >/dev/null 2>&1
      mv "docx/$stem.lo-1col.docx" "docx/$stem.lo-docx.docx"
    done
    "${lo[@]}" --convert-to pdf --outdir "$out" docx/*.docx >/dev/null 2>&1 )
else
  echo "make-pdf-corpus: no soffice; LibreOffice renderings skipped" >&2
fi

for tex in "$src"/*.tex; do
  case "$tex" in *xetex*) engine=xelatex ;; *) engine=pdflatex ;; esac
  command -v "$engine" >/dev/null || { echo "make-pdf-corpus: no $engine; $(basename "$tex") skipped" >&2; continue; }
  ( cd "$src" && "$engine" -interaction=batchmode -halt-on-error "$(basename "$tex")" >/dev/null 2>&1 \
      && mv "$(basename "$tex" .tex).pdf" "$out/" ) || echo "make-pdf-corpus: $engine failed on $(basename "$tex")" >&2
done

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
  for page in "$src"/*.html; do
    "$chrome" --headless --disable-gpu --no-sandbox --no-pdf-header-footer \
      --print-to-pdf="$out/$(basename "$page" .html).pdf" "file://$page" >/dev/null 2>&1 \
      || echo "make-pdf-corpus: chromium failed on $(basename "$page")" >&2
  done
else
  echo "make-pdf-corpus: no chromium; browser renderings skipped" >&2
fi
ls "$out"/*.pdf | wc -l | xargs echo "make-pdf-corpus: PDFs in $out:"
