//! `match`: one resume judged against one posting; exit 1 when `--min-score` or
//! `--require` is not met.

use crate::cli::{Format, MatchArgs};
use crate::context::{display_name, Context, Outcome, Posting};
use crate::error::Result;
use crate::judge::analysis;
use crate::report;

/// `match`: one resume against one posting.
pub fn run(ctx: &Context, args: MatchArgs) -> Result<Outcome> {
    let format = ctx.format(
        "match",
        &[Format::Table, Format::Json, Format::Markdown, Format::Html],
    )?;
    if args.file.as_os_str() == "-" && args.job.job.as_deref() == Some(std::path::Path::new("-")) {
        return Err(crate::error::Error::Usage(
            "the resume and the posting cannot both come from standard input; give one of them as a file".into(),
        ));
    }
    let Posting {
        matcher,
        requirement,
        name: job_name,
        profile,
    } = ctx.posting(&args.job, args.require.as_deref())?;
    let (extracted, doc, file_bytes) = ctx.load_resume(&args.file)?;
    let name = display_name(&args.file);
    let resume = analysis::Resume {
        name: &name,
        extracted: &extracted,
        doc: &doc,
        file_bytes,
    };
    let analysis = analysis::analyze(&matcher, &resume, &profile, &job_name);
    let out = match format {
        Format::Json => report::json::pretty(&analysis),
        Format::Markdown => report::markdown::analysis(&analysis),
        Format::Html => report::html::analysis(&analysis, &doc),
        _ => report::table::analysis(&analysis, &ctx.style, args.explain),
    };
    let mut inputs = vec![args.file.clone()];
    inputs.extend(args.job.job.clone());
    ctx.emit(&inputs, &out)?;

    let mut unmet = Vec::new();
    if let Some(min) = args.min_score {
        match analysis.score {
            Some(score) if score >= min => {}
            Some(score) => unmet.push(format!("score {score:.1} is below --min-score {min}")),
            None => unmet.push(format!(
                "the score is undefined, so --min-score {min} is not met"
            )),
        }
    }
    if let Some(req) = &requirement {
        let has = |id| analysis.mentions.iter().any(|m| m.skill == id);
        let missing = req.unmet(matcher.lexicon(), has);
        if !missing.is_empty() {
            unmet.push(format!(
                "--require {:?} is not met: missing {}",
                req.as_str(),
                missing.join(", ")
            ));
        }
    }
    if unmet.is_empty() {
        Ok(Outcome::Success)
    } else {
        if !ctx.global.quiet {
            eprintln!(
                "skillgap: {}: {}",
                display_name(&args.file),
                unmet.join("; ")
            );
        }
        Ok(Outcome::NotMet)
    }
}
