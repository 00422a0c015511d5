//! Stage 3: find the headings (Skills, Experience, Requirements, Nice to have...) so
//! every mention knows the part of the document it was written in.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::read::landmarks::{self, Landmarks};

/// The part of a resume or posting a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Everything above the first heading: name, contact line, a title.
    Header,
    Summary,
    Skills,
    Experience,
    Projects,
    Education,
    Certifications,
    Awards,
    Publications,
    Languages,
    Interests,
    Volunteering,
    Contact,
    References,
    // Posting sections.
    About,
    Responsibilities,
    Requirements,
    Preferred,
    Benefits,
    Other,
}

impl SectionKind {
    /// The snake_case name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Header => "header",
            SectionKind::Summary => "summary",
            SectionKind::Skills => "skills",
            SectionKind::Experience => "experience",
            SectionKind::Projects => "projects",
            SectionKind::Education => "education",
            SectionKind::Certifications => "certifications",
            SectionKind::Awards => "awards",
            SectionKind::Publications => "publications",
            SectionKind::Languages => "languages",
            SectionKind::Interests => "interests",
            SectionKind::Volunteering => "volunteering",
            SectionKind::Contact => "contact",
            SectionKind::References => "references",
            SectionKind::About => "about",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Requirements => "requirements",
            SectionKind::Preferred => "preferred",
            SectionKind::Benefits => "benefits",
            SectionKind::Other => "other",
        }
    }

    /// Sections where a skill shows use, not just a claim.
    pub fn shows_use(self) -> bool {
        matches!(
            self,
            SectionKind::Experience | SectionKind::Projects | SectionKind::Summary
        )
    }
}

/// Which heading vocabulary applies: "Qualifications" heads a posting's requirements
/// but a resume's education or skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Resume,
    Posting,
}

/// A heading and the lines under it.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as written.
    pub heading: String,
    /// 1-based line of the heading.
    pub start_line: usize,
    /// 1-based last line (inclusive).
    pub end_line: usize,
}

/// Normalized text with its lines and sections: what every later stage reads.
///
/// The fields are private: the line table and the sections are built from the text
/// and must stay consistent with it, so a `Document` is only ever made by
/// [`Document::new`] and read through its accessors.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
    sections: Vec<Section>,
    line_sections: Vec<SectionKind>,
    /// Years and units of years, found when first asked.
    landmarks: std::sync::OnceLock<Landmarks>,
}

impl Document {
    /// Splits normalized text into lines and detects its sections.
    pub fn new(text: String, purpose: Purpose) -> Document {
        let mut lines = Vec::with_capacity(text.len() / 32 + 1);
        lines.push(0);
        lines.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut sections: Vec<Section> = Vec::new();
        let mut line_sections = Vec::with_capacity(lines.len());
        let mut current = SectionKind::Header;
        for index in 0..lines.len() {
            let line = &text[line_range(&lines, text.len(), index)];
            if let Some(kind) = heading_kind(line, purpose) {
                current = kind;
                if let Some(last) = sections.last_mut() {
                    last.end_line = index;
                }
                sections.push(Section {
                    kind,
                    heading: line.trim().to_string(),
                    start_line: index + 1,
                    end_line: lines.len(),
                });
            }
            line_sections.push(current);
        }
        Document {
            text,
            lines,
            sections,
            line_sections,
            landmarks: std::sync::OnceLock::new(),
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset where each line starts (the first is 0).
    pub fn line_starts(&self) -> &[usize] {
        &self.lines
    }

    /// The sections found, in order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, byte: usize) -> usize {
        self.lines.partition_point(|&start| start <= byte)
    }

    /// [`Document::line_of`] for offsets that never decrease, a step at a time
    /// instead of a search each (a scan places every mention of every resume).
    pub fn line_cursor(&self) -> LineCursor<'_> {
        LineCursor {
            starts: &self.lines,
            line: 0,
        }
    }

    /// Where the text writes years and units of years (see [`crate::read::landmarks`]):
    /// found once, for the dated roles and the stated years.
    pub fn landmarks(&self) -> &Landmarks {
        self.landmarks.get_or_init(|| landmarks::find(&self.text))
    }

    /// The section a 1-based line is in.
    pub fn section_of_line(&self, line: usize) -> SectionKind {
        self.line_sections
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(SectionKind::Header)
    }

    /// The text of a 1-based line, without its newline; empty for line 0 or a line
    /// past the end.
    pub fn line_text(&self, line: usize) -> &str {
        if line == 0 || line > self.lines.len() {
            return "";
        }
        &self.text[line_range(&self.lines, self.text.len(), line - 1)]
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The kinds of the sections found, in order, without repeats.
    pub fn section_kinds(&self) -> Vec<SectionKind> {
        let mut kinds = Vec::new();
        for s in &self.sections {
            if !kinds.contains(&s.kind) {
                kinds.push(s.kind);
            }
        }
        kinds
    }
}

/// Byte range of the 0-based line `index`, without its newline, from the line starts.
fn line_range(lines: &[usize], text_len: usize, index: usize) -> std::ops::Range<usize> {
    let end = lines.get(index + 1).map_or(text_len, |&next| next - 1);
    lines[index]..end
}

/// Headings both kinds of document use, keyed by their letters in lowercase.
const COMMON: &[(&str, SectionKind)] = &[
    ("summary", SectionKind::Summary),
    ("professionalsummary", SectionKind::Summary),
    ("careersummary", SectionKind::Summary),
    ("executivesummary", SectionKind::Summary),
    ("profile", SectionKind::Summary),
    ("professionalprofile", SectionKind::Summary),
    ("personalprofile", SectionKind::Summary),
    ("objective", SectionKind::Summary),
    ("careerobjective", SectionKind::Summary),
    ("personalstatement", SectionKind::Summary),
    ("aboutme", SectionKind::Summary),
    ("skills", SectionKind::Skills),
    ("technicalskills", SectionKind::Skills),
    ("coreskills", SectionKind::Skills),
    ("keyskills", SectionKind::Skills),
    ("coretechnicalskills", SectionKind::Skills),
    ("corecompetencies", SectionKind::Skills),
    ("competencies", SectionKind::Skills),
    ("technicalcompetencies", SectionKind::Skills),
    ("skillsandabilities", SectionKind::Skills),
    ("skillsandtools", SectionKind::Skills),
    ("technologies", SectionKind::Skills),
    ("techstack", SectionKind::Skills),
    ("technicalexpertise", SectionKind::Skills),
    ("areasofexpertise", SectionKind::Skills),
    ("expertise", SectionKind::Skills),
    ("toolsandtechnologies", SectionKind::Skills),
    ("technicalproficiencies", SectionKind::Skills),
    ("skillset", SectionKind::Skills),
    ("technicalskillset", SectionKind::Skills),
    ("skillssummary", SectionKind::Skills),
    ("experience", SectionKind::Experience),
    ("workexperience", SectionKind::Experience),
    ("professionalexperience", SectionKind::Experience),
    ("relevantexperience", SectionKind::Experience),
    ("employment", SectionKind::Experience),
    ("employmenthistory", SectionKind::Experience),
    ("workhistory", SectionKind::Experience),
    ("careerhistory", SectionKind::Experience),
    ("professionalbackground", SectionKind::Experience),
    ("projects", SectionKind::Projects),
    ("personalprojects", SectionKind::Projects),
    ("selectedprojects", SectionKind::Projects),
    ("keyprojects", SectionKind::Projects),
    ("sideprojects", SectionKind::Projects),
    ("opensource", SectionKind::Projects),
    ("opensourcecontributions", SectionKind::Projects),
    ("education", SectionKind::Education),
    ("academicbackground", SectionKind::Education),
    ("educationandtraining", SectionKind::Education),
    ("academics", SectionKind::Education),
    ("certifications", SectionKind::Certifications),
    ("certificates", SectionKind::Certifications),
    ("licensesandcertifications", SectionKind::Certifications),
    ("certificationsandlicenses", SectionKind::Certifications),
    ("courses", SectionKind::Certifications),
    ("training", SectionKind::Certifications),
    ("professionaldevelopment", SectionKind::Certifications),
    ("awards", SectionKind::Awards),
    ("honors", SectionKind::Awards),
    ("honorsandawards", SectionKind::Awards),
    ("achievements", SectionKind::Awards),
    ("accomplishments", SectionKind::Awards),
    ("publications", SectionKind::Publications),
    ("talks", SectionKind::Publications),
    ("publicationsandtalks", SectionKind::Publications),
    ("interests", SectionKind::Interests),
    ("hobbies", SectionKind::Interests),
    ("hobbiesandinterests", SectionKind::Interests),
    ("volunteering", SectionKind::Volunteering),
    ("volunteerexperience", SectionKind::Volunteering),
    ("volunteerwork", SectionKind::Volunteering),
    ("references", SectionKind::References),
    ("contact", SectionKind::Contact),
    ("contactinformation", SectionKind::Contact),
    ("contactdetails", SectionKind::Contact),
    ("personaldetails", SectionKind::Contact),
    ("personalinformation", SectionKind::Contact),
];

const RESUME_ONLY: &[(&str, SectionKind)] = &[
    ("languages", SectionKind::Languages),
    ("spokenlanguages", SectionKind::Languages),
    ("qualifications", SectionKind::Education),
    ("career", SectionKind::Experience),
];

const POSTING_ONLY: &[(&str, SectionKind)] = &[
    ("aboutus", SectionKind::About),
    ("aboutthecompany", SectionKind::About),
    ("whoweare", SectionKind::About),
    ("thecompany", SectionKind::About),
    ("aboutthejob", SectionKind::About),
    ("abouttherole", SectionKind::About),
    ("aboutthisrole", SectionKind::About),
    ("aboutthisjob", SectionKind::About),
    ("aboutthisposition", SectionKind::About),
    ("abouttheteam", SectionKind::About),
    ("theteam", SectionKind::About),
    ("therole", SectionKind::About),
    ("jobdescription", SectionKind::About),
    ("overview", SectionKind::About),
    ("responsibilities", SectionKind::Responsibilities),
    ("keyresponsibilities", SectionKind::Responsibilities),
    ("dutiesandresponsibilities", SectionKind::Responsibilities),
    ("duties", SectionKind::Responsibilities),
    ("whatyouwilldo", SectionKind::Responsibilities),
    ("whatyoulldo", SectionKind::Responsibilities),
    ("yourrole", SectionKind::Responsibilities),
    ("yourmission", SectionKind::Responsibilities),
    ("theopportunity", SectionKind::Responsibilities),
    ("dayinthelife", SectionKind::Responsibilities),
    ("requirements", SectionKind::Requirements),
    ("jobrequirements", SectionKind::Requirements),
    ("keyrequirements", SectionKind::Requirements),
    ("technicalrequirements", SectionKind::Requirements),
    ("qualifications", SectionKind::Requirements),
    ("minimumqualifications", SectionKind::Requirements),
    ("basicqualifications", SectionKind::Requirements),
    ("requiredqualifications", SectionKind::Requirements),
    ("skillsandqualifications", SectionKind::Requirements),
    ("requiredskills", SectionKind::Requirements),
    ("requiredexperience", SectionKind::Requirements),
    ("skillsandexperience", SectionKind::Requirements),
    ("experienceandskills", SectionKind::Requirements),
    ("musthave", SectionKind::Requirements),
    ("musthaves", SectionKind::Requirements),
    ("mustbring", SectionKind::Requirements),
    ("needtohave", SectionKind::Requirements),
    ("essential", SectionKind::Requirements),
    ("essentials", SectionKind::Requirements),
    ("essentialskills", SectionKind::Requirements),
    ("whatyoubring", SectionKind::Requirements),
    ("whatyouwillbring", SectionKind::Requirements),
    ("whatyoullbring", SectionKind::Requirements),
    ("whatwerelookingfor", SectionKind::Requirements),
    ("whatwearelookingfor", SectionKind::Requirements),
    ("whoyouare", SectionKind::Requirements),
    ("aboutyou", SectionKind::Requirements),
    ("yourprofile", SectionKind::Requirements),
    ("yourskills", SectionKind::Requirements),
    ("youhave", SectionKind::Requirements),
    ("youshouldhave", SectionKind::Requirements),
    ("whatyouneed", SectionKind::Requirements),
    ("nicetohave", SectionKind::Preferred),
    ("nicetohaves", SectionKind::Preferred),
    ("goodtohave", SectionKind::Preferred),
    ("preferred", SectionKind::Preferred),
    ("preferredqualifications", SectionKind::Preferred),
    ("preferredskills", SectionKind::Preferred),
    ("preferredexperience", SectionKind::Preferred),
    ("desirable", SectionKind::Preferred),
    ("desired", SectionKind::Preferred),
    ("desiredskills", SectionKind::Preferred),
    ("desiredqualifications", SectionKind::Preferred),
    ("additionalqualifications", SectionKind::Preferred),
    ("bonus", SectionKind::Preferred),
    ("bonuspoints", SectionKind::Preferred),
    ("bonuspointsfor", SectionKind::Preferred),
    ("bonusifyouhave", SectionKind::Preferred),
    ("pluses", SectionKind::Preferred),
    ("plus", SectionKind::Preferred),
    ("itsaplusif", SectionKind::Preferred),
    ("extracredit", SectionKind::Preferred),
    ("optional", SectionKind::Preferred),
    ("benefits", SectionKind::Benefits),
    ("whatweoffer", SectionKind::Benefits),
    ("weoffer", SectionKind::Benefits),
    ("perks", SectionKind::Benefits),
    ("perksandbenefits", SectionKind::Benefits),
    ("benefitsandperks", SectionKind::Benefits),
    ("compensation", SectionKind::Benefits),
    ("compensationandbenefits", SectionKind::Benefits),
    ("whyjoinus", SectionKind::Benefits),
    ("whyworkwithus", SectionKind::Benefits),
    ("howtoapply", SectionKind::Other),
    ("equalopportunity", SectionKind::Other),
    ("equalopportunityemployer", SectionKind::Other),
];

/// Heading words to section, per purpose; the purpose's own entries win.
static RESUME_HEADINGS: LazyLock<FxHashMap<&'static str, SectionKind>> =
    LazyLock::new(|| COMMON.iter().chain(RESUME_ONLY).copied().collect());
static POSTING_HEADINGS: LazyLock<FxHashMap<&'static str, SectionKind>> =
    LazyLock::new(|| COMMON.iter().chain(POSTING_ONLY).copied().collect());

/// Headings that may carry content after a colon on the same line ("Skills: Java, Go").
const INLINE_KINDS: [SectionKind; 3] = [
    SectionKind::Skills,
    SectionKind::Requirements,
    SectionKind::Preferred,
];

/// Recognises a heading line: short, with the words of a known heading, in any case,
/// with or without a trailing colon, `#` marks, or letter-spacing ("E XPERIENCE").
pub fn heading_kind(line: &str, purpose: Purpose) -> Option<SectionKind> {
    let trimmed = line
        .trim()
        .trim_start_matches(['#', '•', '*', '_', '=', '-', ' ']);
    if trimmed.is_empty() || trimmed.len() > 60 {
        return None;
    }
    let (label, rest) = match trimmed.split_once(':') {
        Some((label, rest)) => (label, rest.trim()),
        None => (trimmed, ""),
    };
    // Headings are a few words of letters; lists and sentences carry digits or commas.
    if label.len() > 45 || label.bytes().any(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    // The key: letters only, lower case, `&` as "and". Built on the stack when ASCII
    // (`label` is at most 45 bytes): this runs for every short line of every resume.
    let mut ascii = [0u8; 3 * 45];
    let mut other = String::new();
    let key = if label.is_ascii() {
        let mut len = 0;
        for b in label.bytes() {
            if b == b'&' {
                ascii[len..len + 3].copy_from_slice(b"and");
                len += 3;
            } else if b.is_ascii_alphabetic() {
                ascii[len] = b.to_ascii_lowercase();
                len += 1;
            }
        }
        std::str::from_utf8(&ascii[..len]).expect("ASCII letters")
    } else {
        for c in label.chars() {
            if c == '&' {
                other.push_str("and");
            } else if c.is_alphabetic() {
                other.extend(c.to_lowercase());
            }
        }
        other.as_str()
    };
    let key = key.strip_suffix("include").unwrap_or(key);
    let table = match purpose {
        Purpose::Resume => &*RESUME_HEADINGS,
        Purpose::Posting => &*POSTING_HEADINGS,
    };
    let kind = *table.get(key)?;
    if rest.is_empty() || (INLINE_KINDS.contains(&kind) && rest.len() > 1) {
        Some(kind)
    } else {
        None
    }
}

/// Lines of offsets read in text order: see [`Document::line_cursor`].
pub struct LineCursor<'a> {
    starts: &'a [usize],
    /// Lines whose start is at or before the last offset asked.
    line: usize,
}

impl LineCursor<'_> {
    /// The 1-based line of `byte`, which is at or after the last one asked.
    pub fn line_of(&mut self, byte: usize) -> usize {
        debug_assert!(self.line == 0 || self.starts[self.line - 1] <= byte);
        while self.line < self.starts.len() && self.starts[self.line] <= byte {
            self.line += 1;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_cursor_agrees_with_line_of() {
        let doc = Document::new("one\n\ntwo three\nfour\n".into(), Purpose::Resume);
        let mut cursor = doc.line_cursor();
        for byte in 0..doc.text().len() {
            assert_eq!(cursor.line_of(byte), doc.line_of(byte), "byte {byte}");
        }
    }

    #[test]
    fn headings_in_their_common_forms() {
        for line in [
            "SKILLS",
            "Technical Skills:",
            "## Core Competencies",
            "E XPERIENCE",
            "W o r k  E x p e r i e n c e",
            "Work History",
        ] {
            assert!(heading_kind(line, Purpose::Resume).is_some(), "{line}");
        }
        assert_eq!(
            heading_kind("E XPERIENCE", Purpose::Resume),
            Some(SectionKind::Experience)
        );
        assert_eq!(
            heading_kind("Qualifications", Purpose::Posting),
            Some(SectionKind::Requirements)
        );
        assert_eq!(
            heading_kind("Qualifications", Purpose::Resume),
            Some(SectionKind::Education)
        );
        assert_eq!(
            heading_kind("Nice to have:", Purpose::Posting),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            heading_kind("Nice-to-haves", Purpose::Posting),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            heading_kind("Skills: Java, Go", Purpose::Resume),
            Some(SectionKind::Skills)
        );
    }

    #[test]
    fn sentences_are_not_headings() {
        for line in [
            "I have experience with Java",
            "Languages: Go, Rust",
            "Experience: 5 years",
            "",
        ] {
            assert_eq!(heading_kind(line, Purpose::Resume), None, "{line}");
        }
    }

    #[test]
    fn lines_know_their_section() {
        let doc = Document::new(
            "Jane\nSKILLS\nJava\nExperience\nBuilt APIs".into(),
            Purpose::Resume,
        );
        assert_eq!(doc.section_of_line(1), SectionKind::Header);
        assert_eq!(doc.section_of_line(3), SectionKind::Skills);
        assert_eq!(doc.section_of_line(5), SectionKind::Experience);
        assert_eq!(doc.line_of(doc.text.find("Built").unwrap()), 5);
        assert_eq!(doc.line_text(3), "Java");
        assert_eq!(doc.sections[0].end_line, 3);
    }

    #[test]
    fn line_numbers_outside_the_text_give_no_text() {
        let doc = Document::new(
            "Jane
SKILLS
Java"
                .into(),
            Purpose::Resume,
        );
        assert_eq!(doc.line_text(0), "");
        assert_eq!(doc.line_text(4), "");
        assert_eq!(doc.line_text(1), "Jane");
        assert_eq!(doc.line_starts(), &[0, 5, 12][..]);
        assert_eq!(
            doc.text(),
            "Jane
SKILLS
Java"
        );
    }
}
