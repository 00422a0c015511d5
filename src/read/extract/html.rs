//! HTML input (a posting saved from a browser): tags stripped, entities decoded,
//! block structure kept as lines.

/// Renders HTML to plain text lines; script and style contents are dropped.
pub fn extract(html: &str) -> String {
    html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), 10_000)
        .unwrap_or_else(|_| html.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn strips_tags_and_decodes_entities() {
        let text = super::extract(
            "<html><head><style>p{}</style><script>var x=1</script></head>\
             <body><h2>Requirements</h2><ul><li>Java &amp; Kotlin</li><li>AT&amp;T</li></ul></body></html>",
        );
        assert!(text.contains("Requirements"), "{text}");
        assert!(text.contains("Java & Kotlin"), "{text}");
        assert!(!text.contains("var x"), "{text}");
        assert!(!text.contains('<'), "{text}");
    }
}
