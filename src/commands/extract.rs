//! `extract`: the text a machine reads out of a file, raw or normalized.

use crate::cli::{ExtractArgs, Format};
use crate::context::{Context, Outcome};
use crate::error::Result;
use crate::read::extract::Input;
use crate::read::normalize;
use crate::report;

/// `extract`: the text an ATS would read.
pub fn run(ctx: &Context, args: ExtractArgs) -> Result<Outcome> {
    let format = ctx.format("extract", &[Format::Text, Format::Json])?;
    let input = Input::read(&args.file, &ctx.limits)?;
    let name = input.name.clone();
    let extracted = ctx.extract(input)?;
    let text = if args.raw {
        extracted.text.clone()
    } else {
        normalize::normalize(&extracted.text)
    };
    let out = match format {
        Format::Json => report::json::pretty(&serde_json::json!({
            "schema_version": 1,
            "file": name,
            "kind": extracted.kind,
            "pages": extracted.pages,
            "total_pages": extracted.total_pages,
            "engine": extracted.engine.map(|e| e.as_str()),
            "chars": text.chars().count(),
            "words": text.split_whitespace().count(),
            "text": text,
            // What a reader cannot see but a parser reads (PDFs), and the counts.
            "hidden_text": extracted.hidden_text,
            "glyphs": (extracted.kind == crate::read::extract::Kind::Pdf)
                .then_some(&extracted.layout.glyphs),
        })),
        _ => {
            let mut t = text;
            if !t.ends_with('\n') {
                t.push('\n');
            }
            t
        }
    };
    ctx.emit(&[args.file], &out)?;
    Ok(Outcome::Success)
}
