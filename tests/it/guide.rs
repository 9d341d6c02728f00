//! docs/casusformaat.md, the students' guide to the case format: its mini-example passes `check`
//! without a message, and every message it quotes is what casebook prints today, word for word,
//! for the mistake the guide describes.

use crate::support::{casebook, root};

/// The guide's ten mistakes, each made in its mini-example: (what it replaces, with what); the
/// comma between `{ }` twice, in a stance and in a goal.
const MISTAKES: [(&str, &str); 11] = [
    ("          stance: \"-\"", "          stance: -"),
    ("          stance: \"-\"", "          stance: \u{2013}"),
    (
        "  title: Waardestrategie van Bakkerij De Korenbloem",
        "  title: Waardestrategie: Bakkerij De Korenbloem",
    ),
    (
        "        customer_intimacy:\n          stance: \"++\"\n          reasoning: >-\n            Een vaste contactpersoon kent de wensen van de klant, ook als die veranderen.",
        "        customer_intimacy: { stance: \"++\", reasoning: Een vaste contactpersoon kent de klant, ook als die verandert. }",
    ),
    (
        "  vision: Dé bakker van de zakelijke klanten in de regio.\n",
        "  vision: Dé bakker van de zakelijke klanten in de regio.\n  goals: [{id: DL1, text: Meer hotels, langer binden}]\n",
    ),
    (
        "  title: Waardestrategie van Bakkerij De Korenbloem",
        "  title: \u{201C}Waardestrategie: Bakkerij De Korenbloem\u{201D}",
    ),
    ("  strengths:", "  sterktes:"),
    ("  date: 2025-10-01", "  date: 1 oktober 2025"),
    // Every K1 becomes O1, as a student who renames the opportunity consistently would do.
    ("K1", "O1"),
    ("links: [S1, K1]", "links: [S1, K2]"),
    (
        "      text: Hotels willen brood dat past bij hun eigen ontbijtconcept.",
        "      text: Hotels willen brood dat past\u{B}bij hun eigen ontbijtconcept.",
    ),
];

/// The fenced blocks of a Markdown text: (info string, content without the last newline).
fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Vec<&str>)> = None;
    for line in markdown.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_string(), Vec::new())),
            (Some(_), Some("")) => {
                if let Some((info, lines)) = open.take() {
                    blocks.push((info, lines.join("\n")));
                }
            }
            (Some((_, lines)), _) => lines.push(line),
            (None, None) => {}
        }
    }
    blocks
}

/// `casebook check mijncase.yaml` on `text` in a fresh folder: (exit code, stdout).
fn check(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("mijncase.yaml"), text).expect("write the case");
    let output = casebook()
        .current_dir(dir.path())
        .args(["check", "mijncase.yaml"])
        .output()
        .expect("check");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_guide_quotes_what_casebook_prints_today() {
    let guide = std::fs::read_to_string(root().join("docs/casusformaat.md")).expect("the guide");
    let blocks = fenced_blocks(&guide);
    let example = blocks
        .iter()
        .find(|(info, text)| info == "yaml" && text.contains("\nmeta:\n"))
        .map(|(_, text)| format!("{text}\n"))
        .expect("the guide's mini-example");
    assert_eq!(
        check(&example),
        (0, String::new()),
        "the mini-example is clean"
    );

    let quoted: Vec<&str> = blocks
        .iter()
        .filter(|(info, text)| info == "text" && text.starts_with("mijncase.yaml:"))
        .map(|(_, text)| text.as_str())
        .collect();
    let mut printed = Vec::new();
    for (from, to) in MISTAKES {
        assert!(
            example.contains(from),
            "the mini-example no longer holds `{from}`"
        );
        let (code, out) = check(&example.replace(from, to));
        assert_eq!(code, 1, "{out}");
        let out = out.trim_end().to_string();
        assert!(
            quoted.contains(&out.as_str()),
            "docs/casusformaat.md should quote, for `{to}`:\n{out}"
        );
        printed.push(out);
    }
    for block in &quoted {
        assert!(
            printed.iter().any(|p| p == block),
            "docs/casusformaat.md quotes a message casebook no longer prints:\n{block}"
        );
    }
}
