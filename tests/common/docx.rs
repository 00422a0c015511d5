//! Builders for DOCX test fixtures: a minimal valid document, a zip bomb, and a file
//! that only pretends to be a DOCX.
//!
//! Generated rather than committed so each test states what the document contains.
//! Output is deterministic: every zip entry carries the same fixed timestamp.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const WML_CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Uncompressed size of `word/document.xml` inside `zip_bomb_docx` (300 MiB).
pub const ZIP_BOMB_UNCOMPRESSED_BYTES: u64 = 300 * 1024 * 1024;

/// A minimal valid DOCX: one paragraph per entry of `body_paragraphs`, then a table
/// with one row per entry of `table_rows` (one cell per string, omitted when empty),
/// and optionally a page header and footer in their own parts, as Word stores them.
pub fn docx(
    body_paragraphs: &[&str],
    table_rows: &[Vec<&str>],
    header: Option<&str>,
    footer: Option<&str>,
) -> Vec<u8> {
    let mut body = String::new();
    for text in body_paragraphs {
        body.push_str(&paragraph(text));
    }
    if !table_rows.is_empty() {
        body.push_str(&table(table_rows));
        // Word always ends the body with a paragraph after a table.
        body.push_str("<w:p/>");
    }

    let mut section = String::from("<w:sectPr>");
    let mut relationships = String::new();
    let mut overrides = String::new();
    let mut parts: Vec<(&str, String)> = Vec::new();
    for (kind, text) in [("header", header), ("footer", footer)] {
        let Some(text) = text else { continue };
        let part = format!("{kind}1.xml");
        let root = if kind == "header" { "hdr" } else { "ftr" };
        section.push_str(&format!(
            r#"<w:{kind}Reference w:type="default" r:id="rId{kind}1"/>"#
        ));
        relationships.push_str(&format!(
            r#"<Relationship Id="rId{kind}1" Type="{REL_TYPE}/{kind}" Target="{part}"/>"#
        ));
        overrides.push_str(&format!(
            r#"<Override PartName="/word/{part}" ContentType="{WML_CT}.{kind}+xml"/>"#
        ));
        parts.push((
            kind,
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{}</w:{root}>"#,
                paragraph(text)
            ),
        ));
    }
    section.push_str(
        r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>"#,
    );

    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{section}</w:body></w:document>"#
    );
    let document_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">{relationships}</Relationships>"#
    );

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    add_file(&mut zip, "[Content_Types].xml", &content_types(&overrides));
    add_file(&mut zip, "_rels/.rels", &package_rels());
    add_file(&mut zip, "word/document.xml", &document);
    add_file(&mut zip, "word/_rels/document.xml.rels", &document_rels);
    for (kind, xml) in &parts {
        add_file(&mut zip, &format!("word/{kind}1.xml"), xml);
    }
    finish(zip)
}

/// A DOCX whose `word/document.xml` inflates to `ZIP_BOMB_UNCOMPRESSED_BYTES` of
/// spaces inside one `<w:t>` while the file itself is well under 1 MB.
///
/// The payload is fed to the deflate writer one 1 MiB chunk at a time, so building
/// the fixture never holds the inflated document in memory (a reader should not
/// either).
pub fn zip_bomb_docx() -> Vec<u8> {
    const CHUNK: usize = 1024 * 1024;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    add_file(&mut zip, "[Content_Types].xml", &content_types(""));
    add_file(&mut zip, "_rels/.rels", &package_rels());

    let head = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t xml:space="preserve">"#
    );
    let tail = "</w:t></w:r></w:p></w:body></w:document>";
    let filler_len = ZIP_BOMB_UNCOMPRESSED_BYTES - (head.len() + tail.len()) as u64;

    zip.start_file("word/document.xml", file_options())
        .expect("zip entry starts");
    zip.write_all(head.as_bytes())
        .expect("zip entry accepts data");
    let chunk = vec![b' '; CHUNK];
    let mut left = filler_len;
    while left > 0 {
        let n = left.min(CHUNK as u64) as usize;
        zip.write_all(&chunk[..n]).expect("zip entry accepts data");
        left -= n as u64;
    }
    zip.write_all(tail.as_bytes())
        .expect("zip entry accepts data");
    finish(zip)
}

/// Bytes that a user saved with a `.docx` name but that are not a zip archive.
pub fn not_a_zip_docx() -> Vec<u8> {
    b"Jordan Avery\nSenior Backend Engineer\nThis file was renamed to .docx but is plain text.\n"
        .to_vec()
}

fn paragraph(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(text)
    )
}

fn table(rows: &[Vec<&str>]) -> String {
    /// Text width of a Letter page with 1-inch margins, in twentieths of a point.
    const TEXT_WIDTH: usize = 9360;
    // The schema requires a grid: readers (pandoc, LibreOffice) size cells from it.
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut xml =
        String::from(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#);
    for _ in 0..columns {
        xml.push_str(&format!(r#"<w:gridCol w:w="{}"/>"#, TEXT_WIDTH / columns));
    }
    xml.push_str("</w:tblGrid>");
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in row {
            xml.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>"#,
                TEXT_WIDTH / columns
            ));
            xml.push_str(&paragraph(cell));
            xml.push_str("</w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

fn content_types(overrides: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{WML_CT}.document.main+xml"/>{overrides}</Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" Type="{REL_TYPE}/officeDocument" Target="word/document.xml"/></Relationships>"#
    )
}

/// Deflate with a fixed timestamp, so the archive bytes never depend on the clock.
fn file_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
}

fn add_file(zip: &mut ZipWriter<Cursor<Vec<u8>>>, name: &str, contents: &str) {
    zip.start_file(name, file_options())
        .expect("zip entry starts");
    zip.write_all(contents.as_bytes())
        .expect("zip entry accepts data");
}

fn finish(zip: ZipWriter<Cursor<Vec<u8>>>) -> Vec<u8> {
    zip.finish()
        .expect("zip archive in memory finishes")
        .into_inner()
}

/// Escapes the five XML special characters; tests pass names like "R&D" and "C++ <3".
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}
