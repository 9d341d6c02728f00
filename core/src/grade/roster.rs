//! The class list a teacher exports from the learning platform (`--roster`), which gives the
//! ids its grade import matches on where the download has none. Roster bytes in, each
//! submission's row out; nothing is guessed: a name that matches no row, or more than one, is
//! left without.
//!
//! - Brightspace, Grades › Export with Key Field "Both" and User Details (community.d2l.com
//!   "Importing grades", 3538; brightspacehelp.usc.edu "Import grades"): `OrgDefinedId`,
//!   `Username`, `Last Name`, `First Name`, `Email`, the grade items, `End-of-Line Indicator`.
//!   Its download names a student `First Last`, so a row is found by first and last name.
//! - Canvas, the Gradebook's export: `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`,
//!   …; the download gives the `ID`, so a row is found by it.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::Graded;
use super::platform::Platform;
use crate::diagnostics::Diagnostic;
use crate::lang::Position;
use crate::messages::{self, user_language};

/// The class list `bytes` (named `at` in a message), read as `platform`'s; or the one message
/// why it cannot be used. The command line's `--roster` and the grading page's class list.
pub fn load(platform: Platform, bytes: &[u8], at: &Path) -> Result<Roster, Diagnostic> {
    Roster::parse(platform, bytes).map_err(|err| {
        let language = user_language();
        let columns = columns(platform).join(", ");
        let name = messages::locale(language)
            .text(&format!("grade.lms_name_{}", platform.key()))
            .to_string();
        let values = [("columns", columns.as_str()), ("platform", name.as_str())];
        let situation = err.situation();
        let place = Position::default();
        Diagnostic::worded(at, place, language, "ROSTER", situation, &values)
    })
}

/// One student of the class list: the ids the platform's import takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listed {
    /// Brightspace's `OrgDefinedId`, Canvas's `SIS User ID`.
    pub id: String,
    /// Brightspace's `Username`, Canvas's `SIS Login ID`.
    pub login: String,
    /// Canvas's `Section`.
    pub section: String,
}

/// How a submission's student was found in the class list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Match {
    /// No class list was given.
    #[default]
    NoRoster,
    Found(Listed),
    NotFound,
    /// More than one row has this name.
    Ambiguous,
}

/// Why a class list cannot be used (the `diagnostics.ROSTER` situation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RosterError {
    /// Not a CSV file (not text, or rows that do not parse).
    NotCsv,
    /// A CSV without the columns the platform's list has.
    Columns,
    /// Moodle's download gives the id its import takes: no list is needed.
    NotNeeded,
}

impl RosterError {
    pub fn situation(self) -> &'static str {
        match self {
            RosterError::NotCsv => "not_csv",
            RosterError::Columns => "columns",
            RosterError::NotNeeded => "not_needed",
        }
    }
}

/// The columns `platform`'s class list must have, in the order [`Roster::parse`] reads them.
pub fn columns(platform: Platform) -> &'static [&'static str] {
    match platform {
        Platform::Brightspace => &["OrgDefinedId", "Username", "Last Name", "First Name"],
        Platform::Canvas => &["ID", "SIS User ID", "SIS Login ID", "Section"],
        Platform::Moodle => &[],
    }
}

/// A parsed class list: each row's key (a normalised name, or Canvas's `ID`) and ids.
#[derive(Debug)]
pub struct Roster {
    rows: Vec<(String, Listed)>,
}

impl Roster {
    /// Reads `bytes` as `platform`'s class list (comma-separated, a BOM allowed).
    pub fn parse(platform: Platform, bytes: &[u8]) -> Result<Roster, RosterError> {
        let text = std::str::from_utf8(bytes).map_err(|_| RosterError::NotCsv)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.contains('\0') {
            return Err(RosterError::NotCsv);
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|_| RosterError::NotCsv)?.clone();
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        if platform == Platform::Moodle {
            return Err(RosterError::NotNeeded);
        }
        let columns: Vec<usize> = columns(platform)
            .iter()
            .map(|n| column(n))
            .collect::<Option<_>>()
            .ok_or(RosterError::Columns)?;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|_| RosterError::NotCsv)?;
            let cell = |i: usize| record.get(columns[i]).unwrap_or("").trim().to_string();
            let (key, listed) = match platform {
                Platform::Brightspace => {
                    let name = format!("{} {}", cell(3), cell(2));
                    let listed = Listed {
                        id: cell(0),
                        login: cell(1),
                        section: String::new(),
                    };
                    (normalise(&name), listed)
                }
                _ => {
                    let listed = Listed {
                        id: cell(1),
                        login: cell(2),
                        section: cell(3),
                    };
                    (cell(0), listed)
                }
            };
            // Canvas's "Points Possible" row and empty lines have no key.
            if !key.is_empty() {
                rows.push((key, listed));
            }
        }
        Ok(Roster { rows })
    }

    /// The row of `key`: found when exactly one row has it.
    fn find(&self, key: &str) -> Match {
        let mut found = self.rows.iter().filter(|(k, _)| k == key);
        match (found.next(), found.next()) {
            (Some((_, listed)), None) => Match::Found(listed.clone()),
            (Some(_), Some(_)) => Match::Ambiguous,
            _ => Match::NotFound,
        }
    }

    /// Each submission's row: by the name (Brightspace) or the id (Canvas) its download gave,
    /// else by the student's name.
    pub fn apply(&self, platform: Platform, submissions: &mut [Graded]) {
        for graded in submissions {
            let origin = graded.origin.as_ref().filter(|o| o.platform == platform);
            graded.listed = match (platform, origin) {
                (Platform::Canvas, Some(origin)) => self.find(&origin.id),
                (Platform::Canvas, None) => Match::NotFound,
                _ => {
                    let name = origin.map_or(&graded.student, |o| &o.student);
                    self.find(&normalise(name))
                }
            };
        }
    }
}

/// A name as compared: accents dropped, lower case, one space between words.
fn normalise(name: &str) -> String {
    let bare: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    bare.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_accents_case_or_extra_spaces() {
        assert_eq!(normalise("  Zoë  de VRIES "), "zoe de vries");
    }

    #[test]
    fn a_list_without_the_columns_is_refused() {
        let csv = b"Naam,Cijfer\nJan,7\n";
        let err = Roster::parse(Platform::Brightspace, csv).map(|_| ());
        assert_eq!(err, Err(RosterError::Columns));
        let err = Roster::parse(Platform::Brightspace, b"%PDF-1.7\0\xff").map(|_| ());
        assert_eq!(err, Err(RosterError::NotCsv));
    }
}
