//! A quoted text that ends too early: a `"` inside double quotes (`"past bij "maatwerk"."`) or
//! text after the closing quote (`'Dé fietspartner'.`). The parser only says the line is not
//! valid YAML; this names the quote and writes the line as it should read.

/// What went wrong with the quotes on one line, and the line as it should read.
#[derive(Debug, PartialEq)]
pub(super) struct QuoteFix {
    /// `quote_in_quotes` or `after_quote`.
    pub situation: &'static str,
    pub key: String,
    /// What follows the closing quote (`maatwerk"."`, `.`).
    pub after: String,
    /// The line with the text quoted so that it reads as one text.
    pub fixed: String,
}

/// The fix for `line` when its value opens a quote that closes before the line ends.
pub(super) fn quote_fix(line: &str) -> Option<QuoteFix> {
    let body = line.trim_start().trim_start_matches("- ");
    let (key, value) = body.split_once(": ")?;
    let key = key.trim();
    let value = value.trim();
    if key.is_empty() || key.contains(' ') {
        return None;
    }
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let close = closing(value, quote)?;
    let after = value[close + 1..].trim();
    if after.is_empty() || after.starts_with('#') {
        return None;
    }
    let (situation, text) = match value.rfind(quote).filter(|last| *last > close) {
        // A quote further on: it was meant as part of the text.
        Some(last) if after.contains(quote) => ("quote_in_quotes", &value[1..last]),
        _ => {
            // Text after the closing quote belongs inside it.
            let inner = &value[1..close];
            return Some(QuoteFix {
                situation: "after_quote",
                key: key.to_string(),
                after: after.to_string(),
                fixed: format!("{key}: {}", quoted(&format!("{inner}{after}"))),
            });
        }
    };
    let text = if quote == '\'' {
        text.replace("''", "'")
    } else {
        text.to_string()
    };
    Some(QuoteFix {
        situation,
        key: key.to_string(),
        after: after.to_string(),
        fixed: format!("{key}: {}", quoted(&text)),
    })
}

/// The byte index of the quote that closes the text opened at index 0 (`''` is a quote inside
/// single quotes, `\"` one inside double quotes).
fn closing(value: &str, quote: char) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            ('"', b'\\') => i += 1,
            ('\'', b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 1,
            (_, b) if char::from(b) == quote => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// A text in the quotes that need no escaping in it: single when it holds a `"`, double
/// otherwise (a `'` inside single quotes is doubled).
fn quoted(text: &str) -> String {
    if text.contains('"') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_inside_double_quotes_gets_single_quotes_around() {
        let fix = quote_fix("  conclusion: \"De missie past bij \"maatwerk\".\"").expect("fix");
        assert_eq!(fix.situation, "quote_in_quotes");
        assert_eq!(fix.fixed, "conclusion: 'De missie past bij \"maatwerk\".'");
    }

    #[test]
    fn text_after_the_closing_quote_moves_inside() {
        let fix = quote_fix("  vision: 'Dé fietspartner van Utrecht'.").expect("fix");
        assert_eq!(fix.situation, "after_quote");
        assert_eq!(fix.after, ".");
        assert_eq!(fix.fixed, "vision: \"Dé fietspartner van Utrecht.\"");
        assert_eq!(quote_fix("  vision: 'Goed' # klopt"), None);
        assert_eq!(quote_fix("  text: \"Jan's fiets\""), None);
    }
}
