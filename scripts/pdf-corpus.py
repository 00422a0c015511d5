#!/usr/bin/env python3
"""Renders plain-text resumes into the source formats real CVs come from.

Input: resume text files in the layout of examples/resume.txt (name, title, contact
line, then UPPERCASE headings, paragraphs and "•" bullets). For each resume STEM it
writes into OUT_DIR:

  STEM.lo-1col.fodt     Writer, one column, ragged right
  STEM.lo-2col.fodt     Writer, a two-column section (text flows column to column)
  STEM.lo-table.fodt    Writer, a two-cell table: sidebar (skills, education) | main
  STEM.lo-smallcaps.fodt  Writer, justified text, letter-spaced small-caps headings
  STEM.pdftex-1col.tex  LaTeX for pdfTeX, one column, tracked small-caps headings
  STEM.pdftex-2col.tex  LaTeX for pdfTeX, paracol sidebar | main, as CV templates set
                        it: a ragged-right sidebar of 0.3 of the text width and a
                        gutter of 0.04 (about 2 em), no overfull line
                        (the main column may stretch its spaces 2 em)
  STEM.xetex-2col.tex   LaTeX for XeTeX (TeX Gyre Heros), the same, letter-spaced
  STEM.pdftex-2col-tight.tex, STEM.xetex-2col-tight.tex
                        stress renderings, not what a careful author sends: a
                        justified sidebar of 0.32 and a 1.4 em gutter, whose overfull
                        lines run into the gutter up to the main column, so readers
                        that go by gaps alone (pdftotext) merge the two columns
  STEM.html-1col.html   HTML for a browser's print to PDF, one column
  STEM.html-2col.html   HTML with a CSS grid sidebar | main

Usage: pdf-corpus.py OUT_DIR RESUME.txt...
"""

import html
import pathlib
import sys

SIDEBAR = {"SKILLS", "TECHNICAL SKILLS", "EDUCATION", "CERTIFICATIONS", "LANGUAGES"}


def parse(text):
    lines = text.splitlines()
    name, title, contact = lines[0], lines[1], lines[2]
    sections = []
    for line in lines[3:]:
        line = line.strip()
        if not line:
            if sections and sections[-1][1] and sections[-1][1][-1] != ("gap", ""):
                sections[-1][1].append(("gap", ""))
            continue
        if line.isupper() and len(line) < 40 and not line.startswith("•"):
            sections.append((line, []))
        elif line.startswith("•"):
            sections[-1][1].append(("bullet", line.lstrip("• ").strip()))
        else:
            sections[-1][1].append(("para", line))
    return name, title, contact, sections


def split(sections):
    side = [s for s in sections if s[0] in SIDEBAR]
    main = [s for s in sections if s[0] not in SIDEBAR]
    return side, main


# ---------------------------------------------------------------- LibreOffice

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.06cm" fo:text-align="{align}"/>
   <style:text-properties style:font-name="{font}" fo:font-size="10pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Name" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="20pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="H" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.12cm" fo:text-align="start"/>
   <style:text-properties fo:font-size="11pt" fo:font-weight="bold" {heading_props}/>
  </style:style>
  <style:style style:name="B" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.3cm"/>
  </style:style>
  <style:style style:name="Cols" style:family="section">
   <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
  </style:style>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="17cm" table:align="left"/>
  </style:style>
  <style:style style:name="Tbl.A" style:family="table-column">
   <style:table-column-properties style:column-width="5.2cm"/>
  </style:style>
  <style:style style:name="Tbl.B" style:family="table-column">
   <style:table-column-properties style:column-width="11.8cm"/>
  </style:style>
  <style:style style:name="Tbl.Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.2cm" fo:border="none"/>
  </style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body><office:text>
"""


def odt_para(style, text):
    return f'<text:p text:style-name="{style}">{html.escape(text, quote=False)}</text:p>\n'


def odt_sections(sections):
    out = []
    for heading, items in sections:
        out.append(odt_para("H", heading.title() if heading.isupper() else heading))
        for kind, text in items:
            if kind == "bullet":
                out.append(odt_para("B", "• " + text))
            elif kind == "para":
                out.append(odt_para("Standard", text))
    return "".join(out)


def fodt(resume, layout, font="Liberation Sans"):
    name, title, contact, sections = resume
    align = "justify" if layout == "smallcaps" else "start"
    heading_props = ""
    if layout == "smallcaps":
        heading_props = 'fo:font-variant="small-caps" fo:letter-spacing="0.08cm"'
    out = [FODT_HEAD.format(font=font, align=align, heading_props=heading_props)]
    out.append(odt_para("Name", name.title()))
    out.append(odt_para("Title", title))
    out.append(odt_para("Standard", contact))
    side, main = split(sections)
    if layout == "2col":
        out.append('<text:section text:style-name="Cols" text:name="Body">\n')
        out.append(odt_sections(main + side))
        out.append("</text:section>\n")
    elif layout == "table":
        out.append('<table:table table:name="Layout" table:style-name="Tbl">\n')
        out.append('<table:table-column table:style-name="Tbl.A"/>')
        out.append('<table:table-column table:style-name="Tbl.B"/>\n<table:table-row>\n')
        for part in (side, main):
            out.append('<table:table-cell table:style-name="Tbl.Cell" office:value-type="string">\n')
            out.append(odt_sections(part))
            out.append("</table:table-cell>\n")
        out.append("</table:table-row></table:table>\n")
    else:
        out.append(odt_sections(sections))
    out.append("</office:text></office:body></office:document>\n")
    return "".join(out)


# ---------------------------------------------------------------- LaTeX

def tex_escape(text):
    repl = {
        "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
        "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}",
    }
    return "".join(repl.get(c, c) for c in text)


def tex_sections(sections):
    out = []
    for heading, items in sections:
        out.append(f"\\heading{{{tex_escape(heading.title())}}}\n")
        in_list = False
        for kind, text in items:
            if kind == "bullet" and not in_list:
                out.append("\\begin{itemize}\n")
                in_list = True
            if kind != "bullet" and in_list:
                out.append("\\end{itemize}\n")
                in_list = False
            if kind == "bullet":
                out.append(f"\\item {tex_escape(text)}\n")
            elif kind == "para":
                out.append(f"{tex_escape(text)}\\par\n")
            else:
                out.append("\\smallskip\n")
        if in_list:
            out.append("\\end{itemize}\n")
    return "".join(out)


def tex(resume, engine, layout):
    name, title, contact, sections = resume
    if engine == "xetex":
        fonts = ("\\usepackage{fontspec}\n\\setmainfont{TeX Gyre Heros}\n"
                 "\\newcommand{\\tracked}[1]{{\\addfontfeatures{LetterSpace=14}\\scshape #1}}\n")
    else:
        fonts = ("\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n"
                 "\\usepackage[letterspace=140]{microtype}\n"
                 "\\newcommand{\\tracked}[1]{\\textsc{\\textls{#1}}}\n")
    head = f"""\\documentclass[10pt]{{article}}
\\usepackage[a4paper,margin=1.7cm]{{geometry}}
{fonts}\\usepackage{{paracol}}
\\usepackage{{enumitem}}
\\usepackage[hidelinks]{{hyperref}}
\\setlist[itemize]{{leftmargin=1.2em,itemsep=1pt,topsep=2pt}}
\\setlength{{\\parindent}}{{0pt}}
\\pagestyle{{empty}}
\\newcommand{{\\heading}}[1]{{\\par\\medskip{{\\large\\tracked{{#1}}}}\\par\\smallskip}}
\\begin{{document}}
{{\\LARGE\\bfseries {tex_escape(name.title())}}}\\par
{{\\large {tex_escape(title)}}}\\par
{{\\small {tex_escape(contact)}}}\\par
"""
    side, main = split(sections)
    if layout == "2col":
        # As CV templates set a sidebar: ragged right in its narrow measure (no
        # hyphens, no overfull lines) and a clear gutter; the main column may
        # stretch its spaces a little rather than overfill a line.
        body = ("\\columnratio{0.3}\n\\setlength{\\columnsep}{0.04\\textwidth}\n"
                "\\setlength{\\emergencystretch}{2em}\n"
                "\\begin{paracol}{2}\n\\begingroup\\raggedright\n"
                + tex_sections(side) + "\\par\\endgroup\n\\switchcolumn\n" + tex_sections(main)
                + "\\end{paracol}\n")
    elif layout == "2col-tight":
        # The stress rendering: a justified sidebar whose overfull lines touch the
        # main column.
        body = ("\\columnratio{0.32}\n\\setlength{\\columnsep}{1.4em}\n\\begin{paracol}{2}\n"
                + tex_sections(side) + "\\switchcolumn\n" + tex_sections(main)
                + "\\end{paracol}\n")
    else:
        body = tex_sections(sections)
    return head + body + "\\end{document}\n"


# ---------------------------------------------------------------- HTML

def html_sections(sections):
    out = []
    for heading, items in sections:
        out.append(f"<h2>{html.escape(heading.title())}</h2>\n")
        in_list = False
        for kind, text in items:
            if kind == "bullet" and not in_list:
                out.append("<ul>\n")
                in_list = True
            if kind != "bullet" and in_list:
                out.append("</ul>\n")
                in_list = False
            if kind == "bullet":
                out.append(f"<li>{html.escape(text)}</li>\n")
            elif kind == "para":
                out.append(f"<p>{html.escape(text)}</p>\n")
        if in_list:
            out.append("</ul>\n")
    return "".join(out)


def page(resume, layout):
    name, title, contact, sections = resume
    style = """<style>
@page { size: A4; margin: 16mm 18mm; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; line-height: 1.3; }
h1 { font-size: 20pt; margin: 0; } .title { font-size: 12pt; }
h2 { font-size: 11pt; font-variant: small-caps; letter-spacing: 0.12em; border-bottom: 1px solid #999; margin: 12px 0 4px; }
ul { margin: 2px 0; padding-left: 1.1em; } p { margin: 2px 0; }
.grid { display: grid; grid-template-columns: 32% 1fr; column-gap: 7mm; }
</style>"""
    head = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(name)}</title>{style}</head><body>\n"
            f"<h1>{html.escape(name.title())}</h1><div class='title'>{html.escape(title)}</div>"
            f"<div>{html.escape(contact)}</div>\n")
    side, main = split(sections)
    if layout == "2col":
        body = f"<div class='grid'><div>{html_sections(side)}</div><div>{html_sections(main)}</div></div>\n"
    else:
        body = html_sections(sections)
    return head + body + "</body></html>\n"


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for path in map(pathlib.Path, sys.argv[2:]):
        resume = parse(path.read_text(encoding="utf-8"))
        stem = path.stem
        for layout in ("1col", "2col", "table", "smallcaps"):
            (out / f"{stem}.lo-{layout}.fodt").write_text(fodt(resume, layout), encoding="utf-8")
        (out / f"{stem}.pdftex-1col.tex").write_text(tex(resume, "pdftex", "1col"), encoding="utf-8")
        for engine in ("pdftex", "xetex"):
            for layout in ("2col", "2col-tight"):
                (out / f"{stem}.{engine}-{layout}.tex").write_text(
                    tex(resume, engine, layout), encoding="utf-8")
        for layout in ("1col", "2col"):
            (out / f"{stem}.html-{layout}.html").write_text(page(resume, layout), encoding="utf-8")


if __name__ == "__main__":
    main()
