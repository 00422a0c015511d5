//! JSON output: the stable, documented schema (`schema_version` 1).

use serde::Serialize;

/// Pretty-printed JSON with a trailing newline.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("report types serialize");
    out.push('\n');
    out
}

/// Writes one compact JSON line (for jsonl) to `out`, built in `buffer` first: the
/// serializer writes a token at a time, and each write to a sink costs a call.
pub fn write_line<T: Serialize + ?Sized>(
    out: &mut impl std::io::Write,
    buffer: &mut Vec<u8>,
    value: &T,
) -> std::io::Result<()> {
    buffer.clear();
    serde_json::to_writer(&mut *buffer, value)?;
    buffer.push(b'\n');
    out.write_all(buffer)
}
