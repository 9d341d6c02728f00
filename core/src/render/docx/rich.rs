//! A free text's rich-text nodes (the PDF renderer's spans, see [`crate::render::pdf::spans`])
//! as Word paragraphs and runs: emphasis, strong, strike-through, code, links, lists, quotes.
//! Every piece of user text goes into a `w:t` that docx-rs escapes: none of it becomes markup.

use docx_rs::{BreakType, IndentLevel, NumberingId, Paragraph, Run, RunFonts};
use serde_json::Value;

use super::{Writer, styles};

/// How the text of a run is set.
#[derive(Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
}

/// A rich text as paragraphs of `style`: one per paragraph, quote and list item of the text.
pub fn paragraphs(w: &mut Writer, style: &str, value: &Value) -> Vec<Paragraph> {
    let nodes = value.as_array().map(Vec::as_slice).unwrap_or_default();
    let is_block = |n: &Value| matches!(kind(n), "par" | "quote" | "list");
    if !nodes.iter().any(is_block) {
        return vec![inline(w, styles::styled(style), value)];
    }
    let mut out = Vec::new();
    // Inline nodes between blocks (rare) are gathered into a paragraph of their own.
    let mut loose: Vec<Value> = Vec::new();
    for node in nodes {
        if !is_block(node) {
            loose.push(node.clone());
            continue;
        }
        if !loose.is_empty() {
            let gathered = Value::Array(std::mem::take(&mut loose));
            out.push(inline(w, Paragraph::new().style(style), &gathered));
        }
        match kind(node) {
            "list" => list(w, node, &mut out),
            "quote" => out.push(inline(w, Paragraph::new().style(styles::QUOTE), &node["c"])),
            _ => out.push(inline(w, Paragraph::new().style(style), &node["c"])),
        }
    }
    if !loose.is_empty() {
        out.push(inline(
            w,
            Paragraph::new().style(style),
            &Value::Array(loose),
        ));
    }
    out
}

/// A list's items as List Bullet or List Number paragraphs; a numbered list restarts at its own
/// first number.
fn list(w: &mut Writer, node: &Value, out: &mut Vec<Paragraph>) {
    let numbering = node["start"]
        .as_u64()
        .map(|start| (styles::LIST_NUMBER, w.numbered(start as usize)));
    let (style, id) = numbering.unwrap_or((styles::LIST_BULLET, styles::BULLETS));
    for item in node["items"].as_array().into_iter().flatten() {
        let p = Paragraph::new()
            .style(style)
            .numbering(NumberingId::new(id), IndentLevel::new(0));
        out.push(inline(w, p, item));
    }
}

/// A rich text's nodes appended to paragraph `p` as runs; blocks inside (a list in a table
/// cell) become lines of the same paragraph.
pub fn inline(w: &mut Writer, p: Paragraph, value: &Value) -> Paragraph {
    let mut runs = Vec::new();
    let mut p = p;
    collect(w, value, Format::default(), &mut runs, &mut p);
    flush(&mut runs, p)
}

fn flush(runs: &mut Vec<Run>, mut p: Paragraph) -> Paragraph {
    for run in runs.drain(..) {
        p = p.add_run(run);
    }
    p
}

fn collect(w: &mut Writer, value: &Value, f: Format, runs: &mut Vec<Run>, p: &mut Paragraph) {
    let nodes = match value {
        Value::Array(nodes) => nodes.as_slice(),
        Value::String(s) => {
            runs.push(run(s, f));
            return;
        }
        _ => return,
    };
    for (index, node) in nodes.iter().enumerate() {
        match kind(node) {
            "text" => runs.push(run(node["v"].as_str().unwrap_or_default(), f)),
            "code" => {
                let code = Format { code: true, ..f };
                runs.push(run(node["v"].as_str().unwrap_or_default(), code));
            }
            "emph" => collect(w, &node["c"], Format { italic: true, ..f }, runs, p),
            "strong" => collect(w, &node["c"], Format { bold: true, ..f }, runs, p),
            "strike" => collect(w, &node["c"], Format { strike: true, ..f }, runs, p),
            "link" => {
                let mut inner = Vec::new();
                let mut ignored = Paragraph::new();
                collect(w, &node["c"], f, &mut inner, &mut ignored);
                let link = w.link(node["url"].as_str().unwrap_or_default(), inner);
                let before = std::mem::replace(p, Paragraph::new());
                *p = flush(runs, before).add_hyperlink(link);
            }
            "break" => runs.push(Run::new().add_break(BreakType::TextWrapping)),
            "par" | "quote" => {
                if index > 0 {
                    runs.push(Run::new().add_break(BreakType::TextWrapping));
                }
                collect(w, &node["c"], f, runs, p);
            }
            "list" => {
                for item in node["items"].as_array().into_iter().flatten() {
                    runs.push(Run::new().add_break(BreakType::TextWrapping));
                    runs.push(run("• ", f));
                    collect(w, item, f, runs, p);
                }
            }
            _ => {}
        }
    }
}

fn run(value: &str, f: Format) -> Run {
    let mut run = Run::new().add_text(value);
    if f.bold {
        run = run.bold();
    }
    if f.italic {
        run = run.italic();
    }
    if f.strike {
        run = run.strike();
    }
    if f.code {
        run = run.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
    }
    run
}

fn kind(node: &Value) -> &str {
    node["t"].as_str().unwrap_or_default()
}
