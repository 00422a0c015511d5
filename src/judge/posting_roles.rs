//! Reading a posting the way a recruiter does: which parts ask something of the
//! candidate (requirements, preferred, responsibilities) and which are only context
//! (the company, the benefits, the legal tail, how to apply), clause by clause.
//!
//! Postings come as markdown with bold headings, as clean lines, and as one long
//! paragraph copied from a job board. So the text is cut into clauses (lines,
//! sentences, inline bullets, inline headings such as "... Nice to have: Go ..."), and
//! each clause carries the role of the heading above it. `job` then asks, for every
//! mention, whether it is asked and how strongly, or only context.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::read::sections::Document;

/// What a part of a posting does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Must-haves: Requirements, Qualifications, What you bring.
    Requirements,
    /// Nice to have, Preferred, Bonus.
    Preferred,
    /// What you will do, the role, the tech stack.
    Responsibilities,
    /// Intro, About us, mission, culture, the team.
    Company,
    /// What we offer, perks, salary.
    Benefits,
    /// Equal opportunity, accommodation, privacy, visa.
    Legal,
    /// How to apply, the hiring process.
    Apply,
    /// Text above the first heading (title, location, a first paragraph).
    Intro,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Requirements => "requirements",
            Role::Preferred => "preferred",
            Role::Responsibilities => "responsibilities",
            Role::Company => "company",
            Role::Benefits => "benefits",
            Role::Legal => "legal",
            Role::Apply => "apply",
            Role::Intro => "intro",
        }
    }
}

/// A piece of the posting read as one statement: a line, a sentence, an inline
/// bullet, or the text after an inline heading.
#[derive(Debug, Clone)]
pub struct Clause {
    /// Byte range in the document text.
    pub range: Range<usize>,
    pub role: Role,
    /// The posting's title line: its skills are the job's core.
    pub title: bool,
}

/// A posting cut into clauses, with the company's name when the posting says it.
#[derive(Debug, Clone)]
pub struct Reading {
    pub clauses: Vec<Clause>,
    pub company: Option<String>,
    /// Whether a heading marks requirements or preferred skills: then a skill named
    /// only in the duties or the intro is preferred, not required.
    pub has_level_sections: bool,
    /// Whether any heading was found at all.
    pub has_headings: bool,
}

impl Reading {
    /// Index of the clause holding byte `at`, if any.
    pub fn clause_at(&self, at: usize) -> Option<usize> {
        let i = self.clauses.partition_point(|c| c.range.start <= at);
        let i = i.checked_sub(1)?;
        (at < self.clauses[i].range.end).then_some(i)
    }
}

/// Heading labels, keyed by their letters in lower case (`&` as "and").
static KNOWN: LazyLock<HashMap<&'static str, Role>> = LazyLock::new(|| {
    use Role::*;
    let table: &[(&[&str], Role)] = &[
        (
            &[
                "requirements",
                "jobrequirements",
                "keyrequirements",
                "technicalrequirements",
                "minimumrequirements",
                "basicrequirements",
                "qualifications",
                "minimumqualifications",
                "basicqualifications",
                "requiredqualifications",
                "skillsandqualifications",
                "qualificationsandskills",
                "requiredskills",
                "requiredexperience",
                "skillsandexperience",
                "experienceandskills",
                "skillsandcompetencies",
                "minimumskillsandcompetencies",
                "competencies",
                "requiredskillsandexperience",
                "musthave",
                "musthaves",
                "mustbring",
                "needtohave",
                "essential",
                "essentials",
                "essentialskills",
                "whatyoubring",
                "whatyouwillbring",
                "whatyoullbring",
                "whatwerelookingfor",
                "whatwearelookingfor",
                "whoweresearchingfor",
                "whoyouare",
                "aboutyou",
                "yourprofile",
                "yourskills",
                "youhave",
                "youshouldhave",
                "whatyouneed",
                "whatyoullneed",
                "whatyouwillneed",
                "whatweexpect",
                "whatweexpectfromyou",
                "theidealcandidate",
                "idealcandidate",
                "idealprofile",
                "yourbackground",
                "skills",
                "technicalskills",
                "keyskills",
                "yourexperience",
                "experience",
                "requirementsandqualifications",
                "youmaybeagoodfitif",
                "youllbeagreatfitif",
                "whoweneed",
                "candidateprofile",
                "mustbeableto",
                "qualificationsyoullneed",
            ],
            Requirements,
        ),
        (
            &[
                "nicetohave",
                "nicetohaves",
                "goodtohave",
                "preferred",
                "preferredqualifications",
                "preferredskills",
                "preferredexperience",
                "desirable",
                "desired",
                "desiredskills",
                "desiredqualifications",
                "additionalqualifications",
                "bonus",
                "bonuspoints",
                "bonuspointsfor",
                "bonusifyouhave",
                "pluses",
                "plus",
                "itsaplusif",
                "extracredit",
                "optional",
                "niceifyouhave",
                "whatwouldbenice",
                "evenbetterif",
                "bonusskills",
                "wouldbenice",
                "standoutif",
                "whatmakesyoustandout",
            ],
            Preferred,
        ),
        (
            &[
                "responsibilities",
                "keyresponsibilities",
                "dutiesandresponsibilities",
                "duties",
                "whatyouwilldo",
                "whatyoulldo",
                "yourrole",
                "yourmission",
                "theopportunity",
                "dayinthelife",
                "adayinthelife",
                "yourresponsibilities",
                "whatyoullbedoing",
                "whatyouwillbedoing",
                "inthisrole",
                "inthisroleyouwill",
                "yourimpact",
                "theimpactyoullhave",
                "whatyoullworkon",
                "whatyouwillworkon",
                "abouttherole",
                "aboutthisrole",
                "aboutthejob",
                "aboutthisjob",
                "aboutthisposition",
                "therole",
                "roleoverview",
                "positionoverview",
                "jobdescription",
                "jobsummary",
                "summary",
                "rolesummary",
                "positionsummary",
                "theposition",
                "thejob",
                "techstack",
                "ourstack",
                "ourtechstack",
                "technologies",
                "technologiesweuse",
                "toolsandtechnologies",
                "stack",
                "whatyoullwork",
                "roleandresponsibilities",
                "jobresponsibilities",
                "tasks",
                "yourtasks",
                "theworkyoulldo",
            ],
            Responsibilities,
        ),
        (
            &[
                "aboutus",
                "aboutthecompany",
                "whoweare",
                "thecompany",
                "company",
                "companyoverview",
                "companydescription",
                "abouttheteam",
                "theteam",
                "ourteam",
                "meettheteam",
                "ourmission",
                "mission",
                "ourstory",
                "ourvalues",
                "values",
                "ourculture",
                "culture",
                "howwework",
                "whyus",
                "overview",
                "aboutourcompany",
                "aboutourteam",
                "whatwedo",
                "whoweareandwhatwedo",
            ],
            Company,
        ),
        (
            &[
                "benefits",
                "whatweoffer",
                "weoffer",
                "perks",
                "perksandbenefits",
                "benefitsandperks",
                "compensation",
                "compensationandbenefits",
                "whyjoinus",
                "whyworkwithus",
                "whatyouget",
                "whatyoullget",
                "whatsinitforyou",
                "salary",
                "salaryrange",
                "payrange",
                "pay",
                "rewards",
                "totalrewards",
                "ouroffer",
                "whatwecanofferyou",
                "whatweofferyou",
                "thepackage",
                "package",
                "location",
                "workinghours",
                "salaryandbenefits",
                "ourbenefits",
            ],
            Benefits,
        ),
        (
            &[
                "equalopportunity",
                "equalopportunityemployer",
                "eeo",
                "eeostatement",
                "equalemploymentopportunity",
                "diversityandinclusion",
                "diversity",
                "diversityequityandinclusion",
                "accommodations",
                "accommodation",
                "reasonableaccommodation",
                "privacy",
                "privacynotice",
                "privacypolicy",
                "applicantprivacynotice",
                "dataprivacy",
                "visasponsorship",
                "visa",
                "legal",
                "disclaimer",
                "notice",
                "workauthorization",
                "righttowork",
            ],
            Legal,
        ),
        (
            &[
                "howtoapply",
                "toapply",
                "applicationprocess",
                "interviewprocess",
                "ourinterviewprocess",
                "hiringprocess",
                "ourhiringprocess",
                "nextsteps",
                "apply",
                "applynow",
                "recruitmentprocess",
                "whathappensnext",
            ],
            Apply,
        ),
    ];
    table
        .iter()
        .flat_map(|(keys, role)| keys.iter().map(move |k| (*k, *role)))
        .collect()
});

/// A heading's key: its letters in lower case, `&` as "and".
fn key_of(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for c in label.chars() {
        if c == '&' {
            key.push_str("and");
        } else if c.is_alphabetic() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// The role a heading of unknown wording most likely has, from its words.
fn role_by_words(label: &str) -> Option<Role> {
    let l = label.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
    if has(&[
        "equal opportunit",
        "eeo",
        "accommodat",
        "privacy",
        "visa",
        "diversity",
        "inclusion",
        "disclaimer",
        "right to work",
        "work authori",
        "e-verify",
    ]) {
        return Some(Role::Legal);
    }
    if has(&[
        "apply",
        "application",
        "interview",
        "hiring process",
        "next step",
    ]) {
        return Some(Role::Apply);
    }
    if has(&[
        "offer",
        "benefit",
        "perk",
        "salary",
        "compensation",
        "pay ",
        "package",
        "reward",
        "why join",
        "why work",
        "you'll love",
        "you will love",
        "in it for you",
        "you'll get",
        "you get",
    ]) {
        return Some(Role::Benefits);
    }
    if has(&[
        "nice",
        "prefer",
        "bonus",
        "plus",
        "desir",
        "optional",
        "stand out",
        "extra",
    ]) {
        return Some(Role::Preferred);
    }
    if has(&[
        "requir",
        "qualif",
        "must",
        "skill",
        "competenc",
        "looking for",
        "who you are",
        "about you",
        "you have",
        "you bring",
        "you'll bring",
        "you need",
        "profile",
        "ideal candidate",
        "expect",
        "background",
        "experience",
        "thrive",
        "if you",
        "you'll need",
        "fit",
    ]) {
        return Some(Role::Requirements);
    }
    if has(&[
        "responsib",
        "dut",
        "you'll do",
        "you will do",
        "you'll be doing",
        "the role",
        "your role",
        "day to day",
        "day-to-day",
        "impact",
        "you'll work",
        "you will work",
        "opportunity",
        "stack",
        "technolog",
        "your mission",
        "task",
    ]) {
        return Some(Role::Responsibilities);
    }
    if has(&[
        "about",
        "who we are",
        "company",
        "team",
        "culture",
        "mission",
        "values",
        "story",
        "life at",
        "how we work",
        "what we do",
    ]) {
        return Some(Role::Company);
    }
    None
}

/// Words after "About" that name no company.
const NOT_A_NAME: &[&str] = &[
    "us",
    "you",
    "the",
    "this",
    "our",
    "your",
    "role",
    "job",
    "team",
    "company",
    "position",
    "opportunity",
    "me",
    "we",
    "it",
];

/// "About Acme" / "About OpenAI": the company's name.
fn about_name(label: &str) -> Option<String> {
    let rest = label
        .strip_prefix("About ")
        .or_else(|| label.strip_prefix("ABOUT "))?
        .trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let first = words[0].to_lowercase();
    if NOT_A_NAME.contains(&first.as_str()) || !words[0].chars().next()?.is_uppercase() {
        return None;
    }
    let name = rest.trim_end_matches(['?', '!', '.']);
    // An all-caps heading ("ABOUT ACME") keeps the name's letters, not its case.
    Some(name.to_string())
}

/// A heading's label without markdown marks, bullets and a trailing colon.
fn strip_marks(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['#', '•', '*', '_', '=', '-', '>', ' ', '\t'])
        .trim_end_matches(['*', '_', ':', ' ', '\t', '#', '='])
}

/// A whole line read as a heading: its role, and the company's name when it is
/// "About {Company}".
pub fn line_heading(line: &str) -> Option<(Role, Option<String>)> {
    let trimmed = line.trim();
    let label = strip_marks(trimmed);
    let words = label.split_whitespace().count();
    // A markdown heading may be a sentence ("## You might thrive in this role if you:").
    let max_words = if trimmed.starts_with('#') { 10 } else { 8 };
    if label.is_empty() || label.len() > 70 || words > max_words {
        return None;
    }
    if label
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ';' | '(' | '|' | '$'))
    {
        return None;
    }
    if let Some(name) = about_name(label) {
        return Some((Role::Company, Some(name)));
    }
    let key = key_of(label);
    if let Some(&role) = KNOWN.get(key.as_str()) {
        return Some((role, None));
    }
    let marked = trimmed.starts_with('#')
        || trimmed.starts_with("**")
        || trimmed.starts_with("__")
        || trimmed.trim_end_matches(['*', '_']).ends_with(':')
        || (label.chars().any(char::is_alphabetic)
            && !label.chars().any(char::is_lowercase)
            && label.len() > 3);
    if marked && (words <= 6 || trimmed.starts_with('#')) {
        return role_by_words(label).map(|r| (r, None));
    }
    None
}

/// Small words a heading may hold in lower case ("Nice to have", "What you'll do").
const SMALL: &[&str] = &[
    "to", "and", "of", "the", "a", "an", "you", "you'll", "we", "we're", "for", "in", "at", "with",
    "our", "your", "what", "who", "is", "are", "be", "will", "have", "do", "if", "it", "on",
    "bring", "need", "offer", "us", "looking", "get", "doing", "&",
];

/// Abbreviations whose period ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "eg", "ie", "incl", "approx", "vs", "sr", "jr", "no", "min", "max", "esp",
    "dept", "inc", "ltd", "co", "corp", "st",
];

/// Capitalized words that open a new requirement in a posting whose line breaks were
/// lost ("... MSSQL 2012 or above Proficient with MVC ...").
const OPENERS: &[&str] = &[
    "Expert",
    "Proficient",
    "Proficiency",
    "Strong",
    "Solid",
    "Excellent",
    "Experience",
    "Experienced",
    "Knowledge",
    "Familiarity",
    "Familiar",
    "Understanding",
    "Ability",
    "Bachelor",
    "Bachelor's",
    "Master's",
    "Degree",
    "Minimum",
    "Must",
    "Nice",
    "Good",
    "Working",
    "Hands-on",
    "Deep",
    "Demonstrated",
    "Proven",
    "Exposure",
    "Fluency",
    "Fluent",
    "Comfortable",
    "Advanced",
    "Design",
    "Develop",
    "Build",
    "Maintain",
    "Collaborate",
    "Write",
    "Participate",
    "Ensure",
    "Own",
    "Lead",
    "Mentor",
    "Work",
];

/// A heading found inside a line: its role, and the company's name when it is
/// "About {Company}".
type Heading = (Role, Option<String>);

/// A piece of one line: a heading that changes the role, or text.
enum Piece {
    Heading {
        role: Role,
        name: Option<String>,
        /// The heading only labels the rest of its line ("Salary: $150k").
        line_only: bool,
    },
    Text(Range<usize>),
}

/// Cuts a posting into clauses with roles.
pub fn read(doc: &Document) -> Reading {
    let text = doc.text();
    let mut clauses: Vec<Clause> = Vec::new();
    let mut role = Role::Intro;
    let mut about_names: Vec<String> = Vec::new();
    let mut has_level_sections = false;
    let mut has_headings = false;
    let mut title_seen = false;
    // Clauses before the one that may be the title (a job board's header line).
    let mut before_title = 0usize;
    // Whether the last clause may go on over the line break (no closing punctuation).
    let mut open_clause = false;
    for index in 0..doc.line_count() {
        let start = doc.line_starts()[index];
        let end = doc
            .line_starts()
            .get(index + 1)
            .map_or(text.len(), |&n| n - 1);
        let line = &text[start..end];
        if line.trim().is_empty() {
            open_clause = false;
            continue;
        }
        if !title_seen
            && clauses.len() == before_title
            && board_header(line, next_text_line(text, end))
        {
            // A job board's header ("JobHarbor | Saved job | 4821") is not the title:
            // the title is the line after it.
            clauses.push(Clause {
                range: start..end,
                role,
                title: false,
            });
            before_title = clauses.len();
            continue;
        }
        if let Some((r, name)) = line_heading(line) {
            role = r;
            has_headings = true;
            has_level_sections |= matches!(r, Role::Requirements | Role::Preferred);
            about_names.extend(name);
            open_clause = false;
            title_seen = true;
            continue;
        }
        let mut pieces = Vec::new();
        split_line(text, start..end, &mut pieces);
        let line_role = role;
        let mut first = true;
        for piece in pieces {
            match piece {
                Piece::Heading {
                    role: r,
                    name,
                    line_only,
                } => {
                    has_headings = true;
                    has_level_sections |= matches!(r, Role::Requirements | Role::Preferred);
                    about_names.extend(name);
                    role = r;
                    if !line_only {
                        // The heading goes on past its line: it heads what follows.
                    }
                    first = false;
                    open_clause = false;
                }
                Piece::Text(range) => {
                    let trimmed = text[range.clone()].trim();
                    if trimmed.is_empty() {
                        continue;
                    }
                    let continues = first
                        && open_clause
                        && trimmed.chars().next().is_some_and(char::is_lowercase);
                    if continues {
                        if let Some(last) = clauses.last_mut() {
                            last.range.end = range.end;
                        }
                    } else {
                        let title =
                            !title_seen && role == Role::Intro && clauses.len() == before_title;
                        clauses.push(Clause {
                            range: range.clone(),
                            role,
                            title: title && looks_like_title(trimmed),
                        });
                    }
                    open_clause = !trimmed.ends_with(['.', '!', '?', ';', ':']);
                    first = false;
                }
            }
        }
        title_seen = true;
        // A label with its content on one short line ("Salary: $150k") does not
        // head the lines after it.
        if role != line_role && line_is_labelled(line) && line.len() <= 160 {
            role = line_role;
        }
    }
    let company = company_name(text, &clauses, &about_names);
    Reading {
        clauses,
        company,
        has_level_sections,
        has_headings,
    }
}

/// True when a line starts with a short label and a colon ("Salary: ...").
fn line_is_labelled(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, rest)| {
        !rest.trim().is_empty() && strip_marks(label).split_whitespace().count() <= 6
    })
}

/// The first line of text after byte `end` (the end of a line), if any.
fn next_text_line(text: &str, end: usize) -> Option<&str> {
    text.get(end..)?
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
}

/// True when `line`, the first line of a posting, is a job board's or site's header
/// rather than the title: three or more short cells split by `|` ("JobHarbor | Saved
/// job | quarry-cloud-infra-4821"), followed by a line that reads as a title. A title
/// written with pipes ("Senior Engineer | Acme | London") followed by a label line or
/// a sentence stays the title.
pub(crate) fn board_header(line: &str, next: Option<&str>) -> bool {
    let cells: Vec<&str> = line.split('|').map(str::trim).collect();
    cells.len() >= 3
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.split_whitespace().count() <= 4)
        && next.is_some_and(|n| {
            looks_like_title(n)
                && !line_is_labelled(n)
                && !n.contains('|')
                && crate::read::sections::heading_kind(n, crate::read::sections::Purpose::Posting)
                    .is_none()
        })
}

/// A first line that reads as a job title: short, no sentence.
fn looks_like_title(line: &str) -> bool {
    line.split_whitespace().count() <= 10 && !line.ends_with('.')
}

/// Splits one line into text pieces and inline headings: headings before a colon,
/// known heading phrases at a clause start, sentence ends, inline bullets, and
/// capitalized requirement openers.
fn split_line(text: &str, line: Range<usize>, out: &mut Vec<Piece>) {
    let s = &text[line.clone()];
    let bytes = s.as_bytes();
    // Cut points: (where the text before ends, where the text after starts, heading).
    let mut cuts: Vec<(usize, usize, Option<Heading>)> = Vec::new();
    let mut clause_start = 0usize;
    // Words in the clause so far (counted at spaces: recounting was quadratic on a
    // posting written as one long line).
    let mut clause_words = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b':' && !s[i + 1..].starts_with("//") && !next_is_digit(bytes, i) {
            if let Some((phrase_start, role, name)) = heading_before_colon(s, clause_start, i) {
                let after = i + 1;
                cuts.push((phrase_start, after, Some((role, name))));
                clause_start = after;
                clause_words = 0;
            }
        } else if matches!(b, b'.' | b'!' | b'?' | b';')
            && bytes.get(i + 1).is_none_or(|&n| n == b' ')
            && !(b == b'.' && ends_with_abbreviation(&s[clause_start..i]))
        {
            cuts.push((i + 1, i + 1, None));
            clause_start = i + 1;
            clause_words = 0;
        } else if s[i..].starts_with('•') {
            cuts.push((i, i + '•'.len_utf8(), None));
            clause_start = i + '•'.len_utf8();
            clause_words = 0;
            i += '•'.len_utf8();
            continue;
        } else if b == b' ' && i > clause_start {
            if bytes[i - 1] != b' ' {
                clause_words += 1;
            }
            // A capitalized opener mid-sentence starts a new clause.
            let word_end = s[i + 1..].find([' ', ',']).map_or(s.len(), |p| i + 1 + p);
            let word = &s[i + 1..word_end];
            let before = s[clause_start..i].trim_end();
            if OPENERS.contains(&word)
                && clause_words >= 2
                && !before.ends_with([',', ':', '(', '/', '-'])
                && !before.ends_with(" and")
                && !before.ends_with(" or")
            {
                cuts.push((i, i + 1, None));
                clause_start = i + 1;
                clause_words = 0;
            }
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    let mut from = 0usize;
    for (end, next, heading) in cuts {
        if end > from {
            push_text(text, line.start + from..line.start + end, out);
        }
        if let Some((role, name)) = heading {
            // Labelled only when the label starts the line and text follows it.
            let line_only = s[..end].trim().is_empty() && !s[next..].trim().is_empty();
            out.push(Piece::Heading {
                role,
                name,
                line_only,
            });
        }
        from = next.max(from);
    }
    if from < s.len() {
        push_text(text, line.start + from..line.end, out);
    }
}

/// Pushes a text piece, first taking off a known heading phrase that opens it
/// ("Responsibilities Design and build ...", "Nice to have Go").
fn push_text(text: &str, range: Range<usize>, out: &mut Vec<Piece>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let words: Vec<(usize, &str)> = piece
        .split_whitespace()
        .take(7)
        .map(|w| (w.as_ptr() as usize - piece.as_ptr() as usize, w))
        .collect();
    for n in (1..=words.len().min(6)).rev() {
        if n >= words.len() {
            continue;
        }
        let (_, first) = words[0];
        let (next_at, next) = words[n];
        let capital = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
        if !capital(first) || !(capital(next) || next.starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let phrase_end = words[n - 1].0 + words[n - 1].1.len();
        let phrase = &piece[lead..phrase_end];
        let key = key_of(phrase);
        // One-word phrases must be unmistakable headings.
        let ok = match KNOWN.get(key.as_str()) {
            Some(_) if n >= 2 => true,
            Some(_) => matches!(
                key.as_str(),
                "requirements" | "responsibilities" | "qualifications" | "benefits" | "perks"
            ),
            None => false,
        };
        if ok {
            out.push(Piece::Heading {
                role: KNOWN[key.as_str()],
                name: None,
                line_only: false,
            });
            out.push(Piece::Text(range.start + next_at..range.end));
            return;
        }
    }
    out.push(Piece::Text(range));
}

fn next_is_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&word.as_str()) || word.len() == 1
}

/// The heading phrase that ends at the colon at `colon`, if the words before it read
/// as one: a known heading, "About {Company}", or a short capitalized phrase whose
/// words say a role. Returns where the phrase starts, its role and a company name.
fn heading_before_colon(
    s: &str,
    clause_start: usize,
    colon: usize,
) -> Option<(usize, Role, Option<String>)> {
    // Words back to the last sentence mark, at most seven (from the last 100 bytes:
    // a heading is short, and a long paragraph has many colons).
    let mut from = clause_start.max(colon.saturating_sub(100));
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let clause_start = from;
    let before = &s[clause_start..colon];
    let words: Vec<(usize, &str)> = before
        .split_whitespace()
        .map(|w| {
            (
                clause_start + (w.as_ptr() as usize - before.as_ptr() as usize),
                w,
            )
        })
        .collect();
    let tail = &words[words.len().saturating_sub(7)..];
    let mut best: Option<(usize, Role, Option<String>)> = None;
    for k in 0..tail.len() {
        let (start, first) = tail[k];
        let phrase_words: Vec<&str> = tail[k..].iter().map(|(_, w)| *w).collect();
        let phrase = strip_marks(&s[start..colon]);
        if phrase.is_empty()
            || phrase
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ';' | '(' | ')'))
        {
            continue;
        }
        let first_clean = first.trim_start_matches(['*', '_', '#', '•']);
        if !first_clean.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let mark_start = start + (first.len() - first_clean.len());
        if let Some(name) = about_name(phrase) {
            best = Some((mark_start, Role::Company, Some(name)));
            break;
        }
        if let Some(&role) = KNOWN.get(key_of(phrase).as_str()) {
            best = Some((mark_start, role, None));
            break;
        }
        let headingish = phrase_words.len() <= 6
            && phrase_words.iter().all(|w| {
                let w = w.trim_matches(['*', '_']);
                w.chars().next().is_some_and(char::is_uppercase)
                    || SMALL.contains(&w.to_lowercase().as_str())
            });
        if headingish && k + 1 < tail.len() + 1 {
            if let Some(role) = role_by_words(phrase) {
                // A label inside a list ("Languages: ...") keeps its section: only
                // phrases that say a role start one.
                best = Some((mark_start, role, None));
                break;
            }
        }
    }
    best
}

/// Words that are capitalized in an intro but name no company.
const NOT_COMPANY: &[&str] = &[
    "we",
    "our",
    "the",
    "you",
    "a",
    "an",
    "in",
    "at",
    "as",
    "this",
    "join",
    "about",
    "us",
    "it",
    "they",
    "senior",
    "junior",
    "remote",
    "full-time",
    "team",
    "role",
    "job",
    "and",
];

/// The company's name: a `Company:` line, an "About {Company}" heading, or the name
/// the intro and the legal tail use as a subject ("At Acme, ...", "Acme is ...",
/// "Join Acme").
fn company_name(text: &str, clauses: &[Clause], about: &[String]) -> Option<String> {
    static LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?im)^\s*[*_]*(?:company|company name|employer|organi[sz]ation|hiring company)[*_]*\s*:[*_]*\s*([^\n|·•,(]{2,60})",
        )
        .unwrap()
    });
    if let Some(c) = LABEL.captures(text) {
        let name = c[1].trim().trim_end_matches(['*', '_', '.']).trim();
        if !name.is_empty() {
            return Some(name.to_string());
        }
    }
    if let Some(name) = about.first() {
        return Some(name.clone());
    }
    static SUBJECT: LazyLock<regex::Regex> = LazyLock::new(|| {
        let name = r"([A-Z][A-Za-z0-9&.\-]*(?:\s[A-Z][A-Za-z0-9&.\-]*){0,2})";
        regex::Regex::new(&format!(
            r"(?:\b(?:At|Join|join|at)\s{name}\b)|(?:{name}(?:'s)?\s(is\s(?:a|an|the|building|hiring|looking|on\sa\smission)|was\sfounded|builds|helps|makes|provides|powers|develops|creates|offers|enables|is\san\sequal))"
        ))
        .unwrap()
    });
    // (name, times used as the company, whether once in a strong pattern)
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    for clause in clauses
        .iter()
        .filter(|c| matches!(c.role, Role::Intro | Role::Company | Role::Legal))
    {
        let body = &text[clause.range.clone()];
        for caps in SUBJECT.captures_iter(body) {
            let Some(m) = caps.get(1).or_else(|| caps.get(2)) else {
                continue;
            };
            // "At X" and "X is a/an/the", "X was founded", "X is hiring" say company;
            // "X helps" or "X builds" alone may be a tool doing its job.
            let verb = caps.get(3);
            let next_word = verb
                .map(|v| body[v.end()..].split_whitespace().next().unwrap_or(""))
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            // "Docker is a plus", "Kafka is the backbone": a skill's praise.
            const PRAISE: &[&str] = &[
                "plus",
                "bonus",
                "must",
                "big",
                "huge",
                "strong",
                "nice",
                "requirement",
                "advantage",
                "asset",
                "key",
                "core",
                "prerequisite",
                "great",
                "backbone",
                "main",
                "primary",
                "preferred",
                "definite",
            ];
            if verb.is_some_and(|v| v.as_str().starts_with("is "))
                && PRAISE.contains(&next_word.as_str())
            {
                continue;
            }
            let strong = caps.get(1).is_some()
                || verb.is_some_and(|v| {
                    let v = v.as_str();
                    (v.starts_with("is") && !v.starts_with("is the")) || v.starts_with("was")
                });
            let name = m.as_str().trim_end_matches(['.', '-']);
            if NOT_COMPANY.contains(&name.to_lowercase().as_str()) || name.len() < 2 {
                continue;
            }
            match counts.iter_mut().find(|(n, ..)| n == name) {
                Some((_, count, s)) => {
                    *count += 1;
                    *s |= strong;
                }
                None => counts.push((name.to_string(), 1, strong)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(name, _, strong)| *strong || text.matches(name.as_str()).count() >= 2)
        .max_by_key(|(_, count, _)| *count)
        .map(|(name, ..)| name)
}

/// Forms of the company's name a mention may be written as: the name, without a
/// legal suffix, and its first word.
pub fn company_forms(name: &str) -> Vec<String> {
    const SUFFIXES: &[&str] = &[
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "gmbh",
        "corp",
        "corp.",
        "co.",
        "labs",
        "ai",
        "technologies",
        "software",
        "systems",
        "group",
        "n.v.",
        "plc",
        "s.a.",
        "ag",
        "io",
    ];
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches(['.', ',']).to_string();
    let mut forms = vec![lower.clone()];
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 {
        let kept: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !SUFFIXES.contains(&w.trim_end_matches(',')))
            .collect();
        if !kept.is_empty() {
            forms.push(kept.join(" "));
        }
        if words[0].len() > 2 {
            forms.push(words[0].to_string());
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

/// True when a mention's written form is the company's name or starts with it
/// ("OpenAI", "OpenAI API" at OpenAI): the company's own name and products.
pub fn is_company_form(form: &str, company_forms: &[String]) -> bool {
    let form = form.to_lowercase();
    company_forms.iter().any(|c| {
        form == *c
            || form
                .strip_prefix(c.as_str())
                .is_some_and(|rest| rest.starts_with([' ', '\'']))
    })
}

/// What a clause says, read once however many skills it names.
#[derive(Debug, Clone, Default)]
pub struct ClauseFacts {
    /// Where each part starts (relative to the document) and its level cue:
    /// `Some(true)` preferred, `Some(false)` required, `None` no cue.
    parts: Vec<(usize, Option<bool>)>,
    /// Asks something of the candidate ("you", "must", "experience with").
    pub candidate: bool,
    /// Strongly asks ("we're looking for", "you will", "must"), enough to make a
    /// sentence in an "About us" section a requirement.
    pub strong_candidate: bool,
    /// Describes the company as such ("We are a ...", "Our mission", "We follow ...").
    pub company: bool,
    /// Describes the stack the company uses ("We use Go and Kafka").
    pub stack: bool,
    /// Describes the culture or the team (for soft skills).
    pub culture: bool,
    /// Reads as legal text (equal opportunity, accommodation, visa).
    pub legal: bool,
    /// Mentions from this byte on belong to other people ("alongside frontend
    /// developers using React").
    pub others_from: Option<usize>,
}

impl ClauseFacts {
    /// The level cue governing a byte of the clause: its part's own cue, else the
    /// nearest part's before it, else after it.
    pub fn cue_at(&self, at: usize) -> Option<bool> {
        let i = self.parts.partition_point(|&(s, _)| s <= at).max(1) - 1;
        self.parts.get(i).and_then(|&(_, c)| c)
    }
}

/// Reads a clause's cues. `preferred` and `required` are the level cue phrases.
pub fn clause_facts(
    text: &str,
    clause: &Range<usize>,
    company: &[String],
    cues: (&[&str], &[&str]),
) -> ClauseFacts {
    let (preferred, required) = cues;
    let body = &text[clause.clone()];
    let lower = body.to_lowercase();
    let mut parts = Vec::new();
    // Parts: ", and " / ", but " / ", while " / " whereas " end a part, so "Strong
    // Java, and Go is a plus" reads as two cues.
    let mut part_start = 0usize;
    // (where the part before ends, where the next starts, whether the next part is a
    // parenthesis). A parenthesis is a part of its own whose cue stays inside:
    // "relational databases (PostgreSQL preferred)" prefers PostgreSQL only.
    let mut cut_points: Vec<(usize, usize, bool)> = Vec::new();
    for sep in [
        ", and ",
        ", but ",
        ", while ",
        " whereas ",
        ", although ",
        " but ",
        " (",
        ")",
    ] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(sep) {
            cut_points.push((from + p, from + p + sep.len(), sep == " ("));
            from += p + sep.len();
        }
    }
    cut_points.sort_unstable();
    let mut paren = Vec::new();
    let mut in_paren = false;
    for (end, next, opens) in cut_points
        .into_iter()
        .chain([(lower.len(), lower.len(), false)])
    {
        if end < part_start {
            continue;
        }
        let part = &lower[part_start..end];
        let cue = if preferred.iter().any(|c| has_phrase(part, c)) {
            Some(true)
        } else if required.iter().any(|c| has_phrase(part, c)) {
            Some(false)
        } else {
            None
        };
        parts.push((clause.start + part_start, cue));
        paren.push(in_paren);
        in_paren = opens;
        part_start = next;
    }
    // A part without a cue takes the nearest one before it, else after it; a
    // parenthesis gives its cue to no other part.
    let mut previous = None;
    for (part, &p) in parts.iter_mut().zip(&paren) {
        if p {
            part.1 = part.1.or(previous);
        } else {
            previous = part.1.or(previous);
            part.1 = previous;
        }
    }
    let mut next = None;
    for (part, &p) in parts.iter_mut().zip(&paren).rev() {
        if p {
            part.1 = part.1.or(next);
        } else {
            next = part.1.or(next);
            part.1 = next;
        }
    }
    let stripped = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let starts = |p: &[&str]| p.iter().any(|w| stripped.starts_with(w));
    let has_any = |p: &[&str]| p.iter().any(|w| has_phrase(&lower, w));
    let names_company = company.iter().any(|c| stripped.starts_with(c.as_str()))
        || company
            .iter()
            .any(|c| stripped.starts_with(&format!("at {c}")));
    let candidate = has_any(&[
        "you",
        "you'll",
        "you're",
        "your",
        "you've",
        "candidate",
        "candidates",
        "applicant",
        "must",
        "required",
        "requirement",
        "requirements",
        "experience",
        "experienced",
        "skills",
        "knowledge",
        "proficient",
        "proficiency",
        "ability to",
        "able to",
        "familiar",
        "familiarity",
        "looking for",
        "seeking",
        "hiring",
        "we need",
        "ideal",
        "should",
        "expert",
        "expertise",
        "background in",
        "understanding of",
        "years",
    ]);
    let strong_candidate = has_any(&[
        "looking for",
        "seeking",
        "you will",
        "you'll",
        "you have",
        "you bring",
        "ideal candidate",
        "must",
        "required",
        "years of experience",
        "experience with",
        "experience in",
        "we need",
    ]);
    let company_desc = names_company
        || starts(&[
            "we are a",
            "we're a",
            "we are the",
            "we're the",
            "we follow",
            "we value",
            "we believe",
            "we practice",
            "we care",
            "we were",
            "we have",
            "we've",
            "we love",
            "we build",
            "we make",
            "we help",
            "we're on",
            "we are on",
            "our mission",
            "our customers",
            "our clients",
            "our culture",
            "our values",
            "our company",
            "our team",
            "our engineers",
            "our people",
            "our product",
            "our platform",
            "the company",
            "founded",
            "headquartered",
            "backed by",
            "since ",
            "together, we",
            "together we",
        ])
        || has_any(&[
            "is a leading",
            "was founded",
            "we are an equal",
            "is an equal",
        ]);
    let stack = starts(&[
        "we use",
        "we're using",
        "we are using",
        "we work with",
        "we run",
        "our stack",
        "our tech stack",
        "tech stack",
        "our backend",
        "our services",
        "our infrastructure",
        "we write",
        "we deploy",
        "we ship",
    ]) || has_any(&["built on", "built with", "runs on", "written in"]) && !candidate;
    let culture = has_any(&[
        "culture",
        "environment",
        "team of",
        "we value",
        "values",
        "we believe",
        "our team",
        "teammates",
        "colleagues",
        "workplace",
        "we offer",
        "benefits",
        "perks",
        "work-life",
        "where you",
        "company",
    ]);
    let legal = has_any(&[
        "equal opportunity",
        "equal employment",
        "eeo",
        "accommodation",
        "regardless of",
        "without regard",
        "protected veteran",
        "visa sponsorship",
        "sponsor visas",
        "right to work",
        "e-verify",
        "privacy notice",
        "personal data",
        "background check",
    ]);
    let others_from = others_cue(&lower).map(|at| clause.start + at);
    ClauseFacts {
        parts,
        candidate,
        strong_candidate,
        company: company_desc && !strong_candidate,
        stack,
        culture,
        legal,
        others_from,
    }
}

/// Where the skills of other people start in a clause: after "alongside ... <team>"
/// or "with <team> who use / using".
fn others_cue(lower: &str) -> Option<usize> {
    const TEAM: &[&str] = &[
        "developers",
        "engineers",
        "designers",
        "scientists",
        "analysts",
        "team",
        "teams",
        "colleagues",
        "specialists",
        "researchers",
    ];
    // "APIs used by our web and mobile apps", "APIs for our React Native app": the
    // consumers' technology is theirs, not asked of the candidate.
    for lead in ["used by ", "for our ", "consumed by ", "that power our "] {
        if let Some(p) = lower.find(lead) {
            let after = p + lead.len();
            let consumer = lower[after..].split(' ').take(6).any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                matches!(
                    w,
                    "app"
                        | "apps"
                        | "application"
                        | "applications"
                        | "clients"
                        | "website"
                        | "frontend"
                        | "frontends"
                        | "customers"
                        | "partners"
                        | "integrations"
                )
            });
            if consumer {
                return Some(after);
            }
        }
    }
    for lead in [
        "alongside ",
        "partner with ",
        "collaborate with ",
        "work closely with ",
        "work with ",
        "together with ",
    ] {
        let Some(p) = lower.find(lead) else {
            continue;
        };
        let after = p + lead.len();
        if lead == "alongside " {
            // Whoever you work alongside, their tools are theirs.
            return Some(after);
        }
        let rest = &lower[after..];
        // A team word within the next few words, then what they use.
        let mut offset = 0;
        for word in rest.split(' ').take(6) {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            offset = (offset + word.len() + 1).min(rest.len());
            if TEAM.contains(&w) {
                let tail = rest[offset..].trim_start();
                if [
                    "using",
                    "who use",
                    "who work",
                    "that use",
                    "working in",
                    "who build",
                ]
                .iter()
                .any(|u| tail.starts_with(u))
                {
                    return Some(after + offset);
                }
            }
        }
    }
    None
}

/// True when `phrase` occurs in `text` (both lower case) at word boundaries.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let before_ok = !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after_ok = !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::sections::Purpose;

    fn roles(text: &str) -> Vec<(String, Role)> {
        let doc = Document::new(text.to_string(), Purpose::Posting);
        let reading = read(&doc);
        reading
            .clauses
            .iter()
            .map(|c| (doc.text()[c.range.clone()].trim().to_string(), c.role))
            .collect()
    }

    #[test]
    fn a_job_boards_header_line_is_not_the_title() {
        let header = "JobHarbor  |  Saved job  |  quarry-cloud-infra-4821";
        assert!(board_header(header, Some("Infrastructure Engineer (Go)")));
        // A title written with pipes stays the title when a label or prose follows.
        let titled = "Senior Engineer | Acme | London";
        assert!(!board_header(titled, Some("Company: Acme")));
        assert!(!board_header(
            titled,
            Some("We build the control plane for storage.")
        ));
        assert!(!board_header("Backend Engineer", Some("Platform Engineer")));
        let doc = Document::new(
            format!("{header}\n\nSite Reliability Engineer\nWe run batteries.\n"),
            Purpose::Posting,
        );
        let reading = read(&doc);
        let title: Vec<&str> = reading
            .clauses
            .iter()
            .filter(|c| c.title)
            .map(|c| doc.text()[c.range.clone()].trim())
            .collect();
        assert_eq!(title, ["Site Reliability Engineer"]);
    }

    #[test]
    fn headings_in_markdown_caps_and_about_forms() {
        for (line, role) in [
            ("**What You'll Do:**", Role::Responsibilities),
            ("## About Acme", Role::Company),
            ("ABOUT US", Role::Company),
            ("What We Offer", Role::Benefits),
            ("Equal Opportunity Employer", Role::Legal),
            ("How to apply:", Role::Apply),
            ("**Bonus points if you have:**", Role::Preferred),
            ("WHAT YOU BRING", Role::Requirements),
            (
                "## You might thrive in this role if you:",
                Role::Requirements,
            ),
        ] {
            assert_eq!(line_heading(line).map(|h| h.0), Some(role), "{line}");
        }
        assert_eq!(
            line_heading("About OpenAI").and_then(|h| h.1).as_deref(),
            Some("OpenAI")
        );
        for line in ["Experience with AWS", "Java, Go", "Kafka", "We build APIs."] {
            assert_eq!(line_heading(line).map(|h| h.0), None, "{line}");
        }
    }

    #[test]
    fn inline_headings_split_a_paragraph() {
        let r = roles(
            "Acme builds tools. Responsibilities: Build APIs in Go. Minimum Skills and \
             Competencies: Expert in C#, JavaScript Proficient with MVC Nice to have: Rust. \
             What we offer: a culture of autonomy.",
        );
        let role_of = |needle: &str| {
            r.iter()
                .find(|(t, _)| t.contains(needle))
                .unwrap_or_else(|| panic!("{needle} in {r:?}"))
                .1
        };
        assert_eq!(role_of("Acme builds"), Role::Intro);
        assert_eq!(role_of("APIs in Go"), Role::Responsibilities);
        assert_eq!(role_of("Expert in C#"), Role::Requirements);
        assert_eq!(role_of("Proficient with MVC"), Role::Requirements);
        assert!(r
            .iter()
            .all(|(t, _)| !t.contains("Expert in C#, JavaScript Proficient")));
        assert_eq!(role_of("Rust"), Role::Preferred);
        assert_eq!(role_of("autonomy"), Role::Benefits);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let r = roles("Requirements\nA relational database (e.g. PostgreSQL or MySQL).");
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn the_company_name_comes_from_label_about_or_subject() {
        let name = |t: &str| read(&Document::new(t.to_string(), Purpose::Posting)).company;
        assert_eq!(
            name("Company: OpenAI\nRole: Engineer").as_deref(),
            Some("OpenAI")
        );
        assert_eq!(
            name("Engineer\n\nAbout Fernway\nWe move freight.").as_deref(),
            Some("Fernway")
        );
        assert_eq!(
            name("At Brightleaf, we grow. Brightleaf is the digital operating system for horticulture.")
                .as_deref(),
            Some("Brightleaf")
        );
        assert!(is_company_form("OpenAI", &company_forms("OpenAI")));
        assert!(is_company_form(
            "Fernway",
            &company_forms("Fernway Freight")
        ));
        assert!(!is_company_form("Java", &company_forms("Fernway Freight")));
    }
}
