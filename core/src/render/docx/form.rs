//! The parts a reader fills in or reads back: the worksheet's answer space (a ☐ per stance to
//! replace by ☒, an empty cell per answer to type into, as many lines high as the PDF's ruled
//! lines), the customer-leadership part, and the comparison of a graded student's work.

use serde_json::Value;

use super::blocks::{TEXT_WIDTH, plain, upper_first, w_cell};
use super::styles::{BODY, LIST_BULLET};
use super::{Writer, at, has, list, s};

/// The empty box a student replaces by ☒ (or ticks on paper).
const BOX: &str = "☐";

/// An item's stance grid: one row per discipline, one ☐ per stance, then the reasoning space.
pub fn stances(w: &mut Writer, v: &Value) {
    let mut header = vec![plain(s(v, "labels.worksheet_stances"), true)];
    header.extend(
        list(v, "worksheet.stances")
            .iter()
            .map(|x| plain(x.as_str().unwrap_or_default(), true)),
    );
    let rows = list(v, "worksheet.disciplines")
        .iter()
        .map(|d| {
            let mut cells = vec![plain(&upper_first(s(d, "name")), false)];
            cells.extend(
                list(v, "worksheet.stances")
                    .iter()
                    .map(|_| plain(BOX, false)),
            );
            cells
        })
        .collect();
    // The first column holds the disciplines' names; the ticks share the rest.
    let stances = header.len().saturating_sub(1).max(1);
    let first = TEXT_WIDTH * 3 / 10;
    let mut widths = vec![first];
    widths.extend(std::iter::repeat_n((TEXT_WIDTH - first) / stances, stances));
    w.table_with(header, rows, &widths, true);
    lines(w, v, 1);
}

/// An empty cell `factor` times the worksheet's lines high, to write or type the answer in.
pub fn lines(w: &mut Writer, v: &Value, factor: u64) {
    let count = at(v, "worksheet.lines").as_u64().unwrap_or(4) * factor;
    w.space(count as usize);
}

/// A part of the worksheet's closing: its heading, the teacher's assignment, what to write.
fn part(w: &mut Writer, v: &Value, title: &str, assignment: Option<&str>, fill: &str) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    w.heading(1, &label(title));
    if let Some(path) = assignment.filter(|path| has(v, path)) {
        w.labelled(BODY, &label("assignment"), at(v, path));
    }
    let text = serde_json::json!({"t": "text", "v": label(fill)});
    w.rich(
        BODY,
        &Value::Array(vec![serde_json::json!({"t": "emph", "c": [text]})]),
    );
}

/// The student edition's summary, consequences and alternatives: instructions and space.
pub fn closing(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    part(w, v, "summary", None, "fill_summary");
    lines(w, v, 2);
    let consequences = Some("assignments.consequences");
    part(w, v, "consequences", consequences, "fill_consequences");
    let functions = list(v, "worksheet.functions");
    for f in functions {
        let title = super::rich::inline(
            w,
            docx_rs::Paragraph::new()
                .style(super::styles::HEADINGS[2])
                .keep_next(true),
            f,
        );
        w.push(title);
        lines(w, v, 1);
    }
    if functions.is_empty() {
        lines(w, v, 2);
    }
    let alternatives = Some("assignments.alternatives");
    part(w, v, "alternatives", alternatives, "fill_alternatives");
    for alt in list(v, "worksheet.alternatives") {
        let name = upper_first(s(alt, "name"));
        w.heading(2, &name);
        for g in list(v, "worksheet.grounds") {
            w.heading(3, &format!("{name}: {}. {}", s(g, "key"), s(g, "name")));
            lines(w, v, 1);
        }
        w.heading(3, &format!("{name}: {}", label("threshold")));
        lines(w, v, 1);
    }
}

/// Customer leadership: the paradoxes, the leader's view and the capabilities; in the student
/// edition each paradox's answer space and the panels to fill in.
pub fn leadership(w: &mut Writer, v: &Value) {
    let label = |key: &str| s(v, &format!("labels.{key}")).to_string();
    let l = at(v, "leadership");
    if l.is_null() {
        return;
    }
    w.heading(1, &label("leadership"));
    if has(v, "assignments.leadership") {
        w.labelled(BODY, &label("assignment"), at(v, "assignments.leadership"));
    }
    if has(l, "introduction") {
        w.rich(BODY, &l["introduction"]);
    }
    if has(l, "paradoxes") {
        w.heading(2, &label("paradoxes"));
    }
    for p in list(l, "paradoxes") {
        w.heading(3, &format!("{}: {}", s(p, "id"), s(p, "name")));
        w.labelled(LIST_BULLET, &label("tension"), &p["tension"]);
        for key in ["example", "embrace"] {
            if has(p, key) {
                w.labelled(LIST_BULLET, &label(key), &p[key]);
            }
        }
        if has(p, "leaning") {
            let mut leaning = vec![serde_json::json!({"t": "text", "v": s(p, "leaning")})];
            if let Some(Value::Array(reasoning)) = p.get("leaning_reasoning") {
                leaning.push(serde_json::json!({"t": "text", "v": " — "}));
                leaning.extend(reasoning.iter().cloned());
            }
            w.labelled(LIST_BULLET, &label("leaning"), &Value::Array(leaning));
        }
        let space = list(v, "worksheet.paradoxes")
            .iter()
            .find(|x| x["id"] == p["id"]);
        if let Some(space) = space {
            w.labelled(BODY, &label("embrace"), &Value::Null);
            lines(w, v, 1);
            let ticks: Vec<String> = list(space, "leanings")
                .iter()
                .map(|l| format!("{BOX} {}", s(l, "name")))
                .collect();
            w.labelled(BODY, &label("leaning"), &Value::String(ticks.join("   ")));
            w.labelled(
                BODY,
                &label("worksheet_leaning_reasoning")
                    .trim_end_matches(':')
                    .to_string(),
                &Value::Null,
            );
            lines(w, v, 1);
        }
    }
    let panels = list(v, "worksheet.panels");
    if !panels.is_empty() {
        w.heading(2, &label("leader_view"));
        for title in panels {
            w.heading(3, title.as_str().unwrap_or_default());
            let count = at(v, "worksheet.lines").as_u64().unwrap_or(4) + 2;
            w.space(count as usize);
        }
    }
    if has(l, "panels") {
        w.heading(2, &label("leader_view"));
        for panel in list(l, "panels") {
            w.heading(3, s(panel, "title"));
            w.rich(BODY, &panel["text"]);
        }
    }
    if has(l, "capabilities") {
        w.heading(2, &label("capabilities"));
        for c in list(l, "capabilities") {
            w.heading(3, s(c, "name"));
            w.rich(BODY, &c["text"]);
            for p in list(c, "practices") {
                w.rich(LIST_BULLET, p);
            }
        }
    }
}

/// The comparison of a graded student's work with the model: mark, how it was reached, the
/// verdicts per ground and the differences (with the model's side only under `--reveal`).
pub fn comparison(w: &mut Writer, c: &Value) {
    let label = |key: &str| s(c, &format!("labels.{key}")).to_string();
    let text = |t: &str| Value::String(t.to_string());
    w.heading(1, &label("title"));
    w.rich(BODY, &text(&label("lead")));
    let mark = format!(
        "{}: {}",
        label("mark_case"),
        c["mark"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| c["mark"].to_string())
    );
    let standing = format!(" — {} ({})", s(c, "standing"), s(c, "scale"));
    w.push(
        docx_rs::Paragraph::new()
            .style(BODY)
            .add_run(super::text(&mark).bold())
            .add_run(super::text(&standing)),
    );
    if has(c, "others") {
        w.line(BODY, s(c, "others"));
    }
    w.heading(2, &label("how"));
    w.line(BODY, s(c, "formula"));
    let header = ["component", "weight", "result", "explanation"]
        .iter()
        .map(|k| plain(&label(k), true))
        .collect();
    let value_text = |x: &Value| {
        x.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| x.to_string())
    };
    let rows = list(c, "components")
        .iter()
        .map(|x| {
            vec![
                plain(s(x, "name"), false),
                plain(&value_text(&x["weight"]), false),
                plain(&value_text(&x["result"]), false),
                plain(s(x, "detail"), false),
            ]
        })
        .collect();
    w.table(header, rows);
    let mut choice = s(c, "choice").to_string();
    if has(c, "contradicted") {
        choice = format!("{choice} {}", s(c, "contradicted"));
    }
    w.line(BODY, &choice);
    w.heading(2, s(c, "verdicts_title"));
    w.line(BODY, &label("verdicts_lead"));
    let header = ["ground", "model", "yours"]
        .iter()
        .map(|k| plain(&label(k), true))
        .collect();
    let rows = list(c, "verdicts")
        .iter()
        .map(|x| {
            let mark = if x["same"].as_bool() == Some(true) {
                "✓"
            } else {
                "✗"
            };
            vec![
                plain(s(x, "ground"), false),
                plain(s(x, "model"), false),
                plain(&format!("{mark} {}", s(x, "student")), false),
            ]
        })
        .collect();
    w.table(header, rows);
    if has(c, "smart") {
        w.line(
            BODY,
            &format!("{} {}", s(c, "smart"), label("findings_list")),
        );
    }
    w.heading(2, &label("differences"));
    let reveal = c["reveal"].as_bool() == Some(true);
    for g in list(c, "differences") {
        w.heading(3, s(g, "title"));
        w.line(BODY, s(g, "explanation"));
        let mut keys = vec!["item", "discipline"];
        if reveal {
            keys.push("model");
        }
        keys.push("yours");
        if reveal {
            keys.push("model_reasoning");
        }
        let header = keys.iter().map(|k| plain(&label(k), true)).collect();
        let mut rows = Vec::new();
        for d in list(g, "rows") {
            let mut student = s(d, "student").to_string();
            if has(d, "agreement") {
                student = format!("{student} ({})", s(d, "agreement"));
            }
            let mut cells = vec![plain(s(d, "item"), false), plain(s(d, "discipline"), false)];
            if reveal {
                cells.push(plain(s(d, "model"), false));
            }
            cells.push(plain(&student, false));
            if reveal {
                cells.push(if has(d, "model_reasoning") {
                    w_cell(w, &d["model_reasoning"])
                } else {
                    Vec::new()
                });
            }
            rows.push(cells);
        }
        w.table(header, rows);
    }
    if !has(c, "differences") {
        w.line(BODY, &label("differences_none"));
    }
    for (key, title) in [("missing", "missing_items"), ("added", "added_items")] {
        let names: Vec<&str> = list(c, key).iter().filter_map(Value::as_str).collect();
        if !names.is_empty() {
            w.heading(2, &label(title));
            w.line(BODY, &names.join(", "));
        }
    }
}
