//! Whether two texts are alike by edit distance (strsim's normalised Levenshtein: 1 − the
//! distance ÷ the longer text's length in characters), computed only where it can matter: the
//! shared start and end of two texts never change their distance, and a distance above what the
//! threshold allows needs no exact value, only the cells near the table's diagonal.

/// Whether the two are at least `threshold` alike: the same answer as
/// `strsim::normalized_levenshtein(a, b) >= threshold`.
pub fn at_least(a: &str, b: &str, threshold: f64) -> bool {
    let longer = a.chars().count().max(b.chars().count());
    let likeness = |distance: usize| 1.0 - distance as f64 / longer as f64;
    if longer == 0 {
        return 1.0 >= threshold;
    }
    // The largest distance that still reaches the threshold, by the same division.
    let mut limit = ((1.0 - threshold) * longer as f64).floor().max(0.0) as usize;
    while limit > 0 && likeness(limit) < threshold {
        limit -= 1;
    }
    while limit < longer && likeness(limit + 1) >= threshold {
        limit += 1;
    }
    if likeness(limit) < threshold {
        return false;
    }
    let (a, b) = trimmed(a, b);
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    within(&a, &b, limit)
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

/// Whether the Levenshtein distance of the two is at most `limit`. A cell more than `limit` off
/// the diagonal holds more than `limit` (Ukkonen), so only the band around it is computed, each
/// value capped at `limit + 1`; a row all above `limit` settles it at once.
fn within(a: &[char], b: &[char], limit: usize) -> bool {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return false;
    }
    let over = limit + 1;
    let mut previous: Vec<usize> = (0..=m).map(|j| j.min(over)).collect();
    let mut current = vec![over; m + 1];
    for i in 1..=n {
        let (low, high) = (i.saturating_sub(limit).max(1), (i + limit).min(m));
        current[0] = i.min(over);
        current[low - 1] = if low == 1 { current[0] } else { over };
        let mut least = current[low - 1];
        for j in low..=high {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let value = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(over);
            current[j] = value;
            least = least.min(value);
        }
        if high < m {
            current[high + 1] = over;
        }
        if least > limit {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[m] <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_strsims_normalised_levenshtein_against_the_threshold() {
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
            "Een productieafdeling die efficient op maat produceert!",
            "Een productieafdeling die op maat produceert, efficiënt.",
            "één één",
            "één",
            "ééé",
        ];
        // And short texts over a few letters, where edits overlap in every way.
        let mut seed = 12_345u64;
        let drawn: Vec<String> = (0..60)
            .map(|_| {
                let mut draw = || {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (seed >> 33) as usize
                };
                let length = draw() % 24;
                (0..length)
                    .map(|_| ['a', 'b', 'é', ' '][draw() % 4])
                    .collect()
            })
            .collect();
        let texts = texts
            .iter()
            .copied()
            .chain(drawn.iter().map(String::as_str));
        for a in texts.clone() {
            for b in texts.clone() {
                let expected = strsim::normalized_levenshtein(a, b);
                for threshold in [0.0, 0.3, 0.5, 0.75, 0.9, 0.95, 1.0] {
                    let answer = at_least(a, b, threshold);
                    assert_eq!(
                        answer,
                        expected >= threshold,
                        "{a:?} / {b:?} at {threshold}"
                    );
                }
            }
        }
    }
}
