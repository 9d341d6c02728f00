//! The scale a confrontation matrix is scored on: textbooks use 0–3, 0–5, 1–5 or −2…2.

use serde::Serialize;

/// One of the scales a case may name in `confrontation.scale`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Scale {
    #[default]
    #[serde(rename = "0-3")]
    ZeroToThree,
    #[serde(rename = "0-5")]
    ZeroToFive,
    #[serde(rename = "1-5")]
    OneToFive,
    #[serde(rename = "-2..2")]
    MinusTwoToTwo,
}

impl Scale {
    pub const ALL: [Scale; 4] = [
        Scale::ZeroToThree,
        Scale::ZeroToFive,
        Scale::OneToFive,
        Scale::MinusTwoToTwo,
    ];

    /// Reads a scale as a case writes it; dashes a word processor typed and spaces are accepted
    /// ("0 – 5", "−2..2", "0..3").
    pub fn parse(text: &str) -> Option<Scale> {
        let plain: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if "\u{2013}\u{2014}\u{2212}".contains(c) {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let plain = plain.replace("..", "-").replace("-+", "-");
        Scale::ALL.into_iter().find(|s| {
            let (min, max) = s.range();
            plain == format!("{min}-{max}")
        })
    }

    /// How the case file writes it.
    pub fn key(self) -> &'static str {
        match self {
            Scale::ZeroToThree => "0-3",
            Scale::ZeroToFive => "0-5",
            Scale::OneToFive => "1-5",
            Scale::MinusTwoToTwo => "-2..2",
        }
    }

    /// The lowest and the highest score.
    pub fn range(self) -> (i64, i64) {
        match self {
            Scale::ZeroToThree => (0, 3),
            Scale::ZeroToFive => (0, 5),
            Scale::OneToFive => (1, 5),
            Scale::MinusTwoToTwo => (-2, 2),
        }
    }

    /// The score that says a pair has no relation: the minimum, or 0 on −2…2.
    pub fn no_relation(self) -> i64 {
        self.range().0.max(0)
    }

    /// As a reader sees it: "0–3", "−2…2" (a real minus sign, an en dash between).
    pub fn shown(self) -> String {
        let (min, max) = self.range();
        let sign = |n: i64| n.to_string().replace('-', "\u{2212}");
        format!("{}\u{2013}{}", sign(min), sign(max))
    }
}

#[cfg(test)]
mod tests {
    use super::Scale;

    #[test]
    fn every_scale_reads_back_from_its_key_and_from_typed_dashes() {
        for scale in Scale::ALL {
            assert_eq!(Scale::parse(scale.key()), Some(scale));
        }
        assert_eq!(Scale::parse("0 \u{2013} 5"), Some(Scale::ZeroToFive));
        assert_eq!(Scale::parse("\u{2212}2..+2"), Some(Scale::MinusTwoToTwo));
        assert_eq!(Scale::parse("0..3"), Some(Scale::ZeroToThree));
        assert_eq!(Scale::parse("1-10"), None);
        assert_eq!(Scale::MinusTwoToTwo.shown(), "\u{2212}2\u{2013}2");
    }
}
