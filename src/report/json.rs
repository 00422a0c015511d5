//! JSON output: the stable, documented schema (`schema_version` 1).

use serde::Serialize;

/// Pretty-printed JSON with a trailing newline.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("report types serialize");
    out.push('\n');
    out
}

/// One compact JSON line (for jsonl).
pub fn line<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = serde_json::to_string(value).expect("report types serialize");
    out.push('\n');
    out
}
