//! The index site: `output/index.html`, listing every case with its verdict and links.

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Verdict, verdict_key};
use crate::case::{Discipline, Language, LoadedCase};
use crate::diagnostics::Diagnostic;
use crate::render::context::Edition;
use crate::templates::Templates;

/// What the index shows for one case; kept in the manifest so skipped cases need no parsing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub slug: String,
    pub title: String,
    pub organisation: String,
    /// What the case is about: the first sentence of the organisation's context (a fact).
    #[serde(default)]
    pub description: String,
    /// `nl` or `en`.
    pub language: String,
    /// The chosen discipline's key.
    pub choice: String,
    /// The verdict on the choice; absent in the student edition, where it is the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<IndexVerdict>,
    /// The files to link, relative to the output folder, by kind (`html`, `pdf`, `md`, `json`).
    pub links: Vec<(String, String)>,
    /// The hand-out's files (the student edition beside the teacher's report), linked alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handout: Vec<(String, String)>,
    /// The case now fails to build; the files listed are from its last good build.
    #[serde(default)]
    pub stale: bool,
}

/// The overall verdict on a case's choice, as the teacher's index shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexVerdict {
    pub verdict: Verdict,
    pub score: f64,
    pub margin: f64,
    pub warnings: usize,
}

impl IndexEntry {
    pub fn new(
        case: &LoadedCase,
        assessment: &Assessment,
        edition: Edition,
        links: Vec<(String, String)>,
        handout: Vec<(String, String)>,
    ) -> Self {
        Self {
            slug: case.slug.clone(),
            title: case.case.meta.title.value.clone(),
            organisation: case.case.meta.organisation.name.value.clone(),
            description: first_sentence(&crate::markdown::plain(
                &case.case.meta.organisation.context.value,
            )),
            language: case.case.language().code().to_string(),
            choice: assessment.choice.key().to_string(),
            assessment: (edition == Edition::Teacher).then(|| IndexVerdict {
                verdict: assessment.overall.verdict,
                score: assessment.overall.score,
                margin: assessment.overall.margin,
                warnings: assessment
                    .findings
                    .iter()
                    .filter(|f| f.severity == crate::diagnostics::Severity::Warning)
                    .count(),
            }),
            links,
            handout,
            stale: false,
        }
    }
}

fn index_links(links: &[(String, String)]) -> Vec<IndexLink<'_>> {
    links
        .iter()
        .map(|(name, href)| IndexLink { name, href })
        .collect()
}

/// The text's first sentence (Unicode's sentence boundaries: "B.V. (fictief)" does not end one).
fn first_sentence(text: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_sentences()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[derive(Serialize)]
struct IndexCase<'a> {
    #[serde(flatten)]
    entry: &'a IndexEntry,
    html: Option<&'a str>,
    choice_name: String,
    /// `None` in the student edition.
    verdict: Option<VerdictCell>,
    links: Vec<IndexLink<'a>>,
    handout: Vec<IndexLink<'a>>,
}

#[derive(Serialize)]
struct VerdictCell {
    key: &'static str,
    /// The column sorts by this, not by the words: 1 substantiated, 2 weak, 3 unsubstantiated.
    rank: u8,
    name: String,
    symbol: &'static str,
    margin: f64,
    margin_text: String,
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

/// The index page, in the language most cases are written in (Dutch on a tie). The student
/// edition's lists the cases without verdicts.
pub fn render_index(
    templates: &Templates,
    edition: Edition,
    entries: &[&IndexEntry],
) -> Result<String, Diagnostic> {
    let english = entries.iter().filter(|e| e.language == "en").count();
    let language = if english * 2 > entries.len() {
        Language::En
    } else {
        Language::Nl
    };
    let locale = templates.locale(language);
    let cases: Vec<IndexCase> = entries
        .iter()
        .map(|entry| IndexCase {
            entry,
            html: entry
                .links
                .iter()
                .find(|(kind, _)| kind == "HTML")
                .map(|(_, href)| href.as_str()),
            choice_name: locale
                .text(&format!("disciplines.{}", entry.choice))
                .to_string(),
            verdict: entry.assessment.as_ref().map(|a| {
                let key = verdict_key(a.verdict);
                VerdictCell {
                    key,
                    rank: match a.verdict {
                        Verdict::Substantiated => 1,
                        Verdict::Weak => 2,
                        Verdict::Unsubstantiated => 3,
                    },
                    name: locale.text(&format!("verdicts.{key}")).to_string(),
                    symbol: match a.verdict {
                        Verdict::Substantiated => "✓",
                        Verdict::Weak => "~",
                        Verdict::Unsubstantiated => "✗",
                    },
                    margin: a.margin,
                    margin_text: locale.score(a.margin),
                }
            }),
            links: index_links(&entry.links),
            handout: index_links(&entry.handout),
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
    let handout = entries.iter().any(|e| !e.handout.is_empty());
    let context = serde_json::json!({
        "lang": language.code(),
        "teacher": edition == Edition::Teacher,
        "labels": locale.section("index"),
        "cases": cases,
        "handout": handout,
        "disciplines": disciplines,
        "verdicts": verdicts,
    });
    templates.render("index.html", &context)
}
