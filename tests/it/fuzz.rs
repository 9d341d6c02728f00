//! A bounded mutation fuzzer over load → assess → render (Markdown, HTML and PDF): the bundled
//! cases and fixtures, mutated at the byte, line and token level, must never panic; a refused
//! input has an error and no `INTERNAL` one; a case that loads cleanly renders; and one input
//! in twenty at least gets that far (about one in twelve does), so the renderers are exercised
//! and not only the parser.
//!
//! `cargo test --release` runs it for 20 seconds; a long run:
//! `CASEBOOK_FUZZ_SECS=660 cargo test --release --test it fuzz -- --nocapture`
//! (`CASEBOOK_FUZZ_SEED=n` picks another sequence). An input that fails is saved in
//! `tests/fixtures/fuzz/`; with a first line `# expect: renders` or `# expect: CODE` it stays there
//! as a regression case beside the inputs earlier fixes dealt with, replayed on every run.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook_core::case::load_source;
use casebook_core::engine::{Engine, Formats, Settings};

use crate::support::{fixture, root};

/// Fragments a mutation inserts: YAML syntax, markup of every output format, odd scalars.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "\t",
    "\n",
    "  ",
    "&a ",
    "*a",
    "<<: *a",
    "!!binary ",
    "!!int ",
    "? ",
    "|\n",
    ">-\n",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "#",
    "~",
    "null",
    "[]",
    "{}",
    "1e400",
    "-0",
    ".nan",
    ".inf",
    "18446744073709551616",
    "\"++\"",
    "\"--\"",
    "+++",
    "0x1F",
    "2025-13-45",
    "<script>alert(1)</script>",
    "[x](javascript:y)",
    "![i](/etc/passwd)",
    "#set page(fill: red)",
    "#read(\"/etc/passwd\")",
    "$",
    "\\",
    "{{ x }}",
    "{% if %}",
    "]]",
    "@ref",
    "\u{202e}",
    "\u{200b}",
    "\u{0}",
    "😀",
    "é\u{301}",
    "S1",
    "K1",
    "D1",
    "M1",
    "AW1",
    "EW1",
    "customer_intimacy",
    "operational_excellence",
    "product_leadership",
    "stance",
    "reasoning",
    "weight: 1000000",
    "weight: -3",
    "links: [S1, S1, Z9]",
    "items: [M1]",
];

/// A small, seedable generator: the same seed gives the same inputs on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(256)).min(out.len());
                let copy = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            3 | 4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            5 => {
                // Swap two lines.
                let text = String::from_utf8_lossy(&out).into_owned();
                let mut lines: Vec<&str> = text.lines().collect();
                if lines.len() > 2 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(a, b);
                    out = lines.join("\n").into_bytes();
                }
            }
            6 => {
                // Re-indent one line.
                let text = String::from_utf8_lossy(&out).into_owned();
                let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                if !lines.is_empty() {
                    let i = rng.below(lines.len());
                    let trimmed = lines[i].trim_start().to_string();
                    lines[i] = format!("{}{trimmed}", " ".repeat(rng.below(12)));
                    out = lines.join("\n").into_bytes();
                }
            }
            _ => {
                // Replace the value after a colon with a token.
                let text = String::from_utf8_lossy(&out).into_owned();
                let from = (at.min(text.len())..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len());
                if let Some(colon) = text[from..].find(": ").map(|c| c + from) {
                    let end = text[colon..].find('\n').map_or(text.len(), |n| n + colon);
                    let token = TOKENS[rng.below(TOKENS.len())];
                    out = format!("{}: {token}{}", &text[..colon], &text[end..]).into_bytes();
                }
            }
        }
    }
    out
}

/// What became of one input.
#[derive(PartialEq)]
enum Outcome {
    /// It did not load, or loaded with errors: refused with these error codes.
    Refused(Vec<String>),
    /// It loaded without errors and rendered in every format asked for.
    Rendered,
}

/// Loads, assesses and renders one input. `Err` when anything panics, when a refused input has
/// no error or an `INTERNAL` one, or when a case that loads cleanly does not render (a render
/// may only fail with a diagnostic a student can act on, never `INTERNAL`).
fn exercise(renderers: &Engine, input: &[u8], pdf: bool) -> Result<Outcome, String> {
    let formats = Formats {
        markdown: true,
        html: true,
        pdf,
        docx: true,
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let diagnostics = match load_source(Path::new("fuzz.yaml"), input.to_vec()) {
            Ok(case) if !case.has_errors() => {
                return match renderers.render(&case, formats) {
                    Ok(rendered) => internal(&rendered.diagnostics).map(|()| Outcome::Rendered),
                    Err(diagnostics) if diagnostics.is_empty() => {
                        Err("the render failed without a diagnostic".to_string())
                    }
                    Err(diagnostics) => internal(&diagnostics).map(|()| {
                        Outcome::Refused(diagnostics.iter().map(|d| d.code.to_string()).collect())
                    }),
                };
            }
            Ok(case) => case.diagnostics,
            Err((_, diagnostics)) => diagnostics,
        };
        internal(&diagnostics)?;
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code.to_string())
            .collect();
        if errors.is_empty() {
            return Err("refused without an error".to_string());
        }
        Ok(Outcome::Refused(errors))
    }));
    outcome.unwrap_or_else(|panic| {
        Err(format!(
            "panic: {}",
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        ))
    })
}

/// `Err` naming an `INTERNAL` diagnostic, the mark of a fault in casebook rather than the input.
fn internal(diagnostics: &[casebook_core::diagnostics::Diagnostic]) -> Result<(), String> {
    match diagnostics.iter().find(|d| d.code == "INTERNAL") {
        Some(d) => Err(format!("INTERNAL: {}", d.message)),
        None => Ok(()),
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [
        root().join("cases"),
        fixture("pdf"),
        fixture("check"),
        fixture("checkers"),
    ] {
        for entry in std::fs::read_dir(dir).expect("a corpus folder").flatten() {
            files.push(entry.path());
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("read a corpus file"))
        .collect()
}

/// Every input in `tests/fixtures/fuzz/` comes to what its first line says: `# expect: renders`
/// (loads cleanly, renders in all three formats) or `# expect: CODE` (refused with that error).
#[test]
fn the_inputs_that_once_broke_something_come_to_what_they_should() {
    let renderers = Engine::new(&Settings {
        pdf: Some(casebook_pdf::maker),
        ..Settings::default()
    })
    .expect("the built-in templates");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(fixture("fuzz"))
        .expect("tests/fixtures/fuzz")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 10,
        "only {} regression inputs",
        inputs.len()
    );
    for path in &inputs {
        let input = std::fs::read(path).expect("read a regression input");
        let expect = String::from_utf8_lossy(&input)
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("{}: no `# expect:` first line", path.display()));
        let outcome = exercise(&renderers, &input, true)
            .unwrap_or_else(|err| panic!("{} fails again: {err}", path.display()));
        match outcome {
            Outcome::Rendered => assert_eq!(expect, "renders", "{}", path.display()),
            Outcome::Refused(codes) => assert!(
                codes.contains(&expect),
                "{}: expected {expect}, got {codes:?}",
                path.display()
            ),
        }
    }
}

#[test]
fn fuzzed_cases_never_panic_and_render_when_they_load() {
    let renderers = Engine::new(&Settings {
        pdf: Some(casebook_pdf::maker),
        ..Settings::default()
    })
    .expect("the built-in templates");
    let seconds = std::env::var("CASEBOOK_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let seed = std::env::var("CASEBOOK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_cafe_u64);
    let mut rng = Rng(seed | 1);
    let corpus = corpus();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut rendered) = (0u64, 0u64);
    while Instant::now() < deadline {
        let pick = rng.below(corpus.len());
        let input = mutate(&mut rng, &corpus[pick]);
        // A PDF costs a hundred times a Markdown page: one input in sixteen gets one.
        let pdf = runs % 16 == 0;
        match exercise(&renderers, &input, pdf) {
            Ok(Outcome::Rendered) => rendered += 1,
            Ok(Outcome::Refused(_)) => {}
            Err(message) => {
                let name = format!("crash-{}.yaml", &blake3::hash(&input).to_hex()[..16]);
                let saved = fixture("fuzz").join(&name);
                std::fs::write(&saved, &input).expect("save the failing input");
                panic!(
                    "input {runs}: {message}; saved as {} (add its `# expect:` line)",
                    saved.display()
                );
            }
        }
        runs += 1;
    }
    eprintln!("fuzz: seed {seed}, {runs} inputs in {seconds} s, {rendered} rendered");
    // A fuzzer whose inputs never get past the parser tests nothing of the renderers.
    assert!(runs >= 200, "only {runs} inputs in {seconds} s");
    assert!(
        rendered * 20 >= runs,
        "only {rendered} of {runs} mutated inputs loaded and rendered"
    );
}
