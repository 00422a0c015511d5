//! How well extracted text reads as words: what decides whether a PDF's second
//! reader runs, and what the `glued_words` check reports.
//!
//! No dictionary is needed to tell words from extraction damage: words run together
//! make letter runs far longer than any word, and fonts without a Unicode map make
//! symbols. Tokens that are neither words nor damage (addresses, links, versions,
//! numbers) are left out of the measure.
//!
//! ```
//! use skillgap::internals::extract::quality::TextQuality;
//! let fine = TextQuality::of("Backend engineer with eight years of Go and PostgreSQL on AWS, \
//!     building payment services and the teams that run them in production every day.");
//! assert!(!fine.is_poor());
//! let glued = TextQuality::of("Ahighlyinnovativeandcompetentsoftwaredeveloperwithmorethantenyears \
//!     ofexperiencebuildingbackendservicesinGoandRustforpaymentsandlogistics.");
//! assert!(glued.glued_share > 0.9);
//! ```

/// A run of this many letters is longer than any word a resume uses (the longest
/// common English and technical words stay under 22): words run together.
pub const GLUED_LETTERS: usize = 22;
/// Share of the letters in glued runs from which text reads poorly.
pub const POOR_GLUED_SHARE: f64 = 0.15;
/// Share of symbol characters from which text reads poorly.
pub const POOR_SYMBOL_SHARE: f64 = 0.10;
/// Share of letters and digits among the visible characters below which text reads
/// poorly: prose and skill lists stay far above it (about 85 %); codes decoded
/// without a font's map come out as punctuation and control characters.
pub const POOR_LETTER_SHARE: f64 = 0.5;
/// Fewer word-like tokens than this say too little to judge.
const MIN_TOKENS: usize = 10;

/// Measures of one text; see the module docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextQuality {
    /// Tokens judged (words and glued runs; not links, numbers or addresses).
    pub tokens: usize,
    /// Share of the judged letters that sit in runs of [`GLUED_LETTERS`] or more.
    pub glued_share: f64,
    /// Share of the visible characters that are symbols, not letters, digits or
    /// the punctuation resumes use.
    pub symbol_share: f64,
    /// Share of the visible characters that are letters or digits.
    pub letter_share: f64,
    /// Mean letters per judged token (about 5 in English; far more when glued).
    pub mean_word_len: f64,
    /// The longest glued run, for messages.
    pub glued_sample: Option<String>,
}

impl TextQuality {
    /// Measures `text`.
    pub fn of(text: &str) -> TextQuality {
        let mut visible = 0usize;
        let mut symbols = 0usize;
        let mut alphanumeric = 0usize;
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            visible += 1;
            symbols += usize::from(is_symbol(c));
            alphanumeric += usize::from(c.is_alphanumeric());
        }
        let mut tokens = 0usize;
        let mut letters = 0usize;
        let mut glued = 0usize;
        let mut sample: Option<&str> = None;
        for token in text.split_whitespace() {
            if !is_judged(token) {
                continue;
            }
            // Hyphens and slashes join real words ("cloud-native", "CI/CD").
            for part in token.split(['-', '/', '–', '—']) {
                let run = part.chars().filter(|c| c.is_alphabetic()).count();
                if run == 0 {
                    continue;
                }
                tokens += 1;
                letters += run;
                if run >= GLUED_LETTERS {
                    glued += run;
                    if sample.is_none_or(|s| s.len() < part.len()) {
                        sample = Some(part);
                    }
                }
            }
        }
        let share = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64
            }
        };
        TextQuality {
            tokens,
            glued_share: share(glued, letters),
            symbol_share: share(symbols, visible),
            letter_share: if visible == 0 {
                1.0
            } else {
                share(alphanumeric, visible)
            },
            mean_word_len: share(letters, tokens),
            glued_sample: sample.map(|s| s.chars().take(40).collect()),
        }
    }

    /// True when the text is damaged enough that another reader may do better:
    /// many words run together, many symbols, or too few letters.
    pub fn is_poor(&self) -> bool {
        self.symbol_share >= POOR_SYMBOL_SHARE
            || self.letter_share < POOR_LETTER_SHARE
            || (self.tokens >= MIN_TOKENS && self.glued_share >= POOR_GLUED_SHARE)
    }

    /// One number to compare two readings of a file by: the share of text that
    /// reads as words (1 = all of it).
    pub fn score(&self) -> f64 {
        (1.0 - self.glued_share) * (1.0 - self.symbol_share) * (self.letter_share / 0.8).min(1.0)
    }
}

/// False only when no word of `text` has a run of [`GLUED_LETTERS`] letters, so
/// [`TextQuality::of`] would find nothing glued: one pass over the bytes, about nine
/// times cheaper than measuring, for `rank`, which asks of every PDF. May say true
/// wrongly (a long name), never false wrongly: it splits tokens as the measure does
/// (whitespace, then hyphens and slashes; other dashes count as letters, which only
/// lengthens runs) and leaves out only tokens the measure leaves out for a digit,
/// `@` or `_`.
pub fn may_have_glued_run(text: &str) -> bool {
    const OTHER: u8 = 0;
    const LETTER: u8 = 1;
    const PART_END: u8 = 2;
    const LEFT_OUT: u8 = 3;
    const SPACE: u8 = 4;
    const LEAD: u8 = 5;
    /// Each byte's part in the pass (continuation bytes of a character are OTHER).
    static CLASS: [u8; 256] = {
        let mut class = [OTHER; 256];
        let mut b = 0;
        while b < 256 {
            class[b] = match b as u8 {
                b'a'..=b'z' | b'A'..=b'Z' => LETTER,
                b'-' | b'/' => PART_END,
                b'0'..=b'9' | b'@' | b'_' => LEFT_OUT,
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => SPACE,
                0xc0.. => LEAD,
                _ => OTHER,
            };
            b += 1;
        }
        class
    };
    let (mut part, mut longest, mut left_out) = (0usize, 0usize, false);
    let end_token = |part: usize, longest: usize, left_out: bool| {
        !left_out && longest.max(part) >= GLUED_LETTERS
    };
    for (at, &b) in text.as_bytes().iter().enumerate() {
        let mut class = CLASS[usize::from(b)];
        if class == LEAD {
            // A character beyond ASCII (rare): whitespace or, counted once, a letter
            // (other dashes and symbols too, which only lengthens runs).
            let space = text[at..].chars().next().is_some_and(char::is_whitespace);
            class = if space { SPACE } else { LETTER };
        }
        match class {
            LETTER => part += 1,
            PART_END => {
                longest = longest.max(part);
                part = 0;
            }
            LEFT_OUT => left_out = true,
            SPACE => {
                if end_token(part, longest, left_out) {
                    return true;
                }
                (part, longest, left_out) = (0, 0, false);
            }
            _ => {}
        }
    }
    end_token(part, longest, left_out)
}

/// Tokens that say nothing about spacing: addresses, links, paths, numbers,
/// versions and code-like names hold long letter runs or no words by nature.
fn is_judged(token: &str) -> bool {
    !(token.contains('@')
        || token.contains("://")
        || token.contains("www.")
        || token.contains('_')
        || token.chars().filter(|&c| c == '.').count() >= 2
        || token.chars().any(|c| c.is_ascii_digit()))
}

/// Neither a letter, a digit, white space, nor punctuation resumes use.
pub fn is_symbol(c: char) -> bool {
    !(c.is_alphanumeric()
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '–' | '—'
                | '•'
                | '…'
                | '®'
                | '™'
                | '€'
                | '£'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '·'
                | '▪'
                | '●'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test never says "nothing glued" where the measure finds a glued run:
    /// checked on 20,000 pseudo-random texts of words made of letters (ASCII and
    /// not), with digits, addresses, dashes, slashes and dots inside them, between
    /// every kind of whitespace.
    #[test]
    fn the_quick_glued_test_never_misses_a_run() {
        let letters = ["a", "Z", "é", "ß", "abcdefghij", "KLMNOPQRSTUVW", "ünïcödé"];
        let inside = [
            "1", "@", "_", ".", ",", "-", "/", "–", "—", "://", "www.", "•",
        ];
        let between = [" ", "\n", "\t", "\u{a0}", "\u{2003}", " - "];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut missed, mut glued) = (Vec::new(), 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(4) {
                for _ in 0..1 + next(6) {
                    if next(6) == 0 {
                        text.push_str(inside[next(inside.len())]);
                    } else {
                        text.push_str(letters[next(letters.len())]);
                    }
                }
                text.push_str(between[next(between.len())]);
            }
            let q = TextQuality::of(&text);
            glued += usize::from(q.glued_sample.is_some());
            if q.glued_sample.is_some() && !may_have_glued_run(&text) {
                missed.push(text);
            }
        }
        assert!(missed.is_empty(), "{missed:?}");
        assert!(glued > 200, "only {glued} texts with a glued run");
        assert!(may_have_glued_run("Ahighlyinnovativeandcompetentdeveloper"));
        assert!(!may_have_glued_run(
            "Backend engineer, jordan.avery@example.com, internationalization"
        ));
    }

    #[test]
    fn long_technical_words_and_links_are_not_glued() {
        let text = "Internationalization, containerization and microservices; \
            https://github.com/jordan-avery/observability-dashboards jordan.avery@example.com \
            Kubernetes-administration, PostgreSQL, responsibilities, implementation details \
            of the infrastructure automation team";
        let q = TextQuality::of(text);
        assert_eq!(q.glued_share, 0.0, "{q:?}");
        assert!(!q.is_poor());
    }

    #[test]
    fn words_run_together_are_poor() {
        let text = "Summary Seniorbackendengineerwhobuiltpaymentservices \
            inGoandRustforaEuropeanbankandledateamofsix \
            Skills Kubernetes Terraform PostgreSQL Kafka and more words here";
        let q = TextQuality::of(text);
        assert!(q.glued_share > POOR_GLUED_SHARE, "{q:?}");
        assert!(q.is_poor());
        assert_eq!(
            q.glued_sample.as_deref(),
            Some("Seniorbackendengineerwhobuiltpaymentserv")
        );
    }

    #[test]
    fn symbols_instead_of_letters_are_poor() {
        let q = TextQuality::of("©±¦¡‰° §‰¿¦¡ ©±¦¡‰° §‰¿¦¡ Java");
        assert!(q.symbol_share > 0.5);
        assert!(q.is_poor());
        assert!(q.score() < TextQuality::of("Java and Go").score());
    }
}
