//! The user's files read into what the engine takes: a case file into a loaded case, a rubric
//! file and a `--templates` folder into texts. Every failure is a diagnostic that names the file.

use std::path::{Path, PathBuf};

use casebook_core::case::{LoadedCase, load_source};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::Settings;
use casebook_core::lang::Position;
use casebook_core::messages::{io_reason, user_language};
use casebook_core::render::context::Edition;
use casebook_core::rubric::{RUBRIC_FILE, Rubric};
use casebook_core::templates::{TemplateFolder, is_builtin, template_error};

/// Reads and validates one case file. `Err` holds the diagnostics of a case that could not be
/// read at all, together with its text when there is one (for source snippets).
pub fn load_case(path: &Path) -> Result<LoadedCase, (Option<String>, Vec<Diagnostic>)> {
    let bytes = std::fs::read(path).map_err(|err| {
        let language = user_language();
        let reason = io_reason(&err, language);
        let values = [("reason", reason.as_str())];
        let at = Position::default();
        let d = Diagnostic::worded(path, at, language, "FILE-READ", "unreadable", &values);
        (None, vec![d])
    })?;
    load_source(path, bytes)
}

/// The rubric given, else `casebook.toml` in `folder` when there is one (else the defaults).
pub fn rubric_path(given: Option<&Path>, folder: &Path) -> Option<PathBuf> {
    let beside = folder.join(RUBRIC_FILE);
    given
        .map(Path::to_path_buf)
        .or_else(|| beside.is_file().then_some(beside))
}

/// The rubric file's text, or why it cannot be read.
fn rubric_text(path: &Path) -> Result<String, Diagnostic> {
    std::fs::read_to_string(path).map_err(|err| {
        let language = user_language();
        let reason = io_reason(&err, language);
        let values = [("reason", reason.as_str())];
        let at = Position::default();
        Diagnostic::worded(path, at, language, "RUBRIC", "unreadable", &values)
    })
}

/// The rubric at `path` (the defaults without one), parsed.
pub fn rubric(path: Option<&Path>) -> Result<Rubric, Diagnostic> {
    match path {
        Some(path) => Rubric::parse(path, &rubric_text(path)?),
        None => Ok(Rubric::default()),
    }
}

/// A `--templates` folder's files, the built-in names' texts read.
pub fn template_folder(folder: &Path) -> Result<TemplateFolder, Diagnostic> {
    use casebook_core::templates::folder_error;
    if !folder.exists() {
        return Err(folder_error(folder, "folder_missing"));
    }
    if !folder.is_dir() {
        return Err(folder_error(folder, "not_a_folder"));
    }
    // The folder's files and those of its `locale/` and `report/` folders (the typst report's
    // parts), by their name as the engine has it.
    let mut files = Vec::new();
    for (prefix, dir) in [
        ("", folder.to_path_buf()),
        ("locale/", folder.join("locale")),
        ("report/", folder.join("report")),
    ] {
        let entries = std::fs::read_dir(&dir).into_iter().flatten().flatten();
        for entry in entries.filter(|e| e.file_type().is_ok_and(|t| t.is_file())) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let name = format!("{prefix}{name}");
            let path = entry.path();
            let text = if is_builtin(&name) {
                let text = std::fs::read_to_string(&path)
                    .map_err(|err| template_error(&path, io_reason(&err, user_language())))?;
                Some(text)
            } else {
                None
            };
            files.push((name, path, text));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(TemplateFolder {
        path: folder.to_path_buf(),
        files,
    })
}

/// What shapes a build, as the command line names it: files to read into the engine's
/// [`Settings`] (again whenever a watched one changes).
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    pub templates: Option<PathBuf>,
    pub rubric: Option<PathBuf>,
    pub edition: Edition,
    pub handout: bool,
    pub pdf_standards: Option<Vec<String>>,
}

impl Inputs {
    /// The files to watch beside the cases.
    pub fn files(&self) -> impl Iterator<Item = &PathBuf> {
        self.templates.iter().chain(&self.rubric)
    }

    /// The engine's settings, the files read.
    pub fn settings(&self) -> Result<Settings, Vec<Diagnostic>> {
        let templates = match &self.templates {
            Some(folder) => Some(template_folder(folder).map_err(|d| vec![d])?),
            None => None,
        };
        let rubric = match &self.rubric {
            Some(path) => Some((path.clone(), rubric_text(path).map_err(|d| vec![d])?)),
            None => None,
        };
        Ok(Settings {
            templates,
            rubric,
            edition: self.edition,
            handout: self.handout,
            pdf_standards: self.pdf_standards.clone(),
            pdf: Some(casebook_pdf::maker),
        })
    }
}
