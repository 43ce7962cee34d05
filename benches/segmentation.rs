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

/// Inputs that once made one step cost the length of the text: a 1 MB article of times before a
/// capitalised word ("5 a.m. Pyongyang time"), of stops inside parentheses, and one paragraph of
/// abbreviations with no line break. Each must cost about what ordinary text of its size does.
fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment-adversarial");
    group.sample_size(10);
    let fill = |line: &str| line.repeat(1_000_000 / line.len());
    let inputs = [
        (
            "times",
            fill("The guards counted the trucks from 5 a.m. Pyongyang time onward.\n\n"),
        ),
        (
            "parentheses",
            fill("(The order was read at 6 p.m. on Monday. Nobody objected.) Then it began. "),
        ),
        (
            "one-paragraph",
            fill("Gen. Kim met Dr. Park at No. 5 St. Mary's, U.S. officials said. "),
        ),
        // Stops with no space after them: every one is a candidate missing-space boundary.
        ("a.a.a", fill("a.")),
        ("A.B.A.B", fill("A.B.")),
        ("Ab.Cd", fill("Ab.Cd.")),
        ("word.Word", fill("word.Word")),
    ];
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| black_box(segment(t)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, adversarial);
criterion_main!(benches);
