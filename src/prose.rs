//! Small helpers for writing English sentences, shared by the stages that explain
//! themselves (checks, suggestions) and the reports. They live on the lowest floor
//! so any module may use them without importing another stage.

/// "A", "A and B", "A, B and C": how a list reads in a sentence.
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "1 page", "3 pages".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text with its first letter in upper case, for a message that starts with a
/// name or phrase built elsewhere.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A check's message with the lines it is about, for a sentence that stands alone:
/// "… (lines 40 and 47)"; at most eight lines are named.
pub fn with_lines(message: &str, lines: &[usize]) -> String {
    if lines.is_empty() {
        return message.to_string();
    }
    format!(
        "{} ({}).",
        message.trim_end_matches('.'),
        lines_phrase(lines)
    )
}

/// "line 4", "lines 4 and 9", "lines 4, 9, 12 … and 3 more".
pub fn lines_phrase(lines: &[usize]) -> String {
    const SHOWN: usize = 8;
    let mut numbers: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
    if lines.len() > SHOWN {
        numbers.push(format!("{} more", lines.len() - SHOWN));
    }
    let refs: Vec<&str> = numbers.iter().map(String::as_str).collect();
    format!(
        "{} {}",
        if lines.len() == 1 { "line" } else { "lines" },
        join_and(&refs)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(join_and(&["A", "B"]), "A and B");
        assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn counts_and_capitals() {
        assert_eq!(plural(1, "page", "pages"), "1 page");
        assert_eq!(plural(2, "page", "pages"), "2 pages");
        assert_eq!(capitalize("über"), "Über");
        assert_eq!(capitalize(""), "");
    }
}
