//! The fonts the report templates name, and nothing more: Libertinus Serif for the text (every
//! weight and style a report or a case's markup can ask for) and DejaVu Sans Mono for codes and
//! the worksheet's boxes. Files and licences are in `pdf/fonts/`, taken from typst's bundled set.

use typst::foundations::Bytes;
use typst::text::Font;

/// The font files, embedded in the binary; typst falls back among these alone.
const FILES: [&[u8]; 10] = [
    include_bytes!("../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../fonts/LibertinusSerif-BoldItalic.otf"),
    include_bytes!("../fonts/LibertinusSerif-Semibold.otf"),
    include_bytes!("../fonts/LibertinusSerif-SemiboldItalic.otf"),
    include_bytes!("../fonts/DejaVuSansMono-Bold.ttf"),
    include_bytes!("../fonts/DejaVuSansMono-BoldOblique.ttf"),
    include_bytes!("../fonts/DejaVuSansMono-Oblique.ttf"),
    include_bytes!("../fonts/DejaVuSansMono.ttf"),
];

/// Every embedded font, in the order typst's bundled set lists them (it decides fallback ties).
pub fn all() -> Vec<Font> {
    FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
}
