//! `casebook schema --lang nl|en`: an editor explains every type and key in the language asked
//! for, with the texts of the locale files, and offers the three values of `choice`.

use casebook::case::Language;
use casebook::messages::locale;
use serde_json::{Value, json};

use crate::support::casebook;

fn schema(lang: &str) -> Value {
    let output = casebook()
        .args(["schema", "--lang", lang])
        .output()
        .expect("schema");
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("the schema is JSON")
}

#[test]
fn every_key_is_described_from_the_locale_of_the_language_asked_for() {
    for (lang, language) in [("nl", Language::Nl), ("en", Language::En)] {
        let schema = schema(lang);
        let described = casebook::schema::descriptions(&schema);
        let texts = locale(language);
        let missing: Vec<&str> = described
            .iter()
            .filter(|(key, _)| !texts.has(key))
            .map(|(key, _)| key.as_str())
            .collect();
        assert!(
            missing.is_empty(),
            "describe these keys in templates/locale/{lang}.toml: {missing:?}"
        );
        for (key, description) in &described {
            assert_eq!(
                description.as_deref(),
                Some(texts.text(key)),
                "{lang}: {key}"
            );
        }
        let stale: Vec<&str> = texts
            .keys()
            .filter(|key| key.starts_with("schema."))
            .filter(|key| !described.iter().any(|(k, _)| k == key))
            .collect();
        assert!(
            stale.is_empty(),
            "templates/locale/{lang}.toml describes keys the case format does not have: {stale:?}"
        );
    }
}

#[test]
fn an_editor_shows_dutch_or_english_word_for_word() {
    let nl = schema("nl");
    let en = schema("en");
    let stance = "/$defs/Stance/properties/stance/description";
    assert_eq!(
        nl.pointer(stance),
        Some(&json!(
            "--, -, 0, + of ++ (zet een losse min tussen aanhalingstekens: \"-\"), of een geheel getal van -2 tot 2."
        ))
    );
    assert_eq!(
        en.pointer(stance),
        Some(&json!(
            "--, -, 0, + or ++ (put a lone minus in quotes: \"-\"), or a whole number from -2 to 2."
        ))
    );
    assert_eq!(
        nl.pointer("/properties/meta/description"),
        Some(&json!("Titel, auteur, vak, datum, taal en de organisatie."))
    );
    for schema in [&nl, &en] {
        assert_eq!(
            schema.pointer("/properties/choice/enum"),
            Some(&json!([
                "customer_intimacy",
                "operational_excellence",
                "product_leadership"
            ]))
        );
    }
}
