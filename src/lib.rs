//! skillgap finds backend-developer skills in a resume and scores the resume against a
//! job posting, locally: nothing leaves the machine.
//!
//! Build a [`Skillgap`] once (parsing the lexicon and compiling its automaton is the
//! costly part), then scan and judge as many texts as you like with it:
//!
//! ```
//! use skillgap::{Level, Skillgap, Status};
//!
//! let skillgap = Skillgap::default(); // the built-in lexicon
//!
//! // Which skills does a text show?
//! let found = skillgap.scan("SKILLS\nGo, Postgres, k8s");
//! let names: Vec<&str> = found.skills.iter().map(|s| s.name.as_str()).collect();
//! assert_eq!(names, ["Go", "PostgreSQL", "Kubernetes"]);
//!
//! // How well does a resume cover a posting, and what should it add?
//! let resume = "Robin Vale\n\nSKILLS\nGo, Postgres, Docker\n";
//! let posting = "Backend Engineer\n\nRequirements\n- Go and PostgreSQL\n- Kafka\n";
//! let analysis = skillgap.analyze(resume, posting);
//! assert_eq!((analysis.required.matched, analysis.required.total), (2, 3));
//! let kafka = analysis.skills.iter().find(|s| s.name.contains("Kafka")).unwrap();
//! assert_eq!((kafka.level, kafka.status), (Level::Required, Status::Missing));
//! let postgres = analysis.skills.iter().find(|s| s.name == "PostgreSQL").unwrap();
//! assert_eq!(postgres.status, Status::Alias); // written "Postgres": use the posting's word
//! assert!(analysis.score.unwrap() < 100.0);
//! assert_eq!(analysis.suggestions[0].skill, Some(kafka.name.clone()));
//! ```
//!
//! Files (PDF, DOCX, HTML, text) go through the same pipeline with
//! [`Skillgap::scan_file`] and [`Skillgap::analyze_files`]. A custom lexicon is a
//! JSON file read with [`Lexicon::from_json`].
//!
//! # How it works
//!
//! The pipeline runs one way, one folder per stage, with plain data between stages:
//!
//! ```text
//! read/                 find/                 judge/                  report/
//! extract -> normalize  lexicon -> matcher    posting, resume, score  table, json, csv,
//! -> sections           (Mention)             checks, suggest         markdown, html
//! (Document)                                  (Analysis, ScanReport)
//! ```
//!
//! The `skillgap` command line is built on the same stages; its modules are not part
//! of this library's API.

mod batch;
mod cli;
mod commands;
mod context;
mod error;
mod find;
mod judge;
mod output;
mod prose;
mod read;
mod reason;
mod report;

use std::path::Path;

pub use error::{Error, Result};
pub use find::lexicon::{Category, Lexicon};
pub use judge::analysis::{Analysis, Highlight, Satisfied};
pub use judge::posting::Level;
pub use judge::scan::{ImpliedOut, MentionOut, ScanReport, ScanSkill};
pub use judge::score::{Check, CheckStatus, Coverage, SkillKind, SkillResult, Status};
pub use judge::suggest::{Kind as SuggestionKind, Suggestion};
pub use read::sections::SectionKind;

use find::matcher::Matcher;
use read::extract::{Extracted, Input, Kind, Layout, Limits};
use read::sections::{Document, Purpose};

/// The skill finder and scorer, built once from a lexicon and reused for every text:
/// building compiles an automaton over every skill name and alias (tens of
/// milliseconds), scanning a resume then takes microseconds.
pub struct Skillgap {
    matcher: Matcher,
}

impl Default for Skillgap {
    /// A `Skillgap` over the built-in lexicon (the one the command line uses).
    fn default() -> Skillgap {
        Skillgap::new(Lexicon::embedded())
    }
}

impl Skillgap {
    /// A `Skillgap` over `lexicon` (e.g. [`Lexicon::embedded`] extended with
    /// [`Lexicon::extend_with`]).
    pub fn new(lexicon: Lexicon) -> Skillgap {
        Skillgap {
            matcher: Matcher::new(lexicon),
        }
    }

    /// The lexicon this finds skills from.
    pub fn lexicon(&self) -> &Lexicon {
        self.matcher.lexicon()
    }

    /// The skills a resume's text shows, where, and the readability checks that the
    /// text alone can answer: what `skillgap scan` reports.
    pub fn scan(&self, resume_text: &str) -> ScanReport {
        let (extracted, doc) = from_text(resume_text, Purpose::Resume);
        judge::scan::scan_report(
            &self.matcher,
            "<text>",
            &extracted,
            resume_text.len() as u64,
            &doc,
        )
    }

    /// A resume's text judged against a posting's text: the score, each posting
    /// skill's status, the checks and the suggestions, as `skillgap match` reports
    /// them.
    pub fn analyze(&self, resume_text: &str, posting_text: &str) -> Analysis {
        let (extracted, doc) = from_text(resume_text, Purpose::Resume);
        let (_, posting) = from_text(posting_text, Purpose::Posting);
        self.judge(
            "<text>",
            &extracted,
            resume_text.len() as u64,
            &doc,
            &posting,
            "<posting>",
        )
    }

    /// [`scan`](Skillgap::scan) for a file, read by its content (PDF, DOCX, HTML or
    /// text). The file's layout (pages, columns) feeds the checks too.
    ///
    /// PDFs are read in this process: unlike the command line, which reads them in a
    /// child process it can kill, a hostile PDF that makes the parser loop holds the
    /// calling thread.
    pub fn scan_file(&self, path: &Path) -> Result<ScanReport> {
        let (input, extracted, doc) = from_file(path, Purpose::Resume)?;
        Ok(judge::scan::scan_report(
            &self.matcher,
            &input.name,
            &extracted,
            input.bytes.len() as u64,
            &doc,
        ))
    }

    /// [`analyze`](Skillgap::analyze) for a resume file and a posting file (read as
    /// [`scan_file`](Skillgap::scan_file) reads them).
    pub fn analyze_files(&self, resume: &Path, posting: &Path) -> Result<Analysis> {
        let (input, extracted, doc) = from_file(resume, Purpose::Resume)?;
        let (posting_input, _, posting_doc) = from_file(posting, Purpose::Posting)?;
        Ok(self.judge(
            &input.name,
            &extracted,
            input.bytes.len() as u64,
            &doc,
            &posting_doc,
            &posting_input.name,
        ))
    }

    fn judge(
        &self,
        name: &str,
        extracted: &Extracted,
        file_bytes: u64,
        doc: &Document,
        posting: &Document,
        posting_name: &str,
    ) -> Analysis {
        let profile = judge::posting::analyze(&self.matcher, posting);
        let resume = judge::analysis::Resume {
            name,
            extracted,
            doc,
            file_bytes,
        };
        judge::analysis::analyze(&self.matcher, &resume, &profile, posting_name)
    }
}

/// Text given directly, as if read from a plain-text file.
fn from_text(text: &str, purpose: Purpose) -> (Extracted, Document) {
    let extracted = Extracted {
        kind: Kind::Text,
        pages: 1,
        total_pages: 1,
        text: text.to_string(),
        layout: Layout::default(),
        engine: None,
        hidden_text: String::new(),
    };
    let doc = Document::new(read::normalize::normalize(text), purpose);
    (extracted, doc)
}

fn from_file(path: &Path, purpose: Purpose) -> Result<(Input, Extracted, Document)> {
    let limits = Limits::default();
    let input = Input::read(path, &limits)?;
    let (extracted, doc) = read::load(&input, &limits, purpose)?;
    Ok((input, extracted, doc))
}

/// The command line's entry point, called by `src/main.rs`. Not API.
#[doc(hidden)]
pub fn cli_main() -> std::process::ExitCode {
    commands::main()
}

/// The pipeline's modules as they are, for this crate's benches, fuzz targets and
/// property tests. Not API: they change without notice.
#[doc(hidden)]
pub mod internals {
    pub use crate::find::{lexicon, matcher};
    pub use crate::judge::{
        analysis, checks, company, market, posting, require, resume, scan, score, suggest, writing,
    };
    pub use crate::read::{deadline, extract, load, near_duplicate, normalize, sections};

    /// The report formats.
    pub mod report {
        pub use crate::report::{csv, html, json, markdown, table, Style};
    }
}
