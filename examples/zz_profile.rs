use claimlens::model::{Article, Session, Taxonomy, suggest::suggest};
fn main() {
    let text = claimlens::samples::generate_report(1_500_000, 1);
    let session = Session::new(Article::new("p", None, &text), Taxonomy::default_preset());
    let t = std::time::Instant::now();
    let a = suggest(&session);
    eprintln!("first {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let mut b = suggest(&session);
    for _ in 0..4 {
        b = suggest(&session);
    }
    eprintln!("second {:?} {}", t.elapsed(), a.len() + b.len());
}
