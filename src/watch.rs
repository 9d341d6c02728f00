//! `casebook watch`: build, then rebuild whenever a case, the rubric or a template is saved.
//! Saves are debounced (editors write several events per save); a broken intermediate save
//! prints its error and the watcher waits for the next one.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::case::Position;
use crate::diagnostics::Diagnostic;

/// How long to wait for an editor to finish writing before building.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Watches `folders` and calls `rebuild` after every burst of relevant changes, until the
/// channel closes. `rebuild` receives whether a template or rubric changed (a full reload).
pub fn watch(
    folders: &[PathBuf],
    out: &Path,
    mut rebuild: impl FnMut(bool),
) -> Result<(), Diagnostic> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .map_err(|err| watch_error(out, err))?;
    for folder in folders.iter().filter(|f| f.exists()) {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|err| watch_error(folder, err))?;
    }
    let out = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    while let Ok(first) = receiver.recv() {
        let mut events = vec![first];
        while let Ok(next) = receiver.recv_timeout(DEBOUNCE) {
            events.push(next);
        }
        let paths: Vec<PathBuf> = events
            .into_iter()
            .flatten()
            .flat_map(|e: notify::Event| e.paths)
            .filter(|p| !p.starts_with(&out))
            .collect();
        if paths.iter().any(|p| is_case(p) || is_setting(p)) {
            rebuild(paths.iter().any(|p| is_setting(p)));
        }
    }
    Ok(())
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
        crate::messages::user_language(),
        "WATCH",
        "failed",
        &[("reason", &err.to_string())],
    )
}
