//! Building a session from an article, saving/loading a session with 50,000 claims (labels,
//! notes, sources, links), Find on a 5 MB article, and opening a 2 MB saved web page.
//! `cargo bench --bench session_io`

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::io::{load_session, save_session};
use claimlens::model::{Article, Session, Taxonomy};
use claimlens::samples::{generate_report, reviewed_report};
use claimlens::ui::background::prepare;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;
use std::sync::atomic::AtomicU8;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("session");
    group.sample_size(10);
    let dir = std::env::temp_dir().join("claimlens-bench");
    let _ = std::fs::create_dir_all(&dir);
    for (bytes, name) in [(100_000, "100KB"), (1_000_000, "1MB"), (5_000_000, "5MB")] {
        let text = generate_report(bytes, 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        let file = dir.join(format!("{name}.txt"));
        std::fs::write(&file, &text).expect("write the article");
        // Opening an article from disk, as the app does: read + decode + normalize + hash +
        // segment + suggest, ready to show.
        group.bench_with_input(BenchmarkId::new("open_article", name), &file, |b, f| {
            b.iter(|| black_box(prepare(f, &AtomicU8::new(0)).expect("opens")))
        });
        // The same without the suggestions, to show what they cost.
        group.bench_with_input(BenchmarkId::new("segment_only", name), &text, |b, t| {
            b.iter(|| {
                black_box(Session::new(
                    Article::new("a", None, t),
                    Taxonomy::default_preset(),
                ))
            })
        });
    }
    let session = reviewed_report(50_000);
    let text = to_ron(&session);
    group.throughput(Throughput::Bytes(text.len() as u64));
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

/// Find (Ctrl+F) on a 5 MB article: a common word (tens of thousands of matches), a rare one, and
/// one that is nowhere; each keystroke in the find bar runs one of these.
fn find(c: &mut Criterion) {
    use claimlens::app::find::Find;
    let mut group = c.benchmark_group("find_5MB");
    group.sample_size(10);
    let session = Session::new(
        Article::new("f", None, &generate_report(5_000_000, 1)),
        Taxonomy::default_preset(),
    );
    for word in ["source", "Hyesan", "zzyzx"] {
        group.bench_with_input(BenchmarkId::from_parameter(word), word, |b, w| {
            b.iter(|| black_box(Find::new(&session, w, 0, 0)))
        });
    }
    group.finish();
}

/// A 2 MB saved news page, opened as the app opens it: extracted (charset, readability,
/// rendering), segmented and suggested.
fn pages(c: &mut Criterion) {
    use claimlens::sample_pages::TUMEN_LEDGER;
    let mut group = c.benchmark_group("open_page");
    group.sample_size(10);
    let page = TUMEN_LEDGER.long_news_page(2_000_000);
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html_2MB", |b| {
        b.iter(|| {
            let (article, _) =
                claimlens::io::html::article_from_html(page.as_bytes(), "p.html", None)
                    .expect("the page has an article");
            let session = Session::new(article, Taxonomy::default_preset());
            black_box(claimlens::model::suggest::suggest(&session))
        })
    });
    group.finish();
}

/// A 100-page PDF (the generated brief repeated; one simple font, one column: a best case),
/// opened as the app opens it: read in the child process, laid out, segmented, suggested.
fn pdfs(c: &mut Criterion) {
    use claimlens::sample_docs::{self, KESTREL_BRIEF, PdfShape};
    let mut group = c.benchmark_group("open_pdf");
    group.sample_size(10);
    let pdf = sample_docs::pdf(
        &KESTREL_BRIEF,
        PdfShape {
            repeat: 85,
            ..PdfShape::default()
        },
    );
    let pages = pdf_extract::Document::load_mem(&pdf).map_or(0, |d| d.get_pages().len());
    eprintln!("open_pdf: {} bytes, {pages} pages", pdf.len());
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function("pdf_100_pages", |b| {
        b.iter(|| {
            let (article, _) = claimlens::io::pdf::article_from_pdf(&pdf, "brief.pdf", None)
                .expect("the PDF has text");
            let session = Session::new(article, Taxonomy::default_preset());
            black_box(claimlens::model::suggest::suggest(&session))
        })
    });
    group.finish();
}

/// Exporting a reviewed 50,000-claim session in every format, each file written atomically
/// into a temporary folder, as `claimlens export -o` and File › Export… do.
fn exports(c: &mut Criterion) {
    use claimlens::io::export::{Format, export_to};
    let mut group = c.benchmark_group("export_50k_claims");
    group.sample_size(10);
    let session = reviewed_report(50_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    for format in Format::ALL {
        let target = dir.path().join(format!("report{}", format.suffix()));
        let written: u64 = export_to(&session, format, &target)
            .expect("exports")
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        eprintln!("{}: {written} bytes", format.extension());
        group.throughput(Throughput::Bytes(written));
        group.bench_function(format.extension(), |b| {
            b.iter(|| black_box(export_to(&session, format, &target).expect("exports")))
        });
    }
    group.finish();
}

/// The sourcing report of a reviewed 5 MB article (60,000 sentences, every one labelled,
/// sourced, noted and linked), to memory.
fn reports(c: &mut Criterion) {
    use claimlens::io::export::{Format, export};
    let mut group = c.benchmark_group("report_5MB");
    group.sample_size(10);
    let session = reviewed_report(60_000);
    assert!(session.article().text.len() >= 5_000_000);
    for format in [Format::ReportHtml, Format::ReportMarkdown] {
        group.bench_function(format.extension(), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(32 << 20);
                export(&session, format, &mut out).expect("writes");
                black_box(out.len())
            })
        });
    }
    group.finish();
}

/// Importing a 50,000-claim export back, per format: read, place on the sentences, build
/// the review.
fn imports(c: &mut Criterion) {
    use claimlens::io::export::{Format, export_to};
    use claimlens::io::import::import_file;
    let mut group = c.benchmark_group("import_50k_claims");
    group.sample_size(10);
    let session = reviewed_report(50_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    for format in [Format::W3c, Format::Brat, Format::LabelStudio] {
        let target = dir.path().join(format!("report{}", format.suffix()));
        export_to(&session, format, &target).expect("exports");
        let article = session.article().clone();
        let taxonomy = session.taxonomy().clone();
        group.bench_function(format.extension(), |b| {
            b.iter(|| {
                let done = import_file(
                    &target,
                    Some(article.clone()),
                    taxonomy.clone(),
                    &Default::default(),
                );
                black_box(done.expect("imports").0.len())
            })
        });
    }
    group.finish();
}

/// Two analysts' reviews of one 50,000-claim report compared, as `claimlens agree` does it:
/// both files loaded, lined up, and every figure computed.
fn agreement(c: &mut Criterion) {
    use claimlens::io::{load_session, save_session};
    use claimlens::model::compare::{Counting, Figures, line_up};
    use claimlens::model::{LabelId, Status};
    let mut group = c.benchmark_group("agree_50k_claims");
    group.sample_size(10);
    let first = reviewed_report(50_000);
    let mut annotations = first.annotations().to_vec();
    for a in annotations.iter_mut() {
        a.status = Status::Confirmed;
    }
    for a in annotations.iter_mut().step_by(7) {
        a.label = Some(LabelId::new("other_media"));
    }
    let second = first.with_annotations(annotations);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    save_session(&a, &first).expect("save");
    save_session(&b, &second).expect("save");
    group.bench_function("load_and_compare", |bench| {
        bench.iter(|| {
            let (x, y) = (
                load_session(&a).expect("load"),
                load_session(&b).expect("load"),
            );
            let lineup = line_up(&[&x, &y], Counting::default()).expect("lines up");
            black_box(Figures::of(&lineup, Counting::default()))
        })
    });
    // The second analyst reviewed a later version: a paragraph added at the top. Its claims
    // are re-anchored onto the first's text before they are compared.
    let later_text = format!(
        "An editor's note opens the page.\n\n{}",
        first.article().text
    );
    let started = std::time::Instant::now();
    let later = claimlens::model::anchor::reanchor(
        &second,
        claimlens::model::Article::new("later", None, &later_text),
    )
    .session;
    eprintln!("re-anchoring 50,000 claims: {:?}", started.elapsed());
    group.bench_function("compare_another_version", |bench| {
        bench.iter(|| {
            let lineup = line_up(&[&first, &later], Counting::default()).expect("lines up");
            black_box(Figures::of(&lineup, Counting::default()))
        })
    });
    group.bench_function("compare_only", |bench| {
        bench.iter(|| {
            let lineup = line_up(&[&first, &second], Counting::default()).expect("lines up");
            black_box(Figures::of(&lineup, Counting::default()))
        })
    });
    group.finish();
}

/// A desk of 10,000 generated reports (about 50 MB of text, every sentence suggested, ten
/// outlets over twelve months), held in memory as the corpus commands hold them: search (a
/// plain scan on both cores, before any index), the statistics, and circular reporting.
fn corpus(c: &mut Criterion) {
    use claimlens::model::corpus::{Filters, Report, search, statistics};
    let sessions: Vec<claimlens::model::Session> = (0..10_000u64)
        .into_par_iter()
        .map(|k| {
            let mut article = Article::new(
                format!("report {k}"),
                None,
                &claimlens::samples::generate_report(5_000, k),
            );
            article.meta.site_name = Some(format!("Outlet {}", k % 10));
            article.meta.published = Some(format!("2026-{:02}-15", k % 12 + 1));
            claimlens::model::suggest::with_suggestions(Session::new(
                article,
                Taxonomy::default_preset(),
            ))
            .0
        })
        .collect();
    let names: Vec<String> = (0..sessions.len())
        .map(|k| format!("r{k}.review.ron"))
        .collect();
    let reports: Vec<Report> = sessions
        .iter()
        .zip(&names)
        .map(|(s, name)| Report::of(name, s.article(), Some(s)))
        .collect();
    let bytes: usize = sessions.iter().map(|s| s.article().text.len()).sum();
    let mut group = c.benchmark_group("corpus_10k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let none = Filters::default();
    group.bench_function("search_word", |b| {
        b.iter(|| search(&reports, "Vladivostok", &none))
    });
    group.bench_function("search_rare", |b| {
        b.iter(|| search(&reports, "no such words anywhere", &none))
    });
    let labelled = Filters {
        label: Some("Source in Russia".into()),
        outlet: Some("Outlet 3".into()),
        ..Filters::default()
    };
    group.bench_function("search_filtered", |b| {
        b.iter(|| search(&reports, "said", &labelled))
    });
    group.bench_function("statistics", |b| b.iter(|| statistics(&reports)));
    group.bench_function("origins", |b| {
        b.iter(|| claimlens::model::origins::origins(&reports))
    });
    group.finish();
}

/// The desk on a folder of 10,000 reports (≈ 5 KB of text each; every fifth one reviewed):
/// opening it (listing, reading every file, the rows, the origins), reading it again when
/// nothing changed (every file taken from the last read) and the look every few seconds.
fn desk(c: &mut Criterion) {
    use claimlens::app::{AppCommand, DeskCommand, Effect, Job, Workspace};
    let dir = tempfile::tempdir().expect("temporary folder");
    (0..10_000u64).into_par_iter().for_each(|k| {
        let text = generate_report(5_000, k);
        let sub = dir.path().join(format!("{:02}", k % 12 + 1));
        let _ = std::fs::create_dir_all(&sub);
        let article = sub.join(format!("r{k}.txt"));
        std::fs::write(&article, &text).expect("write article");
        if k % 5 == 0 {
            let (session, _) = claimlens::model::suggest::with_suggestions(Session::new(
                Article::new(format!("report {k}"), None, &text),
                Taxonomy::default_preset(),
            ));
            save_session(&sub.join(format!("r{k}.review.ron")), &session).expect("write review");
        }
    });
    let run = |ws: &mut Workspace, effects: Vec<Effect>| {
        for effect in effects {
            if let Effect::Start(Job::Scan(job)) = effect {
                ws.handle(AppCommand::Finished(job.run()));
            }
        }
    };
    let mut group = c.benchmark_group("desk_10k");
    group.sample_size(10);
    group.bench_function("open_folder", |b| {
        b.iter(|| {
            let mut ws = Workspace::default();
            let effects = ws.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
            run(&mut ws, effects);
            assert_eq!(ws.desk().map(|d| d.rows().len()), Some(10_000));
        })
    });
    let mut ws = Workspace::default();
    let effects = ws.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
    run(&mut ws, effects);
    group.bench_function("read_again_unchanged", |b| {
        b.iter(|| {
            let effects = ws.handle(AppCommand::Desk(DeskCommand::Rescan));
            run(&mut ws, effects);
        })
    });
    // The folder opened again in a later run: its list shows from the cache before it is read.
    let cache = tempfile::tempdir().expect("cache folder");
    let mut first = Workspace::default().with_desk_cache(cache.path().to_path_buf());
    let effects = first.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
    run(&mut first, effects);
    group.bench_function("list_shown_from_cache", |b| {
        b.iter(|| {
            let mut ws = Workspace::default().with_desk_cache(cache.path().to_path_buf());
            let effects = ws.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
            assert_eq!(ws.desk().map(|d| d.rows().len()), Some(10_000));
            effects
        })
    });
    group.bench_function("look_for_changes", |b| {
        b.iter(|| claimlens::io::corpus::list(dir.path()).map(|l| l.len()))
    });
    group.finish();
}

criterion_group!(
    benches, bench, find, pages, pdfs, exports, reports, imports, agreement, corpus, desk
);
criterion_main!(benches);
