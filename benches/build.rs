//! The build benchmark: generates N synthetic cases the size of the seed case and measures a
//! full build (wall time, peak memory), a rebuild with nothing changed, a single case's build as
//! a student runs it, the cost of building every case in a process of its own, and grading a
//! class of 300 of them against the seed as the model answer beside building the same 300 (the
//! reports alone, and with their hand-outs as `casebook build` writes them by default).
//!
//! Run: `cargo bench --bench build` (N = 1000; `CASEBOOK_BENCH_CASES=200` for a quicker run).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use casebook::build::pipeline::{BuildOptions, CaseOutcome, Progress, build};
use casebook::grade::{GradeOptions, grade};
use casebook_core::engine::{Engine, Formats, Settings};

// The allocator of the `casebook` binary, so that the in-process build measures what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize) {}
    fn case_started(&self, _: &Path) {}
    fn case_finished(&self, _: &CaseOutcome) {}
}

/// N variants of the seed case, each as different from the others as a real case is to typst.
fn generate(seed: &str, folder: &Path, count: usize) {
    std::fs::create_dir_all(folder).expect("create the cases folder");
    for i in 0..count {
        std::fs::write(folder.join(format!("case-{i:04}.yaml")), variant(seed, i))
            .expect("write a case");
    }
}

/// Case `index`: the seed with its own title and firm, a word of its own in every line of text
/// and its own stances. typst reuses the layout of a paragraph it has seen in an earlier document,
/// so near-copies of the seed would measure that cache instead of the work: here no paragraph
/// of one case recurs in another, and the stances give every case its own scores and tables.
fn variant(seed: &str, index: usize) -> String {
    let marks = ["--", "-", "0", "+", "++"];
    let mut out = String::with_capacity(seed.len() * 11 / 10);
    let seed = seed
        .replacen("  title: ", &format!("  title: Case {index:04} — "), 1)
        .replacen("    name: ", &format!("    name: Firma {index:04} "), 1);
    for (number, line) in seed.lines().enumerate() {
        let content = line.trim_start();
        let indent = &line[..line.len() - content.len()];
        if content.starts_with("stance: ") {
            let draw = (index as u64).wrapping_mul(2_654_435_761) + number as u64 * 40_503;
            out.push_str(&format!(
                "{indent}stance: \"{}\"\n",
                marks[(draw % 97 % 5) as usize]
            ));
            continue;
        }
        let (prefix, value) = split_key(content);
        let words: Vec<&str> = value.split(' ').collect();
        let structural =
            content.starts_with('#') || value.starts_with(['&', '*', '|', '>', '[', '{']);
        if structural || words.len() < 4 {
            out.push_str(line);
        } else {
            let (head, tail) = words.split_at(2);
            let marker = format!("c{index:04}");
            out.push_str(&format!(
                "{indent}{prefix}{} {marker} {}",
                head.join(" "),
                tail.join(" ")
            ));
        }
        out.push('\n');
    }
    out
}

/// A line's `key: ` (with a list's `- `) and its value; a line of a block text is all value.
fn split_key(content: &str) -> (&str, &str) {
    let item = content.strip_prefix("- ").map_or(0, |_| 2);
    let rest = &content[item..];
    match rest.find(": ") {
        Some(at)
            if rest[..at]
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '_')
                && at > 0 =>
        {
            content.split_at(item + at + 2)
        }
        _ => ("", content),
    }
}

fn timed(options: &BuildOptions, renderers: &Engine) -> Duration {
    let started = Instant::now();
    let report = build(options, renderers, &Silent).expect("the build runs");
    assert!(
        !report.failed(),
        "a synthetic case failed: {:?}",
        report
            .cases
            .iter()
            .find(|c| !c.diagnostics.is_empty())
            .map(|c| &c.diagnostics)
    );
    started.elapsed()
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN);
    kb / 1024.0
}

/// Runs the real binary once per case folder, as many at a time as the in-process build uses
/// threads (a fair fight), and returns the total wall time.
fn per_process(binary: &Path, folders: &[PathBuf], out: &Path) -> Duration {
    use rayon::prelude::*;
    let started = Instant::now();
    folders.par_iter().enumerate().for_each(|(i, folder)| {
        let status = Command::new(binary)
            .args([
                "build",
                "--edition",
                "teacher",
                "--quiet",
                "--force",
                "--out",
            ])
            .arg(out.join(i.to_string()))
            .arg(folder)
            .status()
            .expect("run casebook");
        assert!(status.success());
    });
    started.elapsed()
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    let count: usize = std::env::var("CASEBOOK_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seed =
        std::fs::read_to_string(root.join("cases/klantpartnerschap.yaml")).expect("the seed case");
    // `CASEBOOK_BENCH_CLASS=folder`: only the class below, written for the studio's grading page
    // to be measured on (the README's figures): `class/` with its 300 submissions, `model.yaml`.
    if let Some(folder) = std::env::var_os("CASEBOOK_BENCH_CLASS").map(PathBuf::from) {
        generate(&seed, &folder.join("class"), count.min(300));
        std::fs::write(folder.join("model.yaml"), &seed).expect("write the model answer");
        return;
    }
    let work = tempfile::tempdir().expect("temporary folder");
    let cases = work.path().join("cases");
    generate(&seed, &cases, count);
    let options = BuildOptions {
        cases: cases.clone(),
        out: work.path().join("output"),
        formats: Formats::ALL,
        jobs: None,
        force: false,
    };

    let renderers = Engine::new(&Settings {
        pdf: Some(casebook_pdf::maker),
        ..Settings::default()
    })
    .expect("built-in templates load");
    let full = timed(&options, &renderers);
    let rss = peak_rss_mb();
    let unchanged = timed(&options, &renderers);

    // A student's single case, as a process of its own: start-up, fonts, all three formats.
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_casebook"));
    let single = work.path().join("single");
    generate(&seed, &single, 1);
    let singles: Vec<Duration> = (0..7)
        .map(|_| {
            per_process(
                &binary,
                std::slice::from_ref(&single),
                &work.path().join("single-out"),
            )
        })
        .collect();
    let single_case = median(singles);

    // One process per case, on a sample, against the in-process cost per case.
    let sample = count.min(50);
    let folders: Vec<PathBuf> = (0..sample)
        .map(|i| {
            let folder = work.path().join(format!("alone/{i}"));
            std::fs::create_dir_all(&folder).expect("folder");
            std::fs::copy(
                cases.join(format!("case-{i:04}.yaml")),
                folder.join("case.yaml"),
            )
            .expect("copy");
            folder
        })
        .collect();
    let alone = per_process(&binary, &folders, &work.path().join("alone-out"));
    let per_case_alone = alone.as_secs_f64() / sample as f64;
    let per_case_in_process = full.as_secs_f64() / count as f64;

    // A class: the first 300 cases as submissions, each the model's items (its ids, as a
    // student's starter keeps them) with stances and words of its own; the seed is the model
    // answer. Built into a fresh folder, then graded with feedback in all three formats.
    let class = count.min(300);
    let submissions = work.path().join("class");
    std::fs::create_dir_all(&submissions).expect("class folder");
    for i in 0..class {
        let name = format!("case-{i:04}.yaml");
        std::fs::copy(cases.join(&name), submissions.join(&name)).expect("copy");
    }
    let build_class = |folder: &str, renderers: &Engine| {
        let options = BuildOptions {
            cases: submissions.clone(),
            out: work.path().join(folder),
            ..options.clone()
        };
        timed(&options, renderers)
    };
    let class_build = build_class("class-output", &renderers);
    // The same class as `casebook build` writes it by default: each report with its hand-out.
    let both = Engine::new(&Settings {
        handout: true,
        pdf: Some(casebook_pdf::maker),
        ..Settings::default()
    })
    .expect("built-in templates load");
    let class_build_both = build_class("class-output-both", &both);
    let key = work.path().join("model.yaml");
    std::fs::write(&key, &seed).expect("write the model answer");
    let started = Instant::now();
    let graded = grade(
        &GradeOptions {
            submissions,
            key,
            out: work.path().join("grades"),
            reveal: false,
            csv_separator: b',',
            formats: Formats::ALL,
            jobs: None,
            lms: None,
            assignment: None,
            roster: None,
        },
        &renderers,
    )
    .expect("the class is graded");
    let class_grade = started.elapsed();
    assert!(!graded.failed(), "a submission failed to grade");
    // Every submission compared and marked: an empty or another case costs no feedback PDF.
    assert_eq!(
        graded.count(casebook_core::grade::Status::Graded),
        class,
        "every submission is graded"
    );

    println!(
        "| measurement ({count} cases, {} threads) | figure |",
        rayon::current_num_threads()
    );
    println!("|---|---|");
    println!(
        "| full build, md + html + pdf | {:.2} s |",
        full.as_secs_f64()
    );
    println!("| peak RSS of the full build | {rss:.0} MB |");
    println!(
        "| rebuild, nothing changed | {:.3} s |",
        unchanged.as_secs_f64()
    );
    println!(
        "| one case, fresh process, all formats (median of 7) | {:.0} ms |",
        single_case.as_secs_f64() * 1000.0
    );
    println!(
        "| per case, in one process | {:.1} ms |",
        per_case_in_process * 1000.0
    );
    println!(
        "| per case, one process each ({sample} cases) | {:.1} ms |",
        per_case_alone * 1000.0
    );
    println!(
        "| one process per case ÷ in-process | {:.1}× |",
        per_case_alone / per_case_in_process
    );
    println!(
        "| build {class} cases, md + html + pdf | {:.2} s |",
        class_build.as_secs_f64()
    );
    println!(
        "| build {class} cases with their hand-outs (the CLI's default) | {:.2} s |",
        class_build_both.as_secs_f64()
    );
    println!(
        "| grade the same {class} against the model, feedback md + html + pdf | {:.2} s |",
        class_grade.as_secs_f64()
    );
    println!(
        "| grading ÷ building the reports | {:.2}× |",
        class_grade.as_secs_f64() / class_build.as_secs_f64()
    );
    println!(
        "| grading ÷ building with hand-outs | {:.2}× |",
        class_grade.as_secs_f64() / class_build_both.as_secs_f64()
    );
}
