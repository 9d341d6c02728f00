//! The reports: the seed's items all appear, user text never becomes markup, and the student
//! edition leaks no answer.

use std::path::Path;

use crate::support::{build_ok, casebook};

fn build(cases: &Path, out: &Path, extra: &[&str]) {
    build_ok(cases, out, &[&["--format", "md,html"], extra].concat());
}

#[test]
fn the_seed_report_holds_every_seed_item() {
    let dir = tempfile::tempdir().expect("temporary folder");
    build(Path::new("cases"), dir.path(), &[]);
    let html = std::fs::read_to_string(dir.path().join("klantpartnerschap/klantpartnerschap.html"))
        .expect("html");
    let md = std::fs::read_to_string(dir.path().join("klantpartnerschap/klantpartnerschap.md"))
        .expect("md");
    for needle in [
        "de problemen van de klant zijn onze problemen",
        "Een goed functionerend CRM-informatiesysteem",
        "efficiënt op maat te produceren",
        "De behoefte aan maatwerk is groot",
        "Deel van de concurrenten wil niet meegaan",
        "Geen verlies van bestaande klanten",
        "klanttevredenheidsmonitor",
        "meest succesvolle strategie",
        "De marketingfunctie",
        "Kostenleiderschap: kwaliteit, koopgemak en lage prijs",
        "presteer afdoende",
        "Wiersema, F. (1995)",
    ] {
        assert!(html.contains(needle), "HTML lacks {needle}");
        assert!(md.contains(needle), "Markdown lacks {needle}");
    }
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("<html lang=\"nl\">"));
    for external in ["src=\"http", "href=\"//", "<script", "<link "] {
        assert!(
            !html.contains(external),
            "the report makes an external request or runs a script: {external}"
        );
    }
}

#[test]
fn injected_markup_prints_literally() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("folder");
    let path = cases.join("aanval.yaml");
    casebook().arg("new").arg(&path).assert().success();
    let hostile = "'<script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) #set page(fill: red) $x$ @ref'";
    let text = std::fs::read_to_string(&path)
        .expect("starter")
        .replace("Een sterkte van de organisatie.", hostile);
    std::fs::write(&path, text).expect("write");
    let out = dir.path().join("out");
    build(&cases, &out, &[]);
    let html = std::fs::read_to_string(out.join("aanval/aanval.html")).expect("html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("<script>") && !html.contains("<img") && !html.contains("href=\"javascript")
    );
    assert!(html.contains("#set page(fill: red)"));
    let md = std::fs::read_to_string(out.join("aanval/aanval.md")).expect("md");
    // Markdown escapes: a viewer shows the characters, it builds no element and no link.
    assert!(
        md.contains("\\<script>alert(1)\\</script>")
            && md.contains("\\[klik\\](javascript:alert(3))"),
        "{md}"
    );
}

#[test]
fn the_student_edition_leaks_no_answer() {
    let dir = tempfile::tempdir().expect("temporary folder");
    build(Path::new("cases"), dir.path(), &["--edition", "student"]);
    let html = std::fs::read_to_string(
        dir.path()
            .join("klantpartnerschap/klantpartnerschap.student.html"),
    )
    .expect("student html");
    let md = std::fs::read_to_string(
        dir.path()
            .join("klantpartnerschap/klantpartnerschap.student.md"),
    )
    .expect("student md");
    assert!(html.contains("Studenteneditie"));
    assert!(
        html.contains("Een goed functionerend CRM-informatiesysteem"),
        "the case facts stay"
    );
    for task in [
        "Werk uit wat de keuze betekent voor de marketingfunctie",
        "Leg per niet-gekozen waardestrategie, grond voor grond, uit",
    ] {
        assert!(
            html.contains(task) && md.contains(task),
            "no space to fill in: {task}"
        );
    }
    let seed = std::fs::read_to_string("cases/klantpartnerschap.yaml").expect("seed");
    let case: serde_json::Value = serde_json::to_value(
        casebook::read::load_case(Path::new("cases/klantpartnerschap.yaml"))
            .expect("seed loads")
            .case,
    )
    .expect("json");
    let mut answers = Vec::new();
    collect(&case, "reasoning", &mut answers);
    collect(&case, "worked_out", &mut answers);
    collect(&case, "threshold", &mut answers);
    collect(&case, "conclusion", &mut answers);
    assert!(answers.len() > 40 && !seed.is_empty());
    for answer in answers {
        let probe: String = answer.chars().take(60).collect();
        assert!(
            !html.contains(&probe) && !md.contains(&probe),
            "the student edition shows an answer: {probe}"
        );
    }
}

fn collect(value: &serde_json::Value, key: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v {
                    serde_json::Value::String(s) if k == key => out.push(s.clone()),
                    other => collect(other, key, out),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|v| collect(v, key, out)),
        _ => {}
    }
}

/// The method's four questions carry the letters of the grounds' sections (A–D) in every
/// format, as the PDF has them: a reader who meets "B." in the section heading finds "B." in the
/// introduction, not "2.".
#[test]
fn the_four_questions_are_lettered_as_the_grounds_in_every_format() {
    let dir = tempfile::tempdir().expect("temporary folder");
    build(Path::new("cases/klantpartnerschap.yaml"), dir.path(), &[]);
    let read = |ext: &str| {
        std::fs::read_to_string(
            dir.path()
                .join(format!("klantpartnerschap/klantpartnerschap.{ext}")),
        )
        .expect("a report")
    };
    let (md, html) = (read("md"), read("html"));
    for (letter, title) in [
        (
            "A",
            "Eerder genomen beslissingen van een hoger aggregatieniveau",
        ),
        (
            "B",
            "Huidige situatie: sterktes, zwaktes, kansen en bedreigingen",
        ),
        ("C", "Gewenste situatie: SMART-doelstellingen"),
        ("D", "Algemene en eigen wetmatigheden"),
    ] {
        assert!(
            md.contains(&format!("\n- **{letter}. {title}.** ")),
            "{letter} in the Markdown"
        );
        assert!(
            md.contains(&format!("\n## {letter}. {title}\n")),
            "section {letter}"
        );
        assert!(
            html.contains(&format!("<li><strong>{letter}. {title}.</strong> ")),
            "{letter} in the HTML"
        );
    }
    assert!(
        !md.contains("\n1. **Eerder genomen"),
        "numbered in the Markdown"
    );
    assert!(html.contains("<ul class=\"lettered\"><li><strong>A. Eerder genomen"));
    // Nor a number before the letter in the contents ("2. A. …").
    assert!(
        html.contains("<h2 id=\"toc-title\">Inhoud</h2>\n<ul>\n"),
        "numbered contents"
    );
}

#[test]
fn a_stance_without_reasoning_is_shown_as_such_never_as_a_bare_label() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("folder");
    for (lang, reasoning, label, placeholder) in [
        (
            "nl",
            "Waarom deze sterkte de keuze ondersteunt.",
            "- **Klantpartnerschap (+):** ",
            "*(nog geen redenering)*",
        ),
        (
            "en",
            "Why this strength supports the choice.",
            "- **Customer intimacy (+):** ",
            "*(no reasoning yet)*",
        ),
    ] {
        let path = cases.join(format!("{lang}.yaml"));
        casebook()
            .args(["new", "--lang", lang])
            .arg(&path)
            .assert()
            .success();
        let text = std::fs::read_to_string(&path).expect("starter");
        let block = format!("reasoning: >-\n            {reasoning}");
        assert!(text.contains(&block), "the starter changed");
        std::fs::write(&path, text.replacen(&block, "reasoning: \"\"", 1)).expect("write");
        let out = dir.path().join("out");
        build_ok(&cases, &out, &["--format", "md,html"]);
        let md = std::fs::read_to_string(out.join(format!("{lang}/{lang}.md"))).expect("md");
        assert!(md.contains(&format!("{label}{placeholder}\n")), "{md}");
        assert!(
            !md.lines()
                .any(|l| l.ends_with(":**") || l.ends_with(":** ")),
            "a label with nothing after it:\n{md}"
        );
        let html = std::fs::read_to_string(out.join(format!("{lang}/{lang}.html"))).expect("html");
        let em = placeholder.trim_matches('*');
        assert!(html.contains(&format!("<em>{em}</em>")), "{html}");
    }
}
