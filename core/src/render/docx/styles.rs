//! Word's built-in styles, under the names Word knows them by (so the navigation pane, a table
//! of contents and a template's restyling work), and the two list numberings.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, Numbering, NumberingId, Paragraph, RunFonts, SpecialIndentType, Start, Style,
    StyleType, TableBorders, TableProperty, WidthType,
};

/// Title, Heading 1 … Heading 4, by level.
pub const HEADINGS: [&str; 5] = ["Title", "Heading1", "Heading2", "Heading3", "Heading4"];
pub const BODY: &str = "BodyText";
pub const QUOTE: &str = "Quote";
pub const LIST_BULLET: &str = "ListBullet";
pub const LIST_NUMBER: &str = "ListNumber";
pub const CELL: &str = "TableContents";
pub const SUBTITLE: &str = "Subtitle";
pub const TABLE: &str = "TableGrid";
/// The numbering (and abstract numbering) of bulleted paragraphs; docx-rs writes one of its own
/// as number 1.
pub const BULLETS: usize = 100;
/// The abstract numbering every numbered list is an instance of.
pub const NUMBERED: usize = 101;
/// The numbering id of the first numbered list; each list has its own, so each restarts.
pub const FIRST_NUMBERED: usize = 200;

/// An empty paragraph of `style`; a List Bullet paragraph carries its bullet.
pub fn styled(style: &str) -> Paragraph {
    let p = Paragraph::new().style(style);
    if style == LIST_BULLET {
        return p.numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
    }
    p
}

/// A paragraph style based on Normal.
fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
}

fn heading(level: usize, size: usize) -> Style {
    paragraph(HEADINGS[level], &format!("heading {level}"))
        .next(BODY)
        .bold()
        .size(size)
        .color("1F3864")
        .outline_lvl(level - 1)
        .line_spacing(LineSpacing::new().before(280).after(100))
}

/// The document's styles and numberings.
pub fn apply(docx: Docx) -> Docx {
    let body = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri")
        .east_asia("Calibri");
    let level = |n: usize, format: &str, text: &str| {
        Level::new(
            n,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
    };
    docx.default_fonts(body)
        .default_size(22)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .add_style(
            paragraph(HEADINGS[0], "Title")
                .size(48)
                .color("1F3864")
                .line_spacing(LineSpacing::new().after(240)),
        )
        .add_style(paragraph(SUBTITLE, "Subtitle").italic().color("404040"))
        .add_style(heading(1, 32).line_spacing(LineSpacing::new().before(360).after(120)))
        .add_style(heading(2, 26))
        .add_style(heading(3, 23))
        .add_style(heading(4, 22).italic())
        .add_style(paragraph(BODY, "Body Text"))
        .add_style(
            paragraph(QUOTE, "Quote")
                .italic()
                .indent(Some(567), None, Some(567), None),
        )
        .add_style(paragraph(LIST_BULLET, "List Bullet"))
        .add_style(paragraph(LIST_NUMBER, "List Number"))
        .add_style(
            paragraph(CELL, "Table Contents").line_spacing(LineSpacing::new().before(0).after(0)),
        )
        .add_style(paragraph("Footer", "footer").size(18))
        .add_style(
            Style::new("Hyperlink", StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_style(
            Style::new(TABLE, StyleType::Table)
                .name("Table Grid")
                .table_property(
                    TableProperty::new()
                        .set_borders(TableBorders::new())
                        .cell_margin_left(85, WidthType::Dxa)
                        .cell_margin_right(85, WidthType::Dxa)
                        .cell_margin_top(28, WidthType::Dxa)
                        .cell_margin_bottom(28, WidthType::Dxa),
                ),
        )
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(level(0, "bullet", "•")))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(
            AbstractNumbering::new(NUMBERED).add_level(level(0, "decimal", "%1.")),
        )
}
