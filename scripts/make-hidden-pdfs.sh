#!/usr/bin/env bash
# Renders one resume with a hidden keyword line ("keyword stuffing": the line is drawn
# in white on the white page) with the producers real CVs come from, into
# tests/fixtures/hidden/ (committed: the tests read them without these programs):
#   chromium-white.pdf   HTML printed by headless Chromium (white text as `1 1 1 rg`;
#                        a dark sidebar with white contact text that is NOT hidden)
#   writer-docx-white.pdf  a Writer document saved as DOCX, then printed by Writer
#                        (the DOCX route; the contact line is white on a dark table cell)
#   pdftex-white.pdf     pdfTeX with xcolor (white as `1 g`)
# Needs chromium, soffice and pdflatex; a missing one is skipped with a note.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/tests/fixtures/hidden}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

hidden="Kafka RabbitMQ Kubernetes Terraform Elasticsearch GraphQL"

cat > "$work/cv.html" <<EOF
<!doctype html><html><head><meta charset="utf-8"><title>Maya Lindqvist</title><style>
body{font-family:sans-serif;margin:0;font-size:11pt}
.side{background:#1f2d3d;color:#fff;width:30%;float:left;padding:12px;min-height:900px}
.main{margin-left:34%;padding:12px}
.keywords{color:#ffffff;font-size:9pt}
</style></head><body>
<div class="side"><h2>Maya Lindqvist</h2><p>maya.lindqvist@example.org</p>
<p>Malmö, Sweden</p></div>
<div class="main"><h1>Backend Engineer</h1>
<h3>Experience</h3>
<p>Nordbank, Backend Engineer, 2019 – 2024. Built payment services in Python and Django,
cutting checkout latency by 40%; moved nightly batch jobs to Celery with Redis.</p>
<p class="keywords">$hidden</p>
<h3>Education</h3>
<p>BSc Computer Science, Lund University, 2016</p></div>
</body></html>
EOF

cat > "$work/cv.fodt" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="Dark" style:family="table-cell">
  <style:table-cell-properties fo:background-color="#1f2d3d" fo:padding="0.1cm"/></style:style>
 <style:style style:name="OnDark" style:family="text">
  <style:text-properties fo:color="#ffffff"/></style:style>
 <style:style style:name="Hidden" style:family="text">
  <style:text-properties fo:color="#ffffff" fo:font-size="8pt"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<table:table table:name="Header"><table:table-column/>
<table:table-row><table:table-cell table:style-name="Dark" office:value-type="string">
<text:p><text:span text:style-name="OnDark">Maya Lindqvist · maya.lindqvist@example.org · Malmö</text:span></text:p>
</table:table-cell></table:table-row></table:table>
<text:p>Backend Engineer</text:p>
<text:p>Experience</text:p>
<text:p>Nordbank, Backend Engineer, 2019 – 2024. Built payment services in Python and Django, cutting checkout latency by 40%; moved nightly batch jobs to Celery with Redis.</text:p>
<text:p><text:span text:style-name="Hidden">$hidden</text:span></text:p>
<text:p>Education</text:p>
<text:p>BSc Computer Science, Lund University, 2016</text:p>
</office:text></office:body></office:document>
EOF

cat > "$work/cv.tex" <<EOF
\documentclass[11pt]{article}
\usepackage{lmodern}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{xcolor}
\pagestyle{empty}
\begin{document}
\section*{Maya Lindqvist}
Backend Engineer \\\\ maya.lindqvist@example.org
\subsection*{Experience}
Nordbank, Backend Engineer, 2019 -- 2024. Built payment services in Python and Django,
cutting checkout latency by 40\%; moved nightly batch jobs to Celery with Redis.

{\footnotesize\color{white} $hidden}
\subsection*{Education}
BSc Computer Science, Lund University, 2016
\end{document}
EOF

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
  "$chrome" --headless --disable-gpu --no-sandbox --no-pdf-header-footer \
    --print-to-pdf="$out/chromium-white.pdf" "file://$work/cv.html" >/dev/null 2>&1
else
  echo "make-hidden-pdfs: no chromium; skipped" >&2
fi

lo=(soffice -env:UserInstallation=file:///tmp/skillgap-lo-profile --headless)
if command -v soffice >/dev/null; then
  ( cd "$work"
    "${lo[@]}" --convert-to docx cv.fodt >/dev/null 2>&1
    mkdir -p pdf
    "${lo[@]}" --convert-to pdf --outdir pdf cv.docx >/dev/null 2>&1 )
  mv "$work/pdf/cv.pdf" "$out/writer-docx-white.pdf"
else
  echo "make-hidden-pdfs: no soffice; skipped" >&2
fi

if command -v pdflatex >/dev/null; then
  ( cd "$work" && pdflatex -interaction=batchmode -halt-on-error cv.tex >/dev/null 2>&1 )
  mv "$work/cv.pdf" "$out/pdftex-white.pdf"
else
  echo "make-hidden-pdfs: no pdflatex; skipped" >&2
fi
ls -l "$out"
