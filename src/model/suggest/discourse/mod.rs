//! The discourse state across sentences and paragraphs: the sources met so far (as entities),
//! the voice speaking now, the quotations open. "The source said", "he added", "the official",
//! "the reporting partner" and "Peskov said" resolve to an earlier source of a compatible kind;
//! quotations take the voice that attributes them, at their end or before them.

mod state;

use super::analysis::Analysis;
use super::frames::{Frame, Verb};
use super::phrase::{Head, Phrase, Whereabouts};

use crate::model::SourceKind;

/// A source the article relies on, possibly in several sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: SourceKind,
    pub head: Head,
    pub head_word: String,
    pub plural: bool,
    pub name: Option<String>,
    /// Lowercase words before the head, space-separated.
    pub modifiers: String,
    pub place: Option<Whereabouts>,
    /// The sentence that introduced it.
    pub first: usize,
    pub official_role: bool,
    /// The words of the phrase that introduced it, space-separated.
    pub words: String,
    /// That phrase as written (see [`Phrase::written`]).
    pub written: String,
    /// Introduced by a referring phrase with nothing to refer to ("the source said" first).
    pub definite: bool,
}

impl Entity {
    fn person(&self) -> bool {
        !self.plural
            && matches!(
                self.head,
                Head::Anonymous
                    | Head::Official
                    | Head::Title
                    | Head::Person
                    | Head::Expert
                    | Head::Lawmaker
            )
    }

    /// How the analyst sees it: "source in Yanggang Province", "Dmitry Peskov".
    pub fn display(&self) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        if let Head::Outlet(Some(o)) = self.head {
            return super::lexicon::LEXICON.outlets[o].name.clone();
        }
        if !self.written.is_empty() && !self.definite {
            return self.written.clone();
        }
        let mut base = self.head_word.clone();
        if !self.modifiers.is_empty()
            && matches!(
                self.head,
                Head::Institution
                    | Head::Title
                    | Head::Official
                    | Head::ExpertBody
                    | Head::Document
            )
        {
            base = format!("{} {}", self.modifiers, base);
        }
        let generic = matches!(base.as_str(), "source" | "sources" | "person" | "people");
        match &self.place {
            Some(Whereabouts::Found(_, written) | Whereabouts::Unknown(written)) => {
                format!("{base} in {written}")
            }
            Some(Whereabouts::Contextual(c)) => format!("{base} in {c}"),
            None if generic && self.plural => format!("several {base}"),
            None if generic => format!("anonymous {base}"),
            None => base,
        }
    }
}

/// What one sentence rests on, after context.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: SourceKind,
    /// Byte range of the cue in the sentence.
    pub cue: Option<(usize, usize)>,
    pub entity: Option<usize>,
    pub confidence: f32,
    pub rules: Vec<&'static str>,
    pub carried_from: Option<usize>,
}

/// The article-level facts the state needs.
pub struct Article<'a> {
    pub analyses: &'a [Analysis],
    /// Paragraph index of each sentence.
    pub paragraph: &'a [usize],
    /// The country the article is about, for "a source inside the country".
    pub country: Option<String>,
}

/// How many of the latest entities a reference may reach back to.
const RECENT: usize = 60;

#[derive(Default)]
struct State {
    entities: Vec<Entity>,
    /// The voice of the last attributed sentence: (entity, sentence), cleared by furniture.
    voice: Option<(usize, usize)>,
}

pub fn resolve(article: &Article) -> (Vec<Resolved>, Vec<Entity>) {
    let n = article.analyses.len();
    let mut st = State::default();
    let mut out: Vec<Option<Resolved>> = vec![None; n];
    // 1. Sentences with a frame of their own, in reading order.
    for (i, a) in article.analyses.iter().enumerate() {
        if let Some((rule, confidence, kind)) = a.furniture {
            out[i] = Some(Resolved {
                kind,
                cue: None,
                entity: None,
                confidence,
                rules: vec![rule],
                carried_from: None,
            });
            st.voice = None;
            continue;
        }
        // Sources named in background frames are met too: "Another source said …, the RFA
        // claimed" introduces a source that "the source also said" refers to later.
        let mut speaker = None;
        for (k, f) in a.frames.iter().enumerate() {
            if Some(k) == a.main {
                continue;
            }
            if let Some(e) = st.entity_for(&f.source, i, article) {
                speaker = speaker.or(Some(e));
            }
        }
        for m in &a.mentions {
            st.entity_for(m, i, article);
        }
        let Some(main) = a.main.map(|m| &a.frames[m]) else {
            continue;
        };
        let r = st.frame(main, speaker, i, article);
        if let Some(e) = r.entity.or(speaker) {
            st.voice = Some((e, i));
        }
        out[i] = Some(r);
    }
    // 2. Quotations and bare sentences, from the voices found.
    let mut voice: Option<(usize, usize)> = None;
    for i in 0..n {
        let a = &article.analyses[i];
        if let Some(r) = &out[i] {
            voice = if a.furniture.is_some() {
                None
            } else {
                r.entity.map(|e| (e, i)).or(voice)
            };
            continue;
        }
        let quoted = a.quote.starts_inside || a.quote.opens_at_start;
        if quoted
            && let Some((e, from, rule)) = quotation_voice(article, &out, i)
                .or_else(|| voice.map(|(e, s)| (e, s, "quote-continues")))
        {
            let entity = &st.entities[e];
            out[i] = Some(Resolved {
                kind: entity.kind,
                cue: None,
                entity: Some(e),
                confidence: if rule == "quote-group" { 0.88 } else { 0.78 },
                rules: vec![rule],
                carried_from: Some(from),
            });
            voice = Some((e, i));
            continue;
        }
        let near = voice.filter(|&(_, s)| article.paragraph[i] <= article.paragraph[s] + 1);
        let (kind, confidence, rule) = if a.hedge.is_some() {
            (SourceKind::Hedged, 0.75, "hedge")
        } else if near.is_some() {
            (SourceKind::Unattributed, 0.45, "after-source")
        } else {
            (SourceKind::Unattributed, 0.6, "no-source")
        };
        out[i] = Some(Resolved {
            kind,
            cue: a.hedge,
            entity: None,
            confidence,
            rules: vec![rule],
            carried_from: near.map(|(_, s)| s),
        });
    }
    let resolved = out
        .into_iter()
        .map(|r| {
            r.unwrap_or(Resolved {
                kind: SourceKind::Unattributed,
                cue: None,
                entity: None,
                confidence: 0.6,
                rules: vec!["no-source"],
                carried_from: None,
            })
        })
        .collect();
    (resolved, st.entities)
}

/// The sentence that attributes the quotation sentence `i` is part of: a later member of the
/// same quotation with a frame of its own (the attribution at its end), within a few sentences.
fn quotation_voice(
    article: &Article,
    out: &[Option<Resolved>],
    i: usize,
) -> Option<(usize, usize, &'static str)> {
    let analyses = article.analyses;
    let mut j = i;
    while j < analyses.len() && j < i + 8 {
        let a = &analyses[j];
        if j > i && a.furniture.is_some() {
            return None;
        }
        if let Some(r) = &out[j]
            && j > i
            && let Some(e) = r.entity
        {
            // The attribution must close the quotation: the member ends it.
            return a.quote.closes.then_some((e, j, "quote-group"));
        }
        if !a.quote.ends_inside {
            return None;
        }
        j += 1;
    }
    None
}

/// The kind a phrase names on its own.
pub fn kind_of(p: &Phrase) -> SourceKind {
    use SourceKind::*;
    match p.head {
        Head::Anonymous if p.plural => MultipleSources,
        Head::Anonymous => AnonymousSource,
        Head::Official if p.plural => MultipleSources,
        Head::Official if p.anonymous => AnonymousSource,
        Head::Official => Official,
        Head::Lawmaker if p.plural => MultipleSources,
        Head::Title | Head::Lawmaker | Head::Institution | Head::State => Official,
        Head::ExpertBody | Head::Expert => Expert,
        Head::Document => Document,
        Head::Media | Head::Outlet(_) => OtherMedia,
        Head::Publisher => OwnReporting,
        Head::Person if p.anonymous && p.name.is_some() => AnonymousSource,
        Head::Person if p.expert_role => Expert,
        Head::Person => NamedPerson,
        Head::Pronoun(_) => Unattributed,
    }
}

fn rule_for(f: &Frame) -> &'static str {
    match f.verb {
        Verb::Say => "frame-said",
        Verb::Told => "frame-told",
        Verb::Report => "frame-reported",
        Verb::Learn => "frame-learned",
        Verb::Opinion => "frame-assessed",
        Verb::Document => "frame-document",
        Verb::According => "frame-according-to",
        Verb::Citing => "frame-citing",
        Verb::Quoted => "frame-quoted",
    }
}

/// The cue's byte range in the sentence: from the source phrase to the verb, whichever comes
/// first.
fn span_of(article: &Article, i: usize, f: &Frame) -> (usize, usize) {
    let a = &article.analyses[i];
    a.frames
        .iter()
        .position(|g| std::ptr::eq(g, f))
        .and_then(|k| a.spans.get(k).copied())
        .unwrap_or((0, 0))
}

/// The country most named in the article: what "the country" means.
pub fn main_country(text: &str) -> Option<String> {
    // The article's subject shows in its first part; a book-length text need not be read whole.
    let mut end = text.len().min(256 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text.as_bytes()[..end];
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (name, code) in [
        ("North Korea", "KP"),
        ("the North", "KP"),
        ("Pyongyang", "KP"),
        ("China", "CN"),
        ("Russia", "RU"),
        ("Ukraine", "UA"),
        ("South Korea", "KR"),
    ] {
        let n = memchr::memmem::find_iter(head, name.as_bytes()).count();
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some(e) => e.1 += n,
            None => counts.push((code, n)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c.to_string())
}
