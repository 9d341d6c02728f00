//! Characters no embedded font can draw. PDF/A forbids a missing glyph, so one emoji would cost
//! the student the whole PDF; instead such a character is shown as a placeholder and the build
//! warns, naming the characters. Which characters the fonts draw is a table (`coverage.txt`,
//! ranges of code points), so that `check` knows without the fonts: `casebook-pdf` has them, and
//! a test keeps the table equal to what they draw.

use std::collections::BTreeSet;

use std::sync::OnceLock;

use serde_json::Value;

use crate::case::{LoadedCase, Position, Text};
use crate::diagnostics::{Diagnostic, Severity};

/// What stands in for a character no font has (it is in the embedded fonts).
const PLACEHOLDER: char = '□';

/// The code points the PDF's embedded fonts draw, one range `first-last` (hexadecimal) a line.
pub const TABLE: &str = include_str!("coverage.txt");

/// Which characters the embedded fonts can draw.
pub struct Coverage {
    /// Sorted, disjoint ranges of code points, both ends included.
    ranges: Vec<(u32, u32)>,
}

impl Coverage {
    /// The coverage of the embedded fonts, read once per process from [`TABLE`].
    pub fn embedded() -> &'static Coverage {
        static EMBEDDED: OnceLock<Coverage> = OnceLock::new();
        EMBEDDED.get_or_init(|| Coverage {
            ranges: TABLE.lines().filter_map(range).collect(),
        })
    }

    /// The visible characters of `text` that no embedded font draws, each once, in order.
    fn missing_in(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if !self.keeps(c) && !is_invisible(c) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    fn draws(&self, c: char) -> bool {
        let point = u32::from(c);
        c.is_ascii()
            || self
                .ranges
                .binary_search_by(|&(first, last)| {
                    if last < point {
                        std::cmp::Ordering::Less
                    } else if first > point {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
    }

    /// Whether `c` goes into the PDF as it is. Invisible formatting characters do not, even where
    /// a font has them (PDF/UA forbids the byte-order mark), except the joiners shaping needs.
    fn keeps(&self, c: char) -> bool {
        self.draws(c) && (!is_invisible(c) || matches!(c, '\u{200C}' | '\u{200D}'))
    }

    /// Replaces, in every string of `data`, each character no font draws: invisible formatting
    /// characters (joiners, variation selectors, direction marks) are dropped, visible ones become
    /// the placeholder. Returns the visible characters replaced.
    pub fn replace_missing(&self, data: &mut Value) -> BTreeSet<char> {
        let mut missing = BTreeSet::new();
        self.walk(data, &mut missing);
        missing
    }

    fn walk(&self, value: &mut Value, missing: &mut BTreeSet<char>) {
        match value {
            Value::String(text) if !text.chars().all(|c| self.keeps(c)) => {
                *text = text
                    .chars()
                    .filter_map(|c| match c {
                        _ if self.keeps(c) => Some(c),
                        _ if is_invisible(c) => None,
                        _ => {
                            missing.insert(c);
                            Some(PLACEHOLDER)
                        }
                    })
                    .collect();
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.walk(v, missing)),
            Value::Object(fields) => fields.values_mut().for_each(|v| self.walk(v, missing)),
            _ => {}
        }
    }
}

/// A `PDF-GLYPH` warning at every text of `case` holding characters the PDF cannot show, with
/// its line and item, in the case's language: what `check` reports before any PDF is made.
pub fn located_warnings(case: &LoadedCase) -> Vec<Diagnostic> {
    let coverage = Coverage::embedded();
    let language = case.case.language();
    crate::case::texts(&case.case)
        .into_iter()
        .filter_map(|(item, _, text)| {
            let missing = coverage.missing_in(&text.value);
            if missing.is_empty() {
                return None;
            }
            let shown: Vec<String> = missing
                .iter()
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect();
            let characters = shown.join(", ");
            let values = [("characters", characters.as_str())];
            let mut d = Diagnostic::worded(
                &case.path,
                first_written(&case.source, text, missing[0]),
                language,
                "PDF-GLYPH",
                "missing",
                &values,
            )
            .with_severity(Severity::Warning);
            d.item = item.map(str::to_string);
            Some(d)
        })
        .collect()
}

/// Where `c` is first written from `at` on: a text over several lines is read at its first line,
/// and the student needs the line the character is on.
fn first_written(source: &str, text: &Text, c: char) -> Position {
    let at = text.at;
    let start = usize::try_from(at.line).unwrap_or(0).saturating_sub(1);
    let column = usize::try_from(at.column).unwrap_or(1);
    // The text's own lines: the first, then those indented at least as far (or blank).
    let inside = |(index, line): &(usize, &str)| {
        *index == start
            || line.trim().is_empty()
            || line.len() - line.trim_start().len() + 1 >= column
    };
    source
        .lines()
        .enumerate()
        .skip(start)
        .take_while(inside)
        .find_map(|(index, line)| {
            let skip = if index == start {
                usize::try_from(at.column).unwrap_or(1).saturating_sub(1)
            } else {
                0
            };
            let column = line.chars().skip(skip).position(|x| x == c)? + skip;
            Some(Position {
                line: u32::try_from(index + 1).ok()?,
                column: u32::try_from(column + 1).ok()?,
            })
        })
        .unwrap_or(at)
}

/// One line of [`TABLE`]: `first-last` in hexadecimal.
fn range(line: &str) -> Option<(u32, u32)> {
    let (first, last) = line.split_once('-')?;
    Some((
        u32::from_str_radix(first, 16).ok()?,
        u32::from_str_radix(last, 16).ok()?,
    ))
}

/// Formatting characters that draw nothing: zero-width joiners and spaces, variation selectors,
/// direction marks and isolates, tag characters.
fn is_invisible(c: char) -> bool {
    matches!(u32::from(c),
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF | 0xFE00..=0xFE0F
        | 0xE0000..=0xE007F | 0xE0100..=0xE01EF | 0x180E | 0x034F)
}
