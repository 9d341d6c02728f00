//! Hostile and broken input: each entry of the corpus gets its diagnostic (code and, where
//! there is one, line) or builds safely in all three formats; nothing panics, nothing leaks
//! into markup, nothing outside the case's folder is read, and the good cases still build.

use std::path::Path;

use crate::support::casebook;

/// What a corpus entry must come to.
enum Expect {
    /// `check` reports this error code, on this line when one is given.
    Error(&'static str, Option<u32>),
    /// `check` refuses the file with some error, at once: which one depends on where the
    /// parser stops first (an alias bomb is refused before any alias is expanded).
    Refused,
    /// The case is valid: it builds in every format and its text comes out inert.
    Builds,
}
use Expect::{Builds, Error, Refused};

/// The starter case `casebook new` writes, the base most entries mutate.
fn starter(dir: &Path) -> String {
    let path = dir.join("starter.yaml");
    casebook().arg("new").arg(&path).assert().success();
    let text = std::fs::read_to_string(&path).expect("starter");
    std::fs::remove_file(&path).expect("remove the starter");
    text
}

/// Replaces `from` (which must occur) in the starter.
fn edit(base: &str, from: &str, to: &str) -> Vec<u8> {
    assert!(base.contains(from), "the starter no longer holds `{from}`");
    base.replacen(from, to, 1).into_bytes()
}

/// A free text of the starter replaced everywhere by `payload`, quoted for YAML.
fn everywhere(base: &str, payload: &str) -> Vec<u8> {
    let quoted = serde_json::to_string(payload).expect("json string");
    let mut text = base.to_string();
    for field in [
        "Onderbouwing van de waardestrategie",
        "Naam student",
        "Marketingplanning",
        "Voorbeeld bv",
        "De missie van de organisatie, volledig geciteerd.",
        "Een deel van de missie dat je als argument gebruikt.",
        "Een sterkte van de organisatie.",
        "Waarom deze sterkte de keuze ondersteunt.",
        "Een kans in de markt.",
        "De visie van de organisatie.",
        "Een algemene wetmatigheid uit de markt of uit onderzoek.",
        "De marketingfunctie",
        "Wat de keuze betekent voor marketing.",
        "De conclusie over de missie als onderbouwing.",
    ] {
        assert!(
            text.contains(field),
            "the starter no longer holds `{field}`"
        );
        text = text.replace(field, &quoted);
    }
    text.into_bytes()
}

/// Nested flow sequences `depth` deep.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn many_strengths(base: &str, count: usize) -> Vec<u8> {
    let mut items = String::new();
    for i in 1..=count {
        items.push_str(&format!("    - {{ id: S{}, text: Sterkte {i} }}\n", i + 1));
    }
    edit(
        base,
        "  weaknesses: []\n",
        &format!("{items}  weaknesses: []\n"),
    )
}

fn corpus(base: &str) -> Vec<(&'static str, Vec<u8>, Expect)> {
    let mut big_text = base.to_string();
    while big_text.len() < 20 * 1024 * 1024 {
        big_text.push_str("# opvulling opvulling opvulling opvulling opvulling opvulling\n");
    }
    let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\nmeta: *i\n";
    let mut invalid_utf8 = edit(base, "Voorbeeld bv", "Voorbeeld ");
    let at = invalid_utf8.len() / 2;
    invalid_utf8.splice(at..at, [0xff, 0xfe, 0xc3]);
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i * 2_654_435_761 % 251) as u8)
        .collect();
    vec![
        (
            "syntax-unclosed-flow",
            edit(base, "weaknesses: []", "weaknesses: [S1"),
            Error("YAML-SYNTAX", None),
        ),
        (
            "syntax-bad-indent",
            edit(
                base,
                "  course: Marketingplanning",
                "    course: Marketingplanning",
            ),
            Error("YAML-SYNTAX", Some(14)),
        ),
        (
            "tab-indentation",
            edit(base, "  language: nl", "\tlanguage: nl"),
            Error("YAML-SYNTAX", Some(12)),
        ),
        (
            "wrong-type-list",
            edit(base, "  weaknesses: []", "  weaknesses: 12"),
            Error("WRONG-TYPE", None),
        ),
        (
            "wrong-type-weight",
            edit(base, "baseline: 55", "baseline: [55]"),
            Error("WRONG-TYPE", None),
        ),
        (
            "unknown-key",
            edit(base, "  author:", "  auteur:"),
            Error("UNKNOWN-KEY", Some(13)),
        ),
        (
            "duplicate-key",
            edit(
                base,
                "  course: Marketingplanning\n",
                "  course: Marketingplanning\n  course: Nog een keer\n",
            ),
            Error("DUPLICATE-KEY", None),
        ),
        (
            "missing-choice",
            edit(base, "choice: customer_intimacy\n", ""),
            Error("MISSING-KEY", None),
        ),
        (
            "unknown-discipline",
            edit(base, "choice: customer_intimacy", "choice: innovation"),
            Error("UNKNOWN-DISCIPLINE", None),
        ),
        (
            "unknown-language",
            edit(base, "language: nl", "language: fr"),
            Error("UNKNOWN-LANGUAGE", Some(12)),
        ),
        (
            "duplicate-id",
            edit(base, "id: M1", "id: S1"),
            Error("DUPLICATE-ID", None),
        ),
        (
            "dangling-id",
            edit(base, "links: [S1, K1,", "links: [S1, K9,"),
            Error("DANGLING-ID", None),
        ),
        (
            "bad-id",
            edit(base, "id: S1\n", "id: \"S 1; drop\"\n"),
            Error("BAD-ID", None),
        ),
        (
            "stance-out-of-range",
            edit(
                base,
                "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
                "stance: \"+++\"\n          reasoning: >-\n            Waarom deze sterkte",
            ),
            Error("STANCE-RANGE", None),
        ),
        (
            "bad-date",
            edit(base, "  date: ", "  date: 31-02-2025 #"),
            Error("BAD-DATE", None),
        ),
        ("empty-file", Vec::new(), Error("EMPTY-CASE", None)),
        (
            "only-a-comment",
            b"# alleen commentaar\n".to_vec(),
            Error("EMPTY-CASE", None),
        ),
        (
            "only-whitespace",
            b"\n\n   \n".to_vec(),
            Error("EMPTY-CASE", None),
        ),
        (
            "top-level-list",
            b"- een\n- twee\n".to_vec(),
            Error("WRONG-TYPE", None),
        ),
        ("invalid-utf8", invalid_utf8, Error("ENCODING", None)),
        ("binary-file", binary, Error("ENCODING", None)),
        (
            "bom-utf16",
            vec![0xff, 0xfe, b'm', 0, b'e', 0, b't', 0, b'a', 0],
            Error("ENCODING", None),
        ),
        (
            "twenty-megabytes",
            big_text.into_bytes(),
            Error("FILE-TOO-LARGE", None),
        ),
        (
            "ten-thousand-strengths",
            many_strengths(base, 10_000),
            Error("TOO-MANY-ITEMS", None),
        ),
        (
            "deep-nesting",
            nested(10_000).into_bytes(),
            Error("YAML-TOO-COMPLEX", None),
        ),
        (
            "deep-nesting-in-a-text",
            edit(
                base,
                "title: Onderbouwing van de waardestrategie",
                &format!("title: {}", nested(5_000)),
            ),
            Error("WRONG-TYPE", Some(11)),
        ),
        ("alias-bomb", laughs.as_bytes().to_vec(), Refused),
        (
            "alias-bomb-in-a-list",
            edit(
                base,
                "references:\n",
                &format!(
                    "references: [{}]\nunused:\n",
                    laughs
                        .lines()
                        .map(|l| l.split_once(": ").map_or("", |(_, v)| v))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            Refused,
        ),
        (
            "one-megabyte-line",
            edit(base, "Een kans in de markt.", &"kans ".repeat(210_000)),
            Error("TEXT-TOO-LONG", None),
        ),
        (
            "empty-text",
            edit(base, "text: Een kans in de markt.", "text: \"  \""),
            Error("EMPTY-TEXT", None),
        ),
        (
            "xss-everywhere",
            everywhere(
                base,
                "<script>alert(1)</script><img src=x onerror=alert(2)><iframe src=https://evil.example></iframe><svg onload=alert(3)>",
            ),
            Builds,
        ),
        (
            "xss-links",
            everywhere(
                base,
                "[klik](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x) <a href=\"javascript:alert(4)\">a</a>",
            ),
            Builds,
        ),
        (
            "xss-attribute-breakout",
            everywhere(base, "\" onmouseover=\"alert(1)\" x=\"' onfocus='alert(2)"),
            Builds,
        ),
        (
            "typst-markup",
            everywhere(
                base,
                "#set page(fill: red) #import \"/etc/passwd\" #read(\"/etc/passwd\") $x^2$ @ref <label> = Kop *vet* `raw` \\ ]",
            ),
            Builds,
        ),
        (
            "typst-closing-brackets",
            everywhere(base, "]]] ))) }}} \"\"\" #{ panic() }"),
            Builds,
        ),
        (
            "tera-markup",
            everywhere(
                base,
                "{{ labels }} {% for x in y %} {# c #} {{ __tera_context }}",
            ),
            Builds,
        ),
        (
            "markdown-images-local",
            everywhere(
                base,
                "![geheim](/etc/passwd) ![terug](../secret) ![bestand](file:///etc/shadow)",
            ),
            Builds,
        ),
        (
            "markdown-images-remote",
            everywhere(
                base,
                "![pixel](https://tracker.example/p.gif) <img src=\"https://tracker.example/q.gif\">",
            ),
            Builds,
        ),
        (
            "markdown-raw-html-block",
            everywhere(base, "<div>\n<style>body{display:none}</style>\n</div>"),
            Builds,
        ),
        (
            "markdown-headings-and-tables",
            everywhere(
                base,
                "# Kop\n\n| a | b |\n|---|---|\n| c | d |\n\n---\n\n> citaat",
            ),
            Builds,
        ),
        (
            "right-to-left",
            everywhere(base, "شركة المثال \u{202e}txt.exe\u{202c} עברית"),
            Builds,
        ),
        (
            "combining-characters",
            everywhere(
                base,
                "Z\u{0351}\u{0360}a\u{0334}\u{0353}l\u{0336}g\u{0489}o e\u{0301}e\u{0301}n",
            ),
            Builds,
        ),
        (
            "emoji",
            everywhere(base, "Klanten 😀👩‍👩‍👧‍👦🏳️‍🌈 en 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"),
            Builds,
        ),
        (
            "zero-width",
            everywhere(
                base,
                "on\u{200b}zicht\u{200d}baar\u{feff}\u{2060} \u{2066}iso\u{2069}",
            ),
            Builds,
        ),
        (
            "control-characters",
            everywhere(base, "bel\u{0007} escape\u{001b}[31m rood\u{001b}[0m"),
            Error("CONTROL-CHARACTER", Some(11)),
        ),
        (
            "nul-character",
            edit(base, "Een kans in de markt.", "\"een\\0nul\""),
            Error("CONTROL-CHARACTER", None),
        ),
        (
            "very-long-word",
            everywhere(base, &"x".repeat(5_000)),
            Builds,
        ),
    ]
}

/// Every JSON diagnostic `check` prints for one file.
fn diagnostics(path: &Path) -> (i32, Vec<serde_json::Value>, String) {
    let output = casebook()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("run check");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "{}: casebook panicked:\n{stderr}",
        path.display()
    );
    let lines = crate::support::json_diagnostics(&output.stdout);
    (output.status.code().unwrap_or(-1), lines, stdout)
}

#[test]
fn every_hostile_input_gets_its_diagnostic_or_builds_safely() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    let base = starter(dir.path());
    let corpus = corpus(&base);
    assert!(
        corpus.len() >= 40,
        "the corpus holds {} inputs",
        corpus.len()
    );
    // A file the cases must never reach: a report that shows it has read outside its folder.
    std::fs::write(dir.path().join("secret"), "GEHEIM-BUITEN-DE-MAP").expect("secret");
    std::fs::write(cases.join("goed.yaml"), &base).expect("a good case");
    for (name, bytes, _) in &corpus {
        std::fs::write(cases.join(format!("{name}.yaml")), bytes).expect("write an input");
    }
    for (name, _, expect) in &corpus {
        let path = cases.join(format!("{name}.yaml"));
        let (code, found, stdout) = diagnostics(&path);
        match expect {
            Error(wanted, line) => {
                assert_eq!(code, 1, "{name}: expected exit 1, got {code}\n{stdout}");
                let hit = found.iter().any(|d| {
                    d["code"] == *wanted
                        && line.is_none_or(|l| d["line"].as_u64() == Some(u64::from(l)))
                });
                assert!(
                    hit,
                    "{name}: expected {wanted} (line {line:?}) in\n{stdout}"
                );
                let errors: Vec<_> = found.iter().filter(|d| d["severity"] == "error").collect();
                for d in errors {
                    assert!(
                        d["message"].as_str().is_some_and(|m| !m.is_empty()),
                        "{name}: an error without a message: {d}"
                    );
                }
            }
            Refused => {
                assert_eq!(code, 1, "{name}: expected exit 1, got {code}\n{stdout}");
                assert!(
                    found.iter().any(|d| d["severity"] == "error"),
                    "{name}: no error in\n{stdout}"
                );
            }
            Builds => {
                assert_eq!(code, 0, "{name}: expected exit 0, got {code}\n{stdout}");
                assert!(
                    !found.iter().any(|d| d["severity"] == "error"),
                    "{name}: an error in\n{stdout}"
                );
            }
        }
    }

    let out = dir.path().join("output");
    let build = casebook()
        .arg("build")
        .arg(&cases)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md,html,pdf", "--quiet"])
        .output()
        .expect("run build");
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert_eq!(build.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("INTERNAL"),
        "{stderr}"
    );
    assert!(
        out.join("goed/goed.pdf").is_file(),
        "the good case was not built:\n{stderr}"
    );
    for (name, _, expect) in &corpus {
        let folder = out.join(name);
        // The build's errors about this input: those that name its own file.
        let file = format!("{}:", cases.join(format!("{name}.yaml")).display());
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with(&file) && l.contains(": fout["))
            .collect();
        match expect {
            Error(code, _) => {
                assert!(!folder.exists(), "{name}: a failed case left output");
                assert!(
                    errors.iter().any(|l| l.contains(&format!("fout[{code}]"))),
                    "{name}: the build does not show {code} for its file:\n{stderr}"
                );
            }
            Refused => {
                assert!(!folder.exists(), "{name}: a failed case left output");
                assert!(
                    !errors.is_empty(),
                    "{name}: the build shows no error for its file:\n{stderr}"
                );
            }
            Builds => {
                assert!(errors.is_empty(), "{name}: {errors:?}");
                for ext in [
                    "md",
                    "html",
                    "pdf",
                    "student.md",
                    "student.html",
                    "student.pdf",
                ] {
                    let file = folder.join(format!("{name}.{ext}"));
                    assert!(file.is_file(), "{name}: no {ext} report\n{stderr}");
                }
                let html =
                    std::fs::read_to_string(folder.join(format!("{name}.html"))).expect("html");
                assert_inert_html(name, &html);
                let md = std::fs::read_to_string(folder.join(format!("{name}.md"))).expect("md");
                assert_inert_markdown(name, &md);
                let pdf = std::fs::read(folder.join(format!("{name}.pdf"))).expect("pdf");
                let text = crate::pdfread::Pdf::read(&pdf).text();
                assert!(
                    !text.contains("GEHEIM") && !text.contains("root:x:0"),
                    "{name}: the PDF shows a file it should not have read"
                );
                assert!(
                    !html.contains("GEHEIM") && !html.contains("root:x:0"),
                    "{name}: the HTML shows a file it should not have read"
                );
            }
        }
    }
}

/// No element, attribute or URL scheme from the case survives into the page: every tag in it
/// (text is escaped, so a `<` only starts a real tag) is one casebook writes.
fn assert_inert_html(name: &str, html: &str) {
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_lowercase();
        let element = tag.split([' ', '/', '\n']).next().unwrap_or_default();
        assert!(
            ![
                "script", "iframe", "img", "object", "embed", "link", "base", "form"
            ]
            .contains(&element)
                && !tag.contains("http-equiv"),
            "{name}: a <{element}> element reached the HTML: <{tag}>"
        );
        let handler = tag
            .split_whitespace()
            .any(|attribute| attribute.starts_with("on") && attribute.contains('='));
        assert!(
            !handler,
            "{name}: an event handler reached the HTML: <{tag}>"
        );
        for scheme in ["javascript:", "vbscript:", "data:", "file:", "src=\"http"] {
            assert!(
                !tag.contains(scheme),
                "{name}: `{scheme}` in a tag: <{tag}>"
            );
        }
    }
}

/// Parsed as CommonMark, the report holds no raw HTML, no image and only http(s)/mailto links.
fn assert_inert_markdown(name: &str, md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    for event in Parser::new_ext(md, Options::all()) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                panic!("{name}: raw HTML in the Markdown: {h}")
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("{name}: an image in the Markdown: {dest_url}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.to_lowercase();
                assert!(
                    url.starts_with("http") || url.starts_with("mailto:") || url.starts_with('#'),
                    "{name}: a link to {dest_url} in the Markdown"
                );
            }
            _ => {}
        }
    }
}
