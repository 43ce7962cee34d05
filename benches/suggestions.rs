//! Suggestion speed on generated report text (no third-party text) at 100 KB, 1 MB and 5 MB:
//! rules, context and taxonomy mapping over an already segmented session.
//! `cargo bench --bench suggestions`

use claimlens::model::{Article, Session, Taxonomy, suggest::suggest};
use claimlens::samples::generate_report;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

// The allocator the app itself runs with (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("suggest");
    group.sample_size(10);
    for (bytes, name) in [(100_000, "100KB"), (1_000_000, "1MB"), (5_000_000, "5MB")] {
        let text = generate_report(bytes, 1);
        let session = Session::new(
            Article::new("bench", None, &text),
            Taxonomy::default_preset(),
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &session, |b, s| {
            b.iter(|| black_box(suggest(s)))
        });
    }
    group.finish();
}

/// Text made to be hard: no sentence ends (one run-on sentence of many frames), stops with no
/// space after them, a flood of quotation marks. Each must stay linear in its length.
fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("suggest-adversarial");
    group.sample_size(10);
    let units = [
        ("run-on", "the source said, according to the source, "),
        ("stops", "Ab.Cd.word.Word "),
        ("quotes", "“said” “"),
    ];
    for (name, unit) in units {
        for (bytes, size) in [(100_000, "100KB"), (1_000_000, "1MB"), (5_000_000, "5MB")] {
            let text = unit.repeat(bytes / unit.len());
            let session = Session::new(
                Article::new("bench", None, &text),
                Taxonomy::default_preset(),
            );
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &session, |b, s| {
                b.iter(|| black_box(suggest(s)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, adversarial);
criterion_main!(benches);
