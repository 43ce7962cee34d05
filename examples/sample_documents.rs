//! Writes the generated test documents — the Kestrel brief as .docx, .odt and PDFs in their
//! shapes — into a folder, to open them in claimlens or another reader by hand:
//! `cargo run --example sample_documents -- /tmp/samples`.

use claimlens::sample_docs::{self, KESTREL_BRIEF, PdfShape};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "samples".into()));
    std::fs::create_dir_all(&dir)?;
    let brief = &KESTREL_BRIEF;
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("kestrel_brief.docx", sample_docs::docx(brief)),
        ("kestrel_brief.odt", sample_docs::odt(brief)),
        (
            "kestrel_brief.pdf",
            sample_docs::pdf(brief, PdfShape::default()),
        ),
        (
            "kestrel_brief_two_columns.pdf",
            sample_docs::pdf(
                brief,
                PdfShape {
                    columns: 2,
                    repeat: 3,
                    ..PdfShape::default()
                },
            ),
        ),
        ("kestrel_brief_scan.pdf", sample_docs::scanned_pdf()),
        (
            "kestrel_brief_password.pdf",
            sample_docs::encrypted_pdf(brief, "kestrel"),
        ),
        (
            "kestrel_brief_print_only.pdf",
            sample_docs::encrypted_pdf(brief, ""),
        ),
        ("kestrel_brief.txt", brief.expected_text().into_bytes()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes)?;
        println!("{}", dir.join(name).display());
    }
    Ok(())
}
