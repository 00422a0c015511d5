//! The HTML report: one self-contained page a job seeker opens in a browser, prints,
//! or reads on a phone. The score as a gauge, coverage bars, what to do, the
//! posting's skills as a checklist, the checks, and the resume text as extracted
//! with every skill mention highlighted by how it counts for the posting.
//!
//! Self-contained on purpose: inline CSS, no scripts, fonts, images or links to
//! fetch, so the file works offline and opening it reaches no server (resumes are
//! personal data). Every piece of text from the resume or the posting is escaped;
//! a resume that contains `<script>` shows those characters and nothing runs.

use std::collections::HashSet;
use std::fmt::Write;

use crate::judge::analysis::{Analysis, Highlight};
use crate::judge::posting::Level;
use crate::judge::score::{Check, CheckStatus, SkillKind, SkillResult, Status};
use crate::judge::suggest::{self, Suggestion};
use crate::prose::{capitalize, join_and};
use crate::read::sections::Document;

/// The report as a complete HTML document. `doc` is the resume the analysis was
/// built from: its text is shown, and `a.highlights` point into it.
pub fn analysis(a: &Analysis, doc: &Document) -> String {
    let mut out = String::with_capacity(doc.text().len() * 2 + 16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"color-scheme\" content=\"light\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"skillgap {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        out,
        "<title>skillgap: {} vs {}</title>",
        esc(&a.file),
        esc(&a.job)
    );
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    header(&mut out, a);
    out.push_str("<main>\n");
    summary(&mut out, a);
    if let Some(note) = &a.score_note {
        let _ = writeln!(
            out,
            "<div class=\"banner\" role=\"alert\"><strong>No score.</strong> {}.</div>",
            esc(&capitalize(note))
        );
    }
    out.push_str("<div class=\"advice\">\n");
    suggestions(&mut out, &a.suggestions);
    checks(&mut out, &a.checks, &a.suggestions, doc);
    out.push_str("</div>\n<div class=\"columns\">\n<aside>\n");
    checklist(&mut out, a);
    unknown_terms(&mut out, &a.unknown_terms);
    out.push_str("</aside>\n");
    resume(&mut out, a, doc);
    out.push_str("</div>\n</main>\n");
    let _ = writeln!(
        out,
        "<footer>Made by skillgap {} on this computer; nothing was uploaded.\
         <span class=\"screen-only\"> Hover a highlighted word to see which posting skill it satisfies.</span></footer>",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes text for HTML content and quoted attribute values alike.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// The colour band of a 0-100 value, as the terminal table colours it.
fn band(value: f64) -> &'static str {
    if value >= 75.0 {
        "good"
    } else if value >= 50.0 {
        "fair"
    } else {
        "low"
    }
}

fn header(out: &mut String, a: &Analysis) {
    out.push_str("<header class=\"top\">\n<p class=\"brand\">skillgap · resume match report</p>\n");
    let _ = writeln!(
        out,
        "<h1><span class=\"file\">{}</span> <span class=\"vs\">vs</span> <span class=\"file\">{}</span></h1>",
        esc(&a.file),
        esc(&a.job)
    );
    let mut facts = Vec::new();
    if let Some(title) = &a.job_title {
        facts.push(format!("Posting: <b>{}</b>", esc(title)));
    }
    if let Some(title) = &a.resume_title {
        facts.push(format!("Your latest title: <b>{}</b>", esc(title)));
    }
    facts.push(format!("Dated roles: <b>{:.1} years</b>", a.years_shown));
    if !a.flags.is_empty() {
        facts.push(format!("Flags: <b>{}</b>", esc(&a.flags.join(", "))));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        facts.join(" · ")
    );
}

/// The score gauge and the coverage bars.
fn summary(out: &mut String, a: &Analysis) {
    // Circumference of the gauge ring (radius 52 in a 120-unit box).
    const RING: f64 = 2.0 * std::f64::consts::PI * 52.0;
    out.push_str("<section class=\"summary\" aria-label=\"Score\">\n");
    let (class, shown, filled, label) = match a.score {
        Some(score) => (
            band(score),
            format!("{score:.1}"),
            RING * score.clamp(0.0, 100.0) / 100.0,
            format!("Keyword score {score:.1} out of 100"),
        ),
        None => ("none", "–".to_string(), 0.0, "No score".to_string()),
    };
    let _ = writeln!(
        out,
        "<div class=\"card score-card {class}\">\n\
         <div class=\"gauge\"><svg viewBox=\"0 0 120 120\" role=\"img\" aria-label=\"{label}\">\
         <circle class=\"track\" cx=\"60\" cy=\"60\" r=\"52\"/>\
         <circle class=\"value\" cx=\"60\" cy=\"60\" r=\"52\" stroke-dasharray=\"{filled:.2} {RING:.2}\" transform=\"rotate(-90 60 60)\"/>\
         </svg><div class=\"gauge-label\"><span class=\"score\" id=\"score\">{shown}</span><span class=\"of\">/ 100</span></div></div>\n\
         <p class=\"caption\">Keyword match with the posting</p>\n</div>"
    );

    out.push_str("<div class=\"card coverage\">\n<h2>Coverage</h2>\n");
    for (name, c) in [("Required", a.required), ("Preferred", a.preferred)] {
        if c.total == 0 {
            continue;
        }
        let p = percent(c.matched, c.total);
        let _ = writeln!(
            out,
            "<div class=\"meter\"><span class=\"meter-name\">{name}</span>\
             <span class=\"bar\"><span class=\"fill {}\" style=\"width:{p:.1}%\"></span></span>\
             <span class=\"meter-value\" id=\"{}\">{}/{}</span></div>",
            band(p),
            name.to_lowercase(),
            c.matched,
            c.total
        );
    }
    for (name, value) in [
        ("Evidence", a.evidence_score),
        ("Hard skills", a.hard_score),
        ("Soft skills", a.soft_score),
    ] {
        if let Some(v) = value {
            let _ = writeln!(
                out,
                "<div class=\"meter\"><span class=\"meter-name\">{name}</span>\
                 <span class=\"bar\"><span class=\"fill {}\" style=\"width:{v:.1}%\"></span></span>\
                 <span class=\"meter-value\">{v:.0}%</span></div>",
                band(v)
            );
        }
    }
    let count = |s: Status| a.skills.iter().filter(|r| r.status == s).count();
    out.push_str("<p class=\"tally\">");
    for status in [
        Status::Exact,
        Status::Alias,
        Status::Implied,
        Status::Missing,
    ] {
        let _ = write!(
            out,
            "<span class=\"chip {0}\"><b>{1}</b> {0}</span> ",
            status.as_str(),
            count(status)
        );
    }
    out.push_str("</p>\n</div>\n</section>\n");
}

fn suggestions(out: &mut String, list: &[Suggestion]) {
    if list.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"card suggestions\">\n<h2>What to do, most valuable first</h2>\n<ol>\n",
    );
    for s in list {
        let tag = match s.kind {
            suggest::Kind::Add => "add",
            suggest::Kind::Wording => "wording",
            suggest::Kind::State => "state",
            suggest::Kind::Show => "show",
            suggest::Kind::Title => "title",
            suggest::Kind::Years => "years",
            suggest::Kind::Education => "education",
            suggest::Kind::Trim => "trim",
            suggest::Kind::Readability => "readability",
            suggest::Kind::Writing => "writing",
        };
        let _ = writeln!(
            out,
            "<li><span class=\"tag {tag}\">{tag}</span> {}</li>",
            esc(&s.message)
        );
    }
    out.push_str("</ol>\n</section>\n");
}

/// The posting's skills, required first, each with how the resume covers it.
fn checklist(out: &mut String, a: &Analysis) {
    let skills = &a.skills;
    out.push_str("<section class=\"card skills\">\n<h2>What the posting asks for</h2>\n");
    if skills.is_empty() {
        out.push_str("<p class=\"muted\">The posting names no skills from the lexicon.</p>\n");
    }
    for level in [Level::Required, Level::Preferred] {
        let group: Vec<&SkillResult> = skills.iter().filter(|s| s.level == level).collect();
        if group.is_empty() {
            continue;
        }
        // A group of alternatives counts once, as in the score.
        let coverage = match level {
            Level::Required => a.required,
            Level::Preferred => a.preferred,
        };
        let _ = writeln!(
            out,
            "<h3>{} <span class=\"count\">{}/{}</span></h3>\n<ul class=\"checklist\">",
            capitalize(level.as_str()),
            coverage.matched,
            coverage.total
        );
        for s in group {
            let found_in = if s.sections.is_empty() {
                String::new()
            } else {
                format!(" · in {}", s.sections.join(", "))
            };
            let (icon, detail) = match s.status {
                Status::Exact => (
                    "✓",
                    format!("written as “{}”{found_in}", s.resume_forms.join("”, “")),
                ),
                Status::Alias => (
                    "≈",
                    format!(
                        "you wrote “{}”; the posting writes “{}”{found_in}",
                        s.resume_forms.join("”, “"),
                        s.posting_forms
                            .first()
                            .map_or(s.name.as_str(), String::as_str)
                    ),
                ),
                Status::Implied => (
                    "◐",
                    format!(
                        "only implied by {}; state it",
                        join_and(&s.implied_by.iter().map(String::as_str).collect::<Vec<_>>())
                    ),
                ),
                Status::Missing => ("✗", "not in your resume".to_string()),
            };
            let detail = match s.group.and_then(|g| a.groups.get(g as usize)) {
                Some(g) => format!("{detail} · one of {}", g.label),
                None => detail,
            };
            let soft = if s.kind == SkillKind::Soft {
                " <span class=\"soft\">soft</span>"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<li class=\"skill {st}\"><span class=\"icon\" aria-hidden=\"true\">{icon}</span>\
                 <span class=\"body\"><span class=\"name\">{}</span>{soft} <span class=\"chip {st}\">{st}</span>\
                 <span class=\"detail\">{}</span></span></li>",
                esc(&s.name),
                esc(&detail),
                st = s.status.as_str()
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// A readable name for a check id; the id itself stays visible for the JSON.
fn check_label(id: &str) -> &str {
    match id {
        "job_title" => "Job title",
        "years_of_experience" => "Years of experience",
        "skill_years" => "Years per skill",
        "keyword_stuffing" => "Keyword stuffing",
        "education" => "Education",
        "text_layer" => "Text layer",
        "garbled_text" => "Readable characters",
        "glued_words" => "Spaces between words",
        "two_column" => "Columns",
        "contact" => "Contact details",
        "headings" => "Section headings",
        "length" => "Length",
        "file_type" => "File type and size",
        "measurable_results" => "Measurable results",
        "action_verbs" => "Action verbs",
        "buzzwords" => "Clichés",
        "first_person" => "Personal pronouns",
        "tense" => "Tense",
        "date_format" => "Date format",
        other => other,
    }
}

/// How many of a check's lines are quoted under it.
const QUOTED_LINES: usize = 6;

/// "Line 57: “Worked closely with compliance and product…”": a line a check is about,
/// with its first words, since the page shows no line numbers.
fn quoted_line(doc: &Document, line: usize) -> String {
    if line == 0 || line > doc.line_count() {
        return format!("Line {line}");
    }
    let text = doc.line_text(line).trim().trim_start_matches('•').trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut quote = words.iter().take(7).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 7 {
        quote.push('…');
    }
    format!("Line {line}: “{quote}”")
}

/// The checks; one whose sentence is also a numbered suggestion above points at it
/// instead of saying it twice.
fn checks(out: &mut String, list: &[Check], advice: &[Suggestion], doc: &Document) {
    if list.is_empty() {
        return;
    }
    out.push_str("<section class=\"card checks\">\n<h2>Checks</h2>\n<ul>\n");
    for c in list {
        let status = c.status.as_str();
        let mark = match c.status {
            CheckStatus::Pass => "✓",
            CheckStatus::Warn => "!",
            CheckStatus::Fail => "✗",
            CheckStatus::Info => "i",
        };
        let lines = if c.lines.is_empty() {
            String::new()
        } else {
            let mut quoted: Vec<String> = c
                .lines
                .iter()
                .take(QUOTED_LINES)
                .map(|&l| quoted_line(doc, l))
                .collect();
            if c.lines.len() > QUOTED_LINES {
                quoted.push(format!("and {} more", c.lines.len() - QUOTED_LINES));
            }
            format!("<span class=\"lines\">{}</span>", esc(&quoted.join(" · ")))
        };
        let _ = writeln!(
            out,
            "<li class=\"check {status}\" id=\"check-{id}\"><span class=\"pill {status}\" aria-hidden=\"true\">{mark}</span>\
             <span class=\"body\"><span class=\"name\" title=\"{id}\">{}</span> <span class=\"status\">{status}</span>\
             <span class=\"detail\">{}</span>{lines}</span></li>",
            esc(check_label(c.id)),
            match advice.iter().position(|s| {
                s.message == c.message || s.message == crate::prose::with_lines(&c.message, &c.lines)
            }) {
                Some(i) => format!("See suggestion {} above.", i + 1),
                None => esc(&c.message),
            },
            id = esc(c.id),
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn unknown_terms(out: &mut String, terms: &[String]) {
    if terms.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"card unknown\">\n<h2>Not in the lexicon</h2>\n\
         <p class=\"muted\">Terms in the posting that look technical but that skillgap does not know, \
         so they are not scored; check them yourself.</p>\n<p>",
    );
    for t in terms {
        let _ = write!(out, "<span class=\"chip term\">{}</span> ", esc(t));
    }
    out.push_str("</p>\n</section>\n");
}

/// The resume text with each mention highlighted and the detected headings marked.
fn resume(out: &mut String, a: &Analysis, doc: &Document) {
    out.push_str(
        "<section class=\"card resume\">\n<h2>Your resume, as an ATS reads it</h2>\n\
         <p class=\"legend\"><span><span class=\"hl exact\">exact</span> the posting's wording</span> \
         <span><span class=\"hl alias\">alias</span> same skill, other wording</span> \
         <span><span class=\"hl implied\">implied</span> implies a skill the posting asks for</span> \
         <span><span class=\"hl other\">other</span> not asked for</span></p>\n\
         <pre class=\"resume-text\">",
    );
    highlighted_text(out, a, doc);
    out.push_str("</pre>\n</section>\n");
}

fn highlighted_text(out: &mut String, a: &Analysis, doc: &Document) {
    let text = doc.text();
    let heading_lines: HashSet<usize> = doc.sections().iter().map(|s| s.start_line).collect();
    let mut marks: Vec<&Highlight> = a
        .highlights
        .iter()
        .filter(|h| {
            h.span.start < h.span.end
                && h.span.end <= text.len()
                && text.is_char_boundary(h.span.start)
                && text.is_char_boundary(h.span.end)
        })
        .collect();
    marks.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    // Blank lines before the first text and after the last are not worth showing.
    let first_text = text.len() - text.trim_start().len();
    let mut pos = text[..first_text].rfind('\n').map_or(0, |i| i + 1);
    let end = text.trim_end().len();
    for h in marks {
        if h.span.start < pos {
            continue; // overlaps the previous highlight
        }
        plain_text(out, doc, &heading_lines, pos, h.span.start);
        let class = h.status().map_or("other", Status::as_str);
        let _ = write!(
            out,
            "<mark class=\"hl {class}\" title=\"{}\">{}</mark>",
            esc(&mark_title(h)),
            esc(&text[h.span.clone()])
        );
        pos = h.span.end;
    }
    plain_text(out, doc, &heading_lines, pos, end);
}

/// Text between highlights; whole lines that are section headings get their own
/// style, so the reader sees which headings the parser recognised.
fn plain_text(out: &mut String, doc: &Document, headings: &HashSet<usize>, from: usize, to: usize) {
    let text = doc.text();
    let bytes = text.as_bytes();
    let mut start = from;
    loop {
        let end = text[start..to].find('\n').map_or(to, |i| start + i);
        let piece = &text[start..end];
        let whole_line =
            (start == 0 || bytes[start - 1] == b'\n') && (end == text.len() || bytes[end] == b'\n');
        if whole_line && !piece.trim().is_empty() && headings.contains(&doc.line_of(start)) {
            let _ = write!(out, "<span class=\"heading\">{}</span>", esc(piece));
        } else {
            out.push_str(&esc(piece));
        }
        if end >= to {
            break;
        }
        out.push('\n');
        start = end + 1;
    }
}

/// The hover text of a highlight: which posting skills it satisfies, and how.
fn mark_title(h: &Highlight) -> String {
    if h.satisfies.is_empty() {
        return format!("{}: the posting does not ask for it", h.skill);
    }
    h.satisfies
        .iter()
        .map(|s| {
            let level = s.level.as_str();
            match s.status {
                Status::Exact => format!(
                    "Satisfies {} ({level}): exact, your resume uses the posting's wording",
                    s.name
                ),
                Status::Alias => format!(
                    "Satisfies {} ({level}) as an alias: the posting writes “{}”; use that wording too",
                    s.name, s.posting_form
                ),
                Status::Implied => format!(
                    "Implies {} ({level}): partial credit; state {} explicitly",
                    s.name, s.name
                ),
                Status::Missing => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The stylesheet: light, readable, no web fonts; a print style and a one-column
/// layout for narrow screens.
const CSS: &str = r#"
:root {
  --ink: #1d2433; --muted: #5d6679; --line: #e3e6ee; --bg: #f5f6fa; --card: #fff;
  --exact: #1c8a4c; --exact-bg: #d3f3df; --alias: #2f64d6; --alias-bg: #dce8ff;
  --implied: #b77800; --implied-bg: #ffedc2; --missing: #c8322f; --missing-bg: #fde1df;
  --info: #6b7280;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
}
header.top, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header.top { padding-top: 28px; padding-bottom: 8px; }
.brand { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 6px; font-size: 26px; line-height: 1.25; overflow-wrap: anywhere; }
h1 .vs { color: var(--muted); font-weight: 400; font-size: 18px; }
.meta { margin: 0; color: var(--muted); font-size: 14px; }
h2 { margin: 0 0 12px; font-size: 17px; }
h3 { margin: 16px 0 6px; font-size: 14px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
h3 .count { font-weight: 400; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; margin: 16px 0; box-shadow: 0 1px 2px rgba(20, 30, 60, .05); }
.muted { color: var(--muted); font-size: 14px; }
.summary { display: grid; grid-template-columns: 250px minmax(0, 1fr); gap: 16px; }
.summary .card { margin: 0; }
.score-card { text-align: center; }
.gauge { position: relative; width: 170px; height: 170px; margin: 0 auto; }
.gauge svg { width: 100%; height: 100%; }
.gauge circle { fill: none; stroke-width: 12; }
.gauge .track { stroke: var(--line); }
.gauge .value { stroke-linecap: round; }
.good .value { stroke: var(--exact); }
.fair .value { stroke: var(--implied); }
.low .value { stroke: var(--missing); }
.gauge-label { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; }
.score { font-size: 38px; font-weight: 700; line-height: 1; }
.good .score { color: var(--exact); } .fair .score { color: var(--implied); } .low .score { color: var(--missing); } .none .score { color: var(--muted); }
.of { color: var(--muted); font-size: 14px; margin-top: 4px; }
.caption { margin: 8px 0 0; color: var(--muted); font-size: 14px; }
.meter { display: grid; grid-template-columns: 110px minmax(0, 1fr) 64px; align-items: center; gap: 12px; margin: 10px 0; }
.meter-name { font-weight: 600; font-size: 14px; }
.meter-value { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.bar { display: block; height: 12px; border-radius: 6px; background: var(--line); overflow: hidden; }
.fill { display: block; height: 100%; border-radius: 6px; }
.fill.good { background: var(--exact); } .fill.fair { background: var(--implied); } .fill.low { background: var(--missing); }
.tally { margin: 14px 0 0; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; line-height: 1.6; background: var(--line); color: var(--ink); white-space: nowrap; }
.chip.exact { background: var(--exact-bg); color: #125c33; }
.chip.alias { background: var(--alias-bg); color: #1f448f; }
.chip.implied { background: var(--implied-bg); color: #7a5000; }
.chip.missing { background: var(--missing-bg); color: #8f1f1c; }
.chip.term { font-size: 13px; margin: 2px 0; }
.banner { margin: 16px 0; padding: 14px 18px; border-radius: 12px; background: var(--missing-bg); border: 1px solid #f3b4b0; color: #6e1714; font-size: 15px; }
.suggestions ol { margin: 0; padding-left: 22px; font-size: 14px; }
.suggestions li { margin: 4px 0; padding-left: 4px; }
.tag { display: inline-block; min-width: 74px; text-align: center; margin-right: 6px; padding: 0 6px; border-radius: 4px; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; background: var(--line); color: var(--muted); vertical-align: 1px; }
.tag.add { background: var(--missing-bg); color: #8f1f1c; }
.tag.wording { background: var(--alias-bg); color: #1f448f; }
.tag.state, .tag.show { background: var(--implied-bg); color: #7a5000; }
.tag.readability { background: #2b2f3a; color: #fff; }
.advice, .columns { display: grid; grid-template-columns: minmax(0, 1.85fr) minmax(0, 1fr); gap: 16px; align-items: start; }
.advice { align-items: stretch; }
.advice > .card { margin: 16px 0 0; }
.advice > :only-child { grid-column: 1 / -1; }
.columns > aside { grid-column: 2; grid-row: 1; }
.columns > .resume { grid-column: 1; grid-row: 1; }
.columns .card:first-child { margin-top: 0; }
.checklist, .checks ul { list-style: none; margin: 0; padding: 0; }
.checklist li, .checks li { display: flex; gap: 10px; align-items: flex-start; padding: 7px 0; border-top: 1px solid var(--line); }
.checklist li:first-child, .checks li:first-child { border-top: 0; }
.icon, .pill { flex: none; width: 22px; height: 22px; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; font-size: 13px; font-weight: 700; }
.skill.exact .icon { background: var(--exact-bg); color: var(--exact); }
.skill.alias .icon { background: var(--alias-bg); color: var(--alias); }
.skill.implied .icon { background: var(--implied-bg); color: var(--implied); }
.skill.missing .icon { background: var(--missing-bg); color: var(--missing); }
.body { min-width: 0; }
.name { font-weight: 600; }
.soft { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.detail { display: block; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.pill.pass { background: var(--exact-bg); color: var(--exact); }
.pill.warn { background: var(--implied-bg); color: var(--implied); }
.pill.fail { background: var(--missing-bg); color: var(--missing); }
.pill.info { background: var(--line); color: var(--info); }
.check .status { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.check.pass .status { color: var(--exact); } .check.warn .status { color: var(--implied); }
.check.fail .status { color: var(--missing); } .check.info .status { color: var(--info); }
.check.fail .detail, .check.warn .detail { color: var(--ink); }
.check .lines { display: block; font-size: 12px; color: var(--muted); }
.legend { font-size: 13px; color: var(--muted); margin: 0 0 12px; line-height: 2; }
.legend > span { white-space: nowrap; margin-right: 12px; }
.resume-text {
  margin: 0; padding: 16px; background: #fbfbfd; border: 1px solid var(--line); border-radius: 8px;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal;
  font: 13.5px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
}
.resume-text .heading { display: inline-block; font-weight: 700; color: #0f3d91; border-bottom: 2px solid #c9d7f5; }
.hl { border-radius: 3px; padding: 0 1px; margin: 0 -1px; color: inherit; }
.hl.exact { background: var(--exact-bg); box-shadow: inset 0 -2px var(--exact); }
.hl.alias { background: var(--alias-bg); box-shadow: inset 0 -2px var(--alias); }
.hl.implied { background: var(--implied-bg); box-shadow: inset 0 -2px var(--implied); }
.hl.other { background: transparent; box-shadow: inset 0 -1px #9aa3b5; }
mark.hl { cursor: help; }
footer { color: var(--muted); font-size: 13px; padding-top: 8px; padding-bottom: 32px; }
@media (max-width: 860px) {
  .advice, .columns { grid-template-columns: minmax(0, 1fr); }
  .columns > aside, .columns > .resume { grid-column: 1; grid-row: auto; }
  .columns .card:first-child { margin-top: 16px; }
}
@media (max-width: 600px) {
  body { font-size: 15px; }
  header.top, main, footer { padding: 0 12px; }
  header.top { padding-top: 18px; }
  h1 { font-size: 21px; }
  .summary { grid-template-columns: minmax(0, 1fr); }
  .card { padding: 14px; border-radius: 10px; }
  .meter { grid-template-columns: 84px minmax(0, 1fr) 52px; gap: 8px; }
  .resume-text { padding: 10px; font-size: 12.5px; }
  .tag { min-width: 0; }
  .gauge { width: 136px; height: 136px; }
  .score { font-size: 32px; }
}
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 14mm; }
  body { background: #fff; font-size: 10.5pt; }
  header.top, main, footer { max-width: none; padding: 0; }
  .card { border: 0; border-radius: 0; box-shadow: none; padding: 0; margin: 0 0 18px; }
  h2 { border-bottom: 1px solid #ccd; padding-bottom: 4px; break-after: avoid; }
  h3 { break-after: avoid; }
  li, .meter, .summary { break-inside: avoid; }
  .summary { grid-template-columns: 190px minmax(0, 1fr); margin-bottom: 18px; }
  .advice, .columns { display: block; }
  .advice > .card { margin: 0 0 18px; }
  .columns .card:first-child { margin-top: 0; }
  .checklist { columns: 2; column-gap: 28px; }
  .checklist li:first-child { border-top: 1px solid var(--line); }
  .resume-text { font-size: 9pt; background: #fff; }
  .banner { border-width: 2px; }
  .screen-only { display: none; }
  footer { padding-top: 12px; }
}
"#;

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            esc(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
