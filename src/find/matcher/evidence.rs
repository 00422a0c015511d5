//! The evidence rules that look past the words right next to an ambiguous term: a
//! list must be a list of technology ("BBS, Beam, Raft, column, slab" is a civil
//! engineer's list of drawings, not Apache Beam and the Raft algorithm), examples of a
//! category count ("NoSQL databases such as Cassandra"), a Requirements bullet that is
//! only the term counts, and a product name written in lower case counts next to other
//! technology ("react and a node backend") but not in prose ("react quickly").
//!
//! All of them read one line, and at most [`WINDOW`] candidates either side: a line of
//! thousands of ambiguous words must not cost time growing with the square.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{last_word, Candidate};

/// Candidates looked at on either side of the one being judged.
const WINDOW: usize = 8;

/// Words next to a soft skill that make it a claim about a person ("strong
/// ownership", "took initiative", "communication skills"), not a description of a
/// company or a place ("technology initiatives", "a collaborative environment").
pub(super) const SOFT_CLAIMS: &[&str] = &[
    "skills",
    "skill",
    "strong",
    "excellent",
    "good",
    "great",
    "outstanding",
    "exceptional",
    "effective",
    "proven",
    "demonstrated",
    "demonstrate",
    "demonstrates",
    "showed",
    "show",
    "shows",
    "showing",
    "shown",
    "take",
    "takes",
    "took",
    "taking",
    "mindset",
    "personal",
    "clear",
];

/// Nouns for a kind of technology that, followed by "such as", "e.g.", "like" or
/// "including", introduce examples of it.
const CATEGORY_NOUNS: &[&str] = &[
    "database",
    "databases",
    "db",
    "dbs",
    "datastore",
    "datastores",
    "store",
    "stores",
    "language",
    "languages",
    "framework",
    "frameworks",
    "library",
    "libraries",
    "cloud",
    "clouds",
    "provider",
    "providers",
    "platform",
    "platforms",
    "tool",
    "tools",
    "tooling",
    "technology",
    "technologies",
    "stack",
    "stacks",
    "queue",
    "queues",
    "broker",
    "brokers",
    "engine",
    "engines",
    "orm",
    "orms",
    "runtime",
    "runtimes",
    "server",
    "servers",
    "cache",
    "caches",
    "warehouse",
    "warehouses",
    "system",
    "systems",
    "services",
    "ide",
    "ides",
    "editor",
    "editors",
    "os",
    "sdk",
    "sdks",
];

/// What introduces examples after a category noun.
const EXAMPLE_CUES: &[&str] = &[
    "such as",
    "e.g.",
    "e.g",
    "eg.",
    "like",
    "including",
    "incl.",
    "for example",
    "i.e.",
    "especially",
];

/// Characters that separate list items.
fn is_joiner_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '|' | '•' | '/' | '+' | '&' | '·' | '(' | ')' | '▪' | '[' | ']'
    )
}

/// Words that separate list items.
fn is_joiner_word(w: &str) -> bool {
    matches!(w, "and" | "or" | "&")
}

/// True when the line holds nothing but the term, after a bullet mark: "- Cassandra".
pub(super) fn alone_on_line(before: &str, after: &str) -> bool {
    let bullet = |c: char| {
        c.is_whitespace()
            || c.is_ascii_digit()
            || matches!(
                c,
                '-' | '*' | '•' | '▪' | '–' | '—' | '·' | '‣' | '◦' | '>' | '+' | '.' | ')'
            )
    };
    before.chars().all(bullet)
        && after
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';'))
}

/// True when candidate `i`'s line holds nothing but candidates joined by list
/// separators, after a bullet mark: "- Go or Rust", "• Chef, Puppet and Ansible". In
/// a Requirements list such a bullet names technologies as surely as "- Go" does. At
/// most [`WINDOW`] candidates either side are looked at.
pub(super) fn bullet_of_terms(
    text: &str,
    candidates: &[Candidate],
    i: usize,
    line_start: usize,
    line_end: usize,
) -> bool {
    let joined = |gap: &str| {
        let gap = gap.trim();
        !gap.is_empty() && gap.chars().all(is_joiner_char)
            || !gap.is_empty()
                && gap
                    .trim_start_matches(',')
                    .split_whitespace()
                    .all(is_joiner_word)
    };
    let mut first = i;
    while first > 0 && i - first < WINDOW {
        let p = &candidates[first - 1];
        if p.span.start < line_start || p.span.end > candidates[first].span.start {
            break;
        }
        if !joined(&text[p.span.end..candidates[first].span.start]) {
            return false;
        }
        first -= 1;
    }
    let mut last = i;
    while last + 1 < candidates.len() && last - i < WINDOW {
        let n = &candidates[last + 1];
        if n.span.end > line_end || n.span.start < candidates[last].span.end {
            break;
        }
        if !joined(&text[candidates[last].span.end..n.span.start]) {
            return false;
        }
        last += 1;
    }
    first != last
        && alone_on_line(
            &text[line_start..candidates[first].span.start],
            &text[candidates[last].span.end..line_end],
        )
}

/// True when one of the skill's own evidence words stands one list joiner away:
/// "monitoring and alerting", "Chef and Puppet", "Raft / Paxos".
pub(super) fn own_word_across_joiner(before: &str, after: &str, evidence: &[String]) -> bool {
    if evidence.is_empty() {
        return false;
    }
    let is_own = |w: Option<&str>| w.is_some_and(|w| evidence.iter().any(|e| e == w));
    let words_after: Vec<&str> = words(after).take(3).collect();
    let joined_after = after.trim_start().starts_with(is_joiner_char)
        || words_after.first().is_some_and(|w| is_joiner_word(w));
    if joined_after {
        let next = words_after.iter().find(|w| !is_joiner_word(w)).copied();
        if is_own(next.map(str::to_lowercase).as_deref()) {
            return true;
        }
    }
    let before = tail(before);
    let mut back = words(before).rev().take(3).peekable();
    let joined_before = before.trim_end().ends_with(is_joiner_char)
        || back.peek().is_some_and(|w| is_joiner_word(w));
    joined_before
        && is_own(
            back.find(|w| !is_joiner_word(w))
                .map(|w| w.to_lowercase())
                .as_deref(),
        )
}

/// The last [`TAIL`] bytes (or so, to a character boundary) of the text before a term:
/// the rules look a few words back, and must not read a long line once per term on it.
fn tail(before: &str) -> &str {
    let mut from = before.len().saturating_sub(TAIL);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    &before[from..]
}

/// How far back before a term the rules read.
const TAIL: usize = 160;

/// Words of `text`, split at anything but letters, digits and `&`.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
}

/// True when `before` (the line up to the term) ends with a category noun and an
/// example cue, perhaps followed by earlier examples: "NoSQL databases such as ",
/// "message brokers (e.g. Kafka, ".
pub(super) fn example_of_category(before: &str) -> bool {
    // Most terms have no cue before them: one pass of a small automaton over the
    // tail of the line says so, without lower-casing or searching cue by cue.
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(EXAMPLE_CUES)
            .expect("the example cues compile")
    });
    let before = tail(before);
    let bytes = before.as_bytes();
    let Some((cue_start, cue_end)) = CUES
        .find_iter(before)
        .filter(|m| {
            !bytes[..m.start()]
                .last()
                .is_some_and(u8::is_ascii_alphanumeric)
                && !bytes.get(m.end()).is_some_and(u8::is_ascii_alphanumeric)
        })
        .map(|m| (m.start(), m.end()))
        .last()
    else {
        return false;
    };
    let lower = before.to_ascii_lowercase();
    // Only earlier examples between the cue and the term: short items and joiners.
    let rest = &lower[cue_end..];
    if rest.contains(['.', '!', '?', ':', ';']) {
        return false;
    }
    let items: Vec<&str> = rest
        .split(is_joiner_char)
        .flat_map(|piece| piece.split(" and ").flat_map(|p| p.split(" or ")))
        .collect();
    if items.len() > WINDOW || items.iter().any(|item| words(item).count() > 3) {
        return false;
    }
    last_word(&lower[..cue_start]).is_some_and(|w| CATEGORY_NOUNS.contains(&w.as_str()))
}

/// One item of a list, as far as the list rule cares.
#[derive(Default)]
struct Item {
    /// Holds the candidate being judged.
    own: bool,
    /// Holds a skill that needs no evidence.
    technology: bool,
    /// Holds another ambiguous candidate.
    ambiguous: bool,
    /// Words outside candidates.
    words: usize,
}

/// The list around candidate `i` (its line, after a label's colon) is a list of
/// technology: at least one other item is a skill that needs no evidence (`counts`
/// says which candidates are), and such items are at least as many as the items
/// that are no skill at all. Items of more
/// than three plain words are the sentence around a list, not items.
pub(super) fn list_is_technology(
    text: &str,
    candidates: &[Candidate],
    i: usize,
    line_start: usize,
    line_end: usize,
    counts: impl Fn(usize) -> bool,
) -> bool {
    let c = &candidates[i];
    let before = tail(&text[line_start..c.span.start]);
    let start = before
        .rfind(':')
        .map_or(line_start, |p| c.span.start - before.len() + p + 1);
    let in_list =
        |k: usize| candidates[k].span.start >= start && candidates[k].span.end <= line_end;
    let mut lo = i;
    while lo > 0 && i - lo < WINDOW && in_list(lo - 1) {
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < candidates.len() && hi - i < WINDOW && in_list(hi + 1) {
        hi += 1;
    }
    // Where the window was cut short, the text beyond it holds candidates not read.
    let from = if lo > 0 && in_list(lo - 1) {
        candidates[lo].span.start
    } else {
        start
    };
    let to = if hi + 1 < candidates.len() && in_list(hi + 1) {
        candidates[hi].span.end
    } else {
        line_end
    };

    let (mut technology, mut plain, mut own_with_technology) = (0usize, 0usize, false);
    let mut close = |item: &Item| {
        if item.own {
            own_with_technology = item.technology;
        } else if item.technology {
            technology += 1;
        } else if !item.ambiguous && (1..=3).contains(&item.words) {
            plain += 1;
        }
    };
    let mut current = Item::default();
    let mut pos = from;
    for (k, cand) in candidates.iter().enumerate().take(hi + 1).skip(lo) {
        gap_items(&text[pos..cand.span.start], &mut current, &mut close);
        if k == i {
            current.own = true;
        } else if counts(k) {
            current.technology = true;
        } else {
            current.ambiguous = true;
        }
        pos = cand.span.end;
    }
    gap_items(&text[pos..to], &mut current, &mut close);
    close(&current);
    let technology = technology + usize::from(own_with_technology);
    technology >= 1 && technology >= plain
}

/// Reads the text between two candidates into the list's items: words before the
/// first joiner belong to the current item, each joiner closes one.
fn gap_items(gap: &str, current: &mut Item, close: &mut impl FnMut(&Item)) {
    for (n, piece) in gap.split(is_joiner_char).enumerate() {
        for (m, part) in split_joiner_words(piece).enumerate() {
            if n > 0 || m > 0 {
                close(current);
                *current = Item::default();
            }
            current.words += words(part).count();
        }
    }
}

/// `piece` split at the words "and" and "or".
fn split_joiner_words(piece: &str) -> impl Iterator<Item = &str> {
    let mut rest = piece;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut at = 0;
        for w in rest.split(' ') {
            if is_joiner_word(w) && at > 0 {
                let (head, tail) = rest.split_at(at);
                rest = &tail[w.len()..];
                return Some(head);
            }
            at += w.len() + 1;
            if at > rest.len() {
                break;
            }
        }
        let head = rest;
        rest = "";
        Some(head)
    })
}

/// True when `gap` holds three words or fewer (counted in bytes: this runs for every
/// ambiguous term).
fn at_most_three_words(gap: &[u8]) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &b in gap {
        let word = b.is_ascii_alphanumeric() || b >= 0x80;
        if word && !in_word {
            words += 1;
            if words > 3 {
                return false;
            }
        }
        in_word = word;
    }
    true
}

/// True when `written` (a soft skill's text) is its form in the past tense:
/// "mentored" for "mentor", "negotiated" for "negotiating" is not (another form).
pub(super) fn past_tense(written: &str, form: &str) -> bool {
    written.len() > form.len() && written.ends_with('d')
}

/// True when nothing but a bullet mark comes before the term on its line.
pub(super) fn alone_before(before: &str) -> bool {
    alone_on_line(before, "")
}

/// True when a skill that needs no evidence stands within three words of candidate
/// `i` on its line: "react and node", "ported the hibernate mappings to jOOQ".
pub(super) fn technology_nearby(
    text: &str,
    candidates: &[Candidate],
    i: usize,
    line_start: usize,
    line_end: usize,
) -> bool {
    let c = &candidates[i];
    // (Three words take fewer than 48 bytes.)
    let near = |gap: &str| gap.len() < 48 && at_most_three_words(gap.as_bytes());
    let before = i.checked_sub(1).map(|k| &candidates[k]).is_some_and(|p| {
        !p.ambiguous && p.span.start >= line_start && near(&text[p.span.end..c.span.start])
    });
    let after = candidates.get(i + 1).is_some_and(|n| {
        !n.ambiguous && n.span.end <= line_end && near(&text[c.span.end..n.span.start])
    });
    before || after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_cues_follow_a_category_noun() {
        assert!(example_of_category("Worked with NoSQL databases such as "));
        assert!(example_of_category("message brokers (e.g. Kafka, "));
        assert!(example_of_category("Languages like Python and "));
        assert!(!example_of_category("I would like "));
        assert!(!example_of_category("Big cities such as "));
        assert!(!example_of_category("databases such as these. Then "));
    }

    #[test]
    fn a_lone_bullet_is_alone() {
        assert!(alone_on_line("  - ", ""));
        assert!(alone_on_line("• ", "."));
        assert!(alone_on_line("3. ", ""));
        assert!(!alone_on_line("- Experience with ", ""));
        assert!(!alone_on_line("- ", " or similar"));
    }

    #[test]
    fn own_evidence_one_joiner_away() {
        let ev = vec!["alerting".to_string(), "puppet".to_string()];
        assert!(own_word_across_joiner("Set up ", " and alerting", &ev));
        assert!(own_word_across_joiner("Puppet and ", " config", &ev));
        assert!(own_word_across_joiner("", ", Puppet", &ev));
        assert!(!own_word_across_joiner(
            "",
            " of site works and alerting",
            &ev
        ));
    }

    #[test]
    fn joiner_words_split_pieces() {
        let parts: Vec<&str> = split_joiner_words(" column and slab or beam").collect();
        assert_eq!(parts, [" column ", " slab ", " beam"]);
    }
}
