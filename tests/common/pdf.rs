//! Builders for small but real PDF files used as test fixtures.
//!
//! Fixtures are generated instead of committed so that each test shows exactly what
//! kind of PDF it feeds to the extractor (plain text, two columns, scanned, encrypted,
//! garbled, letter-spaced, truncated). Every builder is deterministic: no timestamps,
//! no random IDs, so the bytes are identical on every run.

use lopdf::content::{Content, Operation};
use lopdf::{
    dictionary, Document, EncryptionState, EncryptionVersion, Object, ObjectId, Permissions,
    Stream, StringFormat,
};

/// US Letter, in points.
const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN_LEFT: f32 = 50.0;
/// Baseline of the first line on a page.
const TOP: f32 = 750.0;
const FONT_SIZE: f32 = 10.0;
/// Distance between baselines: 55 lines fit between `TOP` and the bottom margin.
const LEADING: f32 = 13.0;
/// Left edge of the right-hand column in `two_column_pdf`.
const RIGHT_COLUMN_X: f32 = 330.0;

/// Codes for the ﬁ and ﬂ ligature glyphs: WinAnsi leaves 0x81 and 0x8D undefined.
const LIGATURE_FI: u8 = 0x81;
const LIGATURE_FL: u8 = 0x8d;

/// Lines drawn by the fixtures that do not take text from the caller.
const SAMPLE_LINES: [&str; 4] = [
    "Jordan Avery - Senior Backend Engineer",
    "Skills: Java, Spring Boot, PostgreSQL, Kafka, Kubernetes, AWS",
    "Experience: built REST APIs and microservices for logistics.",
    "Education: B.Sc. Computer Science, 2013",
];

/// A PDF whose pages hold one Helvetica text line per string, top to bottom.
///
/// Text is encoded as WinAnsi (the standard encoding for core fonts), so pdf-extract,
/// pdftotext and viewers all read it back; the ligatures `ﬁ` and `ﬂ` are drawn as
/// ligature glyphs and extract as U+FB01/U+FB02. Other characters outside WinAnsi
/// become `?`.
///
/// An empty string leaves a blank line. An empty `pages` still yields one blank page,
/// because a PDF needs at least one page to be valid.
pub fn text_pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let mut pdf = PdfBuilder::new();
    if pages.is_empty() {
        pdf.add_page(Vec::new());
    }
    for lines in pages {
        pdf.add_page(text_lines_ops(lines, MARGIN_LEFT, TOP));
    }
    pdf.finish()
}

/// A one-page PDF with two columns side by side, as many CV templates have.
///
/// Each line is its own text object; line `i` of both columns shares the same
/// baseline. The whole left column is drawn before the right one, as layout tools
/// do, so a reader that follows the content stream sees the columns in order while
/// a reader that sorts by position sees the rows interleaved.
pub fn two_column_pdf(left: &[&str], right: &[&str]) -> Vec<u8> {
    let mut ops = Vec::new();
    for (x, column) in [(MARGIN_LEFT, left), (RIGHT_COLUMN_X, right)] {
        for (i, line) in column.iter().enumerate() {
            let y = TOP - LEADING * i as f32;
            ops.extend(text_object(x, y, line));
        }
    }
    let mut pdf = PdfBuilder::new();
    pdf.add_page(ops);
    pdf.finish()
}

/// A one-page PDF with each line drawn where the caller says: `(x, row, text)`, row 0
/// on the first baseline. For layouts the other builders do not draw, such as a
/// column whose headings, bullets and wrapped lines start at three places.
pub fn placed_pdf(lines: &[(f32, usize, &str)]) -> Vec<u8> {
    let mut ops = Vec::new();
    for &(x, row, text) in lines {
        ops.extend(text_object(x, TOP - LEADING * row as f32, text));
    }
    let mut pdf = PdfBuilder::new();
    pdf.add_page(ops);
    pdf.finish()
}

/// A "scanned" resume: one page that shows a grey-scale image and has no text at all.
///
/// The image is a striped pattern that looks like lines of print from afar; what
/// matters is that the page draws an image XObject and contains no text operators.
pub fn image_only_pdf() -> Vec<u8> {
    const WIDTH: usize = 240;
    const HEIGHT: usize = 320;
    let pixels: Vec<u8> = (0..HEIGHT)
        .flat_map(|row| {
            (0..WIDTH).map(move |col| {
                let in_text_line = row % 16 < 9 && (20..WIDTH - 20).contains(&col);
                let in_word = (col / 7 + row / 16) % 6 != 0;
                if in_text_line && in_word {
                    40
                } else {
                    245
                }
            })
        })
        .collect();

    let mut pdf = PdfBuilder::new();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => WIDTH as i64,
            "Height" => HEIGHT as i64,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        pixels,
    );
    let image_id = pdf.doc.add_object(image);
    pdf.extra_xobjects.push(("Im1", image_id));

    let (w, h) = (
        PAGE_WIDTH - 2.0 * MARGIN_LEFT,
        PAGE_HEIGHT - 2.0 * MARGIN_LEFT,
    );
    let ops = vec![
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            vec![
                w.into(),
                0.into(),
                0.into(),
                h.into(),
                MARGIN_LEFT.into(),
                MARGIN_LEFT.into(),
            ],
        ),
        Operation::new("Do", vec![Object::Name(b"Im1".to_vec())]),
        Operation::new("Q", vec![]),
    ];
    pdf.add_page(ops);
    pdf.finish()
}

/// A text PDF encrypted with the standard security handler (RC4, 128-bit key,
/// revision 3) and the given user password, so it cannot be read without it.
///
/// With an empty `user_password` the file is still encrypted but opens without a
/// password, as many "protected against copying" PDFs do; pass a non-empty one to
/// get a PDF that a reader must refuse. RC4 needs no random IV, which keeps the
/// output deterministic (AES would not be).
pub fn encrypted_pdf(user_password: &str) -> Vec<u8> {
    let mut pdf = PdfBuilder::new();
    let lines: Vec<String> = SAMPLE_LINES.iter().map(|s| s.to_string()).collect();
    pdf.add_page(text_lines_ops(&lines, MARGIN_LEFT, TOP));
    let mut doc = pdf.into_document();
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "skillgap-fixture-owner",
        user_password,
        key_length: 128,
        permissions: Permissions::default(),
    })
    .expect("lopdf computes RC4 encryption keys");
    doc.encrypt(&state).expect("lopdf encrypts the document");

    // Revision 3 ends /U with 16 "arbitrary" bytes that lopdf fills at random and
    // readers ignore (they compare the first 16 only); zero them for stable bytes.
    let user_entry = doc
        .trailer
        .get(b"Encrypt")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_object_mut(id))
        .and_then(Object::as_dict_mut)
        .and_then(|dict| dict.get_mut(b"U"))
        .and_then(Object::as_str_mut)
        .expect("encrypted document has an /Encrypt dictionary with /U");
    if let Some(padding) = user_entry.get_mut(16..) {
        padding.fill(0);
    }
    save(&mut doc)
}

/// A PDF whose text extracts as runs of symbols (`©±¦¡‰° §‰¿¦¡`) instead of words.
///
/// It imitates PDFs produced with subset fonts that lack a ToUnicode map: the font's
/// `/Differences` encoding renames every printable code to a symbol glyph, so an
/// extractor that trusts the encoding gets symbols. Spaces stay spaces, which keeps
/// the "words" visible, like real garbled extractions.
pub fn garbled_pdf() -> Vec<u8> {
    /// Symbol glyphs whose NFKC form is still a symbol (so normalization cannot
    /// turn them back into letters by accident).
    const SYMBOL_GLYPHS: [&str; 21] = [
        "dagger",
        "daggerdbl",
        "section",
        "paragraph",
        "currency",
        "degree",
        "plusminus",
        "multiply",
        "divide",
        "brokenbar",
        "logicalnot",
        "copyright",
        "registered",
        "perthousand",
        "guillemotleft",
        "guillemotright",
        "exclamdown",
        "questiondown",
        "cent",
        "sterling",
        "yen",
    ];
    let mut differences = vec![Object::Integer(33)];
    differences.extend(
        (33..=126)
            .map(|code: usize| SYMBOL_GLYPHS[code % SYMBOL_GLYPHS.len()])
            .map(|glyph| Object::Name(glyph.as_bytes().to_vec())),
    );

    let mut pdf = PdfBuilder::new();
    let garbled_font = pdf.doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => differences,
        },
    });
    pdf.extra_fonts.push(("F2", garbled_font));

    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F2".into(), FONT_SIZE.into()]),
        Operation::new("TL", vec![LEADING.into()]),
        Operation::new("Td", vec![MARGIN_LEFT.into(), TOP.into()]),
    ];
    for line in SAMPLE_LINES {
        ops.push(Operation::new("Tj", vec![pdf_string(line)]));
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("ET", vec![]));
    pdf.add_page(ops);
    pdf.finish()
}

/// A PDF whose lines are letter-spaced, as styled headings are
/// ("S E N I O R   E N G I N E E R" to a reader that trusts every gap).
///
/// Each line is one `Tj` drawn with character spacing (`Tc`) of a quarter of the
/// font size, the way word processors and LaTeX draw tracking: every glyph advances
/// by its own width plus the same gap, wider than a space in ordinary text. `\n`
/// starts a new line.
pub fn letter_spaced_pdf(text: &str) -> Vec<u8> {
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), FONT_SIZE.into()]),
        Operation::new("Tc", vec![(FONT_SIZE * 0.25).into()]),
    ];
    for (row, line) in text.lines().enumerate() {
        let y = TOP - LEADING * 1.5 * row as f32;
        ops.push(set_text_position(MARGIN_LEFT, y));
        ops.push(Operation::new("Tj", vec![pdf_string(line)]));
    }
    ops.push(Operation::new("ET", vec![]));
    let mut pdf = PdfBuilder::new();
    pdf.add_page(ops);
    pdf.finish()
}

/// Lines drawn in a two-byte (Type0, Identity-H) font, each line one string, as
/// LibreOffice and browsers embed subset fonts: glyphs are numbered in the order
/// the text first uses them, so the codes say nothing of the letters by themselves. With `map_spaces` false the font's
/// ToUnicode map covers every printable character but the space, so the spaces are
/// only gaps: a reader that follows the characters glues the words
/// ("Seniorbackendengineer..."), one that measures the gaps does not. With
/// `to_unicode` false the font has no Unicode map at all: its glyphs carry no text.
pub fn cid_font_pdf(lines: &[&str], to_unicode: bool, map_spaces: bool) -> Vec<u8> {
    /// Advance of every glyph but the space, and of the space, in 1/1000 em.
    const GLYPH_WIDTH: i64 = 520;
    const SPACE_WIDTH: i64 = 260;
    // Glyph numbers in order of first use, from 1 (0 is .notdef), as subsetting does.
    let mut glyph_of: Vec<char> = Vec::new();
    for c in lines.iter().flat_map(|l| l.chars()) {
        if !glyph_of.contains(&c) {
            glyph_of.push(c);
        }
    }
    let code = |c: char| glyph_of.iter().position(|&g| g == c).unwrap() as u16 + 1;
    let space = lines.iter().any(|l| l.contains(' ')).then(|| code(' '));
    let mut pdf = PdfBuilder::new();
    let descriptor = pdf.doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "ABCDEF+LiberationSans",
        "Flags" => 32,
        "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 900.into()],
        "ItalicAngle" => 0,
        "Ascent" => 900,
        "Descent" => -200,
        "CapHeight" => 700,
        "StemV" => 80,
    });
    let descendant = pdf.doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+LiberationSans",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => GLYPH_WIDTH,
        "W" => vec![
            i64::from(space.unwrap_or(0)).into(),
            vec![Object::Integer(SPACE_WIDTH)].into(),
        ],
    });
    let mut font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+LiberationSans",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
    };
    if to_unicode {
        let entries: Vec<String> = glyph_of
            .iter()
            .filter(|&&c| map_spaces || c != ' ')
            .map(|&c| format!("<{:04X}> <{:04X}>", code(c), c as u32))
            .collect();
        let cmap = format!(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
             {} beginbfchar\n{}\nendbfchar\n\
             endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
            entries.len(),
            entries.join("\n")
        );
        let stream = pdf
            .doc
            .add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
        font.set("ToUnicode", stream);
    }
    let font_id = pdf.doc.add_object(font);
    pdf.extra_fonts.push(("F3", font_id));
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F3".into(), FONT_SIZE.into()]),
        Operation::new("TL", vec![LEADING.into()]),
        Operation::new("Td", vec![MARGIN_LEFT.into(), TOP.into()]),
    ];
    for line in lines {
        let codes: Vec<u8> = line.chars().map(code).flat_map(u16::to_be_bytes).collect();
        ops.push(Operation::new(
            "Tj",
            vec![Object::String(codes, StringFormat::Hexadecimal)],
        ));
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("ET", vec![]));
    pdf.add_page(ops);
    pdf.finish()
}

/// A resume in Helvetica with one icon drawn from a "FontAwesome" font whose
/// encoding names a glyph Unicode does not know at a code its ToUnicode map also
/// names, as icon fonts in LaTeX CVs do: pdf-extract 0.12 stops on such a font
/// ("unexpected entry in unicode map"), so another reader must read the file.
pub fn icon_font_pdf(lines: &[&str]) -> Vec<u8> {
    let mut pdf = PdfBuilder::new();
    let cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
        /CMapName /Custom def\n/CMapType 2 def\n\
        1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
        1 beginbfchar\n<41> <F09B>\nendbfchar\n\
        endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    let to_unicode = pdf
        .doc
        .add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
    let icons = pdf.doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "FontAwesome5Brands-Regular",
        "FirstChar" => 65,
        "LastChar" => 65,
        "Widths" => vec![Object::Integer(900)],
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![65.into(), Object::Name(b"github".to_vec())],
        },
        "ToUnicode" => to_unicode,
    });
    pdf.extra_fonts.push(("F4", icons));
    let owned: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut ops = text_lines_ops(&owned, MARGIN_LEFT, TOP);
    ops.extend([
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F4".into(), FONT_SIZE.into()]),
        set_text_position(MARGIN_LEFT, TOP + LEADING * 2.0),
        Operation::new("Tj", vec![Object::string_literal("A")]),
        Operation::new("ET", vec![]),
    ]);
    pdf.add_page(ops);
    pdf.finish()
}

/// A text PDF whose page tree loops: the page inherits its media box, and the page
/// list it asks for it names itself as its own parent, so a reader climbing the
/// `/Parent` chain never reaches the top.
pub fn parent_loop_pdf(lines: &[String]) -> Vec<u8> {
    let mut pdf = PdfBuilder::new();
    pdf.add_page(text_lines_ops(lines, MARGIN_LEFT, TOP));
    let pages_id = pdf.pages_id;
    let mut doc = pdf.into_document();
    if let Ok(Object::Dictionary(pages)) = doc.get_object_mut(pages_id) {
        pages.remove(b"MediaBox");
        pages.set("Parent", pages_id);
    }
    save(&mut doc)
}

/// A text PDF whose page list names itself among its kids, so a reader walking the
/// tree meets the same page again and again.
pub fn kids_loop_pdf(lines: &[String]) -> Vec<u8> {
    let mut pdf = PdfBuilder::new();
    pdf.add_page(text_lines_ops(lines, MARGIN_LEFT, TOP));
    let (pages_id, page_id) = (pdf.pages_id, pdf.page_ids[0]);
    let mut doc = pdf.into_document();
    if let Ok(Object::Dictionary(pages)) = doc.get_object_mut(pages_id) {
        pages.set("Kids", vec![page_id.into(), pages_id.into()]);
    }
    save(&mut doc)
}

/// The first half of `bytes`: a download cut short, with no xref table or trailer.
pub fn truncated(bytes: &[u8]) -> Vec<u8> {
    bytes[..bytes.len() / 2].to_vec()
}

/// How [`hidden_line_pdf`] draws its extra line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hiding {
    /// White fill, `1 1 1 rg`, on the white page: hidden.
    WhiteRgb,
    /// Render mode 3 (`3 Tr`): drawn with neither fill nor stroke, hidden.
    Invisible,
    /// White gray (`1 g`) inside a Form XObject the page draws with `Do`: hidden.
    WhiteInForm,
    /// White on a dark filled box, as a template's coloured band: seen, not hidden.
    WhiteOnDarkBox,
    /// Black, but 2 points tall: too small to read.
    Tiny,
    /// Render mode 3 over an image: the text layer OCR puts on a scan, not hidden.
    InvisibleOverImage,
}

/// A resume: `lines` drawn as [`text_pdf`] draws them, then `extra` below them,
/// drawn as `how` says, then `after`, visible again (so the colour or render mode
/// must be undone for it). Keyword stuffers add such a line of a posting's words.
pub fn hidden_line_pdf(lines: &[String], extra: &str, how: Hiding, after: &str) -> Vec<u8> {
    let mut ops = text_lines_ops(lines, MARGIN_LEFT, TOP);
    let y = TOP - LEADING * (lines.len() as f32 + 1.0);
    let mut pdf = PdfBuilder::new();
    let number = |v: f32| Object::Real(v);
    ops.push(Operation::new("q", vec![]));
    match how {
        Hiding::WhiteRgb => {
            ops.push(Operation::new("rg", vec![1.into(), 1.into(), 1.into()]));
            ops.extend(text_object(MARGIN_LEFT, y, extra));
        }
        Hiding::Invisible => {
            let mut text = text_object(MARGIN_LEFT, y, extra);
            text.insert(1, Operation::new("Tr", vec![3.into()]));
            ops.extend(text);
        }
        Hiding::WhiteInForm => {
            let mut form_ops = vec![Operation::new("g", vec![1.into()])];
            form_ops.extend(text_object(MARGIN_LEFT, y, extra));
            let content = Content {
                operations: form_ops,
            }
            .encode()
            .expect("content operations encode");
            let form = pdf.doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
                },
                content,
            ));
            pdf.extra_xobjects.push(("Fm1", form));
            ops.push(Operation::new("Do", vec![Object::Name(b"Fm1".to_vec())]));
        }
        Hiding::WhiteOnDarkBox => {
            let (x, w, h) = (
                MARGIN_LEFT - 6.0,
                PAGE_WIDTH - 2.0 * MARGIN_LEFT + 12.0,
                18.0,
            );
            ops.push(Operation::new(
                "rg",
                vec![number(0.12), number(0.18), number(0.24)],
            ));
            ops.push(Operation::new(
                "re",
                vec![x.into(), (y - 5.0).into(), w.into(), h.into()],
            ));
            ops.push(Operation::new("f", vec![]));
            ops.push(Operation::new("rg", vec![1.into(), 1.into(), 1.into()]));
            ops.extend(text_object(MARGIN_LEFT, y, extra));
        }
        Hiding::Tiny => {
            let mut text = text_object(MARGIN_LEFT, y, extra);
            text[1] = Operation::new("Tf", vec!["F1".into(), 2.into()]);
            ops.extend(text);
        }
        Hiding::InvisibleOverImage => {
            // A gray "scan" of the line, 1 by 1 pixel stretched over it.
            let image = pdf.doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Image",
                    "Width" => 1,
                    "Height" => 1,
                    "ColorSpace" => "DeviceGray",
                    "BitsPerComponent" => 8,
                },
                vec![128],
            ));
            pdf.extra_xobjects.push(("Im2", image));
            let (w, h) = (PAGE_WIDTH - 2.0 * MARGIN_LEFT, 16.0);
            ops.push(Operation::new("q", vec![]));
            ops.push(Operation::new(
                "cm",
                vec![
                    w.into(),
                    0.into(),
                    0.into(),
                    h.into(),
                    MARGIN_LEFT.into(),
                    (y - 4.0).into(),
                ],
            ));
            ops.push(Operation::new("Do", vec![Object::Name(b"Im2".to_vec())]));
            ops.push(Operation::new("Q", vec![]));
            let mut text = text_object(MARGIN_LEFT, y, extra);
            text.insert(1, Operation::new("Tr", vec![3.into()]));
            ops.extend(text);
        }
    }
    ops.push(Operation::new("Q", vec![]));
    ops.extend(text_object(MARGIN_LEFT, y - 2.0 * LEADING, after));
    pdf.add_page(ops);
    pdf.finish()
}

/// Assembles a document page by page; all pages share the Helvetica font `F1`.
struct PdfBuilder {
    doc: Document,
    pages_id: ObjectId,
    /// Reserved up front so pages can point at it; filled in by `into_document`.
    resources_id: ObjectId,
    font_id: ObjectId,
    page_ids: Vec<ObjectId>,
    /// Additional fonts (resource name, object) available to every page.
    extra_fonts: Vec<(&'static str, ObjectId)>,
    /// Image XObjects (resource name, object) available to every page.
    extra_xobjects: Vec<(&'static str, ObjectId)>,
}

impl PdfBuilder {
    fn new() -> Self {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let resources_id = doc.new_object_id();
        // WinAnsi plus the fi/fl ligatures in two codes WinAnsi leaves unused, so
        // tests can put ligatures in a PDF as typesetting tools do.
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![
                    Object::Integer(LIGATURE_FI.into()),
                    Object::Name(b"fi".to_vec()),
                    Object::Integer(LIGATURE_FL.into()),
                    Object::Name(b"fl".to_vec()),
                ],
            },
        });
        Self {
            doc,
            pages_id,
            resources_id,
            font_id,
            page_ids: Vec::new(),
            extra_fonts: Vec::new(),
            extra_xobjects: Vec::new(),
        }
    }

    fn add_page(&mut self, operations: Vec<Operation>) {
        let content = Content { operations }
            .encode()
            .expect("content operations encode");
        let content_id = self.doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = self.doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "Resources" => self.resources_id,
            "Contents" => content_id,
        });
        self.page_ids.push(page_id);
    }

    /// Fills in resources, page tree and catalog, and gives the file a fixed `/ID`
    /// (required by encryption, and kept constant for reproducible output).
    fn into_document(mut self) -> Document {
        let mut fonts = dictionary! { "F1" => self.font_id };
        for (name, id) in &self.extra_fonts {
            fonts.set(*name, *id);
        }
        let mut xobjects = dictionary! {};
        for (name, id) in &self.extra_xobjects {
            xobjects.set(*name, *id);
        }
        self.doc.objects.insert(
            self.resources_id,
            Object::Dictionary(dictionary! {
                "Font" => fonts,
                "XObject" => xobjects,
            }),
        );
        let kids: Vec<Object> = self.page_ids.iter().map(|&id| id.into()).collect();
        let pages = dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => self.page_ids.len() as i64,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
        };
        self.doc
            .objects
            .insert(self.pages_id, Object::Dictionary(pages));
        let catalog_id = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog_id);
        let file_id = Object::String(b"skillgap-fixture".to_vec(), StringFormat::Hexadecimal);
        self.doc.trailer.set("ID", vec![file_id.clone(), file_id]);
        self.doc.compress();
        self.doc
    }

    fn finish(self) -> Vec<u8> {
        save(&mut self.into_document())
    }
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .expect("writing a PDF to memory cannot fail");
    bytes
}

/// `BT … ET` drawing `lines` top to bottom from (`x`, `y`), one line per string.
fn text_lines_ops(lines: &[String], x: f32, y: f32) -> Vec<Operation> {
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), FONT_SIZE.into()]),
        Operation::new("TL", vec![LEADING.into()]),
        Operation::new("Td", vec![x.into(), y.into()]),
    ];
    for line in lines {
        if !line.is_empty() {
            ops.push(Operation::new("Tj", vec![pdf_string(line)]));
        }
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("ET", vec![]));
    ops
}

/// One self-contained text object showing `text` at (`x`, `y`).
fn text_object(x: f32, y: f32, text: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), FONT_SIZE.into()]),
        set_text_position(x, y),
        Operation::new("Tj", vec![pdf_string(text)]),
        Operation::new("ET", vec![]),
    ]
}

/// `Tm` with an identity scale: puts the next glyph at an absolute position.
fn set_text_position(x: f32, y: f32) -> Operation {
    Operation::new(
        "Tm",
        vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()],
    )
}

fn pdf_string(text: &str) -> Object {
    Object::String(win_ansi(text), StringFormat::Literal)
}

/// Encodes `text` in WinAnsiEncoding, the encoding declared for the fixture fonts.
///
/// Latin-1 maps to itself (pdf-extract reads the soft hyphen 0xAD back as `-` and
/// the no-break space as a plain space, as with real PDFs); the
/// typographic characters resumes use (bullets, dashes, curly quotes, €) sit in the
/// 0x80–0x9F block; ﬁ/ﬂ use the fixture font's extra codes; anything else is `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|ch| match ch {
            '\t' => b' ',
            ' '..='~' => ch as u8,
            '\u{a0}'..='\u{ff}' => ch as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8a,
            '‹' => 0x8b,
            'Œ' => 0x8c,
            'Ž' => 0x8e,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9a,
            '›' => 0x9b,
            'œ' => 0x9c,
            'ž' => 0x9e,
            'Ÿ' => 0x9f,
            'ﬁ' => LIGATURE_FI,
            'ﬂ' => LIGATURE_FL,
            _ => b'?',
        })
        .collect()
}
