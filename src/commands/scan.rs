//! `scan`: the skills found in each resume, with the readability checks.

use crate::cli::{Format, ScanArgs};
use crate::context::{display_name, Context, Outcome};
use crate::error::Result;
use crate::find::matcher::Matcher;
use crate::judge::scan;
use crate::report;

/// `scan`: the skills in each resume.
pub fn run(ctx: &Context, args: ScanArgs) -> Result<Outcome> {
    let format = ctx.format("scan", &[Format::Table, Format::Json, Format::Markdown])?;
    let matcher = Matcher::new(ctx.lexicon()?);
    let mut reports = Vec::new();
    for file in &args.files {
        let (extracted, doc, file_bytes) = ctx.load_resume(file)?;
        reports.push(scan::scan_report(
            &matcher,
            &display_name(file),
            &extracted,
            file_bytes,
            &doc,
        ));
    }
    let out = match format {
        Format::Json if reports.len() == 1 => report::json::pretty(&reports[0]),
        Format::Json => report::json::pretty(&reports),
        Format::Markdown => reports
            .iter()
            .map(report::markdown::scan)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => reports
            .iter()
            .map(|r| report::table::scan(r, &ctx.style, args.explain))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    ctx.emit(&args.files, &out)?;
    Ok(Outcome::Success)
}
