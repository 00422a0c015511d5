//! HTML input (a posting saved from a browser): tags stripped, entities decoded,
//! block structure kept as lines.

/// The parts of a saved page that are the site around the document, not the
/// document: navigation, forms, scripts and styles. html2text renders them as text
/// unless told, by a style sheet, not to display them.
const CHROME: &str =
    "nav, form, script, style, noscript, template, button, select { display: none; }";

/// What a job board adds around a posting besides [`CHROME`]: side panels ("People
/// also viewed") and footers ("Accessibility", "Mobile"). A resume keeps them: its
/// HTML may put the skills in a sidebar.
const POSTING_CHROME: &str = "aside, footer { display: none; }";

/// Renders HTML to plain text lines, without the page's chrome ([`CHROME`], and
/// [`POSTING_CHROME`] for a posting).
pub fn extract(html: &str, posting: bool) -> String {
    let config = html2text::config::plain_no_decorate();
    let css = if posting {
        format!("{CHROME} {POSTING_CHROME}")
    } else {
        CHROME.to_string()
    };
    let config = match config.add_css(&css) {
        Ok(config) => config,
        // The style sheet is ours and parses; should it ever not, read everything.
        Err(_) => html2text::config::plain_no_decorate(),
    };
    config
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
            false,
        );
        assert!(text.contains("Requirements"), "{text}");
        assert!(text.contains("Java & Kotlin"), "{text}");
        assert!(!text.contains("var x"), "{text}");
        assert!(!text.contains('<'), "{text}");
    }

    #[test]
    fn page_chrome_is_not_text() {
        let text = super::extract(
            "<html><body><nav><a href=\"/\">Jobs</a> <a>Kotlin jobs</a></nav>\
             <main><h1>Backend Engineer</h1><p>We need Go.</p></main>\
             <aside><h3>People also viewed</h3><p>Rust Developer</p></aside>\
             <form><input name=q><button>Search</button></form>\
             <footer><a>Accessibility</a> <a>Mobile</a></footer></body></html>",
            true,
        );
        assert!(text.contains("We need Go."), "{text}");
        for chrome in [
            "Kotlin jobs",
            "People also viewed",
            "Rust Developer",
            "Search",
            "Accessibility",
            "Mobile",
        ] {
            assert!(!text.contains(chrome), "{chrome} in {text}");
        }
        // A resume's sidebar is its own content.
        let resume = super::extract(
            "<body><nav>Home</nav><aside><h2>Skills</h2><p>Kotlin</p></aside></body>",
            false,
        );
        assert!(
            resume.contains("Kotlin") && !resume.contains("Home"),
            "{resume}"
        );
    }
}
