//! Command-line flags, defined once with clap derive. Parsing yields plain values;
//! `context` and the commands act on them. Completions and the man page come from these
//! same definitions.

use std::path::PathBuf;

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
    /// Output format (each command lists the ones it supports; default: table)
    #[arg(long, short = 'f', global = true, value_enum)]
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
    /// Largest input file read, in MB
    #[arg(long, global = true, value_name = "MB", default_value_t = 20)]
    pub max_file_size: u64,
    /// PDF pages read per file
    #[arg(long, global = true, value_name = "N", default_value_t = 50)]
    pub max_pages: usize,
    /// Seconds one file may take before it is stopped
    #[arg(long, global = true, value_name = "SECS", default_value_t = 10.0)]
    pub file_timeout: f64,
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
    /// Print the man page (roff)
    #[command(after_help = "Example:\n  skillgap man > skillgap.1 && man ./skillgap.1")]
    Man,
    /// Internal: process files listed on stdin (used by `rank` for isolation)
    #[command(hide = true, name = "__worker")]
    Worker(WorkerArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The file to read, or - for standard input
    pub file: PathBuf,
    /// Print the text before normalization
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Resumes to scan (- for standard input)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Show every mention with its line and the text around it
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The resume (PDF, DOCX, HTML or text; - for standard input)
    pub file: PathBuf,
    #[command(flatten)]
    pub job: JobArgs,
    /// Exit with 1 when the score is below N
    #[arg(long, value_name = "N")]
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
    /// Read more paths from this file, one per line (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Worker processes (default: number of cores)
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Show only the best N rows (table; csv and json too)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Keep only resumes with these skills (comma = and, pipe = or: "Java,React|Vue")
    #[arg(long, value_name = "EXPR")]
    pub require: Option<String>,
    /// Keep only resumes scoring at least N
    #[arg(long, value_name = "N")]
    pub min_score: Option<f64>,
}

#[derive(Debug, Args)]
pub struct JobsArgs {
    /// The resume (PDF, DOCX, HTML or text; - for standard input)
    pub resume: PathBuf,
    /// Posting files (txt, md, html, pdf, docx), folders (searched recursively) and globs
    pub postings: Vec<String>,
    /// Read more posting paths from this file, one per line (- for standard input)
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Threads (default: number of cores)
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Show only the best N postings (duplicates of those shown tag along)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Keep only postings that ask for these skills (comma = and, pipe = or: "Go,Kubernetes|Nomad")
    #[arg(long, value_name = "EXPR")]
    pub require: Option<String>,
    /// Keep only postings the resume scores at least N against
    #[arg(long, value_name = "N")]
    pub min_score: Option<f64>,
    /// Show how postings are ranked and the gap is counted
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {}

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
    Stats,
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
