//! The index site: `output/index.html`, listing every case with its verdict and links.

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Verdict, verdict_key};
use crate::case::{Discipline, Language, LoadedCase};
use crate::diagnostics::Diagnostic;
use crate::renderers::Renderers;

/// What the index shows for one case; kept in the manifest so skipped cases need no parsing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub slug: String,
    pub title: String,
    pub organisation: String,
    /// `nl` or `en`.
    pub language: String,
    /// The chosen discipline's key.
    pub choice: String,
    pub verdict: Verdict,
    pub score: f64,
    pub margin: f64,
    pub warnings: usize,
    /// The files to link, relative to the output folder, by kind (`html`, `pdf`, `md`, `json`).
    pub links: Vec<(String, String)>,
    /// The case now fails to build; the files listed are from its last good build.
    #[serde(default)]
    pub stale: bool,
}

impl IndexEntry {
    pub fn new(case: &LoadedCase, assessment: &Assessment, links: Vec<(String, String)>) -> Self {
        Self {
            slug: case.slug.clone(),
            title: case.case.meta.title.value.clone(),
            organisation: case.case.meta.organisation.name.value.clone(),
            language: case.case.language().code().to_string(),
            choice: assessment.choice.key().to_string(),
            verdict: assessment.overall.verdict,
            score: assessment.overall.score,
            margin: assessment.overall.margin,
            warnings: assessment
                .findings
                .iter()
                .filter(|f| f.severity == crate::diagnostics::Severity::Warning)
                .count(),
            links,
            stale: false,
        }
    }
}

#[derive(Serialize)]
struct IndexCase<'a> {
    #[serde(flatten)]
    entry: &'a IndexEntry,
    html: Option<&'a str>,
    choice_name: String,
    verdict_name: String,
    verdict_symbol: &'static str,
    margin_text: String,
    links: Vec<IndexLink<'a>>,
}

#[derive(Serialize)]
struct IndexLink<'a> {
    name: &'a str,
    href: &'a str,
}

#[derive(Serialize)]
struct Named {
    key: &'static str,
    name: String,
}

/// The index page, in the language most cases are written in (Dutch on a tie).
pub fn render_index(renderers: &Renderers, entries: &[&IndexEntry]) -> Result<String, Diagnostic> {
    let english = entries.iter().filter(|e| e.language == "en").count();
    let language = if english * 2 > entries.len() {
        Language::En
    } else {
        Language::Nl
    };
    let locale = renderers.templates.locale(language);
    let cases: Vec<IndexCase> = entries
        .iter()
        .map(|entry| {
            let verdict = verdict_key(entry.verdict);
            IndexCase {
                entry,
                html: entry
                    .links
                    .iter()
                    .find(|(kind, _)| kind == "HTML")
                    .map(|(_, href)| href.as_str()),
                choice_name: locale
                    .text(&format!("disciplines.{}", entry.choice))
                    .to_string(),
                verdict_name: locale.text(&format!("verdicts.{verdict}")).to_string(),
                verdict_symbol: match entry.verdict {
                    Verdict::Substantiated => "✓",
                    Verdict::Weak => "~",
                    Verdict::Unsubstantiated => "✗",
                },
                margin_text: locale.score(entry.margin),
                links: entry
                    .links
                    .iter()
                    .map(|(name, href)| IndexLink { name, href })
                    .collect(),
            }
        })
        .collect();
    let verdicts: Vec<Named> = ["substantiated", "weak", "unsubstantiated"]
        .into_iter()
        .map(|v| Named {
            key: v,
            name: locale.text(&format!("verdicts.{v}")).to_string(),
        })
        .collect();
    let disciplines: Vec<Named> = Discipline::ALL
        .iter()
        .map(|d| Named {
            key: d.key(),
            name: locale.text(&format!("disciplines.{}", d.key())).to_string(),
        })
        .collect();
    let context = serde_json::json!({
        "lang": language.code(),
        "labels": locale.section("index"),
        "cases": cases,
        "disciplines": disciplines,
        "verdicts": verdicts,
    });
    renderers.templates.render("index.html", &context)
}
