//! Goals as items (issue: real cases go in whole): `desired_situation.goals` is a list of ids
//! (`DL1`… / `G1`…) that objectives name in `links`, or one text; the reports show each goal with
//! its objectives.

use crate::format::{check, one_error, variant, variant_of};
use crate::support::{build_ok, fixture};

/// The findings and errors of a case, as (code, message, hint).
fn diagnostics(path: &std::path::Path) -> Vec<(String, String, String)> {
    check(path)
        .0
        .iter()
        .map(|d| {
            let field = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            (field("code"), field("message"), field("hint"))
        })
        .collect()
}

#[test]
fn the_reports_show_each_goal_with_the_objectives_that_name_it() {
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(&fixture("format"), out.path(), &["--format", "md,html"]);
    let md = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.md")).expect("read");
    assert!(
        md.contains(
            "### Doelen\n\n- **DL1** Kostenverlaging in de hele keten.\n  - **D1** De operationele kosten (exclusief inkoop) dalen van 14,8% naar 13,5% van de omzet, uiterlijk in boekjaar 2026.\n- **DL2** Een blijvend prijsvoordeel ten opzichte van de markt.\n  - **D2** De prijsindex"
        ),
        "{md}"
    );
    assert!(md.contains("  - **D5** Prijspunt is uiterlijk eind 2027 de voordeligste supermarkt van de kernregio.\n- **DL3**"));
    let html = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.html")).expect("read");
    assert!(html.contains(
        "<h3>Doelen</h3>\n<ul class=\"goals\"><li><strong>DL1</strong> Kostenverlaging in de hele keten.<ul><li><strong>D1</strong> De operationele kosten"
    ));
}

#[test]
fn the_student_edition_shows_the_goals_but_not_which_objective_serves_which() {
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(
        &fixture("format"),
        out.path(),
        &["--format", "md", "--edition", "student"],
    );
    let md =
        std::fs::read_to_string(out.path().join("prijspunt/prijspunt.student.md")).expect("read");
    assert!(
        md.contains("- **DL1** Kostenverlaging in de hele keten.\n- **DL2** Een blijvend prijsvoordeel ten opzichte van de markt.\n- **DL3**"),
        "{md}"
    );
}

#[test]
fn an_objective_linked_only_to_a_goal_is_linked_and_relevant() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(dir.path(), "[DL4, Z1, K4, K5]", "[DL4]");
    assert_eq!(diagnostics(&path), []);
    let path = variant(dir.path(), "      links: [DL4, Z1, K4, K5]\n", "");
    let codes: Vec<String> = diagnostics(&path).into_iter().map(|d| d.0).collect();
    assert_eq!(codes, ["GOAL-UNUSED", "OBJECTIVE-UNLINKED"]);
}

#[test]
fn a_goal_no_objective_names_is_a_note() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(dir.path(), "[DL4, Z1, K4, K5]", "[Z1, K4, K5]");
    let (found, ok) = check(&path);
    assert!(ok, "a note, not an error");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["severity"], "info");
    assert_eq!(found[0]["item"], "DL4");
    assert_eq!(
        diagnostics(&path),
        [(
            "GOAL-UNUSED".to_string(),
            "Doel DL4 wordt door geen enkele doelstelling uitgewerkt.".to_string(),
            "Noem DL4 bij links van de doelstelling die dit doel SMART maakt, of voeg zo’n doelstelling toe.".to_string()
        )]
    );
    let english = diagnostics(&fixture("findings/en/thin-margin.yaml"));
    assert!(english.contains(&(
        "GOAL-UNUSED".to_string(),
        "Goal G2 is not worked out by any objective.".to_string(),
        "Name G2 in the links of the objective that makes this goal SMART, or add such an objective.".to_string()
    )));
}

#[test]
fn goals_in_one_text_are_read_with_a_note_on_adding_ids() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(
        dir.path(),
        "  goals:\n    - id: DL1\n      text: Kostenverlaging in de hele keten.\n    - id: DL2\n      text: Een blijvend prijsvoordeel ten opzichte van de markt.\n    - id: DL3\n      text: Groei met nieuwe winkels in kleine kernen.\n    - id: DL4\n      text: Sneller afrekenen.\n",
        "  goals: Kostenverlaging, een blijvend prijsvoordeel, groei en sneller afrekenen.\n",
    );
    let path = variant_of(&path, dir.path(), "[DL1, ", "[");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text
        .replace("[DL2, ", "[")
        .replace("[DL3, ", "[")
        .replace("[DL4, ", "[");
    std::fs::write(&path, text).expect("write");
    assert_eq!(
        diagnostics(&path),
        [(
            "GOALS-WITHOUT-IDS".to_string(),
            "De doelen staan in één tekst, zonder ids: een doelstelling kan niet naar haar doel verwijzen, en het rapport kan de doelstellingen niet per doel tonen.".to_string(),
            "Schrijf elk doel als item met een id (DL1, DL2, …): goals: - id: DL1 text: …; noem die ids bij links van de doelstellingen.".to_string()
        )]
    );
    let english = diagnostics(&fixture("findings/en/contradicted.yaml"));
    assert!(english.contains(&(
        "GOALS-WITHOUT-IDS".to_string(),
        "The goals are written as one text, without ids: an objective cannot name its goal, and the report cannot show the objectives per goal.".to_string(),
        "Write each goal as an item with an id (G1, G2, …): goals: - id: G1 text: …; name those ids in the links of the objectives.".to_string()
    )));
}

#[test]
fn each_wrong_goal_is_an_error_in_the_cases_language() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = [
        (
            "[DL4, Z1, K4, K5]",
            "[DL9, Z1, K4, K5]",
            "DANGLING-ID",
            "doelstelling D4 noemt `DL9`, maar geen item heeft dat id",
        ),
        (
            "    - id: DL4\n",
            "    - id: G4\n",
            "ID-PREFIX",
            // The objective's link to DL4, left dangling by the rename, is not a second error.
            "het id `G4` van een doel moet DL met een nummer zijn (1 fout(en) die hieruit volgen niet getoond)",
        ),
        ("    - id: DL4\n", "    - id: DL3\n", "DUPLICATE-ID", ""),
        ("      text: Sneller afrekenen.\n", "", "MISSING-KEY", ""),
    ];
    for (from, to, code, message) in cases {
        let path = variant(dir.path(), from, to);
        let found = diagnostics(&path);
        let codes: Vec<&str> = found.iter().map(|d| d.0.as_str()).collect();
        assert!(codes.contains(&code), "{to:?}: {found:#?}");
        if !message.is_empty() {
            assert!(found.iter().any(|d| d.1 == message), "{to:?}: {found:#?}");
        }
    }
    let path = variant(
        dir.path(),
        "    - id: DL4\n      text: Sneller afrekenen.\n",
        "    - 4\n",
    );
    let (code, message, _) = one_error(&path);
    assert_eq!(code, "WRONG-TYPE");
    for word in ["variant", "enum", "untagged", "Goal", "struct", "map"] {
        assert!(!message.contains(word), "{message}");
    }
    let english = fixture("findings/en/thin-margin.yaml");
    let path = variant_of(&english, dir.path(), "    - id: G2\n", "    - id: Goal2\n");
    let (code, message, hint) = one_error(&path);
    assert_eq!(code, "ID-PREFIX");
    assert_eq!(
        message,
        "the goal id `Goal2` should be G followed by a number"
    );
    assert_eq!(
        hint,
        "in a case in language `en`, goal ids are G1, G2, …; an objective names them in `links`"
    );
    let path = variant_of(&english, dir.path(), "[G1, S1]", "[G7, S1]");
    let (code, message, _) = one_error(&path);
    assert_eq!(code, "DANGLING-ID");
    assert_eq!(message, "objective OB1 names `G7`, but no item has that id");
}
