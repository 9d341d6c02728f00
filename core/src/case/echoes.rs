//! One mistake, one message: an id written wrongly (`s1` for `S1`, a kans named `S1`) also
//! leaves the links to the right id dangling and may make a duplicate. Those echoes are folded
//! into the message about the cause, which says how many were left out.

use super::model::Case;
use super::{ItemKind, Language, Position};
use crate::diagnostics::Diagnostic;

/// An id error that other errors can follow from: where it is, the id as written and the
/// letters the id should have started with.
struct Cause {
    code: &'static str,
    at: (u32, u32),
    id: String,
    letters: Vec<String>,
    echoes: usize,
}

/// Removes the errors that follow from a wrongly written id, counting them on their cause.
pub fn fold(diagnostics: &mut Vec<Diagnostic>, case: &Case) {
    let language = case.language();
    let mut causes: Vec<Cause> = diagnostics
        .iter()
        .filter(|d| matches!(d.code.as_ref(), "ID-PREFIX" | "BAD-ID"))
        .map(|d| Cause {
            code: "ID-PREFIX",
            at: (d.line, d.column),
            id: d.item.clone().unwrap_or_default(),
            letters: letters_at(
                case,
                language,
                Position {
                    line: d.line,
                    column: d.column,
                },
            )
            .into_iter()
            .collect(),
            echoes: 0,
        })
        .collect();
    // A duplicate that is not itself the echo of a wrong letter: one of its two items was meant
    // to keep its old id, which its kind's letters tell.
    let duplicates: Vec<Cause> = diagnostics
        .iter()
        .filter(|d| d.code == "DUPLICATE-ID" && !causes.iter().any(|c| c.at == (d.line, d.column)))
        .map(|d| {
            let id = d.item.clone().unwrap_or_default();
            let letters = case
                .declared_ids()
                .iter()
                .filter(|declared| declared.value == id)
                .filter_map(|declared| letters_at(case, language, declared.at))
                .filter(|letters| !id.starts_with(letters.as_str()))
                .collect();
            Cause {
                code: "DUPLICATE-ID",
                at: (d.line, d.column),
                id,
                letters,
                echoes: 0,
            }
        })
        .collect();
    causes.extend(duplicates);
    if causes.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let cause = match d.code.as_ref() {
            "DUPLICATE-ID" => causes
                .iter_mut()
                .find(|c| c.at == (d.line, d.column) && c.code != "DUPLICATE-ID"),
            "DANGLING-ID" => {
                let link = d.item.as_deref().unwrap_or_default();
                causes.iter_mut().find(|c| c.explains(link))
            }
            _ => None,
        };
        match cause {
            Some(cause) => {
                cause.echoes += 1;
                false
            }
            None => true,
        }
    });
    for cause in causes.iter().filter(|c| c.echoes > 0) {
        let Some(d) = diagnostics
            .iter_mut()
            .find(|d| (d.line, d.column) == cause.at && d.item.as_deref() == Some(&cause.id))
        else {
            continue;
        };
        let count = cause.echoes.to_string();
        let words = crate::messages::locale(d.language).fill("cli.echoes", &[("count", &count)]);
        // One pair of brackets: `(het eerst op regel 31; 2 fout(en) … niet getoond)`.
        d.message = match d.message.strip_suffix(')') {
            Some(open) if open.contains('(') => format!("{open}; {words})"),
            _ => format!("{} ({words})", d.message),
        };
    }
}

impl Cause {
    /// Whether a link to `link`, which no item has, is what this id was meant to be.
    fn explains(&self, link: &str) -> bool {
        let plain = |id: &str| -> String {
            id.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect()
        };
        let numbered = self.letters.iter().any(|letters| {
            link.strip_prefix(letters.as_str())
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
        (self.code != "DUPLICATE-ID" && plain(link) == plain(&self.id)) || numbered
    }
}

/// The letters the id of the item declared at `at` starts with by the method's convention
/// (`K` for a Dutch opportunity, `DL` for a Dutch goal, `M` for a mission fragment).
fn letters_at(case: &Case, language: Language, at: Position) -> Option<String> {
    let english = language == Language::En;
    if let Some(item) = case.argument_items().iter().find(|i| i.id.at == at) {
        let letters = match item.kind {
            ItemKind::MissionFragment => "M",
            ItemKind::Objective if english => "OB",
            ItemKind::Objective => "D",
            ItemKind::GeneralRegularity if english => "GR",
            ItemKind::GeneralRegularity => "AW",
            ItemKind::OwnRegularity if english => "OR",
            ItemKind::OwnRegularity => "EW",
            kind => return kind.swot_letter(language).map(String::from),
        };
        return Some(letters.to_string());
    }
    let letters = if case.goals().iter().any(|g| g.id.at == at) {
        if english { "G" } else { "DL" }
    } else if case.consequences.functions.iter().any(|f| f.id.at == at) {
        "F"
    } else if case.references.iter().any(|r| r.id.at == at) {
        "R"
    } else {
        return None;
    };
    Some(letters.to_string())
}
