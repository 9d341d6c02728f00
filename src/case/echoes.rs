//! One mistake, one message: an id written wrongly (`s1` for `S1`, a kans named `S1`) also
//! leaves the links to the right id dangling and may make a duplicate. Those echoes are folded
//! into the message about the cause, which says how many were left out.

use super::model::Case;
use super::{Language, Position};
use crate::diagnostics::Diagnostic;

/// An id error that other errors can follow from: where it is, the id as written and the
/// letters the id should have started with.
struct Cause {
    at: (u32, u32),
    id: String,
    letters: Option<String>,
    echoes: usize,
}

/// Removes the errors that follow from a wrongly written id, counting them on their cause.
pub fn fold(diagnostics: &mut Vec<Diagnostic>, case: &Case) {
    let language = case.language();
    let mut causes: Vec<Cause> = diagnostics
        .iter()
        .filter(|d| matches!(d.code.as_ref(), "ID-PREFIX" | "BAD-ID"))
        .map(|d| Cause {
            at: (d.line, d.column),
            id: d.item.clone().unwrap_or_default(),
            letters: letters_at(case, language, d.line, d.column),
            echoes: 0,
        })
        .collect();
    if causes.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let cause = match d.code.as_ref() {
            "DUPLICATE-ID" => causes.iter_mut().find(|c| c.at == (d.line, d.column)),
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
        d.message = format!("{} ({words})", d.message);
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
        let numbered = self.letters.as_deref().is_some_and(|letters| {
            link.strip_prefix(letters)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
        plain(link) == plain(&self.id) || numbered
    }
}

/// The letters the id of the item declared at `line:column` must start with (`K` for a Dutch
/// opportunity, `DL` for a Dutch goal), when the case says.
fn letters_at(case: &Case, language: Language, line: u32, column: u32) -> Option<String> {
    let at = Position { line, column };
    if let Some(item) = case.argument_items().iter().find(|i| i.id.at == at) {
        return item.kind.swot_letter(language).map(String::from);
    }
    case.goals().iter().any(|g| g.id.at == at).then(|| {
        match language {
            Language::Nl => "DL",
            Language::En => "G",
        }
        .to_string()
    })
}
