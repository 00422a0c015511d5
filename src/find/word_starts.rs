//! Where terms may start in a text, 64 bytes at a time: the matcher runs its automaton
//! only from these places.
//!
//! A term may start at a character that is not white space when the character before
//! it is not part of a word (an ASCII letter, digit or `_`, or a Unicode letter or
//! digit). So a word starts a term, and so does a symbol after a space or another
//! symbol ("(" and "J" in " (Java"), but not a symbol joined to a word ("." in
//! "Node.js"), and never the inside of a word.
//!
//! Reading byte by byte was a fifth of all the instructions of a `rank` run; a block
//! is now classified with a few vector compares (SSE2 on x86-64, part of its
//! baseline; a plain loop elsewhere), and only its non-ASCII characters, if any, are
//! decoded one by one.

/// Bit `i` set for each byte of `chunk` that is an ASCII letter, digit or `_`, each
/// that is ASCII white space, and each that is not ASCII (in that order).
#[cfg(target_arch = "x86_64")]
fn classes16(chunk: &[u8; 16]) -> (u16, u16, u16) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86-64 baseline, so these intrinsics are always
    // available; the load reads exactly the 16 bytes of `chunk`.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        // Signed compares: right for ASCII bytes; the others (negative) fall outside
        // every range, and their own mask tells callers about them.
        let within = |v: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, splat(lo - 1)),
                _mm_cmplt_epi8(v, splat(hi + 1)),
            )
        };
        let lower = _mm_or_si128(v, splat(0x20));
        let word = _mm_or_si128(
            _mm_or_si128(within(lower, b'a', b'z'), within(v, b'0', b'9')),
            _mm_cmpeq_epi8(v, splat(b'_')),
        );
        // \t \n \x0c \r and space: 9..=13 without 11 (vertical tab), and 32.
        let space = _mm_or_si128(
            _mm_andnot_si128(_mm_cmpeq_epi8(v, splat(11)), within(v, 9, 13)),
            _mm_cmpeq_epi8(v, splat(b' ')),
        );
        (
            _mm_movemask_epi8(word) as u16,
            _mm_movemask_epi8(space) as u16,
            _mm_movemask_epi8(v) as u16,
        )
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn classes16(chunk: &[u8; 16]) -> (u16, u16, u16) {
    classes16_plain(chunk)
}

/// [`classes16`] one byte at a time: the portable version, and the reference the
/// vector version is tested against.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn classes16_plain(chunk: &[u8; 16]) -> (u16, u16, u16) {
    let (mut word, mut space, mut high) = (0u16, 0u16, 0u16);
    for (i, &b) in chunk.iter().enumerate() {
        word |= u16::from(b.is_ascii_alphanumeric() || b == b'_') << i;
        space |= u16::from(b.is_ascii_whitespace()) << i;
        high |= u16::from(!b.is_ascii()) << i;
    }
    (word, space, high)
}

/// [`classes16`] for a 64-byte block.
fn classes64(block: &[u8; 64]) -> (u64, u64, u64) {
    let (mut word, mut space, mut high) = (0u64, 0u64, 0u64);
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let (w, s, h) = classes16(chunk.try_into().expect("16 bytes"));
        word |= u64::from(w) << (16 * k);
        space |= u64::from(s) << (16 * k);
        high |= u64::from(h) << (16 * k);
    }
    (word, space, high)
}

/// The ASCII word (letters, digits, `_`) starting at `start`, as a key: its bytes with
/// the 0x20 bit set (lower case for letters; digits keep it; `_` becomes 0x7f, which
/// no word holds), zero-padded into a `u128`, and its length. `None` unless it is 1
/// to 15 bytes long, does not end in a digit, and is not followed by a non-ASCII
/// byte: the cases the matcher's word walks decide (see `matcher::WordWalk`).
pub fn word_key(bytes: &[u8], start: usize) -> Option<(u128, usize)> {
    let chunk = chunk_at(bytes, start);
    let (word, _, high) = classes16(&chunk);
    let len = (!word).trailing_zeros() as usize;
    // A word that fills the chunk is undecided anyway (and `high` has no bit 16).
    decided_key(&chunk, len, len < 16 && high >> len & 1 == 1)
}

/// The key of the `len`-byte word at the start of `chunk`, when the word table
/// decides that word (see [`word_key`]); `then_non_ascii`: a non-ASCII byte follows.
fn decided_key(chunk: &[u8; 16], len: usize, then_non_ascii: bool) -> Option<(u128, usize)> {
    if len == 0 || len >= 16 || then_non_ascii || chunk[len - 1].is_ascii_digit() {
        return None;
    }
    Some((fold_key(chunk, len), len))
}

/// [`word_key`] of a lower-case word, for building the word table.
pub fn key_of(word: &[u8]) -> u128 {
    let mut chunk = [0u8; 16];
    chunk[..word.len()].copy_from_slice(word);
    fold_key(&chunk, word.len())
}

/// The first `len` (at most 16) bytes of `chunk` with the 0x20 bit set, zero-padded,
/// as a number. Done in two 64-bit halves: shifts of a `u128` by a variable amount
/// cost a dozen instructions, and this runs at every word start.
fn fold_key(chunk: &[u8; 16], len: usize) -> u128 {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    let (low, high) = chunk.split_at(8);
    let low = u64::from_le_bytes(low.try_into().expect("8 bytes")) | FOLD;
    let high = u64::from_le_bytes(high.try_into().expect("8 bytes")) | FOLD;
    let keep = |n: usize| {
        if n >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        }
    };
    let (low, high) = if len <= 8 {
        (low & keep(len), 0)
    } else {
        (low, high & keep(len - 8))
    };
    (u128::from(high) << 64) | u128::from(low)
}

/// How many words of `line` start at its start or after ASCII white space (a letter,
/// digit or `_` there), counted until there are more than `most`: a lower bound on
/// the line's words, read 16 bytes at a time. Stuffing asks it of every line
/// with two skills, and almost every such line is a sentence with too many words.
pub fn words_after_space(line: &[u8], most: usize) -> usize {
    let mut count = 0;
    // Whether the byte before the chunk is white space (or the line starts).
    let mut carry = 1u16;
    for chunk in line.chunks(16) {
        let padded: [u8; 16] = match chunk.try_into() {
            Ok(full) => full,
            Err(_) => {
                // Zero is neither white space nor part of a word.
                let mut padded = [0u8; 16];
                padded[..chunk.len()].copy_from_slice(chunk);
                padded
            }
        };
        let (word, space, _) = classes16(&padded);
        count += ((space << 1 | carry) & word).count_ones() as usize;
        if count > most {
            break;
        }
        carry = space >> 15;
    }
    count
}

/// Whether a character is part of a word, for term boundaries.
pub fn is_word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric() || c == '_',
        // Bullets, dashes and quotes (General Punctuation) and geometric shapes (▪ ●)
        // are frequent in resumes and never letters: skip the Unicode table lookup.
        '\u{2000}'..='\u{206F}' | '\u{25A0}'..='\u{25FF}' => false,
        c => c.is_alphanumeric(),
    }
}

/// One 64-byte block of a text, classified.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    /// Bit `i` for each place a term may start at `block_start + i`.
    pub starts: u64,
    /// Whether the block's last character is part of a word.
    pub ends_in_word: bool,
    /// ASCII letters, digits and `_`.
    ascii_word: u64,
    /// Non-ASCII bytes.
    high: u64,
}

impl Block {
    /// [`word_key`] for the start at bit `i`, read off the block's masks when the word
    /// ends inside the block (the vector compares are already done).
    #[inline]
    pub fn word_key(&self, bytes: &[u8], block_start: usize, i: usize) -> Option<(u128, usize)> {
        let len = (!(self.ascii_word >> i)).trailing_zeros() as usize;
        if i + len >= 64 {
            return word_key(bytes, block_start + i);
        }
        let chunk = chunk_at(bytes, block_start + i);
        decided_key(&chunk, len, self.high >> (i + len) & 1 == 1)
    }
}

/// The 16 bytes at `start`, padded with spaces past the end.
fn chunk_at(bytes: &[u8], start: usize) -> [u8; 16] {
    match bytes.get(start..start + 16) {
        Some(chunk) => chunk.try_into().expect("16 bytes"),
        None => {
            let mut chunk = [b' '; 16];
            let rest = &bytes[start.min(bytes.len())..];
            chunk[..rest.len()].copy_from_slice(rest);
            chunk
        }
    }
}

/// The places where terms may start in `text[block_start..]`'s first 64 bytes, as bit
/// `i` for `block_start + i`; `after_word` says whether the character before the block
/// is part of a word. `block_start` must be a multiple of 64 apart from 0 only by
/// whole blocks, as the scan walks them; it may fall inside a character.
#[inline]
pub fn in_block(text: &str, block_start: usize, after_word: bool) -> Block {
    let bytes = &text.as_bytes()[block_start..];
    let len = bytes.len().min(64);
    let (mut word, mut space, high) = match bytes.first_chunk::<64>() {
        Some(block) => classes64(block),
        None => {
            // The last block, padded: the padding's bits are cut off below.
            let mut block = [b' '; 64];
            block[..len].copy_from_slice(&bytes[..len]);
            classes64(&block)
        }
    };
    let ascii_word = word;
    // Non-ASCII characters (a bullet, a dash, a letter with an accent): all their
    // bytes take the character's word bit, so the byte after sees it, and every byte
    // but the first counts as space, so none of them starts a term.
    let mut rest = high;
    while rest != 0 {
        let i = rest.trailing_zeros() as usize;
        if bytes[i] < 0xC0 {
            // The rest of a character begun in the block before.
            space |= 1 << i;
            word |= u64::from(after_word) << i;
            rest &= rest - 1;
            continue;
        }
        let c = text[block_start + i..]
            .chars()
            .next()
            .expect("a character starts here");
        let own = (((1u128 << c.len_utf8()) - 1) << i) as u64;
        if is_word_char(c) {
            word |= own;
        }
        space |= own & !(1 << i);
        if c.is_whitespace() {
            space |= 1 << i;
        }
        rest &= !own;
    }
    let word_before = (word << 1) | u64::from(after_word);
    let mut starts = !space & !word_before;
    if len < 64 {
        starts &= (1 << len) - 1;
    }
    Block {
        starts,
        ends_in_word: word >> (len - 1) & 1 == 1,
        ascii_word,
        high,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule of the module's doc comment, one character at a time.
    fn starts_reference(text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut after_word = false;
        for (i, c) in text.char_indices() {
            if !after_word && !c.is_whitespace() {
                starts.push(i);
            }
            after_word = is_word_char(c);
        }
        starts
    }

    fn starts_by_blocks(text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut after_word = false;
        for block_start in (0..text.len()).step_by(64) {
            let block = in_block(text, block_start, after_word);
            let mut mask = block.starts;
            after_word = block.ends_in_word;
            while mask != 0 {
                starts.push(block_start + mask.trailing_zeros() as usize);
                mask &= mask - 1;
            }
        }
        starts
    }

    #[test]
    fn words_and_loose_symbols_start_terms() {
        let text = "Built (Java, Node.js) APIs\n• C++ & C#";
        let starts: Vec<&str> = starts_by_blocks(text)
            .into_iter()
            .map(|i| &text[i..i + text[i..].chars().next().unwrap().len_utf8()])
            .collect();
        assert_eq!(
            starts,
            ["B", "(", "J", "N", "j", "A", "•", "C", "+", "&", "C"],
            "{text}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn blocks_find_the_same_starts_as_the_rule(text in "[a-z_0-9 \\t\\n.(,+#\u{a0}é•ü\u{2013}]{0,300}") {
            prop_assert_eq!(starts_by_blocks(&text), starts_reference(&text));
        }

        #[test]
        fn any_text_gives_the_same_starts(text in "\\PC{0,200}") {
            prop_assert_eq!(starts_by_blocks(&text), starts_reference(&text));
        }

        #[test]
        fn words_after_space_counts_words_after_white_space(text in "[a-zA-Z_0-9 \t,.|•é]{0,120}", most in 0usize..40) {
            let b = text.as_bytes();
            let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
            let all = usize::from(b.first().is_some_and(|&c| word(c)))
                + b.windows(2).filter(|p| (p[0] == b' ' || p[0] == b'\t') && word(p[1])).count();
            let counted = words_after_space(b, most);
            prop_assert_eq!(counted.min(most + 1), all.min(most + 1));
        }

        #[test]
        fn vector_classes_agree_with_the_plain_loop(chunk in proptest::array::uniform16(any::<u8>()), ascii in any::<bool>()) {
            let chunk = chunk.map(|b| if ascii { b & 0x7f } else { b });
            prop_assert_eq!(classes16(&chunk), classes16_plain(&chunk));
        }

        #[test]
        fn block_word_keys_match_word_key(text in "[A-Za-z_0-9 ]{0,70}[ .é+]?[a-zA-Z0-9 ]{0,90}") {
            let bytes = text.as_bytes();
            let mut after_word = false;
            for block_start in (0..text.len()).step_by(64) {
                let block = in_block(&text, block_start, after_word);
                after_word = block.ends_in_word;
                let mut mask = block.starts;
                while mask != 0 {
                    let i = mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    prop_assert_eq!(block.word_key(bytes, block_start, i), word_key(bytes, block_start + i), "{:?} at {}", text, block_start + i);
                }
            }
        }

        #[test]
        fn word_keys_match_the_lower_case_word(text in "[A-Za-z_0-9]{0,20}[ .é+]?[a-z ]{0,3}", start in 0usize..4) {
            let mut start = start.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let word: String = text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let next = text[start + word.len()..].chars().next();
            let decided = (1..16).contains(&word.len())
                && !word.ends_with(|c: char| c.is_ascii_digit())
                && next.is_none_or(|c| c.is_ascii());
            let key = word_key(text.as_bytes(), start);
            prop_assert_eq!(key.is_some(), decided, "{:?} at {}", text, start);
            if let Some((key, len)) = key {
                prop_assert_eq!(len, word.len());
                prop_assert_eq!(key, key_of(word.to_ascii_lowercase().as_bytes()));
            }
        }
    }
}
