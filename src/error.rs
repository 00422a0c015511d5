//! The library's error type: every failure a user can cause, phrased as one sentence
//! that names the file and says what to do.

/// Why an input could not be turned into text, or a lexicon could not be loaded.
///
/// The `Display` text is what the user sees: the file first, then the problem, then
/// (where there is one) what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}: no such file; check the path")]
    NotFound(String),
    #[error("{0}: is a directory; give a file (use `skillgap rank` for folders)")]
    IsDirectory(String),
    #[error("{0}: permission denied; skillgap needs read access to the file")]
    PermissionDenied(String),
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}: the file is empty")]
    Empty(String),
    #[error("{path}: the file is {size_mb:.1} MB, over the {limit_mb} MB limit (raise it with --max-file-size)")]
    TooLarge {
        path: String,
        size_mb: f64,
        limit_mb: u64,
    },
    #[error(
        "{path}: not a document skillgap can read ({what}); save it as PDF, DOCX or plain text"
    )]
    Unsupported { path: String, what: String },
    #[error("{0}: the PDF is encrypted with a password; save an unprotected copy and try again")]
    Encrypted(String),
    #[error("{0}: no text layer: the PDF looks scanned; an ATS cannot read it either")]
    NoTextLayer(String),
    #[error("{0}: the fonts carry no text mapping (no Unicode map); an ATS reads symbols, not words; re-export the PDF with standard fonts, or send a DOCX")]
    NoTextMapping(String),
    #[error("{path}: damaged PDF ({detail}); re-export it from the original document")]
    DamagedPdf { path: String, detail: String },
    #[error("{path}: the PDF reader failed on this file ({detail}); re-export it from the original document")]
    PdfCrash { path: String, detail: String },
    #[error("{path}: not a valid DOCX ({detail}); re-save it from Word or export a PDF")]
    BadDocx { path: String, detail: String },
    #[error("{path}: the DOCX expands to more than {limit_mb} MB; refused as a possible zip bomb")]
    ZipBomb { path: String, limit_mb: u64 },
    #[error("{path}: processing took longer than {secs} s and was stopped (raise it with --file-timeout)")]
    Timeout { path: String, secs: f64 },
    #[error("{path}: the worker processing this file died ({detail}); the file likely crashes the PDF reader")]
    WorkerDied { path: String, detail: String },
    #[error("{path}: invalid lexicon JSON at line {line}, column {column}: {message}")]
    LexiconJson {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {problems}")]
    LexiconInvalid { path: String, problems: String },
    #[error("{0}")]
    Usage(String),
    /// An error already phrased (by a worker process) with the file's name in it, and
    /// the kind of failure it was.
    #[error("{message}")]
    Reported {
        message: String,
        reason: crate::reason::Reason,
    },
}

impl Error {
    /// Maps an I/O error on `path` to the variant a user understands.
    pub fn from_io(path: &str, err: std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(path.to_string()),
            std::io::ErrorKind::PermissionDenied => Error::PermissionDenied(path.to_string()),
            std::io::ErrorKind::IsADirectory => Error::IsDirectory(path.to_string()),
            _ => Error::Io {
                path: path.to_string(),
                source: err,
            },
        }
    }
}

impl Error {
    /// An I/O error while writing output to `path` (`<stdout>` or a file).
    pub fn from_write(path: &str, err: std::io::Error) -> Self {
        Error::Write {
            path: path.to_string(),
            source: err,
        }
    }

    /// True when the reader of our output went away (`skillgap ... | head`): not an
    /// error, the run just ends.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } | Error::Write { source, .. }
            if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Shorthand for the library's results.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Why this file failed, in a few words (see `reason::Reason`).
    pub(crate) fn reason(&self) -> crate::reason::Reason {
        use crate::reason::Reason;
        match self {
            Error::NotFound(_) => Reason::Missing,
            Error::IsDirectory(_) => Reason::Folder,
            Error::PermissionDenied(_) => Reason::NoPermission,
            Error::Io { .. } => Reason::Unreadable,
            Error::Empty(_) => Reason::Empty,
            Error::TooLarge { limit_mb, .. } => Reason::TooLarge {
                limit_mb: *limit_mb,
            },
            Error::Unsupported { .. } => Reason::NotDocument,
            Error::Encrypted(_) => Reason::Encrypted,
            Error::NoTextLayer(_) => Reason::Scanned,
            Error::NoTextMapping(_) => Reason::NoTextMapping,
            Error::DamagedPdf { .. } => Reason::DamagedPdf,
            Error::PdfCrash { .. } => Reason::ReaderFailed,
            Error::BadDocx { .. } => Reason::DamagedDocx,
            Error::ZipBomb { .. } => Reason::ZipBomb,
            Error::Timeout { secs, .. } => Reason::TimedOut { secs: *secs },
            Error::WorkerDied { .. } => Reason::ReaderCrashed,
            Error::Reported { reason, .. } => *reason,
            Error::Write { .. }
            | Error::LexiconJson { .. }
            | Error::LexiconInvalid { .. }
            | Error::Usage(_) => Reason::Other,
        }
    }
}
