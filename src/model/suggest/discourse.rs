//! The discourse state across sentences and paragraphs: the sources met so far (as entities),
//! the voice speaking now, the quotations open. "The source said", "he added", "the official",
//! "the reporting partner" and "Peskov said" resolve to an earlier source of a compatible kind;
//! quotations take the voice that attributes them, at their end or before them.

use super::analysis::Analysis;
use super::frames::{Frame, Verb};
use super::phrase::{Head, Phrase, Pronoun, Whereabouts};
use super::places::{Found, GAZETTEER, country_name};
use crate::model::SourceKind;

/// A source the article relies on, possibly in several sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: SourceKind,
    pub head: Head,
    pub head_word: String,
    pub plural: bool,
    pub name: Option<String>,
    pub modifiers: Vec<String>,
    pub place: Option<Whereabouts>,
    /// The sentence that introduced it.
    pub first: usize,
    pub official_role: bool,
    /// The words of the phrase that introduced it.
    pub words: Vec<String>,
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
            base = format!("{} {}", self.modifiers.join(" "), base);
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
    for i in 0..n {
        let a = &article.analyses[i];
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
        let (kind, confidence, rule) = if let Some(h) = a.hedge {
            (
                SourceKind::Hedged,
                0.75,
                if h.0 == usize::MAX { "hedge" } else { "hedge" },
            )
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

impl State {
    /// The kind and source of a sentence governed by `f`.
    fn frame(&mut self, f: &Frame, nested: Option<usize>, i: usize, article: &Article) -> Resolved {
        let mut rules = vec![rule_for(f)];
        let entity = self.entity_for(&f.source, i, article);
        let mut kind = entity.map_or_else(|| kind_of(&f.source), |e| self.entities[e].kind);
        let mut confidence = if f.source.definite || matches!(f.source.head, Head::Pronoun(_)) {
            0.85
        } else {
            0.9
        };
        if entity.is_none() && matches!(f.source.head, Head::Pronoun(_)) {
            kind = SourceKind::Unattributed;
            confidence = 0.5;
            rules.push("carry-without-source");
        }
        match f.verb {
            Verb::Learn if f.source.head == Head::Publisher => kind = SourceKind::OwnReporting,
            Verb::Document => kind = SourceKind::Document,
            _ => {}
        }
        if matches!(f.source.head, Head::Publisher | Head::Pronoun(Pronoun::We)) {
            kind = SourceKind::OwnReporting;
            confidence = 0.85;
        }
        if f.in_document && matches!(kind, SourceKind::Official | SourceKind::Expert) {
            kind = SourceKind::Document;
            rules.push("in-document");
        }
        // Another outlet as conduit: "quoted by Interfax", "carried by KCNA", "told RFA".
        let conduit = f.conduit.as_ref().or(f
            .hearer
            .as_ref()
            .filter(|h| matches!(h.head, Head::Outlet(_))));
        if let Some(c) = conduit
            && matches!(c.head, Head::Outlet(_) | Head::Media)
            && kind != SourceKind::OwnReporting
        {
            kind = SourceKind::OtherMedia;
            rules.push("conduit");
        }
        let cue = Some(span_of(article, i, f));
        let entity = entity.or(if matches!(kind, SourceKind::OtherMedia) {
            nested
        } else {
            None
        });
        Resolved {
            kind,
            cue,
            entity,
            confidence,
            rules,
            carried_from: None,
        }
    }

    /// The entity a phrase refers to: an earlier one for "the source", "he", "Peskov"; a new one
    /// for "a source in Hyesan". `None` for the publisher and for pronouns with no antecedent.
    fn entity_for(&mut self, p: &Phrase, i: usize, article: &Article) -> Option<usize> {
        if p.head == Head::Publisher {
            return None;
        }
        let place = p.place.clone().map(|w| self.place(w, article));
        if p.part_of {
            return Some(self.part_of(p, i));
        }
        if let Head::Pronoun(pr) = p.head {
            return self.pronoun(pr);
        }
        if let Some(e) = self.antecedent(p, place.as_ref()) {
            if self.entities[e].place.is_none() && place.is_some() {
                self.entities[e].place = place;
            }
            return Some(e);
        }
        if p.definite && matches!(p.head, Head::Pronoun(_)) {
            return None;
        }
        let kind = kind_of(p);
        self.entities.push(Entity {
            kind,
            head: p.head,
            head_word: p.head_word.clone(),
            plural: p.plural,
            name: p.name.clone(),
            modifiers: p.modifiers.clone(),
            place,
            first: i,
            official_role: p.official_role,
            words: p.words.clone(),
            written: p.written.clone(),
            definite: p.definite
                && matches!(
                    p.head,
                    Head::Anonymous | Head::Official | Head::Title | Head::Lawmaker | Head::Expert
                ),
        });
        Some(self.entities.len() - 1)
    }

    /// "one of them", "two of the officials": a new source drawn from a group met before; one
    /// member of an anonymous group is an anonymous source.
    fn part_of(&mut self, p: &Phrase, i: usize) -> usize {
        let group = self.entities.iter().rposition(|e| {
            e.plural
                && (matches!(p.head, Head::Pronoun(_))
                    || compatible(
                        e,
                        &Phrase {
                            plural: true,
                            ..p.clone()
                        },
                    ))
        });
        let mut e = match group {
            Some(g) => self.entities[g].clone(),
            None => Entity {
                kind: kind_of(&Phrase {
                    plural: true,
                    ..p.clone()
                }),
                head: if matches!(p.head, Head::Pronoun(_)) {
                    Head::Anonymous
                } else {
                    p.head
                },
                head_word: p.head_word.clone(),
                plural: true,
                name: None,
                modifiers: p.modifiers.clone(),
                place: None,
                first: i,
                official_role: false,
                words: p.words.clone(),
                written: p.written.clone(),
                definite: true,
            },
        };
        e.plural = p.plural;
        e.first = i;
        e.written = p.written.clone();
        e.definite = false;
        if !p.plural && e.kind == SourceKind::MultipleSources {
            e.kind = SourceKind::AnonymousSource;
        }
        e.head_word = if p.plural {
            e.head_word
        } else {
            e.head_word.trim_end_matches('s').to_string()
        };
        self.entities.push(e);
        self.entities.len() - 1
    }

    fn pronoun(&self, pr: Pronoun) -> Option<usize> {
        let voice = self.voice.map(|(e, _)| e);
        let recent = |ok: &dyn Fn(&Entity) -> bool| {
            voice
                .filter(|&e| ok(&self.entities[e]))
                .or_else(|| self.entities.iter().rposition(|e| ok(e)))
        };
        match pr {
            Pronoun::He | Pronoun::She => recent(&|e: &Entity| e.person()),
            Pronoun::They => {
                recent(&|e: &Entity| e.plural || matches!(e.head, Head::Institution | Head::State))
            }
            Pronoun::It => recent(&|e: &Entity| {
                matches!(
                    e.head,
                    Head::Institution
                        | Head::Document
                        | Head::Outlet(_)
                        | Head::ExpertBody
                        | Head::Media
                        | Head::State
                )
            }),
            Pronoun::We => None,
        }
    }

    /// An earlier entity a determined, generic phrase refers back to.
    fn antecedent(&self, p: &Phrase, place: Option<&Whereabouts>) -> Option<usize> {
        if p.new && p.ordinal.is_none() {
            return None;
        }
        if let Some(name) = &p.name {
            let last = name.split_whitespace().next_back()?.to_lowercase();
            return self.entities.iter().rposition(|e| {
                e.name
                    .as_ref()
                    .is_some_and(|n| n.to_lowercase().split_whitespace().any(|w| w == last))
            });
        }
        if !p.definite {
            return None;
        }
        let candidates: Vec<usize> = (0..self.entities.len())
            .rev()
            .take(40)
            .filter(|&k| compatible(&self.entities[k], p))
            .collect();
        if let Some(n) = p.ordinal {
            let mut same: Vec<usize> = candidates.clone();
            same.sort();
            return same.get(n as usize - 1).copied();
        }
        // Modifiers and places narrow the choice: "the UN official", "the Vladivostok source".
        let agrees = |k: &usize| {
            let e = &self.entities[*k];
            let place_agrees = match (place, &e.place) {
                (Some(Whereabouts::Found(a, _)), Some(Whereabouts::Found(b, _))) => a == b,
                (Some(_), Some(_)) => false,
                _ => true,
            };
            let mods = p.modifiers.iter().all(|m| {
                e.words.contains(m)
                    || e.name.as_ref().is_some_and(|n| n.to_lowercase().contains(m.as_str()))
                    || matches!(&e.place, Some(Whereabouts::Found(_, w)) if w.to_lowercase().contains(m.as_str()))
            });
            place_agrees && mods
        };
        // The same head word first: "the source" is the last source, not the broker met since.
        let same = |k: &usize| self.entities[*k].head_word == p.head_word;
        candidates
            .iter()
            .copied()
            .find(|k| agrees(k) && same(k))
            .or_else(|| candidates.iter().copied().find(|k| agrees(k)))
            .or_else(|| candidates.iter().copied().find(same))
            .or_else(|| candidates.first().copied())
    }

    /// Resolves "the country" and "the same province" from the article and the sources met.
    fn place(&self, w: Whereabouts, article: &Article) -> Whereabouts {
        match &w {
            Whereabouts::Contextual(c) if c.contains("same") => self
                .entities
                .iter()
                .rev()
                .find_map(|e| e.place.clone())
                .unwrap_or(w),
            Whereabouts::Contextual(_) => match &article.country {
                Some(code) => {
                    Whereabouts::Found(Found::Country(code.clone()), country_name(code).to_string())
                }
                None => w,
            },
            _ => w,
        }
    }
}

/// Whether an entity can be what a determined phrase ("the source", "the official") means.
fn compatible(e: &Entity, p: &Phrase) -> bool {
    let word = p.head_word.as_str();
    let same_word =
        e.head_word == word || e.head_word.trim_end_matches('s') == word.trim_end_matches('s');
    match p.head {
        Head::Anonymous => {
            let generic = matches!(
                word,
                "source" | "sources" | "person" | "people" | "individual"
            );
            e.plural == p.plural
                && (same_word
                    || generic && matches!(e.head, Head::Anonymous | Head::Official)
                    || e.head == Head::Anonymous
                        && word.contains("partner")
                        && e.head_word.contains("partner"))
                && matches!(
                    e.kind,
                    SourceKind::AnonymousSource
                        | SourceKind::MultipleSources
                        | SourceKind::OtherMedia
                )
        }
        Head::Official => {
            matches!(e.head, Head::Official | Head::Title)
                || e.official_role
                || (e.head == Head::Anonymous
                    && !e.plural
                    && e.words.iter().any(|w| w == "official"))
        }
        Head::Title => {
            same_word || synonyms(word, &e.head_word) || (e.official_role && e.head_word == word)
        }
        Head::Lawmaker => matches!(e.head, Head::Lawmaker),
        Head::Institution => e.head == Head::Institution && same_word,
        Head::ExpertBody => e.head == Head::ExpertBody,
        Head::Expert => {
            e.head == Head::Expert || e.head == Head::Person && e.kind == SourceKind::Expert
        }
        Head::Document => e.head == Head::Document,
        Head::Media | Head::Outlet(_) => {
            matches!(e.head, Head::Media | Head::Outlet(_)) && same_word
        }
        _ => false,
    }
}

fn synonyms(a: &str, b: &str) -> bool {
    const GROUPS: &[&[&str]] = &[
        &["envoy", "ambassador", "diplomat"],
        &["spokesperson", "spokesman", "spokeswoman"],
        &["president", "leader"],
        &["minister", "secretary"],
    ];
    GROUPS.iter().any(|g| g.contains(&a) && g.contains(&b))
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
    let t = &article.analyses[i].spans;
    let a = f.cue.0.min(f.source.tokens.0);
    let b = f.cue.1.max(f.source.tokens.1);
    (
        t.get(a).map_or(0, |s| s.0),
        t.get(b.saturating_sub(1)).map_or(0, |s| s.1),
    )
}

/// The country most named in the article: what "the country" means.
pub fn main_country(text: &str, edition: u32) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (name, code) in [
        ("North Korea", "KP"),
        ("the North", "KP"),
        ("Pyongyang", "KP"),
        ("China", "CN"),
        ("Russia", "RU"),
        ("Ukraine", "UA"),
        ("South Korea", "KR"),
    ] {
        let n = text.matches(name).count();
        if n > 0 && GAZETTEER.lookup(name, edition.max(1)).is_some() {
            match counts.iter_mut().find(|(c, _)| c == code) {
                Some(e) => e.1 += n,
                None => counts.push((code.to_string(), n)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c)
}
