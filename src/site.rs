//! The index site: `output/index.html`, listing every case with its verdict and links.

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Verdict};
use crate::case::LoadedCase;

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
            warnings: assessment.findings.iter().filter(|f| f.severity == crate::diagnostics::Severity::Warning).count(),
            links,
            stale: false,
        }
    }
}
