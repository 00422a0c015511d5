//! "Did you mean Python?": the skills whose name or alias is spelled most like a word
//! the lexicon does not know, for `--require` and `lexicon search`.

use strsim::normalized_damerau_levenshtein;

use crate::find::lexicon::Lexicon;

/// How alike (0-1, by edit distance over the longer length) a form must be to be
/// offered: one slip in a six-letter name (0.83) is, "Java" for "Jira" (0.5) is not.
const MIN_SIMILARITY: f64 = 0.7;

/// Up to `n` canonical skill names spelled most like `term`, most alike first.
pub fn closest<'a>(lexicon: &'a Lexicon, term: &str, n: usize) -> Vec<&'a str> {
    let needle = term.trim().to_lowercase();
    let mut best: Vec<(f64, &'a str)> = Vec::new();
    for form in lexicon.forms() {
        let similarity = normalized_damerau_levenshtein(&needle, &form.text.to_lowercase());
        if similarity < MIN_SIMILARITY {
            continue;
        }
        let name = lexicon.skill(form.skill).name.as_str();
        match best.iter_mut().find(|(_, n)| *n == name) {
            Some(entry) => entry.0 = entry.0.max(similarity),
            None => best.push((similarity, name)),
        }
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    // Only the names about as close as the closest: "Pythn" is Python, not also a
    // skill that happens to have a form one letter further away.
    let top = best.first().map_or(0.0, |b| b.0);
    best.into_iter()
        .take_while(|(s, _)| *s >= top - 0.05)
        .take(n)
        .map(|(_, name)| name)
        .collect()
}

/// "Python", "Python or PyTorch", "Go, Rust or Ruby": the names to offer in one question.
pub fn did_you_mean(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [init @ .., last] => Some(format!("did you mean {} or {last}?", init.join(", "))),
    }
}

/// `word` as one shell argument: quoted when it holds anything a shell would split
/// or expand, so a suggested command can be pasted as it is.
pub fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "._+#-/".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_of_the_keyboard_finds_the_skill() {
        let lexicon = Lexicon::embedded();
        assert_eq!(closest(&lexicon, "Pythn", 1), ["Python"]);
        assert_eq!(closest(&lexicon, "Kubernets", 1), ["Kubernetes"]);
        assert!(closest(&lexicon, "zzzzqqqq", 3).is_empty());
    }

    #[test]
    fn suggested_commands_quote_what_a_shell_would_split() {
        assert_eq!(shell_word("k8s"), "k8s");
        assert_eq!(shell_word("C++"), "C++");
        assert_eq!(shell_word("python 3"), "'python 3'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(
            did_you_mean(&["Go", "Rust", "Ruby"]).unwrap(),
            "did you mean Go, Rust or Ruby?"
        );
    }
}
