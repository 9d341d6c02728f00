//! A bounded mutation fuzzer over load → assess → render (Markdown, HTML and PDF): the bundled
//! cases and fixtures, mutated at the byte, line and token level, must never panic.
//!
//! `cargo test --release` runs it for 20 seconds; a long run:
//! `CASEBOOK_FUZZ_SECS=660 cargo test --release --test it fuzz -- --nocapture`
//! (`CASEBOOK_FUZZ_SEED=n` picks another sequence). An input that panics is saved in
//! `tests/fixtures/fuzz/` and stays there as a regression case, replayed on every run.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook::case::load_source;
use casebook::renderers::{Formats, RenderSettings, Renderers};

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

/// Loads, assesses and renders one input; `Err` with the panic message when anything panics.
fn exercise(renderers: &Renderers, input: &[u8], pdf: bool) -> Result<(), String> {
    let formats = Formats {
        markdown: true,
        html: true,
        pdf,
    };
    catch_unwind(AssertUnwindSafe(|| {
        if let Ok(case) = load_source(Path::new("fuzz.yaml"), input.to_vec()) {
            if !case.has_errors() {
                let _ = renderers.render(&case, formats);
            }
        }
    }))
    .map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
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

#[test]
fn fuzzed_cases_never_panic() {
    let renderers = Renderers::new(&RenderSettings::default()).expect("the built-in templates");
    // Every input that once panicked stays a regression case.
    let mut crashes: Vec<PathBuf> = std::fs::read_dir(fixture("fuzz"))
        .expect("tests/fixtures/fuzz")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    crashes.sort();
    for path in &crashes {
        let input = std::fs::read(path).expect("read a regression input");
        if let Err(message) = exercise(&renderers, &input, true) {
            panic!("{} panics again: {message}", path.display());
        }
    }

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
    let (mut runs, mut valid) = (0u64, 0u64);
    while Instant::now() < deadline {
        let pick = rng.below(corpus.len());
        let input = mutate(&mut rng, &corpus[pick]);
        // A PDF costs a hundred times a Markdown page: one input in sixteen gets one.
        let pdf = runs % 16 == 0;
        if let Err(message) = exercise(&renderers, &input, pdf) {
            let name = format!("crash-{}.yaml", &blake3::hash(&input).to_hex()[..16]);
            let saved = fixture("fuzz").join(&name);
            std::fs::write(&saved, &input).expect("save the crashing input");
            panic!(
                "input {runs} panics ({message}); saved as {}",
                saved.display()
            );
        }
        if load_source(Path::new("fuzz.yaml"), input).is_ok_and(|c| !c.has_errors()) {
            valid += 1;
        }
        runs += 1;
    }
    eprintln!(
        "fuzz: seed {seed}, {runs} inputs in {seconds} s ({valid} valid cases rendered), {} regression inputs, no panic",
        crashes.len()
    );
}
