//! The published example set: `output/` is committed, and a fresh build of `cases/` must give
//! exactly those files, byte for byte (which also proves the build is deterministic).
//! `UPDATE_EXPECT=1 cargo test --release` rewrites `output/` after a deliberate change.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::support::{casebook, files, root};

#[test]
fn the_committed_output_is_what_cases_build_to() {
    // A copy of the project's layout (`cases/` beside `output/`), as the manifest records each
    // case file as seen from the output folder.
    let dir = tempfile::tempdir().expect("temporary folder");
    let fresh = dir.path().join("output");
    std::fs::create_dir(dir.path().join("cases")).expect("cases folder");
    for (path, bytes) in files(&root().join("cases")) {
        std::fs::write(dir.path().join("cases").join(path), bytes).expect("copy a case");
    }
    casebook()
        .current_dir(dir.path())
        .args(["build", "cases", "--quiet", "--out", "output"])
        .assert()
        .success();
    let published = root().join("output");
    // The README's screenshots live beside the reports; they are pictures of them, not output.
    let built = |dir: &std::path::Path| {
        let mut all = files(dir);
        all.retain(|path, _| !path.starts_with("gallery"));
        all
    };
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        for (path, _) in built(&published) {
            std::fs::remove_file(published.join(path)).expect("remove an old output file");
        }
        for (path, bytes) in files(&fresh) {
            let target = published.join(&path);
            std::fs::create_dir_all(target.parent().expect("a folder")).expect("folder");
            std::fs::write(target, bytes).expect("write an output file");
        }
        return;
    }
    let (want, got) = (built(&published), files(&fresh));
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&want),
        names(&got),
        "output/ holds other files than a build of cases/ makes; run UPDATE_EXPECT=1 cargo test --release"
    );
    for (path, bytes) in &got {
        assert!(
            want.get(path) == Some(bytes),
            "output/{} differs from a fresh build; run UPDATE_EXPECT=1 cargo test --release if the change is meant",
            path.display()
        );
    }
}
