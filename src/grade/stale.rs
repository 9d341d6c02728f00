//! Feedback of an earlier run into the same folder that this run replaced: a submission that is
//! gone, or one now named otherwise, would leave its old feedback beside the new (a student's
//! file renamed, a name corrected). Only files the earlier run's `grades.json` lists as its
//! feedback are removed, after this run's files are written; nothing else in the folder is
//! touched, and a submission still handed in under the same name keeps every file it had.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

use casebook_core::grade::GradeReport;

/// One earlier submission: its file, its feedback's name and the feedback's paths.
pub struct Earlier {
    file: String,
    slug: String,
    feedback: Vec<String>,
}

/// What the earlier run's `grades.json` in `out` says it wrote; nothing when there is none or it
/// cannot be read (then nothing is removed).
pub fn earlier_feedback(out: &Path) -> Vec<Earlier> {
    let Ok(bytes) = std::fs::read(out.join("grades.json")) else {
        return Vec::new();
    };
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Vec::new();
    };
    let text = |value: &serde_json::Value| value.as_str().map(str::to_string);
    let submissions = json["submissions"].as_array().cloned().unwrap_or_default();
    submissions
        .iter()
        .filter_map(|s| {
            Some(Earlier {
                file: text(&s["file"])?,
                slug: text(&s["slug"])?,
                feedback: s["feedback"]
                    .as_array()?
                    .iter()
                    .filter_map(|pair| text(&pair[1]))
                    .collect(),
            })
        })
        .collect()
}

/// Removes the earlier feedback of submissions that are gone or renamed, unless this run wrote
/// the same file again.
pub fn remove(out: &Path, earlier: Vec<Earlier>, report: &GradeReport) {
    let now: HashMap<&str, &str> = report
        .submissions
        .iter()
        .map(|g| (g.file.as_str(), g.slug.as_str()))
        .collect();
    let written: HashSet<&str> = report
        .submissions
        .iter()
        .flat_map(|g| g.feedback.iter().map(|(_, path)| path.as_str()))
        .collect();
    for old in earlier {
        if now.get(old.file.as_str()) == Some(&old.slug.as_str()) {
            continue;
        }
        for path in old.feedback {
            if !written.contains(path.as_str()) && is_feedback(&path) {
                // Already gone is as good as removed.
                let _ = std::fs::remove_file(out.join(&path));
            }
        }
    }
}

/// A path inside `feedback/` (an edited `grades.json` must not point anywhere else).
fn is_feedback(path: &str) -> bool {
    let mut components = Path::new(path).components();
    components.next() == Some(Component::Normal("feedback".as_ref()))
        && components.all(|c| matches!(c, Component::Normal(_)))
}
