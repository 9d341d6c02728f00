//! `casebook watch`: build, then rebuild whenever a case, the rubric or a template is saved.
//! Saves are debounced (editors write several events per save); a broken intermediate save
//! prints its error and the watcher waits for the next one.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};

use casebook_core::case::Position;
use casebook_core::diagnostics::Diagnostic;

/// How long to wait for an editor to finish writing before building.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// A watch on cases, templates and the rubric, subscribed from [`Watch::start`] on, so that a
/// save during the first build is not missed.
pub struct Watch {
    // Dropping it ends the subscription.
    _watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    targets: Vec<Target>,
    out: PathBuf,
}

impl Watch {
    /// Watches `paths`: folders, at any depth, or single files; changes in `out` (the build's
    /// own writes) do not count.
    pub fn start(paths: &[PathBuf], out: &Path) -> Result<Self, Diagnostic> {
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = sender.send(event);
        })
        .map_err(|err| watch_error(out, err))?;
        let targets: Vec<Target> = paths.iter().filter_map(|p| Target::of(p)).collect();
        for target in &targets {
            let (path, mode) = match target {
                Target::Folder(folder) => (folder, RecursiveMode::Recursive),
                Target::File { folder, .. } => (folder, RecursiveMode::NonRecursive),
            };
            watcher
                .watch(path, mode)
                .map_err(|err| watch_error(path, err))?;
        }
        // The build would make it anyway; made now, its absolute path is known before the first
        // build writes there (else those writes would start a rebuild, and so on forever).
        let _ = std::fs::create_dir_all(out);
        let out = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
        Ok(Self {
            _watcher: watcher,
            events,
            targets,
            out,
        })
    }

    /// Calls `rebuild` after every burst of relevant changes, until [`crate::parallel::stop`]
    /// is called (Ctrl-C). `rebuild` receives whether a template or rubric changed (a full
    /// reload).
    pub fn run(self, mut rebuild: impl FnMut(bool)) {
        while !crate::parallel::stopped() {
            let first = match self.events.recv_timeout(STOP_CHECK) {
                Ok(first) => first,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            let mut events = vec![first];
            while let Ok(next) = self.events.recv_timeout(DEBOUNCE) {
                events.push(next);
            }
            let paths: Vec<PathBuf> = events
                .into_iter()
                .flatten()
                .filter(|e: &notify::Event| changes_content(&e.kind))
                .flat_map(|e| e.paths)
                .filter(|p| !p.starts_with(&self.out) && self.targets.iter().any(|t| t.covers(p)))
                .collect();
            if paths.iter().any(|p| is_case(p) || is_setting(p)) {
                rebuild(paths.iter().any(|p| is_setting(p)));
            }
        }
    }
}

/// How often a waiting watcher looks whether Ctrl-C was pressed.
const STOP_CHECK: Duration = Duration::from_millis(200);

/// What is watched. A single file is followed by its name in its folder, not by the file
/// itself: an editor that saves by writing a new file and renaming it over the old one (vim,
/// `sed -i`) replaces the file that was watched, and a watch on it sees no later save.
enum Target {
    Folder(PathBuf),
    File { folder: PathBuf, name: OsString },
}

impl Target {
    /// The target for `path`, with absolute paths (the events carry the paths watched); `None`
    /// for a path that does not exist.
    fn of(path: &Path) -> Option<Self> {
        let absolute = path.canonicalize().ok()?;
        if absolute.is_dir() {
            return Some(Self::Folder(absolute));
        }
        let name = absolute.file_name()?.to_os_string();
        let folder = absolute.parent()?.to_path_buf();
        Some(Self::File { folder, name })
    }

    /// Whether a change to `path` is a change to what is watched: in a followed file's folder,
    /// only that file counts, not the other cases or an editor's swap files beside it.
    fn covers(&self, path: &Path) -> bool {
        match self {
            Self::Folder(folder) => path.starts_with(folder),
            Self::File { folder, name } => {
                path.parent() == Some(folder.as_path()) && path.file_name() == Some(name)
            }
        }
    }
}

/// A file created, written, renamed or removed; not an open, a read or a change of its times or
/// permissions, which every build causes itself (reading the cases) and which would make the
/// watcher rebuild forever.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(change) => !matches!(change, ModifyKind::Metadata(_)),
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

fn is_case(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Templates, locale files and the rubric: a change to one rebuilds every case.
fn is_setting(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("tera" | "typ" | "toml" | "css")
    )
}

fn watch_error(path: &Path, err: notify::Error) -> Diagnostic {
    Diagnostic::worded(
        path,
        Position::default(),
        casebook_core::messages::user_language(),
        "WATCH",
        "failed",
        &[("reason", &err.to_string())],
    )
}
