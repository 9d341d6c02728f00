//! Similar work: submissions whose reasoning is near-identical, per item or over all their
//! reasoning together, found pair by pair and listed in groups for the teacher to check; never
//! part of a mark.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use serde::Serialize;

/// Texts at least this similar (Sørensen–Dice over character pairs) are near-identical.
pub const SIMILAR: f64 = 0.9;
/// Texts shorter than this many words are too short to compare.
pub const MIN_WORDS: usize = 40;

/// Lower case, words separated by single spaces.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One submission's reasoning: per `item/discipline` key, and all of it together.
pub struct Reasonings {
    /// Sorted by key: two submissions' items are paired by one merge, not a lookup each.
    items: Vec<(String, Text)>,
    overall: Option<Text>,
}

struct Text {
    words: usize,
    /// Hashes of every run of three words, sorted: a cheap first look before the bigrams.
    shingles: Vec<u64>,
    bigrams: Bigrams,
}

/// Every pair of adjacent characters (spaces left out) with how often it occurs, sorted: made
/// once per text, so a class of 300 compares 45,000 pairs by merging two lists instead of
/// building maps. A long text repeats its pairs: 10,000 of them are a few hundred kinds.
pub struct Bigrams {
    counts: Vec<(u64, u32)>,
    /// How many pairs the text has, repeats counted.
    total: usize,
}

impl Bigrams {
    /// The pairs of an already normalised text.
    fn of(normalised: &str) -> Bigrams {
        let letters: Vec<char> = normalised.chars().filter(|c| !c.is_whitespace()).collect();
        let mut all: Vec<u64> = letters
            .windows(2)
            .map(|pair| (u64::from(pair[0]) << 32) | u64::from(pair[1]))
            .collect();
        all.sort_unstable();
        let mut counts: Vec<(u64, u32)> = Vec::new();
        for bigram in &all {
            match counts.last_mut() {
                Some((last, count)) if last == bigram => *count += 1,
                _ => counts.push((*bigram, 1)),
            }
        }
        Bigrams {
            counts,
            total: all.len(),
        }
    }

    /// Sørensen–Dice (twice the bigrams the two share, as a multiset, over all of them), when
    /// it is at least `threshold`. The merge stops as soon as the pairs one text has and the
    /// other lacks leave too few to share: two texts of unequal length, or that differ early,
    /// cost a few steps instead of a whole merge.
    fn dice_at_least(&self, other: &Bigrams, threshold: f64) -> Option<f64> {
        let total = (self.total + other.total).max(1) as f64;
        let dice = |common: usize| 2.0 * common as f64 / total;
        // The fewest shared pairs that reach the threshold, by the same division as the result.
        let mut needed = (threshold * total / 2.0).ceil().max(0.0) as usize;
        while needed > 0 && dice(needed - 1) >= threshold {
            needed -= 1;
        }
        while dice(needed) < threshold && needed <= self.total + other.total {
            needed += 1;
        }
        // What each text can still share: its pairs less those the other has fewer of.
        let (mut left_a, mut left_b) = (self.total, other.total);
        if left_a.min(left_b) < needed {
            return None;
        }
        let (a, b) = (&self.counts, &other.counts);
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => {
                    left_a -= a[i].1 as usize;
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    left_b -= b[j].1 as usize;
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    let (x, y) = (a[i].1 as usize, b[j].1 as usize);
                    common += x.min(y);
                    left_a -= x - x.min(y);
                    left_b -= y - x.min(y);
                    i += 1;
                    j += 1;
                }
            }
            if left_a.min(left_b) < needed {
                return None;
            }
        }
        let dice = dice(common);
        (dice >= threshold).then_some(dice)
    }
}

/// For each text (in order), the position of the first earlier text it repeats (at least
/// [`SIMILAR`] alike, whatever its length), when that reasoning is used for at least `times`
/// texts in all; `None` for the first of each and for texts repeated less often.
pub fn repeats(texts: &[&str], times: usize) -> Vec<Option<usize>> {
    let bigrams: Vec<Bigrams> = texts.iter().map(|t| Bigrams::of(&normalise(t))).collect();
    let mut first: Vec<Option<usize>> = vec![None; texts.len()];
    for at in 0..texts.len() {
        first[at] = (0..at)
            .filter(|&earlier| first[earlier].is_none())
            .find(|&earlier| {
                bigrams[at]
                    .dice_at_least(&bigrams[earlier], SIMILAR)
                    .is_some()
            });
    }
    let mut used = vec![1usize; texts.len()];
    for source in first.iter().flatten() {
        used[*source] += 1;
    }
    first
        .into_iter()
        .map(|source| source.filter(|&s| used[s] >= times))
        .collect()
}

impl Text {
    #[cfg(test)]
    fn new(text: &str) -> Option<Text> {
        Text::of(&normalise(text))
    }

    /// The text's runs of words and character pairs, from its normalised form.
    fn of(normalised: &str) -> Option<Text> {
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
        Some(Text {
            words: words.len(),
            shingles,
            bigrams: Bigrams::of(normalised),
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
        if (short as f64) < (long as f64) * 0.8 || !shares_half(&self.shingles, &other.shingles) {
            return None;
        }
        self.bigrams.dice_at_least(&other.bigrams, SIMILAR)
    }

    /// Sørensen–Dice over the two texts' character pairs.
    #[cfg(test)]
    fn dice(&self, other: &Text) -> f64 {
        self.bigrams
            .dice_at_least(&other.bigrams, 0.0)
            .unwrap_or(0.0)
    }
}

/// Whether at least half of the shorter list is found in the longer (both sorted, of distinct
/// entries). The merge stops as soon as half is found, or can no longer be: a gate before the
/// character pairs, it needs no count beyond that.
fn shares_half(a: &[u64], b: &[u64]) -> bool {
    let shorter = a.len().min(b.len()).max(1) as f64;
    let half = |found: usize| found as f64 / shorter >= 0.5;
    let mut needed = (shorter / 2.0).floor() as usize;
    while !half(needed) {
        needed += 1;
    }
    let (mut i, mut j, mut found) = (0, 0, 0usize);
    while found < needed {
        if found + (a.len() - i).min(b.len() - j) < needed {
            return false;
        }
        let (x, y) = (a[i], b[j]);
        found += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    true
}

impl Reasonings {
    /// `texts`: (`item/discipline`, reasoning) in the model's order.
    pub fn new(texts: &[(String, String)]) -> Reasonings {
        let normalised: Vec<(&String, String)> =
            texts.iter().map(|(key, t)| (key, normalise(t))).collect();
        // All of it as one text: normalising the texts joined gives the normalised ones joined
        // (the empty left out), so each is normalised once.
        let overall: Vec<&str> = normalised
            .iter()
            .map(|(_, t)| t.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        Reasonings {
            items: normalised
                .iter()
                .filter_map(|(key, text)| Text::of(text).map(|t| ((*key).clone(), t)))
                .collect::<BTreeMap<String, Text>>()
                .into_iter()
                .collect(),
            overall: Text::of(&overall.join(" ")),
        }
    }
}

impl Reasonings {
    /// How alike all the reasoning of the two is (when near-identical) and the items whose
    /// reasoning is near-identical, sorted by key; `None` when nothing is.
    pub fn alike(&self, other: &Reasonings) -> Option<(Option<f64>, Vec<(String, f64)>)> {
        let overall = match (&self.overall, &other.overall) {
            (Some(x), Some(y)) => x.similar(y),
            _ => None,
        };
        let mut items: Vec<(String, f64)> = Vec::new();
        let (a, b) = (&self.items, &other.items);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if let Some(similarity) = a[i].1.similar(&b[j].1) {
                        items.push((a[i].0.clone(), similarity));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        (overall.is_some() || !items.is_empty()).then_some((overall, items))
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

impl SimilarPair {
    /// Strongest first: the higher similarity of all reasoning, then the more items, then the
    /// higher item similarity; ties in the submissions' order, so the result never varies.
    fn strength_order(&self, other: &SimilarPair) -> std::cmp::Ordering {
        let best = |p: &SimilarPair| p.items.iter().map(|(_, s)| *s).fold(0.0, f64::max);
        let overall = |p: &SimilarPair| p.overall.unwrap_or(0.0);
        overall(other)
            .total_cmp(&overall(self))
            .then(other.items.len().cmp(&self.items.len()))
            .then(best(other).total_cmp(&best(self)))
            .then((self.first, self.second).cmp(&(other.first, other.second)))
    }
}

/// Submissions to check together: each is near-identical to at least one other member. A class
/// that copied from one source is one group, not every pair of it (300 copies are 44,850 pairs).
#[derive(Clone, Debug, Serialize)]
pub struct SimilarGroup {
    /// Positions of the submissions, in their order.
    pub members: Vec<usize>,
    /// How many pairs of members are near-identical.
    pub pairs: usize,
    /// The strongest pairs that join the members (one fewer than the members), strongest first:
    /// every member is in at least one, with the submission most like it.
    pub links: Vec<SimilarPair>,
}

/// The groups of near-identical work, in the order of their first member, one submission after
/// another (a shell with threads spreads [`pairs_of`] over them and calls [`groups`]).
pub fn similar_groups(all: &[Option<Reasonings>]) -> Vec<SimilarGroup> {
    let pairs = (0..all.len())
        .flat_map(|first| pairs_of(first, all))
        .collect();
    groups(all.len(), pairs)
}

/// The groups the near-identical `pairs` of `count` submissions make, in the order of their
/// first member.
pub fn groups(count: usize, mut pairs: Vec<SimilarPair>) -> Vec<SimilarGroup> {
    pairs.sort_by(SimilarPair::strength_order);
    // Kruskal's spanning forest: a pair joins two groups only if they are not joined yet, so the
    // pairs kept are the strongest that connect each group.
    let mut groups = Groups::new(count);
    let mut links = Vec::new();
    let mut counted = vec![0usize; count];
    for pair in pairs {
        if groups.join(pair.first, pair.second) {
            links.push(pair);
        } else {
            counted[pair.first] += 1;
        }
    }
    let mut found: Vec<SimilarGroup> = Vec::new();
    let mut index_of_root = std::collections::BTreeMap::new();
    for member in 0..count {
        let root = groups.root(member);
        if groups.size[root] < 2 {
            continue;
        }
        let at = *index_of_root.entry(root).or_insert_with(|| {
            found.push(SimilarGroup {
                members: Vec::new(),
                pairs: 0,
                links: Vec::new(),
            });
            found.len() - 1
        });
        found[at].members.push(member);
        found[at].pairs += counted[member];
    }
    for link in links {
        let at = index_of_root[&groups.root(link.first)];
        found[at].pairs += 1;
        found[at].links.push(link);
    }
    found
}

/// Union–find over the submissions' positions.
struct Groups {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Groups {
    fn new(count: usize) -> Groups {
        Groups {
            parent: (0..count).collect(),
            size: vec![1; count],
        }
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    /// Joins the groups of `a` and `b`; false if they were one already.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (mut a, mut b) = (self.root(a), self.root(b));
        if a == b {
            return false;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
        true
    }
}

/// The near-identical pairs of submission `first` with every later one, in their order.
pub fn pairs_of(first: usize, all: &[Option<Reasonings>]) -> Vec<SimilarPair> {
    let Some(a) = all[first].as_ref() else {
        return Vec::new();
    };
    (first + 1..all.len())
        .filter_map(|second| {
            let (overall, items) = a.alike(all[second].as_ref()?)?;
            Some(SimilarPair {
                first,
                second,
                overall,
                items,
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
        let merged = a.dice(&b);
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
    fn a_merge_stopped_early_says_what_the_whole_merge_says() {
        let texts = [
            words(45, "woord"),
            words(45, "woord").replace("woord1 ", "wrd1 "),
            words(45, "woord").replacen("woord3 ", "anders3 ", 1),
            words(40, "woord"),
            words(45, "anders"),
            "anders woord1 woord0".to_string(),
        ];
        let squeeze = |t: &str| normalise(t).replace(' ', "");
        for a in &texts {
            for b in &texts {
                let (x, y) = (Bigrams::of(&normalise(a)), Bigrams::of(&normalise(b)));
                let expected = strsim::sorensen_dice(&squeeze(a), &squeeze(b));
                for threshold in [0.5, SIMILAR, 0.99] {
                    let merged = x.dice_at_least(&y, threshold);
                    assert_eq!(merged.is_some(), expected >= threshold, "{a} / {b}");
                    assert!(merged.is_none_or(|d| (d - expected).abs() < 1e-12));
                }
            }
        }
    }

    #[test]
    fn the_same_words_in_another_order_are_not_near_identical() {
        let text = words(45, "woordenboek");
        let shuffled: Vec<&str> = text.split(' ').rev().collect();
        let (a, b) = (Text::new(&text), Text::new(&shuffled.join(" ")));
        let (a, b) = (a.expect("long enough"), b.expect("long enough"));
        assert!(a.dice(&b) >= SIMILAR, "{}", a.dice(&b));
        assert_eq!(a.similar(&b), None);
        let edited = text.replacen("woordenboek3 ", "woordenboekje3 ", 1);
        assert!(
            a.similar(&Text::new(&edited).expect("long enough"))
                .is_some()
        );
    }

    #[test]
    fn a_reasoning_used_for_three_items_is_a_repeat_and_two_are_not() {
        let template = |id: &str| format!("In my view {id} argues this way for customer intimacy.");
        let (m1, m2, m3) = (template("M1"), template("M2"), template("M3"));
        let own = "Maatwerk voor de klant vraagt een productie die wendbaar is.";
        let texts = [m1.as_str(), own, m2.as_str(), m3.as_str()];
        assert_eq!(repeats(&texts, 3), [None, None, Some(0), Some(0)]);
        assert_eq!(repeats(&texts[..3], 3), [None, None, None]);
    }

    #[test]
    fn near_identical_long_texts_pair_up_and_short_ones_never() {
        let text = words(45, "woord");
        let edited = text.replacen("woord3 ", "woordje3 ", 1);
        let a = Reasonings::new(&[("S1/customer_intimacy".into(), text.clone())]);
        let b = Reasonings::new(&[("S1/customer_intimacy".into(), edited)]);
        let c = Reasonings::new(&[("S1/customer_intimacy".into(), words(45, "anders"))]);
        let short = Reasonings::new(&[("S1/customer_intimacy".into(), words(30, "woord"))]);
        let all = [Some(a), Some(b), Some(c), Some(short), None];
        let pairs: Vec<SimilarPair> = (0..all.len()).flat_map(|i| pairs_of(i, &all)).collect();
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].first, pairs[0].second), (0, 1));
        assert_eq!(pairs[0].items.len(), 1);
        assert!(pairs[0].overall.is_some());
    }

    #[test]
    fn copies_of_one_source_are_one_group_joined_by_its_strongest_pairs() {
        let key = "S1/customer_intimacy".to_string();
        let of = |text: String| Some(Reasonings::new(&[(key.clone(), text)]));
        let source = words(45, "woord");
        let other = words(45, "anders");
        let class = [
            of(source.clone()),
            of(words(45, "los")),
            of(source.replacen("woord3 ", "woordje3 ", 1)),
            of(other.clone()),
            of(source.replacen("woord7 ", "woordje7 ", 1)),
            of(other.replacen("anders9 ", "andersje9 ", 1)),
            None,
        ];
        let groups = similar_groups(&class);
        let members: Vec<&[usize]> = groups.iter().map(|g| g.members.as_slice()).collect();
        assert_eq!(members, [&[0, 2, 4][..], &[3, 5][..]]);
        // Three near-identical pairs in the first group, two of them enough to join it.
        assert_eq!((groups[0].pairs, groups[0].links.len()), (3, 2));
        assert_eq!((groups[1].pairs, groups[1].links.len()), (1, 1));
        // The two strongest of the three pairs join the group; the weakest is left out.
        let overall = |a: usize, b: usize| {
            let (x, y) = (class[a].as_ref(), class[b].as_ref());
            x.zip(y)
                .and_then(|(x, y)| x.overall.as_ref()?.similar(y.overall.as_ref()?))
                .unwrap_or(0.0)
        };
        let mut all = [(0, 2), (0, 4), (2, 4)];
        all.sort_by(|a, b| overall(b.0, b.1).total_cmp(&overall(a.0, a.1)));
        let joined: Vec<(usize, usize)> = groups[0]
            .links
            .iter()
            .map(|l| (l.first, l.second))
            .collect();
        assert_eq!(joined, all[..2]);
        assert!(overall(all[1].0, all[1].1) >= overall(all[2].0, all[2].1));
    }
}
