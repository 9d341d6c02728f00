//! Reading the PDFs `casebook build` writes, in Rust (hayro, the PDF reader typst itself builds
//! on), so the tests need no system tool: text as a reader would quote it, text per page, the
//! page count, the fonts and whether they are embedded, the document information and the XMP,
//! each character and each rule with its place on the page, and a page rendered to pixels.

#![allow(dead_code)]

use hayro::hayro_interpret::font::Glyph;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, TransformExt, interpret_page,
};
use hayro::hayro_syntax::object::{Dict, Name, Object, Stream};
use hayro::vello_cpu::kurbo::{Affine, BezPath, Point, Rect, Shape};

/// One PDF, read.
pub struct Pdf {
    inner: hayro::hayro_syntax::Pdf,
}

/// A font the PDF uses, by its name without the subset prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Font {
    pub name: String,
    pub embedded: bool,
}

/// One drawn character (or ligature), in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Char {
    pub text: String,
    /// Left edge of the glyph on its baseline.
    pub x: f64,
    pub baseline: f64,
    pub width: f64,
    pub size: f64,
}

/// Characters that share a baseline and follow each other from left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub chars: Vec<Char>,
}

/// A stroked horizontal line (a rule), in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// The stroke's width.
    pub thickness: f64,
}

/// One page: its size in points, its lines of text in the order they are drawn and its rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
}

impl Pdf {
    /// Reads a PDF; fails the test if it cannot be read.
    pub fn read(bytes: &[u8]) -> Pdf {
        let inner = hayro::hayro_syntax::Pdf::new(bytes.to_vec())
            .unwrap_or_else(|err| panic!("not a readable PDF: {err:?}"));
        Pdf { inner }
    }

    pub fn page_count(&self) -> usize {
        self.inner.pages().len()
    }

    /// Every page with its positioned characters.
    pub fn pages(&self) -> Vec<Page> {
        let cache = InterpreterCache::new();
        self.inner
            .pages()
            .iter()
            .map(|page| {
                let (width, height) = page.render_dimensions();
                let mut context = Context::new(
                    page.initial_transform(true).to_kurbo(),
                    Rect::new(0.0, 0.0, width.into(), height.into()),
                    &cache,
                    self.inner.xref(),
                    InterpreterSettings::default(),
                );
                let mut collector = Collector::default();
                interpret_page(page, &mut context, &mut collector);
                Page {
                    width: width.into(),
                    height: height.into(),
                    lines: collector.lines,
                    rules: collector.rules,
                }
            })
            .collect()
    }

    /// The text of each page, one line of the page per line.
    pub fn page_texts(&self) -> Vec<String> {
        self.pages().iter().map(Page::text).collect()
    }

    /// The whole text as a reader would quote it: white space collapsed, and a line broken after
    /// a slash joined without a space (typst breaks lines there too).
    pub fn text(&self) -> String {
        normalise(&self.page_texts().join("\n").replace("/\n", "/"))
    }

    /// Every font of the document (each once, sorted by name).
    pub fn fonts(&self) -> Vec<Font> {
        let mut fonts: Vec<Font> = self
            .inner
            .objects()
            .into_iter()
            .filter_map(|object| match object {
                Object::Dict(dict) => Some(dict),
                _ => None,
            })
            .filter(|dict| is_name(dict.get::<Name>(b"Type"), "Font"))
            // A composite font is embedded when its descendant is; list the descendant only.
            .filter(|dict| !is_name(dict.get::<Name>(b"Subtype"), "Type0"))
            .map(|dict| Font {
                name: dict
                    .get::<Name>(b"BaseFont")
                    .map(|name| strip_subset(name.as_str()).to_owned())
                    .unwrap_or_default(),
                embedded: is_embedded(&dict),
            })
            .collect();
        fonts.sort_by(|a, b| a.name.cmp(&b.name));
        fonts.dedup();
        fonts
    }

    /// The document's XMP metadata packet, if it has one.
    pub fn xmp(&self) -> Option<String> {
        let xref = self.inner.xref();
        let catalog = xref.get::<Dict>(xref.root_id())?;
        let stream = catalog.get::<Stream>(b"Metadata")?;
        let bytes = stream.decoded().ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The title in the document information dictionary.
    pub fn title(&self) -> Option<String> {
        self.inner.metadata().title.as_deref().map(text_string)
    }

    /// The creation date in the document information dictionary, as `YYYY-MM-DD HH:MM:SS`.
    pub fn creation_date(&self) -> Option<String> {
        self.inner.metadata().creation_date.map(|d| {
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                d.year, d.month, d.day, d.hour, d.minute, d.second
            )
        })
    }

    /// The problems a strict reader finds: a cross-reference entry that does not point at its
    /// object, a stream that does not decode, a page count that does not match the page tree.
    pub fn structural_problems(&self) -> Vec<String> {
        let mut problems = xref_problems(self.inner.data().as_ref());
        for object in self.inner.objects() {
            if let Object::Stream(stream) = object
                && stream.decoded().is_err()
            {
                problems.push(format!("stream {:?} does not decode", stream.obj_id()));
            }
        }
        let xref = self.inner.xref();
        let declared = xref
            .get::<Dict>(xref.root_id())
            .and_then(|catalog| catalog.get::<Dict>(b"Pages"))
            .and_then(|pages| pages.get::<usize>(b"Count"));
        if declared != Some(self.page_count()) {
            problems.push(format!(
                "the page tree declares {declared:?} pages, {} found",
                self.page_count()
            ));
        }
        problems
    }

    /// Page `index` (from 0) rendered on white at `scale` pixels per point, as RGBA rows.
    pub fn render(&self, index: usize, scale: f32) -> (u16, u16, Vec<u8>) {
        let page = &self.inner.pages()[index];
        let settings = hayro::RenderSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
            ..Default::default()
        };
        let pixmap = hayro::render(
            page,
            &hayro::RenderCache::new(),
            &InterpreterSettings::default(),
            &settings,
        );
        (
            pixmap.width(),
            pixmap.height(),
            pixmap.data_as_u8_slice().to_vec(),
        )
    }
}

impl Page {
    /// The page's lines of text, one per line.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(Line::text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Line {
    /// The line's text, with a space where the gap between two characters is a word space wide.
    pub fn text(&self) -> String {
        let mut text = String::new();
        let mut end: Option<f64> = None;
        for char in &self.chars {
            let gap = end.map_or(0.0, |end| char.x - end);
            if gap > 0.15 * char.size && !text.ends_with(' ') && !char.text.starts_with(' ') {
                text.push(' ');
            }
            text.push_str(&char.text);
            end = Some(char.x + char.width);
        }
        text
    }

    /// Where the line starts and ends on the page, in points from the left edge.
    pub fn extent(&self) -> (f64, f64) {
        let start = self.chars.first().map_or(0.0, |c| c.x);
        let end = self.chars.last().map_or(0.0, |c| c.x + c.width);
        (start, end)
    }

    pub fn baseline(&self) -> f64 {
        self.chars.first().map_or(0.0, |c| c.baseline)
    }
}

/// White space collapsed to single spaces, as the tests compare text.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_name(name: Option<Name>, wanted: &str) -> bool {
    name.is_some_and(|name| name.as_str() == wanted)
}

/// A subset font's name starts with six capitals and a plus sign.
fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((prefix, rest)) if prefix.len() == 6 => rest,
        _ => name,
    }
}

/// A type 3 font draws its glyphs with PDF operators, so it is in the file by definition; any
/// other font is embedded when its descriptor (or its descendant's) holds a font file.
fn is_embedded(font: &Dict) -> bool {
    if is_name(font.get::<Name>(b"Subtype"), "Type3") {
        return true;
    }
    font.get::<Dict>(b"FontDescriptor")
        .is_some_and(|descriptor| {
            ["FontFile", "FontFile2", "FontFile3"]
                .iter()
                .any(|key| descriptor.contains_key(key))
        })
}

/// Checks the classic cross-reference table typst writes: `startxref` points at it, and every
/// entry in use points at `N G obj` of its own number.
fn xref_problems(bytes: &[u8]) -> Vec<String> {
    let tail = bytes
        .windows(9)
        .rposition(|w| w == b"startxref")
        .map(|at| String::from_utf8_lossy(&bytes[at + 9..]));
    let Some(start) = tail
        .as_deref()
        .and_then(|tail| tail.split_whitespace().next())
        .and_then(|offset| offset.parse::<usize>().ok())
    else {
        return vec!["no startxref".to_owned()];
    };
    let Some(table) = bytes
        .get(start..)
        .filter(|table| table.starts_with(b"xref"))
    else {
        return vec![format!(
            "startxref {start} does not point at a cross-reference table"
        )];
    };
    // The table and the trailer are ASCII.
    let text = String::from_utf8_lossy(table);
    let mut problems = Vec::new();
    let mut lines = text[4..].lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(section) = lines.next().filter(|line| *line != "trailer") {
        let numbers: Vec<usize> = section.split(' ').filter_map(|n| n.parse().ok()).collect();
        let [first, count] = numbers[..] else {
            problems.push(format!("a malformed subsection header: {section}"));
            break;
        };
        for number in first..first + count {
            let entry: Vec<&str> = lines.next().unwrap_or_default().split(' ').collect();
            if let [offset, generation, "n"] = entry[..] {
                let offset: usize = offset.parse().unwrap_or(usize::MAX);
                let generation: u32 = generation.parse().unwrap_or(u32::MAX);
                let header = format!("{number} {generation} obj");
                if !bytes
                    .get(offset..)
                    .is_some_and(|at| at.starts_with(header.as_bytes()))
                {
                    problems.push(format!("object {number} is not at offset {offset}"));
                }
            }
        }
    }
    problems
}

/// A PDF text string: UTF-16 with a byte-order mark, otherwise (near enough) Latin-1.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Collects the glyphs typst draws into lines: a new line starts where the baseline moves or the
/// text goes back to the left.
#[derive(Default)]
struct Collector {
    lines: Vec<Line>,
    rules: Vec<Rule>,
}

impl Collector {
    fn push(&mut self, char: Char) {
        let continues = self
            .lines
            .last()
            .and_then(|line| line.chars.last())
            .is_some_and(|last| {
                (last.baseline - char.baseline).abs() < 0.3 * char.size.max(last.size)
                    && char.x > last.x + last.width - 0.5 * char.size
            });
        match self.lines.last_mut() {
            Some(line) if continues => line.chars.push(char),
            _ => self.lines.push(Line { chars: vec![char] }),
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, path: &BezPath, transform: Affine, _: &Paint<'a>, mode: &PathDrawMode) {
        if let PathDrawMode::Stroke(stroke) = mode {
            let bounds = (transform * path.clone()).bounding_box();
            if bounds.height() < 0.01 && bounds.width() > 0.0 {
                self.rules.push(Rule {
                    x0: bounds.x0,
                    x1: bounds.x1,
                    y: bounds.y0,
                    thickness: f64::from(stroke.line_width),
                });
            }
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        let Some(text) = glyph.as_unicode() else {
            return;
        };
        let text = match text {
            hayro::hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
            hayro::hayro_interpret::hayro_cmap::BfString::String(s) => s,
        };
        // Glyph space is 1000 units to the em; the transforms carry it to the page.
        let to_page = transform * glyph_transform;
        let origin = to_page * Point::ORIGIN;
        let advance = match glyph {
            Glyph::Outline(outline) => outline.advance_width().unwrap_or(0.0),
            Glyph::Type3(_) => 0.0,
        };
        let width = (to_page * Point::new(f64::from(advance), 0.0) - origin).length();
        let size = (to_page * Point::new(0.0, 1000.0) - origin).length();
        self.push(Char {
            text,
            x: origin.x,
            baseline: origin.y,
            width,
            size,
        });
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
