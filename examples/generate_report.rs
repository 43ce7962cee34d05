//! Writes a generated report of the given size: `cargo run --example generate_report -- 5000000 > big.txt`.

fn main() {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    print!("{}", claimlens::samples::generate_report(bytes, 1));
}
