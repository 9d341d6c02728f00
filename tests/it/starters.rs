//! The starters as the studio shows and writes them: their opening comments speak of the studio
//! (word for word, from `studio_starter.*` of the locale), never of commands a studio user cannot
//! run; the rest is the CLI's, and the blank one checks clean.

use std::path::Path;

use casebook_core::case::{Discipline, Language, load_source};
use casebook_core::starter::assignment::{student_case, to_yaml_headed};
use casebook_core::starter::blank::{starter_text, studio_starter_text};

use crate::support::root;

#[test]
fn the_studios_blank_starter_speaks_of_the_studio_and_checks_clean() {
    let studio = studio_starter_text(Language::Nl, Discipline::CustomerIntimacy, "2026-12-07")
        .expect("the studio's starter");
    let opening: Vec<&str> = studio.lines().take(5).collect();
    assert_eq!(
        opening,
        [
            "# In de studio schrijf je links je case; rechts staat het rapport zodra de case geen fouten heeft.",
            "# Typ de eerste letters van een sleutel (of druk Ctrl+Spatie): de studio vult aan wat hier mag.",
            "# Wijs een sleutel aan voor zijn uitleg. Een melding onder de editor heeft vaak een knop die de",
            "# fout verbetert. Met Download bewaar je de case (YAML) en het rapport.",
            "# Een casebook-case: de onderbouwing van de keuze voor een waardestrategie (Treacy & Wiersema).",
        ]
    );
    assert!(!studio.contains("casebook check") && !studio.contains("casebook schema"));
    // Below the opening, the CLI's starter line for line.
    let cli = starter_text(
        Language::Nl,
        Discipline::CustomerIntimacy,
        "case.yaml",
        None,
        "2026-12-07",
    )
    .expect("the CLI's starter");
    let after = |text: &str| {
        text.split_once("# Houding")
            .map(|(_, rest)| rest.to_string())
    };
    assert_eq!(after(&studio), after(&cli));
    let loaded = load_source(Path::new("case.yaml"), studio.into_bytes()).expect("it reads");
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
}

#[test]
fn the_studios_hand_out_starter_is_headed_with_the_studios_words() {
    let path = root().join("cases/klantpartnerschap.yaml");
    let text = std::fs::read(&path).expect("the worked example");
    let loaded = load_source(&path, text).expect("the worked example reads");
    let locale = casebook_core::messages::locale(Language::Nl);
    let name = "klantpartnerschap.student.yaml";
    let starter = to_yaml_headed(
        &student_case(&loaded.case),
        locale,
        name,
        "studio_starter.handout",
    )
    .expect("the hand-out starter");
    assert!(starter.starts_with(
        "# Startbestand voor de student (klantpartnerschap.student.yaml): de feiten van de case staan er al in; de antwoorden zijn leeg.\n\
         # Vul elke lege houding (stance) en redenering (reasoning) in, en de andere lege teksten ('').\n\
         # Open het in de casebook-studio: die controleert je werk terwijl je typt en maakt je eigen rapport.\n\nmeta:\n"
    ), "{starter}");
}
