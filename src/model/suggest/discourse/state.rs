//! Resolving one sentence against the discourse state: which entity a source phrase refers
//! to ("the source", "he", "the official", "Peskov"), or the new entity it introduces.

use super::{Article, Entity, RECENT, Resolved, State, kind_of, rule_for, span_of};
use crate::model::SourceKind;
use crate::model::suggest::frames::{Frame, Verb};
use crate::model::suggest::phrase::{Head, Phrase, Pronoun, Whereabouts, has_word};
use crate::model::suggest::places::{Found, GAZETTEER, country_name};

impl State {
    /// The kind and source of a sentence governed by `f`.
    pub(super) fn frame(
        &mut self,
        f: &Frame,
        nested: Option<usize>,
        i: usize,
        article: &Article,
    ) -> Resolved {
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
            Verb::Learn
                if f.source.head == Head::Publisher
                    || (f.source.head == Head::Media && f.source.name.is_none()) =>
            {
                kind = SourceKind::OwnReporting
            }
            Verb::Document => kind = SourceKind::Document,
            _ => {}
        }
        if matches!(f.source.head, Head::Publisher | Head::Pronoun(Pronoun::We)) {
            kind = SourceKind::OwnReporting;
            confidence = 0.85;
        }
        // "the ministry said in a report", "the institute wrote in its study" — but a person
        // writing in a paper is still that person.
        let head = entity.map_or(f.source.head, |e| self.entities[e].head);
        if f.in_document
            && (kind == SourceKind::Official
                || (kind == SourceKind::Expert && head == Head::ExpertBody))
        {
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
    pub(super) fn entity_for(&mut self, p: &Phrase, i: usize, article: &Article) -> Option<usize> {
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
            // A later mention may say more: "a source in the country", then "the source, who
            // is based in Yanggang Province".
            let refines = match (&self.entities[e].place, &place) {
                (None, Some(_)) => true,
                (
                    Some(Whereabouts::Found(Found::Country(c), _)),
                    Some(Whereabouts::Found(f @ Found::Place(_), _)),
                ) => GAZETTEER.country(f) == Some(c.as_str()),
                _ => false,
            };
            if refines {
                self.entities[e].place = place;
            }
            return Some(e);
        }
        if p.definite && matches!(p.head, Head::Pronoun(_)) {
            return None;
        }
        let mut kind = kind_of(p);
        // "Diplomats … said on condition of anonymity. A second diplomat said …": another
        // member of an anonymous group is anonymous too.
        if kind == SourceKind::Official
            && (p.ordinal.is_some() || has_word(&p.words, "another"))
            && self
                .last_where(|e| e.plural && e.kind == SourceKind::MultipleSources)
                .is_some_and(|g| {
                    self.entities[g].head_word.trim_end_matches('s')
                        == p.head_word.trim_end_matches('s')
                })
        {
            kind = SourceKind::AnonymousSource;
        }
        // A new anonymous source with no stated place is placed where its sentence is set, when
        // the sentence names places of one country only ("In Hyesan, …, according to another
        // source"; "… described how the arrangement works in Vladivostok").
        // "A government source", "a diplomatic source" speak for an institution, which is not
        // where the story is set.
        let institutional = p.modifiers.split(' ').any(|m| {
            matches!(
                m,
                "government"
                    | "diplomatic"
                    | "intelligence"
                    | "military"
                    | "security"
                    | "ministry"
                    | "administration"
                    | "embassy"
                    | "police"
                    | "defense"
                    | "defence"
                    | "foreign"
                    | "western"
                    | "u.s."
                    | "japanese"
                    | "south"
            )
        });
        let place = place.or_else(|| {
            (matches!(
                kind,
                SourceKind::AnonymousSource | SourceKind::MultipleSources
            ) && p.head == Head::Anonymous
                && !institutional
                && !p.affiliated
                && !p.origin_only)
                .then(|| article.analyses[i].setting.clone())
                .flatten()
        });
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
    pub(super) fn part_of(&mut self, p: &Phrase, i: usize) -> usize {
        let group = self.last_where(|e| {
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
        if p.place.is_some() {
            e.place = p.place.clone();
        }
        e.plural = p.plural;
        e.first = i;
        e.written = p.written.clone();
        e.words.push(' ');
        e.words.push_str(&p.words);
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

    /// The last entity met that `ok` accepts, among the recent ones: reference reaches a few
    /// paragraphs back, not the whole of a book-length text.
    pub(super) fn last_where(&self, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        let n = self.entities.len();
        (n.saturating_sub(RECENT)..n)
            .rev()
            .find(|&k| ok(&self.entities[k]))
    }

    pub(super) fn pronoun(&self, pr: Pronoun) -> Option<usize> {
        let voice = self.voice.map(|(e, _)| e);
        let recent = |ok: &dyn Fn(&Entity) -> bool| {
            voice
                .filter(|&e| ok(&self.entities[e]))
                .or_else(|| self.last_where(ok))
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
    pub(super) fn antecedent(&self, p: &Phrase, place: Option<&Whereabouts>) -> Option<usize> {
        if p.new && p.ordinal.is_none() {
            return None;
        }
        if let Some(name) = &p.name {
            let last = name.split_whitespace().next_back()?.to_lowercase();
            return self.last_where(|e| {
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
            .take(RECENT)
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
            let mods = p.modifiers.split(' ').filter(|m| !m.is_empty()).all(|m| {
                has_word(&e.words, m)
                    || e.name.as_ref().is_some_and(|n| n.to_lowercase().contains(m))
                    || matches!(&e.place, Some(Whereabouts::Found(_, w)) if w.to_lowercase().contains(m))
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
    pub(super) fn place(&self, w: Whereabouts, article: &Article) -> Whereabouts {
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
    // "the images" after "satellite images": a multi-word head answers to its last word.
    let last = e.head_word.rsplit(' ').next().unwrap_or("");
    let same_word = e.head_word == word
        || e.head_word.trim_end_matches('s') == word.trim_end_matches('s')
        || last != e.head_word && last.trim_end_matches('s') == word.trim_end_matches('s');
    match p.head {
        Head::Anonymous => {
            let generic = matches!(
                word,
                "source" | "sources" | "person" | "people" | "individual"
            );
            e.plural == p.plural
                && (same_word
                    || generic && matches!(e.head, Head::Anonymous | Head::Official)
                    // "Ivan (not his real name) … the source said".
                    || generic && e.head == Head::Person && e.kind == SourceKind::AnonymousSource
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
                || (e.head == Head::Anonymous && !e.plural && has_word(&e.words, "official"))
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
        // "The online timetable" does not refer back to "images": a document refers back to
        // one of its own kind, or by a word any document answers to.
        Head::Document => {
            let generic = |w: &str| {
                matches!(
                    w,
                    "document"
                        | "documents"
                        | "report"
                        | "reports"
                        | "paper"
                        | "papers"
                        | "file"
                        | "files"
                        | "material"
                        | "materials"
                        | "text"
                        | "copy"
                )
            };
            e.head == Head::Document && (same_word || generic(word) || generic(&e.head_word))
        }
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
