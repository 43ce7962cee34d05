use claimlens::model::suggest::analysis::{analyse, quote_states};
use claimlens::model::suggest::furniture::Layout;
use claimlens::model::suggest::phrase::Context;
use claimlens::model::suggest::{discourse, places, publisher};
use claimlens::model::{Article, Session, Taxonomy};
use rayon::prelude::*;
use std::time::Instant;
fn main() {
    let text = claimlens::samples::generate_report(5_000_000, 1);
    let session = Session::new(Article::new("p", None, &text), Taxonomy::default_preset());
    let text = &session.article.text;
    let t = Instant::now();
    let outlets = publisher::outlets(text);
    println!("publisher {:?}", t.elapsed());
    let ctx = Context {
        publisher: &outlets.publisher,
        outlets: &outlets.others,
        edition: places::EDITION,
    };
    let t = Instant::now();
    let paragraph: Vec<usize> = (0..session.len())
        .map(|i| session.paragraph_of(i).unwrap_or(0))
        .collect();
    let quotes = quote_states(text, &session.sentences, &paragraph);
    println!("quotes {:?}", t.elapsed());
    let t = Instant::now();
    let analyses: Vec<_> = (0..session.len())
        .into_par_iter()
        .map(|i| {
            analyse(
                &text[session.sentences[i].range()],
                quotes[i],
                Layout::default(),
                &ctx,
            )
        })
        .collect();
    println!("analyse {:?} ({} sentences)", t.elapsed(), analyses.len());
    let t = Instant::now();
    let toks: usize = (0..session.len())
        .into_par_iter()
        .map(|i| {
            claimlens::model::suggest::tokens::Tokens::new(
                &text[session.sentences[i].range()],
                false,
            )
            .len()
        })
        .sum();
    println!("tokenize only {:?} {toks}", t.elapsed());
    use claimlens::model::suggest::{frames, furniture::furniture, tokens::Tokens};
    let t = Instant::now();
    let n: usize = (0..session.len())
        .into_par_iter()
        .map(|i| {
            let s = &text[session.sentences[i].range()];
            let tk = Tokens::new(s, false);
            furniture(s, &tk, Layout::default()).is_some() as usize
        })
        .sum();
    println!("tokens+furniture {:?} {n}", t.elapsed());
    let t = Instant::now();
    let n: usize = (0..session.len())
        .into_par_iter()
        .map(|i| {
            let s = &text[session.sentences[i].range()];
            let tk = Tokens::new(s, false);
            frames::frames(&tk, 0, &ctx).0.len()
        })
        .sum();
    println!("tokens+frames {:?} {n}", t.elapsed());
    let t = Instant::now();
    let a = discourse::Article {
        analyses: &analyses,
        paragraph: &paragraph,
        country: discourse::main_country(text),
    };
    println!("country {:?}", t.elapsed());
    let t = Instant::now();
    let (r, e) = discourse::resolve(&a);
    println!("resolve {:?} {} {}", t.elapsed(), r.len(), e.len());
}
#[allow(dead_code)]
fn unused() {}
