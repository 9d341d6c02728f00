//! How alike two texts are by edit distance (strsim's normalised Levenshtein), computed only
//! where it can matter: the shared start and end of two texts never change their distance, and
//! two texts whose lengths differ too much cannot reach the threshold.

/// 1 − the Levenshtein distance ÷ the longer text's length in characters; 1 for two empty
/// texts. The same value as `strsim::normalized_levenshtein`, over only the part between the
/// texts' common start and common end (a student's text is mostly the hand-out's).
pub fn likeness(a: &str, b: &str) -> f64 {
    let longer = a.chars().count().max(b.chars().count());
    if longer == 0 {
        return 1.0;
    }
    let (a, b) = trimmed(a, b);
    1.0 - strsim::levenshtein(a, b) as f64 / longer as f64
}

/// Whether the two are at least `threshold` alike ([`likeness`]). The distance is at least the
/// difference in length, so most pairs of unequal length are settled without computing it.
pub fn at_least(a: &str, b: &str, threshold: f64) -> bool {
    let (x, y) = (a.chars().count(), b.chars().count());
    let longer = x.max(y);
    if longer > 0 && 1.0 - x.abs_diff(y) as f64 / (longer as f64) < threshold {
        return false;
    }
    likeness(a, b) >= threshold
}

/// The two texts without the characters they start and end with in common.
fn trimmed<'a, 'b>(a: &'a str, b: &'b str) -> (&'a str, &'b str) {
    let start: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (a, b) = (&a[start..], &b[start..]);
    let end: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (&a[..a.len() - end], &b[..b.len() - end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_likeness_is_strsims_normalised_levenshtein() {
        let texts = [
            "",
            "a",
            "aa",
            "ab",
            "ba",
            "kitten",
            "sitting",
            "abcabc",
            "abc",
            "cabcab",
            "Een productieafdeling die efficiënt op maat produceert.",
            "Een productieafdeling c0001 die efficiënt op maat produceert.",
            "Een afdeling die efficiënt op maat levert.",
            "één één",
            "één",
            "ééé",
        ];
        for a in texts {
            for b in texts {
                let expected = strsim::normalized_levenshtein(a, b);
                assert_eq!(likeness(a, b), expected, "{a:?} against {b:?}");
                for threshold in [0.5, 0.9] {
                    assert_eq!(at_least(a, b, threshold), expected >= threshold);
                }
            }
        }
    }
}
