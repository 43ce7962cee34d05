//! Shows how the suggestion engine read each sentence of an article: its frames, the governing
//! one, furniture and hedges, and the suggestion that came out.
//! `cargo run --example explain_suggestions -- FILE [WORDS…]` (only sentences containing WORDS).

use claimlens::model::suggest::analysis::{analyse, quote_states};
use claimlens::model::suggest::furniture::Layout;
use claimlens::model::suggest::phrase::Context;
use claimlens::model::suggest::{places, publisher, suggest};
use claimlens::model::{Article, Session, Taxonomy};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: explain_suggestions FILE [WORDS…]");
        std::process::exit(2);
    };
    let raw = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    // Annotated reports carry tags; drop them so the text reads as published.
    let text = strip_tags(&raw);
    let filter = args[1..].join(" ");
    let session = Session::new(
        Article::from_normalized("x", None, text),
        Taxonomy::default_preset(),
    );
    let outlets = publisher::outlets(&session.article().text);
    println!("outlets: {outlets:?}");
    let ctx = Context {
        publisher: &outlets.publisher,
        outlets: &outlets.others,
        edition: places::EDITION,
    };
    let paragraph: Vec<usize> = (0..session.len())
        .map(|i| session.paragraph_of(i).unwrap_or(0))
        .collect();
    let quotes = quote_states(&session.article().text, session.sentences(), &paragraph);
    let got = suggest(&session);
    for i in 0..session.len() {
        let s = session.sentence_text(i);
        if !filter.is_empty() && !s.contains(&filter) {
            continue;
        }
        let a = analyse(s, quotes[i], Layout::default(), &ctx);
        println!("\n[{i}] {s}");
        println!(
            "  -> {} {:?} conf {:.2} rules {:?} source {:?} loc {:?}",
            got[i].kind.as_str(),
            got[i].label.as_ref().map(|l| l.as_str()),
            got[i].confidence,
            got[i].rules,
            got[i].source.as_ref().map(|p| &p.name),
            got[i].location
        );
        println!(
            "  quote {:?} furniture {:?} hedge {:?} main {:?}",
            a.quote,
            a.furniture.map(|f| f.0),
            a.hedge,
            a.main
        );
        for f in &a.frames {
            println!(
                "  frame {:?} {:?} head {:?} {:?} words {:?} place {:?} hearer {:?}",
                f.verb,
                f.position,
                f.source.head,
                f.source.head_word,
                f.source.words,
                f.source.place,
                f.hearer.as_ref().map(|h| h.head)
            );
        }
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        match rest[open..].find("}}") {
            Some(close) => {
                rest = &rest[open + close + 2..];
                rest = rest.strip_prefix(' ').unwrap_or(rest);
            }
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}
