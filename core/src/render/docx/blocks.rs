//! The document body as it is written: paragraphs and tables in order, the links and numbered
//! lists they need, and the few shapes every section uses (headings, labelled lines, tables
//! whose header row repeats and whose rows never split).

use docx_rs::{
    Docx, HeightRule, Hyperlink, HyperlinkData, LevelOverride, Numbering, Paragraph, Run, Shading,
    ShdType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};
use serde_json::Value;

use super::{rich, styles, text};

/// The width of the text on the page (A4 less docx-rs's margins), in twips.
pub const TEXT_WIDTH: usize = 8504;
/// The light blue behind a table's header row.
const HEADER_FILL: &str = "DCE6F2";

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The body being written.
#[derive(Default)]
pub struct Writer {
    body: Vec<Block>,
    /// External links so far: each gets the next relationship id.
    links: usize,
    /// The numbered lists so far, by their first number: each is a numbering instance of its own.
    numbered: Vec<usize>,
}

impl Writer {
    pub fn into_docx(self, mut docx: Docx) -> Docx {
        for (index, start) in self.numbered.iter().enumerate() {
            let numbering = Numbering::new(styles::FIRST_NUMBERED + index, styles::NUMBERED)
                .add_override(LevelOverride::new(0).start(*start));
            docx = docx.add_numbering(numbering);
        }
        for block in self.body {
            docx = match block {
                Block::Paragraph(p) => docx.add_paragraph(*p),
                Block::Table(t) => docx.add_table(*t),
            };
        }
        docx
    }

    pub fn push(&mut self, paragraph: Paragraph) {
        self.body.push(Block::Paragraph(Box::new(paragraph)));
    }

    /// A heading of `level` 0 (the title) to 4.
    pub fn heading(&mut self, level: usize, title: &str) {
        let style = styles::HEADINGS[level.min(styles::HEADINGS.len() - 1)];
        self.push(
            Paragraph::new()
                .style(style)
                .keep_next(true)
                .add_run(text(title)),
        );
    }

    /// A rich text as paragraphs of `style`.
    pub fn rich(&mut self, style: &str, value: &Value) {
        for p in rich::paragraphs(self, style, value) {
            self.push(p);
        }
    }

    /// A line of plain text in `style`.
    pub fn line(&mut self, style: &str, value: &str) {
        self.push(styles::styled(style).add_run(text(value)));
    }

    /// "**Label:** rich text" as one paragraph of `style`.
    pub fn labelled(&mut self, style: &str, label: &str, value: &Value) {
        let p = styles::styled(style).add_run(text(&format!("{label}: ")).bold());
        let p = rich::inline(self, p, value);
        self.push(p);
    }

    /// A table of columns of equal width: the header row repeats on every page it runs over,
    /// no row splits.
    pub fn table(&mut self, header: Vec<Vec<Paragraph>>, rows: Vec<Vec<Vec<Paragraph>>>) {
        let columns = header.len().max(1);
        let widths = vec![TEXT_WIDTH / columns; columns];
        self.table_with(header, rows, &widths, false);
    }

    /// A table with columns `widths` wide (twips); `together` keeps it on one page with what
    /// follows (a worksheet item's ticks and its answer space).
    pub fn table_with(
        &mut self,
        header: Vec<Vec<Paragraph>>,
        rows: Vec<Vec<Vec<Paragraph>>>,
        widths: &[usize],
        together: bool,
    ) {
        let row = |cells: Vec<Vec<Paragraph>>, shade: bool| {
            let cells = cells
                .into_iter()
                .zip(widths)
                .map(|(paragraphs, width)| {
                    let paragraphs = paragraphs
                        .into_iter()
                        .map(|p| if together { p.keep_next(true) } else { p })
                        .collect();
                    let cell = cell(paragraphs).width(*width, WidthType::Dxa);
                    if shade {
                        cell.shading(Shading::new().shd_type(ShdType::Clear).fill(HEADER_FILL))
                    } else {
                        cell
                    }
                })
                .collect();
            TableRow::new(cells).cant_split()
        };
        let header = row(header, true)
            .row_height(1.0)
            .height_rule(HeightRule::AtLeast);
        let mut all = vec![header];
        all.extend(rows.into_iter().map(|r| row(r, false)));
        let table = Table::new(all)
            .style(styles::TABLE)
            .layout(TableLayoutType::Fixed)
            .set_grid(widths.to_vec())
            .width(widths.iter().sum(), WidthType::Dxa);
        self.body.push(Block::Table(Box::new(table)));
    }

    /// An empty bordered cell `lines` lines high, to write or type in.
    pub fn space(&mut self, lines: usize) {
        let paragraphs = (0..lines.max(1))
            .map(|_| {
                Paragraph::new().style(styles::CELL).line_spacing(
                    docx_rs::LineSpacing::new()
                        .line(360)
                        .line_rule(docx_rs::LineSpacingType::Auto),
                )
            })
            .collect();
        let row = TableRow::new(vec![cell(paragraphs)]).cant_split();
        let table = Table::new(vec![row])
            .style(styles::TABLE)
            .layout(TableLayoutType::Fixed)
            .set_grid(vec![TEXT_WIDTH])
            .width(TEXT_WIDTH, WidthType::Dxa);
        self.body.push(Block::Table(Box::new(table)));
    }

    /// The next external link's relationship id; docx-rs's own counter is shared by every
    /// thread, so two builds would number them differently.
    pub fn link(&mut self, url: &str, runs: Vec<Run>) -> Hyperlink {
        self.links += 1;
        let mut link = Hyperlink {
            link: HyperlinkData::External {
                rid: format!("rIdHyperlink{}", self.links),
                path: super::package::escape(url),
            },
            history: None,
            children: Vec::new(),
        };
        for run in runs {
            link = link.add_run(run.style("Hyperlink"));
        }
        link
    }

    /// The numbering id of a new numbered list starting at `start`.
    pub fn numbered(&mut self, start: usize) -> usize {
        self.numbered.push(start);
        styles::FIRST_NUMBERED + self.numbered.len() - 1
    }
}

/// A table cell of paragraphs (Word wants at least one).
fn cell(paragraphs: Vec<Paragraph>) -> TableCell {
    let mut cell = TableCell::new();
    if paragraphs.is_empty() {
        return cell.add_paragraph(Paragraph::new().style(styles::CELL));
    }
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    cell
}

/// A cell of plain text, bold when `strong`.
pub fn plain(value: &str, strong: bool) -> Vec<Paragraph> {
    let run = if strong {
        text(value).bold()
    } else {
        text(value)
    };
    vec![Paragraph::new().style(styles::CELL).add_run(run)]
}

/// A table cell of rich text.
pub fn w_cell(w: &mut Writer, value: &Value) -> Vec<docx_rs::Paragraph> {
    rich::paragraphs(w, styles::CELL, value)
}

pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
