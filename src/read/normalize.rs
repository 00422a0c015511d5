//! Stage 2: make extracted text say what it says, whatever the PDF did to it.
//!
//! Every later stage sees only normalized text, so ligatures, soft hyphens, odd spaces,
//! smart quotes and letter-spacing never change what is found. Line structure is kept:
//! output line N holds the text of input line N (line numbers are reported to users).

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The separator every bullet glyph becomes.
pub const BULLET: char = '•';

/// Normalizes text for matching; see the module docs for what changes.
///
/// ```
/// let text = skillgap::internals::normalize::normalize("\u{FB01}ne-\ntuned  \u{201C}Go\u{201D}\u{00A0}code\n▪ Kafka");
/// assert_eq!(text, "finetuned\n\"Go\" code\n• Kafka");
/// ```
pub fn normalize(raw: &str) -> String {
    let unified: Cow<str> = if memchr::memchr(b'\r', raw.as_bytes()).is_some() {
        Cow::Owned(raw.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(raw)
    };
    // Or-ed without stopping early or branching, so the loop vectorizes.
    let simple = unified.bytes().fold(0u8, |other, b| {
        other | (u8::from(b.wrapping_sub(0x20) >= 0x5f) & u8::from(b != b'\n'))
    }) == 0;
    let mapped: Cow<str> = if simple {
        // Printable ASCII is already NFKC and needs no character mapping.
        unified
    } else if is_nfkc_quick(unified.chars()) == IsNormalized::Yes {
        Cow::Owned(map_chars(&unified))
    } else {
        Cow::Owned(unified.nfkc().filter_map(map_char).collect())
    };
    // The quick test counts bytes, so it only holds for ASCII.
    let spaced = !simple || may_be_letter_spaced(mapped.as_bytes());
    let mut out = String::with_capacity(mapped.len() + 64);
    let mut line_start = 0;
    // Whether a line but the last ends in a hyphen: a word may be split there.
    let mut hyphen_at_break = false;
    for line_end in memchr::memchr_iter(b'\n', mapped.as_bytes()).chain([mapped.len()]) {
        if line_start > 0 {
            hyphen_at_break |= out.ends_with('-');
            out.push('\n');
        }
        clean_line_into(&mapped[line_start..line_end], spaced, &mut out);
        line_start = line_end + 1;
    }
    if hyphen_at_break {
        let mut lines: Vec<String> = out.split('\n').map(str::to_string).collect();
        super::hyphen_join::join_broken_words(&mut lines);
        out = lines.join("\n");
    }
    out
}

/// Maps every character with [`map_char`], copying runs of printable ASCII (which
/// map to themselves) in one piece.
fn map_chars(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        let run_end = bytes[at..]
            .iter()
            .position(|&b| !((0x20..0x7f).contains(&b) || b == b'\n'))
            .map_or(bytes.len(), |p| at + p);
        out.push_str(&text[at..run_end]);
        let Some(c) = text[run_end..].chars().next() else {
            break;
        };
        out.extend(map_char(c));
        at = run_end + c.len_utf8();
    }
    out
}

/// Maps one character (after NFKC) to what matching should see, or drops it.
fn map_char(c: char) -> Option<char> {
    Some(match c {
        '\n' => '\n',
        '\r' | '\x0c' | '\u{0b}' | '\u{2028}' | '\u{2029}' => '\n',
        '\t' => ' ',
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => return None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '•' | '▪' | '▫' | '◦' | '●' | '○' | '■' | '□' | '►' | '▸' | '‣' | '⁃' | '∙' | '·' | '✓'
        | '✔' | '➢' | '➤' | '❖' | '◆' | '◇' | '⦁' | '\u{F0A7}' | '\u{F0B7}' | '\u{F076}'
        | '\u{F0D8}' => BULLET,
        c if c.is_whitespace() => ' ',
        c if c.is_control() => return None,
        c => c,
    })
}

/// Whether any line of an ASCII text may hold a double space or letter-spacing
/// ("S E N"): false when no two spaces touch and no three separators (space or line
/// break, the text's ends counting as ones) stand two bytes apart in a row, which three
/// one-letter tokens need. Most texts have neither, and one pass over the whole text
/// is far cheaper than one per line.
fn may_be_letter_spaced(bytes: &[u8]) -> bool {
    let sep = |b: u8| u8::from(b == b' ') | u8::from(b == b'\n');
    let from = |k: usize| bytes.get(k..).unwrap_or_default();
    // Or-ed without stopping early or branching, so the loops vectorize.
    let double_space = bytes.iter().zip(from(1)).fold(0, |any, (&a, &b)| {
        any | (u8::from(a == b' ') & u8::from(b == b' '))
    });
    let spaced = bytes
        .iter()
        .zip(from(2))
        .zip(from(4))
        .fold(0, |any, ((&a, &b), &c)| any | (sep(a) & sep(b) & sep(c)));
    // The end as the third separator ("a b c" ending the text; at the start, the
    // separators after the first two letters already make a triple).
    let n = bytes.len();
    let at_end = n >= 4 && sep(bytes[n - 4]) & sep(bytes[n - 2]) == 1;
    double_space == 1 || spaced == 1 || at_end
}

/// Collapses letter-spacing and runs of spaces (when `spaced` says a line may have
/// them), trims, and turns list dashes into bullets, appending the cleaned line to `out`.
fn clean_line_into(line: &str, spaced: bool, out: &mut String) {
    let trimmed = line.trim();
    let (bullet, body) = match trimmed.as_bytes() {
        [b'-' | b'*' | b'+' | b'o', b' ', ..] => (true, &trimmed[2..]),
        _ => (false, trimmed),
    };
    if bullet {
        out.push(BULLET);
        out.push(' ');
    }
    if !spaced || !needs_collapsing(body) {
        out.push_str(body);
        return;
    }
    let mut first = true;
    // Two or more spaces separate words in letter-spaced text ("S E N I O R  D E V").
    for group in body.split("  ").filter(|g| !g.trim().is_empty()) {
        let tokens = group.split(' ').filter(|t| !t.is_empty());
        let letter_spaced =
            tokens.clone().count() >= 3 && tokens.clone().all(|t| t.chars().nth(1).is_none());
        if letter_spaced {
            if !first {
                out.push(' ');
            }
            first = false;
            tokens.for_each(|t| out.push_str(t));
        } else {
            for t in tokens {
                if !first {
                    out.push(' ');
                }
                first = false;
                out.push_str(t);
            }
        }
    }
}

/// True when a line has a double space or three one-character tokens in a row
/// ("S E N"): letter-spacing to collapse. One pass over the bytes.
fn needs_collapsing(line: &str) -> bool {
    let (mut run, mut token_len, mut previous_space) = (0, 0, false);
    for &b in line.as_bytes().iter().chain(std::iter::once(&b' ')) {
        if b == b' ' {
            if previous_space {
                return true;
            }
            previous_space = true;
            run = if token_len == 1 { run + 1 } else { 0 };
            if run >= 3 {
                return true;
            }
            token_len = 0;
        } else {
            previous_space = false;
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if (b & 0xC0) != 0x80 {
                token_len += 1;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{may_be_letter_spaced, needs_collapsing, normalize};

    /// The whole-text quick test may say yes wrongly, never no: checked on every
    /// string of up to 8 bytes over letters, spaces, line breaks and dashes.
    #[test]
    fn the_quick_spacing_test_never_misses_a_line() {
        let alphabet = [b'a', b' ', b'\n', b'-'];
        let mut missed = Vec::new();
        for len in 1..=8u32 {
            for code in 0..4usize.pow(len) {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| alphabet[code / 4usize.pow(i) % 4])
                    .collect();
                let text = String::from_utf8(bytes).unwrap();
                let needed = text.split('\n').any(|line| needs_collapsing(line.trim()));
                if needed && !may_be_letter_spaced(text.as_bytes()) {
                    missed.push(text);
                }
            }
        }
        assert!(missed.is_empty(), "{missed:?}");
    }

    #[test]
    fn ligatures_soft_hyphens_and_spaces() {
        assert_eq!(
            normalize("e\u{FB03}cient pro\u{00AD}filing"),
            "efficient profiling"
        );
        assert_eq!(
            normalize("a\u{00A0}b\u{2009}c\u{3000}d\u{200B}e"),
            "a b c de"
        );
    }

    #[test]
    fn quotes_dashes_and_bullets_are_unified() {
        assert_eq!(
            normalize("\u{2018}x\u{2019} \u{201C}y\u{201D} a\u{2014}b"),
            "'x' \"y\" a-b"
        );
        assert_eq!(
            normalize("▪ Go\n– Rust\n● Java\n- SQL"),
            "• Go\n• Rust\n• Java\n• SQL"
        );
    }

    #[test]
    fn hyphenated_line_breaks_join_and_keep_line_count() {
        let text = normalize("built distrib-\nuted systems\nJava-\nScript, domain-\ndriven design");
        assert_eq!(
            text,
            "built distributed\nsystems\nJavaScript,\ndomain-driven\ndesign"
        );
        assert_eq!(text.lines().count(), 5);
    }

    #[test]
    fn letter_spaced_text_reads_as_words() {
        assert_eq!(normalize("S E N I O R  E N G I N E E R"), "SENIOR ENGINEER");
        assert_eq!(
            normalize("j o h n . d o e @ m a i l . c o m"),
            "john.doe@mail.com"
        );
        assert_eq!(normalize("Skills: C, R and Go"), "Skills: C, R and Go");
        assert_eq!(normalize("Jane\nS E N I O R\nJava"), "Jane\nSENIOR\nJava");
        assert_eq!(normalize("Java\na b c"), "Java\nabc");
    }

    #[test]
    fn control_characters_go_and_lines_stay() {
        assert_eq!(normalize("a\u{7}b\r\nc\rd\x0ce"), "ab\nc\nd\ne");
    }
}
