//! Segments a generated 5 MB report repeatedly, for profilers: `cargo run --release --example profile_segment`.

fn main() {
    let text = claimlens::samples::generate_report(5_000_000, 1);
    let started = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..20 {
        n += claimlens::model::segment::segment(&text).sentences.len();
    }
    println!("{n} sentences, {:?} per 5 MB", started.elapsed() / 20);
}
