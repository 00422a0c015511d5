//! The HTML report (issue 7 builds it out).

use crate::analysis::Analysis;
use crate::sections::Document;

pub fn analysis(a: &Analysis, _doc: &Document) -> String {
    format!("<!DOCTYPE html><title>{}</title>", a.file)
}
