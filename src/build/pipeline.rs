//! `casebook build`: load → assess → render → write for every case, in parallel, skipping
//! unchanged cases, never letting one broken case stop the others or half-write a file.

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::build::discover::find_cases;
use crate::build::manifest::{MANIFEST_FILE, Manifest, ManifestEntry, case_file_from, case_hash};
use crate::build::output::{check_writable, sweep_temporaries, write_atomic};
use crate::parallel::{in_parallel, workers};
use crate::read::load_case;
use casebook_core::case::{LoadedCase, Position, load_source};
use casebook_core::diagnostics::{Diagnostic, Severity};
use casebook_core::engine::{Engine, Formats};
use casebook_core::messages::{io_reason, user_language};
use casebook_core::render::index::{self, IndexEntry};

/// What `build` is asked to do (the library's view; the CLI maps its flags onto this).
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub cases: PathBuf,
    pub out: PathBuf,
    pub formats: Formats,
    /// Worker threads; `None` = one per core.
    pub jobs: Option<usize>,
    /// Rebuild every case even when nothing changed.
    pub force: bool,
}

/// What happened to one case.
#[derive(Clone, Debug)]
pub enum CaseStatus {
    Built,
    Skipped,
    /// Not built; `kept_previous` says whether the output of an earlier build was left in place.
    Failed {
        kept_previous: bool,
    },
}

#[derive(Clone, Debug)]
pub struct CaseOutcome {
    pub path: PathBuf,
    pub slug: String,
    pub status: CaseStatus,
    /// Diagnostics and findings, with the case text for source snippets.
    pub diagnostics: Vec<Diagnostic>,
    pub source: Option<String>,
    entry: Option<ManifestEntry>,
}

/// What a build did, for the summary line and the exit code.
#[derive(Debug)]
pub struct BuildReport {
    /// The cases handled, in path order; after [`stop`], only those started before it.
    pub cases: Vec<CaseOutcome>,
    /// How many cases were not started because the build was stopped.
    pub not_started: usize,
    /// Problems not tied to one case (the index page, the manifest, a removed output).
    pub general: Vec<Diagnostic>,
    pub removed: Vec<String>,
    pub elapsed: Duration,
}

impl BuildReport {
    pub fn count(&self, wanted: fn(&CaseStatus) -> bool) -> usize {
        self.cases.iter().filter(|c| wanted(&c.status)).count()
    }

    pub fn warnings(&self) -> usize {
        self.cases
            .iter()
            .flat_map(|c| &c.diagnostics)
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn failed(&self) -> bool {
        self.count(|s| matches!(s, CaseStatus::Failed { .. })) > 0
            || self.general.iter().any(Diagnostic::is_error)
    }
}

/// Told about a build's progress (a progress bar, or plain lines).
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn case_started(&self, path: &Path);
    fn case_finished(&self, outcome: &CaseOutcome);
}

/// Builds every case under `options.cases` into `options.out`. `Err` means the build could not
/// start at all (no such folder, no cases, a broken rubric or template).
pub fn build(
    options: &BuildOptions,
    renderers: &Engine,
    progress: &dyn Progress,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let nowhere = Position::default();
    let said = |code, situation, values: &[(&str, &str)]| {
        vec![Diagnostic::worded(
            &options.cases,
            nowhere,
            user_language(),
            code,
            situation,
            values,
        )]
    };
    let paths = find_cases(&options.cases, "none").map_err(|d| vec![d])?;
    check_writable(&options.out).map_err(|err| {
        let (language, at) = (user_language(), Position::default());
        let reason = io_reason(&err, language);
        let values = [("reason", reason.as_str())];
        vec![Diagnostic::worded(
            &options.out,
            at,
            language,
            "WRITE",
            "out",
            &values,
        )]
    })?;
    let previous = if options.force {
        Manifest::default()
    } else {
        Manifest::read(&options.out)
    };
    let kept = Manifest::read(&options.out);
    sweep_temporaries(&options.out);
    let slugs = assign_slugs(options, &paths, &kept);
    progress.start(paths.len());
    let jobs = workers(options.jobs);
    let work: Vec<(&PathBuf, &Result<String, (String, PathBuf)>)> =
        paths.iter().zip(slugs.iter()).collect();
    let cases = in_parallel(jobs, &work, |(path, slug)| {
        progress.case_started(path);
        let outcome = build_one(path, slug, options, renderers, &previous, &kept);
        progress.case_finished(&outcome);
        outcome
    })
    .map_err(|err| said("INTERNAL", "threads", &[("reason", &err.to_string())]))?;
    let mut report = BuildReport {
        not_started: paths.len() - cases.len(),
        cases,
        general: Vec::new(),
        removed: Vec::new(),
        elapsed: Duration::ZERO,
    };
    finish(options, renderers, &kept, &mut report);
    report.elapsed = started.elapsed();
    Ok(report)
}

/// One slug per case file, from its path relative to the folder being built; the second of two
/// files that would write the same folder gets the slug and the first file's path instead. A
/// single file keeps the name an earlier build of its folder gave it (`jan-opdracht`), so
/// building it alone updates the same output.
fn assign_slugs(
    options: &BuildOptions,
    paths: &[PathBuf],
    kept: &Manifest,
) -> Vec<Result<String, (String, PathBuf)>> {
    if options.cases.is_file() {
        let case_file = case_file_from(&options.out, &options.cases);
        let recorded = kept.cases.iter().find(|(_, e)| e.case_file == case_file);
        let slug = recorded.map_or_else(
            || {
                casebook_core::case::slug_of(Path::new(
                    options.cases.file_name().unwrap_or_default(),
                ))
            },
            |(slug, _)| slug.clone(),
        );
        return vec![Ok(slug)];
    }
    let mut first: HashMap<String, &PathBuf> = HashMap::new();
    paths
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(&options.cases).unwrap_or(path);
            let slug = casebook_core::case::slug_of(relative);
            match first.get(&slug) {
                Some(earlier) => Err((slug, (*earlier).clone())),
                None => {
                    first.insert(slug.clone(), path);
                    Ok(slug)
                }
            }
        })
        .collect()
}

fn build_one(
    path: &Path,
    slug: &Result<String, (String, PathBuf)>,
    options: &BuildOptions,
    renderers: &Engine,
    previous: &Manifest,
    kept: &Manifest,
) -> CaseOutcome {
    let nowhere = Position::default();
    let said = |code, situation, values: &[(&str, &str)]| {
        vec![Diagnostic::worded(
            path,
            nowhere,
            user_language(),
            code,
            situation,
            values,
        )]
    };
    let failed = |slug: String, diagnostics: Vec<Diagnostic>, source: Option<String>| {
        let entry = kept.cases.get(&slug).cloned().map(|mut entry| {
            entry.index.stale = true;
            entry
        });
        CaseOutcome {
            path: path.to_path_buf(),
            slug,
            status: CaseStatus::Failed {
                kept_previous: entry.is_some(),
            },
            diagnostics,
            source,
            entry,
        }
    };
    let slug = match slug {
        Ok(slug) => slug.clone(),
        Err((slug, earlier)) => {
            let (file, other) = (path.display().to_string(), earlier.display().to_string());
            let mut diagnostics =
                said("SLUG-CLASH", "clash", &[("file", &file), ("other", &other)]);
            // The case's own problems still show, so the student fixes them in one go.
            let (own, source) = match load_case(path) {
                Ok(case) => (case.diagnostics, Some(case.source)),
                Err((source, diagnostics)) => (diagnostics, source),
            };
            diagnostics.extend(own);
            // The folder is the other file's: this one neither keeps nor claims its output.
            return CaseOutcome {
                path: path.to_path_buf(),
                slug: slug.clone(),
                status: CaseStatus::Failed {
                    kept_previous: false,
                },
                diagnostics,
                source,
                entry: None,
            };
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            let reason = io_reason(&err, user_language());
            let d = said("FILE-READ", "unreadable", &[("reason", &reason)]);
            return failed(slug, d, None);
        }
    };
    let hash = case_hash(&renderers.fingerprint, &bytes);
    if previous.is_fresh(&slug, &hash, &options.formats.names(), &options.out) {
        let entry = previous.cases.get(&slug).cloned();
        let diagnostics: Vec<Diagnostic> = entry.iter().flat_map(|e| e.replayed(path)).collect();
        return CaseOutcome {
            path: path.to_path_buf(),
            slug,
            status: CaseStatus::Skipped,
            // The text is the one the warnings were found in: its hash is unchanged.
            source: (!diagnostics.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned()),
            diagnostics,
            entry,
        };
    }
    // A panic is a bug of ours (here or in a library); it must cost this one case, not the build.
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let case = match load_source(path, bytes) {
            Ok(case) if !case.has_errors() => LoadedCase {
                slug: slug.clone(),
                ..case
            },
            Ok(case) => return failed(slug.clone(), case.diagnostics, Some(case.source)),
            Err((source, diagnostics)) => return failed(slug.clone(), diagnostics, source),
        };
        match render_and_write(&case, &slug, &hash, options, renderers) {
            Ok((entry, diagnostics)) => CaseOutcome {
                path: path.to_path_buf(),
                slug: slug.clone(),
                status: CaseStatus::Built,
                diagnostics,
                source: Some(case.source),
                entry: Some(entry),
            },
            Err(diagnostics) => failed(slug.clone(), diagnostics, Some(case.source)),
        }
    }));
    outcome.unwrap_or_else(|_| failed(slug.clone(), said("INTERNAL", "panic", &[]), None))
}

/// Renders every format of one case and writes the files; nothing is written unless every
/// format rendered, so a case never ends up with a mix of old and new files.
fn render_and_write(
    case: &LoadedCase,
    slug: &str,
    hash: &str,
    options: &BuildOptions,
    renderers: &Engine,
) -> Result<(ManifestEntry, Vec<Diagnostic>), Vec<Diagnostic>> {
    let rendered = renderers.render(case, options.formats)?;
    let mut files = Vec::new();
    for (name, bytes) in &rendered.files {
        let relative = format!("{slug}/{name}");
        write_atomic(&options.out.join(&relative), bytes).map_err(|err| {
            let language = user_language();
            let reason = io_reason(&err, language);
            let file = options.out.join(&relative);
            let at = Position::default();
            vec![Diagnostic::worded(
                &file,
                at,
                language,
                "WRITE",
                "file",
                &[("reason", &reason)],
            )]
        })?;
        files.push(relative);
    }
    let in_folder = |links: &[(String, String)]| {
        links
            .iter()
            .map(|(kind, name)| (kind.clone(), format!("{slug}/{name}")))
            .collect()
    };
    let (links, handout) = (in_folder(&rendered.links), in_folder(&rendered.handout));
    let index = IndexEntry::new(
        case,
        &rendered.assessment,
        renderers.edition,
        links,
        handout,
    );
    let entry = ManifestEntry {
        case_file: case_file_from(&options.out, &case.path),
        hash: hash.to_string(),
        formats: options.formats.names(),
        files,
        index,
        warnings: ManifestEntry::kept(&case.path, &rendered.diagnostics),
    };
    Ok((entry, rendered.diagnostics))
}

/// Removes the output of cases whose file is gone, then writes the index and the manifest. A
/// case this build was not asked about (another folder, a single file) keeps its output and
/// its place in the index.
fn finish(options: &BuildOptions, renderers: &Engine, kept: &Manifest, report: &mut BuildReport) {
    let mut manifest = Manifest {
        cases: BTreeMap::new(),
    };
    for outcome in &report.cases {
        if let Some(entry) = &outcome.entry {
            manifest.cases.insert(outcome.slug.clone(), entry.clone());
        }
    }
    for (slug, entry) in &kept.cases {
        let built_now = report.cases.iter().any(|c| &c.slug == slug);
        if built_now {
            continue;
        }
        if entry.case_file_exists(&options.out) {
            manifest.cases.insert(slug.clone(), entry.clone());
            continue;
        }
        for file in &entry.files {
            let path = options.out.join(file);
            if let Err(err) = std::fs::remove_file(&path) {
                if err.kind() != std::io::ErrorKind::NotFound {
                    let language = user_language();
                    let reason = io_reason(&err, language);
                    let at = Position::default();
                    let values = [("reason", reason.as_str())];
                    report.general.push(
                        Diagnostic::worded(&path, at, language, "REMOVE", "removed", &values)
                            .with_severity(Severity::Warning),
                    );
                }
            }
        }
        // Only an emptied folder goes; anything a user put there stays.
        let _ = std::fs::remove_dir(options.out.join(slug));
        report.removed.push(slug.clone());
    }
    let entries: Vec<&IndexEntry> = manifest.cases.values().map(|e| &e.index).collect();
    let written = index::render_index(&renderers.templates, renderers.edition, &entries)
        .and_then(|html| {
            write_atomic(&options.out.join("index.html"), html.as_bytes())
                .map_err(|err| index_error(options, err))
        })
        .and_then(|()| {
            write_atomic(&options.out.join(MANIFEST_FILE), &manifest.to_json())
                .map_err(|err| index_error(options, err))
        });
    if let Err(d) = written {
        report.general.push(d);
    }
}

fn index_error(options: &BuildOptions, err: std::io::Error) -> Diagnostic {
    let language = user_language();
    let reason = io_reason(&err, language);
    let at = Position::default();
    Diagnostic::worded(
        &options.out,
        at,
        language,
        "WRITE",
        "index",
        &[("reason", &reason)],
    )
}
