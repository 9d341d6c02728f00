//! PDF reports: the engine and the seed case's PDF, checked with poppler and qpdf.

use casebook::render::pdf::{DocumentMeta, PdfEngine, PdfOptions};

#[test]
fn smoke() {
    let engine = PdfEngine::new(PdfOptions::default()).unwrap();
    let meta = DocumentMeta {
        case: "x".into(),
        title: "Titel".into(),
        authors: vec!["A".into()],
        lang: "nl".into(),
        date: Some("2024-09-01".into()),
    };
    let t = std::time::Instant::now();
    for _ in 0..5 {
        let out = engine.render(&"#set page(fill: red) *x* _y_ $z$", &meta);
        match out {
            Ok(r) => {
                std::fs::write("/tmp/smoke.pdf", &r.pdf).unwrap();
                eprintln!("{} bytes {:?}", r.pdf.len(), r.warnings)
            }
            Err(e) => panic!("{e:?}"),
        }
    }
    eprintln!("{:?}", t.elapsed());
}
