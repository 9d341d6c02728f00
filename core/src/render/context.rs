//! What every part of the report view is built with: the case, its assessment, the locale, the
//! edition and the format's rich-text function ([`Context`]), below the view and its parts.

use serde::Serialize;
use serde_json::Value;

use crate::assess::{Assessment, verdict_key};
use crate::case::{Case, Discipline, Ground, Text};
use crate::locale::Locale;

/// Turns one free text (inline Markdown) into the renderer's rich text.
pub type Rich<'a> = &'a dyn Fn(&str) -> Value;

/// Which edition of the report: the model answer, or the assignment without the answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    #[default]
    Teacher,
    Student,
}

impl Edition {
    /// The file-name suffix of the edition's reports: nothing for the teacher's, `.student` for
    /// the student's (`<slug>.student.html`).
    pub fn suffix(self) -> &'static str {
        match self {
            Edition::Teacher => "",
            Edition::Student => ".student",
        }
    }
}

/// What every part of the view builder needs.
pub struct Context<'a> {
    pub case: &'a Case,
    pub assessment: &'a Assessment,
    pub locale: &'a Locale,
    pub edition: Edition,
    pub rich: Rich<'a>,
}

impl Context<'_> {
    pub fn text(&self, text: &Text) -> Value {
        (self.rich)(&text.value)
    }

    /// A text, or when it is empty the label `report.<empty>` in italics: a report never shows a
    /// label with nothing after it.
    pub fn text_or(&self, text: &Text, empty: &str) -> Value {
        if text.value.trim().is_empty() {
            (self.rich)(&format!("*{}*", self.label(empty)))
        } else {
            self.text(text)
        }
    }

    pub fn optional(&self, text: &Option<Text>) -> Option<Value> {
        text.as_ref().map(|t| self.text(t))
    }

    /// A text only the teacher edition shows: `None` for students. Reasoning and conclusions are
    /// answers; introductions and other free prose are the teacher's text, which may name them.
    pub fn answer(&self, text: &Option<Text>) -> Option<Value> {
        (self.edition == Edition::Teacher)
            .then(|| self.optional(text))
            .flatten()
    }

    /// A text only the student edition shows: the teacher's instructions.
    pub fn assignment(&self, text: &Option<Text>) -> Option<Value> {
        (self.edition == Edition::Student)
            .then(|| self.optional(text))
            .flatten()
    }

    pub fn label(&self, key: &str) -> String {
        self.locale.text(&format!("report.{key}")).to_string()
    }

    pub fn discipline(&self, discipline: Discipline) -> String {
        self.locale
            .text(&format!("disciplines.{}", discipline.key()))
            .to_string()
    }

    pub fn ground_title(&self, ground: Ground) -> String {
        self.locale
            .text(&format!("grounds.{}", ground.letter()))
            .to_string()
    }

    pub fn verdict_name(&self, verdict: crate::assess::Verdict) -> String {
        self.locale
            .text(&format!("verdicts.{}", verdict_key(verdict)))
            .to_string()
    }
}
