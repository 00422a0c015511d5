//! CSV for spreadsheets: one row per file, the jsonl fields as columns, RFC 4180
//! quoting, and formula-looking cells defused so a spreadsheet never runs them.

use crate::judge::row::{Row, RowStatus};

const HEADER: &str = "file,status,score,evidence_score,required_matched,required_total,preferred_matched,preferred_total,missing,flags,require_met,duplicate_of,kind,error";

/// The rows as CSV with a header line.
pub fn rows(rows: &[&Row]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for r in rows {
        // An error row has no numbers: empty cells, not a `0/0` that reads as a result.
        let count = |n: usize| match r.status {
            RowStatus::Ok => n.to_string(),
            RowStatus::Error => String::new(),
        };
        let fields = [
            r.file.clone(),
            match r.status {
                RowStatus::Ok => "ok".into(),
                RowStatus::Error => "error".into(),
            },
            r.score.map_or(String::new(), |s| format!("{s:.1}")),
            r.evidence_score
                .map_or(String::new(), |s| format!("{s:.1}")),
            count(r.required.matched),
            count(r.required.total),
            count(r.preferred.matched),
            count(r.preferred.total),
            r.missing.join("; "),
            r.flags.join("; "),
            r.require_met.map_or(String::new(), |m| m.to_string()),
            r.duplicate_of.clone().unwrap_or_default(),
            r.kind.map_or(String::new(), |k| k.as_str().to_string()),
            r.error.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a field when needed; a leading `=`, `+`, `-` or `@` (a formula to a
/// spreadsheet) gets a `'` in front.
pub fn field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quoting_and_formula_defusing() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=cmd()"), "'=cmd()");
    }
}
