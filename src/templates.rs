//! The report templates: built into the binary, each overridable by a file of the same name in
//! a `--templates` folder (a school's or publisher's branding), and loaded once per build.

use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera};

use crate::case::{Language, Position};
use crate::diagnostics::Diagnostic;
use crate::locale::Locale;

/// (file name, built-in text) of every template and locale file. A template comes after the
/// ones it includes: tera resolves an include when the including template is added.
const BUILTIN: [(&str, &str); 14] = [
    // Partials first: a template can include only what is already loaded.
    (
        "worksheet.html.tera",
        include_str!("../templates/worksheet.html.tera"),
    ),
    (
        "worksheet.md.tera",
        include_str!("../templates/worksheet.md.tera"),
    ),
    (
        "sortable.html.tera",
        include_str!("../templates/sortable.html.tera"),
    ),
    (
        "comparison.html.tera",
        include_str!("../templates/comparison.html.tera"),
    ),
    (
        "comparison.md.tera",
        include_str!("../templates/comparison.md.tera"),
    ),
    (
        "report.md.tera",
        include_str!("../templates/report.md.tera"),
    ),
    (
        "report.html.tera",
        include_str!("../templates/report.html.tera"),
    ),
    (
        "index.html.tera",
        include_str!("../templates/index.html.tera"),
    ),
    ("report.typ", include_str!("../templates/report.typ")),
    (
        "grades.html.tera",
        include_str!("../templates/grades.html.tera"),
    ),
    (
        "unloadable.html.tera",
        include_str!("../templates/unloadable.html.tera"),
    ),
    (
        "unloadable.md.tera",
        include_str!("../templates/unloadable.md.tera"),
    ),
    (
        "locale/nl.toml",
        include_str!("../templates/locale/nl.toml"),
    ),
    (
        "locale/en.toml",
        include_str!("../templates/locale/en.toml"),
    ),
];

/// The loaded templates and locales of one build.
pub struct Templates {
    tera: Tera,
    /// The typst report template's text and the name its diagnostics point at.
    pub typst: (PathBuf, String),
    nl: Locale,
    en: Locale,
    /// blake3 over every template and locale text: a change to any of them rebuilds every case.
    pub fingerprint: blake3::Hash,
}

impl Templates {
    /// Loads the built-in templates, with the files found in `overrides` taking their place.
    pub fn load(overrides: Option<&Path>) -> Result<Templates, Diagnostic> {
        let mut hasher = blake3::Hasher::new();
        let mut texts = Vec::new();
        for (name, builtin) in BUILTIN {
            let (path, text) = match overrides.map(|dir| dir.join(name)).filter(|p| p.is_file()) {
                Some(path) => {
                    let text = std::fs::read_to_string(&path).map_err(|err| {
                        let reason =
                            crate::messages::io_reason(&err, crate::messages::user_language());
                        template_error(&path, reason)
                    })?;
                    (path, text)
                }
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
        let mut locales = Vec::new();
        for (name, path, text) in texts {
            if let Some(template) = name.strip_suffix(".tera") {
                tera.add_raw_template(template, &text)
                    .map_err(|err| template_error(&path, err.to_string()))?;
            } else if name.ends_with(".typ") {
                typst = (path, text);
            } else {
                let language = if name.contains("/nl.") {
                    Language::Nl
                } else {
                    Language::En
                };
                let locale = Locale::parse(language, &text)
                    .map_err(|err| template_error(&path, err.message().to_string()))?;
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
            typst,
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
        self.tera.render(name, &context).map_err(|err| {
            let mut message = err.to_string();
            let mut source = std::error::Error::source(&err);
            while let Some(inner) = source {
                message.push_str(": ");
                message.push_str(&inner.to_string());
                source = inner.source();
            }
            template_error(
                &Path::new("templates").join(format!("{name}.tera")),
                message,
            )
        })
    }
}

/// A template that cannot be read or rendered; `reason` is the template engine's own account,
/// which names the template's line (for whoever maintains the template, not for a student).
fn template_error(path: &Path, reason: String) -> Diagnostic {
    Diagnostic::worded(
        path,
        Position::default(),
        crate::messages::user_language(),
        "TEMPLATE",
        "broken",
        &[("reason", &reason)],
    )
}
