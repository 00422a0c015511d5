//! What every command shares, resolved once from the flags: the limits, the style,
//! the lexicon, reading a file within the time limit, the analyzed posting, where
//! output goes, and how a run ended. The commands (`commands/`) and the batch engine
//! (`batch/`) both build on this; it knows neither of them.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, Format, GlobalArgs, JobArgs};
use crate::error::{Error, Result};
use crate::find::lexicon::Lexicon;
use crate::find::matcher::Matcher;
use crate::judge::posting;
use crate::judge::require::Requirement;
use crate::output::Sink;
use crate::read::extract::{Input, Limits};
use crate::read::sections::{Document, Purpose};
use crate::read::{deadline, extract, isolated, normalize};
use crate::report::Style;

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
    pub profile: posting::JobProfile,
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
        let extracted = match purpose {
            Purpose::Posting => self.extract_with(input, extract::extract_posting)?,
            Purpose::Resume => self.extract(input)?,
        };
        let doc = Document::new(normalize::normalize(&extracted.text), purpose);
        Ok((extracted, doc))
    }

    /// Extracts one input within the per-file time limit. PDFs are read in a worker
    /// process (see `read::isolated`): a parser that overflows its stack or
    /// loops can only fail that process. Other formats run on a thread here.
    pub fn extract(&self, input: Input) -> Result<extract::Extracted> {
        self.extract_with(input, extract::extract)
    }

    /// [`Context::extract`] with the in-process reader given: a posting's saved page
    /// also loses its side panels and footer (see `extract::extract_posting`).
    fn extract_with(
        &self,
        input: Input,
        read: fn(&Input, &Limits) -> Result<extract::Extracted>,
    ) -> Result<extract::Extracted> {
        if extract::is_pdf(&input.bytes) {
            return isolated::extract_isolated(
                &self.worker_command(),
                &input,
                self.global.file_timeout,
            );
        }
        let name = input.name.clone();
        let limits = self.limits;
        let secs = self.global.file_timeout;
        deadline::run_with_deadline(secs, move || read(&input, &limits))
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
        let profile = posting::analyze(&matcher, &doc);
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
                check_job_path(path)?;
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

    /// The command line that starts a PDF worker (`__worker`) with the same limits.
    pub fn worker_command(&self) -> Vec<String> {
        let exe = std::env::current_exe()
            .map_or_else(|_| "skillgap".to_string(), |p| p.display().to_string());
        vec![
            exe,
            "__worker".into(),
            "--max-file-size".into(),
            self.global.max_file_size.to_string(),
            "--max-pages".into(),
            self.global.max_pages.to_string(),
            "--file-timeout".into(),
            self.global.file_timeout.to_string(),
        ]
    }

    /// Writes a finished report.
    pub fn emit(&self, inputs: &[PathBuf], text: &str) -> Result<()> {
        let mut sink = self.sink(inputs)?;
        sink.write_all(text.as_bytes())
            .map_err(|e| Error::from_write(&sink.name(), e))?;
        sink.finish()
    }
}

/// The mistakes people make with `--job`, each answered with what to do: a web
/// address (skillgap never fetches anything) or a folder (a posting is one file).
fn check_job_path(path: &Path) -> Result<()> {
    let name = display_name(path);
    let lower = name.to_ascii_lowercase();
    if !path.exists()
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
    {
        return Err(Error::Usage(format!(
            "{name}: is a web address; skillgap never fetches anything: save the page (or paste its text) into a file and give --job FILE"
        )));
    }
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{name}: is a folder; the posting must be one file (--job FILE), or its text with --job-text"
        )));
    }
    Ok(())
}

/// Reads a lexicon file as UTF-8, with the error a lexicon gets.
pub fn read_utf8(path: &Path) -> Result<String> {
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

/// How a path is shown in reports: as the user wrote it; `-` as `<stdin>`.
pub fn display_name(path: &Path) -> String {
    match path.to_str() {
        Some("-") => "<stdin>".to_string(),
        Some(utf8) => utf8.to_string(),
        None => path.display().to_string(),
    }
}
