//! The case file inside a PDF, read back: the file a casebook PDF carries (see [`super::attachment`])
//! found among the PDF's associated and embedded files. Bytes in, bytes out: no file is opened.

use hayro_syntax::object::{Array, Dict, Object, Stream};
use hayro_syntax::{LoadPdfError, Pdf};

/// How deep a name tree of embedded files is followed (a loop or a hostile tree stops here).
const MAX_DEPTH: usize = 8;

/// Why no case came out of a PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The bytes are not a PDF that can be read.
    NotPdf,
    /// The PDF is protected by a password.
    Encrypted,
    /// A readable PDF without a YAML file attached (not made by casebook, or made without one).
    NoCase,
}

/// The attached case file: its name as it was attached (only a file name, never a folder) and
/// its bytes as they were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The case file a PDF carries: the first attached file whose name ends in `.yaml` or `.yml`.
pub fn case_file(pdf: &[u8]) -> Result<CaseFile, Missing> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(Missing::NotPdf);
    }
    let document = Pdf::new(pdf.to_vec()).map_err(|err| match err {
        LoadPdfError::Decryption(_) => Missing::Encrypted,
        LoadPdfError::Invalid => Missing::NotPdf,
    })?;
    let xref = document.xref();
    let catalog = xref.get::<Dict>(xref.root_id()).ok_or(Missing::NotPdf)?;
    let mut specs = Vec::new();
    // PDF/A-3's associated files first, then the document's embedded files.
    if let Some(associated) = catalog.get::<Array>(b"AF") {
        specs.extend(associated.iter::<Dict>());
    }
    if let Some(tree) = catalog
        .get::<Dict>(b"Names")
        .and_then(|names| names.get::<Dict>(b"EmbeddedFiles"))
    {
        collect_tree(&tree, 0, &mut specs);
    }
    specs
        .iter()
        .filter_map(file_of)
        .find(|file| is_yaml(&file.name))
        .ok_or(Missing::NoCase)
}

/// The file specifications of a name tree (`Names` pairs, `Kids` below).
fn collect_tree<'a>(node: &Dict<'a>, depth: usize, specs: &mut Vec<Dict<'a>>) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(names) = node.get::<Array>(b"Names") {
        specs.extend(
            names
                .iter::<Object>()
                .filter_map(|object| object.into_dict()),
        );
    }
    if let Some(kids) = node.get::<Array>(b"Kids") {
        for kid in kids.iter::<Dict>() {
            collect_tree(&kid, depth + 1, specs);
        }
    }
}

/// One file specification's name and decoded bytes.
fn file_of(spec: &Dict<'_>) -> Option<CaseFile> {
    let raw = spec
        .get::<hayro_syntax::object::String>(b"UF")
        .or_else(|| spec.get::<hayro_syntax::object::String>(b"F"))?;
    let name = file_name(&text_string(raw.as_bytes()))?;
    let stream = spec.get::<Dict>(b"EF")?.get::<Stream>(b"F")?;
    let bytes = stream.decoded().ok()?.into_owned();
    Some(CaseFile { name, bytes })
}

fn is_yaml(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// The last part of a name that may hold folders (of any system): a PDF is not trusted to say
/// where its file goes. `None` for a name that is empty or only dots.
pub fn file_name(name: &str) -> Option<String> {
    let last = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect::<String>();
    (!last.trim_matches('.').is_empty()).then_some(last)
}

/// A PDF text string: UTF-16BE or UTF-8 after their byte-order mark, else PDFDocEncoding (read
/// as Latin-1, which it equals for the characters of file names).
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_loses_its_folders_and_the_characters_no_system_takes() {
        assert_eq!(
            file_name("../../etc/case.yaml").as_deref(),
            Some("case.yaml")
        );
        assert_eq!(
            file_name("C:\\Users\\jan\\opdracht.yaml").as_deref(),
            Some("opdracht.yaml")
        );
        assert_eq!(file_name("a?b.yaml").as_deref(), Some("ab.yaml"));
        assert_eq!(file_name(".."), None);
        assert_eq!(file_name("map/"), None);
    }

    #[test]
    fn text_strings_are_decoded_by_their_mark() {
        assert_eq!(text_string(&[0xFE, 0xFF, 0, b'e', 0, 0xE9]), "eé");
        assert_eq!(text_string(b"plain.yaml"), "plain.yaml");
    }

    #[test]
    fn bytes_that_are_no_pdf_are_named_so() {
        assert_eq!(case_file(b"title: not a pdf"), Err(Missing::NotPdf));
        assert_eq!(case_file(b"%PDF-1.7\ngarbage"), Err(Missing::NotPdf));
    }
}
