//! Words broken at a line end with a hyphen, joined again.
//!
//! A hyphen at the end of a line is either a hyphenation break inside one word (TeX,
//! LibreOffice and browsers break "develop-" / "ment", "Cloud-" / "Front") or the real
//! hyphen of a compound that happened to fall there ("domain-" / "driven",
//! "Cloud-" / "Native"). The drawn text is the same; only the words tell them apart.
//! Joined wrongly, a skill is lost either way: "domaindriven design" is not
//! Domain-Driven Design, "Cloud-Front" is not CloudFront. So the join decides, in order:
//!
//! 1. The document's own words: a resume that writes "domain-driven" (or "CloudFront")
//!    elsewhere spells the broken word that way here too.
//! 2. A part already holding a hyphen ("end-to-" / "end", "Infrastructure-" /
//!    "as-Code") is a compound: keep it.
//! 3. A second part that is a word English forms compound adjectives with ("driven",
//!    "based", "native", "side", "oriented"...), or a first part that is a word
//!    English forms compounds from ("high", "cross", "multi", "self"...) before a
//!    second part that is no suffix ("high-" / "traffic", not "cross-" / "ing"):
//!    keep the hyphen.
//! 4. Otherwise drop it: a hyphenation break ("distrib-" / "uted", "Java-" / "Script"),
//!    as `pdftotext` reads it.
//!
//! Only a letter, the hyphen and a line starting with a letter make a break: a list
//! dash ("Java -"), a range ("2021-" / "2023") or a next line that is a new bullet
//! ("Python-" / "• Django") is left alone. The second part moves up to the first line,
//! so every line keeps its number.

/// Second parts of hyphenated compounds: participles and adjectives English joins to
/// a noun with a hyphen ("data-driven", "cloud-native", "server-side"). A hyphenation
/// break inside one word leaves a syllable ("-ment", "-uted", "-vices"), rarely one
/// of these.
const COMPOUND_HEADS: &[&str] = &[
    "agnostic",
    "aware",
    "based",
    "bound",
    "built",
    "centric",
    "class",
    "critical",
    "defined",
    "driven",
    "enabled",
    "end",
    "facing",
    "first",
    "focused",
    "free",
    "friendly",
    "grade",
    "heavy",
    "hosted",
    "intensive",
    "led",
    "level",
    "managed",
    "minded",
    "native",
    "oriented",
    "owned",
    "powered",
    "proof",
    "ready",
    "related",
    "safe",
    "scale",
    "sensitive",
    "side",
    "specific",
    "stack",
    "tier",
    "time",
    "wide",
];

/// First parts of hyphenated compounds that a hyphenation break rarely leaves whole
/// before anything but a suffix ("high-traffic", "cross-functional", "multi-tenant",
/// "self-hosted", "open-source", "third-party"; but "multi-" / "ple", "open-" / "ing").
const COMPOUND_FIRSTS: &[&str] = &[
    "blue", "cross", "double", "high", "low", "multi", "non", "open", "self", "shift", "single",
    "third", "two", "well", "zero",
];

/// Endings a hyphenation break leaves as a second part after a whole word ("open-" /
/// "ing", "multi-" / "ple", "well-" / "ness"): after a [`COMPOUND_FIRSTS`] word they
/// make one word, not a compound.
const SUFFIXES: &[&str] = &[
    "able", "age", "al", "ance", "ancy", "ed", "ence", "ency", "er", "ers", "est", "ful", "ible",
    "ing", "ings", "ion", "ions", "ise", "ish", "ism", "ist", "ity", "ive", "ize", "less", "ly",
    "ment", "ments", "ness", "ous", "ple", "ples", "ship", "sion", "tion", "tions", "ure", "ward",
    "wards",
];

/// Joins the words broken across line ends in `lines` (see the module docs), moving
/// each second part up so the lines keep their numbers.
pub fn join_broken_words(lines: &mut [String]) {
    // The document's words, lower-cased, built only when a break is found.
    let mut vocabulary: Option<String> = None;
    for i in 0..lines.len().saturating_sub(1) {
        let Some(left) = broken_word(&lines[i]) else {
            continue;
        };
        let next = &lines[i + 1];
        let fragment = next.split(' ').next().unwrap_or("");
        let right: &str = fragment
            .find(|c: char| !c.is_alphabetic())
            .map_or(fragment, |end| &fragment[..end]);
        if right.is_empty() {
            continue;
        }
        let left = left.to_string();
        // "as-Code" of "Infrastructure-" / "as-Code": the compound goes on.
        let goes_on = fragment[right.len()..]
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(char::is_alphabetic));
        let words = vocabulary.get_or_insert_with(|| lines.join("\n").to_lowercase());
        let keep = goes_on || keeps_hyphen(&left, right, words);
        let next = std::mem::take(&mut lines[i + 1]);
        let (fragment, rest) = next.split_once(' ').unwrap_or((next.as_str(), ""));
        if !keep {
            lines[i].pop();
        }
        lines[i].push_str(fragment);
        lines[i + 1] = rest.to_string();
    }
}

/// The word before a hyphen that ends `line` ("Cloud" of "AWS (S3, Cloud-"), when
/// the hyphen follows a letter; `None` for a list dash, a range or a lone dash.
fn broken_word(line: &str) -> Option<&str> {
    let body = line.strip_suffix('-')?;
    if !body.chars().next_back().is_some_and(char::is_alphabetic) {
        return None;
    }
    let start = body
        .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |p| {
            p + body[p..].chars().next().map_or(1, char::len_utf8)
        });
    Some(body[start..].trim_start_matches('-'))
}

/// Whether the word broken into `left` and `right` keeps its hyphen; `words` is
/// the whole document in lower case.
fn keeps_hyphen(left: &str, right: &str, words: &str) -> bool {
    let (l, r) = (left.to_lowercase(), right.to_lowercase());
    let last_part = l.rsplit('-').next().unwrap_or(&l);
    if has_word(words, &format!("{last_part}-{r}")) {
        return true;
    }
    if has_word(words, &format!("{last_part}{r}")) {
        return false;
    }
    l.contains('-')
        || COMPOUND_HEADS.contains(&r.as_str())
        || (COMPOUND_FIRSTS.contains(&last_part) && !SUFFIXES.contains(&r.as_str()))
}

/// Whether `word` stands in `text` as a whole word (no letter on either side).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::join_broken_words;

    fn join(text: &str) -> String {
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        join_broken_words(&mut lines);
        lines.join("\n")
    }

    #[test]
    fn a_hyphenation_break_drops_the_hyphen() {
        assert_eq!(
            join("built distrib-\nuted systems"),
            "built distributed\nsystems"
        );
        assert_eq!(
            join("software develop-\nment at scale"),
            "software development\nat scale"
        );
        assert_eq!(
            join("Spring Boot micro-\nservices"),
            "Spring Boot microservices\n"
        );
        // A camel-case name broken at its capital.
        assert_eq!(
            join("Vercel, AWS (S3, Lambda, Cloud-\nFront)"),
            "Vercel, AWS (S3, Lambda, CloudFront)\n"
        );
        assert_eq!(join("Java-\nScript and Go"), "JavaScript\nand Go");
        // A compound's first word before a suffix is one word broken.
        assert_eq!(
            join("across multi-\nple teams, open-\ning the cross-\ning"),
            "across multiple\nteams, opening\nthe crossing\n"
        );
    }

    #[test]
    fn a_compound_keeps_its_hyphen() {
        assert_eq!(
            join("Practices: REST APIs, microservices, domain-\ndriven design, TDD"),
            "Practices: REST APIs, microservices, domain-driven\ndesign, TDD"
        );
        assert_eq!(
            join("Kubernetes for Cloud-\nNative services"),
            "Kubernetes for Cloud-Native\nservices"
        );
        assert_eq!(join("Built end-to-\nend tests"), "Built end-to-end\ntests");
        assert_eq!(
            join("Front-\nend work in React"),
            "Front-end\nwork in React"
        );
        assert_eq!(
            join("an open-source double-\nentry ledger for high-\ntraffic services"),
            "an open-source double-entry\nledger for high-traffic\nservices"
        );
        assert_eq!(
            join("Terraform for Infrastructure-\nas-Code and multi-\ntenant SaaS"),
            "Terraform for Infrastructure-as-Code\nand multi-tenant\nSaaS"
        );
    }

    #[test]
    fn the_documents_own_spelling_decides() {
        // "cloud" + "based" would keep the hyphen; the resume writes it as one word.
        assert_eq!(
            join("moved to cloud-\nbased hosting\nAll cloudbased now"),
            "moved to cloudbased\nhosting\nAll cloudbased now"
        );
        // "event" + "sourcing" would drop it; the resume writes "event-sourcing".
        assert_eq!(
            join("with event-\nsourcing\nEvent-sourcing again"),
            "with event-sourcing\n\nEvent-sourcing again"
        );
    }

    #[test]
    fn dashes_that_break_no_word_are_left_alone() {
        // A list separator with a space before it, a date range, a lone dash.
        for text in [
            "Languages: Java -\nPython, Go",
            "Acme Corp, 2021-\n2023",
            "-\nKafka",
            "Skills:\n- Python\n- Django",
        ] {
            assert_eq!(join(text), text);
        }
        // "Python-" ending a line before a new bullet: the bullet is not its second part.
        assert_eq!(join("Python-\n• Django, Flask"), "Python-\n• Django, Flask");
        assert_eq!(join("Python-\n"), "Python-\n");
    }
}
