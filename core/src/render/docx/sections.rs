//! The report's sections in report order, as the Markdown template has them: title block,
//! introduction, the four grounds, summary, consequences, alternatives, leadership, references,
//! appendix, and for the student edition the worksheet's answer space instead of the answers.

use serde_json::Value;

use super::blocks::{plain, upper_first, w_cell};
use super::styles::{BODY, CELL, LIST_BULLET, QUOTE, SUBTITLE};
use super::{Writer, at, form, has, list, rich, s};

pub fn report(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    w.heading(0, s(v, "meta.title"));
    let edition = if has(v, "comparison") {
        s(v, "comparison.labels.edition")
    } else {
        s(v, "edition_label")
    };
    w.line(SUBTITLE, edition);
    let plain_value = |key: &str| Value::String(s(v, key).to_string());
    w.labelled(
        BODY,
        &label("organisation"),
        &plain_value("meta.organisation"),
    );
    let choice = format!("{} ({})", s(v, "choice.name"), s(v, "choice.promise"));
    w.labelled(BODY, &label("chosen_discipline"), &Value::String(choice));
    for key in ["author", "course", "date"] {
        if has(v, &format!("meta.{key}")) {
            w.labelled(BODY, &label(key), &plain_value(&format!("meta.{key}")));
        }
    }
    if has(v, "comparison") {
        super::form::comparison(w, at(v, "comparison"));
    }
    let student = s(v, "edition") == "student";
    let worksheet = has(v, "worksheet");
    w.heading(1, &label("introduction"));
    optional(w, v, "introduction");
    if student {
        w.line(BODY, &label("student_instructions"));
    }
    assignment(w, v, "case");
    w.line(BODY, &label("questions_intro"));
    for q in list(v, "questions") {
        let title = format!("{}. {}.", s(q, "letter"), s(q, "title"));
        w.labelled(LIST_BULLET, title.trim_end_matches('.'), &q["question"]);
    }
    w.heading(2, &label("context"));
    w.rich(BODY, at(v, "meta.context"));
    if worksheet {
        if has(v, "references") {
            w.heading(2, &label("references"));
            for r in list(v, "references") {
                w.rich(LIST_BULLET, &r["text"]);
            }
        }
        w.line(BODY, &label("worksheet_help"));
    }
    ground_a(w, v);
    ground_b(w, v);
    ground_c(w, v);
    ground_d(w, v);
    if has(v, "summary") {
        summary(w, v);
    }
    if worksheet {
        form::closing(w, v);
    }
    closing(w, v);
    super::form::leadership(w, v);
    if has(v, "references") && !worksheet {
        w.heading(1, &label("references"));
        for r in list(v, "references") {
            w.rich(LIST_BULLET, &r["text"]);
        }
    }
    if has(v, "appendix") {
        appendix(w, v);
    }
}

/// The text at `path` as body paragraphs, when there is one.
fn optional(w: &mut Writer, v: &Value, path: &str) {
    if has(v, path) {
        w.rich(BODY, at(v, path));
    }
}

/// The teacher's instruction for a part (student edition only).
fn assignment(w: &mut Writer, v: &Value, part: &str) {
    let path = format!("assignments.{part}");
    if has(v, &path) {
        w.labelled(BODY, s(v, "labels.assignment"), at(v, &path));
    }
}

/// A ground's heading, its assignment and introduction.
fn ground_head(w: &mut Writer, v: &Value, letter: &str, key: &str) {
    w.heading(1, &format!("{letter}. {}", s(v, &format!("{key}.title"))));
    assignment(w, v, key);
    optional(w, v, &format!("{key}.introduction"));
}

/// An argued item: its heading, each stance with its reasoning, or the worksheet's answer space.
pub fn item(w: &mut Writer, v: &Value, item: &Value) {
    item_with(w, v, item, |_| {});
    if has(item, "worked_out") {
        w.labelled(BODY, s(v, "labels.worked_out"), &Value::Null);
        w.rich(BODY, &item["worked_out"]);
    }
}

fn items(w: &mut Writer, v: &Value, path: &str) {
    for i in list(v, path) {
        item(w, v, i);
    }
}

/// A ground's conclusion: the model's, or the lines the student writes it on.
fn conclusion(w: &mut Writer, v: &Value, key: &str) {
    let path = format!("{key}.conclusion");
    if has(v, &path) {
        w.heading(2, s(v, "labels.conclusion"));
        w.rich(BODY, at(v, &path));
    }
    if has(v, "worksheet") {
        w.heading(2, s(v, "labels.conclusion"));
        form::lines(w, v, 1);
    }
}

fn ground_a(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    ground_head(w, v, "A", "ground_a");
    w.heading(2, &label("mission"));
    w.rich(QUOTE, at(v, "ground_a.mission"));
    items(w, v, "ground_a.fragments");
    if has(v, "ground_a.vision") {
        w.heading(2, &label("vision"));
        w.rich(QUOTE, at(v, "ground_a.vision"));
        items(w, v, "ground_a.vision_fragments");
    }
    if has(v, "ground_a.core_values") {
        w.heading(2, &label("core_values"));
        items(w, v, "ground_a.core_values");
    }
    conclusion(w, v, "ground_a");
}

fn ground_b(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    ground_head(w, v, "B", "ground_b");
    w.heading(2, &label("swot"));
    for (grid, left, right) in [
        ("internal_grid", "strengths", "weaknesses"),
        ("external_grid", "opportunities", "threats"),
    ] {
        let header = vec![plain(&label(left), true), plain(&label(right), true)];
        let mut rows = Vec::new();
        for row in list(v, &format!("ground_b.{grid}")) {
            let side = |w: &mut Writer, key: &str| match row.get(key) {
                Some(c) if !c.is_null() => {
                    let p = docx_rs::Paragraph::new()
                        .style(CELL)
                        .add_run(super::text(&format!("{} ", s(c, "id"))).bold());
                    vec![rich::inline(w, p, &c["text"])]
                }
                _ => Vec::new(),
            };
            rows.push(vec![side(w, "left"), side(w, "right")]);
        }
        if rows.is_empty() {
            rows.push(vec![
                plain(&label("none"), false),
                plain(&label("none"), false),
            ]);
        }
        w.table(header, rows);
    }
    let c = at(v, "ground_b.confrontation");
    if !c.is_null() {
        w.heading(
            2,
            &format!("{} ({})", label("confrontation"), s(c, "scale")),
        );
        if has(c, "introduction") {
            w.rich(BODY, &c["introduction"]);
        }
        let total = label("confrontation_total");
        let mut header = vec![plain("", true)];
        header.extend(
            list(c, "columns")
                .iter()
                .map(|x| plain(x.as_str().unwrap_or_default(), true)),
        );
        header.push(plain(&total, true));
        let mut rows: Vec<_> = list(c, "rows")
            .iter()
            .map(|row| {
                let mut cells = vec![plain(s(row, "id"), true)];
                cells.extend(
                    list(row, "cells")
                        .iter()
                        .map(|n| plain(&n.to_string(), false)),
                );
                cells.push(plain(&row["total"].to_string(), true));
                cells
            })
            .collect();
        let mut totals = vec![plain(&total, true)];
        totals.extend(
            list(c, "column_totals")
                .iter()
                .map(|n| plain(&n.to_string(), true)),
        );
        totals.push(Vec::new());
        rows.push(totals);
        w.table(header, rows);
        let quadrants: Vec<String> = list(c, "quadrants")
            .iter()
            .map(|q| format!("{} = {}", q[0].as_str().unwrap_or_default(), q[1]))
            .collect();
        let posture = format!(
            "{}. {}: {}.",
            quadrants.join(" · "),
            label("posture"),
            s(c, "posture")
        );
        w.line(BODY, &posture);
        for n in list(c, "notes") {
            let title = format!(
                "{} × {}",
                n[0].as_str().unwrap_or_default(),
                n[1].as_str().unwrap_or_default()
            );
            w.labelled(LIST_BULLET, &title, &n[2]);
        }
        let issues: Vec<String> = list(c, "issues")
            .iter()
            .map(|i| {
                format!(
                    "{} × {} ({})",
                    i[0].as_str().unwrap_or_default(),
                    i[1].as_str().unwrap_or_default(),
                    i[2]
                )
            })
            .collect();
        if !issues.is_empty() {
            w.labelled(
                BODY,
                &label("issues"),
                &Value::String(format!("{}.", issues.join(", "))),
            );
        }
    }
    w.heading(2, &label("reasoning"));
    for group in ["strengths", "weaknesses", "opportunities", "threats"] {
        items(w, v, &format!("ground_b.{group}"));
    }
    conclusion(w, v, "ground_b");
}

fn ground_c(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    ground_head(w, v, "C", "ground_c");
    for (key, title) in [
        ("vision", "vision"),
        ("ambition", "ambition"),
        ("goals", "goals"),
    ] {
        let path = format!("ground_c.{key}");
        if has(v, &path) {
            w.heading(2, &label(title));
            w.rich(QUOTE, at(v, &path));
        }
    }
    if has(v, "ground_c.goal_tree") {
        w.heading(2, &label("goals"));
        for g in list(v, "ground_c.goal_tree") {
            w.labelled(LIST_BULLET, s(g, "id"), &g["text"]);
            for o in list(g, "objectives") {
                w.labelled(
                    super::styles::LIST_BULLET,
                    &format!("   {}", s(o, "id")),
                    &o["text"],
                );
            }
        }
    }
    w.heading(2, &label("objectives"));
    let teacher = s(v, "edition") == "teacher";
    let mut header: Vec<_> = ["", "objective", "baseline", "target", "term", "measurement"]
        .iter()
        .map(|k| {
            plain(
                &if k.is_empty() {
                    String::new()
                } else {
                    label(k)
                },
                true,
            )
        })
        .collect();
    if teacher {
        header.push(plain(&label("smart"), true));
    }
    let mut rows = Vec::new();
    for o in list(v, "ground_c.objectives") {
        let mut cells = vec![plain(s(o, "id"), true), w_cell(w, &o["text"])];
        for key in ["baseline", "target", "term", "measurement"] {
            cells.push(if has(o, key) {
                w_cell(w, &o[key])
            } else {
                plain("–", false)
            });
        }
        if teacher {
            let smart: Vec<String> = list(o, "smart")
                .iter()
                .map(|l| {
                    format!(
                        "{}{}",
                        s(l, "letter"),
                        if l["met"].as_bool() == Some(true) {
                            "✓"
                        } else {
                            "✗"
                        }
                    )
                })
                .collect();
            cells.push(plain(&smart.join(" "), false));
        }
        rows.push(cells);
    }
    w.table(header, rows);
    for o in list(v, "ground_c.objectives") {
        let details = ["metric", "scope", "owner", "feasibility"];
        let extra = |w: &mut Writer| {
            for key in details {
                if has(o, key) {
                    w.labelled(BODY, &label(key), &o[key]);
                }
            }
            let links: Vec<&str> = list(o, "links").iter().filter_map(Value::as_str).collect();
            if !links.is_empty() {
                w.labelled(BODY, &label("links"), &Value::String(links.join(", ")));
            }
        };
        item_with(w, v, o, extra);
    }
    conclusion(w, v, "ground_c");
}

/// An item with lines of its own (`extra`, an objective's details) between its heading and its
/// stances.
fn item_with(w: &mut Writer, v: &Value, o: &Value, extra: impl Fn(&mut Writer)) {
    let title = rich::inline(
        w,
        docx_rs::Paragraph::new()
            .style(super::styles::HEADINGS[4])
            .keep_next(true)
            .add_run(super::text(&format!("{}: ", s(o, "id")))),
        &o["text"],
    );
    w.push(title);
    extra(w);
    let stances = list(o, "stances");
    for stance in stances {
        let name = upper_first(s(stance, "name"));
        let label = format!("{name} ({})", s(stance, "symbol"));
        w.labelled(LIST_BULLET, &label, &stance["reasoning"]);
    }
    if stances.is_empty() && has(v, "worksheet") {
        form::stances(w, v);
    }
}

fn ground_d(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    ground_head(w, v, "D", "ground_d");
    for (key, title) in [
        ("general", "regularities_general"),
        ("own", "regularities_own"),
    ] {
        if has(v, &format!("ground_d.{key}")) {
            w.heading(2, &label(title));
            items(w, v, &format!("ground_d.{key}"));
        }
    }
    conclusion(w, v, "ground_d");
}

fn summary(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    let sm = at(v, "summary");
    w.heading(1, &label("summary"));
    w.line(BODY, s(sm, "lead"));
    w.heading(2, &label("argument_map"));
    w.line(BODY, &label("argument_map_desc"));
    let ids = |key: &str| {
        let ids: Vec<&str> = list(sm, key).iter().map(|e| s(e, "id")).collect();
        Value::String(if ids.is_empty() {
            "–".into()
        } else {
            ids.join(", ")
        })
    };
    w.labelled(LIST_BULLET, &label("opportunities"), &ids("opportunities"));
    w.labelled(LIST_BULLET, &label("strengths"), &ids("strengths"));
    w.labelled(LIST_BULLET, &label("mission"), &sm["mission"]);
    let regularities = format!(
        "{} / {}",
        label("regularities_general"),
        label("regularities_own")
    );
    w.labelled(LIST_BULLET, &regularities, &ids("regularities"));
    w.labelled(LIST_BULLET, &label("objectives"), &ids("objectives"));
    w.line(LIST_BULLET, &format!("→ {}", s(v, "choice.name")));
    w.heading(2, &label("consistency"));
    w.line(BODY, &label("consistency_desc"));
    let mut header = vec![plain(&label("ground"), true)];
    for c in list(sm, "totals") {
        header.push(plain(s(v, &format!("disciplines.{}", s(c, "key"))), true));
    }
    let cell_text = |c: &Value| {
        format!(
            "{} {} {}",
            s(c, "score_text"),
            s(c, "symbol"),
            s(c, "verdict_name")
        )
    };
    let mut rows: Vec<_> = list(sm, "matrix")
        .iter()
        .map(|row| {
            let mut cells = vec![plain(
                &format!("{}. {}", s(row, "letter"), s(row, "title")),
                false,
            )];
            cells.extend(
                list(row, "cells")
                    .iter()
                    .map(|c| plain(&cell_text(c), c["chosen"].as_bool() == Some(true))),
            );
            cells
        })
        .collect();
    let mut overall = vec![plain(&label("overall"), true)];
    overall.extend(
        list(sm, "totals")
            .iter()
            .map(|c| plain(&cell_text(c), true)),
    );
    rows.push(overall);
    w.table(header, rows);
    w.line(BODY, s(sm, "sentence"));
}

/// The model's consequences and alternatives (teacher edition).
fn closing(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    let c = at(v, "consequences");
    if !c.is_null() {
        w.heading(1, &label("consequences"));
        if has(c, "introduction") {
            w.rich(BODY, &c["introduction"]);
        }
        for f in list(c, "functions") {
            let title = rich::inline(
                w,
                docx_rs::Paragraph::new().style(super::styles::HEADINGS[2]),
                &f["function"],
            );
            w.push(title);
            w.rich(BODY, &f["text"]);
        }
    }
    if has(v, "alternatives") {
        w.heading(1, &label("alternatives"));
        optional(w, v, "alternatives_introduction");
        for alt in list(v, "alternatives") {
            w.heading(2, &upper_first(s(alt, "name")));
            if has(alt, "introduction") {
                w.rich(BODY, &alt["introduction"]);
            } else {
                w.line(BODY, &format!("{}.", upper_first(s(alt, "promise"))));
            }
            for g in list(alt, "grounds") {
                let items: Vec<&str> = list(g, "items").iter().filter_map(Value::as_str).collect();
                let items = if items.is_empty() {
                    String::new()
                } else {
                    format!("; {}: {}", label("items"), items.join(", "))
                };
                let title = format!(
                    "{}. {} ({}, {}{items})",
                    s(g, "letter"),
                    s(g, "title"),
                    s(g, "score_text"),
                    s(g, "verdict_name")
                );
                w.labelled(LIST_BULLET, &title, &g["reasoning"]);
            }
            match alt.get("threshold") {
                Some(t) if !t.is_null() => w.labelled(BODY, &label("threshold"), t),
                _ => w.labelled(
                    BODY,
                    &label("threshold"),
                    &Value::String(label("threshold_missing")),
                ),
            }
        }
    }
}

fn appendix(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    w.heading(1, &label("appendix"));
    w.heading(2, &label("trace"));
    w.line(BODY, &label("trace_formula"));
    for t in list(v, "appendix.trace") {
        w.heading(3, &format!("{}. {}", s(t, "letter"), s(t, "title")));
        let mut header = vec![plain("", true)];
        header.extend(
            list(t, "items")
                .iter()
                .map(|i| plain(i.as_str().unwrap_or_default(), true)),
        );
        for key in [label("sum"), "Σw".to_string(), label("score")] {
            header.push(plain(&key, true));
        }
        let rows = list(t, "disciplines")
            .iter()
            .map(|row| {
                let chosen = row["chosen"].as_bool() == Some(true);
                let mut cells = vec![plain(s(row, "name"), chosen)];
                cells.extend(list(row, "contributions").iter().map(|c| {
                    let weight = if c["weight"].as_f64() == Some(1.0) {
                        String::new()
                    } else {
                        format!("×{}", s(c, "weight_text"))
                    };
                    plain(&format!("{}{weight}", s(c, "symbol")), false)
                }));
                for key in ["sum", "weight_total", "score_text"] {
                    cells.push(plain(s(row, key), false));
                }
                cells
            })
            .collect();
        w.table(header, rows);
    }
    w.heading(2, &label("findings"));
    let findings = list(v, "appendix.findings");
    for f in findings {
        let title = format!("{} [{}]", s(f, "severity"), s(f, "code"));
        w.labelled(
            LIST_BULLET,
            &title,
            &Value::String(s(f, "message").to_string()),
        );
    }
    if findings.is_empty() {
        w.line(BODY, &label("no_findings"));
    }
}
