//! The engine's shape, kept: `core/src/lib.rs` declares its modules in the order of the stages,
//! and no module imports one declared after it; inside a folder no two modules import each
//! other; the engine opens no file, starts no thread and reads no clock, and its manifest has
//! none of the command line's crates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::root;

fn core() -> PathBuf {
    root().join("core/src")
}

/// The code of the `.rs` files under `path` (a file or a folder), comment lines left out.
fn code(path: &Path) -> String {
    let files: Vec<PathBuf> = if path.is_dir() {
        walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .map(walkdir::DirEntry::into_path)
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect()
    } else {
        vec![path.to_path_buf()]
    };
    files
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).expect("a source file");
            text.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The modules a folder (or `lib.rs`) declares, in order, with their source (file or folder).
fn modules(folder: &Path, declaring: &str) -> Vec<(String, PathBuf)> {
    let text = std::fs::read_to_string(folder.join(declaring)).expect("lib.rs or mod.rs");
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            let name = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("pub(crate) mod "))
                .or_else(|| l.strip_prefix("mod "))?
                .strip_suffix(';')?;
            let file = folder.join(format!("{name}.rs"));
            let source = if file.is_file() {
                file
            } else {
                folder.join(name)
            };
            Some((name.to_string(), source))
        })
        .collect()
}

/// Whether `code` refers to module `name` through `prefix` (`crate::case` in `crate::case::X`
/// or `use crate::{case, …}` is not written here: the crate's style names each path).
fn refers(code: &str, prefix: &str) -> bool {
    code.match_indices(prefix).any(|(at, _)| {
        let next = code[at + prefix.len()..].chars().next();
        !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn no_module_of_the_engine_imports_a_later_stage() {
    let stages = modules(&core(), "lib.rs");
    assert!(stages.len() >= 10, "core/src/lib.rs declares {stages:?}");
    let mut upward = Vec::new();
    for (at, (name, source)) in stages.iter().enumerate() {
        let code = code(source);
        for (later, _) in &stages[at + 1..] {
            if refers(&code, &format!("crate::{later}")) {
                upward.push(format!("{name} imports {later}, a later stage"));
            }
        }
    }
    assert!(upward.is_empty(), "{upward:#?}");
}

#[test]
fn no_two_modules_in_a_folder_of_the_engine_import_each_other() {
    let mut circles = Vec::new();
    let folders = walkdir::WalkDir::new(core())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("mod.rs").is_file());
    for folder in folders {
        let folder = folder.path();
        let path = folder.strip_prefix(core()).expect("under core/src");
        let path = path.to_string_lossy().replace(['/', '\\'], "::");
        let children = modules(folder, "mod.rs");
        let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (name, source) in &children {
            let code = code(source);
            // A file in the folder says `super::x`, one a folder deeper `super::super::x`.
            let sibling = if source.is_dir() {
                "super::super::"
            } else {
                "super::"
            };
            for (other, _) in children.iter().filter(|(other, _)| other != name) {
                if refers(&code, &format!("crate::{path}::{other}"))
                    || refers(&code, &format!("{sibling}{other}"))
                {
                    edges.entry(name).or_default().insert(other);
                }
            }
        }
        for (a, targets) in &edges {
            for b in targets {
                if a < b && edges.get(b).is_some_and(|back| back.contains(a)) {
                    circles.push(format!("{path}: {a} and {b} import each other"));
                }
            }
        }
    }
    assert!(circles.is_empty(), "{circles:#?}");
}

#[test]
fn the_engine_opens_no_file_starts_no_thread_and_reads_no_clock() {
    let code = code(&core());
    let shell_only = [
        "std::fs",
        "std::thread",
        "std::process",
        "SystemTime",
        "Instant::now",
        "std::net",
    ];
    let found: Vec<&str> = shell_only
        .into_iter()
        .filter(|p| code.contains(p))
        .collect();
    assert!(found.is_empty(), "core/src uses {found:?}");
    let manifest =
        std::fs::read_to_string(root().join("core/Cargo.toml")).expect("core/Cargo.toml");
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .expect("a [dependencies] table");
    let cli_crates = [
        "clap",
        "walkdir",
        "rayon",
        "notify",
        "indicatif",
        "tempfile",
        "ctrlc",
        "mimalloc",
        "tiny_http",
    ];
    let found: Vec<&str> = cli_crates
        .into_iter()
        .filter(|c| {
            dependencies
                .lines()
                .any(|l| l.starts_with(&format!("{c} ")))
        })
        .collect();
    assert!(found.is_empty(), "core/Cargo.toml depends on {found:?}");
    // The PDF renderer (typst and its fonts) is the `pdf/` crate the shells give the engine, so
    // the browser's preview loads without it.
    assert!(
        !manifest.to_lowercase().contains("typst"),
        "core/Cargo.toml names typst"
    );
    let typst_paths = ["typst::", "typst_pdf::", "typst_layout::", "typst_assets::"];
    let found: Vec<&str> = typst_paths
        .into_iter()
        .filter(|p| code.contains(p))
        .collect();
    assert!(found.is_empty(), "core/src uses {found:?}");
    assert!(
        !manifest.contains("[features]"),
        "the engine has no features"
    );
}
