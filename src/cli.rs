//! Command-line flags, defined once with clap derive. Parsing yields plain values;
//! `context` and the commands act on them. Completions and the man page come from these
//! same definitions.

use std::path::PathBuf;

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Find the backend skills in a resume and see what a job posting asks that it lacks.
///
/// Everything runs locally: no network, no upload.
#[derive(Debug, Parser)]
#[command(name = "skillgap", version, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Examples:\n  skillgap match cv.pdf --job posting.txt\n  skillgap scan cv.docx --format json\n  skillgap rank --job posting.txt resumes/ --require \"Java,PostgreSQL\" --format csv > ranked.csv\n  skillgap jobs cv.pdf postings/"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every subcommand shares.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// The output format: each command has its own `--format` flag listing the ones
    /// it accepts (see [`Command::format`]); this holds the one given.
    #[arg(skip)]
    pub format: Option<Format>,
    /// Use this lexicon instead of the built-in one
    #[arg(long, global = true, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Add the skills and aliases of this file to the lexicon (repeatable)
    #[arg(long, global = true, value_name = "FILE")]
    pub extend: Vec<PathBuf>,
    /// When to colour the output (NO_COLOR in the environment turns auto off)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing on stderr but errors
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Write the output to this file (atomically) instead of standard output
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Largest input file read, in MB (1-4096)
    #[arg(long, global = true, value_name = "MB", default_value_t = 20,
          value_parser = clap::value_parser!(u64).range(1..=MAX_FILE_MB))]
    pub max_file_size: u64,
    /// PDF pages read per file (1-100000)
    #[arg(long, global = true, value_name = "N", default_value_t = 50,
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=100_000))]
    pub max_pages: usize,
    /// Seconds one file may take before it is stopped (0.1-3600)
    #[arg(long, global = true, value_name = "SECS", default_value_t = 10.0,
          value_parser = seconds)]
    pub file_timeout: f64,
}

/// The largest `--max-file-size`: 4 GiB in bytes cannot overflow any size type, and
/// no resume comes near it.
pub const MAX_FILE_MB: u64 = 4096;

/// `--file-timeout`: a number of seconds from 0.1 to an hour. Below 0.1 s no PDF
/// worker could start and answer; infinity, NaN and negative numbers are not limits.
fn seconds(text: &str) -> Result<f64, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if (0.1..=3600.0).contains(&secs) {
        Ok(secs)
    } else {
        Err(format!("{text} is out of range: give 0.1 to 3600 seconds"))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the text an ATS would read from a resume (PDF, DOCX, HTML or text)
    #[command(
        after_help = "Examples:\n  skillgap extract cv.pdf\n  skillgap extract cv.docx --format json\n  cat cv.txt | skillgap extract -"
    )]
    Extract(ExtractArgs),
    /// List the skills found in resumes, grouped by category
    #[command(
        after_help = "Examples:\n  skillgap scan cv.pdf\n  skillgap scan cv.pdf --explain\n  skillgap scan cv.pdf --format json"
    )]
    Scan(ScanArgs),
    /// Score a resume against a job posting and say what to add
    #[command(name = "match")]
    #[command(
        after_help = "Examples:\n  skillgap match cv.pdf --job posting.txt\n  skillgap match cv.pdf --job-text \"Senior Java developer, Kafka, AWS\" --explain\n  skillgap match cv.pdf --job posting.html --format html --output report.html\n  skillgap match cv.pdf --job posting.txt --min-score 70 --require Java,Kafka"
    )]
    Match(MatchArgs),
    /// Rank many resumes against one posting (files, folders, globs)
    #[command(
        after_help = "Examples:\n  skillgap rank --job posting.txt resumes/\n  skillgap rank --job posting.txt 'cvs/**/*.pdf' --require \"Java,React|Vue\" --top 20\n  skillgap rank --job posting.txt resumes/ --format jsonl > results.jsonl"
    )]
    Rank(RankArgs),
    /// Rank many job postings for one resume, and the skills the market asks that it lacks
    #[command(
        after_help = "Examples:\n  skillgap jobs cv.pdf postings/\n  skillgap jobs cv.pdf 'saved/*.html' --require Go --top 10\n  skillgap jobs cv.pdf postings/ --format html --output market.html\n  find ~/Downloads -name '*.pdf' | skillgap jobs cv.pdf --from - --format json\n  skillgap jobs cv.pdf postings/ --explain"
    )]
    Jobs(JobsArgs),
    /// Inspect, search and validate the skill lexicon
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  skillgap lexicon stats\n  skillgap lexicon show --category database\n  skillgap lexicon search k8s\n  skillgap lexicon check my-lexicon.json"
    )]
    Lexicon(LexiconCommand),
    /// Print shell completions
    #[command(
        after_help = "Example:\n  skillgap completions bash > /etc/bash_completion.d/skillgap"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): every command, flag and exit code on one page
    #[command(after_help = "Example:\n  skillgap man > skillgap.1 && man ./skillgap.1")]
    Man,
}

/// The hidden PDF worker (`skillgap __worker`, see `read::isolated`): read apart from
/// [`Cli`], so completions, `--help` and the man page never offer it.
#[derive(Debug, Parser)]
#[command(name = "skillgap __worker")]
pub struct WorkerCli {
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The subcommand name that starts a PDF worker.
pub const WORKER: &str = "__worker";

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The file to read, or - for standard input
    pub file: PathBuf,
    /// Output format [default: text]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["text", "json"]))]
    pub format: Option<Format>,
    /// Print the text before normalization
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Resumes to scan (- for standard input)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format [default: table]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["table", "json", "markdown"]))]
    pub format: Option<Format>,
    /// Show every mention with its line and the text around it
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The resume (PDF, DOCX, HTML or text; - for standard input)
    pub file: PathBuf,
    /// Output format [default: table]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["table", "json", "markdown", "html"]))]
    pub format: Option<Format>,
    #[command(flatten)]
    pub job: JobArgs,
    /// Exit with 1 when the score is below N (0-100)
    #[arg(long, value_name = "N", value_parser = score_0_to_100)]
    pub min_score: Option<f64>,
    /// Exit with 1 unless these skills are present (comma = and, pipe = or)
    #[arg(long, value_name = "SKILLS")]
    pub require: Option<String>,
    /// Show how the score is computed, skill by skill
    #[arg(long)]
    pub explain: bool,
}

/// Where the job posting comes from.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct JobArgs {
    /// The job posting (txt, md, html, pdf, docx; - for standard input)
    #[arg(long, value_name = "FILE")]
    pub job: Option<PathBuf>,
    /// The job posting given as text
    #[arg(long, value_name = "TEXT")]
    pub job_text: Option<String>,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub job: JobArgs,
    /// Resume files, folders (searched recursively) and globs
    pub paths: Vec<String>,
    /// Output format [default: table]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["table", "csv", "jsonl", "json"]))]
    pub format: Option<Format>,
    /// Read more paths from this file, one per line (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Worker processes (default: number of cores; 1-1024)
    #[arg(long, short = 'j', value_name = "N",
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub threads: Option<usize>,
    /// Show only the best N rows (table, csv, json; jsonl streams every row, so it
    /// refuses --top)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// List every file that could not be read in the table (by default, with --top or
    /// more than 10 of them, one line sums them up)
    #[arg(long)]
    pub errors: bool,
    /// List on stderr each folder entry that was skipped, and why
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Keep only resumes with these skills (comma = and, pipe = or: "Java,React|Vue")
    #[arg(long, value_name = "EXPR")]
    pub require: Option<String>,
    /// Keep only resumes scoring at least N (0-100)
    #[arg(long, value_name = "N", value_parser = score_0_to_100)]
    pub min_score: Option<f64>,
    /// Keep only resumes whose evidence score is at least N (0-100)
    #[arg(long, value_name = "N", value_parser = score_0_to_100)]
    pub min_evidence: Option<f64>,
    /// Rank by the evidence score (how strongly each resume backs the posting's
    /// skills: used recently, long ago, listed only) or the keyword score (what a
    /// keyword filter sees); ties go to more required skills, then the other score
    #[arg(long, value_enum, default_value_t = RankSort::Evidence)]
    pub sort: RankSort,
}

/// What `rank` orders resumes by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankSort {
    /// The evidence score: stuffing and bare lists cannot lift it.
    Evidence,
    /// The keyword score: what an ATS keyword filter sees.
    Score,
}

#[derive(Debug, Args)]
pub struct JobsArgs {
    /// The resume (PDF, DOCX, HTML or text; - for standard input)
    pub resume: PathBuf,
    /// Posting files (txt, md, html, pdf, docx), folders (searched recursively) and globs
    pub postings: Vec<String>,
    /// Output format [default: table]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["table", "json", "csv", "markdown", "html"]))]
    pub format: Option<Format>,
    /// Read more posting paths from this file, one per line (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Threads (default: number of cores; 1-1024)
    #[arg(long, short = 'j', value_name = "N",
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub threads: Option<usize>,
    /// Show only the best N postings (duplicates of those shown tag along)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Keep only postings that ask for these skills (comma = and, pipe = or: "Go,Kubernetes|Nomad")
    #[arg(long, value_name = "EXPR")]
    pub require: Option<String>,
    /// Keep only postings the resume scores at least N against (0-100)
    #[arg(long, value_name = "N", value_parser = score_0_to_100)]
    pub min_score: Option<f64>,
    /// Show how postings are ranked and the gap is counted
    #[arg(long)]
    pub explain: bool,
}
#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// List the skills, optionally of one category
    #[command(
        after_help = "Examples:\n  skillgap lexicon show --category database\n  skillgap lexicon show --format json"
    )]
    Show {
        /// Only this category (e.g. database, cloud, soft)
        #[arg(long)]
        category: Option<String>,
        /// Output format [default: table]
        #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["table", "json"]))]
        format: Option<Format>,
    },
    /// Say which skill a word maps to, and why
    #[command(
        after_help = "Examples:\n  skillgap lexicon search k8s\n  skillgap lexicon search Go"
    )]
    Search {
        /// The word or phrase to look up
        term: String,
    },
    /// Validate a lexicon file (exit 0 when valid, 2 when not)
    #[command(after_help = "Example:\n  skillgap lexicon check my-lexicon.json")]
    Check {
        /// The lexicon (or, with --extension, the extension) to check
        file: PathBuf,
        /// Check the file as an extension of the built-in lexicon
        #[arg(long)]
        extension: bool,
    },
    /// Count skills and aliases per category
    #[command(after_help = "Example:\n  skillgap lexicon stats")]
    Stats {
        /// Output format [default: table]
        #[arg(long, short = 'f', value_name = "FORMAT", value_parser = formats(&["table", "json"]))]
        format: Option<Format>,
    },
}

/// Output formats; each command accepts a subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Text,
    Json,
    Jsonl,
    Csv,
    Markdown,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--min-score`: a score is 0-100, so anything else is a mistake to point out, not
/// a filter that nothing (or everything) passes.
fn score_0_to_100(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number; give a score from 0 to 100"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{text} is outside 0-100; scores run from 0 to 100"))
    }
}

/// A `--format` value parser that accepts only `names`, so each command's `--help`
/// and completions list exactly the formats it can write.
fn formats(names: &'static [&'static str]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(names)
        .map(|name| Format::from_str(&name, true).expect("every listed format is a Format"))
}

impl Command {
    /// The `--format` given to this command, if it has the flag and it was given.
    pub fn format(&self) -> Option<Format> {
        match self {
            Command::Extract(a) => a.format,
            Command::Scan(a) => a.format,
            Command::Match(a) => a.format,
            Command::Rank(a) => a.format,
            Command::Jobs(a) => a.format,
            Command::Lexicon(LexiconCommand::Show { format, .. })
            | Command::Lexicon(LexiconCommand::Stats { format }) => *format,
            _ => None,
        }
    }
}
