//! `jobs` as one self-contained HTML page: the ranked postings, a bar chart (inline
//! SVG) of the skills most postings ask for that the resume lacks, the gap table with
//! unlock counts, and the resume's skills no posting asks for.
//!
//! Like the `match` report: inline CSS, no scripts, fonts, images or links to fetch,
//! and every piece of text from the postings or the resume escaped.

use std::fmt::Write;

use crate::judge::market::{GapSkill, JobRow, Market};
use crate::judge::row::RowStatus;
use crate::report::html::esc;

/// Skills in the chart.
const CHART_BARS: usize = 12;

/// The page, complete.
pub fn page(m: &Market) -> String {
    let mut out = String::with_capacity(16 * 1024 + m.postings.len() * 400);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"skillgap {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<title>skillgap jobs: {}</title>", esc(&m.resume));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>\n<main>");
    let s = &m.summary;
    let _ = writeln!(
        out,
        "<p class=\"brand\">skillgap jobs</p>\n<h1>Postings for {}</h1>\n<p class=\"meta\" id=\"summary\">{} read, {} counted, {} duplicate{}, {} unreadable, {} naming no skills, {} already fully covered.</p>",
        esc(&m.resume),
        s.read,
        s.counted,
        s.duplicates,
        if s.duplicates == 1 { "" } else { "s" },
        s.errors,
        s.without_skills,
        s.fully_covered
    );
    postings(&mut out, &m.postings);
    out.push_str(
        "<section id=\"gap\">\n<h2>Skills the postings ask for that the resume lacks</h2>\n",
    );
    if m.gap.is_empty() {
        out.push_str("<p>The resume shows every skill these postings name.</p>\n");
    } else {
        chart(&mut out, &m.gap, s.counted - s.without_skills);
        gap_table(&mut out, &m.gap);
    }
    out.push_str("</section>\n");
    if !m.unused.is_empty() {
        let items: Vec<String> = m
            .unused
            .iter()
            .map(|u| format!("<li>{}</li>", esc(u)))
            .collect();
        let _ = writeln!(
            out,
            "<section id=\"unused\">\n<h2>Your skills no posting asks for</h2>\n<ul class=\"tags\">{}</ul>\n</section>",
            items.join("")
        );
    }
    let _ = writeln!(
        out,
        "<footer>Made by skillgap {} on this computer; nothing was uploaded. Fit ranks postings by the Wilson lower bound of the score over the skills each posting names.</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn postings(out: &mut String, rows: &[JobRow]) {
    out.push_str("<section id=\"postings\">\n<h2>Postings, best fit first</h2>\n<table>\n<thead><tr><th>#</th><th>Fit</th><th>Score</th><th>Required</th><th>Title</th><th>Company</th><th>File</th><th>Missing required / note</th></tr></thead>\n<tbody>\n");
    let mut place = 0;
    for r in rows {
        let (class, rank) = if r.status == RowStatus::Error {
            ("error", "-".to_string())
        } else if r.duplicate_of.is_some() {
            ("duplicate", "-".to_string())
        } else if r.score.is_none() {
            ("empty", "-".to_string())
        } else {
            place += 1;
            ("ok", place.to_string())
        };
        let note = if let Some(e) = &r.error {
            esc(e)
        } else if let Some(first) = &r.duplicate_of {
            format!("duplicate of {}", esc(first))
        } else if let Some(n) = &r.note {
            esc(n)
        } else if r.missing_required.is_empty() {
            "all required skills shown".to_string()
        } else {
            r.missing_required
                .iter()
                .map(|s| format!("<span class=\"skill\">{}</span>", esc(s)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let required = if r.score.is_some() {
            format!("{}/{}", r.required.matched, r.required.total)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><td>{rank}</td><td class=\"num fit\">{}</td><td class=\"num\">{}</td><td class=\"num\">{required}</td><td>{}</td><td>{}</td><td class=\"file\">{}</td><td>{note}</td></tr>",
            r.fit.map_or("–".into(), |v| format!("{v:.1}")),
            r.score.map_or("–".into(), |v| format!("{v:.1}")),
            esc(r.title.as_deref().unwrap_or("")),
            esc(r.company.as_deref().unwrap_or("")),
            esc(&r.file),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Horizontal bars, one per skill: required postings then preferred, on one scale.
fn chart(out: &mut String, gap: &[GapSkill], scored: usize) {
    let bars: Vec<&GapSkill> = gap.iter().take(CHART_BARS).collect();
    let most = bars.iter().map(|g| g.postings).max().unwrap_or(1).max(1) as f64;
    let (label_w, bar_w, row_h, top) = (170.0, 380.0, 26.0, 8.0);
    let height = top * 2.0 + row_h * bars.len() as f64 + 22.0;
    let width = label_w + bar_w + 110.0;
    let _ = writeln!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-labelledby=\"chart-title\">\n<title id=\"chart-title\">Postings asking for each skill the resume lacks (of {scored})</title>"
    );
    for (i, g) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let w_req = bar_w * g.required as f64 / most;
        let w_pref = bar_w * g.preferred as f64 / most;
        let _ = writeln!(
            out,
            "<g class=\"bar\" data-skill=\"{name}\"><title>{name}: required by {}, preferred by {} ({:.0}% of postings); resume: {}</title>\
<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" class=\"label\">{name}</text>\
<rect class=\"req\" x=\"{label_w}\" y=\"{ry}\" width=\"{w_req:.1}\" height=\"16\"/>\
<rect class=\"pref\" x=\"{px:.1}\" y=\"{ry}\" width=\"{w_pref:.1}\" height=\"16\"/>\
<text x=\"{cx:.1}\" y=\"{ty}\" class=\"count\">{} ({:.0}%)</text></g>",
            g.required,
            g.preferred,
            g.share * 100.0,
            g.resume.as_str(),
            g.postings,
            g.share * 100.0,
            name = esc(&g.skill),
            lx = label_w - 8.0,
            ty = y + 13.0,
            ry = y + 1.0,
            px = label_w + w_req,
            cx = label_w + w_req + w_pref + 6.0,
        );
    }
    let ly = top + row_h * bars.len() as f64 + 10.0;
    let _ = writeln!(
        out,
        "<rect class=\"req\" x=\"{label_w}\" y=\"{ly}\" width=\"12\" height=\"12\"/><text x=\"{}\" y=\"{}\" class=\"legend\">required</text>\
<rect class=\"pref\" x=\"{}\" y=\"{ly}\" width=\"12\" height=\"12\"/><text x=\"{}\" y=\"{}\" class=\"legend\">preferred</text>\n</svg>\n</figure>",
        label_w + 16.0,
        ly + 10.0,
        label_w + 100.0,
        label_w + 116.0,
        ly + 10.0
    );
}

fn gap_table(out: &mut String, gap: &[GapSkill]) {
    out.push_str("<table id=\"gap-table\">\n<thead><tr><th>Skill</th><th>Resume</th><th>Postings</th><th>Share</th><th>Required</th><th>Preferred</th><th>Unlocks</th></tr></thead>\n<tbody>\n");
    for g in gap {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"{status}\">{status}</td><td class=\"num\">{}</td><td class=\"num\">{:.0}%</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num unlocks\">{}</td></tr>",
            esc(&g.skill),
            g.postings,
            g.share * 100.0,
            g.required,
            g.preferred,
            g.unlocks,
            status = g.resume.as_str(),
        );
    }
    out.push_str("</tbody>\n</table>\n<p class=\"meta\">Unlocks: postings that would have every required skill covered if the resume showed this one.</p>\n");
}

const CSS: &str = r#"
:root { --ink: #1d2433; --muted: #5d6679; --line: #e3e6ee; --bg: #f5f6fa; --req: #c8322f; --pref: #f0a7a5; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, "DejaVu Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
.brand { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 6px; font-size: 26px; overflow-wrap: anywhere; }
h2 { margin: 28px 0 10px; font-size: 18px; }
.meta { color: var(--muted); font-size: 14px; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); font-size: 14px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef0f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.file { overflow-wrap: anywhere; color: var(--muted); }
tr.error td { color: var(--req); }
tr.duplicate td, tr.empty td { color: var(--muted); }
.skill { display: inline-block; padding: 0 6px; margin: 1px; border-radius: 8px; background: #fde1df; }
td.missing { color: var(--req); } td.implied { color: #b77800; } td.alias { color: #2f64d6; }
figure { margin: 0 0 16px; background: #fff; border: 1px solid var(--line); padding: 8px; overflow-x: auto; }
svg .label, svg .count, svg .legend { font-size: 13px; fill: var(--ink); }
svg .req { fill: var(--req); } svg .pref { fill: var(--pref); }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.tags li { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; }
footer { margin-top: 28px; color: var(--muted); font-size: 13px; }
@media print { body { background: #fff; } }
"#;
