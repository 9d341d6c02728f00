//! The student hand-out: `build --edition student` of every bundled case leaves no answer in
//! any file of the output folder. The answers are taken from the loaded teacher cases and their
//! assessments, field by field, and looked for as runs of words (and scores as the reports
//! write them) in every file, dotfiles included.

use std::collections::HashSet;
use std::path::Path;

use casebook::read::load_case;
use casebook_core::assess::assess;
use casebook_core::case::Language;
use casebook_core::locale::Locale;
use casebook_core::rubric::Rubric;
use serde_json::Value;

use crate::support::{build_ok, files, root};

/// Runs of this many words are looked for: long enough not to occur by chance, short enough to
/// catch an answer that is quoted in part.
const RUN: usize = 6;

/// Keys whose text is an answer wherever they occur in a case.
const ANSWER_KEYS: &[&str] = &[
    "stance",
    "leaning",
    "reasoning",
    "worked_out",
    "conclusion",
    "introduction",
    "threshold",
    "embrace",
    "leaning_reasoning",
    "note",
    "practices",
];

/// A case's texts, split into the answers and the facts a student is given.
#[derive(Default)]
struct Texts {
    answers: Vec<String>,
    facts: Vec<String>,
}

/// Sorts every string of the case into answers and facts by where it stands: under an answer
/// key, as a consequence's text, a panel of the leader's view or a capability's text.
fn sort_texts(value: &Value, path: &[String], texts: &mut Texts) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let mut path = path.to_vec();
                path.push(key.clone());
                sort_texts(child, &path, texts);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| sort_texts(v, path, texts)),
        Value::String(text) => {
            let under = |key: &str| path.iter().any(|p| p == key);
            let last = path.last().map(String::as_str).unwrap_or("");
            let answer = ANSWER_KEYS.iter().any(|k| under(k))
                || (under("functions") && last == "text")
                || (under("customer_leadership") && under("view"))
                || (under("capabilities") && last == "text");
            if answer {
                texts.answers.push(text.clone());
            } else {
                texts.facts.push(text.clone());
            }
        }
        _ => {}
    }
}

/// Text as a reader sees it, whatever the format: tags dropped, entities and escapes undone,
/// emphasis marks and quotes removed, white space collapsed.
fn plain(text: &str) -> String {
    let text = &without_code(text);
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!') =>
            {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                let mut entity = String::new();
                while let Some(&n) = chars.peek() {
                    if n == ';' || entity.len() > 8 || n.is_whitespace() {
                        break;
                    }
                    entity.push(n);
                    chars.next();
                }
                if chars.peek() == Some(&';') {
                    chars.next();
                    out.push(decode(&entity).unwrap_or(' '));
                } else {
                    out.push('&');
                    out.push_str(&entity);
                }
            }
            _ => out.push(c),
        }
    }
    out.chars()
        .filter(|c| !"*_`\\\"'‘’“”„«»".contains(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text without the page's own style sheet and script: code, not what the page says.
fn without_code(text: &str) -> String {
    let mut rest = text;
    let mut out = String::new();
    while let Some(start) = ["<style", "<script"]
        .iter()
        .filter_map(|tag| rest.find(tag))
        .min()
    {
        out.push_str(&rest[..start]);
        let end = ["</style>", "</script>"]
            .iter()
            .filter_map(|tag| rest[start..].find(tag).map(|i| start + i + tag.len()))
            .min()
            .unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn decode(entity: &str) -> Option<char> {
    match entity {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = entity.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn words(text: &str) -> Vec<String> {
    plain(text).split(' ').map(str::to_string).collect()
}

/// Every run of [`RUN`] words in the text.
fn runs(text: &str) -> Vec<String> {
    let words = words(text);
    words.windows(RUN).map(|w| w.join(" ")).collect()
}

/// What a file says, by its kind: the text of a PDF or a Word document, the characters of
/// anything else.
fn readable(path: &Path, bytes: &[u8]) -> String {
    if path.extension().is_some_and(|e| e == "pdf") {
        crate::pdfread::Pdf::read(bytes).text()
    } else if path.extension().is_some_and(|e| e == "docx") {
        crate::docx::text(bytes)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

#[test]
fn the_student_hand_out_reveals_no_answer_in_any_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("hand-out");
    build_ok(
        &root().join("cases"),
        &out,
        &[
            "--edition",
            "student",
            "--format",
            "md,html,pdf,docx",
            "--quiet",
        ],
    );
    let written = files(&out);
    assert!(
        written.keys().any(|p| p.to_string_lossy().starts_with('.')),
        "the build state is looked at too"
    );
    let mut file_runs: Vec<(String, HashSet<String>, String)> = Vec::new();
    for (path, bytes) in &written {
        let text = readable(path, bytes);
        file_runs.push((
            path.display().to_string(),
            runs(&text).into_iter().collect(),
            plain(&text),
        ));
    }
    let labels: HashSet<String> = ["nl", "en"]
        .iter()
        .flat_map(|l| {
            runs(
                &std::fs::read_to_string(root().join(format!("templates/locale/{l}.toml")))
                    .expect("locale"),
            )
        })
        .collect();
    let mut cases = 0;
    let mut probes = 0;
    for entry in std::fs::read_dir(root().join("cases")).expect("cases/") {
        let path = entry.expect("a folder entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let loaded = load_case(&path).unwrap_or_else(|_| panic!("{} loads", path.display()));
        let model = serde_json::to_value(&loaded.case).expect("the case as data");
        let mut texts = Texts::default();
        sort_texts(&model, &[], &mut texts);
        assert!(
            texts.answers.len() >= 5,
            "{}: too few answers found",
            path.display()
        );
        // A run an answer shares with the facts or the labels is no leak: the student has it.
        let given: HashSet<String> = texts
            .facts
            .iter()
            .flat_map(|f| runs(f))
            .chain(labels.iter().cloned())
            .collect();
        for answer in &texts.answers {
            let answer_runs = runs(answer);
            let short = words(answer);
            let own: Vec<String> = if answer_runs.is_empty() && short.len() >= 3 {
                vec![short.join(" ")]
            } else {
                answer_runs
            };
            for run in own.iter().filter(|r| !given.contains(*r)) {
                probes += 1;
                for (file, set, whole) in &file_runs {
                    assert!(
                        !set.contains(run) && !(own.len() == 1 && whole.contains(run.as_str())),
                        "{file} reveals an answer of {}: “{run}” (from “{answer}”)",
                        path.display()
                    );
                }
            }
        }
        // The scores, as the reports and the JSON write them, unless a fact holds the same figure.
        let assessment = assess(&loaded, &Rubric::default());
        let locale = Locale::builtin(loaded.case.language());
        let other = Locale::builtin(match loaded.case.language() {
            Language::Nl => Language::En,
            Language::En => Language::Nl,
        });
        let json = serde_json::to_value(&assessment).expect("the assessment as data");
        let mut numbers = Vec::new();
        collect_numbers(&json, &mut numbers);
        let facts = texts.facts.join(" ");
        for n in numbers.into_iter().filter(|n| n.fract() != 0.0) {
            for shown in [locale.score(n), other.score(n), n.to_string()] {
                let bare = shown.trim_start_matches(['+', '\u{2212}', '-']).to_string();
                if bare.len() < 4 || facts.contains(&bare) {
                    continue;
                }
                probes += 1;
                for (file, _, whole) in &file_runs {
                    assert!(
                        !whole.contains(&shown),
                        "{file} reveals a score of {}: {shown}",
                        path.display()
                    );
                }
            }
        }
        cases += 1;
    }
    assert!(
        cases >= 6 && probes > 1000,
        "{cases} cases, {probes} probes"
    );
    for (file, _, whole) in &file_runs {
        assert!(
            !whole.contains("assessment.json") && !whole.contains("data-verdict"),
            "{file} links to the assessment or shows a verdict"
        );
    }
    let manifest = written
        .iter()
        .find(|(p, _)| p.to_string_lossy().starts_with(".casebook-manifest"))
        .expect("the build manifest");
    let state: Value = serde_json::from_slice(manifest.1).expect("the manifest is JSON");
    let mut keys = Vec::new();
    collect_keys(&state, &mut keys);
    for key in ["assessment", "verdict", "score", "margin"] {
        assert!(!keys.contains(&key.to_string()), "the manifest holds {key}");
    }
}

fn collect_keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            collect_keys(v, out);
        }),
        Value::Array(list) => list.iter().for_each(|v| collect_keys(v, out)),
        _ => {}
    }
}

fn collect_numbers(value: &Value, out: &mut Vec<f64>) {
    match value {
        Value::Number(n) => out.extend(n.as_f64()),
        Value::Object(map) => map.values().for_each(|v| collect_numbers(v, out)),
        Value::Array(list) => list.iter().for_each(|v| collect_numbers(v, out)),
        _ => {}
    }
}

#[test]
fn the_assignment_shows_in_the_student_edition_only() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    let seed = std::fs::read_to_string(root().join("cases/klantpartnerschap.yaml")).expect("seed");
    let case = seed.replacen(
        "\nregularities:\n",
        "\nregularities:\n  assignment: Zoek twee eigen regelmatigheden in het marketingaudit.\n",
        1,
    ) + "assignment: Werk in tweetallen en lever de ingevulde case in via de leeromgeving.\n";
    std::fs::write(cases.join("opdracht.yaml"), case).expect("write the case");
    for edition in ["student", "teacher"] {
        let out = dir.path().join(edition);
        build_ok(&cases, &out, &["--edition", edition, "--quiet"]);
        let suffix = if edition == "student" { ".student" } else { "" };
        for format in ["html", "md", "pdf"] {
            let path = out.join(format!("opdracht/opdracht{suffix}.{format}"));
            let text = plain(&readable(&path, &std::fs::read(&path).expect("a report")));
            for wanted in [
                "Werk in tweetallen en lever de ingevulde case in via de leeromgeving.",
                "Zoek twee eigen regelmatigheden in het marketingaudit.",
            ] {
                assert_eq!(
                    text.contains(wanted),
                    edition == "student",
                    "{edition} {format}: {wanted}"
                );
            }
        }
    }
}

#[test]
fn a_case_link_in_the_hand_out_points_at_the_other_hand_out() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    let seed = std::fs::read_to_string(root().join("cases/klantpartnerschap.yaml")).expect("seed");
    let case = seed + "assignment: Vergelijk met [het voorbeeld](case:kostenleiderschap).\n";
    std::fs::write(cases.join("opdracht.yaml"), case).expect("write the case");
    let out = dir.path().join("hand-out");
    build_ok(
        &cases,
        &out,
        &["--edition", "student", "--quiet", "--format", "html,md"],
    );
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect("a report");
    assert!(
        read("opdracht/opdracht.student.html")
            .contains("href=\"../kostenleiderschap/kostenleiderschap.student.html\"")
    );
    assert!(
        read("opdracht/opdracht.student.md")
            .contains("(../kostenleiderschap/kostenleiderschap.student.md)")
    );
}

/// Fills the student's empty answers (empty texts and lists, left-out keys) from the teacher's.
fn filled(student: &Value, teacher: &Value) -> Value {
    match (student, teacher) {
        (Value::Object(s), Value::Object(t)) => Value::Object(
            t.iter()
                .map(|(key, tv)| {
                    let value = match s.get(key) {
                        Some(sv) => filled(sv, tv),
                        None => tv.clone(),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        (Value::Array(s), Value::Array(t)) if s.len() == t.len() => {
            Value::Array(s.iter().zip(t).map(|(sv, tv)| filled(sv, tv)).collect())
        }
        (Value::Array(s), _) if s.is_empty() => teacher.clone(),
        (Value::String(s), _) if s.is_empty() => teacher.clone(),
        (Value::Null, _) => teacher.clone(),
        _ => student.clone(),
    }
}

#[test]
fn the_starter_case_has_the_teachers_ids_passes_check_and_fills_back_to_the_teachers_case() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("hand-out");
    build_ok(
        &root().join("cases"),
        &out,
        &["--edition", "student", "--format", "md", "--quiet"],
    );
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("cases")).expect("cases/") {
        let path = entry.expect("a folder entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let slug = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        let starter = out.join(format!("{slug}/{slug}.student.yaml"));
        crate::support::casebook()
            .arg("check")
            .arg(&starter)
            .assert()
            .success();
        let teacher = load_case(&path).unwrap_or_else(|_| panic!("{} loads", path.display()));
        let student = load_case(&starter).unwrap_or_else(|_| panic!("{} loads", starter.display()));
        assert!(!student.has_errors(), "{}", starter.display());
        let ids = |case: &casebook_core::case::Case| -> Vec<String> {
            case.declared_ids()
                .iter()
                .map(|id| id.value.clone())
                .collect()
        };
        assert_eq!(
            ids(&student.case),
            ids(&teacher.case),
            "{}",
            starter.display()
        );
        let text = std::fs::read_to_string(&starter).expect("the starter case");
        assert!(
            text.contains("\n        stance: \"\"\n"),
            "stances in block style: {}",
            starter.display()
        );
        let teacher = serde_json::to_value(&teacher.case).expect("data");
        let student = serde_json::to_value(&student.case).expect("data");
        assert_ne!(student, teacher);
        let mut given = Texts::default();
        sort_texts(&teacher, &[], &mut given);
        let mut kept = Texts::default();
        sort_texts(&student, &[], &mut kept);
        for fact in &given.facts {
            assert!(
                kept.facts.contains(fact),
                "{} lacks the fact “{fact}”",
                starter.display()
            );
        }
        assert_eq!(
            filled(&student, &teacher),
            teacher,
            "{} does not fill back to the teacher's case",
            starter.display()
        );
        checked += 1;
    }
    assert!(checked >= 6);
}
