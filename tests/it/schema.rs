//! `casebook schema --lang nl|en`: an editor explains every type and key in the language asked
//! for, with the texts of the locale files, and offers the three values of `choice`.

use casebook_core::case::Language;
use casebook_core::messages::locale;
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
        let described = casebook_core::schema::descriptions(&schema);
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
fn every_key_has_a_name_for_the_studios_place_of_the_cursor() {
    for (lang, language) in [("nl", Language::Nl), ("en", Language::En)] {
        let mut keys = Vec::new();
        casebook_core::schema::property_names(&schema(lang), &mut keys);
        let names = casebook_core::schema::part_names(language);
        keys.sort();
        keys.dedup();
        let nameless: Vec<&String> = keys
            .iter()
            .filter(|key| names.get(*key).is_none_or(|name| name.trim().is_empty()))
            .collect();
        assert!(
            keys.len() > 40 && nameless.is_empty(),
            "name these keys in [places] of templates/locale/{lang}.toml: {nameless:?}"
        );
    }
    let nl = casebook_core::schema::part_names(Language::Nl);
    let en = casebook_core::schema::part_names(Language::En);
    assert_eq!(nl["current_situation"], "Grond B");
    assert_eq!(nl["choice"], "Gekozen waardestrategie");
    assert_eq!(
        (nl["cells"].as_str(), en["cells"].as_str()),
        ("Cellen", "Cells")
    );
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

#[test]
fn a_new_case_anywhere_points_at_the_projects_schema_from_its_own_folder() {
    let project = tempfile::tempdir().expect("temporary folder");
    let root = project.path().canonicalize().expect("real path");
    std::fs::create_dir_all(root.join("schema")).expect("schema folder");
    std::fs::create_dir_all(root.join("cases/groep1")).expect("cases folder");
    std::fs::write(root.join("schema/case.schema.json"), "{}").expect("schema");
    let first_line = |file: &std::path::Path| {
        let text = std::fs::read_to_string(file).expect("starter");
        text.lines().next().unwrap_or_default().to_string()
    };
    let new = |folder: &std::path::Path, name: &std::path::Path| {
        casebook()
            .current_dir(folder)
            .arg("new")
            .arg(name)
            .assert()
            .success();
    };
    // An absolute path, from the project's root.
    let absolute = root.join("cases/groep1/a.yaml");
    new(&root, &absolute);
    assert_eq!(
        first_line(&absolute),
        "# yaml-language-server: $schema=../../schema/case.schema.json"
    );
    // A relative path with `..`, from a subfolder of the project.
    new(
        &root.join("cases/groep1"),
        std::path::Path::new("../b.yaml"),
    );
    assert_eq!(
        first_line(&root.join("cases/b.yaml")),
        "# yaml-language-server: $schema=../schema/case.schema.json"
    );
    // Beside the project, from its root: still the project's schema, as seen from there.
    let name = root
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let beside = root.with_file_name(format!("{name}-naast"));
    new(
        &root,
        &std::path::Path::new("..").join(format!("{name}-naast/c.yaml")),
    );
    let line = first_line(&beside.join("c.yaml"));
    std::fs::remove_dir_all(&beside).expect("clean up");
    assert_eq!(
        line,
        format!("# yaml-language-server: $schema=../{name}/schema/case.schema.json")
    );
}
