//! Near-identical texts: the same job posting saved from two boards differs in
//! whitespace, case, punctuation and each board's header and footer, not in its body.
//!
//! A text becomes the set of its word 5-grams ("shingles": words are runs of
//! letters and digits, lowercased, so whitespace, case, punctuation and markup do not
//! matter), each hashed to 64 bits. Two texts are near-identical when at least
//! [`CONTAINED`] of the smaller set's shingles are in the other set, and the smaller
//! set has at least [`SIZE_RATIO`] of the larger's size: the body of a posting is
//! shared whatever a board wraps around it (a 300-word posting with 100 words of board
//! chrome still passes), while two postings from one company's template that differ
//! in a few requirement lines do not, nor does a short text that is only part of a
//! long one. (Every pair whose Jaccard similarity |A ∩ B| / |A ∪ B| is at least 0.9
//! passes too.)
//!
//! Comparing every pair would cost n² set merges (half a million for 1,000
//! postings), so candidates come from a prefix filter: any pair that passes has a
//! Jaccard similarity of at least [`FILTER_JACCARD`], and with the shingles of every
//! set in one global order (rarest first), two sets with similarity ≥ t share a
//! shingle among the first |A| − ⌈t·|A|⌉ + 1 of each. Only sets sharing such a
//! shingle are compared in full.
//!
//! ```
//! use skillgap::internals::near_duplicate::{shingles, similarity};
//! let a = shingles("Senior Go engineer. We run Kubernetes on AWS and ship daily.");
//! let b = shingles("senior go engineer   we run kubernetes on aws and ship daily");
//! assert_eq!(similarity(&a, &b), Some(1.0));
//! ```

use rustc_hash::FxHashMap;

/// Words per shingle.
pub const WORDS: usize = 5;
/// Share of the smaller text's shingles the other must hold.
pub const CONTAINED: f64 = 0.9;
/// The smaller text's size (in shingles) as a share of the larger's, at least.
pub const SIZE_RATIO: f64 = 0.6;
/// The lowest Jaccard similarity a near-identical pair can have:
/// c·r / (1 + r − c·r) for c = [`CONTAINED`], r = [`SIZE_RATIO`] (about 0.51).
pub const FILTER_JACCARD: f64 =
    CONTAINED * SIZE_RATIO / (1.0 + SIZE_RATIO - CONTAINED * SIZE_RATIO);

/// The sorted, unique 64-bit hashes of the text's word 5-grams (one shingle of all
/// its words when it has fewer than five; none when it has no words).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(WORDS.min(words.len()))
        .map(|window| xxhash_rust::xxh3::xxh3_64(window.join(" ").as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// When two sorted, unique sets are near-identical (see the module docs), the share
/// of the smaller one's shingles the other holds; `None` when they are not.
pub fn similarity(a: &[u64], b: &[u64]) -> Option<f64> {
    let (small, large) = (a.len().min(b.len()), a.len().max(b.len()));
    if small == 0 || (small as f64) < SIZE_RATIO * large as f64 {
        return None;
    }
    let contained = common(a, b) as f64 / small as f64;
    (contained >= CONTAINED).then_some(contained)
}

/// How many elements two sorted, unique sets share.
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

/// For each set, in order: the first earlier set that is not itself a duplicate and
/// that it is near-identical to, with their [`similarity`]. A `None` set (a file that
/// could not be read, or one already known to be a copy) is skipped and never an
/// original.
pub fn first_similar(sets: &[Option<&[u64]>]) -> Vec<Option<(usize, f64)>> {
    // A hair below the bound, so rounding never drops a pair exactly on it.
    let threshold = FILTER_JACCARD - 1e-9;
    // Document frequency of each shingle, for the rarest-first order.
    let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
    for set in sets.iter().flatten() {
        for &h in *set {
            *frequency.entry(h).or_default() += 1;
        }
    }
    // Each original's prefix shingles -> the originals holding them.
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut found = vec![None; sets.len()];
    let mut candidates = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        let Some(set) = set.filter(|s| !s.is_empty()) else {
            continue;
        };
        let mut ordered = set.to_vec();
        ordered.sort_unstable_by_key(|h| (frequency[h], *h));
        let keep = (threshold * set.len() as f64).ceil() as usize;
        let prefix = &ordered[..(set.len() + 1).saturating_sub(keep).clamp(1, set.len())];
        candidates.clear();
        for h in prefix {
            if let Some(holders) = index.get(h) {
                candidates.extend_from_slice(holders);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates.iter().find_map(|&j| {
            let other = sets[j].expect("only read sets are indexed");
            similarity(set, other).map(|s| (j, s))
        });
        match best {
            Some(hit) => found[i] = Some(hit),
            None => {
                for &h in prefix {
                    index.entry(h).or_default().push(i);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Platform Engineer. We run a Go control plane on Kubernetes across three \
        AWS regions. You will own Terraform modules, the Prometheus alerting rules and the \
        on-call runbooks. Requirements: five years of Go or Rust, production Kubernetes, \
        Terraform, Linux networking, PostgreSQL. Nice to have: Kafka, eBPF, gRPC. We offer \
        a four-day week, a learning budget and remote work within Europe.";

    fn jaccard(a: &[u64], b: &[u64]) -> f64 {
        let c = common(a, b);
        c as f64 / (a.len() + b.len() - c) as f64
    }

    #[test]
    fn whitespace_case_and_a_board_around_it_stay_near_identical() {
        let a = shingles(BODY);
        let spaced = BODY.replace(". ", ".\n\n  ").to_uppercase();
        assert_eq!(similarity(&a, &shingles(&spaced)), Some(1.0));
        let board = format!(
            "Jobboard | Saved jobs | Sign in\nPlatform Engineer - Remote - Posted 3 days ago\n\n{BODY}\n\
             Apply now. Report this job. Similar jobs: Site Reliability Engineer, DevOps Engineer."
        );
        let b = shingles(&board);
        assert!(jaccard(&a, &b) < 0.9, "the board's lines weigh on Jaccard");
        assert_eq!(similarity(&a, &b), Some(1.0));
    }

    #[test]
    fn a_different_posting_from_the_same_template_is_not_a_duplicate() {
        let other = BODY
            .replace("Go or Rust", "Java or Kotlin")
            .replace(
                "Terraform, Linux networking, PostgreSQL",
                "Spring Boot, MySQL, Redis",
            )
            .replace("Kafka, eBPF, gRPC", "Kotlin coroutines, Flyway");
        assert_eq!(similarity(&shingles(BODY), &shingles(&other)), None);
    }

    #[test]
    fn part_of_a_long_text_is_not_the_same_text() {
        let part = shingles(&BODY[..BODY.find("Requirements").unwrap()]);
        assert_eq!(similarity(&part, &shingles(BODY)), None);
    }

    #[test]
    fn the_filter_threshold_is_the_lowest_jaccard_of_a_passing_pair() {
        // The smallest set allowed, wholly contained... at exactly the cut-offs.
        let large: Vec<u64> = (0..100).collect();
        let small: Vec<u64> = (0..54).chain(1000..1006).collect();
        assert_eq!(small.len(), 60);
        assert_eq!(similarity(&small, &large), Some(0.9));
        assert!(jaccard(&small, &large) >= FILTER_JACCARD - 1e-12);
    }

    #[test]
    fn first_similar_points_at_the_first_original_only() {
        let a = shingles(BODY);
        let b = shingles(&format!("{BODY} Posted 3 days ago."));
        let c = shingles("Data analyst: SQL, Tableau and Excel every day.");
        let d = shingles(&BODY.to_lowercase());
        let sets = [Some(&a[..]), None, Some(&b[..]), Some(&c[..]), Some(&d[..])];
        let found = first_similar(&sets);
        assert_eq!(found[0], None);
        assert_eq!(found[1], None);
        assert_eq!(found[2], Some((0, 1.0)));
        assert_eq!(found[3], None);
        assert_eq!(found[4], Some((0, 1.0)));
    }

    #[test]
    fn short_and_empty_texts() {
        assert!(shingles("  ,, ").is_empty());
        assert_eq!(shingles("Go Rust").len(), 1);
        let sets = [Some(&[][..]), Some(&[][..])];
        assert_eq!(first_similar(&sets), vec![None, None]);
    }
}
