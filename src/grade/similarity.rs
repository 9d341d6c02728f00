//! Similar work: pairs of submissions whose reasoning is near-identical, per item or over all
//! their reasoning together. Listed for the teacher to check; never part of a mark.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;

use super::compare::normalise;

/// Texts at least this similar (Sørensen–Dice over character pairs) are near-identical.
pub const SIMILAR: f64 = 0.9;
/// Texts shorter than this many words are too short to compare.
pub const MIN_WORDS: usize = 40;

/// One submission's reasoning: per `item/discipline` key, and all of it together.
pub struct Reasonings {
    items: HashMap<String, Text>,
    overall: Option<Text>,
}

struct Text {
    words: usize,
    /// Hashes of every run of three words, sorted: a cheap first look before the bigrams.
    shingles: Vec<u64>,
    /// Every pair of adjacent characters (spaces left out), sorted: made once per text, so a
    /// class of 300 compares 45,000 pairs by merging two lists instead of building maps.
    bigrams: Vec<u64>,
}

impl Text {
    fn new(text: &str) -> Option<Text> {
        let normalised = normalise(text);
        let words: Vec<&str> = normalised.split(' ').collect();
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut shingles: Vec<u64> = words
            .windows(3)
            .map(|w| {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                w.hash(&mut hasher);
                hasher.finish()
            })
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        let letters: Vec<char> = normalised.chars().filter(|c| !c.is_whitespace()).collect();
        let mut bigrams: Vec<u64> = letters
            .windows(2)
            .map(|pair| (u64::from(pair[0]) << 32) | u64::from(pair[1]))
            .collect();
        bigrams.sort_unstable();
        Some(Text {
            words: words.len(),
            shingles,
            bigrams,
        })
    }

    /// The similarity, when the two are near-identical.
    fn similar(&self, other: &Text) -> Option<f64> {
        let (short, long) = if self.words < other.words {
            (self.words, other.words)
        } else {
            (other.words, self.words)
        };
        // Near-identical texts are of nearly the same length and share most runs of words.
        if (short as f64) < (long as f64) * 0.8 || shared(&self.shingles, &other.shingles) < 0.5 {
            return None;
        }
        // Sørensen–Dice: twice the bigrams the two share (as a multiset) over all of them.
        let total = self.bigrams.len() + other.bigrams.len();
        let similarity = 2.0 * common(&self.bigrams, &other.bigrams) as f64 / total.max(1) as f64;
        (similarity >= SIMILAR).then_some(similarity)
    }
}

/// The share of the shorter list found in the longer (both sorted).
fn shared(a: &[u64], b: &[u64]) -> f64 {
    common(a, b) as f64 / a.len().min(b.len()).max(1) as f64
}

/// How many entries two sorted lists have in common, a repeated entry as often as both hold it.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

impl Reasonings {
    /// `texts`: (`item/discipline`, reasoning) in the model's order.
    pub fn new(texts: &[(String, String)]) -> Reasonings {
        let overall: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
        Reasonings {
            items: texts
                .iter()
                .filter_map(|(key, text)| Text::new(text).map(|t| (key.clone(), t)))
                .collect(),
            overall: Text::new(&overall.join(" ")),
        }
    }
}

/// A pair to check: the two submissions' positions, how similar all their reasoning is (when
/// near-identical) and the items whose reasoning is.
#[derive(Clone, Debug, Serialize)]
pub struct SimilarPair {
    pub first: usize,
    pub second: usize,
    pub overall: Option<f64>,
    /// (`item/discipline`, similarity), sorted by key.
    pub items: Vec<(String, f64)>,
}

/// Every pair of submissions with near-identical reasoning, in the order of the submissions.
pub fn similar_pairs(all: &[Option<Reasonings>]) -> Vec<SimilarPair> {
    (0..all.len())
        .into_par_iter()
        .flat_map_iter(|first| {
            (first + 1..all.len()).filter_map(move |second| {
                let (a, b) = (all[first].as_ref()?, all[second].as_ref()?);
                let overall = match (&a.overall, &b.overall) {
                    (Some(x), Some(y)) => x.similar(y),
                    _ => None,
                };
                let mut items: Vec<(String, f64)> = a
                    .items
                    .iter()
                    .filter_map(|(key, x)| {
                        let similarity = x.similar(b.items.get(key)?)?;
                        Some((key.clone(), similarity))
                    })
                    .collect();
                items.sort_by(|x, y| x.0.cmp(&y.0));
                (overall.is_some() || !items.is_empty()).then_some(SimilarPair {
                    first,
                    second,
                    overall,
                    items,
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, salt: &str) -> String {
        (0..n)
            .map(|i| format!("{salt}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_similarity_is_sorensen_dice_over_character_pairs() {
        let a = Text::new(&words(45, "woord")).expect("long enough");
        let edited = words(45, "woord").replace("woord1 ", "wrd1 ");
        let b = Text::new(&edited).expect("long enough");
        let merged = 2.0 * common(&a.bigrams, &b.bigrams) as f64
            / (a.bigrams.len() + b.bigrams.len()) as f64;
        // strsim's version of the same measure, on the same texts without their spaces (it
        // divides by byte lengths, which for these ASCII texts are the character counts).
        let squeeze = |t: &str| normalise(t).replace(' ', "");
        let expected = strsim::sorensen_dice(&squeeze(&words(45, "woord")), &squeeze(&edited));
        assert!(
            (merged - expected).abs() < 1e-12,
            "{merged} against {expected}"
        );
        assert_eq!(a.similar(&b), (merged >= SIMILAR).then_some(merged));
    }

    #[test]
    fn near_identical_long_texts_pair_up_and_short_ones_never() {
        let text = words(45, "woord");
        let edited = text.replacen("woord3 ", "woordje3 ", 1);
        let a = Reasonings::new(&[("S1/customer_intimacy".into(), text.clone())]);
        let b = Reasonings::new(&[("S1/customer_intimacy".into(), edited)]);
        let c = Reasonings::new(&[("S1/customer_intimacy".into(), words(45, "anders"))]);
        let short = Reasonings::new(&[("S1/customer_intimacy".into(), words(30, "woord"))]);
        let pairs = similar_pairs(&[Some(a), Some(b), Some(c), Some(short), None]);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].first, pairs[0].second), (0, 1));
        assert_eq!(pairs[0].items.len(), 1);
        assert!(pairs[0].overall.is_some());
    }
}
