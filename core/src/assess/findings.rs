//! Collecting findings: each a [`Diagnostic`] at the case item concerned, worded from the
//! case's locale.

use std::path::Path;

use crate::case::{Discipline, Position};
use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::Locale;

pub struct Findings<'a> {
    path: &'a Path,
    pub locale: &'a Locale,
    pub list: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    pub fn new(path: &'a Path, locale: &'a Locale) -> Self {
        Self {
            path,
            locale,
            list: Vec::new(),
        }
    }

    /// The name of a discipline in the case's language.
    pub fn name(&self, discipline: Discipline) -> String {
        self.locale
            .text(&format!("disciplines.{}", discipline.key()))
            .to_string()
    }

    /// Words from `<section>.<key>` for each key, joined as a sentence lists them
    /// ("a, b and c").
    pub fn words(&self, section: &str, keys: &[&str]) -> String {
        let words: Vec<String> = keys
            .iter()
            .map(|k| self.locale.text(&format!("{section}.{k}")).to_string())
            .collect();
        match words.split_last() {
            None => String::new(),
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!(
                "{} {} {last}",
                rest.join(", "),
                self.locale.text("findings.and")
            ),
        }
    }

    /// Records a warning worded by `findings.<key>`; its hint is `findings.<key>_hint` when there is one.
    pub fn warn(
        &mut self,
        at: Position,
        code: &'static str,
        key: &str,
        values: &[(&str, &str)],
        item: Option<&str>,
    ) {
        self.push(Severity::Warning, at, code, key, values, item);
    }

    pub fn info(
        &mut self,
        at: Position,
        code: &'static str,
        key: &str,
        values: &[(&str, &str)],
        item: Option<&str>,
    ) {
        self.push(Severity::Info, at, code, key, values, item);
    }

    fn push(
        &mut self,
        severity: Severity,
        at: Position,
        code: &'static str,
        key: &str,
        values: &[(&str, &str)],
        item: Option<&str>,
    ) {
        let message = self.locale.fill(&format!("findings.{key}"), values);
        let mut finding = Diagnostic::error(self.path, at, code, message).with_severity(severity);
        finding.item = item.map(str::to_string);
        finding.language = self.locale.language;
        let hint_key = format!("findings.{key}_hint");
        if self.locale.text(&hint_key) != hint_key {
            finding.hint = Some(self.locale.fill(&hint_key, values));
        }
        self.list.push(finding);
    }

    /// Replaces the hint of the last finding.
    pub fn hint(&mut self, key: &str, values: &[(&str, &str)]) {
        let text = self.locale.fill(&format!("findings.{key}"), values);
        if let Some(last) = self.list.last_mut() {
            last.hint = Some(text);
        }
    }
}
