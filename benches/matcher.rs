//! The matcher and the per-file pipeline of `rank`: automaton build time, scan
//! throughput (MB/s) on a large text made of the example resume repeated, and the cost
//! of each stage for one resume. Run with `cargo bench --bench matcher`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use skillgap::internals::analysis;
use skillgap::internals::extract::Kind;
use skillgap::internals::lexicon::Lexicon;
use skillgap::internals::matcher::Matcher;
use skillgap::internals::normalize::normalize;
use skillgap::internals::posting;
use skillgap::internals::sections::{Document, Purpose};

fn sample_text(target_bytes: usize) -> String {
    let resume = include_str!("../examples/resume.txt");
    let mut text = String::with_capacity(target_bytes + resume.len());
    while text.len() < target_bytes {
        text.push_str(resume);
        text.push('\n');
    }
    text
}

fn build(c: &mut Criterion) {
    c.bench_function("lexicon parse + validate", |b| b.iter(Lexicon::embedded));
    let lexicon = Lexicon::embedded();
    c.bench_function("automaton build", |b| {
        b.iter(|| Matcher::new(lexicon.clone()))
    });
}

fn scan(c: &mut Criterion) {
    let matcher = Matcher::new(Lexicon::embedded());
    let mut group = c.benchmark_group("scan");
    for size in [5_000usize, 4_000_000] {
        let doc = Document::new(normalize(&sample_text(size)), Purpose::Resume);
        group.throughput(Throughput::Bytes(doc.text().len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(doc.text().len()),
            &doc,
            |b, doc| b.iter(|| matcher.scan(doc)),
        );
    }
    group.finish();
    let raw = sample_text(4_000_000);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("4MB", |b| b.iter(|| normalize(&raw)));
    group.finish();
}

/// Each stage `rank` runs on one ~5 KB resume, to see where a file's time goes.
fn pipeline(c: &mut Criterion) {
    let matcher = Matcher::new(Lexicon::embedded());
    let posting = Document::new(
        normalize(include_str!("../examples/job-backend.txt")),
        Purpose::Posting,
    );
    let profile = posting::analyze(&matcher, &posting);
    let raw = include_str!("../examples/resume.txt");
    let text = normalize(raw);
    let doc = Document::new(text.clone(), Purpose::Resume);
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("normalize", |b| b.iter(|| normalize(raw)));
    let ascii: String = raw
        .chars()
        .map(|c| if c.is_ascii() { c } else { '-' })
        .collect();
    group.bench_function("normalize ascii", |b| b.iter(|| normalize(&ascii)));
    group.bench_function("sections", |b| {
        b.iter(|| Document::new(text.clone(), Purpose::Resume))
    });
    group.bench_function("scan", |b| b.iter(|| matcher.scan(&doc)));
    group.bench_function("quick score", |b| {
        b.iter(|| analysis::quick(&matcher, &doc, Kind::Text, &profile, |_| false, None))
    });
    // What `scan` and `match` add per resume and `rank` skips: the writing checks,
    // with the dated roles they read.
    use skillgap::internals::{resume, writing};
    group.bench_function("resume facts", |b| b.iter(|| resume::facts(&doc)));
    let roles = resume::facts(&doc).roles;
    group.bench_function("writing checks only", |b| {
        b.iter(|| writing::checks(&doc, &roles))
    });
    group.bench_function("writing checks", |b| {
        b.iter(|| writing::checks(&doc, &resume::facts(&doc).roles))
    });
    group.bench_function("all", |b| {
        b.iter(|| {
            let doc = Document::new(normalize(raw), Purpose::Resume);
            analysis::quick(&matcher, &doc, Kind::Text, &profile, |_| false, None)
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = build, scan, pipeline
}
criterion_main!(benches);
