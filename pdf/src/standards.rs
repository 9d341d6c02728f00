//! The PDF standards a document is checked against while it is written: PDF/UA-1 together with
//! PDF/A-3b by default (A-3 because the PDF carries its case file, which PDF/A-2 forbids); `--pdf-standard` names others (typst's own names, e.g. `a-3b`, `1.7`) or
//! `none`.

use typst_pdf::{PdfStandard, PdfStandards};

/// The name that asks for no standard at all (plain tagged PDF 1.7).
const NONE: &str = "none";

/// Parses standard names into the set typst enforces, and whether that set lets the PDF carry its
/// case file; the error is the situation of a `PDF-SETUP` diagnostic with the name or the
/// combination that is wrong.
pub fn parse(names: &[String]) -> Result<(PdfStandards, bool), (&'static str, String)> {
    let mut list = Vec::new();
    for name in names.iter().map(|n| n.trim()) {
        if name.eq_ignore_ascii_case(NONE) {
            continue;
        }
        let standard: PdfStandard =
            serde_json::from_value(serde_json::Value::String(name.to_ascii_lowercase()))
                .map_err(|_| ("unknown_standard", name.to_string()))?;
        list.push(standard);
    }
    let attaches = allowed_by(&list);
    let standards = PdfStandards::new(&list).map_err(|err| {
        let hints: Vec<String> = err.hints().iter().map(|h| h.to_string()).collect();
        let mut reason = format!("{}: {}", names.join(", "), err.message());
        if !hints.is_empty() {
            reason.push_str(&format!(" ({})", hints.join("; ")));
        }
        ("incompatible_standards", reason)
    })?;
    Ok((standards, attaches))
}

/// Whether a PDF made to these standards may carry an attached file: PDF/A-1 and PDF/A-2 forbid
/// it, PDF/A-3, PDF/A-4, PDF/UA-1 and the plain versions allow it.
fn allowed_by(standards: &[PdfStandard]) -> bool {
    !standards.iter().any(|standard| {
        matches!(
            standard,
            PdfStandard::A_1b
                | PdfStandard::A_1a
                | PdfStandard::A_2b
                | PdfStandard::A_2u
                | PdfStandard::A_2a
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn the_default_pair_and_none_are_accepted() {
        assert!(parse(&casebook_core::render::pdf::default_standards()).is_ok());
        assert!(parse(&names(&["none"])).is_ok());
        assert!(parse(&names(&["A-3B"])).is_ok());
    }

    #[test]
    fn only_pdf_a_1_and_a_2_leave_the_case_out() {
        let attaches = |list: &[&str]| parse(&names(list)).map(|(_, attaches)| attaches);
        assert_eq!(attaches(&["ua-1", "a-3b"]), Ok(true));
        assert_eq!(attaches(&["none"]), Ok(true));
        assert_eq!(attaches(&["ua-1", "a-2b"]), Ok(false));
        assert_eq!(attaches(&["a-1b"]), Ok(false));
    }

    #[test]
    fn unknown_names_and_incompatible_pairs_are_refused() {
        assert_eq!(
            parse(&names(&["a-9z"])).err(),
            Some(("unknown_standard", "a-9z".to_string()))
        );
        assert_eq!(
            parse(&names(&["ua-1", "a-4"]))
                .err()
                .map(|(situation, _)| situation),
            Some("incompatible_standards")
        );
    }
}
