//! The PDF reports' page layout, measured from the text positions of the example set in both
//! editions: no page before the last less than a third full, no heading at the foot of a page,
//! no SWOT grid split, and body lines a reader can follow (median at most 90 characters).

use std::path::Path;

use crate::pdfread::{Page, Pdf};
use crate::support::{build_ok, root};

/// The page's text area in points from the top edge (A4, top margin 2.6 cm, bottom 2.3 cm): the
/// running header sits above it, the page number below.
const BODY_TOP: f64 = 73.7;
const BODY_BOTTOM: f64 = 841.9 - 65.2;
/// Body text is 11 pt; headings of levels 1 and 2 are 15 and 12 pt.
const BODY_SIZE: f64 = 11.0;
const HEADING_SIZE: f64 = 11.9;

/// Every PDF of the example set in one edition, by file name.
fn example_set(edition: &str) -> Vec<(String, Pdf)> {
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(
        &root().join("cases"),
        out.path(),
        &["--format", "pdf", "--edition", edition, "--quiet"],
    );
    let mut pdfs: Vec<(String, Pdf)> = walkdir::WalkDir::new(out.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            (
                name(e.path()),
                Pdf::read(&std::fs::read(e.path()).expect("read a PDF")),
            )
        })
        .collect();
    pdfs.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(pdfs.len() >= 6, "{edition}: only {} PDFs", pdfs.len());
    pdfs
}

fn name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The lines of the page's text area (not the running header or the page number), top to bottom.
fn body(page: &Page) -> Vec<&crate::pdfread::Line> {
    let mut lines: Vec<_> = page
        .lines
        .iter()
        .filter(|l| l.baseline() > BODY_TOP && l.baseline() < BODY_BOTTOM)
        .collect();
    lines.sort_by(|a, b| a.baseline().total_cmp(&b.baseline()));
    lines
}

fn size(line: &crate::pdfread::Line) -> f64 {
    line.chars.iter().map(|c| c.size).fold(0.0, f64::max)
}

/// How far down its text area a page is filled: 0 empty, 1 full. A rule counts as much as a line
/// of text: the student edition's writing lines are the page's content too.
fn fill(page: &Page) -> f64 {
    let text = body(page).last().map_or(BODY_TOP, |l| l.baseline());
    let rules = page
        .rules
        .iter()
        .map(|r| r.y)
        .filter(|y| *y > BODY_TOP && *y < BODY_BOTTOM)
        .fold(BODY_TOP, f64::max);
    (text.max(rules) - BODY_TOP) / (BODY_BOTTOM - BODY_TOP)
}

fn check_pages(edition: &str) {
    let mut problems = Vec::new();
    let mut lengths = Vec::new();
    for (file, pdf) in example_set(edition) {
        let pages = pdf.pages();
        for (index, page) in pages.iter().enumerate() {
            let number = index + 1;
            let lines = body(page);
            if number < pages.len() {
                let filled = fill(page);
                if filled < 1.0 / 3.0 {
                    problems.push(format!(
                        "{file} page {number} is {:.0}% full",
                        filled * 100.0
                    ));
                }
                if let Some(last) = lines.last().filter(|l| size(l) > HEADING_SIZE) {
                    problems.push(format!(
                        "{file} page {number} ends with the heading “{}”",
                        last.text()
                    ));
                }
            }
            // Full lines of body text: at least 60% of the measure wide.
            let measure = lines.iter().map(|l| l.extent().1).fold(0.0, f64::max)
                - lines.iter().map(|l| l.extent().0).fold(f64::MAX, f64::min);
            lengths.extend(
                lines
                    .iter()
                    .filter(|l| (size(l) - BODY_SIZE).abs() < 0.2)
                    .filter(|l| l.extent().1 - l.extent().0 > 0.6 * measure)
                    .map(|l| l.text().chars().count()),
            );
        }
        // The SWOT grid sits whole on one page: its four quadrants' titles share a page.
        let grids = [
            ["Sterktes", "Zwaktes", "Kansen", "Bedreigingen"],
            ["Strengths", "Weaknesses", "Opportunities", "Threats"],
        ];
        let holds = |page: &Page, title: &str| page.lines.iter().any(|l| l.text().trim() == title);
        // Every report has its grid, in one of the two languages: not finding it is a failure,
        // not a pass.
        match grids.iter().find_map(|titles| {
            let page = pages.iter().position(|p| holds(p, titles[0]))?;
            Some((titles, page))
        }) {
            None => problems.push(format!("{file}: no SWOT grid found")),
            Some((titles, page)) => {
                // A grid too tall for what is left of the page before moves on whole; in a
                // hand-out the conclusion's lines fill that page instead of leaving it part empty.
                let before = page.checked_sub(1).map(|p| fill(&pages[p]));
                if let Some(before) = before.filter(|f| edition == "student" && *f < 0.8) {
                    problems.push(format!(
                        "{file} page {page}, before the SWOT grid, is {:.0}% full",
                        before * 100.0
                    ));
                }
                if let Some(away) = titles.iter().find(|t| !holds(&pages[page], t)) {
                    problems.push(format!(
                        "{file}: the SWOT grid is split: {away} is not on page {} with {}",
                        page + 1,
                        titles[0]
                    ));
                }
            }
        }
    }
    lengths.sort_unstable();
    let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    assert!(
        lengths.len() > 200,
        "{edition}: only {} full body lines",
        lengths.len()
    );
    eprintln!("{edition}: median {median} over {} lines", lengths.len());
    assert!(
        median <= 90,
        "{edition}: the median body line has {median} characters"
    );
    assert!(
        median >= 60,
        "{edition}: the median body line has only {median} characters"
    );
    assert!(problems.is_empty(), "{edition}:\n{}", problems.join("\n"));
}

#[test]
fn teacher_edition_pages_are_filled_headings_stay_with_their_text_and_lines_are_readable() {
    check_pages("teacher");
}

#[test]
fn student_edition_pages_are_filled_headings_stay_with_their_text_and_lines_are_readable() {
    check_pages("student");
}
