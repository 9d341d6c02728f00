//! Free text for the PDF: the safe Markdown events of [`crate::markdown::events`] as a tree of
//! rich-text nodes, serialised into the template's JSON. The template turns each node into
//! content with typst functions (`emph`, `strong`, `link`, `list`…) and every piece of text into a
//! string value, so no user text is ever parsed as typst markup.

use pulldown_cmark::{Event, Tag};
use serde::Serialize;

/// One node of a free text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Span {
    /// Literal text.
    Text {
        v: String,
    },
    /// Inline code, set in the monospaced font.
    Code {
        v: String,
    },
    Emph {
        c: Vec<Span>,
    },
    Strong {
        c: Vec<Span>,
    },
    Strike {
        c: Vec<Span>,
    },
    /// A link (only http, https, mailto and case links survive the Markdown module; a case link
    /// points at that case's PDF).
    Link {
        url: String,
        c: Vec<Span>,
    },
    /// A paragraph: a block of its own when a text has more than one.
    Par {
        c: Vec<Span>,
    },
    Quote {
        c: Vec<Span>,
    },
    /// A list; `start` is the first number of a numbered list.
    List {
        start: Option<u64>,
        items: Vec<Vec<Span>>,
    },
    /// A line break within a paragraph.
    Break,
}

/// The free text `text` as rich-text nodes. A text of one paragraph comes back as its inline
/// nodes, so it can sit in a table cell or a sentence.
pub fn spans(text: &str, suffix: &str) -> Vec<Span> {
    spans_linking(text, suffix, "pdf")
}

/// [`spans`] whose case links point at the report in `extension` (the Word report's `docx`).
pub fn spans_linking(text: &str, suffix: &str, extension: &str) -> Vec<Span> {
    let mut stack: Vec<Frame> = vec![Frame::new(Kind::Root)];
    for event in crate::markdown::events(text) {
        match event {
            Event::Start(tag) => stack.push(Frame::new(Kind::of(&tag, suffix, extension))),
            Event::End(_) if stack.len() > 1 => close_top(&mut stack),
            Event::Text(t) => push_text(&mut stack, &t),
            Event::Code(t) => push(&mut stack, Span::Code { v: t.to_string() }),
            Event::SoftBreak => push_text(&mut stack, " "),
            Event::HardBreak => push(&mut stack, Span::Break),
            Event::Rule => push(&mut stack, Span::Break),
            // Math, footnote definitions and task markers are not enabled; whatever text they
            // carry would already have arrived as `Text`.
            _ => {}
        }
    }
    // A well-formed event stream closes every frame; fold any left open all the same.
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    let mut root = stack.pop().map(|f| f.children).unwrap_or_default();
    if let [Span::Par { c }] = root.as_mut_slice() {
        return std::mem::take(c);
    }
    root
}

/// [`spans`] as the JSON value a report view carries: the formatter the PDF renderer passes to
/// the view.
pub fn value(text: &str, suffix: &str) -> serde_json::Value {
    // Serialising these plain enums cannot fail; `Null` would print nothing rather than panic.
    serde_json::to_value(spans(text, suffix)).unwrap_or_default()
}

#[derive(Clone, Debug)]
enum Kind {
    Root,
    Par,
    Emph,
    Strong,
    Strike,
    Link(String),
    Quote,
    List(Option<u64>),
    Item,
    /// Any other block (a heading, a code block): kept as a paragraph.
    Block,
}

impl Kind {
    /// The kind of `tag`; a case link points at the report with the edition's `suffix`.
    fn of(tag: &Tag, suffix: &str, extension: &str) -> Kind {
        match tag {
            Tag::Paragraph => Kind::Par,
            Tag::Emphasis => Kind::Emph,
            Tag::Strong => Kind::Strong,
            Tag::Strikethrough => Kind::Strike,
            Tag::Link { dest_url, .. } => Kind::Link(
                crate::markdown::case_link(dest_url, suffix, extension)
                    .unwrap_or_else(|| dest_url.to_string()),
            ),
            Tag::BlockQuote(_) => Kind::Quote,
            Tag::List(start) => Kind::List(*start),
            Tag::Item => Kind::Item,
            _ => Kind::Block,
        }
    }
}

struct Frame {
    kind: Kind,
    children: Vec<Span>,
    /// The items of a list frame.
    items: Vec<Vec<Span>>,
}

impl Frame {
    fn new(kind: Kind) -> Self {
        Self {
            kind,
            children: Vec::new(),
            items: Vec::new(),
        }
    }
}

fn push(stack: &mut [Frame], span: Span) {
    if let Some(top) = stack.last_mut() {
        top.children.push(span);
    }
}

/// Adds text, joining it to the text before it so that the template gets whole runs.
fn push_text(stack: &mut [Frame], text: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Span::Text { v }) = top.children.last_mut() {
            v.push_str(text);
        } else {
            top.children.push(Span::Text { v: text.to_owned() });
        }
    }
}

fn close_top(stack: &mut Vec<Frame>) {
    let Some(frame) = stack.pop() else { return };
    let c = frame.children;
    let span = match frame.kind {
        Kind::Root => return,
        Kind::Item => {
            // An item's tight text arrives bare, a loose item's in paragraphs: both are its content.
            if let Some(list) = stack.last_mut() {
                list.items.push(unwrap_single_par(c));
            }
            return;
        }
        Kind::Par | Kind::Block => Span::Par { c },
        Kind::Emph => Span::Emph { c },
        Kind::Strong => Span::Strong { c },
        Kind::Strike => Span::Strike { c },
        Kind::Link(url) => Span::Link { url, c },
        Kind::Quote => Span::Quote { c },
        Kind::List(start) => Span::List {
            start,
            items: frame.items,
        },
    };
    push(stack, span);
}

fn unwrap_single_par(mut nodes: Vec<Span>) -> Vec<Span> {
    if let [Span::Par { c }] = nodes.as_mut_slice() {
        return std::mem::take(c);
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &str) -> Span {
        Span::Text { v: v.to_owned() }
    }

    #[test]
    fn a_case_link_points_at_the_pdf_of_the_same_edition() {
        let link = |suffix| match spans("[zie](case:kostenleiderschap)", suffix).as_slice() {
            [Span::Link { url, .. }] => url.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(link(""), "../kostenleiderschap/kostenleiderschap.pdf");
        assert_eq!(
            link(".student"),
            "../kostenleiderschap/kostenleiderschap.student.pdf"
        );
    }

    #[test]
    fn one_paragraph_is_inline_and_typst_syntax_stays_text() {
        assert_eq!(
            spans("#set page(fill: red) $x$ @ref <l> \\ `a`", ""),
            vec![
                text("#set page(fill: red) $x$ @ref <l> \\ "),
                Span::Code { v: "a".to_owned() }
            ]
        );
    }

    #[test]
    fn emphasis_links_and_lists_become_nodes() {
        assert_eq!(
            spans("*maatwerk* en [site](https://example.org)", ""),
            vec![
                Span::Emph {
                    c: vec![text("maatwerk")]
                },
                text(" en "),
                Span::Link {
                    url: "https://example.org".to_owned(),
                    c: vec![text("site")]
                },
            ]
        );
        assert_eq!(
            spans("Twee:\n\n1. een\n2. **twee**", ""),
            vec![
                Span::Par {
                    c: vec![text("Twee:")]
                },
                Span::List {
                    start: Some(1),
                    items: vec![
                        vec![text("een")],
                        vec![Span::Strong {
                            c: vec![text("twee")]
                        }]
                    ]
                },
            ]
        );
    }

    #[test]
    fn plain_text_drops_the_marks() {
        assert_eq!(
            crate::markdown::plain("De *beste* `totaal`oplossing\nvoor [u](https://x.nl)"),
            "De beste totaaloplossing voor u"
        );
    }
}
