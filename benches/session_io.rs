//! Building a session from an article, and saving/loading a session with 50,000 claims
//! (labels, notes, sources, links). `cargo bench --bench session_io`

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::io::{load_session, save_session};
use claimlens::model::{
    Article, Credibility, LabelId, Link, LinkKind, Reliability, Session, Source, SourceId, Status,
    Taxonomy, suggest,
};
use claimlens::samples::generate_report;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// A review of a generated report with at least `claims` annotated sentences.
fn big_session(claims: usize) -> Session {
    let mut bytes = 1_000_000;
    loop {
        let s = Session::new(
            Article::new("bench", None, &generate_report(bytes, 1)),
            Taxonomy::default_preset(),
        );
        if s.len() >= claims {
            return annotate(s, claims);
        }
        bytes *= 2;
    }
}

fn annotate(mut s: Session, claims: usize) -> Session {
    for n in 0..20u32 {
        s.sources.push(Source {
            id: SourceId(n),
            name: format!("Source {n}"),
            label: Some(LabelId::new("inside_nk")),
            descriptor: "phone contact; two years; accurate so far".into(),
            reliability: Reliability::ALL[n as usize % 6],
        });
    }
    let ids = s.ids.clone();
    let labels: Vec<LabelId> = s.taxonomy.labels.iter().map(|l| l.id.clone()).collect();
    for (i, a) in s.annotations.iter_mut().take(claims).enumerate() {
        a.label = Some(labels[i % labels.len()].clone());
        a.status = if i % 3 == 0 {
            Status::Suggested
        } else {
            Status::Confirmed
        };
        a.note = format!("checked against the March report, item {i}");
        a.source = Some(SourceId((i % 20) as u32));
        a.credibility = Credibility::ALL[1 + i % 5];
        if i > 0 {
            a.links.push(Link {
                kind: LinkKind::ALL[i % 4],
                to: ids[i - 1],
            });
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("session");
    group.sample_size(10);
    for (bytes, name) in [(100_000, "100KB"), (1_000_000, "1MB"), (5_000_000, "5MB")] {
        let text = generate_report(bytes, 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        // What opening an article costs: normalize + hash + segment + suggest.
        group.bench_with_input(BenchmarkId::new("open_article", name), &text, |b, t| {
            b.iter(|| {
                let s = Session::new(Article::new("a", None, t), Taxonomy::default_preset());
                black_box(suggest::with_suggestions(s))
            })
        });
    }
    let session = big_session(50_000);
    let text = to_ron(&session);
    group.throughput(Throughput::Bytes(text.len() as u64));
    let dir = std::env::temp_dir().join("claimlens-bench");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("50k.ron");
    group.bench_function("save_50k_claims", |b| {
        b.iter(|| save_session(&path, &session).expect("save"))
    });
    save_session(&path, &session).expect("save");
    group.bench_function("load_50k_claims", |b| {
        b.iter(|| black_box(load_session(&path).expect("load")))
    });
    group.bench_function("parse_50k_claims", |b| {
        b.iter(|| black_box(from_ron(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
