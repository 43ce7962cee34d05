//! Segmentation speed on generated report text (no third-party text): claimlens against plain
//! UAX #29 sentence splitting from unicode-segmentation, at 100 KB, 1 MB and 5 MB.
//! `cargo bench --bench segmentation`

use claimlens::model::segment::{paragraphs, segment};
use claimlens::samples::generate_report;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use unicode_segmentation::UnicodeSegmentation;

fn sizes() -> [(usize, &'static str); 3] {
    [(100_000, "100KB"), (1_000_000, "1MB"), (5_000_000, "5MB")]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    for (bytes, name) in sizes() {
        let text = generate_report(bytes, 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("claimlens", name), &text, |b, t| {
            b.iter(|| black_box(segment(t)))
        });
        group.bench_with_input(BenchmarkId::new("uax29", name), &text, |b, t| {
            b.iter(|| {
                let count: usize = paragraphs(t)
                    .iter()
                    .map(|p| t[p.range()].split_sentence_bounds().count())
                    .sum();
                black_box(count)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
