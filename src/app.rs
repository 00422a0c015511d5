//! The commands: each takes parsed flags, runs the pipeline, writes a report, and says
//! whether the run met its conditions. Exit codes are decided in `main` from this.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::cli::{
    Cli, ColorChoice, Command, ExtractArgs, Format, GlobalArgs, JobArgs, LexiconCommand, MatchArgs,
    ScanArgs,
};
use crate::error::{Error, Result};
use crate::extract::{Input, Limits};
use crate::lexicon::{Category, Lexicon, LexiconFile};
use crate::matcher::Matcher;
use crate::output::Sink;
use crate::report::{self, Style};
use crate::require::Requirement;
use crate::sections::{Document, Purpose};
use crate::{analysis, deadline, extract, job, normalize, scan};

/// How a run ended when nothing went wrong: exit 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, and every condition (`--min-score`, `--require`) was met.
    Success,
    /// Done, but a condition was not met (or, for `lexicon search`, nothing found).
    NotMet,
}

/// A posting ready to score resumes against.
pub struct Posting {
    pub matcher: Matcher,
    pub requirement: Option<Requirement>,
    /// How reports name the posting.
    pub name: String,
    pub profile: job::JobProfile,
}

/// Settings every command reads, resolved once from the global flags.
pub struct Context {
    pub global: GlobalArgs,
    pub limits: Limits,
    pub style: Style,
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Context {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                !no_color_env && global.output.is_none() && std::io::stdout().is_terminal()
            }
        };
        Context {
            global: global.clone(),
            limits: Limits {
                max_file_bytes: global.max_file_size.saturating_mul(1024 * 1024),
                max_pages: global.max_pages.max(1),
                ..Limits::default()
            },
            style: Style { color },
        }
    }

    /// The output format, checked against what the command supports.
    pub fn format(&self, command: &str, supported: &[Format]) -> Result<Format> {
        let format = self.global.format.unwrap_or(supported[0]);
        if supported.contains(&format) {
            return Ok(format);
        }
        let names: Vec<&str> = supported.iter().map(|f| f.as_str()).collect();
        Err(Error::Usage(format!(
            "--format {} is not available for `{command}`; use one of: {}",
            format.as_str(),
            names.join(", ")
        )))
    }

    /// The lexicon: built-in or `--lexicon`, plus every `--extend`.
    pub fn lexicon(&self) -> Result<Lexicon> {
        let mut lexicon = match &self.global.lexicon {
            Some(path) => Lexicon::from_json(&path.display().to_string(), &read_utf8(path)?)?,
            None => Lexicon::embedded(),
        };
        for path in &self.global.extend {
            lexicon = lexicon.extend_with(&path.display().to_string(), &read_utf8(path)?)?;
        }
        Ok(lexicon)
    }

    /// Reads, extracts and normalizes one file within the per-file time limit.
    pub fn load(&self, path: &Path, purpose: Purpose) -> Result<(extract::Extracted, Document)> {
        let input = Input::read(path, &self.limits)?;
        self.load_input(input, purpose)
    }

    /// Loads a resume, keeping the size of the file for the readability checks.
    pub fn load_resume(&self, path: &Path) -> Result<(extract::Extracted, Document, u64)> {
        let input = Input::read(path, &self.limits)?;
        let file_bytes = input.bytes.len() as u64;
        let (extracted, doc) = self.load_input(input, Purpose::Resume)?;
        Ok((extracted, doc, file_bytes))
    }

    pub fn load_input(
        &self,
        input: Input,
        purpose: Purpose,
    ) -> Result<(extract::Extracted, Document)> {
        let extracted = self.extract(input)?;
        let doc = Document::new(normalize::normalize(&extracted.text), purpose);
        Ok((extracted, doc))
    }

    /// Extracts one input within the per-file time limit. PDFs are read in a worker
    /// process (see `batch::extract_isolated`): a parser that overflows its stack or
    /// loops can only fail that process. Other formats run on a thread here.
    pub fn extract(&self, input: Input) -> Result<extract::Extracted> {
        if extract::is_pdf(&input.bytes) {
            return crate::batch::extract_isolated(self, &input);
        }
        let name = input.name.clone();
        let limits = self.limits;
        let secs = self.global.file_timeout;
        deadline::run_with_deadline(secs, move || extract::extract(&input, &limits))
            .unwrap_or(Err(Error::Timeout { path: name, secs }))
    }

    /// What `match` and `rank` share: the matcher, the `--require` expression checked
    /// against its lexicon (before any file is read), and the analyzed posting.
    pub fn posting(&self, job: &JobArgs, require: Option<&str>) -> Result<Posting> {
        let matcher = Matcher::new(self.lexicon()?);
        let requirement = require
            .map(|r| Requirement::parse(r, matcher.lexicon()))
            .transpose()?;
        let (name, doc) = self.load_job(job)?;
        let profile = job::analyze(&matcher, &doc);
        Ok(Posting {
            matcher,
            requirement,
            name,
            profile,
        })
    }

    /// Reads the posting from `--job FILE` (or `-`) or `--job-text`.
    pub fn load_job(&self, job: &JobArgs) -> Result<(String, Document)> {
        match (&job.job, &job.job_text) {
            (_, Some(text)) => {
                let input = Input::from_text("<job-text>", text);
                let (_, doc) = self.load_input(input, Purpose::Posting)?;
                Ok(("<job-text>".to_string(), doc))
            }
            (Some(path), None) => {
                let (_, doc) = self.load(path, Purpose::Posting)?;
                Ok((display_name(path), doc))
            }
            (None, None) => Err(Error::Usage(
                "give the posting with --job FILE or --job-text TEXT".into(),
            )),
        }
    }

    /// Opens the output destination, refusing to overwrite any of `inputs`.
    pub fn sink(&self, inputs: &[PathBuf]) -> Result<Sink> {
        Sink::open(self.global.output.as_deref(), inputs)
    }

    /// Writes a finished report.
    pub fn emit(&self, inputs: &[PathBuf], text: &str) -> Result<()> {
        let mut sink = self.sink(inputs)?;
        sink.write_all(text.as_bytes())
            .map_err(|e| Error::from_io("<output>", e))?;
        sink.finish()
    }
}

fn read_utf8(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Error::IsDirectory(name));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::from_io(&name, e))?;
    String::from_utf8(bytes).map_err(|e| Error::LexiconJson {
        path: name,
        line: 1,
        column: e.utf8_error().valid_up_to() + 1,
        message: "the file is not UTF-8".into(),
    })
}

/// Runs the command the flags name.
pub fn run(cli: Cli) -> Result<Outcome> {
    let ctx = Context::new(&cli.global);
    match cli.command {
        Command::Extract(args) => extract_command(&ctx, args),
        Command::Scan(args) => scan_command(&ctx, args),
        Command::Match(args) => match_command(&ctx, args),
        Command::Rank(args) => crate::batch::rank_command(&ctx, args),
        Command::Lexicon(command) => lexicon_command(&ctx, command),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "skillgap", &mut out);
            ctx.emit(&[], &String::from_utf8_lossy(&out))?;
            Ok(Outcome::Success)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Error::from_io("<man page>", e))?;
            ctx.emit(&[], &String::from_utf8_lossy(&out))?;
            Ok(Outcome::Success)
        }
        Command::Worker(args) => crate::batch::worker_command(&ctx, args),
    }
}

/// `extract`: the text an ATS would read.
fn extract_command(ctx: &Context, args: ExtractArgs) -> Result<Outcome> {
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

/// `scan`: the skills in each resume.
fn scan_command(ctx: &Context, args: ScanArgs) -> Result<Outcome> {
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

/// How a path is shown in reports: as the user wrote it; `-` as `<stdin>`.
pub fn display_name(path: &Path) -> String {
    match path.to_str() {
        Some("-") => "<stdin>".to_string(),
        Some(utf8) => utf8.to_string(),
        None => path.display().to_string(),
    }
}

fn lexicon_command(ctx: &Context, command: LexiconCommand) -> Result<Outcome> {
    match command {
        LexiconCommand::Show { category } => {
            let format = ctx.format("lexicon show", &[Format::Table, Format::Json])?;
            let lexicon = ctx.lexicon()?;
            let category = match category {
                None => None,
                Some(name) => Some(Category::parse(&name).ok_or_else(|| {
                    let known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                    Error::Usage(format!(
                        "unknown category {name:?}; known: {}",
                        known.join(", ")
                    ))
                })?),
            };
            let out = match format {
                Format::Json => {
                    let skills = lexicon
                        .entries()
                        .into_iter()
                        .filter(|e| {
                            category.is_none_or(|c| e.category.as_deref() == Some(c.as_str()))
                        })
                        .collect();
                    report::json::pretty(&LexiconFile {
                        schema_version: Some(crate::lexicon::SCHEMA_VERSION),
                        version: Some(lexicon.version.clone()),
                        skills,
                    })
                }
                _ => report::table::lexicon_show(&lexicon, category, &ctx.style),
            };
            ctx.emit(&[], &out)?;
            Ok(Outcome::Success)
        }
        LexiconCommand::Stats => {
            let format = ctx.format("lexicon stats", &[Format::Table, Format::Json])?;
            let lexicon = ctx.lexicon()?;
            let out = match format {
                Format::Json => {
                    let counts = lexicon.counts_by_category();
                    let categories: serde_json::Map<String, serde_json::Value> = Category::ALL
                        .iter()
                        .map(|c| {
                            let (skills, aliases) = counts.get(c).copied().unwrap_or((0, 0));
                            (
                                c.as_str().to_string(),
                                serde_json::json!({"skills": skills, "aliases": aliases}),
                            )
                        })
                        .collect();
                    report::json::pretty(&serde_json::json!({
                        "version": lexicon.version,
                        "skills": lexicon.skills().len(),
                        "aliases": lexicon.alias_count(),
                        "categories": categories,
                    }))
                }
                _ => report::table::lexicon_stats(&lexicon, &ctx.style),
            };
            ctx.emit(&[], &out)?;
            Ok(Outcome::Success)
        }
        LexiconCommand::Check { file, extension } => {
            let name = file.display().to_string();
            let text = read_utf8(&file)?;
            let lexicon = if extension {
                ctx.lexicon()?.extend_with(&name, &text)?
            } else {
                Lexicon::from_json(&name, &text)?
            };
            // Building the automaton proves every form compiles.
            let matcher = Matcher::new(lexicon);
            let lexicon = matcher.lexicon();
            let out = format!(
                "{name}: valid lexicon (version {}): {} skills, {} aliases, {} categories\n",
                lexicon.version,
                lexicon.skills().len(),
                lexicon.alias_count(),
                lexicon.counts_by_category().len()
            );
            ctx.emit(&[], &out)?;
            Ok(Outcome::Success)
        }
        LexiconCommand::Search { term } => {
            let matcher = Matcher::new(ctx.lexicon()?);
            let (found, out) = lexicon_search(&matcher, &term);
            ctx.emit(&[], &out)?;
            Ok(if found {
                Outcome::Success
            } else {
                Outcome::NotMet
            })
        }
    }
}

/// Explains what a word means to the matcher: which skill, as name or alias, with
/// which case and evidence rules; or which rule finds it; or near misses.
fn lexicon_search(matcher: &Matcher, term: &str) -> (bool, String) {
    let lexicon = matcher.lexicon();
    let describe = |form: &crate::lexicon::Form, how: &str| {
        let skill = lexicon.skill(form.skill);
        let mut out = format!(
            "{term:?} -> {} ({})
",
            skill.name, skill.category
        );
        out.push_str(&format!("  how:      {how}\n"));
        if !skill.description.is_empty() {
            out.push_str(&format!("  what:     {}\n", skill.description));
        }
        out.push_str(&format!(
            "  case:     {}\n",
            if form.case_sensitive {
                format!("only exactly {:?}", form.text)
            } else {
                "any case".to_string()
            }
        ));
        if form.ambiguous {
            let mut words = skill.evidence.join(", ");
            if words.is_empty() {
                words = "programming, framework, developer...".into();
            }
            out.push_str(&format!(
                "  evidence: needed ({:?} is also an ordinary word): a Skills section, a list of skills, \
                 or a neighbouring word ({words})\n",
                form.text
            ));
        }
        if !skill.aliases.is_empty() {
            out.push_str(&format!("  aliases:  {}\n", skill.aliases.join(", ")));
        }
        let implied: Vec<&str> = lexicon
            .implied_by(form.skill)
            .iter()
            .map(|&i| lexicon.skill(i).name.as_str())
            .collect();
        if !implied.is_empty() {
            out.push_str(&format!("  implies:  {}\n", implied.join(", ")));
        }
        out
    };
    if let Some(form) = lexicon.find_form(term) {
        let how = if form.is_name {
            "canonical name".to_string()
        } else {
            format!("alias of {}", lexicon.skill(form.skill).name)
        };
        return (true, describe(form, &how));
    }
    // Not a form itself: does a rule (version, plural) find it in a skills list?
    let doc = Document::new(
        format!("SKILLS\n{}", normalize::normalize(term)),
        Purpose::Resume,
    );
    let mentions = matcher.scan(&doc);
    if let [only] = mentions.as_slice() {
        let form = lexicon.form(only.form_index);
        let how = format!(
            "{:?} read as {:?} (version or plural rule)",
            term, form.text
        );
        return (true, describe(form, &how));
    }
    let needle = term.to_lowercase();
    let mut near: Vec<&str> = lexicon
        .forms()
        .iter()
        .filter(|f| {
            f.text.to_lowercase().contains(&needle)
                || needle.contains(&f.text.to_lowercase()) && f.text.len() > 2
        })
        .map(|f| lexicon.skill(f.skill).name.as_str())
        .collect();
    near.dedup();
    near.truncate(8);
    let mut out = format!("{term:?} is not in the lexicon.\n");
    if !near.is_empty() {
        out.push_str(&format!("  similar: {}\n", near.join(", ")));
    }
    out.push_str(
        "  add it with --extend FILE (see `skillgap lexicon show --format json` for the schema)\n",
    );
    (false, out)
}

/// `match`: one resume against one posting.
fn match_command(ctx: &Context, args: MatchArgs) -> Result<Outcome> {
    let format = ctx.format(
        "match",
        &[Format::Table, Format::Json, Format::Markdown, Format::Html],
    )?;
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
