//! Why a file could not be read, in a few words: the `rank` table shows this beside
//! the file (the full sentence of `Error` repeats the path the table already shows,
//! and makes every error row three lines tall), and its summary line counts files by it.

use serde::{Deserialize, Serialize};

/// The kind of failure behind an [`Error`], short enough for a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Missing,
    Folder,
    NoPermission,
    Unreadable,
    Empty,
    TooLarge { limit_mb: u64 },
    NotDocument,
    Encrypted,
    Scanned,
    NoTextMapping,
    DamagedPdf,
    ReaderFailed,
    DamagedDocx,
    ZipBomb,
    TimedOut { secs: f64 },
    ReaderCrashed,
    Other,
}

impl Reason {
    /// The note in the table: "scanned: no text layer", "took > 10 s".
    pub fn note(self) -> String {
        match self {
            Reason::Missing => "no such file".into(),
            Reason::Folder => "a folder, not a file".into(),
            Reason::NoPermission => "permission denied".into(),
            Reason::Unreadable => "cannot read".into(),
            Reason::Empty => "empty file".into(),
            Reason::TooLarge { limit_mb } => format!("over {limit_mb} MB"),
            Reason::NotDocument => "not a document".into(),
            Reason::Encrypted => "encrypted".into(),
            Reason::Scanned => "scanned: no text layer".into(),
            Reason::NoTextMapping => "fonts carry no text".into(),
            Reason::DamagedPdf => "damaged PDF".into(),
            Reason::ReaderFailed => "reader failed".into(),
            Reason::DamagedDocx => "damaged DOCX".into(),
            Reason::ZipBomb => "DOCX unpacks too large".into(),
            Reason::TimedOut { secs } => format!("took > {secs} s"),
            Reason::ReaderCrashed => "reader crashed".into(),
            Reason::Other => "unreadable".into(),
        }
    }

    /// A count of files failing this way, for the summary: "15 scanned",
    /// "1 reader failure", "2 not documents".
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Reason::Missing => ("missing", "missing"),
            Reason::Folder => ("folder", "folders"),
            Reason::NoPermission => ("without read permission", "without read permission"),
            Reason::Unreadable => ("unreadable", "unreadable"),
            Reason::Empty => ("empty", "empty"),
            Reason::TooLarge { .. } => ("too large", "too large"),
            Reason::NotDocument => ("not a document", "not documents"),
            Reason::Encrypted => ("encrypted", "encrypted"),
            Reason::Scanned => ("scanned", "scanned"),
            Reason::NoTextMapping => ("without a text mapping", "without a text mapping"),
            Reason::DamagedPdf => ("damaged PDF", "damaged PDFs"),
            Reason::ReaderFailed => ("reader failure", "reader failures"),
            Reason::DamagedDocx => ("damaged DOCX", "damaged DOCX files"),
            Reason::ZipBomb => ("DOCX unpacking too large", "DOCX files unpacking too large"),
            Reason::TimedOut { .. } => ("timed out", "timed out"),
            Reason::ReaderCrashed => ("reader crash", "reader crashes"),
            Reason::Other => ("other", "other"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The same kind of failure, whatever its numbers: summary lines group by this.
    pub fn group(self) -> u8 {
        match self {
            Reason::Missing => 0,
            Reason::Folder => 1,
            Reason::NoPermission => 2,
            Reason::Unreadable => 3,
            Reason::Empty => 4,
            Reason::TooLarge { .. } => 5,
            Reason::NotDocument => 6,
            Reason::Encrypted => 7,
            Reason::Scanned => 8,
            Reason::DamagedPdf => 9,
            Reason::ReaderFailed => 10,
            Reason::DamagedDocx => 11,
            Reason::ZipBomb => 12,
            Reason::TimedOut { .. } => 13,
            Reason::ReaderCrashed => 14,
            Reason::Other => 15,
            Reason::NoTextMapping => 16,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Reason;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(Reason::NotDocument.count(1), "1 not a document");
        assert_eq!(Reason::NotDocument.count(2), "2 not documents");
        assert_eq!(Reason::ReaderFailed.count(1), "1 reader failure");
        assert_eq!(Reason::Scanned.count(15), "15 scanned");
    }

    #[test]
    fn a_time_limit_reads_as_a_number() {
        assert_eq!(Reason::TimedOut { secs: 10.0 }.note(), "took > 10 s");
        assert_eq!(Reason::TimedOut { secs: 2.5 }.note(), "took > 2.5 s");
    }
}
