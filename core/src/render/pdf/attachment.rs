//! The case file a PDF carries inside it (PDF/A-3's associated file, relationship *source*), so
//! that the one file a student hands in also gives the editable case back (`casebook extract`).

use serde::Serialize;

/// A file attached to a PDF: its name (what `casebook extract` writes it as) and its bytes,
/// unchanged. Only the name reaches the template as data; the bytes are the virtual file the
/// template attaches.
#[derive(Clone, Debug, Serialize)]
pub struct Attachment {
    pub name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}
