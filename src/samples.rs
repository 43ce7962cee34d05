//! The sample report bundled into the binary, so `cargo run` always has something to open.

use crate::model::{
    Article, Credibility, LabelId, Link, LinkKind, Reliability, Session, Source, SourceId, Status,
    Taxonomy,
};

pub const SAMPLE_PATH: &str = "assets/samples/hyesan-rice-prices.txt";
pub const SAMPLE_TEXT: &str = include_str!("../assets/samples/hyesan-rice-prices.txt");

/// The sample as a fresh article.
pub fn sample_article() -> Article {
    Article::new(
        Article::title_from_text(SAMPLE_TEXT, "Sample report"),
        Some(SAMPLE_PATH.to_string()),
        SAMPLE_TEXT,
    )
}

/// Builds a report-style article of about `bytes` bytes, the same for the same `seed`: located
/// anonymous sources, quotations attributed after the quote, carry-overs, hedges, officials,
/// captions. Used to measure the app on book-length text without third-party material.
pub fn generate_report(bytes: usize, seed: u64) -> String {
    const PLACES: &[&str] = &[
        "Hyesan",
        "Chongjin",
        "Sinuiju",
        "Ryanggang Province",
        "North Hamgyong Province",
        "Dandong",
        "Vladivostok",
        "Pyongyang",
    ];
    const GOODS: &[&str] = &[
        "rice",
        "corn",
        "flour",
        "diesel",
        "coal",
        "cooking oil",
        "sugar",
    ];
    const OPENERS: &[&str] = &[
        "A source inside North Korea told Kestrel Report on Nov. {n} that the price of {g} in {p} rose by {d}.{n}% this week.",
        "“The market in {p} closes early now. People buy {g} in small bags. Nobody has cash,” said a source in {p}.",
        "“Guards check every cart,” he added.",
        "Multiple sources in {p} said that the authorities have banned private sales of {g}.",
        "Kestrel Report has learned that officials in {p} ordered traders to register their stocks of {g}.",
        "The Korean Central News Agency reported that {g} output in {p} “exceeded the plan.”",
        "Following reports by other outlets that shipments of {g} were halted, the ministry said no such order exists.",
        "Dr. Hana Lee, a researcher in Seoul, said the price of {g} is {d}.{n} times higher than a year ago.",
        "Prices have reportedly doubled since Jan. {n}, and some residents apparently sold their furniture.",
        "Amid rumors of a new ration, queues formed outside the U.S.-sanctioned trading firm at 6 a.m. on Monday.",
        "The source further explained that {g} now arrives from {p} only twice a month.",
        "A kilogram of {g} cost {n},{d}00 won at the {p} market on Monday.",
    ];
    const CAPTIONS: &[&str] = &[
        "Photo: A vendor sells {g} at a market in {p}, in an undated file photo. (Kestrel Report)",
        "Read in Korean",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n
    };
    let mut out = String::with_capacity(bytes + 512);
    out.push_str("Generated report for measurement\n\nBy Kestrel Report staff | Nov. 18, 2026\n\n");
    while out.len() < bytes {
        let caption = next(9) == 0;
        let count = if caption { 1 } else { 2 + next(5) };
        for k in 0..count {
            let template = if caption {
                CAPTIONS[next(CAPTIONS.len())]
            } else {
                OPENERS[next(OPENERS.len())]
            };
            let filled = template
                .replace("{p}", PLACES[next(PLACES.len())])
                .replace("{g}", GOODS[next(GOODS.len())])
                .replace("{n}", &(1 + next(28)).to_string())
                .replace("{d}", &next(10).to_string());
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&filled);
        }
        out.push_str("\n\n");
    }
    out
}

/// A finished review of a generated report with `claims` annotated sentences (labels, notes,
/// sources, grades, links), for measuring saves and loads of large sessions.
pub fn reviewed_report(claims: usize) -> Session {
    // The smallest generated report with enough sentences: about 85 bytes per sentence.
    let mut bytes = claims * 85;
    loop {
        let s = Session::new(
            Article::new("bench", None, &generate_report(bytes, 1)),
            Taxonomy::default_preset(),
        );
        if s.len() >= claims {
            return annotate_for_bench(s, claims);
        }
        bytes += bytes / 20;
    }
}

/// The benchmark's review: `s` with twenty graded sources and its first `claims` sentences
/// labelled, noted, sourced and linked, assembled as a loaded file would be.
fn annotate_for_bench(s: Session, claims: usize) -> Session {
    let sources: Vec<Source> = (0..20u32)
        .map(|n| Source {
            id: SourceId(n),
            name: format!("Source {n}"),
            label: Some(LabelId::new("inside_nk")),
            descriptor: "phone contact; two years; accurate so far".into(),
            reliability: Reliability::ALL[n as usize % 6],
            proposed: false,
        })
        .collect();
    let ids = s.ids().to_vec();
    let labels: Vec<LabelId> = s.taxonomy().labels.iter().map(|l| l.id.clone()).collect();
    let mut annotations = s.annotations().to_vec();
    for (i, a) in annotations.iter_mut().take(claims).enumerate() {
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
    Session::from_saved(
        s.article().clone(),
        s.taxonomy().clone(),
        (s.paragraphs().to_vec(), s.sentences().to_vec(), ids),
        annotations,
        sources,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_reports_are_deterministic_and_sized() {
        let a = generate_report(50_000, 7);
        assert_eq!(a, generate_report(50_000, 7));
        assert_ne!(a, generate_report(50_000, 8));
        assert!(a.len() >= 50_000 && a.len() < 52_000);
        assert!(a.contains("said a source in"));
    }
}
