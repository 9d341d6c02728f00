//! The student edition's worksheet: per argument item five tick boxes per discipline and ruled
//! lines, and lines for every other part a student writes, in the PDF, the HTML page and the
//! Markdown; the rubric's `worksheet_lines` sets the lines per item.

use std::path::Path;

use casebook::read::load_case;
use serde_json::Value;

use crate::pdfread::Pdf;
use crate::support::{build_ok, casebook, root};

/// The worksheet's writing lines in the PDF are the only rules of this thickness.
const RULE_THICKNESS: f64 = 0.55;
/// A Markdown writing line.
const MD_LINE: &str = "________________________________________________________________________";

/// What one case's worksheet must hold: tick boxes and writing lines.
struct Expected {
    ticks: usize,
    lines: usize,
}

fn count_items(value: &Value) -> usize {
    match value {
        Value::Object(map) => {
            usize::from(map.contains_key("stances")) + map.values().map(count_items).sum::<usize>()
        }
        Value::Array(list) => list.iter().map(count_items).sum(),
        _ => 0,
    }
}

/// From the teacher's case: every item 3 × 5 boxes and `lines` lines; a conclusion per ground;
/// the summary twice `lines`; a block per function; per alternative four grounds and the
/// threshold; per paradox the embrace, three leanings and their reason; four panels.
fn expected(case: &Path, lines: usize) -> Expected {
    let case = load_case(case).expect("the case loads").case;
    let model = serde_json::to_value(&case).expect("the case as data");
    let items = count_items(&model);
    let functions = case.consequences.functions.len();
    let (paradoxes, panels) = case
        .customer_leadership
        .as_ref()
        .map_or((0, 0), |l| (l.paradoxes.len(), 4));
    Expected {
        ticks: items * 15 + paradoxes * 3,
        lines: items * lines
            + 4 * lines
            + 2 * lines
            + if functions > 0 {
                functions * lines
            } else {
                2 * lines
            }
            + 2 * 5 * lines
            + paradoxes * 2 * lines
            + panels * (lines + 2),
    }
}

fn build(lines: Option<u8>) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    for name in ["klantleiderschap", "klantpartnerschap"] {
        std::fs::copy(
            root().join(format!("cases/{name}.yaml")),
            cases.join(format!("{name}.yaml")),
        )
        .expect("copy a case");
    }
    if let Some(lines) = lines {
        std::fs::write(
            cases.join("casebook.toml"),
            format!("worksheet_lines = {lines}\n"),
        )
        .expect("rubric");
    }
    let out = dir.path().join("hand-out");
    build_ok(&cases, &out, &["--edition", "student", "--quiet"]);
    (dir, out)
}

fn textarea_rows(html: &str) -> usize {
    html.split("<textarea class=\"lines\"")
        .skip(1)
        .map(|tag| {
            let rows = tag.split("rows=\"").nth(1).expect("rows");
            rows[..rows.find('"').expect("end of rows")]
                .parse::<usize>()
                .expect("a number of rows")
        })
        .sum()
}

#[test]
fn the_worksheet_has_tick_boxes_and_lines_in_every_format() {
    let mut pages = Vec::new();
    for lines in [3u8, 6] {
        let (_dir, out) = build(Some(lines));
        for name in ["klantleiderschap", "klantpartnerschap"] {
            let want = expected(
                &root().join(format!("cases/{name}.yaml")),
                usize::from(lines),
            );
            let base = out.join(name).join(format!("{name}.student"));
            let read = |ext: &str| {
                std::fs::read_to_string(base.with_extension(format!("student.{ext}")))
                    .expect("a document")
            };
            let md = read("md");
            assert_eq!(md.matches('☐').count(), want.ticks, "{name}.md tick boxes");
            assert_eq!(
                md.lines().filter(|l| *l == MD_LINE).count(),
                want.lines,
                "{name}.md lines"
            );
            let html = read("html");
            assert_eq!(
                html.matches("type=\"radio\"").count(),
                want.ticks,
                "{name}.html tick boxes"
            );
            assert_eq!(textarea_rows(&html), want.lines, "{name}.html lines");
            let pdf =
                Pdf::read(&std::fs::read(base.with_extension("student.pdf")).expect("the PDF"));
            let texts = pdf.page_texts();
            assert_eq!(
                texts.iter().map(|t| t.matches('☐').count()).sum::<usize>(),
                want.ticks,
                "{name}.pdf tick boxes"
            );
            let rules = pdf
                .pages()
                .iter()
                .flat_map(|p| p.rules.clone())
                .filter(|r| (r.thickness - RULE_THICKNESS).abs() < 0.01)
                .count();
            assert_eq!(rules, want.lines, "{name}.pdf lines");
            // Lines that only fill the page before a SWOT grid that moved on whole (0.52 pt).
            let filling: Vec<usize> = pdf
                .pages()
                .iter()
                .enumerate()
                .filter(|(_, p)| p.rules.iter().any(|r| (r.thickness - 0.52).abs() < 0.005))
                .map(|(index, _)| index + 1)
                .collect();
            let grid = texts
                .iter()
                .position(|t| t.lines().any(|l| l.trim() == "Sterktes"));
            assert!(
                filling.iter().all(|page| Some(*page) == grid),
                "{name}.pdf: filling lines on pages {filling:?}, the grid on page {}",
                grid.map_or(0, |g| g + 1)
            );
            // No cover and no contents: the first page starts the work; the sources come with
            // the situation they describe, not alone at the end.
            assert!(
                !texts
                    .iter()
                    .any(|t| t.lines().any(|l| l.trim() == "Inhoud")),
                "{name}.pdf has a contents page"
            );
            assert!(
                texts[0].contains("Inleiding"),
                "{name}.pdf page 1 is a cover"
            );
            let references = texts
                .iter()
                .position(|t| t.lines().any(|l| l.trim() == "Literatuur"))
                .expect("the references");
            assert!(
                references <= 1,
                "{name}.pdf: references on page {references}"
            );
            pages.push((name, lines, pdf.page_count()));
        }
    }
    // Twice the lines per item give more pages, not a fuller page.
    for name in ["klantleiderschap", "klantpartnerschap"] {
        let count = |l: u8| pages.iter().find(|p| p.0 == name && p.1 == l).map(|p| p.2);
        let (fewer, more) = (count(3).expect("3 lines"), count(6).expect("6 lines"));
        assert!(
            more > fewer + 2 && fewer >= 5,
            "{name}: {fewer} pages with 3 lines, {more} with 6"
        );
    }
}

#[test]
fn worksheet_lines_out_of_range_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::copy(
        root().join("cases/klantpartnerschap.yaml"),
        dir.path().join("case.yaml"),
    )
    .expect("copy a case");
    std::fs::write(
        dir.path().join("casebook.toml"),
        "weak = 0.2\nworksheet_lines = 40\n",
    )
    .expect("rubric");
    let output = casebook()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "./casebook.toml:2:1: fout[RUBRIC]: worksheet_lines moet een heel getal van 1 tot en met 20 zijn
  = tip: het aantal schrijflijnen per item in het werkblad van de studenteneditie, bijvoorbeeld worksheet_lines = 4
"
    );
}
