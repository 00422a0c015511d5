//! JSON output: the stable, documented schema (`schema_version` 1).

use serde::Serialize;

/// Pretty-printed JSON with a trailing newline.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("report types serialize");
    out.push('\n');
    out
}

/// Writes one compact JSON line (for jsonl) straight into `out`.
pub fn write_line<T: Serialize + ?Sized>(
    out: &mut impl std::io::Write,
    value: &T,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
