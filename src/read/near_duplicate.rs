//! Near-identical texts: the same job posting saved from two boards differs in
//! whitespace, case, punctuation and a board's header or footer, not in its body.
//!
//! A text becomes the set of its word 5-grams ("shingles": words are runs of
//! letters and digits, lowercased, so whitespace, case and punctuation do not
//! matter), each hashed to 64 bits. Two texts are near-identical when the Jaccard
//! similarity of their sets, |A ∩ B| / |A ∪ B|, is at least [`THRESHOLD`]: a 400-word
//! posting with a 25-word board footer added still scores about 0.94, while two
//! postings from one company's template that differ in a few requirement lines fall
//! well below.
//!
//! Comparing every pair would cost n² set merges (half a million for 1,000
//! postings), so candidates come from a prefix filter: with the shingles of every
//! set in one global order (rarest first), two sets with similarity ≥ t must share a
//! shingle among the first |A| − ⌈t·|A|⌉ + 1 of each. Only sets sharing such a
//! shingle are compared in full.
//!
//! ```
//! use skillgap::internals::near_duplicate::{shingles, jaccard};
//! let a = shingles("Senior Go engineer. We run Kubernetes on AWS and ship daily.");
//! let b = shingles("senior go engineer   we run kubernetes on aws and ship daily");
//! assert_eq!(jaccard(&a, &b), 1.0);
//! ```

use rustc_hash::FxHashMap;

/// Words per shingle.
pub const WORDS: usize = 5;
/// Jaccard similarity from which two texts are the same posting.
pub const THRESHOLD: f64 = 0.9;

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

/// Jaccard similarity of two sorted, unique sets (0 when both are empty).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
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
    common as f64 / (a.len() + b.len() - common) as f64
}

/// For each set, in order: the first earlier set that is not itself a duplicate and
/// whose similarity is at least `threshold`, with that similarity. A `None` set
/// (a file that could not be read, or one already known to be a copy) is skipped
/// and never an original.
pub fn first_similar(sets: &[Option<&[u64]>], threshold: f64) -> Vec<Option<(usize, f64)>> {
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
            let (small, large) = (set.len().min(other.len()), set.len().max(other.len()));
            if (small as f64) < threshold * large as f64 {
                return None;
            }
            let similarity = jaccard(set, other);
            (similarity >= threshold).then_some((j, similarity))
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

    #[test]
    fn whitespace_case_and_a_footer_stay_near_identical() {
        let a = shingles(BODY);
        let spaced = BODY.replace(". ", ".\n\n  ").to_uppercase();
        assert_eq!(jaccard(&a, &shingles(&spaced)), 1.0);
        let footer = format!("{BODY}\nApply on Jobboard. Share this job.");
        let s = jaccard(&a, &shingles(&footer));
        assert!(s >= THRESHOLD, "{s}");
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
        let s = jaccard(&shingles(BODY), &shingles(&other));
        assert!(s < THRESHOLD, "{s}");
    }

    #[test]
    fn first_similar_points_at_the_first_original_only() {
        let a = shingles(BODY);
        let b = shingles(&format!("{BODY} Posted 3 days ago."));
        let c = shingles("Data analyst: SQL, Tableau and Excel every day.");
        let d = shingles(&BODY.to_lowercase());
        let sets = [Some(&a[..]), None, Some(&b[..]), Some(&c[..]), Some(&d[..])];
        let found = first_similar(&sets, THRESHOLD);
        assert_eq!(found[0], None);
        assert_eq!(found[1], None);
        assert_eq!(found[2].map(|(j, _)| j), Some(0));
        assert_eq!(found[3], None);
        assert_eq!(found[4], Some((0, 1.0)));
    }

    #[test]
    fn short_and_empty_texts() {
        assert!(shingles("  ,, ").is_empty());
        assert_eq!(shingles("Go Rust").len(), 1);
        let sets = [Some(&[][..]), Some(&[][..])];
        assert_eq!(first_similar(&sets, THRESHOLD), vec![None, None]);
    }
}
