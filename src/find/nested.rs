//! Skills written inside longer terms: "AWS Lambda" holds AWS, "Spring Boot" Spring,
//! "Ruby on Rails" Ruby. An ATS searching for the inner word finds it there, so the
//! matcher reports the inner skill too, at its place inside the outer mention, with
//! the outer term as its evidence.
//!
//! Which forms hold which is a property of the lexicon alone, so it is worked out once
//! when the [`Matcher`](crate::find::matcher::Matcher) is built: a scan then pays one table
//! lookup per mention. The few product names that merely start with another skill's
//! word ("Windows XP", "Crystal Reports") say so in the lexicon (`contains_not`).
//!
//! Two rules keep out most such names without a list: a one-letter form is never read
//! inside another ("C Shell", "Signal R"), and a form that needs evidence on its own
//! (ambiguous or case-sensitive) counts inside a longer term only
//! when the longer skill entails it (`implies`): "Spring Boot" holds Spring, "Web
//! Storm" no Apache Storm, "thread-safe" no SAFe.

use rustc_hash::FxHashMap;

use crate::find::lexicon::Lexicon;
use crate::find::word_starts::is_word_char;

/// A form written inside another: at `offset` bytes into it, `len` bytes long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Inner {
    pub offset: u32,
    pub len: u32,
    /// Index of the inner form in the lexicon.
    pub form: u32,
}

/// For every form, the other skills' forms it holds at word boundaries (one per inner
/// skill, the longest at the leftmost place).
pub(crate) struct NestedForms {
    /// `inner[starts[f]..starts[f + 1]]` are the forms inside form `f`.
    starts: Vec<u32>,
    inner: Vec<Inner>,
}

impl NestedForms {
    /// `patterns`: the lexicon's forms as the automaton reads them (lower case).
    /// `bounded(text, start, end, form)`: whether `form`, written at `start..end` of
    /// `text`, stands apart from its neighbours by the matcher's rules.
    pub(crate) fn new(
        lexicon: &Lexicon,
        patterns: &[String],
        bounded: impl Fn(&str, usize, usize, usize) -> bool,
    ) -> NestedForms {
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            index.entry(p.as_str()).or_insert(i);
        }
        let mut starts = Vec::with_capacity(patterns.len() + 1);
        let mut inner = Vec::new();
        let mut word_starts = Vec::new();
        let mut word_ends = Vec::new();
        for (outer, text) in patterns.iter().enumerate() {
            starts.push(inner.len() as u32);
            // One word: nothing inside but itself.
            if text.chars().all(is_word_char) {
                continue;
            }
            let skill = lexicon.form(outer).skill;
            let not = &lexicon.skill(skill).contains_not;
            word_starts.clear();
            word_ends.clear();
            let mut prev: Option<char> = None;
            for (i, c) in text.char_indices() {
                let word = is_word_char(c);
                let prev_word = prev.is_some_and(is_word_char);
                if !prev_word && !c.is_whitespace() {
                    word_starts.push(i);
                }
                if prev_word && !word {
                    word_ends.push(i);
                }
                prev = Some(c);
            }
            word_ends.push(text.len());
            let first = inner.len();
            for &start in &word_starts {
                for &end in word_ends.iter().rev() {
                    if end <= start || (start == 0 && end == text.len()) {
                        continue;
                    }
                    let Some(&form) = index.get(&text[start..end]) else {
                        continue;
                    };
                    let inner_form = lexicon.form(form);
                    let inner_skill = inner_form.skill;
                    // A word that needs evidence on its own ("Spring", "Storm", "Black")
                    // is the skill inside a longer term only when that term entails it
                    // ("Spring Boot" does; "WebStorm", "Black Duck" do not).
                    // (A product name that is a word only in lower case, "Azure" or
                    // "React", is settled by the longer term around it.)
                    let needs_evidence = inner_form.ambiguous || inner_form.case_sensitive;
                    if inner_skill == skill
                        || end - start < 2
                        || (needs_evidence && !lexicon.implied_by(skill).contains(&inner_skill))
                        || not.contains(&inner_skill)
                        || inner[first..]
                            .iter()
                            .any(|i: &Inner| lexicon.form(i.form as usize).skill == inner_skill)
                        || !bounded(text, start, end, form)
                    {
                        continue;
                    }
                    inner.push(Inner {
                        offset: start as u32,
                        len: (end - start) as u32,
                        form: form as u32,
                    });
                }
            }
        }
        starts.push(inner.len() as u32);
        NestedForms { starts, inner }
    }

    /// The forms inside form `form`.
    #[inline]
    pub(crate) fn of(&self, form: usize) -> &[Inner] {
        let (a, b) = (self.starts[form], self.starts[form + 1]);
        if a == b {
            return &[];
        }
        &self.inner[a as usize..b as usize]
    }

    /// Every (outer form, inner form) pair, for review and tests.
    #[cfg(test)]
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (usize, Inner)> + '_ {
        (0..self.starts.len() - 1).flat_map(move |f| self.of(f).iter().map(move |&i| (f, i)))
    }
}
