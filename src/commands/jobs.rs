//! `jobs`: one resume against many postings — the postings ranked for this resume
//! and the market gap (see `judge::market`). The resume is read once; every posting
//! is read, analyzed (the same `posting::analyze` as `match`) and scored once, in
//! parallel, with `rank`'s path gathering and isolation (`batch::postings`).

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::batch::postings;
use crate::cli::{Format, JobsArgs};
use crate::context::{display_name, Context, Outcome};
use crate::error::{Error, Result};
use crate::find::lexicon::SkillId;
use crate::find::matcher::Matcher;
use crate::judge::market::{self, JobRow, Market};
use crate::judge::require::Requirement;
use crate::judge::row::RowStatus;
use crate::judge::{company, posting, score};
use crate::read::near_duplicate;
use crate::report;

/// `jobs`: rank the postings for the resume and sum up the gap.
pub fn run(ctx: &Context, args: JobsArgs) -> Result<Outcome> {
    let format = ctx.format(
        "jobs",
        &[
            Format::Table,
            Format::Json,
            Format::Csv,
            Format::Markdown,
            Format::Html,
        ],
    )?;
    let started = Instant::now();
    if args.resume.as_os_str() == "-" && args.from.as_deref().is_some_and(|f| f == "-") {
        return Err(Error::Usage(
            "the resume and --from cannot both be standard input".into(),
        ));
    }
    let (paths, skipped) = postings::gather(&args.postings, args.from.as_deref())?;
    if paths.is_empty() {
        return Err(Error::Usage(format!(
            "no posting files found in {}; give files, folders or globs after the resume",
            if args.postings.is_empty() {
                "the arguments".to_string()
            } else {
                args.postings.join(", ")
            }
        )));
    }
    let matcher = Matcher::new(ctx.lexicon()?);
    let lexicon = matcher.lexicon();
    let requirement = args
        .require
        .as_deref()
        .map(|r| Requirement::parse(r, lexicon))
        .transpose()?;
    let (_, resume_doc, _) = ctx.load_resume(&args.resume)?;
    let resume_mentions = matcher.scan_forms(&resume_doc);
    let resume_skills: HashSet<SkillId> = resume_mentions.iter().map(|m| m.skill).collect();
    if resume_skills.is_empty() && !ctx.global.quiet {
        eprintln!(
            "skillgap: {}: no skills from the lexicon were found in the resume, so every posting scores 0; `skillgap scan` and `skillgap extract` show what was read",
            display_name(&args.resume)
        );
    }

    let reads = postings::read_all(ctx, &paths, args.threads, |name, doc, kind| {
        let profile = posting::analyze(&matcher, &doc);
        let statuses = score::statuses(&profile, resume_mentions.iter().copied());
        let scores = score::scores_for(&matcher, &profile, &statuses);
        let company = company::company(doc.text());
        let row = JobRow::judged(lexicon, name, kind, &profile, &statuses, &scores, company);
        (row, near_duplicate::shingles(doc.text()))
    })?;
    let mut rows = Vec::with_capacity(reads.len());
    let mut sets: Vec<Option<Vec<u64>>> = Vec::with_capacity(reads.len());
    for read in reads {
        match read.value {
            Ok((mut row, shingles)) => {
                if let Some(first) = read.same_bytes_as {
                    row.duplicate_of = Some(first);
                    row.similarity = Some(1.0);
                    sets.push(None);
                } else {
                    sets.push(Some(shingles));
                }
                rows.push(row);
            }
            Err(e) => {
                rows.push(JobRow::error(&read.file, &e));
                sets.push(None);
            }
        }
    }
    let views: Vec<Option<&[u64]>> = sets.iter().map(Option::as_deref).collect();
    let similar = near_duplicate::first_similar(&views);
    for (i, hit) in similar.into_iter().enumerate() {
        if let Some((j, similarity)) = hit {
            rows[i].duplicate_of = Some(rows[j].file.clone());
            rows[i].similarity = Some((similarity * 1000.0).round() / 1000.0);
        }
    }

    let mut gap = market::gap(&rows, lexicon, &resume_skills);
    market::rank(&mut rows);
    let filtered = requirement.is_some() || args.min_score.is_some();
    let keep = |r: &JobRow| {
        if r.status == RowStatus::Error {
            return true;
        }
        let score_ok = args
            .min_score
            .is_none_or(|min| r.score.is_some_and(|s| s >= min));
        let require_ok = requirement
            .as_ref()
            .is_none_or(|req| req.is_met(|id| r.asks_for(id)));
        score_ok && require_ok
    };
    let mut shown: Vec<JobRow> = rows.into_iter().filter(|r| keep(r)).collect();
    gap.summary.passing = shown
        .iter()
        .filter(|r| r.counted() && r.score.is_some())
        .count();
    if let Some(top) = args.top {
        let best: HashSet<String> = shown
            .iter()
            .filter(|r| r.counted())
            .take(top)
            .map(|r| r.file.clone())
            .collect();
        shown.retain(|r| {
            r.status == RowStatus::Error
                || best.contains(&r.file)
                || r.duplicate_of.as_ref().is_some_and(|d| best.contains(d))
        });
    }
    let market = Market {
        schema_version: market::SCHEMA_VERSION,
        resume: display_name(&args.resume),
        summary: gap.summary,
        postings: shown,
        gap: gap.skills,
        unused: gap.unused,
    };
    let text = match format {
        Format::Json => report::json::pretty(&market),
        Format::Csv => report::jobs::csv(&market.postings),
        Format::Markdown => report::jobs::markdown(&market),
        Format::Html => report::jobs_html::page(&market),
        _ => report::jobs::table(&market, &ctx.style, args.explain),
    };
    let mut inputs: Vec<PathBuf> = paths;
    inputs.push(args.resume.clone());
    let mut sink = ctx.sink(&inputs)?;
    sink.write_all(text.as_bytes())
        .map_err(|e| Error::from_io("<output>", e))?;
    sink.finish()?;

    let s = &market.summary;
    if !ctx.global.quiet {
        eprintln!(
            "jobs: {} postings, {} counted, {} errors, {} duplicates, {} without skills, {skipped} skipped, {} passing filters, {:.2} s",
            s.read,
            s.counted,
            s.errors,
            s.duplicates,
            s.without_skills,
            s.passing,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if filtered && s.passing == 0 {
        Outcome::NotMet
    } else {
        Outcome::Success
    })
}
