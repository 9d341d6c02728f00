//! The assessment of the seed case agrees with the seed's own conclusions, and every rule can
//! be traced in `assessment.json`.

use crate::support::casebook;

fn seed_assessment() -> serde_json::Value {
    let output = casebook()
        .args(["assess", "cases/klantpartnerschap.yaml"])
        .output()
        .expect("run casebook assess");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("assess prints JSON")
}

#[test]
fn the_seed_substantiates_customer_intimacy_on_every_ground() {
    let a = seed_assessment();
    assert_eq!(a["case"], "klantpartnerschap");
    assert_eq!(a["choice"], "customer_intimacy");
    for ground in ["A", "B", "C", "D"] {
        assert_eq!(
            a["grounds"][ground]["customer_intimacy"]["verdict"], "substantiated",
            "ground {ground}"
        );
    }
    assert_eq!(a["overall"]["verdict"], "substantiated");
    assert_eq!(a["verdicts"]["operational_excellence"], "unsubstantiated");
    assert_eq!(a["verdicts"]["product_leadership"], "unsubstantiated");
    assert!(
        a["overall"]["margin"].as_f64().expect("margin") > 0.5,
        "the margin is clear"
    );
}

#[test]
fn ground_a_is_the_hand_computed_sum_of_the_mission_fragments() {
    let a = seed_assessment();
    let ci = &a["grounds"]["A"]["customer_intimacy"];
    // M1 +, M2 +, M3 ++ : (1 + 1 + 2) / (2 · 3) = 0.6667
    assert_eq!(ci["score"], 0.6667);
    assert_eq!(ci["sum"], 4.0);
    assert_eq!(ci["weight_total"], 3.0);
    let items: Vec<&str> = ci["contributions"]
        .as_array()
        .expect("contributions")
        .iter()
        .map(|c| c["item"].as_str().expect("item"))
        .collect();
    assert_eq!(items, ["M1", "M2", "M3"]);
    assert_eq!(ci["contributions"][2]["stance"], 2);
}

#[test]
fn no_loss_of_customers_is_not_time_bound() {
    let a = seed_assessment();
    let findings = a["findings"].as_array().expect("findings");
    let t = findings
        .iter()
        .find(|f| f["code"] == "SMART-T")
        .expect("a SMART-T finding");
    assert_eq!(t["item"], "D3");
    assert_eq!(t["severity"], "warning");
    assert!(
        t["message"]
            .as_str()
            .expect("message")
            .contains("niet tijdgebonden")
    );
    let d3 = a["smart"]
        .as_array()
        .expect("smart")
        .iter()
        .find(|s| s["item"] == "D3")
        .expect("D3");
    assert_eq!(d3["letters"]["T"], false);
    assert_eq!(d3["letters"]["S"], true);
}

#[test]
fn check_reports_findings_and_deny_warnings_fails() {
    let ok = casebook()
        .args(["check", "cases/klantpartnerschap.yaml"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&ok.get_output().stdout).into_owned();
    assert!(text.contains("cases/klantpartnerschap.yaml:354:11: waarschuwing[SMART-T]: Doelstelling D3 is niet tijdgebonden"), "{text}");
    casebook()
        .args(["check", "--deny-warnings", "cases/klantpartnerschap.yaml"])
        .assert()
        .code(1);
}

#[test]
fn a_weak_flawed_case_gets_the_feedback_a_student_needs() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("zwak.yaml");
    casebook().args(["new"]).arg(&path).assert().success();
    // Make objective D1 unmeasurable and untimed, and the mission neutral for the choice.
    let text = std::fs::read_to_string(&path)
        .expect("starter")
        .replace("      target: 65\n", "")
        .replace("      period: binnen één jaar\n", "")
        .replace(
            "stance: \"+\"\n            reasoning: >-\n              Waarom dit deel past bij de gekozen strategie.",
            "stance: \"0\"\n            reasoning: >-\n              Zegt niets.",
        );
    std::fs::write(&path, text).expect("write");
    let output = casebook()
        .arg("assess")
        .arg(&path)
        .output()
        .expect("assess");
    let a: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let codes: Vec<&str> = a["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("code"))
        .collect();
    for code in ["SMART-M", "SMART-T", "GROUND-UNARGUED"] {
        assert!(codes.contains(&code), "{code} missing in {codes:?}");
    }
    assert_ne!(a["overall"]["verdict"], "substantiated");
}
