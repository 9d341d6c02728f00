//! The Word documents (`--format docx`): a real package (every part well-formed XML), Word's own
//! styles, the case's language and properties, header rows that repeat and rows that do not
//! split, page numbers, the worksheet as a form, user text as text, and the same bytes every
//! build. The text reader here serves the leak tests too.

use std::io::Read;
use std::path::Path;

use crate::support::{build_ok, files, root};

/// One part of a `.docx`, as text.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("a UTF-8 part");
    text
}

/// The text of a `.docx` as a reader sees it: the document's runs, a line per paragraph.
pub fn text(docx: &[u8]) -> String {
    use quick_xml::events::Event;
    let document = part(docx, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&document);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed document.xml") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Text(t) if in_text => {
                out.push_str(&t.xml10_content().expect("text").into_owned());
            }
            Event::GeneralRef(r) if in_text => {
                let entity = format!("&{};", String::from_utf8_lossy(&r));
                out.push_str(&quick_xml::escape::unescape(&entity).expect("an entity"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every XML part of the package parses to its end; the names of the parts that do not.
fn malformed(docx: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut bad = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).expect("a part");
        let name = file.name().to_string();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_err() {
            bad.push(name);
            continue;
        }
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(_) => {
                    bad.push(name);
                    break;
                }
            }
        }
    }
    bad
}

fn build_docx(cases: &Path, out: &Path, jobs: &str) -> Vec<(String, Vec<u8>)> {
    build_ok(cases, out, &["--format", "docx", "--quiet", "--jobs", jobs]);
    files(out)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "docx"))
        .map(|(p, bytes)| (p.display().to_string(), bytes))
        .collect()
}

#[test]
fn the_report_and_the_hand_out_are_word_documents_in_words_styles_and_the_cases_language() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let written = build_docx(&root().join("cases"), dir.path(), "2");
    assert_eq!(written.len(), 12, "a report and a hand-out per case");
    for (name, bytes) in &written {
        assert_eq!(malformed(bytes), Vec::<String>::new(), "{name}");
        let document = part(bytes, "word/document.xml");
        let styles = part(bytes, "word/styles.xml");
        for (id, word_name) in [
            ("Title", "Title"),
            ("Heading1", "heading 1"),
            ("Heading2", "heading 2"),
            ("ListBullet", "List Bullet"),
            ("TableGrid", "Table Grid"),
        ] {
            assert!(
                document.contains(&format!(r#"w:val="{id}""#)),
                "{name} uses no {id}"
            );
            let defined = format!(r#"w:styleId="{id}"><w:name w:val="{word_name}" />"#);
            assert!(
                styles.contains(&defined),
                "{name}: {id} is not Word's {word_name}"
            );
        }
        // Headings in the navigation pane: an outline level each.
        assert!(styles.contains(r#"<w:outlineLvl w:val="0" />"#), "{name}");
        // The header row repeats on each page; no row breaks across a page.
        assert!(document.contains("<w:tblHeader />"), "{name}");
        assert!(document.contains("<w:cantSplit />"), "{name}");
        assert!(!document.contains("w:txbxContent") && !document.contains("wp:anchor"));
        let footer = part(bytes, "word/footer1.xml");
        assert!(
            footer.contains("PAGE"),
            "{name}: no page number in the footer"
        );
    }
    let by_name = |suffix: &str| {
        written
            .iter()
            .find(|(n, _)| n.ends_with(suffix))
            .map(|(_, b)| b.as_slice())
            .expect("the document")
    };
    let dutch = by_name("klantpartnerschap/klantpartnerschap.docx");
    let english = by_name("northwind-outfitters/northwind-outfitters.docx");
    assert!(part(dutch, "word/styles.xml").contains(r#"<w:lang w:val="nl-NL""#));
    assert!(part(english, "word/styles.xml").contains(r#"<w:lang w:val="en-GB""#));
    let core = part(english, "docProps/core.xml");
    for property in [
        "<dc:title>Operational excellence at an outdoor-gear retailer</dc:title>",
        "<dc:subject>Marketing Planning — choosing a value discipline</dc:subject>",
        "<dc:creator>casebook example set</dc:creator>",
        "<dc:language>en-GB</dc:language>",
    ] {
        assert!(core.contains(property), "{property} not in {core}");
    }
    // The teacher's edition has the model's verdicts; the hand-out has boxes to tick instead.
    let teacher = text(english);
    let student = text(by_name("northwind-outfitters.student.docx"));
    assert!(teacher.contains("Operational excellence (++): Lower logistics costs"));
    assert!(!student.contains("(++):"), "the hand-out shows a stance");
    assert!(
        student.matches('☐').count() >= 15 * 20,
        "too few boxes to tick"
    );
    assert!(!teacher.contains('☐'));
}

/// The Word report says all that the PDF does: every item of the worked example, its mission,
/// functions, references and thresholds.
#[test]
fn the_word_report_holds_every_item_of_the_seed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    std::fs::copy(
        crate::support::seed_case(),
        cases.join("klantpartnerschap.yaml"),
    )
    .expect("copy");
    let out = dir.path().join("out");
    build_ok(
        &cases,
        &out,
        &["--format", "docx", "--edition", "teacher", "--quiet"],
    );
    let docx =
        std::fs::read(out.join("klantpartnerschap/klantpartnerschap.docx")).expect("the report");
    let text = crate::pdfread::normalise(&text(&docx));
    let missing: Vec<String> = crate::support::seed_phrases()
        .into_iter()
        .filter(|want| !text.contains(crate::pdfread::normalise(want).as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the Word report: {missing:#?}");
}

#[test]
fn two_builds_write_the_same_word_bytes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    for entry in std::fs::read_dir(root().join("cases")).expect("cases/") {
        let path = entry.expect("a folder entry").path();
        std::fs::copy(&path, cases.join(path.file_name().expect("a name"))).expect("copy");
    }
    // Many links: docx-rs gathers them in a hash map, whose order differs from run to run.
    let source = std::fs::read_to_string(root().join("cases/northwind-outfitters.yaml"))
        .expect("the example");
    let links: String = (1..=12)
        .map(|n| format!("[source {n}](https://example.org/{n}) "))
        .collect();
    let linked = source.replacen(
        "Northwind Outfitters is a fictional",
        &format!("{links}Northwind Outfitters is a fictional"),
        1,
    );
    std::fs::write(cases.join("links.yaml"), linked).expect("write the case");
    // On one thread and on two: the cases fall to the threads differently each time.
    let first = build_docx(&cases, &dir.path().join("first"), "1");
    let second = build_docx(&cases, &dir.path().join("second"), "2");
    assert_eq!(first.len(), 14);
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn user_text_in_a_word_document_stays_text() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    let source = std::fs::read_to_string(root().join("cases/northwind-outfitters.yaml"))
        .expect("the example");
    let hostile = r#"A & B </w:t></w:r></w:p><w:p><w:r><w:t>injected"#;
    let title = "Operational excellence at an outdoor-gear retailer";
    let link = "[a link](https://example.org/?a=1&b=\"2\")";
    let quoted = serde_json::to_string(hostile).expect("quoted");
    let changed = source.replacen(title, &quoted, 1).replacen(
        "Northwind Outfitters is a fictional",
        &format!("{link} {hostile} Northwind Outfitters is a fictional"),
        1,
    );
    assert_ne!(changed, source);
    std::fs::write(cases.join("hostile.yaml"), changed).expect("write the case");
    let written = build_docx(&cases, &dir.path().join("out"), "1");
    for (name, bytes) in &written {
        assert_eq!(malformed(bytes), Vec::<String>::new(), "{name}");
        let document = text(bytes);
        assert!(document.contains(hostile), "{name}: {document:.300}");
        let rels = part(bytes, "word/_rels/document.xml.rels");
        assert!(
            rels.contains(r#"Target="https://example.org/?a=1&amp;b=&quot;2&quot;""#),
            "{rels}"
        );
        let core = part(bytes, "docProps/core.xml");
        assert!(core.contains("A &amp; B &lt;/w:t&gt;"), "{core}");
    }
}
