//! The grading page's engine calls: every worker of the page's pool opens the class (the model
//! answer and the rubric, once); the coordinating worker reads and names the submissions, marks
//! each and writes the overview and the zip; the others render the feedback files. Each call
//! runs the core's own functions (`engine::class`, `Engine::grade_one`, `overview::pages`), so
//! the files are the command line's.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::{Engine, Formats, Settings, class};
use casebook_core::grade::platform::Platform;
use casebook_core::grade::roster::{self, Roster};
use casebook_core::grade::similarity::{self, Reasonings};
use casebook_core::grade::{Graded, Model, Submission, import};
use casebook_core::render::overview;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The class being graded in this worker.
struct Class {
    engine: Engine,
    model: Model,
    reveal: bool,
    formats: Formats,
    separator: u8,
    /// The learning platform to write the grade import and the feedback zip for, and the grade
    /// item's name there (default: the model's title).
    lms: Option<Platform>,
    assignment: Option<String>,
    /// The platform's class list, which gives the ids its import needs (`--roster`).
    roster: Option<Roster>,
    /// The coordinator's: the submissions named, each with the path it is loaded under and its
    /// file's bytes, for the renderers.
    submissions: Vec<(Submission, (String, Vec<u8>))>,
    /// The coordinator's: per submission once marked, its result, reasoning and feedback files.
    marked: Vec<Option<Marked>>,
    /// The overview's files, once made.
    overview: Vec<(String, Vec<u8>)>,
}

struct Marked {
    graded: Graded,
    reasonings: Option<Reasonings>,
    files: Vec<(String, Vec<u8>)>,
}

thread_local! {
    static CLASS: RefCell<Option<Class>> = const { RefCell::new(None) };
}

/// What a call tells the page: the diagnostics when something could not start.
#[derive(Serialize, Default)]
struct Answer {
    diagnostics: Vec<Diagnostic>,
    /// The submissions as named: file, student, slug, the path the file is loaded under and its
    /// size in [`grade_sources`].
    submissions: Vec<(String, String, String, String, usize)>,
}

fn answer(answer: Answer) -> String {
    serde_json::to_string(&answer).unwrap_or_default()
}

fn with_class<T>(work: impl FnOnce(&mut Class) -> T) -> Result<T, JsError> {
    CLASS.with(|class| {
        let mut class = class.borrow_mut();
        let class = class.as_mut().ok_or_else(|| JsError::new("no class"))?;
        Ok(work(class))
    })
}

/// Opens a class in this worker: the model answer (`.yaml` or a casebook PDF), the rubric's
/// name and text (empty: the defaults), whether the feedback reveals the model's reasoning, the
/// feedback formats (`md,html` or `md,html,pdf`), the CSV's separator (`,`, `;` or `tab`), the
/// learning platform (`brightspace`, `canvas`, `moodle`; empty: none) and the grade item's name
/// there (empty: the model's title), and the platform's class list (`--roster`; no bytes: none).
/// Returns `{diagnostics}` as JSON: empty when the class is open.
#[wasm_bindgen]
pub fn grade_open(
    model_name: &str,
    model: Vec<u8>,
    rubric_name: &str,
    rubric: String,
    reveal: bool,
    formats: &str,
    separator: &str,
    lms: &str,
    assignment: &str,
    roster_name: &str,
    roster: Vec<u8>,
) -> String {
    let opened = || -> Result<Class, Vec<Diagnostic>> {
        let settings = Settings {
            rubric: (!rubric_name.is_empty()).then(|| (PathBuf::from(rubric_name), rubric)),
            pdf: super::PDF,
            ..Settings::default()
        };
        let engine = Engine::new(&settings)?;
        let case = class::load_entry(Path::new(model_name), model)
            .map_err(|(_, diagnostics)| diagnostics)?;
        let model = Model::new(case, &engine.rubric)?;
        let roster = match Platform::from_key(lms) {
            Some(platform) if !roster.is_empty() => {
                let at = Path::new(roster_name);
                Some(roster::load(platform, &roster, at).map_err(|d| vec![d])?)
            }
            _ => None,
        };
        Ok(Class {
            engine,
            model,
            reveal,
            formats: Formats::parse(formats).unwrap_or(Formats {
                markdown: true,
                html: true,
                pdf: false,
                docx: false,
            }),
            separator: match separator {
                ";" => b';',
                "tab" => b'\t',
                _ => b',',
            },
            lms: Platform::from_key(lms),
            assignment: (!assignment.trim().is_empty()).then(|| assignment.trim().to_string()),
            roster,
            submissions: Vec::new(),
            marked: Vec::new(),
            overview: Vec::new(),
        })
    };
    let diagnostics = match opened() {
        Ok(class) => {
            CLASS.with(|slot| *slot.borrow_mut() = Some(class));
            Vec::new()
        }
        Err(diagnostics) => diagnostics,
    };
    answer(Answer {
        diagnostics,
        ..Answer::default()
    })
}

/// The coordinator reads the submissions: the platform's zip (`name` ends in `.zip`), else the
/// loose files `names` with their bytes in `files`, one after another (`sizes` each), from the
/// folder chosen (`folder`, its name as the CLI's SUBMISSIONS would be: the files are loaded under
/// it, as the CLI loads them; empty for files chosen one by one). Returns `{diagnostics,
/// submissions}` as JSON.
#[wasm_bindgen]
pub fn grade_read(
    folder: &str,
    names: Vec<String>,
    sizes: Vec<u32>,
    files: Vec<u8>,
) -> Result<String, JsError> {
    with_class(|class| {
        let mut parts = Vec::new();
        let mut at = 0usize;
        for (name, size) in names.iter().zip(&sizes) {
            let end = (at + *size as usize).min(files.len());
            parts.push((name.clone(), files[at..end].to_vec()));
            at = end;
        }
        let read = match parts.as_slice() {
            [(name, zip)] if name.to_lowercase().ends_with(".zip") => {
                class::download(zip, Path::new(name)).map(|handed| {
                    let sources: Vec<(String, Vec<u8>)> = handed
                        .iter()
                        .map(|h| (class::load_path(h), h.entry.bytes.clone()))
                        .collect();
                    class::name_download(handed, &class.model.case)
                        .into_iter()
                        .zip(sources)
                        .collect::<Vec<_>>()
                })
            }
            _ => {
                let mut parts: Vec<(String, (String, Vec<u8>))> = parts
                    .into_iter()
                    .filter(|(name, _)| class::is_case_file(name))
                    .map(|(name, bytes)| {
                        let path = Path::new(folder).join(&name);
                        (name, (path.to_string_lossy().into_owned(), bytes))
                    })
                    .collect();
                // In the order the engine names them in, so that each keeps its bytes.
                class::in_walk_order(&mut parts);
                let loads = parts
                    .iter()
                    .map(|(name, (path, bytes))| {
                        let load = class::load_entry(Path::new(path), bytes.clone());
                        (name.clone(), load)
                    })
                    .collect();
                let named = class::name_files(loads, &class.model.case);
                let sources = parts.into_iter().map(|(_, source)| source);
                Ok(named.into_iter().zip(sources).collect())
            }
        };
        let mut reply = Answer::default();
        match read {
            Ok(submissions) => {
                reply.submissions = submissions
                    .iter()
                    .map(|(s, (path, bytes))| {
                        let named = (s.file.clone(), s.student.clone(), s.slug.clone());
                        (named.0, named.1, named.2, path.clone(), bytes.len())
                    })
                    .collect();
                class.marked = submissions.iter().map(|_| None).collect();
                class.submissions = submissions;
            }
            Err(diagnostics) => reply.diagnostics = diagnostics,
        }
        answer(reply)
    })
}

/// The bytes of all the coordinator's submissions, one after another (each as long as
/// [`grade_read`] said): the page hands each to a renderer without asking the coordinator again.
#[wasm_bindgen]
pub fn grade_sources() -> Result<Vec<u8>, JsError> {
    with_class(|class| {
        let sources = class.submissions.iter().map(|(_, (_, bytes))| bytes);
        sources.flatten().copied().collect()
    })
}

/// The feedback files of one submission, or why they could not be made.
#[derive(Serialize, Deserialize, Default)]
struct Feedback {
    /// (extension, byte count) of each file, in order; their bytes follow the header.
    files: Vec<(String, usize)>,
    diagnostics: Vec<Diagnostic>,
}

/// A renderer grades one submission (its file name, student, slug, the path it is loaded under
/// and its bytes) and renders its feedback: a header (4 bytes of length, then `{files,
/// diagnostics}` as JSON) and the files' bytes after it.
#[wasm_bindgen]
pub fn grade_render(
    file: &str,
    student: &str,
    slug: &str,
    path: &str,
    bytes: Vec<u8>,
) -> Result<Vec<u8>, JsError> {
    with_class(|class| {
        // Named by the coordinator: the platform's names are its business.
        let submission = Submission {
            file: file.to_string(),
            student: student.to_string(),
            slug: slug.to_string(),
            load: class::load_entry(Path::new(path), bytes),
            origin: None,
            others: Vec::new(),
        };
        let one = class
            .engine
            .grade_one(&submission, &class.model, class.reveal, class.formats);
        let mut feedback = Feedback::default();
        let mut body = Vec::new();
        match one.files {
            Ok(files) => {
                for (extension, bytes) in files {
                    feedback.files.push((extension.to_string(), bytes.len()));
                    body.extend(bytes);
                }
            }
            Err(diagnostics) => feedback.diagnostics = diagnostics,
        }
        let header = serde_json::to_vec(&feedback).unwrap_or_default();
        let mut packed = (header.len() as u32).to_le_bytes().to_vec();
        packed.extend(header);
        packed.extend(body);
        packed
    })
}

/// The coordinator marks submission `index` (compared and marked again without rendering: the
/// results stay here for the overview) and keeps the feedback a renderer packed for it. Returns
/// `{student, status, mark}` as JSON for the page's progress.
#[wasm_bindgen]
pub fn grade_mark(index: usize, packed: Vec<u8>) -> Result<String, JsError> {
    with_class(|class| {
        let (submission, _) = class.submissions.get(index)?;
        let nothing = Formats {
            markdown: false,
            html: false,
            pdf: false,
            docx: false,
        };
        let one = class
            .engine
            .grade_one(submission, &class.model, class.reveal, nothing);
        let mut graded = one.graded;
        let (header, body) = unpack(&packed);
        let mut files = Vec::new();
        if header.diagnostics.is_empty() {
            let mut at = 0;
            for (extension, size) in header.files {
                let end = (at + size).min(body.len());
                let path = class::feedback_path(&graded.slug, &extension);
                files.push((path.clone(), body[at..end].to_vec()));
                graded.feedback.push((extension, path));
                at = end;
            }
        } else {
            graded.diagnostics.extend(header.diagnostics);
            graded.unwritten = true;
        }
        let progress = serde_json::json!({
            "student": graded.student,
            "status": graded.status.key(),
            "mark": graded.mark.map(|m| m.value),
        });
        class.marked[index] = Some(Marked {
            graded,
            reasonings: one.reasonings,
            files,
        });
        Some(progress.to_string())
    })?
    .ok_or_else(|| JsError::new("no such submission"))
}

fn unpack(packed: &[u8]) -> (Feedback, &[u8]) {
    let length = packed
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b| u32::from_le_bytes(b) as usize);
    let header = packed.get(4..4 + length).unwrap_or_default();
    let body = packed.get(4 + length..).unwrap_or_default();
    (serde_json::from_slice(header).unwrap_or_default(), body)
}

/// The coordinator's results so far (all of them, or those marked before the teacher stopped),
/// laid out as `casebook grade --out` writes them, as one zip; the overview's files stay for
/// [`grade_page`].
#[wasm_bindgen]
pub fn grade_finish() -> Result<Vec<u8>, JsError> {
    with_class(|class| {
        let marked: Vec<Marked> = class.marked.iter_mut().filter_map(Option::take).collect();
        let mut graded = Vec::new();
        let mut reasonings = Vec::new();
        let mut feedback = Vec::new();
        for one in marked {
            graded.push(one.graded);
            reasonings.push(one.reasonings);
            feedback.extend(one.files);
        }
        let pairs = (0..reasonings.len())
            .flat_map(|first| similarity::pairs_of(first, &reasonings))
            .collect();
        let language = class.model.case.case.language();
        let mut report = class::class_report(graded, pairs, language);
        if let (Some(roster), Some(platform)) = (&class.roster, class.lms) {
            roster.apply(platform, &mut report.submissions);
        }
        let (templates, rubric) = (&class.engine.templates, &class.engine.rubric.grade);
        let pages = overview::pages(
            templates,
            rubric,
            &class.model.case,
            &report,
            (class.separator, class.reveal),
            class.lms,
        );
        class.overview = pages
            .into_iter()
            .filter_map(|(name, bytes)| Some((name.to_string(), bytes.ok()?)))
            .collect();
        if let Some(platform) = class.lms {
            let made = class::platform_files(
                platform,
                &class.model.case,
                class.assignment.as_deref(),
                &report.submissions,
                |relative| {
                    let found = feedback.iter().find(|(name, _)| name == relative);
                    found.map(|(_, bytes)| bytes.clone())
                },
            );
            let made = made
                .into_iter()
                .filter_map(|(name, bytes)| Some((name, bytes.ok()?)));
            class.overview.extend(made);
        }
        let mut files = class.overview.clone();
        files.extend(feedback);
        import::zip(files).ok()
    })?
    .ok_or_else(|| JsError::new("zip"))
}

/// One of the overview's files (`index.html`, `grades.csv`, `grades.json`, and with a platform
/// `grades-<lms>.csv` and `feedback-<lms>.zip`) after [`grade_finish`].
#[wasm_bindgen]
pub fn grade_page(name: &str) -> Result<Vec<u8>, JsError> {
    with_class(|class| {
        class
            .overview
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| bytes.clone())
    })?
    .ok_or_else(|| JsError::new("no such page"))
}
