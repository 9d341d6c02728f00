//! The engine both shells call: everything parsed once per build (rubric, templates, locales,
//! the PDF renderer the shell gives), then one case checked, rendered into its files, or graded against a model.

mod check;
pub mod class;
mod grade;

pub use check::check;
pub use grade::{GradedOne, reasoning_texts};

use std::path::PathBuf;

use crate::assess::{self, Assessment, assess};
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
use crate::render::context::Edition;
use crate::render::pdf::{Attachment, DocumentMeta, PdfMaker, PdfOptions, PdfRenderer, Template};
use crate::render::view::ReportView;
use crate::render::{self, pdf};
use crate::rubric::Rubric;
use crate::starter::assignment;
use crate::templates::{TemplateFolder, Templates};

/// Which report formats a build writes (the teacher edition always writes the assessment JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Formats {
    pub markdown: bool,
    pub html: bool,
    pub pdf: bool,
    pub docx: bool,
}

impl Formats {
    pub const ALL: Formats = Formats {
        markdown: true,
        html: true,
        pdf: true,
        docx: false,
    };

    /// The formats' names as `--format` takes them, in a fixed order.
    pub fn names(&self) -> Vec<String> {
        [
            (self.markdown, "md"),
            (self.html, "html"),
            (self.pdf, "pdf"),
            (self.docx, "docx"),
        ]
        .into_iter()
        .filter(|(wanted, _)| *wanted)
        .map(|(_, name)| name.to_string())
        .collect()
    }

    /// Reads a list such as `md,html,pdf`.
    pub fn parse(list: &str) -> Result<Formats, String> {
        let mut formats = Formats {
            markdown: false,
            html: false,
            pdf: false,
            docx: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "md" | "markdown" => formats.markdown = true,
                "html" => formats.html = true,
                "pdf" => formats.pdf = true,
                "docx" | "word" => formats.docx = true,
                other => {
                    let values = [("value", other)];
                    return Err(crate::messages::cli("unknown_format", &values));
                }
            }
        }
        Ok(formats)
    }
}

/// Settings that shape every report of a build, as texts the shell has read.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// A folder whose files override the built-in templates by name.
    pub templates: Option<TemplateFolder>,
    /// The rubric file's name and text; `None` uses the built-in defaults.
    pub rubric: Option<(PathBuf, String)>,
    pub edition: Edition,
    /// With the teacher edition: also the student edition of every case (the hand-out), beside
    /// its report, so the index links both.
    pub handout: bool,
    /// typst's standard names (`ua-1`, `a-2b`, …, or `none`); `None` = PDF/UA-1 with PDF/A-3b.
    pub pdf_standards: Option<Vec<String>>,
    /// What makes the PDFs (`casebook_pdf::maker`); without it, asking for a PDF is an error
    /// that says so, and everything else works (the studio's preview loads no typst).
    pub pdf: Option<PdfMaker>,
}

/// The files of one case, not yet written.
pub struct Rendered {
    pub assessment: Assessment,
    /// (file name, bytes), in a fixed order.
    pub files: Vec<(String, Vec<u8>)>,
    /// (kind, file name) of the files the index links to.
    pub links: Vec<(String, String)>,
    /// (kind, file name) of the hand-out's files, when the build makes one beside the report.
    pub handout: Vec<(String, String)>,
    /// Findings and renderer warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// One edition's part of [`Rendered`].
struct EditionFiles {
    files: Vec<(String, Vec<u8>)>,
    links: Vec<(String, String)>,
    diagnostics: Vec<Diagnostic>,
}

/// The documents of one case, not yet named or written.
pub struct Documents {
    /// (kind, extension, bytes): HTML, PDF, Markdown, as asked.
    pub files: Vec<(&'static str, &'static str, Vec<u8>)>,
    /// The renderers' warnings (characters the PDF fonts lack).
    pub warnings: Vec<Diagnostic>,
}

/// Everything parsed once per build and shared by every case.
pub struct Engine {
    pub templates: Templates,
    pub rubric: Rubric,
    pub edition: Edition,
    /// The student edition is rendered beside the teacher's (see [`Settings::handout`]).
    pub handout: bool,
    pdf: Option<Box<dyn PdfRenderer>>,
    /// Tool version, templates, locales, rubric and edition: what every case's output depends on.
    pub fingerprint: blake3::Hash,
}

impl Engine {
    pub fn new(settings: &Settings) -> Result<Engine, Vec<Diagnostic>> {
        let templates = Templates::new(settings.templates.as_ref()).map_err(|d| vec![d])?;
        let (rubric, rubric_text) = match &settings.rubric {
            Some((path, text)) => (
                Rubric::parse(path, text).map_err(|d| vec![d])?,
                text.as_str(),
            ),
            None => (Rubric::default(), ""),
        };
        let (name, text) = templates.typst.clone();
        let options = PdfOptions {
            template: Template {
                name,
                text,
                parts: templates.typst_parts.clone(),
            },
            standards: settings
                .pdf_standards
                .clone()
                .unwrap_or_else(pdf::default_standards),
            ..PdfOptions::default()
        };
        let pdf = match settings.pdf {
            Some(maker) => Some(maker(options).map_err(|d| vec![d])?),
            None => None,
        };
        let mut hasher = blake3::Hasher::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(templates.fingerprint.as_bytes());
        hasher.update(rubric_text.as_bytes());
        // Only a teacher build has a hand-out beside it.
        let handout = settings.handout && settings.edition == Edition::Teacher;
        let editions = format!("{:?}{handout}", settings.edition);
        hasher.update(format!("{editions}{:?}", settings.pdf_standards).as_bytes());
        Ok(Engine {
            templates,
            rubric,
            edition: settings.edition,
            handout,
            pdf,
            fingerprint: hasher.finalize(),
        })
    }

    /// Assesses and renders one valid case in the requested formats, and its hand-out when the
    /// build makes one; nothing is written here.
    pub fn render(&self, case: &LoadedCase, formats: Formats) -> Result<Rendered, Vec<Diagnostic>> {
        let assessment = assess(case, &self.rubric);
        let EditionFiles {
            mut files,
            links,
            mut diagnostics,
        } = self.edition_files(case, &assessment, formats, self.edition)?;
        let mut handout = Vec::new();
        if self.handout {
            let student = self.edition_files(case, &assessment, formats, Edition::Student)?;
            files.extend(student.files);
            handout = student.links;
            diagnostics.extend(student.diagnostics);
        }
        Ok(Rendered {
            assessment,
            files,
            links,
            handout,
            diagnostics,
        })
    }

    /// One edition's files of an assessed case.
    fn edition_files(
        &self,
        case: &LoadedCase,
        assessment: &Assessment,
        formats: Formats,
        edition: Edition,
    ) -> Result<EditionFiles, Vec<Diagnostic>> {
        let stem = format!("{}{}", case.slug, edition.suffix());
        let teacher = edition == Edition::Teacher;
        // The hand-out carries the starter case the student fills in, never the model answer.
        let starter = if teacher {
            None
        } else {
            Some(self.starter_case(case)?)
        };
        let attachment = starter
            .clone()
            .map(|(name, bytes)| Attachment { name, bytes });
        let documents = self.documents_of(edition, case, assessment, formats, None, attachment)?;
        let mut files = Vec::new();
        let mut links = Vec::new();
        // The student edition has no assessment: its scores, verdicts and findings judge the
        // model answer. Not written, not linked, not reported (a build's warnings are kept in
        // the hand-out folder's manifest).
        let mut diagnostics = Vec::new();
        if teacher {
            files.push((
                "assessment.json".to_string(),
                assess::to_json(assessment).into_bytes(),
            ));
            diagnostics.extend(assessment.findings.iter().cloned());
        }
        for (kind, extension, bytes) in documents.files {
            files.push((format!("{stem}.{extension}"), bytes));
            links.push((kind.to_string(), format!("{stem}.{extension}")));
        }
        if teacher {
            diagnostics.extend(documents.warnings);
            links.push(("JSON".to_string(), "assessment.json".to_string()));
        } else {
            // Beside the teacher's report, the same characters would be reported twice.
            if !self.handout {
                diagnostics.extend(documents.warnings);
            }
        }
        // The starter case: the student fills it in and builds their own report.
        if let Some((name, yaml)) = starter {
            files.push((name.clone(), yaml));
            links.push(("YAML".to_string(), name));
        }
        Ok(EditionFiles {
            files,
            links,
            diagnostics,
        })
    }

    /// The starter case of a hand-out: its file name and its text.
    fn starter_case(&self, case: &LoadedCase) -> Result<(String, Vec<u8>), Vec<Diagnostic>> {
        let name = format!("{}.student.yaml", case.slug);
        let locale = self.templates.locale(case.case.language());
        let yaml = assignment::to_yaml(&assignment::student_case(&case.case), locale, &name)
            .map_err(|err| {
                vec![Diagnostic::worded(
                    &case.path,
                    crate::lang::Position::default(),
                    crate::messages::user_language(),
                    "INTERNAL",
                    "student_case",
                    &[("reason", &err.to_string())],
                )]
            })?;
        Ok((name, yaml.into_bytes()))
    }

    /// The report documents of one assessed case, with an extra section when given (the
    /// comparison of a student's feedback): (kind, extension, bytes) in the order HTML, PDF,
    /// Markdown, Word, and the renderers' warnings.
    pub fn documents(
        &self,
        case: &LoadedCase,
        assessment: &Assessment,
        formats: Formats,
        extra: render::Extra,
    ) -> Result<Documents, Vec<Diagnostic>> {
        self.documents_of(self.edition, case, assessment, formats, extra, None)
    }

    fn documents_of(
        &self,
        edition: Edition,
        case: &LoadedCase,
        assessment: &Assessment,
        formats: Formats,
        extra: render::Extra,
        attachment: Option<Attachment>,
    ) -> Result<Documents, Vec<Diagnostic>> {
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        // HTML and Markdown are rendered alike: one template over the report view.
        let text = |render: render::TextRenderer| {
            self.view_render(render, edition, case, assessment, extra)
                .map(String::into_bytes)
        };
        if formats.html {
            files.push(("HTML", "html", text(render::html)?));
        }
        if formats.pdf {
            let Some(renderer) = &self.pdf else {
                return Err(vec![Diagnostic::worded(
                    &case.path,
                    crate::lang::Position::default(),
                    crate::messages::user_language(),
                    "PDF-SETUP",
                    "unavailable",
                    &[],
                )]);
            };
            let locale = self.templates.locale(case.case.language());
            let suffix = edition.suffix();
            let rich = &|t: &str| pdf::spans::value(t, suffix);
            let view = ReportView::build(
                case,
                assessment,
                locale,
                edition,
                self.rubric.worksheet_lines,
                rich,
            );
            let page = render::WithExtra {
                view: &view,
                comparison: extra.map(|build| build(rich)),
            };
            // The PDF carries the case it was made from: the file itself, or the given one.
            let mut meta = DocumentMeta::of(case);
            if attachment.is_some() {
                meta.attachment = attachment;
            }
            let page = serde_json::to_value(&page).map_err(|err| {
                let values = [("case", meta.case.as_str()), ("reason", &err.to_string())];
                vec![Diagnostic::worded(
                    &self.templates.typst.0,
                    crate::lang::Position::default(),
                    crate::messages::user_language(),
                    "TYPST",
                    "data",
                    &values,
                )]
            })?;
            let rendered = renderer.render(page, &meta)?;
            // Characters the PDF cannot show are named where the student wrote them; the
            // engine's own warning stays only for what no text of the case explains.
            let located = pdf::glyphs::located_warnings(case);
            warnings.extend(
                rendered
                    .warnings
                    .into_iter()
                    .filter(|w| located.is_empty() || w.code != "PDF-GLYPH"),
            );
            warnings.extend(located);
            files.push(("PDF", "pdf", rendered.pdf));
        }
        if formats.markdown {
            files.push(("Markdown", "md", text(render::markdown)?));
        }
        if formats.docx {
            let docx = self.view_render(render::docx::of_case, edition, case, assessment, extra);
            files.push(("Word", "docx", docx?));
        }
        Ok(Documents { files, warnings })
    }

    /// One report from the report view (HTML, Markdown, Word).
    fn view_render<T>(
        &self,
        render: render::Renderer<T>,
        edition: Edition,
        case: &LoadedCase,
        assessment: &Assessment,
        extra: render::Extra,
    ) -> Result<T, Vec<Diagnostic>> {
        let lines = self.rubric.worksheet_lines;
        render(&self.templates, case, assessment, edition, lines, extra).map_err(|d| vec![d])
    }
}
