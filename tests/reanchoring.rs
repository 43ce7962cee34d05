//! Re-importing a newer version of the article: every claim lands where its text now is, or is
//! reported as orphaned — never silently moved to other text.

mod support;

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::model::{Article, Document, LabelId, Session, Taxonomy};

const SAMPLE: &str = include_str!("../assets/samples/hyesan-rice-prices.txt");

fn reviewed() -> Document {
    let session = Session::new(
        Article::new("Sample", None, SAMPLE),
        Taxonomy::default_preset(),
    );
    let mut d = Document::new(session, None);
    // Label every sentence, with a note naming it, so each claim can be traced.
    for i in 0..d.session().len() {
        d.apply(claimlens::model::Command::label(
            [i],
            Some(LabelId::new("own")),
        ))
        .unwrap();
        let note = format!("claim on: {}", d.session().sentence_text(i));
        d.apply(claimlens::model::Command::SetNote { sentence: i, note })
            .unwrap();
    }
    d
}

#[test]
fn claims_follow_their_text_through_edits_and_the_rest_are_orphaned() {
    let mut d = reviewed();
    let edited_sentence = "Some residents apparently sold their winter coal to buy food.";
    let deleted_sentence = "Read in Korean";
    let duplicated = "A source in Russia told Kestrel Report on Nov. 14 that North Korean workers at construction sites near Vladivostok have not been paid since September.";
    let new_text = SAMPLE
        // New paragraphs at the top and in the middle shift every offset.
        .replacen(
            "Rice prices in Hyesan have risen",
            "Editor's note: this report was updated on Nov. 19.\n\nAn added paragraph about the weather. It rained in Hyesan.\n\nRice prices in Hyesan have risen",
            1,
        )
        .replacen(edited_sentence, "Some residents sold their winter coal and shoes to buy food.", 1)
        .replacen(&format!("\n\n{deleted_sentence}\n"), "\n", 1)
        // The same words now also appear elsewhere, quoted by another outlet.
        .replacen(
            "Seo Min-ji is a reporter",
            &format!("A rival outlet repeated it: {duplicated}\n\nSeo Min-ji is a reporter"),
            1,
        );
    let (command, result) = d
        .session()
        .reimport(Article::new("Sample", None, &new_text));
    d.apply(command).unwrap();
    let s = d.session();

    // Every claim either sits on exactly the text its note names, or is an orphan.
    let mut placed = 0;
    for i in 0..s.len() {
        let a = &s.annotations()[i];
        if a.is_blank() {
            continue;
        }
        placed += 1;
        assert_eq!(
            a.note,
            format!("claim on: {}", s.sentence_text(i)),
            "claim moved to other text"
        );
    }
    let orphan_quotes: Vec<&str> = s.orphans().iter().map(|o| o.quote.as_str()).collect();
    assert_eq!(orphan_quotes, [edited_sentence, deleted_sentence]);
    assert_eq!(
        s.orphans()[0].annotation.note,
        format!("claim on: {edited_sentence}")
    );
    assert!(s.orphans()[0].reason.contains("no longer in the article"));
    assert_eq!(placed + s.orphans().len(), reviewed().session().len());
    assert_eq!(result.orphaned, 2);
    assert!(result.moved > 20, "offsets shifted: {}", result.moved);

    // The duplicated sentence keeps its claim at the original place (context wins), and the
    // copy quoted by the rival outlet gets no claim.
    let copies: Vec<usize> = (0..s.len())
        .filter(|&i| s.sentence_text(i).contains(duplicated))
        .collect();
    assert_eq!(copies.len(), 2);
    let claimed: Vec<bool> = copies
        .iter()
        .map(|&i| !s.annotations()[i].is_blank())
        .collect();
    assert_eq!(claimed, [true, false]);

    // New text has no claims; orphans survive a save; the whole re-import is one undo step.
    assert!(s.annotations().iter().any(|a| a.is_blank()));
    assert_eq!(&from_ron(&to_ron(s)).unwrap(), s);
    d.undo();
    assert_eq!(d.session(), reviewed().session());
}

#[test]
fn outlet_and_date_set_by_hand_survive_a_reimport_of_plain_text_and_give_way_to_the_page() {
    use claimlens::model::article::ArticleMeta;
    let mut d = reviewed();
    let by_hand = ArticleMeta {
        site_name: Some("Kestrel Report".into()),
        published: Some("2026-11-18".into()),
        ..Default::default()
    };
    d.apply(claimlens::model::Command::SetDetails {
        title: "Rice prices in Hyesan".into(),
        meta: Box::new(by_hand.clone()),
    })
    .unwrap();
    let edited = SAMPLE.replacen("Read in Korean", "Read this in Korean", 1);
    let (command, _) = d.session().reimport(Article::new("Sample", None, &edited));
    d.apply(command).unwrap();
    assert_eq!(
        d.session().article().meta,
        by_hand,
        "plain text says nothing"
    );

    // A page that names its outlet and date wins over the hand-set ones.
    let mut page = Article::new("Sample", None, &edited);
    page.meta.site_name = Some("Kestrel Report (English)".into());
    page.meta.published = Some("2026-11-19T08:00:00+09:00".into());
    let (command, _) = d.session().reimport(page);
    d.apply(command).unwrap();
    let meta = &d.session().article().meta;
    assert_eq!(meta.site_name.as_deref(), Some("Kestrel Report (English)"));
    assert_eq!(meta.published.as_deref(), Some("2026-11-19T08:00:00+09:00"));
}

#[test]
fn an_orphan_can_be_reattached_or_dropped() {
    let mut d = reviewed();
    let new_text = SAMPLE.replacen("Read in Korean", "Read this in Korean", 1);
    let (command, _) = d
        .session()
        .reimport(Article::new("Sample", None, &new_text));
    d.apply(command).unwrap();
    assert_eq!(d.session().orphans().len(), 1);
    let target = (0..d.session().len())
        .find(|&i| d.session().sentence_text(i) == "Read this in Korean")
        .unwrap();
    let attach = d.session().attach_orphan(0, target).unwrap();
    d.apply(attach).unwrap();
    assert!(d.session().orphans().is_empty());
    assert_eq!(
        d.session().annotations()[target].note,
        "claim on: Read in Korean"
    );
    d.undo();
    assert_eq!(d.session().orphans().len(), 1, "undo puts the orphan back");
    assert!(d.session().annotations()[target].is_blank());
    d.redo();
    assert!(d.session().orphans().is_empty());
    assert_eq!(
        d.session().annotations()[target].note,
        "claim on: Read in Korean"
    );
    d.undo();
    let before = d.session().clone();
    let drop = d.session().drop_orphan(0).unwrap();
    // One claim's step, not a copy of the whole review.
    assert!(matches!(
        drop,
        claimlens::model::Command::DropOrphan { orphan: 0 }
    ));
    d.apply(drop).unwrap();
    assert!(d.session().orphans().is_empty());
    assert!(d.session().annotations()[target].is_blank());
    d.undo();
    assert_eq!(d.session(), &before);
}

mod ui {
    use crate::support::{ScriptedDialogs, click_sentence, harness, sentence_starting};
    use egui_kittest::kittest::Queryable;

    #[test]
    fn reimport_from_the_file_menu_lists_orphans_that_can_be_reattached() {
        let dir = tempfile::tempdir().unwrap();
        let newer = dir.path().join("newer.txt");
        let text = super::SAMPLE.replacen(
            "Some residents apparently sold their winter coal to buy food.",
            "Some residents sold their coal and shoes to buy food.",
            1,
        );
        std::fs::write(&newer, text).unwrap();
        let mut h = harness(ScriptedDialogs::answering([Some(newer)]), None);
        h.get_by_label("File").click();
        h.run();
        h.get_by_label_contains("Re-import article…").click();
        h.run();
        h.get_by_label("Orphaned claims (1)");
        let message = format!("{:?}", h.state().message());
        assert!(message.contains("1 orphaned"), "{message}");

        let target = sentence_starting(h.state(), "Some residents sold their coal");
        click_sentence(&mut h, target);
        h.get_by_label(&format!("Attach to sentence {}", target + 1))
            .click();
        h.run();
        let session = &h.state().document().unwrap().session();
        assert!(session.orphans().is_empty());
        assert_eq!(
            session.annotations()[target]
                .label
                .as_ref()
                .map(|l| l.as_str()),
            Some("hedged")
        );
        assert!(h.query_by_label("Orphaned claims (1)").is_none());
    }
}
