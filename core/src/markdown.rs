//! Inline Markdown in the free text of a case: the one place that sets the pulldown-cmark
//! options and decides what user text may become. Raw HTML becomes literal text, images become
//! their alt text (nothing is ever fetched), and only http(s)/mailto links and
//! links to another case of the set (`case:<slug>`) survive.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The Markdown features free text may use.
fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Whether a link target is one a report may point at.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// A link to another case of the set, written `case:<slug>`: that case's report in the same
/// format and edition, `../<slug>/<slug><suffix>.<extension>` beside this one (`suffix` is the
/// edition's, so a hand-out links the other hand-outs). The only relative link a text may hold.
pub fn case_link(url: &str, suffix: &str, extension: &str) -> Option<String> {
    let slug = url.trim().strip_prefix("case:")?;
    let valid = !slug.is_empty()
        && slug.len() <= 64
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid.then(|| format!("../{slug}/{slug}{suffix}.{extension}"))
}

/// Whether `url` is what [`case_link`] makes of a case link.
fn is_case_path(url: &str) -> bool {
    let Some((slug, _)) = url
        .strip_prefix("../")
        .and_then(|rest| rest.split_once('/'))
    else {
        return false;
    };
    ["", ".student"].iter().any(|suffix| {
        ["html", "md", "pdf"]
            .iter()
            .any(|ext| case_link(&format!("case:{slug}"), suffix, ext).as_deref() == Some(url))
    })
}

/// The events with every case link pointing at the report in `extension`.
fn with_case_links<'a>(events: Vec<Event<'a>>, suffix: &str, extension: &str) -> Vec<Event<'a>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: case_link(&dest_url, suffix, extension).map_or(dest_url, CowStr::from),
                title,
                id,
            }),
            other => other,
        })
        .collect()
}

/// The events of a free text, already made safe: every renderer builds on these.
pub fn events(text: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    // Links and images are rewritten as a pair (start, end); remember which starts were dropped.
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => out.push(Event::Text(html)),
            // An HTML block becomes an ordinary paragraph of text.
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            // A heading in a free text would break the report's own outline: it stays a paragraph.
            Event::Start(Tag::Heading { .. }) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::Heading(_)) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = in_image == 0
                    && (is_safe_url(&dest_url)
                        || link_type == LinkType::Email
                        || case_link(&dest_url, "", "html").is_some());
                dropped_links.push(!keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if !dropped_links.pop().unwrap_or(true) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            // Inside an image only its alt text is kept.
            Event::Text(_) | Event::Code(_) if in_image > 0 => out.push(event),
            _ if in_image > 0 => {}
            Event::FootnoteReference(label) => {
                out.push(Event::Text(CowStr::from(format!("[^{label}]"))))
            }
            other => out.push(other),
        }
    }
    out
}

/// The free text as plain text (Markdown marks dropped): the PDF's metadata.
pub fn plain(text: &str) -> String {
    let mut out = String::new();
    for event in events(text) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item) if !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text as sanitised HTML, its case links pointing at the reports with the edition's file-name
/// `suffix`. A text that is a single paragraph is returned without the wrapping `<p>`, so it can
/// sit inside a table cell or a sentence.
pub fn to_html(text: &str, suffix: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        with_case_links(events(text), suffix, "html").into_iter(),
    );
    let clean = sanitizer().clean(&html).to_string();
    let trimmed = clean.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

/// The text as Markdown again, rebuilt from the safe events: raw HTML comes out escaped, unsafe
/// links and images as their text, case links at the reports with the edition's file-name `suffix`.
/// Line breaks are kept for prose; [`table_cell`] is for tables.
pub fn to_markdown(text: &str, suffix: &str) -> String {
    let mut out = String::new();
    // Bullets as the report's own lists write them, so one document uses one list style.
    let style = pulldown_cmark_to_cmark::Options {
        list_token: '-',
        ..Default::default()
    };
    let written = pulldown_cmark_to_cmark::cmark_with_options(
        with_case_links(events(text), suffix, "md").into_iter(),
        &mut out,
        options(),
        style,
    )
    .is_ok();
    // The writer leaves a single space after a quote's `>`; two would be a line break, one is noise.
    let out: Vec<&str> = out
        .lines()
        .map(|line| match line.strip_suffix(' ') {
            Some(rest) if !rest.ends_with(' ') => rest,
            _ => line,
        })
        .collect();
    // pulldown-cmark-to-cmark writes a literal `&` as the entity `&amp;`; `\&` reads the same
    // and is what a person would type.
    let out = out.join("\n").replace("&amp;", "\\&");
    // The second guard: what we wrote must parse back without HTML, images or unsafe links;
    // otherwise every character that Markdown could read as syntax is escaped.
    if written && is_inert(&out) {
        out.trim().to_string()
    } else {
        escape(text)
    }
}

fn is_inert(markdown: &str) -> bool {
    Parser::new_ext(markdown, options()).all(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::Image { .. }) => false,
        Event::Start(Tag::Link {
            dest_url,
            link_type,
            ..
        }) => is_safe_url(&dest_url) || link_type == LinkType::Email || is_case_path(&dest_url),
        _ => true,
    })
}

/// Plain text as Markdown that shows exactly these characters: what Markdown reads as syntax
/// anywhere is escaped, and what it reads as syntax only at the start of a line (a heading, a
/// list, a quote) is escaped there. For the plain fields of a case (title, organisation…).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    for c in text.trim().chars() {
        let special = "\\`*_[]<>|~&".contains(c) || (line_start && "#+-=>".contains(c));
        if special {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n' || (line_start && c == ' ');
    }
    // `1. ` or `1) ` at the start would become a numbered list.
    if let Some(end) = out.find(|c: char| !c.is_ascii_digit()) {
        if end > 0 && (out[end..].starts_with(". ") || out[end..].starts_with(") ")) {
            out.insert(end, '\\');
        }
    }
    out
}

/// HTML from [`to_html`] as block content: a single paragraph (returned inline) gets its `<p>`
/// back; several paragraphs, lists and quotes are blocks already and must not sit inside one.
pub fn as_block(html: &str) -> String {
    let block = ["<p>", "<ul>", "<ol>", "<blockquote>"]
        .iter()
        .any(|tag| html.starts_with(tag));
    if block || html.is_empty() {
        html.to_string()
    } else {
        format!("<p>{html}</p>")
    }
}

/// Markdown (from [`to_markdown`]) made fit for one cell of a GFM table: one line, pipes escaped.
pub fn table_cell(markdown: &str) -> String {
    markdown.replace('\n', " ").replace('|', "\\|")
}

/// The second guard: whatever pulldown-cmark produced, only these tags and schemes pass.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(HashSet::from([
                "p",
                "em",
                "strong",
                "del",
                "code",
                "a",
                "ul",
                "ol",
                "li",
                "br",
                "blockquote",
            ]))
            .tag_attributes([("a", HashSet::from(["href"]))].into_iter().collect())
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer"));
        builder
    })
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn a_case_link_points_at_that_case_in_each_format_and_a_bad_one_is_dropped() {
        assert_eq!(
            to_html("zie [het voorbeeld](case:kostenleiderschap)", ""),
            "zie <a href=\"../kostenleiderschap/kostenleiderschap.html\" rel=\"noopener noreferrer\">het voorbeeld</a>"
        );
        assert_eq!(
            super::to_markdown("zie [het voorbeeld](case:kostenleiderschap)", ""),
            "zie [het voorbeeld](../kostenleiderschap/kostenleiderschap.md)"
        );
        // A hand-out links the other hand-outs: the student edition's reports are `.student.*`.
        assert_eq!(
            to_html("zie [het voorbeeld](case:kostenleiderschap)", ".student"),
            "zie <a href=\"../kostenleiderschap/kostenleiderschap.student.html\" rel=\"noopener noreferrer\">het voorbeeld</a>"
        );
        assert_eq!(
            super::to_markdown("zie [het voorbeeld](case:kostenleiderschap)", ".student"),
            "zie [het voorbeeld](../kostenleiderschap/kostenleiderschap.student.md)"
        );
        assert_eq!(to_html("zie [dit](case:../../etc)", ""), "zie dit");
        assert_eq!(to_html("zie [dit](../geheim.html)", ""), "zie dit");
    }

    #[test]
    fn emphasis_and_safe_links_survive() {
        assert_eq!(
            to_html("*maatwerk* en [site](https://example.org)", ""),
            "<em>maatwerk</em> en <a href=\"https://example.org\" rel=\"noopener noreferrer\">site</a>"
        );
    }

    #[test]
    fn markdown_output_keeps_emphasis_and_escapes_html() {
        assert_eq!(
            super::to_markdown("*maatwerk* <b>x</b> [y](javascript:z)", ""),
            "*maatwerk* \\<b>x\\</b> y"
        );
        assert_eq!(
            super::table_cell(&super::to_markdown("a | b\nc", "")),
            "a \\| b c"
        );
        assert_eq!(super::to_markdown("Smith & Lewis", ""), "Smith \\& Lewis");
    }

    #[test]
    fn headings_in_free_text_stay_paragraphs_and_lists_use_dashes() {
        assert_eq!(to_html("# Kop", ""), "Kop");
        assert_eq!(
            super::to_markdown("# Kop\n\n* een\n* twee", ""),
            "Kop\n\n- een\n- twee"
        );
    }

    #[test]
    fn plain_text_escapes_only_what_markdown_would_read() {
        assert_eq!(
            super::escape("B.V. (fictief) 14.8% e-bikes"),
            "B.V. (fictief) 14.8% e-bikes"
        );
        assert_eq!(
            super::escape("# kop *vet* <b>"),
            "\\# kop \\*vet\\* \\<b\\>"
        );
        assert_eq!(super::escape("2025. Een jaar"), "2025\\. Een jaar");
        assert_eq!(super::escape("- lijst"), "\\- lijst");
    }

    #[test]
    fn raw_html_scripts_and_images_become_harmless_text() {
        assert_eq!(
            to_html("<script>alert(1)</script>", ""),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(to_html("[x](javascript:alert(1))", ""), "x");
        assert_eq!(to_html("[x](data:text/html,hi)", ""), "x");
        assert_eq!(to_html("![geheim](/etc/passwd)", ""), "geheim");
        assert_eq!(
            to_html("![pixel](https://tracker.example/p.gif)", ""),
            "pixel"
        );
    }
}
