//! Circular reporting: claims in different reports whose words are near-identical — a wire
//! story rewritten, one collector's account relayed by several outlets — grouped as one origin,
//! the earliest report first. Sentences are compared as sets of word pairs; MinHash
//! signatures, banded, find the candidates without comparing every pair of claims, and the
//! signatures' agreement (an estimate of the sets' Jaccard similarity) decides. A claim that
//! names another outlet and relays its claim in other words joins that claim's origin too
//! (see `citing`).

use super::corpus::Report;
use super::sourcing::Sourcing;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// Hash functions per signature, as `BANDS` bands of `ROWS`: a pair at the threshold below
/// shares a band with a chance of 0.98, a pair half as alike with 0.2 (then told apart by the
/// whole signature, whose estimate is within about 0.04 of the truth).
const HASHES: usize = 128;
const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity of word pairs at which two claims share an origin: a rewrite
/// that changes the outlet's name and a word or two of a 15-word claim stays above it.
pub const SAME_ORIGIN: f64 = 0.6;
/// Claims shorter than this ("He added.") are left out: their likeness means nothing.
const MIN_WORDS: usize = 6;

/// A claim: the report (index into the reports given) and its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClaimAt {
    pub report: usize,
    pub sentence: usize,
}

/// Claims of one origin, the earliest report's first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Origin {
    pub claims: Vec<ClaimAt>,
    pub reports: usize,
    pub outlets: usize,
}

/// Groups of claims from at least two reports (articles: several reviews of one article are
/// one report) that share an origin, largest first.
pub fn origins(reports: &[Report]) -> Vec<Origin> {
    // Every claim with its words, lower case.
    let claims: Vec<(ClaimAt, Vec<String>)> = reports
        .par_iter()
        .enumerate()
        .flat_map_iter(|(report, r)| {
            let Some(session) = r.session else {
                return Vec::new();
            };
            Sourcing::of(session)
                .claims
                .iter()
                .filter_map(|c| {
                    let words = words(session.sentence_text(c.sentence));
                    (words.len() >= MIN_WORDS).then_some((
                        ClaimAt {
                            report,
                            sentence: c.sentence,
                        },
                        words,
                    ))
                })
                .collect()
        })
        .collect();
    let text = |k: usize| &reports[claims[k].0.report].article.sha256;
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    // Claims word for word alike (a wire story reprinted) are one origin at once, and their
    // words are hashed once.
    let mut alike: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (k, (_, words)) in claims.iter().enumerate() {
        alike.entry(words.as_slice()).or_default().push(k);
    }
    for members in alike.values() {
        let first = members[0];
        let other = members.iter().copied().find(|&m| text(m) != text(first));
        for &m in &members[1..] {
            match (text(m) != text(first), other) {
                (true, _) => union(&mut parent, first, m),
                (false, Some(o)) => union(&mut parent, o, m),
                // Two analysts' reviews of one article are one report, not two outlets
                // agreeing.
                (false, None) => {}
            }
        }
    }
    let distinct: Vec<usize> = alike.values().map(|m| m[0]).collect();
    let signatures: Vec<[u64; HASHES]> = distinct
        .par_iter()
        .map(|&k| signature(&claims[k].1))
        .collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (d, sig) in signatures.iter().enumerate() {
        for band in 0..BANDS {
            let rows = &sig[band * ROWS..(band + 1) * ROWS];
            let key = rows
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, &x| mix(h ^ x));
            buckets.entry((band, key)).or_default().push(d);
        }
    }
    // Each member of a bucket is compared with the bucket's first member, not with every
    // other member: a claim relayed a thousand times, or a template a generator repeats,
    // costs a pass over the bucket, not a thousand squared comparisons. Pairs a bucket's
    // first member misses meet in other bands.
    for members in buckets.values().filter(|m| m.len() > 1) {
        let first = members[0];
        for &d in &members[1..] {
            let (a, b) = (distinct[first], distinct[d]);
            if text(a) != text(b) && similarity(&signatures[first], &signatures[d]) >= SAME_ORIGIN {
                union(&mut parent, a, b);
            }
        }
    }
    // A claim naming the outlet it relays, in words of its own.
    let outlets: Vec<String> = reports
        .iter()
        .map(|r| {
            r.article
                .meta
                .site_name
                .as_deref()
                .map_or_else(String::new, |o| words(o).join(" "))
        })
        .collect();
    let citing: Vec<super::citing::Claim> = claims
        .iter()
        .map(|(at, words)| {
            let report = &reports[at.report];
            super::citing::Claim {
                text: words.join(" "),
                outlet: &outlets[at.report],
                date: report.published().unwrap_or(""),
            }
        })
        .collect();
    for (a, b) in super::citing::citations(&citing) {
        if text(a) != text(b) {
            union(&mut parent, a, b);
        }
    }
    let mut groups: HashMap<usize, Vec<ClaimAt>> = HashMap::new();
    for (k, (at, _)) in claims.iter().enumerate() {
        let root = find(&mut parent, k);
        groups.entry(root).or_default().push(*at);
    }
    let date = |c: &ClaimAt| {
        let r = &reports[c.report];
        (
            r.published().unwrap_or_default().to_string(),
            r.name,
            c.sentence,
        )
    };
    let mut out: Vec<Origin> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut claims| {
            claims.sort_by_key(|c| date(c));
            let mut reports_in: Vec<&str> = claims
                .iter()
                .map(|c| reports[c.report].article.sha256.as_str())
                .collect();
            reports_in.sort_unstable();
            reports_in.dedup();
            let mut outlets: Vec<&str> =
                claims.iter().map(|c| reports[c.report].outlet()).collect();
            outlets.sort_unstable();
            outlets.dedup();
            Origin {
                reports: reports_in.len(),
                outlets: outlets.len(),
                claims,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.claims
            .len()
            .cmp(&a.claims.len())
            .then_with(|| date(&a.claims[0]).cmp(&date(&b.claims[0])))
    });
    out
}

/// A sentence's words, lower case, punctuation left out.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The MinHash signature of a sentence's word pairs.
fn signature(words: &[String]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for pair in words.windows(2) {
        let h = pair
            .iter()
            .flat_map(|w| w.bytes().chain([b' ']))
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        for (i, slot) in sig.iter_mut().enumerate() {
            *slot = (*slot).min(mix(h ^ SEEDS[i]));
        }
    }
    sig
}

/// The share of hash functions on which two signatures agree: the Jaccard estimate.
fn similarity(a: &[u64; HASHES], b: &[u64; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// SplitMix64's finaliser: a different, well-mixed function of the pair hash per seed.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        seeds[i] = state;
        i += 1;
    }
    seeds
};

fn find(parent: &mut [usize], mut k: usize) -> usize {
    while parent[k] != k {
        parent[k] = parent[parent[k]];
        k = parent[k];
    }
    k
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jaccard(a: &str, b: &str) -> f64 {
        let pairs = |t: &str| {
            let w: Vec<String> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            w.windows(2)
                .map(|p| p.join(" "))
                .collect::<std::collections::HashSet<_>>()
        };
        let (a, b) = (pairs(a), pairs(b));
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    #[test]
    fn the_signatures_estimate_the_likeness_of_word_pairs() {
        let a = "A source in Rason told Kestrel Report that three ships were waiting at the port.";
        let b =
            "A source in Rason told the Tumen Ledger that three ships were waiting at the port.";
        let c = "Prices of rice in Hyesan rose by a third over the month, traders said.";
        let (sa, sb, sc) = (
            signature(&words(a)),
            signature(&words(b)),
            signature(&words(c)),
        );
        assert!((similarity(&sa, &sb) - jaccard(a, b)).abs() < 0.15);
        assert!(
            similarity(&sa, &sb) >= SAME_ORIGIN,
            "{}",
            similarity(&sa, &sb)
        );
        assert!(similarity(&sa, &sc) < 0.1);
        assert_eq!(similarity(&sa, &sa), 1.0);
        assert!(words("He added.").len() < MIN_WORDS);
    }
}
