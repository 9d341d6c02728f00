//! The finished package: docx-rs's archive re-written with fixed timestamps and its links'
//! relationships in a fixed order (same input, same bytes), deflated, with what docx-rs cannot
//! write: the document language in the style defaults (Word's spelling checker), the core
//! properties (title, author, subject) and the header rows that repeat on every page.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::Properties;

/// What marks a header row in document.xml until the package step makes it `w:tblHeader`
/// (which docx-rs cannot write): a minimum height of one twip, which changes nothing.
pub const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

pub fn finish(packed: &[u8], properties: &Properties) -> Result<Vec<u8>, String> {
    let error = |e: zip::result::ZipError| e.to_string();
    let mut archive = ZipArchive::new(Cursor::new(packed)).map_err(error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(error)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let bytes = match name.as_str() {
            "docProps/core.xml" => core(properties).into_bytes(),
            "word/styles.xml" => language(&bytes, properties.language)?,
            "word/document.xml" => header_rows(&bytes)?,
            "word/_rels/document.xml.rels" => sorted_relationships(&bytes)?,
            _ => bytes,
        };
        out.start_file(name, options).map_err(error)?;
        out.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(error)?.into_inner())
}

/// The core properties, dated as the epoch so that nothing in them changes between builds.
fn core(p: &Properties) -> String {
    let author = p.author.unwrap_or_default();
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>",
            "<cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>{}</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        escape(p.title),
        escape(p.subject),
        escape(author),
        escape(author),
        p.language
    )
}

/// The language of every run, as the last child of the default run properties (where the
/// schema's order puts `w:lang`).
fn language(styles: &[u8], language: &str) -> Result<Vec<u8>, String> {
    let text = String::from_utf8(styles.to_vec()).map_err(|e| e.to_string())?;
    let lang = format!(r#"<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA" />"#);
    let patched = match text.split_once("</w:rPr></w:rPrDefault>") {
        Some((before, after)) => format!("{before}{lang}</w:rPr></w:rPrDefault>{after}"),
        None => text.replacen(
            "<w:rPr /></w:rPrDefault>",
            &format!("<w:rPr>{lang}</w:rPr></w:rPrDefault>"),
            1,
        ),
    };
    Ok(patched.into_bytes())
}

/// The header rows the writer marked (see [`HEADER_MARK`]) become rows Word
/// repeats at the top of every page (`w:tblHeader`).
fn header_rows(document: &[u8]) -> Result<Vec<u8>, String> {
    let text = String::from_utf8(document.to_vec()).map_err(|e| e.to_string())?;
    Ok(text.replace(HEADER_MARK, "<w:tblHeader />").into_bytes())
}

/// The document's relationships in the order of their text: docx-rs gathers the links' through
/// a hash map, whose order changes from run to run.
fn sorted_relationships(rels: &[u8]) -> Result<Vec<u8>, String> {
    const OPEN: &str = "<Relationship ";
    const CLOSE: &str = "</Relationships>";
    let text = String::from_utf8(rels.to_vec()).map_err(|e| e.to_string())?;
    let (Some(first), Some(last)) = (text.find(OPEN), text.rfind(CLOSE)) else {
        return Ok(text.into_bytes());
    };
    let mut items: Vec<&str> = text[first..last]
        .split(OPEN)
        .filter(|i| !i.is_empty())
        .collect();
    items.sort_unstable();
    let body: String = items.iter().map(|i| format!("{OPEN}{i}")).collect();
    Ok(format!("{}{body}{}", &text[..first], &text[last..]).into_bytes())
}

/// XML's five characters, for the texts written here by hand and the links' targets (docx-rs
/// writes both as given).
pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
