//! Stage 4: find the lexicon's skills in a document.
//!
//! One Aho-Corasick automaton over every name and alias (ASCII case-insensitive),
//! walked from each word start to the longest form there, proposes candidates; rules
//! then keep only real mentions:
//!
//! * **Whole terms.** A hit must not touch a letter or digit on either side; a dot or
//!   `&` joined to a letter or digit continues a word (`Vue.js` holds no `JS`, `R&D` no
//!   `R`), and so do `+` and `#` on the right (`C` is not in `C++` or `C#`). For short
//!   (one or two letters) and ambiguous forms a hyphen joins too (`C-level`,
//!   `Objective-C`); for longer ones it does not (`Java-based` is Java).
//! * **Versions and plurals** by rule: `Python3`, `Python 3.12`, `Java 21`, `HTML5`;
//!   `APIs`, `databases`. Not for one-letter or ambiguous forms.
//! * **Case** where the lexicon says so (`Go`, not `go`; `Swift`, not `SWIFT`).
//! * **Evidence** for ambiguous forms (see [`Evidence`]).
//! * **Line wraps** do not split terms: a single newline reads as a space, so
//!   "distributed\nsystems" is found (a blank line still separates).
//!
//! When the longest candidate fails a rule, shorter forms starting at the same place
//! are tried ("Spring Bootcamp" still yields Spring if there is evidence).
//!
//! Speed: word starts are found a block of text at a time (`word_starts`), and the
//! walk over a word's own bytes is looked up in a table built with the automaton
//! (`WordWalk`): most words start no form, and are dismissed by one lookup.

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, MatchKind};
use compact_str::CompactString;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::find::lexicon::{Category, Lexicon, SkillId};
use crate::find::nested::NestedForms;
use crate::find::word_starts::{self, is_word_char};
use crate::read::sections::{Document, SectionKind};

mod evidence;
mod wrap;
mod wrapped_list;

/// Why an ambiguous word was taken as the technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The form is not ambiguous: no evidence needed.
    Unambiguous,
    /// Written in a Skills section.
    SkillsSection,
    /// One item of a list of skills ("Go, Rust, Python"; "Chef and Puppet").
    SkillList,
    /// A neighbouring word fixes the meaning ("Spring Boot", "Go developer", "in R").
    Neighbour,
    /// Named as an example of a category: "NoSQL databases such as Cassandra".
    Category,
    /// The only thing on a bullet line under a Requirements or Nice-to-have heading.
    Bullet,
    /// Written inside a longer term, which settles it: Spring in "Spring Boot".
    Nested,
}

/// One place a skill is written.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub skill: SkillId,
    /// Byte range in the document text, plural suffix included.
    pub span: Range<usize>,
    /// 1-based line of the start of the mention.
    pub line: usize,
    pub section: SectionKind,
    /// The text as written (a line break inside it reads as a space). Kept inline,
    /// without an allocation, up to 24 bytes: nearly every form fits.
    pub form: CompactString,
    /// Index of the lexicon form (name or alias) that matched.
    pub form_index: usize,
    pub evidence: Evidence,
    /// The skill of the longer term this mention is written inside ("AWS" in "AWS
    /// Lambda"); `None` for a term of its own. A posting asks for the longer term only.
    pub nested_in: Option<SkillId>,
}

/// A mention reduced to its skill, form and place: what weighing a skill's evidence
/// needs (`rank` copies no written form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub skill: SkillId,
    /// Index of the lexicon form (name or alias) written.
    pub form_index: usize,
    /// Byte range in the document text.
    pub start: usize,
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    pub section: SectionKind,
}

impl From<&Mention> for Placed {
    fn from(m: &Mention) -> Placed {
        Placed {
            skill: m.skill,
            form_index: m.form_index,
            start: m.span.start,
            end: m.span.end,
            line: m.line,
            section: m.section,
        }
    }
}

/// A mention reduced to what scoring needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormMention {
    pub skill: SkillId,
    /// Index of the lexicon form (name or alias) written.
    pub form_index: usize,
}

/// The lexicon compiled for searching. Build it once and scan many documents with it;
/// it is `Sync`, so threads can share one.
///
/// ```
/// use skillgap::internals::{lexicon::Lexicon, matcher::Matcher, sections::{Document, Purpose}};
/// let matcher = Matcher::new(Lexicon::embedded());
/// let doc = Document::new("Built services in Java and PostgreSQL, not JavaScript".into(), Purpose::Resume);
/// let names: Vec<&str> = matcher.scan(&doc).iter().map(|m| matcher.lexicon().skill(m.skill).name.as_str()).collect();
/// assert_eq!(names, ["Java", "PostgreSQL", "JavaScript"]);
/// ```
pub struct Matcher {
    lexicon: Lexicon,
    automaton: aho_corasick::nfa::contiguous::NFA,
    /// The automaton's anchored start state, where every walk begins.
    start: StateID,
    /// The states where a form ends when walked from the start, and which form. A
    /// state also carries the matches of its suffixes ("platform" holds "orm"), so the
    /// automaton's own match flag would need its match list decoded at every step.
    form_ends: FormEnds,
    /// Each form's rules, read once from the lexicon for `check_term`.
    form_rules: Vec<FormRules>,
    /// The automaton walked over every word a form starts with, once: most word
    /// starts then cost one lookup instead of a walk. See [`WordWalk`]. (`None` only
    /// in tests, to check the lookups against plain walks.)
    word_walks: Option<WordWalks>,
    /// Other skills' forms written inside each form ("AWS" in "AWS Lambda"), found
    /// once here so a scan pays one lookup per mention for them.
    nested: NestedForms,
}

/// What `check_term` asks of a form, computed once per form.
#[derive(Debug, Clone, Copy)]
struct FormRules {
    /// Short (one or two characters) or ambiguous: a hyphen joins it to a word, and
    /// no endings or versions are read onto it.
    tight: bool,
    /// Plurals (and for verb-like skills, tenses) may follow: not tight, and ends in
    /// a letter.
    endings: bool,
    /// A soft skill or practice: tense endings count (`mentored`).
    verb_like: bool,
    /// Ends in `e`: the tense endings are `d`, `r`, `rs`.
    ends_in_e: bool,
    /// A version may follow (`Python3`): not ambiguous, longer than one character.
    versions: bool,
    /// A product name that reads as an ordinary word in lower case ("react").
    lowercase_ambiguous: bool,
}

impl FormRules {
    fn of(lexicon: &Lexicon, form: &crate::find::lexicon::Form) -> FormRules {
        let chars = form.text.chars().count();
        let category = lexicon.skill(form.skill).category;
        let verb_like = matches!(category, Category::Soft | Category::Practice);
        // An ambiguous soft skill or practice ("ownership", "monitoring") keeps its
        // tenses: only its evidence is stricter.
        let tight = (form.ambiguous && !verb_like) || chars <= 2;
        FormRules {
            tight,
            endings: !tight && form.text.ends_with(|c: char| c.is_ascii_alphabetic()),
            verb_like,
            ends_in_e: form.text.ends_with('e'),
            versions: !form.ambiguous && chars > 1,
            lowercase_ambiguous: form.lowercase_ambiguous,
        }
    }
}

/// The [`WordWalk`]s by word key, behind a bit filter: more than half of all word
/// starts hold a word no form starts with, and the filter (32 KB, so it stays in the
/// first-level cache) turns most of them away without probing the table (1.8 MB).
///
/// A second filter says which two bytes may follow a word for a form to go on past
/// it (" b" after "spring" for Spring Boot): most words that begin a longer form are
/// followed by something else ("Java and"), and then the automaton is not walked.
struct WordWalks {
    walks: FxHashMap<u128, WordWalk>,
    filter: Vec<u64>,
    goes_on: Vec<u64>,
}

impl WordWalks {
    const FILTER_BITS: u32 = 18;

    /// Walks `nfa` from `start` over the first word of every form, and over every
    /// one-word form with each plural and tense ending. `patterns`: the automaton's
    /// forms, lower case.
    fn new(
        nfa: &aho_corasick::nfa::contiguous::NFA,
        start: StateID,
        patterns: &[String],
        ends: &FormEnds,
    ) -> WordWalks {
        let mut walks: FxHashMap<u128, WordWalk> = FxHashMap::default();
        walks.reserve(patterns.len() * 3);
        let mut goes_on = vec![0u64; (1 << Self::FILTER_BITS) / 64];
        // Words the scan never looks up (see `word_starts::word_key`).
        let looked_up = |word: &[u8]| {
            (1..16).contains(&word.len()) && !word.last().is_some_and(u8::is_ascii_digit)
        };
        let mut word = [0u8; 32];
        for pattern in patterns {
            let bytes = pattern.as_bytes();
            let len = first_word_len(bytes);
            if len == 0 || len >= 16 {
                continue;
            }
            let first = &bytes[..len];
            let key = word_starts::key_of(first);
            let walked = match walks.get(&key) {
                Some(&walk) => walk,
                None => {
                    let walk = WordWalk::from_start(start).then(nfa, ends, 0, first);
                    if looked_up(first) {
                        walks.insert(key, walk);
                    }
                    walk
                }
            };
            if len < bytes.len() {
                // A form longer than its first word: that word, then the form's next
                // two bytes (0 when the form ends after one).
                let second = bytes.get(len + 1).copied().unwrap_or(0);
                set_bit(&mut goes_on, Self::goes_on_bit(key, bytes[len], second));
            } else {
                // A one-word form: its plural and tense endings go on from its own walk.
                word[..len].copy_from_slice(first);
                for ending in WordWalk::ENDINGS {
                    let whole = len + ending.len();
                    word[len..whole].copy_from_slice(ending.as_bytes());
                    if looked_up(&word[..whole]) {
                        walks
                            .entry(word_starts::key_of(&word[..whole]))
                            .or_insert_with(|| walked.then(nfa, ends, len, ending.as_bytes()));
                    }
                }
            }
        }
        let mut filter = vec![0u64; (1 << Self::FILTER_BITS) / 64];
        for &key in walks.keys() {
            set_bit(&mut filter, Self::filter_bit(key));
        }
        WordWalks {
            walks,
            filter,
            goes_on,
        }
    }

    fn filter_bit(key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::FILTER_BITS)) as usize
    }

    fn goes_on_bit(key: u128, first: u8, second: u8) -> usize {
        let next = u64::from(first) << 8 | u64::from(second);
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29) ^ next.rotate_left(47);
        (mixed.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - Self::FILTER_BITS)) as usize
    }

    fn get(&self, key: u128) -> Option<&WordWalk> {
        if !has_bit(&self.filter, Self::filter_bit(key)) {
            return None;
        }
        self.walks.get(&key)
    }

    /// Whether a form may go on past the word `key` when the text goes on with the
    /// bytes at `at` (as the automaton reads them). False means no form does: the
    /// walk would die within those two bytes without finding one.
    fn may_go_on(&self, key: u128, bytes: &[u8], at: usize) -> bool {
        let read = |i: usize| {
            bytes
                .get(i)
                .map(|&b| read_as(bytes, i, b).to_ascii_lowercase())
        };
        let Some(first) = read(at) else {
            return false;
        };
        // A form ending one byte after the word is marked with a 0 second byte.
        has_bit(&self.goes_on, Self::goes_on_bit(key, first, 0))
            || read(at + 1)
                .is_some_and(|second| has_bit(&self.goes_on, Self::goes_on_bit(key, first, second)))
    }
}

/// Length of the ASCII word (letters, digits, `_`) a form starts with.
fn first_word_len(form: &[u8]) -> usize {
    form.iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count()
}

fn set_bit(bits: &mut [u64], bit: usize) {
    bits[bit / 64] |= 1 << (bit % 64);
}

fn has_bit(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

/// What walking the automaton over one whole word (ASCII letters, digits, `_`) from
/// the start gives: the forms ending inside it and the state after it.
///
/// Why a word missing from the table has no term starting at it: a form that goes
/// past the word has the word as its first word (the byte after it is not a word
/// byte); a form that ends inside it passes the rules only when the rest of the word
/// is a plural or tense ending (`APIs`, `mentored`), and those endings are in the
/// table; a version (`Python3`) leaves a word that ends in a digit, and those words,
/// like long ones and ones followed by a non-ASCII character, are walked as before
/// (`word_starts::word_key` returns `None` for them).
#[derive(Debug, Clone, Copy)]
struct WordWalk {
    /// Forms ending inside the word: length and automaton state.
    ends: [(u8, StateID); WordWalk::MAX_ENDS],
    ends_len: u8,
    /// The state after the whole word: dead when no form goes on past it.
    after: StateID,
}

impl WordWalk {
    const MAX_ENDS: usize = 4;
    /// `ends_len` of a word with more forms inside it than `MAX_ENDS`.
    const WALK_IT: u8 = u8::MAX;
    /// Endings a form's last word takes in text, by the plural and tense rules.
    const ENDINGS: &[&str] = &["s", "es", "d", "r", "rs", "ing", "ed", "er", "ers"];

    fn ends(&self) -> &[(u8, StateID)] {
        &self.ends[..usize::from(self.ends_len)]
    }

    fn from_start(start: StateID) -> WordWalk {
        WordWalk {
            ends: [(0, start); WordWalk::MAX_ENDS],
            ends_len: 0,
            after: start,
        }
    }

    /// This walk, which has read `offset` bytes, gone on over `bytes`.
    fn then(
        mut self,
        nfa: &aho_corasick::nfa::contiguous::NFA,
        ends: &FormEnds,
        offset: usize,
        bytes: &[u8],
    ) -> WordWalk {
        if self.ends_len == WordWalk::WALK_IT {
            return self;
        }
        for (i, &byte) in bytes.iter().enumerate() {
            if nfa.is_dead(self.after) {
                break;
            }
            self.after = nfa.next_state(Anchored::Yes, self.after, byte);
            if ends.contains(self.after) {
                if usize::from(self.ends_len) == WordWalk::MAX_ENDS {
                    // Too many forms inside one word to keep: the scan walks it.
                    self.ends_len = WordWalk::WALK_IT;
                    break;
                }
                self.ends[usize::from(self.ends_len)] = ((offset + i + 1) as u8, self.after);
                self.ends_len += 1;
            }
        }
        self
    }
}

/// Automaton states where a form ends: a bit per state id for the walk's test at
/// every step, and the form of each for the rare hit.
struct FormEnds {
    bits: Vec<u64>,
    form_at: FxHashMap<u32, usize>,
}

impl FormEnds {
    fn insert(&mut self, sid: StateID, form: usize) {
        let id = sid.as_usize();
        if self.bits.len() <= id / 64 {
            self.bits.resize(id / 64 + 1, 0);
        }
        self.bits[id / 64] |= 1 << (id % 64);
        // Two forms equal but for case share a state; the first one is kept.
        self.form_at.entry(sid.as_u32()).or_insert(form);
    }

    fn contains(&self, sid: StateID) -> bool {
        let id = sid.as_usize();
        self.bits
            .get(id / 64)
            .is_some_and(|word| word & (1 << (id % 64)) != 0)
    }

    fn form(&self, sid: StateID) -> usize {
        self.form_at[&sid.as_u32()]
    }
}

/// Words next to an ambiguous form that mean "this is a technology" for any skill.
const GENERIC_EVIDENCE: &[&str] = &[
    "programming",
    "language",
    "languages",
    "framework",
    "frameworks",
    "library",
    "libraries",
    "developer",
    "developers",
    "engineer",
    "engineers",
    "development",
    "stack",
    "codebase",
    "sdk",
    "api",
    "apis",
    "backend",
    "microservices",
    "services",
    "scripts",
    "scripting",
    "code",
    "applications",
    "apps",
    "app",
    "service",
    "expertise",
    "experience",
    "proficiency",
    "proficient",
];

/// Words before a form that introduce a technology ("written in Go", "APIs with Express").
const TECH_PREPOSITIONS: &[&str] = &["in", "using", "with", "via", "on"];

/// Verbs before a name that say code is written in it ("writing Go", "wrote Rust").
const CODE_VERBS: &[&str] = &[
    "write",
    "writes",
    "writing",
    "wrote",
    "coding",
    "programming",
];

/// Words that join the items of a list.
const LIST_JOINERS: &[&str] = &["and", "or", "&", "/", ",", "|", ";", "•", "+"];

impl Matcher {
    /// Compiles the automaton over every name and alias, lower-cased (the walk lower-cases
    /// the text as it reads it). A contiguous NFA with standard match semantics: walks
    /// are anchored at word starts and keep the longest match themselves, so the
    /// leftmost-longest bookkeeping would only add build time (47 ms against 10 ms for
    /// the embedded lexicon, measured in `benches/matcher.rs`).
    pub fn new(lexicon: Lexicon) -> Matcher {
        let patterns: Vec<String> = lexicon
            .forms()
            .iter()
            .map(|f| f.text.to_ascii_lowercase())
            .collect();
        let automaton = aho_corasick::nfa::contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .expect("lexicon forms compile into an automaton");
        let mut form_ends = FormEnds {
            bits: Vec::new(),
            form_at: FxHashMap::default(),
        };
        let start = automaton
            .start_state(Anchored::Yes)
            .expect("the automaton supports anchored walks");
        for (form, pattern) in patterns.iter().enumerate() {
            let sid = pattern.bytes().fold(start, |sid, byte| {
                automaton.next_state(Anchored::Yes, sid, byte)
            });
            form_ends.insert(sid, form);
        }
        let form_rules: Vec<FormRules> = lexicon
            .forms()
            .iter()
            .map(|form| FormRules::of(&lexicon, form))
            .collect();
        let word_walks = Some(WordWalks::new(&automaton, start, &patterns, &form_ends));
        let nested = NestedForms::new(&lexicon, &patterns, |text, start, end, form| {
            let tight = form_rules_tight(&form_rules, form);
            left_boundary(text, start, tight) && right_boundary(text, end, tight)
        });
        Matcher {
            lexicon,
            automaton,
            start,
            form_ends,
            form_rules,
            word_walks,
            nested,
        }
    }

    /// Walks the automaton from `pos` (anchored: it stops at the first byte no form
    /// continues with), calling `found(end, state)` for each form ending on the way.
    /// A word's own bytes are looked up in the word walks when they can be.
    fn walk_forms(
        &self,
        bytes: &[u8],
        pos: usize,
        word: Option<(u128, usize)>,
        mut found: impl FnMut(usize, StateID),
    ) {
        let nfa = &self.automaton;
        let start = self.start;
        let key = self
            .word_walks
            .as_ref()
            .and_then(|walks| Some((walks, word?)));
        let (mut sid, mut at) = match key {
            Some((walks, (key, len))) => match walks.get(key) {
                // No form starts with this word (see `WordWalk`).
                None => return,
                Some(walk) if walk.ends_len != WordWalk::WALK_IT => {
                    for &(end, sid) in walk.ends() {
                        found(pos + usize::from(end), sid);
                    }
                    if nfa.is_dead(walk.after) || !walks.may_go_on(key, bytes, pos + len) {
                        return;
                    }
                    (walk.after, pos + len)
                }
                Some(_) => (start, pos),
            },
            None => (start, pos),
        };
        while let Some(&byte) = bytes.get(at) {
            if nfa.is_dead(sid) {
                break;
            }
            let byte = read_as(bytes, at, byte);
            sid = nfa.next_state(Anchored::Yes, sid, byte.to_ascii_lowercase());
            at += 1;
            if self.form_ends.contains(sid) {
                found(at, sid);
            }
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every mention in the document, in text order.
    pub fn scan(&self, doc: &Document) -> Vec<Mention> {
        let text = doc.text();
        self.accepted(
            doc,
            true,
            |_| true,
            |c, evidence, line, section| Mention {
                skill: self.lexicon.form(c.form_index).skill,
                span: c.span.clone(),
                line,
                section,
                form: written_form(&text[c.span.clone()]),
                form_index: c.form_index,
                evidence,
                nested_in: c.nested_in,
            },
        )
    }

    /// The skill and form of every mention, in text order: all that scoring needs,
    /// without the place and the written form (`rank` scores thousands of files).
    pub fn scan_forms(&self, doc: &Document) -> Vec<FormMention> {
        self.scan_forms_of(doc, |_| true)
    }

    /// [`Matcher::scan_forms`] for a reader that asks about some skills only (`rank`
    /// scores a posting's skills and `--require`): an ambiguous word of another skill
    /// is not weighed for evidence, which is most of the work evidence costs. The
    /// wanted skills' mentions are the ones `scan_forms` gives.
    pub fn scan_forms_of(
        &self,
        doc: &Document,
        wanted: impl Fn(SkillId) -> bool,
    ) -> Vec<FormMention> {
        self.accepted(doc, false, wanted, |c, _, _, _| FormMention {
            skill: self.lexicon.form(c.form_index).skill,
            form_index: c.form_index,
        })
    }

    /// [`Matcher::scan_forms_of`] with each mention's place: what `rank` weighs
    /// evidence from.
    pub fn scan_placed_of(&self, doc: &Document, wanted: impl Fn(SkillId) -> bool) -> Vec<Placed> {
        self.accepted(doc, true, wanted, |c, _, line, section| Placed {
            skill: self.lexicon.form(c.form_index).skill,
            form_index: c.form_index,
            start: c.span.start,
            end: c.span.end,
            line,
            section,
        })
    }

    /// The candidates that pass the evidence rules, each made into a `T` with its
    /// evidence, line and section. `placed`: whether `make` needs the line and section
    /// of every mention (when not, only ambiguous candidates get them, for evidence;
    /// the others get line 0).
    fn accepted<T>(
        &self,
        doc: &Document,
        placed: bool,
        wanted: impl Fn(SkillId) -> bool,
        mut make: impl FnMut(&Candidate, Evidence, usize, SectionKind) -> T,
    ) -> Vec<T> {
        let candidates = self.candidates(doc.text());
        // Evidence looks at real lines: the original text, where every line break
        // is still there (the automaton reads a single break as a space). Found only
        // when an ambiguous form needs it.
        let marks = std::cell::OnceCell::new();
        let mut accepted = Vec::with_capacity(candidates.len());
        let mut lines = doc.line_cursor();
        for (i, c) in candidates.iter().enumerate() {
            if c.ambiguous
                && !wanted(self.lexicon.form(c.form_index).skill)
                && self.nested.of(c.form_index).is_empty()
            {
                continue;
            }
            let (line, section) = if placed || c.ambiguous {
                let line = lines.line_of(c.span.start);
                (line, doc.section_of_line(line))
            } else {
                (0, SectionKind::Header)
            };
            let evidence = if !c.ambiguous {
                Evidence::Unambiguous
            } else if section == SectionKind::Skills {
                Evidence::SkillsSection
            } else if let Some(e) = self.context_evidence(
                doc.text(),
                marks.get_or_init(|| Marks::new(doc.text().as_bytes())),
                &candidates,
                i,
                section,
            ) {
                e
            } else {
                continue;
            };
            accepted.push(make(c, evidence, line, section));
            let inside = self.nested.of(c.form_index);
            if !inside.is_empty() {
                let outer = self.lexicon.form(c.form_index).skill;
                for inner in inside {
                    let start = c.span.start + inner.offset as usize;
                    let n = Candidate {
                        span: start..start + inner.len as usize,
                        form_index: inner.form as usize,
                        ambiguous: false,
                        nested_in: Some(outer),
                    };
                    // A term wrapped across lines may hold a skill on its second line.
                    let (line, section) =
                        if placed && doc.text()[c.span.start..start].contains('\n') {
                            let line = doc.line_of(start);
                            (line, doc.section_of_line(line))
                        } else {
                            (line, section)
                        };
                    accepted.push(make(&n, Evidence::Nested, line, section));
                }
            }
        }
        accepted
    }

    /// Every term found in `text`, before the evidence rules, in text order.
    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let bytes = text.as_bytes();
        let mut candidates: Vec<Candidate> = Vec::with_capacity(text.len() / 48);
        // Terms only start where a word starts, so the automaton runs anchored at word
        // starts: each run stops at the first byte no form continues with.
        // No term starts inside the last one found.
        let mut taken_until = 0;
        let mut after_word = false;
        for block_start in (0..bytes.len()).step_by(64) {
            let block = word_starts::in_block(text, block_start, after_word);
            after_word = block.ends_in_word;
            let mut starts = block.starts;
            while starts != 0 {
                let offset = starts.trailing_zeros() as usize;
                let start = block_start + offset;
                starts &= starts - 1;
                if start < taken_until {
                    continue;
                }
                let word = block.word_key(bytes, block_start, offset);
                if let Some(c) = self.term_at(text, start, word) {
                    taken_until = c.span.end;
                    candidates.push(c);
                }
            }
        }
        candidates
    }

    /// The longest form at `start` that passes the rules ("Spring Bootcamp" still
    /// yields Spring if there is evidence).
    /// `word`: the word key at `start` (`word_starts::word_key`).
    fn term_at(&self, text: &str, start: usize, word: Option<(u128, usize)>) -> Option<Candidate> {
        let bytes = text.as_bytes();
        let mut longest = None;
        self.walk_forms(bytes, start, word, |end, sid| longest = Some((end, sid)));
        let (end, sid) = longest?;
        let form = self.form_ends.form(sid);
        self.check_term(text, start, end, form).or_else(|| {
            // Rarely: the longest fails a rule; try the shorter ones.
            let mut shorter = Vec::new();
            self.walk_forms(bytes, start, word, |e, sid| {
                if e < end {
                    shorter.push((e, self.form_ends.form(sid)));
                }
            });
            shorter
                .iter()
                .rev()
                .find_map(|&(e, f)| self.check_term(text, start, e, f))
        })
    }

    fn check_term(
        &self,
        text: &str,
        start: usize,
        end: usize,
        form_index: usize,
    ) -> Option<Candidate> {
        let form = self.lexicon.form(form_index);
        if form.case_sensitive && text[start..end] != form.text {
            return None;
        }
        let rules = self.form_rules[form_index];
        let tight = rules.tight;
        if !left_boundary(text, start, tight) {
            return None;
        }
        let mut end = end;
        if rules.endings {
            end = plural_end(text, end)
                .or_else(|| {
                    rules
                        .verb_like
                        .then(|| inflection_end(text, end, rules.ends_in_e))
                        .flatten()
                })
                .unwrap_or(end);
        }
        let versioned = || {
            rules.versions && version_end(text, end).is_some_and(|v| right_boundary(text, v, tight))
        };
        if !right_boundary(text, end, tight) && !versioned() {
            return None;
        }
        // A product name that is also a word ("React"/"react") needs evidence when
        // written in lower case.
        let ambiguous = form.ambiguous
            || (rules.lowercase_ambiguous
                && !text[start..end].bytes().any(|b| b.is_ascii_uppercase()));
        Some(Candidate {
            span: start..end,
            form_index,
            ambiguous,
            nested_in: None,
        })
    }

    /// Evidence from the words around an ambiguous candidate, or `None`.
    fn context_evidence(
        &self,
        text: &str,
        marks: &Marks,
        candidates: &[Candidate],
        i: usize,
        section: SectionKind,
    ) -> Option<Evidence> {
        let c = &candidates[i];
        let skill = self.lexicon.skill(self.lexicon.form(c.form_index).skill);
        let rules = self.form_rules[c.form_index];
        let (line_start, line_end) = marks.line_around(c.span.start, c.span.end, text.len());
        let before = &text[line_start..c.span.start];
        let after = &text[c.span.end..line_end];
        // A bullet under a Requirements heading that holds only the term.
        if matches!(section, SectionKind::Requirements | SectionKind::Preferred)
            && (evidence::alone_on_line(before, after)
                || evidence::bullet_of_terms(text, candidates, i, line_start, line_end))
        {
            return Some(Evidence::Bullet);
        }
        // Neighbours read on across a wrap, as the automaton does.
        let (near_start, near_end) = wrap::around(text, line_start, line_end, c.span.clone());
        let prev = last_word(&text[near_start..c.span.start]);
        let next = first_word(&text[c.span.end..near_end]);
        let soft = skill.category == Category::Soft;
        let is_evidence = |w: &Option<String>| {
            w.as_deref().is_some_and(|w| {
                skill.evidence.iter().any(|e| e == w)
                    || GENERIC_EVIDENCE.contains(&w)
                    || (soft && evidence::SOFT_CLAIMS.contains(&w))
            })
        };
        // Another technology within three words: "react and node", "a Go service
        // talking to Kafka".
        let technology_near =
            || evidence::technology_nearby(text, candidates, i, near_start, near_end);
        // A number right after ("Spring 2021") reads as English; so does an article
        // before ("the Spring"), unless a technology noun or another skill stands next
        // to it ("a Flask app").
        let next_is_number = next
            .as_deref()
            .is_some_and(|w| w.chars().all(|ch| ch.is_ascii_digit()));
        let prev_is_article = prev
            .as_deref()
            .is_some_and(|w| matches!(w, "the" | "a" | "an" | "this" | "that" | "my" | "our"));
        if next_is_number || (prev_is_article && !is_evidence(&next) && !technology_near()) {
            return None;
        }
        if is_evidence(&next) || is_evidence(&prev) || technology_near() {
            return Some(Evidence::Neighbour);
        }
        // A soft skill is a claim about the person when it is what they did ("mentored",
        // "negotiated") or what a line of their resume starts with ("Mentoring four
        // engineers"), not a description of a company ("a collaborative environment",
        // "technology initiatives").
        if soft
            && (evidence::past_tense(&text[c.span.clone()], &self.lexicon.form(c.form_index).text)
                || evidence::alone_before(before))
        {
            return Some(Evidence::Neighbour);
        }
        // The skill's own evidence one list item away: "monitoring and alerting",
        // "Chef and Puppet".
        if evidence::own_word_across_joiner(before, after, &skill.evidence) {
            return Some(Evidence::Neighbour);
        }
        // A soft skill a posting asks for in its requirements or duties is a claim
        // about the person hired.
        if soft
            && matches!(
                section,
                SectionKind::Requirements | SectionKind::Preferred | SectionKind::Responsibilities
            )
        {
            return Some(Evidence::Neighbour);
        }
        // "written in Go", "APIs with Express": a technology after a preposition, when
        // written as a name (a practice word in lower case after "on" is English:
        // "worked on monitoring of site works").
        let named = rules.lowercase_ambiguous
            || text[c.span.clone()]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_uppercase());
        let after_preposition = |before: &str| {
            last_word(before).is_some_and(|w| TECH_PREPOSITIONS.contains(&w.as_str()))
        };
        if named && !soft && after_preposition(before) {
            return Some(Evidence::Neighbour);
        }
        // "writing Go", "Go in production": a name someone writes code in, or runs.
        let written_code = prev.as_deref().is_some_and(|w| CODE_VERBS.contains(&w));
        // (Only the start of the line after it is read: the line may be long.)
        let in_production = after
            .trim_start()
            .as_bytes()
            .get(..13)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"in production"));
        if named && !soft && (written_code || in_production) {
            return Some(Evidence::Neighbour);
        }
        // ... and so is the next item of a list that follows one: "with Less and
        // Bootstrap", "in Go or Rust".
        if named && !soft && i > 0 {
            let p = &candidates[i - 1];
            let gap = text[p.span.end..c.span.start].trim();
            if p.span.start >= line_start
                && (LIST_JOINERS.contains(&gap) || gap == ", and" || gap == ", or")
                && after_preposition(&text[line_start..p.span.start])
            {
                return Some(Evidence::Neighbour);
            }
        }
        // "NoSQL databases such as Cassandra".
        if evidence::example_of_category(before) {
            return Some(Evidence::Category);
        }
        // A list: joined to another skill candidate by a separator or a conjunction,
        // or after a label; and enough of its other items are technology. A list
        // wrapped over lines in a narrow column is one list, as on one line.
        let (list_start, list_end) = wrapped_list::around(text, line_start, line_end);
        let joined = |a: &Candidate, b: &Candidate| {
            let gap = text[a.span.end..b.span.start].trim();
            (!text[a.span.end..b.span.start].contains('\n')
                || a.span.start >= list_start && b.span.end <= list_end)
                && (gap.is_empty()
                    || LIST_JOINERS.contains(&gap)
                    || gap == ", and"
                    || gap == ", or")
        };
        let neighbour_joined = (i > 0 && joined(&candidates[i - 1], c))
            || candidates.get(i + 1).is_some_and(|n| joined(c, n));
        let before_list = text[list_start..c.span.start].trim_end();
        let label_list = before_list.ends_with(':')
            || marks.colon_within(list_start, c.span.start) && before_list.ends_with(',');
        if (neighbour_joined || (label_list && others_on_line(candidates, i, list_start, list_end)))
            && evidence::list_is_technology(text, candidates, i, list_start, list_end, |k| {
                // A soft skill's list may be one of soft skills ("communication,
                // teamwork and leadership").
                let other = &candidates[k];
                !other.ambiguous
                    || (soft
                        && self
                            .lexicon
                            .skill(self.lexicon.form(other.form_index).skill)
                            .category
                            == Category::Soft)
            })
        {
            return Some(Evidence::SkillList);
        }
        None
    }

    /// Skills found, with counts, sections and forms, in order of first mention.
    pub fn found_skills(&self, mentions: &[Mention]) -> Vec<FoundSkill> {
        let mut by_skill: BTreeMap<SkillId, FoundSkill> = BTreeMap::new();
        for m in mentions {
            let found = by_skill.entry(m.skill).or_insert_with(|| FoundSkill {
                skill: m.skill,
                first: m.span.start,
                count: 0,
                sections: Vec::new(),
                forms: Vec::new(),
            });
            found.count += 1;
            if !found.sections.contains(&m.section) {
                found.sections.push(m.section);
            }
            if !found.forms.iter().any(|f| *f == m.form) {
                found.forms.push(m.form.to_string());
            }
        }
        let mut found: Vec<FoundSkill> = by_skill.into_values().collect();
        found.sort_by_key(|f| f.first);
        found
    }

    /// Skills entailed by the ones found but not written themselves, with what entails them.
    pub fn implied_skills(&self, found: &[FoundSkill]) -> Vec<ImpliedSkill> {
        let present: Vec<SkillId> = found.iter().map(|f| f.skill).collect();
        let mut implied: BTreeMap<SkillId, Vec<SkillId>> = BTreeMap::new();
        for f in found {
            for &target in self.lexicon.implied_by(f.skill) {
                if !present.contains(&target) {
                    let from = implied.entry(target).or_default();
                    if !from.contains(&f.skill) {
                        from.push(f.skill);
                    }
                }
            }
        }
        implied
            .into_iter()
            .map(|(skill, from)| ImpliedSkill { skill, from })
            .collect()
    }
}

/// A skill found in a document, summed over its mentions.
#[derive(Debug, Clone)]
pub struct FoundSkill {
    pub skill: SkillId,
    /// Byte offset of the first mention.
    pub first: usize,
    pub count: usize,
    pub sections: Vec<SectionKind>,
    pub forms: Vec<String>,
}

/// A skill present only because others entail it (Django -> Python).
#[derive(Debug, Clone)]
pub struct ImpliedSkill {
    pub skill: SkillId,
    pub from: Vec<SkillId>,
}

#[derive(Debug, Clone)]
struct Candidate {
    span: Range<usize>,
    form_index: usize,
    /// Needs evidence: an ambiguous form, or a lower-case-ambiguous one written in lower case.
    ambiguous: bool,
    /// The skill of the term it is written inside, for nested mentions.
    nested_in: Option<SkillId>,
}

/// Whether form `form` is tight (see [`FormRules`]).
fn form_rules_tight(rules: &[FormRules], form: usize) -> bool {
    rules[form].tight
}

/// True when a candidate other than `i` lies within `start..end` (its line).
/// Candidates are in text order and do not overlap, so if any other one does, the
/// one just before or just after `i` does.
fn others_on_line(candidates: &[Candidate], i: usize, start: usize, end: usize) -> bool {
    let within = |c: &Candidate| c.span.start >= start && c.span.end <= end;
    (i > 0 && within(&candidates[i - 1])) || candidates.get(i + 1).is_some_and(within)
}

/// Where the line breaks and colons of the scanned text are, found in one pass so the
/// evidence rules look a line up by binary search. (Searching from each candidate
/// to its line's ends made a long line of ambiguous words quadratic.)
struct Marks {
    newlines: Vec<usize>,
    colons: Vec<usize>,
}

impl Marks {
    fn new(bytes: &[u8]) -> Marks {
        Marks {
            newlines: memchr::memchr_iter(b'\n', bytes).collect(),
            colons: memchr::memchr_iter(b':', bytes).collect(),
        }
    }

    /// Start and end of the line around `start..end`: after the last line break
    /// before `start`, up to the first one at or after `end`.
    fn line_around(&self, start: usize, end: usize, len: usize) -> (usize, usize) {
        let before = self.newlines.partition_point(|&p| p < start);
        let line_start = before.checked_sub(1).map_or(0, |i| self.newlines[i] + 1);
        let after = self.newlines.partition_point(|&p| p < end);
        let line_end = self.newlines.get(after).copied().unwrap_or(len);
        (line_start, line_end)
    }

    /// True when a colon lies in `start..end`.
    fn colon_within(&self, start: usize, end: usize) -> bool {
        let first = self.colons.partition_point(|&p| p < start);
        self.colons.get(first).is_some_and(|&p| p < end)
    }
}

/// The byte at `at` as the automaton reads it: a single line break reads as a space,
/// so terms wrapped across lines match; a blank line (two breaks) still separates.
#[inline]
fn read_as(bytes: &[u8], at: usize, byte: u8) -> u8 {
    if byte == b'\n' && at > 0 && bytes[at - 1] != b'\n' && bytes.get(at + 1) != Some(&b'\n') {
        b' '
    } else {
        byte
    }
}

/// A mention's text with line breaks read as spaces.
fn written_form(span: &str) -> CompactString {
    if span.as_bytes().contains(&b'\n') {
        span.replace('\n', " ").into()
    } else {
        CompactString::from(span)
    }
}

/// The character that ends at byte `i`, decoding only when it is not ASCII.
fn char_before(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i.checked_sub(1)?)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[..i].chars().next_back(),
    }
}

/// The character that starts at byte `i`, decoding only when it is not ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[i..].chars().next(),
    }
}

pub(crate) fn left_boundary(text: &str, start: usize, tight: bool) -> bool {
    let word_before = |c: char| char_before(text, start - c.len_utf8()).is_some_and(is_word_char);
    match char_before(text, start) {
        None => true,
        Some(c) if is_word_char(c) || c == '@' || c == '$' => false,
        Some(c @ ('.' | '&')) => !word_before(c),
        Some('-') if tight => !word_before('-'),
        Some(_) => true,
    }
}

pub(crate) fn right_boundary(text: &str, end: usize, tight: bool) -> bool {
    let word_after = |c: char| char_at(text, end + c.len_utf8()).is_some_and(is_word_char);
    match char_at(text, end) {
        None => true,
        Some(c) if is_word_char(c) || c == '+' || c == '#' || c == '@' => false,
        Some(c @ ('.' | '&')) => !word_after(c),
        Some('-') if tight => !word_after('-'),
        Some(_) => true,
    }
}

/// End of a plural suffix (`s`, `es`) after a term, if one follows.
fn plural_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text.as_bytes()[end..];
    if rest.starts_with(b"es") && !rest.get(2).is_some_and(|b| b.is_ascii_alphanumeric()) {
        Some(end + 2)
    } else if rest.first() == Some(&b's') && !rest.get(1).is_some_and(|b| b.is_ascii_alphanumeric())
    {
        Some(end + 1)
    } else {
        None
    }
}

/// End of a verb inflection after a soft-skill or practice form ("mentor" ->
/// "mentored", "mentoring"; "collaborate" -> "collaborated"), so tense differences
/// between a posting and a resume still match.
fn inflection_end(text: &str, end: usize, form_ends_in_e: bool) -> Option<usize> {
    let rest = &text.as_bytes()[end..];
    let suffixes: &[&[u8]] = if form_ends_in_e {
        &[b"d", b"r", b"rs"]
    } else {
        &[b"ing", b"ed", b"er", b"ers"]
    };
    suffixes
        .iter()
        .find(|s| {
            rest.starts_with(s) && !rest.get(s.len()).is_some_and(|b| b.is_ascii_alphanumeric())
        })
        .map(|s| end + s.len())
}

/// End of a version written onto a term: `Python3`, `HTML5`, `C++17`, `Python3.12`.
/// (A version after a space needs no rule: the space is already a boundary.)
fn version_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text.as_bytes()[end..];
    let mut i = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if i == 0 {
        return None;
    }
    while rest.get(i) == Some(&b'.')
        && rest
            .get(i + 1)
            .is_some_and(|b| b.is_ascii_digit() || *b == b'x')
    {
        i += 2;
        i += rest[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    }
    Some(end + i)
}

fn last_word(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .rfind(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn first_word(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::read::normalize::normalize;
    use crate::read::sections::Purpose;

    fn matcher() -> &'static Matcher {
        static M: OnceLock<Matcher> = OnceLock::new();
        M.get_or_init(|| Matcher::new(Lexicon::embedded()))
    }

    /// (skill, form written) for each mention in `text`, read as a resume line.
    fn found(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(normalize(text), Purpose::Resume);
        let m = matcher();
        m.scan(&doc)
            .into_iter()
            .map(|x| (m.lexicon().skill(x.skill).name.clone(), x.form.to_string()))
            .collect()
    }

    /// (skill, span) of every mention, with the word lookups or with plain walks.
    fn spans(matcher: &Matcher, text: &str) -> Vec<(SkillId, Range<usize>)> {
        let doc = Document::new(normalize(text), Purpose::Resume);
        matcher
            .scan(&doc)
            .into_iter()
            .map(|m| (m.skill, m.span))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// The word lookups find exactly what walking every word start finds, on
        /// texts made of lexicon forms in any case, with plural, tense and version
        /// endings, joined by spaces, line breaks, symbols and non-ASCII characters.
        #[test]
        fn word_lookups_find_what_plain_walks_find(
            pieces in proptest::collection::vec(
                (0usize..100_000, 0usize..12, 0usize..3, 0usize..14),
                1..40,
            )
        ) {
            static PLAIN: OnceLock<Matcher> = OnceLock::new();
            let plain = PLAIN.get_or_init(|| Matcher {
                word_walks: None,
                ..Matcher::new(Lexicon::embedded())
            });
            let forms = matcher().lexicon().forms();
            let endings = ["", "s", "es", "ed", "ing", "er", "d", "3", "2.1", "x", "_", "é"];
            let joins = [" ", ", ", "\n", "\n\n", ".", "-", "/", "(", ") ", " • ", "é", "+", ": "];
            let mut text = String::new();
            for (form, ending, case, join) in pieces {
                let form = &forms[form % forms.len()].text;
                let form = match case {
                    0 => form.to_string(),
                    1 => form.to_uppercase(),
                    _ => form.to_lowercase(),
                };
                text.push_str(&form);
                text.push_str(endings[ending]);
                text.push_str(joins[join % joins.len()]);
            }
            proptest::prop_assert_eq!(spans(matcher(), &text), spans(plain, &text), "{:?}", text);
        }
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn whole_terms_only() {
        assert_eq!(names("JavaScript and Javanese"), ["JavaScript"]);
        assert!(
            names("Google is good").is_empty(),
            "{:?}",
            names("Google is good")
        );
        assert_eq!(
            names("blameless reviews on our platform"),
            Vec::<String>::new()
        );
        assert_eq!(names("NoSQL"), ["NoSQL"]);
        assert_eq!(names("GitHub"), ["GitHub"]);
    }

    #[test]
    fn symbols_belong_to_terms() {
        assert_eq!(names("C++, C#, F#, .NET"), ["C++", "C#", "F#", ".NET"]);
        // The longest term wins; the one written inside it is a nested mention.
        assert_eq!(names("ASP.NET Core services"), ["ASP.NET Core", "ASP.NET"]);
        assert_eq!(names("Node.js and Next.js"), ["Node.js", "Next.js"]);
        assert_eq!(
            names("CI/CD over TCP/IP with PL/SQL"),
            ["CI/CD", "TCP/IP", "PL/SQL", "SQL"]
        );
        assert!(!names("Objective-C").contains(&"C".to_string()));
    }

    #[test]
    fn terms_after_brackets_and_quotes_are_found() {
        // A failed walk at a symbol must not skip the word after it.
        assert_eq!(
            names("Built it (Java, Kotlin) in \"Python\" with [Rust] and {Redis}"),
            ["Java", "Kotlin", "Python", "Rust", "Redis"]
        );
        assert_eq!(names("«Docker» and ¿Kubernetes?"), ["Docker", "Kubernetes"]);
        assert_eq!(names("naïve Java"), ["Java"]);
    }

    #[test]
    fn versions_and_plurals_match_by_rule() {
        assert_eq!(names("Python3"), ["Python"]);
        assert_eq!(names("Python 3.12"), ["Python"]);
        assert_eq!(names("Java 21 and HTML5"), ["Java", "HTML"]);
        assert_eq!(found("REST APIs")[0].1, "REST APIs");
        assert_eq!(names("microservices"), ["Microservices"]);
        assert_eq!(found("relational databases").len(), 1);
    }

    #[test]
    fn case_rules_come_from_the_lexicon() {
        assert!(names("Skills: go, rust").is_empty());
        assert_eq!(names("Skills: Go, Rust"), ["Go", "Rust"]);
        assert_eq!(
            names("POSTGRES and postgresql"),
            ["PostgreSQL", "PostgreSQL"]
        );
    }

    #[test]
    fn soft_skills_match_across_tenses() {
        assert_eq!(names("Mentored two juniors"), ["Mentoring"]);
        assert_eq!(names("mentoring"), ["Mentoring"]);
    }

    #[test]
    fn writing_code_in_a_name_or_running_it_is_evidence() {
        assert_eq!(names("4+ years writing Go in production."), ["Go"]);
        assert_eq!(names("You have run Go in production"), ["Go"]);
        // Not in lower case, where it is English.
        assert!(names("we let it go in production").is_empty());
        assert!(names("writing go").is_empty());
    }

    #[test]
    fn a_requirements_bullet_of_terms_alone_is_evidence() {
        let posting = |text: &str| -> Vec<String> {
            let doc = Document::new(normalize(text), Purpose::Posting);
            let m = matcher();
            m.scan(&doc)
                .into_iter()
                .map(|x| m.lexicon().skill(x.skill).name.clone())
                .collect()
        };
        assert_eq!(
            posting("Engineer\n\nRequirements\n- Go or Rust\n- Chef, Puppet and Ansible\n"),
            ["Go", "Rust", "Chef", "Puppet", "Ansible"]
        );
        // Not when other words share the line, and not outside the requirements.
        assert!(posting("Engineer\n\nRequirements\n- Go and see the team\n")
            .iter()
            .all(|n| n != "Go"));
        assert!(names("Go or Rust").is_empty());
    }

    #[test]
    fn evidence_does_not_cross_line_breaks() {
        // A company name on the line after a title is not in a list with it.
        assert!(!names("Frontend Engineer\nLumen Studio - Remote").contains(&"Lumen".to_string()));
        assert!(names("Frontend Engineer\nGo to market")
            .iter()
            .all(|n| n != "Go"));
    }

    #[test]
    fn terms_wrapped_across_lines_are_found() {
        assert_eq!(names("distributed\nsystems"), ["Distributed Systems"]);
        assert!(names("distributed\n\nsystems").is_empty());
    }

    /// Found while fuzzing (issue 8): the evidence rules searched from each ambiguous
    /// word to both ends of its line and over every other candidate, so one long line
    /// of them, or many one-word labelled lines, took time growing with the square.
    #[test]
    fn many_ambiguous_words_scan_in_linear_time() {
        let one_line = format!("Experience\n{}", "Go ;; ".repeat(150_000));
        let many_lines = format!("Experience\n{}", "x: Go\n\n".repeat(60_000));
        let started = std::time::Instant::now();
        for text in [one_line, many_lines] {
            let doc = Document::new(text, Purpose::Resume);
            matcher().scan(&doc);
        }
        let elapsed = started.elapsed();
        assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    }

    /// Every (outer form, inner form) pair, printed for review:
    /// `cargo test --lib nested_pairs -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn nested_pairs_for_review() {
        let m = matcher();
        for (outer, inner) in m.nested.pairs() {
            let lex = m.lexicon();
            println!(
                "{}\t{}\t{}",
                lex.form(outer).text,
                lex.skill(lex.form(inner.form as usize).skill).name,
                lex.form(inner.form as usize).text
            );
        }
    }

    #[test]
    fn the_evidence_rules_see_the_candidate_line() {
        // A label before a word with other candidates on its line is evidence; the
        // same label on another line (a blank line apart, so not one wrapped line) is not.
        // (The list's other item is a skill that needs no evidence: a list of
        // ambiguous words alone is no evidence.)
        let tail = " ;; Rust, and then years later Python";
        let text = |head: &str| format!("Experience\n{head}{tail}");
        assert_eq!(names(&text("Used: Go")), ["Go", "Python"]);
        assert_eq!(names(&text("Used:\n\nGo")), ["Python"]);
        assert_eq!(names(&text("Used: x, Go")), ["Go", "Python"]);
        assert_eq!(names(&text("Used: x\n\nx, Go")), ["Python"]);
    }
}
