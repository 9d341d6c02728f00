//! The report templates: built in, each overridable by a file of the same name in a
//! `--templates` folder (a school's or publisher's branding), which the shell reads into a
//! [`TemplateFolder`]; parsed once per build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera};

use crate::diagnostics::{Diagnostic, Severity};
use crate::lang::{Language, Position};
use crate::locale::Locale;

/// (file name, built-in text) of every template and locale file. A template comes after the
/// ones it includes: tera resolves an include when the including template is added.
const BUILTIN: [(&str, &str); 21] = [
    // Partials first: a template can include only what is already loaded.
    (
        "worksheet.html.tera",
        include_str!("../../templates/worksheet.html.tera"),
    ),
    (
        "worksheet.md.tera",
        include_str!("../../templates/worksheet.md.tera"),
    ),
    (
        "sortable.html.tera",
        include_str!("../../templates/sortable.html.tera"),
    ),
    (
        "comparison.html.tera",
        include_str!("../../templates/comparison.html.tera"),
    ),
    (
        "comparison.md.tera",
        include_str!("../../templates/comparison.md.tera"),
    ),
    (
        "report.md.tera",
        include_str!("../../templates/report.md.tera"),
    ),
    (
        "report.html.tera",
        include_str!("../../templates/report.html.tera"),
    ),
    (
        "index.html.tera",
        include_str!("../../templates/index.html.tera"),
    ),
    ("report.typ", include_str!("../../templates/report.typ")),
    // The parts report.typ imports (and includes), each overridable in a `report/` folder.
    (
        "report/data.typ",
        include_str!("../../templates/report/data.typ"),
    ),
    (
        "report/style.typ",
        include_str!("../../templates/report/style.typ"),
    ),
    (
        "report/helpers.typ",
        include_str!("../../templates/report/helpers.typ"),
    ),
    (
        "report/worksheet.typ",
        include_str!("../../templates/report/worksheet.typ"),
    ),
    (
        "report/figures.typ",
        include_str!("../../templates/report/figures.typ"),
    ),
    (
        "report/pages.typ",
        include_str!("../../templates/report/pages.typ"),
    ),
    (
        "report/feedback.typ",
        include_str!("../../templates/report/feedback.typ"),
    ),
    (
        "grades.html.tera",
        include_str!("../../templates/grades.html.tera"),
    ),
    (
        "unloadable.html.tera",
        include_str!("../../templates/unloadable.html.tera"),
    ),
    (
        "unloadable.md.tera",
        include_str!("../../templates/unloadable.md.tera"),
    ),
    (
        "locale/nl.toml",
        include_str!("../../templates/locale/nl.toml"),
    ),
    (
        "locale/en.toml",
        include_str!("../../templates/locale/en.toml"),
    ),
];

/// A `--templates` folder as the shell found it: every file in it and in its `locale/` folder, by
/// the name [`BUILTIN`] would give it (`report.html.tera`, `locale/nl.toml`), with its text when
/// that name is a built-in one (other files are only warned about).
#[derive(Clone, Debug, Default)]
pub struct TemplateFolder {
    pub path: PathBuf,
    /// (name, path, text), sorted by name.
    pub files: Vec<(String, PathBuf, Option<String>)>,
}

/// The built-in parts of the typst report template (`report/data.typ`…), with their texts.
pub fn builtin_typst_parts() -> Vec<(String, PathBuf, String)> {
    BUILTIN
        .iter()
        .filter(|(name, _)| name.starts_with("report/"))
        .map(|(name, text)| {
            (
                name.to_string(),
                Path::new("templates").join(name),
                text.to_string(),
            )
        })
        .collect()
}

/// Whether `name` (as [`TemplateFolder`] spells it) replaces a built-in template or locale.
pub fn is_builtin(name: &str) -> bool {
    BUILTIN.iter().any(|(builtin, _)| *builtin == name)
}

/// The loaded templates and locales of one build.
pub struct Templates {
    tera: Tera,
    /// Where each template's text came from (`report.html` → the override's file, or the
    /// built-in `templates/report.html.tera`), so that its errors name the file to fix.
    sources: HashMap<String, PathBuf>,
    /// Files in the `--templates` folder that replace nothing, and labels of a locale override
    /// that no template uses: each with a did-you-mean when a known name is close.
    pub warnings: Vec<Diagnostic>,
    /// The typst report template's text and the name its diagnostics point at.
    pub typst: (PathBuf, String),
    /// The parts it imports, by the path it imports them at (`report/data.typ`), with the name
    /// their diagnostics point at and their text.
    pub typst_parts: Vec<(String, PathBuf, String)>,
    nl: Locale,
    en: Locale,
    /// blake3 over every template and locale text: a change to any of them rebuilds every case.
    pub fingerprint: blake3::Hash,
}

impl Templates {
    /// The built-in templates, with the files of `overrides` taking their place.
    pub fn new(overrides: Option<&TemplateFolder>) -> Result<Templates, Diagnostic> {
        let mut warnings = match overrides {
            Some(folder) => check_overrides(folder)?,
            None => Vec::new(),
        };
        let mut hasher = blake3::Hasher::new();
        let mut texts = Vec::new();
        for (name, builtin) in BUILTIN {
            let replaced = overrides
                .into_iter()
                .flat_map(|f| &f.files)
                .find_map(|file| {
                    let (found, path, text) = file;
                    (found == name).then(|| text.clone().map(|text| (path.clone(), text)))?
                });
            let (path, text) = match replaced {
                Some(replaced) => replaced,
                None => (Path::new("templates").join(name), builtin.to_string()),
            };
            hasher.update(name.as_bytes());
            hasher.update(text.as_bytes());
            texts.push((name, path, text));
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.register_filter("cell", |text: &str, _: Kwargs, _: &State| {
            crate::markdown::table_cell(text)
        });
        tera.register_filter("upper_first", |text: &str, _: Kwargs, _: &State| {
            let mut chars = text.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        });
        tera.register_filter("prose", |html: &str, _: Kwargs, _: &State| {
            crate::markdown::as_block(html)
        });
        tera.register_filter("md", |text: &str, _: Kwargs, _: &State| {
            crate::markdown::escape(text)
        });
        let mut typst = (PathBuf::new(), String::new());
        let mut typst_parts = Vec::new();
        let mut locales = Vec::new();
        let mut sources = HashMap::new();
        for (name, path, text) in texts {
            if let Some(template) = name.strip_suffix(".tera") {
                tera.add_raw_template(template, &text)
                    .map_err(|err| template_error(&path, err.to_string()))?;
                sources.insert(template.to_string(), path);
            } else if name == "report.typ" {
                typst = (path, text);
            } else if name.ends_with(".typ") {
                typst_parts.push((name.to_string(), path, text));
            } else {
                let language = if name.contains("/nl.") {
                    Language::Nl
                } else {
                    Language::En
                };
                let locale = Locale::parse(language, &text)
                    .map_err(|err| template_error(&path, err.message().to_string()))?;
                if overrides.is_some_and(|folder| path.starts_with(&folder.path)) {
                    warnings.extend(unknown_labels(&path, language, &text));
                }
                locales.push(locale);
            }
        }
        let en = locales
            .pop()
            .unwrap_or_else(|| Locale::builtin(Language::En));
        let nl = locales
            .pop()
            .unwrap_or_else(|| Locale::builtin(Language::Nl));
        Ok(Templates {
            tera,
            sources,
            warnings,
            typst,
            typst_parts,
            nl,
            en,
            fingerprint: hasher.finalize(),
        })
    }

    pub fn locale(&self, language: Language) -> &Locale {
        match language {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }

    /// Renders `name` (`report.html`, `report.md`, `index.html`) with `data` as its context.
    pub fn render(&self, name: &str, data: &impl serde::Serialize) -> Result<String, Diagnostic> {
        let context = tera::Context::from_serialize(data)
            .map_err(|err| template_error(&Path::new("templates").join(name), err.to_string()))?;
        let file = self
            .sources
            .get(name)
            .cloned()
            .unwrap_or_else(|| Path::new("templates").join(format!("{name}.tera")));
        self.tera.render(name, &context).map_err(|err| {
            let mut message = err.to_string();
            let mut source = std::error::Error::source(&err);
            while let Some(inner) = source {
                message.push_str(": ");
                message.push_str(&inner.to_string());
                source = inner.source();
            }
            template_error(&file, message)
        })
    }
}

/// The `--templates` folder's own problems: it must hold at least one file that replaces a
/// built-in one (`Err`); any other file in it is a warning, with the closest name. (That it is
/// a folder the shell that read it has checked.)
fn check_overrides(folder: &TemplateFolder) -> Result<Vec<Diagnostic>, Diagnostic> {
    let names: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    let listed = names.join(", ");
    if !folder.files.iter().any(|(name, _, _)| is_builtin(name)) {
        return Err(folder_error(&folder.path, "no_template"));
    }
    let warnings = folder
        .files
        .iter()
        .filter(|(name, _, _)| !is_builtin(name))
        .map(|(name, path, _)| {
            let values = |suggestion: &str| {
                [
                    ("file", name.clone()),
                    ("suggestion", suggestion.to_string()),
                    ("names", listed.clone()),
                ]
            };
            let (situation, suggestion) = match closest(name, names.iter().copied()) {
                Some(suggestion) => ("unknown_file", suggestion),
                None => ("unknown_file_unlike", ""),
            };
            let values = values(suggestion);
            let values = crate::messages::pairs(&values);
            let language = crate::messages::user_language();
            let at = Position::default();
            Diagnostic::worded(path, at, language, "TEMPLATE", situation, &values)
                .with_severity(Severity::Warning)
        })
        .collect();
    Ok(warnings)
}

/// A `--templates` folder that cannot serve (`folder_missing`, `not_a_folder`, `no_template`),
/// the built-in names listed.
pub fn folder_error(folder: &Path, situation: &str) -> Diagnostic {
    let names: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    let values = [("names", names.join(", "))];
    let language = crate::messages::user_language();
    let values = crate::messages::pairs(&values);
    Diagnostic::worded(
        folder,
        Position::default(),
        language,
        "TEMPLATE",
        situation,
        &values,
    )
}

/// The labels of a locale override that the built-in locale lacks, as warnings at their line.
fn unknown_labels(path: &Path, language: Language, text: &str) -> Vec<Diagnostic> {
    let builtin = Locale::builtin(language);
    Locale::unknown_keys(language, text)
        .into_iter()
        .map(|key| {
            let last = key.rsplit('.').next().unwrap_or(&key);
            let at = text
                .lines()
                .position(|line| {
                    let line = line.trim_start();
                    line.strip_prefix(last)
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                })
                .map_or_else(Position::default, |index| Position {
                    line: u32::try_from(index + 1).unwrap_or(u32::MAX),
                    column: 1,
                });
            let user = crate::messages::user_language();
            let suggestion = closest(&key, builtin.keys());
            let situation = if suggestion.is_some() {
                "unknown_label"
            } else {
                "unknown_label_unlike"
            };
            let values = [
                ("key", key.as_str()),
                ("suggestion", suggestion.unwrap_or_default()),
                ("language", language.code()),
            ];
            Diagnostic::worded(path, at, user, "TEMPLATE", situation, &values)
                .with_severity(Severity::Warning)
        })
        .collect()
}

/// The known name most like `name`: one that only adds to it (`report.html` → `report.html.tera`,
/// `nl.toml` → `locale/nl.toml`), else one a typing error or two away.
fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|candidate| {
            let extends = candidate.starts_with(name) || candidate.ends_with(name);
            let score = if extends {
                1.0
            } else {
                strsim::normalized_damerau_levenshtein(name, candidate)
            };
            (score, candidate)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// A template that cannot be read or rendered; `reason` is the template engine's own account,
/// which names the template's line (for whoever maintains the template, not for a student).
pub fn template_error(path: &Path, reason: String) -> Diagnostic {
    Diagnostic::worded(
        path,
        Position::default(),
        crate::messages::user_language(),
        "TEMPLATE",
        "broken",
        &[("reason", &reason)],
    )
}
