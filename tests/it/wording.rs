//! Every diagnostic code and finding in both languages: each message has a hint, says nothing in the other
//! language, shows no Rust or serde word and leaves no `{placeholder}` unfilled; first over the
//! texts of the locale files, then over what the binary prints for a series of mistakes.

use std::collections::BTreeSet;
use std::path::Path;

use casebook_core::case::Language;
use casebook_core::messages::locale;

use crate::support::{casebook, json_diagnostics};

/// Words of the code, the parser and serde that a student must never read.
const INTERNALS: [&str; 22] = [
    "deserialize",
    "deserialise",
    "serde",
    "serialize",
    "enum",
    "variant",
    "untagged",
    "struct",
    "option",
    "vec",
    "unwrap",
    "panicked",
    "u8",
    "u32",
    "u64",
    "i64",
    "f32",
    "f64",
    "usize",
    "null",
    "scalar",
    "mapping",
];

/// Words that show a Dutch text slipped into English (and the other way round); words inside
/// backticks or quotes are the student's own text or a key, and do not count.
const DUTCH: [&str; 16] = [
    "de", "het", "een", "niet", "moet", "schrijf", "sleutel", "regel", "bestand", "waarde",
    "gebruik", "geen", "van", "en", "tussen", "wordt",
];
const ENGLISH: [&str; 16] = [
    "the", "should", "must", "which", "with", "write", "this", "file", "found", "missing", "value",
    "cannot", "use", "line", "key", "and",
];

/// The words of `text` outside `…` and "…", lower-cased.
fn prose_words(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let (mut in_code, mut in_quote) = (false, false);
    for c in text.chars() {
        match c {
            '`' if !in_quote => in_code = !in_code,
            '"' | '\u{201C}' | '\u{201D}' if !in_code => in_quote = !in_quote,
            _ if in_code || in_quote => {}
            _ => prose.push(c),
        }
    }
    prose
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What is wrong with one message or hint written for `language` (empty when nothing is).
fn faults(text: &str, language: Language) -> Vec<String> {
    let words = prose_words(text);
    let mut found = Vec::new();
    let all_words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .map(str::to_lowercase)
        .collect();
    for word in INTERNALS {
        if all_words.iter().any(|w| w == word) {
            found.push(format!("the word `{word}`"));
        }
    }
    let other = match language {
        Language::Nl => &ENGLISH,
        Language::En => &DUTCH,
    };
    for word in other {
        if words.iter().any(|w| w == word) {
            found.push(format!("the other language's `{word}`"));
        }
    }
    if let Some(start) = text.find('{') {
        let rest = &text[start + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with('}') {
            found.push(format!("the unfilled placeholder {{{name}}}"));
        }
    }
    found
}

/// The `{names}` a text is filled with.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|name| name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .collect()
}

#[test]
fn every_code_is_worded_in_both_languages_with_a_hint() {
    let nl = locale(Language::Nl);
    let en = locale(Language::En);
    let mut problems = Vec::new();
    let messages: Vec<&str> = nl
        .keys()
        .filter(|k| k.starts_with("diagnostics.") || k.starts_with("findings."))
        .filter(|k| !k.ends_with("_hint") && !k.starts_with("findings.fields."))
        .filter(|k| !matches!(*k, "findings.and" | "findings.or"))
        // The count of a starter's open answers stays one line, without a hint under it.
        .filter(|k| *k != "findings.answers_open")
        .collect();
    assert!(messages.len() > 100, "{} messages", messages.len());
    for key in &messages {
        // The SMART findings share one hint (`findings.smart_hint`).
        let hint = match key.strip_prefix("findings.smart_") {
            Some(_) => "findings.smart_hint".to_string(),
            None => format!("{key}_hint"),
        };
        for (language, texts) in [(Language::Nl, nl), (Language::En, en)] {
            if !texts.has(key) || !texts.has(&hint) {
                problems.push(format!("{language:?} {key}: no message or no hint"));
                continue;
            }
            for text_key in [key.to_string(), hint.clone()] {
                // Placeholders are filled by the code, so they may stand here; other faults not.
                let text = placeholders(texts.text(&text_key))
                    .iter()
                    .fold(texts.text(&text_key).to_string(), |text, name| {
                        text.replace(&format!("{{{name}}}"), "")
                    });
                for fault in faults(&text, language) {
                    problems.push(format!("{language:?} {text_key}: {fault}"));
                }
            }
        }
        for text_key in [key.to_string(), hint] {
            if placeholders(nl.text(&text_key)) != placeholders(en.text(&text_key)) {
                problems.push(format!(
                    "{text_key}: Dutch and English fill other placeholders"
                ));
            }
        }
    }
    let english_only: Vec<&str> = en
        .keys()
        .filter(|k| k.starts_with("diagnostics.") || k.starts_with("findings."))
        .filter(|k| !nl.has(k))
        .collect();
    assert!(english_only.is_empty(), "only in en.toml: {english_only:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_help_text_is_in_both_languages() {
    use clap::CommandFactory;
    let nl = locale(Language::Nl);
    let en = locale(Language::En);
    let mut problems = Vec::new();
    // Every text `--help` asks for, in both files; and no help text in one file only.
    for (language, texts) in [(Language::Nl, nl), (Language::En, en)] {
        for key in casebook::help::keys(casebook::cli::Cli::command(), texts) {
            if !texts.has(&key) {
                problems.push(format!("{language:?} {key}: no text"));
            }
        }
    }
    let help_keys = |texts: &'static casebook_core::locale::Locale| -> BTreeSet<&'static str> {
        texts.keys().filter(|k| k.starts_with("help.")).collect()
    };
    let (nl_keys, en_keys) = (help_keys(nl), help_keys(en));
    assert!(nl_keys.len() > 50, "{} help texts", nl_keys.len());
    for key in nl_keys.symmetric_difference(&en_keys) {
        problems.push(format!("{key}: in one locale file only"));
    }
    for key in nl_keys.intersection(&en_keys) {
        if placeholders(nl.text(key)) != placeholders(en.text(key)) {
            problems.push(format!("{key}: Dutch and English fill other placeholders"));
        }
        for (language, texts) in [(Language::Nl, nl), (Language::En, en)] {
            let text = placeholders(texts.text(key))
                .iter()
                .fold(texts.text(key).to_string(), |text, name| {
                    text.replace(&format!("{{{name}}}"), "")
                });
            for fault in faults(&text, language) {
                problems.push(format!("{language:?} {key}: {fault}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A mistake applied to a starter: the first line starting with `line` becomes `to` (`None`:
/// the text as a whole becomes `to`).
struct Mistake {
    line: Option<&'static str>,
    to: &'static str,
}

const fn on(line: &'static str, to: &'static str) -> Mistake {
    Mistake {
        line: Some(line),
        to,
    }
}

fn apply(text: &str, mistake: &Mistake) -> String {
    let Some(start) = mistake.line else {
        return mistake.to.to_string();
    };
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if !done && l.starts_with(start) {
                done = true;
                mistake.to.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(done, "the starter has no line starting with `{start}`");
    lines.join("\n") + "\n"
}

const MISTAKES: [Mistake; 34] = [
    on("choice: ", "choice: klantpartner"),
    on("choice: ", ""),
    on("  language: ", "  language: fr"),
    on("  date: ", "  date: 1-9-2025"),
    on("  date: ", "  date: 14 oktober 2025"),
    on("  title: ", "  title: Let op: de titel"),
    on("  title: ", "  title: \u{201C}Let op: de titel\u{201D}"),
    on("  title: ", "  title: De titel 🚀"),
    on("  title: ", "  title: De\u{B}titel"),
    on("  title: ", "\ttitle: De titel"),
    on("  title: ", "\u{A0} title: De titel"),
    on("  title: ", "  tit\u{200B}le: De titel"),
    on("  title: ", "  titel: De titel"),
    on("  course: ", "  author: Nog een auteur"),
    on("            stance: ", "            stance: yes"),
    on("            stance: ", "            stance: \u{2013}"),
    on("            stance: ", "            stance: -"),
    on("            stance: ", "            stance: ~"),
    on("            stance: ", "            stance: 1.5"),
    on("            stance: ", "            stance: \"+++\""),
    on("      - id: M1", "      - id: S1"),
    on("      - id: M1", "      - id: 9M"),
    on("    - id: S1", "    - id: S1\n      weight: -1"),
    on("    - id: S1", "    - id: S1\n      weight: zwaar"),
    on("      links: ", "      links: [S1, X9]"),
    on("    text: ", "    text:"),
    on(
        "  threats: ",
        "  threats: []\n  confrontation:\n    cells:\n      - { internal: S1, external: S1, score: 9 }\n      - { internal: S1, external: S1, score: 9 }",
    ),
    on("  operational_excellence:", "  customer_intimacy:"),
    // Findings of the assessment: warnings, in the case's language too.
    on("      links: ", ""),
    on("      scope: ", ""),
    on("      period: ", ""),
    on("      target: ", ""),
    Mistake { line: None, to: "" },
    Mistake {
        line: None,
        to: "# alleen commentaar\n",
    },
];

/// The diagnostics `check --format json` prints for `file` in `dir`.
fn diagnostics(dir: &Path, file: &str) -> Vec<serde_json::Value> {
    let output = casebook()
        .current_dir(dir)
        .args(["check", "--format", "json", file])
        .output()
        .expect("check");
    json_diagnostics(&output.stdout)
}

#[test]
fn every_mistake_is_told_in_the_cases_language_with_a_hint() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut problems = Vec::new();
    let mut codes = BTreeSet::new();
    for lang in ["nl", "en"] {
        let starter = dir.path().join(format!("starter-{lang}.yaml"));
        casebook()
            .args(["new", "--lang", lang])
            .arg(&starter)
            .assert()
            .success();
        let text = std::fs::read_to_string(&starter).expect("starter");
        let mut files = Vec::new();
        for (i, mistake) in MISTAKES.iter().enumerate() {
            let name = format!("{lang}-{i}.yaml");
            std::fs::write(dir.path().join(&name), apply(&text, mistake)).expect("write");
            files.push(name);
        }
        let name = format!("{lang}-bytes.yaml");
        std::fs::write(dir.path().join(&name), b"meta:\n  title: caf\xE9\n").expect("write");
        files.push(name);
        for file in files {
            let found = diagnostics(dir.path(), &file);
            if found.is_empty() {
                problems.push(format!("{file}: no diagnostic"));
            }
            for d in found {
                let code = d["code"].as_str().unwrap_or_default().to_string();
                let message = d["message"].as_str().unwrap_or_default();
                let hint = d["hint"].as_str().unwrap_or_default();
                let told_in = match d["language"].as_str() {
                    Some("en") => Language::En,
                    _ => Language::Nl,
                };
                // A file that names no language it can be read in is told in the user's (Dutch).
                let content = std::fs::read(dir.path().join(&file)).expect("read back");
                let expected = if String::from_utf8_lossy(&content).contains("\n  language: en") {
                    Language::En
                } else {
                    Language::Nl
                };
                if told_in != expected {
                    problems.push(format!("{file} {code}: not told in the case's language"));
                }
                if hint.is_empty() {
                    problems.push(format!("{file} {code}: no hint"));
                }
                for fault in faults(message, told_in)
                    .into_iter()
                    .chain(faults(hint, told_in))
                {
                    problems.push(format!("{file} {code}: {fault}\n  {message}\n  {hint}"));
                }
                codes.insert(code);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(codes.len() >= 25, "only {codes:?}");
    eprintln!("{} codes told: {codes:?}", codes.len());
}
