//! DOCX text: a zip holding `word/document.xml`. Headers come first and footers last,
//! as a reader sees the page; paragraphs become lines and table rows become lines
//! with cells separated by ` | `.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::ZipArchive;

use super::Limits;
use crate::error::{Error, Result};

/// Extracts headers, body and footers, refusing archives that expand past the limit.
pub fn extract(name: &str, bytes: &[u8], limits: &Limits) -> Result<String> {
    let bad = |detail: &str| Error::BadDocx {
        path: name.to_string(),
        detail: detail.to_string(),
    };
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(&format!("broken zip: {e}")))?;
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    if !names.iter().any(|n| n == "word/document.xml") {
        return Err(bad(
            "it has no word/document.xml; it is a zip archive, not a Word document",
        ));
    }
    let part_names = |prefix: &str| {
        let mut parts: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
            .collect();
        parts.sort();
        parts.into_iter().cloned().collect::<Vec<_>>()
    };
    let mut ordered = part_names("word/header");
    ordered.push("word/document.xml".to_string());
    ordered.extend(part_names("word/footer"));

    let mut budget = limits.max_docx_bytes;
    let mut text = String::new();
    let mut seen_parts: Vec<String> = Vec::new();
    for part in ordered {
        let mut file = archive
            .by_name(&part)
            .map_err(|e| bad(&format!("cannot open {part}: {e}")))?;
        let mut xml = Vec::new();
        file.by_ref()
            .take(budget + 1)
            .read_to_end(&mut xml)
            .map_err(|e| bad(&format!("cannot inflate {part}: {e}")))?;
        if xml.len() as u64 > budget {
            return Err(Error::ZipBomb {
                path: name.to_string(),
                limit_mb: limits.max_docx_bytes / (1024 * 1024),
            });
        }
        budget -= xml.len() as u64;
        let part_text = paragraphs(&xml).map_err(|e| bad(&format!("{part}: {e}")))?;
        // Word keeps first-page, even and default headers apart; they often repeat.
        if part_text.trim().is_empty() || seen_parts.contains(&part_text) {
            continue;
        }
        text.push_str(&part_text);
        seen_parts.push(part_text);
    }
    Ok(text)
}

/// Walks WordprocessingML and writes one line per paragraph or table row.
fn paragraphs(xml: &[u8]) -> std::result::Result<String, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut buf = Vec::new();
    let mut in_text = false;
    let mut cell_depth = 0usize;
    // `mc:Fallback` repeats the content of `mc:Choice` (text boxes): read it once.
    let mut fallback_depth = 0usize;
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback_depth += 1,
                b"t" => in_text = true,
                b"tc" => cell_depth += 1,
                _ => {}
            },
            Event::Empty(e) if fallback_depth == 0 => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && fallback_depth == 0 => {
                out.push_str(
                    &t.unescape()
                        .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into()),
                );
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback_depth = fallback_depth.saturating_sub(1),
                b"t" => in_text = false,
                _ if fallback_depth > 0 => {}
                b"p" if cell_depth > 0 => out.push(' '),
                b"p" => out.push('\n'),
                b"tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    let trimmed = out.trim_end_matches(' ').len();
                    out.truncate(trimmed);
                    out.push_str(" | ");
                }
                b"tr" => {
                    let trimmed = out.trim_end_matches([' ', '|']).len();
                    out.truncate(trimmed);
                    out.push('\n');
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn paragraphs_tables_and_breaks_become_lines() {
        let xml = br#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>Skills</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Java, </w:t></w:r><w:r><w:t>Go</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kafka</w:t></w:r></w:p></w:tc>
                         <w:tc><w:p><w:r><w:t>Redis &amp; SQL</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>
        </w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml).unwrap(),
            "Skills\nJava, Go\nKafka | Redis & SQL\na\nb\n"
        );
    }
}
