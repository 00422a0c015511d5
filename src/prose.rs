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

/// The tokens of a line and their offsets: the runs between white space and list
/// separators (`,` `|` `;` `•` `·`), the words a skills list is made of. Read by bytes: normalised text has no white
/// space but ASCII, and the two bullets are their UTF-8 sequences.
pub fn list_tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = line.as_bytes();
    // The length of the separator at `i`, or 0.
    let separator = move |i: usize| match b[i] {
        b' ' | b'\t' | b'\r' | 0x0c | b',' | b'|' | b';' => 1,
        0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA2]) => 3,
        0xC2 if b.get(i + 1) == Some(&0xB7) => 2,
        _ => 0,
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let skip = separator(i);
            if skip == 0 {
                break;
            }
            i += skip;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && separator(i) == 0 {
            i += 1;
        }
        Some((start, &line[start..i]))
    })
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
