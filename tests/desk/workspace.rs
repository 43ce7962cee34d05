//! The desk through the application core: a folder opened as a list of reports, searched,
//! opened at a match, "next report to review", and another analyst's changes picked up.

use claimlens::app::desk::CHECK_EVERY;
use claimlens::app::{
    Action, AppCommand, DeskCommand, DialogKind, Effect, Job, Message, RowKind, Workspace,
};
use std::path::{Path, PathBuf};
use std::time::Instant;

const HYESAN: &str = "Rice prices climb in Hyesan\n\n\
    A source in Ryanggang Province told Kestrel Report on Monday that rice now costs 6,400 \
    won a kilogram. The source said guards search every cart at the market gate.\n\n\
    Officials in Pyongyang have not commented.";

const MUSAN: &str = "Miners unpaid in Musan\n\n\
    Workers at the Musan mine have not been paid since spring, a resident told the outlet. \
    The resident said some families now sell rice rations to buy fuel.";

const RAJIN: &str = "Port traffic at Rajin\n\n\
    Satellite images show four ships at the Rajin pier. Analysts say the ships carry coal.";

/// Runs every folder scan the effects start, as the shell's worker would, and hands back what
/// the other effects were.
fn settle(ws: &mut Workspace, effects: Vec<Effect>) -> Vec<Effect> {
    let mut rest = Vec::new();
    let mut queue = effects;
    while let Some(effect) = queue.pop() {
        match effect {
            Effect::Start(Job::Scan(job)) => {
                let outcome = job.run();
                queue.extend(ws.handle(AppCommand::Finished(outcome)));
            }
            other => rest.push(other),
        }
    }
    rest
}

/// A folder with a review by "kim" of one article, an article no one reviewed (in a
/// sub-folder), another one beside it, and a damaged review.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let hyesan = dir.path().join("hyesan.txt");
    std::fs::write(&hyesan, HYESAN).unwrap();
    let mut ws = Workspace::default().with_analyst(Some("kim".into()), true);
    ws.handle(AppCommand::Open(hyesan));
    let key = ws.document().unwrap().session().taxonomy().labels[0]
        .key
        .unwrap();
    ws.handle(AppCommand::Run(Action::FirstSentence));
    ws.handle(AppCommand::Run(Action::Label(key)));
    let review = dir.path().join("hyesan.kim.review.ron");
    ws.handle(AppCommand::SaveTo(review.clone()));
    assert!(review.is_file(), "{:?}", ws.message());
    std::fs::create_dir(dir.path().join("june")).unwrap();
    std::fs::write(dir.path().join("june/musan.txt"), MUSAN).unwrap();
    std::fs::write(dir.path().join("rajin.md"), RAJIN).unwrap();
    std::fs::write(
        dir.path().join("broken.review.ron"),
        "(format: 7, article: (",
    )
    .unwrap();
    (dir, review)
}

fn desk_of(dir: &Path) -> Workspace {
    let mut ws = Workspace::default().with_analyst(None, true);
    assert_eq!(
        ws.handle(AppCommand::Run(Action::OpenFolder)),
        [Effect::AskPath(DialogKind::OpenFolder)]
    );
    let effects = ws.handle(AppCommand::PathChosen {
        path: Some(dir.to_path_buf()),
        shown: true,
    });
    settle(&mut ws, effects);
    assert!(ws.desk_shown());
    ws
}

fn titles(ws: &Workspace) -> Vec<String> {
    ws.desk()
        .unwrap()
        .rows()
        .iter()
        .map(|r| r.title.clone())
        .collect()
}

#[test]
fn a_folder_lists_every_report_with_its_progress_and_problems() {
    let (dir, _) = folder();
    let damaged = std::fs::read(dir.path().join("broken.review.ron")).unwrap();
    let mut ws = desk_of(dir.path());
    let desk = ws.desk().unwrap();
    // No tab was opened: the folder is a list, however many files it holds.
    assert!(ws.reviews().is_empty());
    let rows = desk.rows();
    assert_eq!(rows.len(), 4, "{rows:#?}");
    let review = rows.iter().find(|r| r.kind == RowKind::Review).unwrap();
    assert_eq!(review.title, "Rice prices climb in Hyesan");
    assert_eq!(review.analysts, ["kim"]);
    assert_eq!(review.progress.reviewed, 1);
    assert!(review.progress.sentences >= 3);
    assert!(review.to_review());
    let musan = rows.iter().find(|r| r.name.ends_with("musan.txt")).unwrap();
    assert_eq!(musan.kind, RowKind::Article, "found in the sub-folder");
    assert_eq!(musan.progress.reviewed, 0);
    let broken = rows.iter().find(|r| r.kind == RowKind::Damaged).unwrap();
    assert!(broken.problem.as_deref().is_some_and(|p| !p.is_empty()));
    // Listed, never rewritten.
    assert_eq!(
        std::fs::read(dir.path().join("broken.review.ron")).unwrap(),
        damaged
    );

    // The desk gives the arrows and Enter a meaning of their own; a label key does nothing.
    ws.handle(AppCommand::Run(Action::LastSentence));
    assert_eq!(ws.desk().unwrap().pointed(), 3);
    ws.handle(AppCommand::Run(Action::PreviousSentence));
    assert_eq!(ws.desk().unwrap().pointed(), 2);
    ws.handle(AppCommand::Run(Action::Label('1')));
    assert!(ws.reviews().is_empty());

    // The preference needs no review open; the shell keeps it.
    assert_eq!(
        ws.handle(AppCommand::Run(Action::BuiltInFileDialog)),
        [Effect::Shell(Action::BuiltInFileDialog)]
    );
    let empty = tempfile::tempdir().unwrap();
    let effects = ws.handle(AppCommand::OpenFolder(empty.path().to_path_buf()));
    settle(&mut ws, effects);
    assert!(ws.desk().unwrap().rows().is_empty());
}

#[test]
fn a_search_match_opens_its_report_at_that_sentence() {
    let (dir, review) = folder();
    let mut ws = desk_of(dir.path());
    ws.handle(AppCommand::Desk(DeskCommand::Search("guards".into())));
    let desk = ws.desk().unwrap();
    let hits: Vec<_> = desk.hits().collect();
    assert_eq!(hits.len(), 1);
    let (hit, row) = hits[0];
    assert_eq!(row.path, std::fs::canonicalize(&review).unwrap());
    assert_eq!(hit.matched, "guards");
    assert!(hit.before.ends_with("The source said "), "{hit:?}");
    let sentence = hit.sentence.unwrap();
    assert!(sentence > 0);

    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    assert!(!ws.desk_shown(), "the report is shown");
    assert_eq!(ws.reviews().len(), 1);
    assert_eq!(ws.selection().unwrap().head, sentence);
    assert!(
        ws.document().unwrap().session().annotations()[0]
            .label
            .is_some(),
        "the review, not a new one of its article"
    );

    // In an article no one reviewed: it opens as a new review, at the sentence of the match.
    ws.handle(AppCommand::Run(Action::ShowDesk));
    assert!(ws.desk_shown());
    ws.handle(AppCommand::Desk(DeskCommand::Search("rations".into())));
    ws.handle(AppCommand::Run(Action::AcceptSuggestion));
    assert_eq!(ws.reviews().len(), 2);
    let doc = ws.document().unwrap();
    assert!(doc.path.is_none());
    let head = ws.selection().unwrap().head;
    assert!(doc.session().sentence_text(head).contains("rations"));

    // Opening it again shows the tab it is open in, at the match.
    ws.handle(AppCommand::Run(Action::ShowDesk));
    ws.handle(AppCommand::Desk(DeskCommand::Search("guards".into())));
    let effects = ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    assert_eq!(ws.reviews().len(), 2);
    assert_eq!(effects, [Effect::Reveal(sentence)]);
    assert_eq!(ws.active_index(), Some(0));

    // A filter by outlet nobody has leaves nothing; a word in no report neither.
    ws.handle(AppCommand::Run(Action::ShowDesk));
    ws.handle(AppCommand::Desk(DeskCommand::FilterOutlet(Some(
        "Nobody".into(),
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 0);
    ws.handle(AppCommand::Desk(DeskCommand::FilterOutlet(None)));
    // These plain-text reports have no date: a date range keeps none of them.
    ws.handle(AppCommand::Desk(DeskCommand::Search("guards".into())));
    ws.handle(AppCommand::Desk(DeskCommand::FilterDates(
        Some("2000".into()),
        None,
    )));
    assert_eq!(ws.desk().unwrap().hits().len(), 0);
    ws.handle(AppCommand::Desk(DeskCommand::FilterDates(None, None)));
    assert_eq!(ws.desk().unwrap().hits().len(), 1);
    // The match's sentence carries a suggestion, not a confirmed label.
    ws.handle(AppCommand::Desk(DeskCommand::FilterStatus(Some(
        claimlens::model::Status::Confirmed,
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 0);
    ws.handle(AppCommand::Desk(DeskCommand::FilterStatus(Some(
        claimlens::model::Status::Suggested,
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 1);
    ws.handle(AppCommand::Desk(DeskCommand::FilterStatus(None)));
    // Kinds and grades: the match is an anonymous source's claim, ungraded (F).
    use claimlens::model::{Reliability, SourceKind};
    ws.handle(AppCommand::Desk(DeskCommand::FilterKind(Some(
        SourceKind::Official,
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 0);
    ws.handle(AppCommand::Desk(DeskCommand::FilterKind(Some(
        SourceKind::AnonymousSource,
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 1);
    ws.handle(AppCommand::Desk(DeskCommand::FilterKind(None)));
    ws.handle(AppCommand::Desk(DeskCommand::FilterReliability(Some(
        Reliability::A,
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 0);
    ws.handle(AppCommand::Desk(DeskCommand::FilterReliability(Some(
        Reliability::F,
    ))));
    assert_eq!(ws.desk().unwrap().hits().len(), 1);
    ws.handle(AppCommand::Desk(DeskCommand::FilterReliability(None)));
    ws.handle(AppCommand::Desk(DeskCommand::Search("zeppelin".into())));
    assert_eq!(ws.desk().unwrap().hits().len(), 0);
    assert!(
        ws.handle(AppCommand::Desk(DeskCommand::OpenPointed))
            .is_empty()
    );
}

#[test]
fn next_report_to_review_goes_through_the_unfinished_reports() {
    let (dir, _) = folder();
    let mut ws = desk_of(dir.path());
    let order: Vec<String> = ws
        .desk()
        .unwrap()
        .rows()
        .iter()
        .filter(|r| r.to_review())
        .map(|r| r.title.clone())
        .collect();
    assert_eq!(order.len(), 3, "{:?}", titles(&ws));
    let mut seen = Vec::new();
    for _ in 0..3 {
        ws.handle(AppCommand::Run(Action::NextReport));
        seen.push(ws.document().unwrap().session().article().title.clone());
    }
    assert_eq!(seen, order);
    assert_eq!(ws.reviews().len(), 3);
    // Round again to the first, already open: its tab is shown.
    ws.handle(AppCommand::Run(Action::NextReport));
    assert_eq!(ws.reviews().len(), 3);
    assert_eq!(ws.document().unwrap().session().article().title, order[0]);

    let mut none = Workspace::default();
    none.handle(AppCommand::Run(Action::NextReport));
    assert!(
        matches!(none.message(), Some(Message::Notice(n)) if n.contains("Open a folder")),
        "{:?}",
        none.message()
    );
}

#[test]
fn files_another_analyst_adds_or_removes_show_up_without_asking() {
    let (dir, _) = folder();
    // `claimlens DIR` opens the folder as the desk.
    let mut ws = Workspace::default();
    let effects = ws.handle(AppCommand::OpenAll(vec![dir.path().to_path_buf()]));
    settle(&mut ws, effects);
    assert_eq!(titles(&ws).len(), 4);

    let t0 = Instant::now();
    // The first look after a scan starts the clock; nothing runs before it has passed.
    let first = ws.handle(AppCommand::Tick(t0));
    assert!(!first.iter().any(|e| matches!(e, Effect::Start(_))));
    assert!(first.iter().any(|e| matches!(e, Effect::WakeIn(_))));
    // Unchanged: a look that reads nothing.
    let effects = ws.handle(AppCommand::Tick(t0 + CHECK_EVERY));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Start(Job::Scan(_))))
    );
    settle(&mut ws, effects);
    assert_eq!(titles(&ws).len(), 4);

    std::fs::write(
        dir.path().join("june/kanggye.txt"),
        "Fuel in Kanggye\n\nFuel is scarce.",
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("rajin.md")).unwrap();
    let t1 = t0 + CHECK_EVERY * 2;
    ws.handle(AppCommand::Tick(t1));
    let effects = ws.handle(AppCommand::Tick(t1 + CHECK_EVERY));
    settle(&mut ws, effects);
    let now = titles(&ws);
    assert!(now.contains(&"Fuel in Kanggye".to_string()), "{now:?}");
    assert!(
        !now.contains(&"Port traffic at Rajin".to_string()),
        "{now:?}"
    );
    assert_eq!(now.len(), 4);

    // The folder can be put away; reopening it reads it afresh.
    ws.handle(AppCommand::Desk(DeskCommand::Close));
    assert!(ws.desk().is_none());
    assert!(ws.handle(AppCommand::Tick(t1 + CHECK_EVERY * 3)).is_empty());
}

#[test]
fn the_list_is_ordered_by_the_column_chosen_and_matches_keep_their_reports() {
    use claimlens::app::SortBy;
    let (dir, _) = folder();
    let mut ws = desk_of(dir.path());
    ws.handle(AppCommand::Desk(DeskCommand::Sort(SortBy::Title)));
    let mut sorted = titles(&ws);
    assert_eq!(
        sorted[0], "broken.review.ron",
        "a damaged review goes by its file name"
    );
    let mut expected = sorted.clone();
    expected.sort_by_key(|t| t.to_lowercase());
    assert_eq!(sorted, expected);
    ws.handle(AppCommand::Desk(DeskCommand::Sort(SortBy::Title)));
    sorted.reverse();
    assert_eq!(
        titles(&ws),
        sorted,
        "the same column again: the other way round"
    );
    ws.handle(AppCommand::Desk(DeskCommand::Sort(SortBy::Progress)));
    assert_eq!(
        titles(&ws).last().map(String::as_str),
        Some("Rice prices climb in Hyesan"),
        "the one report with a sentence reviewed comes last"
    );

    // Whatever the order, a match names its own report and opens it.
    ws.handle(AppCommand::Desk(DeskCommand::Search("satellite".into())));
    let (_, row) = ws.desk().unwrap().hits().next().unwrap();
    assert_eq!(row.title, "Port traffic at Rajin");
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    assert_eq!(
        ws.document().unwrap().session().article().title,
        "Port traffic at Rajin"
    );
}

#[test]
fn statistics_count_the_reviews_and_follow_the_folder() {
    let (dir, _) = folder();
    let mut ws = desk_of(dir.path());
    assert!(
        ws.desk().unwrap().figures().is_none(),
        "made only when asked for"
    );
    ws.handle(AppCommand::Desk(DeskCommand::Statistics(true)));
    let figures = ws.desk().unwrap().figures().unwrap();
    // One review (kim's); the articles nobody reviewed have no claims to count.
    assert_eq!(figures.outlets.len(), 1);
    let (outlet, tally) = &figures.outlets[0];
    assert_eq!(outlet, "(outlet not known)");
    assert_eq!(tally.reports, 1);
    let claims = tally.claims;
    assert!(claims >= 1);
    assert_eq!(
        figures.mix.iter().map(|(_, n)| n[0]).sum::<usize>(),
        claims,
        "the source mix adds up to the claims"
    );

    // A second review in the folder is counted after the next look.
    let copy = dir.path().join("hyesan.lee.review.ron");
    std::fs::copy(dir.path().join("hyesan.kim.review.ron"), &copy).unwrap();
    let effects = ws.handle(AppCommand::Desk(DeskCommand::Rescan));
    settle(&mut ws, effects);
    let figures = ws.desk().unwrap().figures().unwrap();
    assert_eq!(figures.outlets[0].1.reports, 2);
    assert_eq!(figures.outlets[0].1.claims, 2 * claims);
    ws.handle(AppCommand::Desk(DeskCommand::Statistics(false)));
    assert!(ws.desk().unwrap().figures().is_none());
}

/// A review saved beside its article, with the sentence holding `claim` labelled.
fn reviewed(dir: &Path, name: &str, text: &str, claim: &str) -> PathBuf {
    let article = dir.join(format!("{name}.txt"));
    std::fs::write(&article, text).unwrap();
    let mut ws = Workspace::default().with_analyst(None, true);
    ws.handle(AppCommand::Open(article));
    let session = ws.document().unwrap().session();
    let at = (0..session.len())
        .find(|&i| session.sentence_text(i).contains(claim))
        .unwrap();
    let key = session.taxonomy().labels[0].key.unwrap();
    ws.handle(AppCommand::Select(
        claimlens::app::selection::Selection::single(at),
    ));
    ws.handle(AppCommand::Run(Action::Label(key)));
    let review = dir.join(format!("{name}.review.ron"));
    ws.handle(AppCommand::SaveTo(review.clone()));
    review
}

#[test]
fn a_claim_other_reports_repeat_warns_of_one_origin() {
    let dir = tempfile::tempdir().unwrap();
    let claim = "border guards in Hyesan now demand twice the usual bribe for every crossing";
    reviewed(
        dir.path(),
        "first",
        &format!("Bribes rise\n\nA trader said {claim}. Prices are stable."),
        claim,
    );
    reviewed(
        dir.path(),
        "second",
        &format!("Border costs\n\nAccording to a source, {claim}. Nobody else spoke."),
        claim,
    );
    reviewed(
        dir.path(),
        "other",
        "Port news\n\nSatellite images show four ships at the Rajin pier this week again.",
        "Satellite",
    );
    let mut ws = desk_of(dir.path());
    ws.handle(AppCommand::Desk(DeskCommand::Search(
        "twice the usual".into(),
    )));
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    let warning = ws.origin_warning().expect("the shared claim warns");
    assert_eq!(
        warning,
        "Same origin as 1 claim in 1 other report (1 outlet in all); this report is the earliest"
    );
    // The other report's claim names the earliest.
    ws.handle(AppCommand::Run(Action::ShowDesk));
    ws.handle(AppCommand::Desk(DeskCommand::Point(1)));
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    let warning = ws.origin_warning().expect("the shared claim warns");
    assert!(warning.ends_with("first in “Bribes rise”"), "{warning}");

    // Another sentence, or a claim no other report has, carries no warning.
    ws.handle(AppCommand::Run(Action::NextSentence));
    assert_eq!(ws.origin_warning(), None);
    ws.handle(AppCommand::Run(Action::ShowDesk));
    ws.handle(AppCommand::Desk(DeskCommand::Search("Satellite".into())));
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    assert_eq!(ws.origin_warning(), None);
}

#[test]
fn a_recurring_source_is_confirmed_or_split_and_the_team_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    super::support::suggested_reviews(dir.path(), &super::support::RASON_REPORTS);
    let mut ws = desk_of(dir.path()).with_analyst(Some("kim".into()), true);
    // The search keeps to one named source's claims, in every review.
    ws.handle(AppCommand::Desk(DeskCommand::Search("port".into())));
    let hits = |ws: &Workspace| ws.desk().unwrap().hits().len();
    assert_eq!(hits(&ws), 1, "the fuel report's claim");
    ws.handle(AppCommand::Desk(DeskCommand::Search("Rason".into())));
    let every = hits(&ws);
    ws.handle(AppCommand::Desk(DeskCommand::FilterSource(Some(
        "in rason".into(),
    ))));
    // Each report's claim, and its source's name: not the titles.
    assert_eq!(hits(&ws), 4);
    assert_eq!(every, 6, "the titles too");
    ws.handle(AppCommand::Desk(DeskCommand::FilterSource(Some(
        "in Musan".into(),
    ))));
    assert_eq!(hits(&ws), 0);
    ws.handle(AppCommand::Desk(DeskCommand::FilterSource(Some(
        "  ".into(),
    ))));
    assert!(hits(&ws) >= 2, "blank words filter nothing");
    ws.handle(AppCommand::Desk(DeskCommand::Search(String::new())));
    ws.handle(AppCommand::Desk(DeskCommand::Sources(true)));
    let sources = ws.desk().unwrap().sources().unwrap();
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert_eq!(sources[0].reports, 2);
    assert_eq!(sources[0].verdict, None);

    ws.handle(AppCommand::Desk(DeskCommand::Decide(
        0,
        Some(claimlens::io::corpus_file::Verdict::Same),
    )));
    assert_eq!(
        ws.desk().unwrap().sources().unwrap()[0].verdict,
        Some(claimlens::io::corpus_file::Verdict::Same)
    );
    let kept = claimlens::io::corpus_file::load(dir.path()).unwrap();
    assert_eq!(kept.recurring.len(), 1);
    assert_eq!(kept.recurring[0].by.as_deref(), Some("kim"));

    // Another analyst sharing the folder splits it: the next look shows their decision.
    let mut theirs = kept.clone();
    let r = &kept.recurring[0];
    theirs.decide(
        &r.outlet,
        &r.description,
        Some(claimlens::io::corpus_file::Verdict::Split),
        Some("lee"),
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    claimlens::io::corpus_file::save(dir.path(), &theirs).unwrap();
    let t = Instant::now();
    ws.handle(AppCommand::Tick(t));
    let effects = ws.handle(AppCommand::Tick(t + CHECK_EVERY));
    settle(&mut ws, effects);
    assert_eq!(
        ws.desk().unwrap().sources().unwrap()[0].verdict,
        Some(claimlens::io::corpus_file::Verdict::Split)
    );

    // A decision made here does not write over one another analyst made meanwhile (before
    // this desk looked again): the file is read afresh and only this source's entry changes.
    let mut meanwhile = claimlens::io::corpus_file::load(dir.path()).unwrap();
    meanwhile.decide(
        "Tumen Ledger",
        "source in musan",
        Some(claimlens::io::corpus_file::Verdict::Same),
        Some("park"),
    );
    claimlens::io::corpus_file::save(dir.path(), &meanwhile).unwrap();
    ws.handle(AppCommand::Desk(DeskCommand::Decide(0, None)));
    let kept = claimlens::io::corpus_file::load(dir.path()).unwrap();
    assert_eq!(kept.recurring.len(), 1, "{kept:?}");
    assert_eq!(kept.recurring[0].by.as_deref(), Some("park"));
    ws.handle(AppCommand::Desk(DeskCommand::Decide(
        0,
        Some(claimlens::io::corpus_file::Verdict::Split),
    )));

    // A corpus file that cannot be written keeps the decision unmade, with the file named.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = dir.path().join(".claimlens");
        std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o500)).unwrap();
        let writable = std::fs::File::create(meta.join("probe")).is_ok();
        if !writable {
            ws.handle(AppCommand::Desk(DeskCommand::Decide(0, None)));
            assert!(
                matches!(ws.message(), Some(Message::Error(e)) if e.contains("corpus.ron")),
                "{:?}",
                ws.message()
            );
            assert_eq!(
                ws.desk().unwrap().sources().unwrap()[0].verdict,
                Some(claimlens::io::corpus_file::Verdict::Split)
            );
        }
        std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

/// A plain-text report that opens with a header block is listed with its outlet and date, and
/// the header is not taken for the report's first sentences.
#[test]
fn a_plain_text_header_gives_the_outlet_and_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kanggye.txt"),
        "Outlet: Northern Lantern\nDate: 2026-11-04\nBy: Min Lee\n\n\
         Fuel in Kanggye\n\nA source in Kanggye said diesel ran out on Sunday.",
    )
    .unwrap();
    let mut ws = desk_of(dir.path());
    let row = &ws.desk().unwrap().rows()[0];
    assert_eq!(row.title, "Fuel in Kanggye");
    assert_eq!(row.outlet.as_deref(), Some("Northern Lantern"));
    assert_eq!(row.published.as_deref(), Some("2026-11-04"));
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    let session = ws.document().unwrap().session();
    assert!(session.article().text.starts_with("Fuel in Kanggye"));
    assert_eq!(session.article().meta.byline.as_deref(), Some("Min Lee"));
    assert!(!session.sentence_text(0).contains("Outlet"));
}

/// A folder opened again lists its reports at once from the user's cache (never the folder),
/// then reads the folder afresh; a cache that is not one is no cache.
#[test]
fn a_folder_opened_again_lists_its_reports_at_once_from_the_cache() {
    let (dir, _) = folder();
    let cache = tempfile::tempdir().unwrap();
    let mut ws = Workspace::default().with_desk_cache(cache.path().to_path_buf());
    let effects = ws.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
    assert!(ws.desk().unwrap().rows().is_empty(), "nothing kept yet");
    settle(&mut ws, effects);
    let listed = titles(&ws);
    assert!(
        !dir.path().join(".claimlens").exists(),
        "the cache is not in the folder"
    );

    let mut again = Workspace::default().with_desk_cache(cache.path().to_path_buf());
    let effects = again.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
    // Before the folder is read: the last run's list.
    assert_eq!(titles(&again), listed);
    assert!(again.desk().unwrap().from_cache());
    // Meanwhile another report arrived; the read shows it.
    std::fs::write(
        dir.path().join("new.txt"),
        "Late news\n\nA resident said the bridge reopened.",
    )
    .unwrap();
    settle(&mut again, effects);
    assert!(!again.desk().unwrap().from_cache());
    assert_eq!(titles(&again).len(), listed.len() + 1);

    for f in std::fs::read_dir(cache.path().join("desks")).unwrap() {
        std::fs::write(f.unwrap().path(), "{ not json").unwrap();
    }
    let mut broken = Workspace::default().with_desk_cache(cache.path().to_path_buf());
    let effects = broken.handle(AppCommand::OpenFolder(dir.path().to_path_buf()));
    assert!(broken.desk().unwrap().rows().is_empty());
    assert_eq!(broken.message(), None);
    settle(&mut broken, effects);
    assert_eq!(titles(&broken).len(), listed.len() + 1);
}

/// Outlet and date of a plain-text report set by hand from the desk: the report opens in a tab
/// behind the desk, the line shows them at once (unsaved), a date the desk cannot sort by is
/// refused with the analyst's words kept, Undo takes them back, and the saved review keeps them.
#[test]
fn outlet_and_date_set_in_the_list_are_kept_in_the_review() {
    use claimlens::app::Details;
    let (dir, _) = folder();
    let mut ws = desk_of(dir.path());
    let musan = |ws: &Workspace| {
        ws.desk()
            .unwrap()
            .rows()
            .iter()
            .find(|r| r.name.ends_with("musan.txt"))
            .cloned()
            .unwrap()
    };
    assert_eq!(musan(&ws).outlet, None, "plain text without a header block");
    let line = ws
        .desk()
        .unwrap()
        .rows()
        .iter()
        .position(|r| r.name.ends_with("musan.txt"))
        .unwrap();
    ws.handle(AppCommand::Desk(DeskCommand::Point(line)));
    ws.handle(AppCommand::Run(Action::ArticleDetails));
    assert_eq!(ws.reviews().len(), 1, "the report opened to hold them");
    assert!(ws.desk_shown(), "the desk stays in front");
    let asked = ws
        .details_asked()
        .expect("details asked of the opened report");
    let article = ws.reviews()[asked].document().session().article();
    let mut details = Details::of(article);
    assert_eq!(details.title, "Miners unpaid in Musan");

    details.outlet = "Kestrel Report".into();
    details.date = "12 June 2026".into();
    let effects = ws.handle(AppCommand::DetailsAnswered(Some(details.clone())));
    assert!(
        matches!(&effects[..], [Effect::Message(Message::Error(e))] if e.contains("not a date")),
        "{effects:?}"
    );
    assert!(ws.details_asked().is_some(), "still asked, to be put right");
    assert!(!ws.reviews()[0].document().is_dirty());

    details.date = "2026-06-12".into();
    ws.handle(AppCommand::DetailsAnswered(Some(details)));
    assert!(ws.details_asked().is_none());
    assert!(ws.desk_shown());
    assert!(ws.reviews()[0].document().is_dirty());
    let row = musan(&ws);
    assert_eq!(row.outlet.as_deref(), Some("Kestrel Report"));
    assert_eq!(row.published.as_deref(), Some("2026-06-12"));
    // A fresh read of the folder lists the files as saved; the unsaved tab still shows.
    let effects = ws.handle(AppCommand::Desk(DeskCommand::Rescan));
    settle(&mut ws, effects);
    assert_eq!(musan(&ws).outlet.as_deref(), Some("Kestrel Report"));

    // Undo in the tab takes them back, on the desk's line too.
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    assert!(!ws.desk_shown());
    ws.handle(AppCommand::Run(Action::Undo));
    assert_eq!(musan(&ws).outlet, None);
    ws.handle(AppCommand::Run(Action::Redo));

    // Saved beside the article, the review holds them, and the folder lists them from it.
    let review = dir.path().join("june/musan.review.ron");
    ws.handle(AppCommand::SaveTo(review.clone()));
    let saved = claimlens::io::session_file::load_session(&review).unwrap();
    assert_eq!(
        saved.article().meta.site_name.as_deref(),
        Some("Kestrel Report")
    );
    let mut fresh = desk_of(dir.path());
    let row = musan_review(&fresh);
    assert_eq!(row.outlet.as_deref(), Some("Kestrel Report"));
    assert_eq!(row.published.as_deref(), Some("2026-06-12"));
    assert_eq!(row.kind, RowKind::Review);

    // From the review shown, Cancel changes nothing; a damaged file has no details to set.
    let line = fresh
        .desk()
        .unwrap()
        .rows()
        .iter()
        .position(|r| r.path == row.path)
        .unwrap();
    fresh.handle(AppCommand::Desk(DeskCommand::Point(line)));
    fresh.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    assert!(!fresh.desk_shown());
    fresh.handle(AppCommand::Run(Action::ArticleDetails));
    assert!(fresh.details_asked().is_some());
    fresh.handle(AppCommand::DetailsAnswered(None));
    assert!(fresh.details_asked().is_none());
    assert!(fresh.reviews().iter().all(|r| !r.document().is_dirty()));
    fresh.handle(AppCommand::Run(Action::ShowDesk));
    let broken = fresh
        .desk()
        .unwrap()
        .rows()
        .iter()
        .position(|r| r.kind == RowKind::Damaged)
        .unwrap();
    fresh.handle(AppCommand::Desk(DeskCommand::Point(broken)));
    let effects = fresh.handle(AppCommand::Run(Action::ArticleDetails));
    assert!(
        matches!(&effects[..], [Effect::Message(Message::Error(_))]),
        "{effects:?}"
    );
    assert!(fresh.details_asked().is_none());
}

fn musan_review(ws: &Workspace) -> claimlens::app::Row {
    ws.desk()
        .unwrap()
        .rows()
        .iter()
        .find(|r| r.name.ends_with("musan.review.ron"))
        .cloned()
        .unwrap()
}

/// Details set in a tab and not saved yet count where the list shows them: the outlet filter,
/// the date filter and the Statistics read them at once; closing the tab without saving gives
/// the desk the file's details back.
#[test]
fn unsaved_details_count_in_filters_and_statistics_until_let_go() {
    use claimlens::app::{Answer, Details};
    let (dir, _) = folder();
    let mut ws = desk_of(dir.path());
    let hyesan = |ws: &Workspace| {
        let rows = ws.desk().unwrap().rows();
        rows.iter().position(|r| r.name == "hyesan.kim.review.ron")
    };
    let outlets = |ws: &mut Workspace| -> Vec<(String, usize)> {
        ws.handle(AppCommand::Desk(DeskCommand::Statistics(true)));
        let figures = ws.desk().unwrap().figures().expect("statistics shown");
        let out = figures
            .outlets
            .iter()
            .map(|(o, t)| (o.clone(), t.reports))
            .collect();
        ws.handle(AppCommand::Desk(DeskCommand::Statistics(false)));
        out
    };
    let found = |ws: &mut Workspace, outlet: Option<&str>, from: Option<&str>| {
        ws.handle(AppCommand::Desk(DeskCommand::FilterOutlet(
            outlet.map(str::to_string),
        )));
        ws.handle(AppCommand::Desk(DeskCommand::FilterDates(
            from.map(str::to_string),
            None,
        )));
        ws.handle(AppCommand::Desk(DeskCommand::Search("guards".into())));
        let n = ws.desk().unwrap().hits().len();
        ws.handle(AppCommand::Desk(DeskCommand::Search(String::new())));
        n
    };
    assert_eq!(outlets(&mut ws), [("(outlet not known)".to_string(), 1)]);
    assert_eq!(found(&mut ws, Some("Tumen Ledger"), None), 0);

    ws.handle(AppCommand::Desk(DeskCommand::Point(hyesan(&ws).unwrap())));
    ws.handle(AppCommand::Run(Action::ArticleDetails));
    let asked = ws.details_asked().expect("details asked");
    let mut details = Details::of(ws.reviews()[asked].document().session().article());
    details.outlet = "Tumen Ledger".into();
    details.date = "2026-05-04".into();
    ws.handle(AppCommand::DetailsAnswered(Some(details)));
    assert!(ws.reviews()[asked].document().is_dirty(), "set, not saved");

    assert_eq!(outlets(&mut ws), [("Tumen Ledger".to_string(), 1)]);
    assert_eq!(found(&mut ws, Some("Tumen Ledger"), None), 1);
    assert_eq!(found(&mut ws, Some("Tumen Ledger"), Some("2026-05")), 1);
    assert_eq!(found(&mut ws, Some("Tumen Ledger"), Some("2026-06")), 0);
    // A fresh read of the folder lists the file as saved; the tab's details still count.
    let effects = ws.handle(AppCommand::Desk(DeskCommand::Rescan));
    settle(&mut ws, effects);
    assert_eq!(found(&mut ws, Some("Tumen Ledger"), None), 1);

    // Closed without saving: the file's details again, in the list and in the figures.
    ws.handle(AppCommand::Desk(DeskCommand::OpenPointed));
    ws.handle(AppCommand::Run(Action::CloseReview));
    ws.handle(AppCommand::Answer(Answer::Discard));
    assert!(ws.reviews().is_empty());
    ws.handle(AppCommand::Run(Action::ShowDesk));
    let row = &ws.desk().unwrap().rows()[hyesan(&ws).unwrap()];
    assert_eq!(row.outlet, None);
    assert_eq!(outlets(&mut ws), [("(outlet not known)".to_string(), 1)]);
    assert_eq!(found(&mut ws, Some("Tumen Ledger"), None), 0);
    assert_eq!(found(&mut ws, None, None), 1);
}
