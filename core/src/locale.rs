//! Labels and generated sentences per language, from `templates/locale/<lang>.toml`: the only
//! place where the report's Dutch and English words live.

use std::collections::BTreeMap;

use crate::lang::Language;

const NL: &str = include_str!("../../templates/locale/nl.toml");
const EN: &str = include_str!("../../templates/locale/en.toml");

/// The texts of one language, by dotted key (`findings.smart_t`).
#[derive(Clone, Debug)]
pub struct Locale {
    pub language: Language,
    texts: BTreeMap<String, String>,
}

impl Locale {
    /// The built-in locale of a language.
    pub fn builtin(language: Language) -> Locale {
        let source = match language {
            Language::Nl => NL,
            Language::En => EN,
        };
        // The built-in files are checked by a test; a broken one yields no texts, not a panic.
        Locale {
            language,
            texts: texts_of(source).unwrap_or_default(),
        }
    }

    /// Reads a locale file's text over the built-in one: an override (`--templates`) names only
    /// the labels it changes, and every other label keeps its built-in text.
    pub fn parse(language: Language, source: &str) -> Result<Locale, toml::de::Error> {
        let mut texts = Self::builtin(language).texts;
        texts.extend(texts_of(source)?);
        Ok(Locale { language, texts })
    }

    /// The keys of an override's text that the built-in locale does not have: labels no
    /// template asks for, most often a typing error. A text that does not parse has none.
    pub fn unknown_keys(language: Language, source: &str) -> Vec<String> {
        let builtin = Self::builtin(language);
        texts_of(source)
            .map(|texts| texts.into_keys().filter(|k| !builtin.has(k)).collect())
            .unwrap_or_default()
    }

    /// The text for `key`; a missing key shows as itself so that it is noticed, never as a panic.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.get(key).map_or(key, String::as_str)
    }

    /// The text for `key`, when the locale has one.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// Whether the locale has a text for `key`.
    pub fn has(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.text(key).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// A score as the reports print it: signed, two decimals, a real minus sign and the
    /// locale's decimal separator (`+0,67`, `−0,17`).
    pub fn score(&self, value: f64) -> String {
        let rounded = (value * 100.0).round() / 100.0;
        if rounded == 0.0 {
            return self.localised("0.00");
        }
        self.localised(&format!("{rounded:+.2}"))
    }

    /// A weight, sum or margin without needless decimals (`2`, `1,5`, `0,04`, `−3`).
    pub fn amount(&self, value: f64) -> String {
        self.localised(&format!("{}", (value * 100.0).round() / 100.0))
    }

    fn localised(&self, number: &str) -> String {
        number
            .replace('-', "\u{2212}")
            .replace('.', self.text("report.decimal"))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// Every text under `prefix.` as a nested JSON object, for templates.
    pub fn section(&self, prefix: &str) -> serde_json::Value {
        let start = format!("{prefix}.");
        let map: serde_json::Map<String, serde_json::Value> = self
            .texts
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix(&start)
                    .map(|rest| (rest.to_string(), serde_json::Value::String(v.clone())))
            })
            .collect();
        serde_json::Value::Object(map)
    }
}

fn texts_of(source: &str) -> Result<BTreeMap<String, String>, toml::de::Error> {
    let table: toml::Table = toml::from_str(source)?;
    let mut texts = BTreeMap::new();
    flatten("", &table, &mut texts);
    Ok(texts)
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&full, inner, out),
            toml::Value::String(text) => {
                out.insert(full, text.clone());
            }
            other => {
                out.insert(full, other.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_changes_only_the_labels_it_names() {
        let school = Locale::parse(
            Language::Nl,
            "[report]\nsummary = \"Conclusie van de case\"\n",
        )
        .expect("override parses");
        let builtin = Locale::builtin(Language::Nl);
        assert_eq!(school.text("report.summary"), "Conclusie van de case");
        assert_eq!(
            school.text("report.decimal"),
            builtin.text("report.decimal")
        );
        assert_eq!(school.score(-0.5), "\u{2212}0,50");
    }

    #[test]
    fn both_locales_parse_and_have_the_same_keys() {
        let nl = Locale::parse(Language::Nl, NL).expect("nl.toml parses");
        let en = Locale::parse(Language::En, EN).expect("en.toml parses");
        let nl_keys: Vec<&str> = nl.keys().collect();
        let en_keys: Vec<&str> = en.keys().collect();
        let missing_en: Vec<&&str> = nl_keys.iter().filter(|k| !en_keys.contains(k)).collect();
        let missing_nl: Vec<&&str> = en_keys.iter().filter(|k| !nl_keys.contains(k)).collect();
        assert!(
            missing_en.is_empty() && missing_nl.is_empty(),
            "missing in en: {missing_en:?}; missing in nl: {missing_nl:?}"
        );
    }
}
