//! Attribution suggestions: for each sentence, the kind of source it rests on, the label of the
//! session's taxonomy that fits, the source itself when several sentences share one, and the
//! cue phrase that says so.
//!
//! An attribution model in four parts: page furniture ([`furniture`]); attribution frames — a
//! cue before or after its source, inverted after a quotation ([`frames`]); source noun phrases
//! classified by head and modifiers into a kind, a place and an affiliation ([`phrase`], with
//! the words in [`lexicon`] and the places in [`places`]); and a discourse state across
//! sentences that resolves "the source", "he", "the official" and quotations to the sources met
//! so far ([`discourse`]). [`mapping`] puts the result onto the taxonomy. Suggestions are
//! proposals: the UI shows them as such until the analyst confirms.

pub mod analysis;
mod commands;
pub mod discourse;
pub mod eval;
pub mod frames;
pub mod furniture;
pub mod lexicon;
pub mod mapping;
pub mod phrase;
pub mod places;
pub mod publisher;
pub mod tokens;

use crate::model::command::LabelChange;
use crate::model::{
    Command, Hedging, LabelId, Reliability, Session, Source, SourceId, SourceKind, Span, Status,
};
use analysis::{Analysis, analyse, quote_states};
use furniture::Layout;
use phrase::{Context, Whereabouts};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub use commands::{
    accept_above_command, accept_command, add_place_label_command, add_place_to_label_command,
    count_above, place_command, propose_sources_command, with_suggestions,
};

/// A source the engine found behind one or more sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedSource {
    /// Stable within one run: sources are numbered in the order the article names them.
    pub index: usize,
    /// "source in Yanggang Province", "Dmitry Peskov", "South Korea's Foreign Ministry".
    pub name: String,
    /// The label of the source's own kind and place (a sentence may rest on it through another
    /// outlet and carry another label).
    pub label: Option<LabelId>,
}

/// The engine's proposal for one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub kind: SourceKind,
    /// The best-fitting label of the session's taxonomy, if one fits.
    pub label: Option<LabelId>,
    /// Where the source is said to be ("Russia", "inside North Korea", "Ryanggang Province").
    pub location: Option<String>,
    /// A stated location that no label covers: the UI offers to add "Source in <location>".
    pub unmatched_location: Option<String>,
    /// Byte range of the cue phrase in the article text.
    pub cue: Option<Span>,
    /// 0..1: how sure the engine is.
    pub confidence: f32,
    /// The rules that decided, the deciding one first.
    pub rules: Box<[&'static str]>,
    /// For a sentence borrowing or possibly borrowing its source: the sentence it came from.
    pub carried_from: Option<usize>,
    /// The source entity, when the engine resolved the sentence to one: one copy shared by all
    /// its sentences (a 5 MB article has tens of thousands of them).
    pub source: Option<Arc<ProposedSource>>,
}

/// Builds the engine's tables (word classes, places, furniture and publisher patterns) now.
/// They are built on first use anyway; this costs about a tenth of a second of one core, so a
/// caller with other work to do first (reading and segmenting a file, opening a window) runs
/// it on another thread and the first suggestions do not wait for it.
pub fn warm_up() {
    std::sync::LazyLock::force(&lexicon::LEXICON);
    std::sync::LazyLock::force(&places::GAZETTEER);
    furniture::warm_up();
    publisher::warm_up();
}

/// Suggestions for every sentence of the session, in order.
pub fn suggest(session: &Session) -> Vec<Suggestion> {
    let text = &session.article.text;
    let n = session.len();
    let outlets = publisher::outlets_with(text, session.article.meta.site_name.as_deref());
    // Places are recognised with the whole gazetteer; which label they reach depends on the
    // review's own edition (see `mapping`).
    let ctx = Context {
        publisher: &outlets.publisher,
        outlets: &outlets.others,
        edition: places::EDITION,
    };
    let paragraph: Vec<usize> = (0..n)
        .map(|i| session.paragraph_of(i).unwrap_or(0))
        .collect();
    let quotes = quote_states(text, &session.sentences, &paragraph);
    let layouts = layouts(session, &paragraph);
    // Sentences are read independently, so this part is spread over all cores.
    let mut analyses: Vec<Analysis> = (0..n)
        .into_par_iter()
        .map(|i| {
            analyse(
                &text[session.sentences[i].range()],
                quotes[i],
                layouts[i],
                &ctx,
            )
        })
        .collect();
    furniture_runs_on(session, &paragraph, &mut analyses);
    let (resolved, entities) = discourse::resolve(&discourse::Article {
        analyses: &analyses,
        paragraph: &paragraph,
        country: discourse::main_country(text),
    });
    // The sentences' readings are the largest thing made here (tens of megabytes for a book):
    // gone before the suggestions are put together, the window's peak is that much lower.
    drop((analyses, paragraph, quotes, layouts));
    let mut mapper = mapping::Mapper::new(&session.taxonomy);
    let entity_labels: Vec<Option<LabelId>> = entities
        .iter()
        .map(|e| {
            let (location, found) = written_and_found(e.place.as_ref());
            let mut s = Suggestion {
                kind: e.kind,
                label: None,
                location,
                unmatched_location: None,
                cue: None,
                confidence: 0.0,
                rules: Box::default(),
                carried_from: None,
                source: None,
            };
            mapper.assign(&mut s, found.as_ref());
            s.label
        })
        .collect();
    let proposed: Vec<Arc<ProposedSource>> = entities
        .iter()
        .zip(entity_labels)
        .enumerate()
        .map(|(index, (e, label))| {
            Arc::new(ProposedSource {
                index,
                name: e.display(),
                label,
            })
        })
        .collect();
    // Sentences are put together independently (each thread with its own place cache).
    resolved
        .into_par_iter()
        .enumerate()
        .map_init(
            || mapping::Mapper::new(&session.taxonomy),
            |mapper, (i, r)| {
                let start = session.sentences[i].start;
                let entity = r.entity.map(|e| &entities[e]);
                let located = matches!(
                    r.kind,
                    SourceKind::AnonymousSource | SourceKind::MultipleSources
                );
                let (location, found) =
                    written_and_found(entity.and_then(|e| e.place.as_ref()).filter(|_| located));
                let mut s = Suggestion {
                    kind: r.kind,
                    label: None,
                    location,
                    unmatched_location: None,
                    cue: r.cue.map(|(a, b)| Span::new(start + a, start + b)),
                    confidence: r.confidence,
                    rules: r.rules.into_boxed_slice(),
                    carried_from: r.carried_from,
                    source: r
                        .entity
                        .filter(|_| is_source(r.kind))
                        .map(|index| Arc::clone(&proposed[index])),
                };
                mapper.assign(&mut s, found.as_ref());
                s
            },
        )
        .collect()
}

/// A stated place as written, and what the gazetteer found for it (if it knows it).
fn written_and_found(place: Option<&Whereabouts>) -> (Option<String>, Option<places::Found>) {
    match place {
        Some(Whereabouts::Found(f, w)) => (Some(w.clone()), Some(f.clone())),
        Some(Whereabouts::Unknown(w) | Whereabouts::Contextual(w)) => (Some(w.clone()), None),
        None => (None, None),
    }
}

/// Kinds that name who speaks, and so are sources the analyst grades.
fn is_source(kind: SourceKind) -> bool {
    !matches!(
        kind,
        SourceKind::NotAClaim
            | SourceKind::Hedged
            | SourceKind::Unattributed
            | SourceKind::OwnReporting
    )
}

/// Each sentence's place in its paragraph: alone, or followed by a bare credit.
fn layouts(session: &Session, paragraph: &[usize]) -> Vec<Layout> {
    let n = session.len();
    (0..n)
        .map(|i| {
            let range = session.paragraph_sentences(paragraph[i]);
            // A caption and its credit make a paragraph of two.
            let next_is_credit = range.len() == 2
                && i + 2 == range.end
                && furniture::is_credit(session.sentence_text(i + 1));
            Layout {
                alone: range.len() == 1,
                credit_follows: next_is_credit,
                after_bio: false,
                tail: 4 * i >= 3 * n || n - i <= 12,
            }
        })
        .collect()
}

/// Furniture that only its neighbours give away: an author bio running on over its paragraph
/// ("… is a reporter at … He covers …"), bullets of a subscription box, and a standfirst — a
/// short paragraph between the headline furniture and the photo furniture at the top.
fn furniture_runs_on(session: &Session, paragraph: &[usize], analyses: &mut [Analysis]) {
    let furniture = |a: &Analysis| matches!(a.furniture, Some((_, _, SourceKind::NotAClaim)));
    for i in 1..analyses.len() {
        if analyses[i].furniture.is_some() {
            continue;
        }
        let text = session.sentence_text(i).trim_start();
        let same_paragraph = paragraph[i] == paragraph[i - 1];
        let bio_before = same_paragraph && matches!(analyses[i - 1].furniture, Some(("bio", ..)));
        if bio_before
            && ["He ", "She ", "Follow", "They ", "His ", "Her "]
                .iter()
                .any(|p| text.starts_with(p))
        {
            analyses[i].furniture = Some(("bio", 0.7, SourceKind::NotAClaim));
        }
        let numbered = text.split_once(". ").is_some_and(|(n, _)| {
            (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
        });
        let bullet = text.starts_with(['•', '▪', '◦', '●']);
        if bullet
            && !same_paragraph
            && matches!(analyses[i - 1].furniture, Some(("boilerplate", ..)))
        {
            analyses[i].furniture = Some(("boilerplate", 0.7, SourceKind::NotAClaim));
        }
        // "Correction: An earlier version … It was taken on November 21, not 20.": the note
        // runs on over its paragraph.
        if same_paragraph && matches!(analyses[i - 1].furniture, Some(("correction", ..))) {
            analyses[i].furniture = Some(("correction", 0.75, SourceKind::NotAClaim));
            continue;
        }
        // A "Summary" box or a subscription box: terse bullets under a furniture line.
        let terse = !text.trim_end().ends_with(['.', '!', '?', '”', '"']);
        let adjacent = paragraph[i] <= paragraph[i - 1] + 1;
        // A "Most viewed" list: numbered headlines.
        if (bullet || numbered) && terse && adjacent && furniture(&analyses[i - 1]) {
            analyses[i].furniture = Some(("summary", 0.7, SourceKind::NotAClaim));
        }
    }
    // A headline with a full stop in it: the article's first line, split in two.
    let first = session.paragraph_sentences(0);
    if first.len() == 2
        && first.end <= analyses.len()
        && !session
            .sentence_text(first.end - 1)
            .trim_end()
            .ends_with(['.', '!', '?'])
        && first
            .clone()
            .map(|i| session.sentence_text(i).split_whitespace().count())
            .sum::<usize>()
            <= 30
    {
        for i in first {
            analyses[i].furniture = Some(("heading", 0.7, SourceKind::NotAClaim));
        }
    }
    // A short line opening a table's paragraph is its caption: "Market prices on Nov. 15 (KPW)".
    for i in 0..analyses.len().saturating_sub(1) {
        let text = session.sentence_text(i).trim();
        if analyses[i].furniture.is_none()
            && paragraph[i + 1] <= paragraph[i] + 1
            && (i == 0 || paragraph[i - 1] != paragraph[i])
            && matches!(
                analyses[i + 1].furniture,
                Some(("table-header" | "table-row", ..))
            )
            && !text.ends_with('.')
            && text.split_whitespace().count() <= 14
        {
            analyses[i].furniture = Some(("caption", 0.7, SourceKind::NotAClaim));
        }
    }
    let paragraphs = session.paragraphs.len().min(7);
    for p in 1..paragraphs.saturating_sub(1) {
        let range = |q: usize| session.paragraph_sentences(q);
        let all_furniture = |q: usize| {
            let r = range(q);
            !r.is_empty() && r.clone().all(|i| furniture(&analyses[i]))
        };
        let here = range(p);
        let words: usize = here
            .clone()
            .map(|i| session.sentence_text(i).split_whitespace().count())
            .sum();
        // A lead that names its source ("HUR has said that …") is the story, not a standfirst.
        let claims = here.clone().all(|i| {
            let a = &analyses[i];
            a.furniture.is_none()
                && a.main
                    .is_none_or(|m| a.frames[m].verb == frames::Verb::Learn)
        });
        if claims && here.len() <= 2 && words <= 40 && all_furniture(p - 1) && all_furniture(p + 1)
        {
            for i in here {
                analyses[i].furniture = Some(("standfirst", 0.65, SourceKind::NotAClaim));
            }
        }
    }
}

#[cfg(test)]
mod work_bounds {
    use super::*;
    use crate::model::work::measure;

    /// Steps per byte reading one run-on "sentence" made of `unit` repeated to `bytes`.
    fn steps_per_byte(unit: &str, bytes: usize) -> f64 {
        let text = unit.repeat(bytes / unit.len());
        let outlets = publisher::outlets(&text);
        let ctx = Context {
            publisher: &outlets.publisher,
            outlets: &outlets.others,
            edition: places::EDITION,
        };
        let (_, steps) = measure(|| analyse(&text, Default::default(), Layout::default(), &ctx));
        steps as f64 / text.len() as f64
    }

    /// A text with no sentence ends is one sentence however long: its many frames must each
    /// cost a bounded look around, not a scan from the sentence's start or to its end.
    #[test]
    fn run_on_text_costs_the_same_per_byte_at_any_length() {
        for unit in [
            "the source said, ",
            "according to the source, ",
            "While prices rose, the official said, ",
            "a trader who asked not to be named said ",
            "“the market is closed,” he said ",
        ] {
            let (short, long) = (steps_per_byte(unit, 20_000), steps_per_byte(unit, 80_000));
            assert!(
                long <= short * 1.1 + 0.5 && long < 60.0,
                "{unit:?}: {short:.1} steps a byte at 20 KB, {long:.1} at 80 KB"
            );
        }
    }
}
