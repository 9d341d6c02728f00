//! The case file a PDF carries inside it (PDF/A-3's associated file, relationship *source*), so
//! that the one file a student hands in also gives the editable case back (`casebook extract`).

use serde::Serialize;
use typst_pdf::PdfStandard;

/// A file attached to a PDF: its name (what `casebook extract` writes it as) and its bytes,
/// unchanged. Only the name reaches the template as data; the bytes are the virtual file the
/// template attaches.
#[derive(Clone, Debug, Serialize)]
pub struct Attachment {
    pub name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// Whether a PDF made to these standards may carry an attached file: PDF/A-1 and PDF/A-2 forbid
/// it, PDF/A-3, PDF/A-4, PDF/UA-1 and the plain versions allow it.
pub fn allowed_by(standards: &[PdfStandard]) -> bool {
    !standards.iter().any(|standard| {
        matches!(
            standard,
            PdfStandard::A_1b
                | PdfStandard::A_1a
                | PdfStandard::A_2b
                | PdfStandard::A_2u
                | PdfStandard::A_2a
        )
    })
}
