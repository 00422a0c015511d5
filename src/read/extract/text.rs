//! Plain text in whatever encoding it came: UTF-8, UTF-16 with or without a BOM, and
//! Windows-1252 / Latin-1 for everything else. Decoding never fails: a resume saved
//! by an old editor is still a resume.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decodes bytes to text, choosing the encoding from a BOM, UTF-16 byte patterns,
/// UTF-8 validity, and Windows-1252 as the last resort (it maps every byte).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// UTF-16 text of mostly ASCII characters has a zero in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(256) & !1];
    // UTF-16 of mostly ASCII text has NUL bytes; without any, it is not UTF-16.
    memchr::memchr(0, head)?;
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    if zeros_at(1) * 10 >= pairs * 9 && zeros_at(0) == 0 {
        Some(UTF_16LE)
    } else if zeros_at(0) * 10 >= pairs * 9 && zeros_at(1) == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True for data no text editor would write: NUL bytes (outside UTF-16) or many
/// control characters in the first 8 KB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    // Controls no text editor writes: all below 0x20 but tab, newline, form feed and
    // carriage return.
    let control = |b: u8| {
        let allowed = (b == b'\t') | (b == b'\n') | (b == 0x0c) | (b == b'\r');
        u8::from((b < 0x20) & !allowed)
    };
    // Text has none: one pass or-ing 64 bytes at a time (a fixed width vectorizes
    // fully) says so, and only a file with some counts them.
    let blocks = head.chunks_exact(64);
    let tail = blocks.remainder();
    let any = blocks.fold(0u8, |any, block| {
        any | block.iter().fold(0u8, |any, &b| any | control(b))
    }) | tail.iter().fold(0u8, |any, &b| any | control(b));
    // Counted branch-free in byte-wide counters (chunks of 255 cannot overflow one).
    let controls: usize = if any == 0 {
        0
    } else {
        head.chunks(255)
            .map(|chunk| chunk.iter().fold(0u8, |n, &b| n + control(b)) as usize)
            .sum()
    };
    memchr::memchr(0, head).is_some() || controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_utf16_and_windows_1252() {
        assert_eq!(decode("Café".as_bytes()), "Café");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Java".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16), "Java");
        assert_eq!(decode(&utf16[2..]), "Java");
        // 0xE9 is é in Windows-1252 and invalid on its own in UTF-8; 0x93/0x94 are quotes.
        assert_eq!(decode(b"Caf\xE9 \x93x\x94"), "Café \u{201c}x\u{201d}");
    }

    #[test]
    fn binary_is_told_apart_from_text() {
        assert!(looks_binary(b"\x00\x01\x02garbage\x03"));
        assert!(!looks_binary(b"Plain resume text\r\n\tindented\x0c"));
        // Few controls pass; more than one byte in twenty does not, wherever they sit.
        let text = "Backend engineer, Kafka and Go. ".repeat(100);
        let with = |every: usize| -> Vec<u8> {
            text.bytes()
                .enumerate()
                .map(|(i, b)| if i % every == 7 { 0x1b } else { b })
                .collect()
        };
        assert!(!looks_binary(&with(50)));
        assert!(looks_binary(&with(10)));
        assert!(looks_binary(&with(10)[..70]));
    }
}
