//! Segmentation of the bundled sample: the sentences an analyst must see whole.

use claimlens::model::segment::segment;
use claimlens::samples::SAMPLE_TEXT;

fn sentences() -> Vec<&'static str> {
    segment(SAMPLE_TEXT)
        .sentences
        .iter()
        .map(|s| &SAMPLE_TEXT[s.range()])
        .collect()
}

#[test]
fn abbreviations_initials_decimals_and_quotes_do_not_cut_sentences() {
    let got = sentences();
    for whole in [
        // "Nov." before a date, byline without final stop.
        "By Seo Min-ji | Kestrel Report | Nov. 18, 2026",
        "A source in Russia told Kestrel Report on Nov. 14 that North Korean workers at construction sites near Vladivostok have not been paid since September.",
        // Title "Dr." and a decimal percentage.
        "Dr. Hana Lee, a researcher at the Institute for Border Studies in Seoul, said the price rise was consistent with a seasonal squeeze made worse by tighter border controls.",
        "She estimated that households in Ryanggang spend 70.5% of their income on food.",
        // "U.S." mid-sentence, "a.m."/"p.m." mid-sentence.
        "The U.S. Treasury Department added two Dandong trading firms to its sanctions list last week.",
        "The Hyesan market opens at 8 a.m. and closes at 6 p.m. in winter.",
        // Quotation ending in .” followed by more text.
        "An internal order obtained by Kestrel Report instructs provincial security officials to “eliminate private grain sales by the end of the year.”",
        "The document, dated Oct. 30, is signed by the head of the Ryanggang Provincial Security Department.",
        // Attribution after a multi-sentence quotation.
        "Families who used to buy rice now buy corn,” said a source inside North Korea who asked not to be named for security reasons.",
        "“People are angry, but nobody says it out loud,” he added.",
        // Caption with its credit; boilerplate lines as units.
        "Photo: A vendor sells corn at a market in Hyesan, Ryanggang Province, in an undated file photo. (Kestrel Report)",
        "Read in Korean",
        "Please direct any comments or questions about this article to tips@kestrel-report.example.",
    ] {
        assert!(
            got.contains(&whole),
            "not a sentence of its own: {whole:?}\n{got:#?}"
        );
    }
}

#[test]
fn a_quotation_of_three_sentences_gives_three_sentences() {
    let got = sentences();
    let i = got
        .iter()
        .position(|s| s.starts_with("“A kilogram of rice"))
        .unwrap();
    assert_eq!(
        got[i],
        "“A kilogram of rice cost 6,200 won at the Hyesan market on Monday."
    );
    assert_eq!(got[i + 1], "That is almost 30% more than in October.");
    assert!(got[i + 2].starts_with("Families who used to buy rice"));
}

#[test]
fn the_sample_is_long_enough_and_sentences_stay_in_paragraphs() {
    let seg = segment(SAMPLE_TEXT);
    assert!(seg.sentences.len() >= 30, "{}", seg.sentences.len());
    for s in &seg.sentences {
        assert!(
            seg.paragraphs.iter().any(|p| p.contains(*s)),
            "{s:?} crosses a paragraph"
        );
        let text = &SAMPLE_TEXT[s.range()];
        assert_eq!(
            text,
            text.trim(),
            "sentences carry no surrounding whitespace"
        );
    }
}
