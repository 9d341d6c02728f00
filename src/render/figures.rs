//! The HTML report's SVG figures laid out in advance (only the HTML renderer builds them): the SWOT grid and the consistency matrix.
//! SVG has no line wrapping, so texts are wrapped here (by an average character width) and the
//! template only places the lines it is given; every string still goes through tera's escaping.

use serde::Serialize;

use crate::case::{Argument, Case};
use crate::locale::Locale;
use crate::markdown::plain;

use super::parts::SummaryView;

/// Average advance of a character of the figures' 13 px sans-serif text, in pixels: generous,
/// so a line never runs out of its box.
const CHAR_WIDTH: f64 = 7.4;
const LINE_HEIGHT: f64 = 18.0;
const WIDTH: f64 = 760.0;

#[derive(Serialize)]
pub struct Line {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// Set in bold (an item's id, a heading).
    pub strong: bool,
}

#[derive(Serialize)]
pub struct Panel {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// A CSS class: the SWOT quadrant, or the verdict of a matrix cell.
    pub class: String,
    pub lines: Vec<Line>,
}

#[derive(Serialize)]
pub struct Figure {
    pub width: f64,
    pub height: f64,
    pub panels: Vec<Panel>,
    /// Everything the figure says, as one text: its accessible description.
    pub description: String,
}

/// Splits `text` into lines of at most `columns` characters, breaking long words.
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > columns {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            lines.push(word.drain(..columns).collect());
        }
        let word: String = word.into_iter().collect();
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > columns && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn columns(width: f64) -> usize {
    ((width / CHAR_WIDTH).floor() as usize).max(8)
}

/// The lines of one SWOT quadrant, from its top edge: the title, then each item's id and text.
fn quadrant_lines(
    locale: &Locale,
    title: &str,
    items: &[Argument],
    x: f64,
    width: f64,
) -> Vec<Line> {
    let pad = 14.0;
    let mut y = 26.0;
    let mut lines = vec![Line {
        x: x + pad,
        y,
        text: title.to_string(),
        strong: true,
    }];
    y += LINE_HEIGHT + 4.0;
    if items.is_empty() {
        lines.push(Line {
            x: x + pad,
            y,
            text: label(locale, "none"),
            strong: false,
        });
    }
    let indent = 40.0;
    for item in items {
        lines.push(Line {
            x: x + pad,
            y,
            text: item.id.value.clone(),
            strong: true,
        });
        for text in wrap(
            &plain(&item.text.value),
            columns(width - pad * 2.0 - indent),
        ) {
            lines.push(Line {
                x: x + pad + indent,
                y,
                text,
                strong: false,
            });
            y += LINE_HEIGHT;
        }
        y += 6.0;
    }
    lines
}

/// The SWOT as a 2×2 grid: strengths beside weaknesses, opportunities beside threats.
pub fn swot(case: &Case, locale: &Locale) -> Figure {
    let b = &case.current_situation;
    let gap = 12.0;
    let half = (WIDTH - gap) / 2.0;
    let rows = [
        [("strengths", &b.strengths), ("weaknesses", &b.weaknesses)],
        [("opportunities", &b.opportunities), ("threats", &b.threats)],
    ];
    let mut panels = Vec::new();
    let mut top = 0.0;
    let mut description = Vec::new();
    for row in rows {
        for (key, items) in row {
            let listed: Vec<String> = items
                .iter()
                .map(|i| format!("{} {}", i.id.value, plain(&i.text.value)))
                .collect();
            let listed = if listed.is_empty() {
                label(locale, "none")
            } else {
                listed.join("; ")
            };
            description.push(format!("{}: {listed}", label(locale, key)));
        }
        let laid: Vec<(&str, Vec<Line>, f64)> = row
            .iter()
            .enumerate()
            .map(|(i, (key, items))| {
                let x = i as f64 * (half + gap);
                (
                    *key,
                    quadrant_lines(locale, &label(locale, key), items, x, half),
                    x,
                )
            })
            .collect();
        let height = laid
            .iter()
            .map(|(_, lines, _)| lines.last().map_or(0.0, |l| l.y))
            .fold(0.0, f64::max)
            + 16.0;
        for (key, lines, x) in laid {
            panels.push(Panel {
                x,
                y: top,
                width: half,
                height,
                class: key.to_string(),
                lines: lines
                    .into_iter()
                    .map(|l| Line { y: l.y + top, ..l })
                    .collect(),
            });
        }
        top += height + gap;
    }
    Figure {
        width: WIDTH,
        height: top - gap,
        panels,
        description: description.join(". "),
    }
}

/// The consistency matrix: grounds (and the total) down, disciplines across, each cell coloured
/// by its verdict and showing symbol, score and verdict in words.
pub fn matrix(locale: &Locale, summary: &SummaryView) -> Figure {
    let overall = label(locale, "overall");
    let label_width = 250.0;
    let cell_width = (WIDTH - label_width) / 3.0;
    let head = 40.0;
    let mut panels = Vec::new();
    for (i, cell) in summary.totals.iter().enumerate() {
        let x = label_width + i as f64 * cell_width;
        panels.push(Panel {
            x,
            y: 0.0,
            width: cell_width,
            height: head,
            class: "head".to_string(),
            lines: vec![Line {
                x: x + 10.0,
                y: 25.0,
                text: discipline_name(locale, cell.key),
                strong: true,
            }],
        });
    }
    let mut top = head;
    let mut description = Vec::new();
    let rows = summary
        .matrix
        .iter()
        .map(|r| (format!("{}. {}", r.letter, r.title), &r.cells))
        .chain(std::iter::once((overall, &summary.totals)));
    for (label, cells) in rows {
        let said: Vec<String> = cells
            .iter()
            .map(|c| {
                let name = discipline_name(locale, c.key);
                format!("{name} {} {}", c.score_text, c.verdict_name)
            })
            .collect();
        description.push(format!("{label}: {}", said.join(", ")));
        // Bold characters run about 15% wider.
        let label_lines = wrap(&label, columns((label_width - 24.0) / 1.15));
        let height = (label_lines.len().max(2) as f64) * LINE_HEIGHT + 16.0;
        panels.push(Panel {
            x: 0.0,
            y: top,
            width: label_width,
            height,
            class: "head".to_string(),
            lines: label_lines
                .into_iter()
                .enumerate()
                .map(|(n, text)| Line {
                    x: 10.0,
                    y: top + 22.0 + n as f64 * LINE_HEIGHT,
                    text,
                    strong: true,
                })
                .collect(),
        });
        for (i, cell) in cells.iter().enumerate() {
            let x = label_width + i as f64 * cell_width;
            panels.push(Panel {
                x,
                y: top,
                width: cell_width,
                height,
                class: format!(
                    "v-{}{}",
                    cell.verdict,
                    if cell.chosen { " chosen" } else { "" }
                ),
                lines: vec![
                    Line {
                        x: x + 10.0,
                        y: top + 22.0,
                        text: format!("{} {}", cell.symbol, cell.score_text),
                        strong: true,
                    },
                    Line {
                        x: x + 10.0,
                        y: top + 22.0 + LINE_HEIGHT,
                        text: cell.verdict_name.clone(),
                        strong: false,
                    },
                ],
            });
        }
        top += height;
    }
    Figure {
        width: WIDTH,
        height: top,
        panels,
        description: description.join(". "),
    }
}

fn discipline_name(locale: &Locale, key: &str) -> String {
    locale.text(&format!("disciplines.{key}")).to_string()
}

fn label(locale: &Locale, key: &str) -> String {
    locale.text(&format!("report.{key}")).to_string()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_words_and_breaks_long_words() {
        assert_eq!(wrap("een twee drie vier", 9), ["een twee", "drie vier"]);
        assert_eq!(wrap("abcdefghijkl", 8), ["abcdefgh", "ijkl"]);
        assert!(wrap("", 10).is_empty());
    }
}
