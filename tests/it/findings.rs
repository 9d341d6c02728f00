//! Every finding the assessment can give, in both languages, from the fixtures in
//! `tests/fixtures/findings`: each message is complete (no `{placeholder}` left), names the item
//! it is about, and is one of the locale's texts, and every one of those texts is produced.

use std::collections::BTreeSet;

use crate::support::{casebook, fixture, root};

/// The findings of `check --format json` over the fixtures of one language, with the default
/// rubric and with the one that gives SMART-A and SMART-R their other meaning.
fn findings(language: &str) -> Vec<serde_json::Value> {
    let folder = fixture("findings").join(language);
    let rubric = fixture("findings/rubric.toml");
    let runs: [Vec<&std::ffi::OsStr>; 2] = [
        vec![folder.as_os_str()],
        vec![folder.as_os_str(), "--rubric".as_ref(), rubric.as_os_str()],
    ];
    runs.iter()
        .flat_map(|args| {
            let output = casebook()
                .args(["check", "--format", "json"])
                .args(args)
                .output()
                .expect("run casebook check");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            crate::support::json_diagnostics(&output.stdout)
        })
        .collect()
}

/// Every finding code the assessment's source names (`"SMART-T"`…).
fn codes_in_source() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("core/src/assess")).expect("core/src/assess") {
        let source = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for quoted in source.split('"').skip(1).step_by(2) {
            // A code is upper-case words joined by hyphens, at least five characters long (the
            // quadrants `SO`…`WT` are shorter).
            let is_code = quoted.len() >= 5
                && quoted
                    .split('-')
                    .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase()));
            if is_code {
                codes.insert(quoted.to_string());
            }
        }
    }
    codes
}

/// The message texts of a locale's `[findings]` (not the hints or the word lists), by key.
fn message_texts(language: &str) -> Vec<(String, String)> {
    let path = root().join(format!("templates/locale/{language}.toml"));
    let table: toml::Table =
        toml::from_str(&std::fs::read_to_string(path).expect("read locale")).expect("TOML");
    table["findings"]
        .as_table()
        .expect("[findings]")
        .iter()
        .filter(|(key, _)| !key.ends_with("_hint") && !["and", "or"].contains(&key.as_str()))
        .filter_map(|(key, value)| value.as_str().map(|text| (key.clone(), text.to_string())))
        .collect()
}

/// Whether `message` is `template` with its `{placeholders}` filled in.
fn fills(template: &str, message: &str) -> bool {
    let pieces: Vec<&str> = template
        .split('{')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('}').map_or(part, |(_, rest)| rest)
            }
        })
        .collect();
    let (first, rest) = pieces.split_first().expect("at least one piece");
    let Some(mut left) = message.strip_prefix(first) else {
        return false;
    };
    for (i, piece) in rest.iter().enumerate() {
        if i + 1 == rest.len() {
            return left.ends_with(piece) && left.len() > piece.len();
        }
        match left.find(piece).filter(|at| *at > 0) {
            Some(at) => left = &left[at + piece.len()..],
            None => return false,
        }
    }
    left.is_empty()
}

#[test]
fn every_finding_is_complete_and_names_its_item_in_both_languages() {
    let wanted = codes_in_source();
    for language in ["nl", "en"] {
        let found = findings(language);
        let codes: BTreeSet<String> = found
            .iter()
            .map(|f| f["code"].as_str().expect("code").to_string())
            .collect();
        assert_eq!(codes, wanted, "{language}: codes the fixtures produce");
        let texts = message_texts(language);
        let mut used = BTreeSet::new();
        for f in &found {
            let message = f["message"].as_str().expect("message");
            let hint = f["hint"].as_str().unwrap_or_default();
            for text in [message, hint] {
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{language}: a placeholder survives in {text:?}"
                );
            }
            if let Some(item) = f["item"].as_str() {
                assert!(
                    message.contains(item),
                    "{language}: {message:?} names {item}"
                );
            }
            let matching: Vec<&String> = texts
                .iter()
                .filter(|(_, template)| fills(template, message))
                .map(|(key, _)| key)
                .collect();
            assert!(
                !matching.is_empty(),
                "{language}: {message:?} is no locale text"
            );
            used.extend(matching);
        }
        let unused: Vec<&String> = texts
            .iter()
            .map(|(k, _)| k)
            .filter(|k| !used.contains(k))
            .collect();
        assert!(
            unused.is_empty(),
            "{language}: no fixture produces {unused:?}"
        );
    }
}

#[test]
fn a_smart_finding_says_in_words_what_is_missing_and_the_hint_names_the_keys() {
    let found = findings("nl");
    let smart_a = found
        .iter()
        .find(|f| {
            f["code"] == "SMART-A"
                && f["item"] == "D1"
                && f["file"]
                    .as_str()
                    .is_some_and(|p| p.ends_with("tegengesproken.yaml"))
        })
        .expect("SMART-A on D1");
    assert_eq!(
        smart_a["message"],
        "Doelstelling D1 is niet aantoonbaar haalbaar; nog nodig: een nulmeting of een onderbouwing van de haalbaarheid."
    );
    assert_eq!(
        smart_a["hint"],
        "Vul bij doelstelling D1 in: baseline of feasibility."
    );
    let smart_r = found
        .iter()
        .find(|f| f["code"] == "SMART-R" && f["item"] == "D1")
        .expect("SMART-R on D1");
    assert_eq!(
        smart_r["message"],
        "Doelstelling D1 is niet relevant gemaakt: ze is niet gekoppeld aan de analyse of een doel en heeft geen positieve houding voor klantpartnerschap."
    );
}

#[test]
fn a_report_lists_findings_for_readers_without_line_numbers_or_case_file_keys() {
    let out = tempfile::tempdir().expect("temporary folder");
    crate::support::build_ok(
        &fixture("findings/nl"),
        out.path(),
        &["--format", "md,html"],
    );
    for extension in ["md", "html"] {
        let report = std::fs::read_to_string(
            out.path()
                .join(format!("tegengesproken/tegengesproken.{extension}")),
        )
        .expect("the report");
        let (_, findings) = report
            .split_once("Bevindingen")
            .expect("a findings section");
        assert!(
            findings.contains("Doelstelling D1 is niet aantoonbaar haalbaar; nog nodig: een nulmeting of een onderbouwing van de haalbaarheid."),
            "{extension}: {findings}"
        );
        // Whole words: a line number's "regel", a case file's key or a key path (`a_b`, `a.b`).
        let words: Vec<&str> = findings
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map(|w| w.trim_end_matches('.'))
            .collect();
        for word in words {
            let key = [
                "regel",
                "baseline",
                "feasibility",
                "deadline",
                "period",
                "links",
                "metric",
            ]
            .contains(&word)
                || word.contains('_')
                || word.contains('.');
            assert!(!key, "{extension}: {word:?} in the findings: {findings}");
        }
    }
}
