//! The grading page's engine calls: every worker of the page's pool opens the class (the model
//! answer and the rubric, once); the coordinating worker reads and names the submissions, marks
//! each from what a renderer hands it, streams the class's zip and writes the overview; the others
//! grade and render, each submission once. Each call runs the core's own functions
//! (`engine::class`, `Engine::grade_one`, `overview::pages`), so the files are the command line's.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::{Engine, Formats, GradedOne, Settings, class, reasoning_texts};
use casebook_core::grade::import::ClassZip;
use casebook_core::grade::platform::{Origin, Platform};
use casebook_core::grade::roster::{self, Roster};
use casebook_core::grade::similarity::{self, Reasonings};
use casebook_core::grade::{Graded, Model, Submission};
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
    /// The platform's class list, which gives the ids its import needs (`--roster`): the
    /// coordinator's only.
    roster: Option<Roster>,
    /// The coordinator's: the submissions as named, without their files (the renderers load
    /// those), and the files' bytes one after another until the page has taken them.
    named: Vec<Named>,
    sources: Vec<u8>,
    /// The coordinator's: per submission once marked, its result, reasoning and (with a
    /// platform, for its feedback zip) feedback files.
    marked: Vec<Option<Marked>>,
    /// The coordinator's: the class's zip, the marked submissions' feedback written into it in
    /// their order (`written` of them so far).
    zip: Option<ClassZip>,
    written: usize,
    /// The overview's files, once made.
    overview: Vec<(String, Vec<u8>)>,
}

/// A submission as the coordinator named it: what its result takes from the platform's download.
struct Named {
    file: String,
    student: String,
    slug: String,
    origin: Option<Origin>,
    others: Vec<String>,
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
        let case = class::load_model(Path::new(model_name), model)
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
            named: Vec::new(),
            sources: Vec::new(),
            marked: Vec::new(),
            zip: None,
            written: 0,
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
                // The files' loads are the renderers' business: only the names and bytes stay.
                let mut sources = Vec::new();
                class.named = Vec::new();
                for (submission, (path, bytes)) in submissions {
                    reply.submissions.push((
                        submission.file.clone(),
                        submission.student.clone(),
                        submission.slug.clone(),
                        path,
                        bytes.len(),
                    ));
                    sources.extend(bytes);
                    class.named.push(Named {
                        file: submission.file,
                        student: submission.student,
                        slug: submission.slug,
                        origin: submission.origin,
                        others: submission.others,
                    });
                }
                class.sources = sources;
                class.marked = class.named.iter().map(|_| None).collect();
                class.zip = Some(ClassZip::new());
            }
            Err(diagnostics) => reply.diagnostics = diagnostics,
        }
        answer(reply)
    })
}

/// The bytes of all the coordinator's submissions, one after another (each as long as
/// [`grade_read`] said): the page hands each to a renderer without asking the coordinator again,
/// and the coordinator keeps none of them.
#[wasm_bindgen]
pub fn grade_sources() -> Result<Vec<u8>, JsError> {
    with_class(|class| std::mem::take(&mut class.sources))
}

/// One submission graded by a renderer, as it hands it to the coordinator: its result, its
/// reasoning's texts for the similarity check (when it was compared), and its feedback files
/// (extension, byte count; their bytes follow) or why they could not be made.
#[derive(Serialize, Deserialize)]
struct Rendered {
    graded: Graded,
    texts: Option<Vec<(String, String)>>,
    files: Vec<(String, usize)>,
    diagnostics: Vec<Diagnostic>,
}

/// A renderer grades one submission (its file name, student, slug, the path it is loaded under
/// and its bytes) and renders its feedback: a header (4 bytes of length, then [`Rendered`] in
/// CBOR, which keeps the marks' numbers exact) and the files' bytes after it.
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
        let submission = loaded(file, student, slug, path, bytes);
        let one = class
            .engine
            .grade_one(&submission, &class.model, class.reveal, class.formats);
        let texts = texts_of(&one);
        let mut rendered = Rendered {
            graded: one.graded,
            texts,
            files: Vec::new(),
            diagnostics: Vec::new(),
        };
        let mut body = Vec::new();
        match one.files {
            Ok(files) => {
                for (extension, bytes) in files {
                    rendered.files.push((extension.to_string(), bytes.len()));
                    body.extend(bytes);
                }
            }
            Err(diagnostics) => rendered.diagnostics = diagnostics,
        }
        let mut header = Vec::new();
        ciborium::into_writer(&rendered, &mut header)
            .map_err(|err| JsError::new(&err.to_string()))?;
        Ok(pack(&header, &body))
    })?
}

/// A submission named by the coordinator, its file (`bytes`) loaded under `path`.
fn loaded(file: &str, student: &str, slug: &str, path: &str, bytes: Vec<u8>) -> Submission {
    Submission {
        file: file.to_string(),
        student: student.to_string(),
        slug: slug.to_string(),
        load: class::load_entry(Path::new(path), bytes),
        origin: None,
        others: Vec::new(),
    }
}

/// The texts of a submission's reasoning for the similarity check, when it was compared.
fn texts_of(one: &GradedOne) -> Option<Vec<(String, String)>> {
    one.reasonings.as_ref()?;
    Some(reasoning_texts(one.graded.comparison.as_ref()?))
}

/// `header` (4 bytes of its length first) and `body` after it.
fn pack(header: &[u8], body: &[u8]) -> Vec<u8> {
    let mut packed = (header.len() as u32).to_le_bytes().to_vec();
    packed.extend(header);
    packed.extend(body);
    packed
}

fn unpack(packed: &[u8]) -> (&[u8], &[u8]) {
    let length = packed
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b| u32::from_le_bytes(b) as usize);
    let header = packed.get(4..4 + length).unwrap_or_default();
    let body = packed.get(4 + length..).unwrap_or_default();
    (header, body)
}

/// The coordinator marks submission `index` with what a renderer handed it (`packed`, from
/// [`grade_render`]); when the renderer could not finish it (nothing packed), it grades the
/// submission itself from its file (`path`, `bytes`), without feedback. Its feedback goes into
/// the class's zip as soon as every submission before it has. Returns `{student, status, mark}`
/// as JSON for the page's progress, packed as [`grade_render`]'s header with the class zip's
/// next finished bytes after it.
#[wasm_bindgen]
pub fn grade_mark(
    index: usize,
    packed: Vec<u8>,
    path: &str,
    bytes: Vec<u8>,
) -> Result<Vec<u8>, JsError> {
    with_class(|class| {
        let named = class.named.get(index)?;
        let (header, body) = unpack(&packed);
        let (mut graded, texts, files) = match ciborium::from_reader::<Rendered, _>(header) {
            Ok(rendered) => {
                let Rendered {
                    mut graded,
                    texts,
                    files,
                    diagnostics,
                } = rendered;
                let mut kept = Vec::new();
                if diagnostics.is_empty() {
                    let mut at = 0;
                    for (extension, size) in files {
                        let end = (at + size).min(body.len());
                        let path = class::feedback_path(&graded.slug, &extension);
                        kept.push((path.clone(), body[at..end].to_vec()));
                        graded.feedback.push((extension, path));
                        at = end;
                    }
                } else {
                    graded.diagnostics.extend(diagnostics);
                    graded.unwritten = true;
                }
                (graded, texts, kept)
            }
            Err(_) => {
                let submission = loaded(&named.file, &named.student, &named.slug, path, bytes);
                let nothing = Formats {
                    markdown: false,
                    html: false,
                    pdf: false,
                    docx: false,
                };
                let one = class
                    .engine
                    .grade_one(&submission, &class.model, class.reveal, nothing);
                let texts = texts_of(&one);
                (one.graded, texts, Vec::new())
            }
        };
        graded.origin = named.origin.clone();
        graded.others = named.others.clone();
        let progress = serde_json::json!({
            "student": graded.student,
            "status": graded.status.key(),
            "mark": graded.mark.map(|m| m.value),
        });
        class.marked[index] = Some(Marked {
            graded,
            reasonings: texts.map(|texts| Reasonings::new(&texts)),
            files,
        });
        let zipped = write_marked(class);
        Some(pack(progress.to_string().as_bytes(), &zipped))
    })?
    .ok_or_else(|| JsError::new("no such submission"))
}

/// The feedback of the marked submissions not yet in the class's zip, written into it in the
/// submissions' order (up to one not marked yet); the zip's bytes that are final now. The files
/// stay only when the platform's feedback zip needs them.
fn write_marked(class: &mut Class) -> Vec<u8> {
    let Some(zip) = class.zip.as_mut() else {
        return Vec::new();
    };
    while class.written < class.marked.len() {
        let Some(marked) = class.marked[class.written].as_mut() else {
            break;
        };
        for (name, bytes) in &marked.files {
            // A file that cannot go in would leave the zip unreadable: the zip is refused at the end.
            if zip.add(name, bytes).is_err() {
                class.zip = None;
                return Vec::new();
            }
        }
        if class.lms.is_none() {
            marked.files = Vec::new();
        }
        class.written += 1;
    }
    zip.take()
}

/// The coordinator's results so far (all of them, or those marked before the teacher stopped),
/// laid out as `casebook grade --out` writes them: the rest of the class's zip (the feedback not
/// yet handed out with [`grade_mark`], then the overview's files); the overview's files stay for
/// [`grade_page`].
#[wasm_bindgen]
pub fn grade_finish() -> Result<Vec<u8>, JsError> {
    with_class(|class| {
        // Those marked after one that was not (a renderer stopped halfway) go in too.
        let mut zipped = Vec::new();
        while class.written < class.marked.len() && class.zip.is_some() {
            zipped.extend(write_marked(class));
            if class.marked.get(class.written).is_some_and(Option::is_none) {
                class.written += 1;
            }
        }
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
        let mut zip = class.zip.take()?;
        for (name, bytes) in &class.overview {
            zip.add(name, bytes).ok()?;
        }
        zipped.extend(zip.finish().ok()?);
        Some(zipped)
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
