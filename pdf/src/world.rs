//! The typst environment: what every document of a build shares (fonts, font book, standard
//! library, the parsed template) and the per-document [`World`] that adds the case's data.
//!
//! Nothing here touches the file system, the network or the clock: fonts are the ones embedded
//! in the binary, the only files are the template and `/data.json`, and `today()` is a date the
//! caller fixed.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, PathError, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The path the template reads the case from: `json("/data.json")`.
const DATA_PATH: &str = "/data.json";
/// The path of the case file the template attaches to the PDF: `read("/case.yaml", encoding: none)`.
const CASE_PATH: &str = "/case.yaml";
/// The path the template itself is compiled as; its diagnostics point at this file.
const MAIN_PATH: &str = "/report.typ";

/// Fonts, library and template, loaded once per build and shared by every document.
pub struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    template: Source,
    /// The template's parts, at the paths it imports them from (`/report/data.typ`).
    parts: Vec<Source>,
    data_id: FileId,
    case_id: FileId,
}

impl Shared {
    /// Loads the embedded fonts and parses the template. File ids are interned forever by typst,
    /// so every document reuses the same two.
    pub fn new(
        template_text: String,
        parts: &[(String, std::path::PathBuf, String)],
    ) -> Result<Self, PathError> {
        let fonts: Vec<Font> = crate::fonts::all();
        Ok(Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            template: Source::new(file_id(MAIN_PATH)?, template_text),
            parts: parts
                .iter()
                .map(|(at, _, text)| Ok(Source::new(file_id(&format!("/{at}"))?, text.clone())))
                .collect::<Result<_, PathError>>()?,
            data_id: file_id(DATA_PATH)?,
            case_id: file_id(CASE_PATH)?,
        })
    }

    pub fn template(&self) -> &Source {
        &self.template
    }

    /// The template's parts, in the order they were given.
    pub fn parts(&self) -> &[Source] {
        &self.parts
    }
}

fn file_id(path: &str) -> Result<FileId, PathError> {
    Ok(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path)?).intern())
}

/// One document's world: the shared state plus this case's data, case file and date.
pub struct DocumentWorld<'a> {
    shared: &'a Shared,
    data: Bytes,
    case: Bytes,
    today: Option<Datetime>,
}

impl<'a> DocumentWorld<'a> {
    pub fn new(shared: &'a Shared, data: Vec<u8>, case: Vec<u8>, today: Option<Datetime>) -> Self {
        Self {
            shared,
            data: Bytes::new(data),
            case: Bytes::new(case),
            today,
        }
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.template.id() {
            Ok(self.shared.template.clone())
        } else if let Some(part) = self.shared.parts.iter().find(|p| p.id() == id) {
            Ok(part.clone())
        } else if id == self.shared.data_id || id == self.shared.case_id {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else if id == self.shared.case_id {
            Ok(self.case.clone())
        } else if id == self.shared.template.id() {
            Ok(Bytes::from_string(self.shared.template.text().to_owned()))
        } else if let Some(part) = self.shared.parts.iter().find(|p| p.id() == id) {
            Ok(Bytes::from_string(part.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// The case's date, whatever the offset: a report is dated by its case, not by the clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
