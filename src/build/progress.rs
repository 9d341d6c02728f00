//! How a build shows its progress: a bar on a terminal, one plain line per case elsewhere (CI,
//! pipes), nothing with `--quiet`.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use crate::build::pipeline::{CaseOutcome, CaseStatus, Progress};

/// How much a command prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// The progress display for a terminal or a log.
pub struct Display {
    bar: Option<ProgressBar>,
    verbosity: Verbosity,
}

impl Display {
    pub fn new(verbosity: Verbosity) -> Self {
        let bar = (verbosity != Verbosity::Quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(0);
            let style = ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            bar
        });
        Self { bar, verbosity }
    }

    /// Prints text (one line or several, in one write) without tearing the bar.
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Display {
    fn start(&self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(u64::try_from(total).unwrap_or(u64::MAX));
        }
    }

    fn case_started(&self, path: &Path) {
        if let Some(bar) = &self.bar {
            bar.set_message(path.display().to_string());
        }
    }

    fn case_finished(&self, outcome: &CaseOutcome) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        // On a terminal the bar shows progress; plain lines are for logs and for failures. An
        // unchanged case is named only with --verbose, but its warnings are repeated.
        let verbose = self.verbosity == Verbosity::Verbose;
        let logged = self.verbosity != Verbosity::Quiet && (self.bar.is_none() || verbose);
        let (key, named) = match outcome.status {
            CaseStatus::Built => ("case_built", logged),
            CaseStatus::Skipped => ("case_unchanged", verbose),
            CaseStatus::Failed {
                kept_previous: true,
            } => ("case_failed_kept", true),
            CaseStatus::Failed {
                kept_previous: false,
            } => ("case_failed", true),
        };
        // One case's lines go out in one write: workers finish at the same moment, and a case's
        // name and its diagnostics must not interleave with another's.
        let mut block = Vec::new();
        if named {
            let path = outcome.path.display().to_string();
            block.push(casebook_core::messages::cli(key, &[("path", &path)]));
        }
        for diagnostic in &outcome.diagnostics {
            if diagnostic.is_error() || self.verbosity != Verbosity::Quiet {
                // The case text only illustrates the case's own diagnostics, not a template's.
                let source = outcome
                    .source
                    .as_deref()
                    .filter(|_| diagnostic.file == outcome.path);
                block.push(diagnostic.render(source).trim_end().to_string());
            }
        }
        if !block.is_empty() {
            self.line(&block.join("\n"));
        }
    }
}
