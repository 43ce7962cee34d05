//! The attribution lexicon (`assets/lexicon/attribution.ron`), compiled once into word classes
//! for fast look-up: one hash probe per word tells every class the word belongs to.

use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::LazyLock;

const LEXICON_RON: &str = include_str!("../../../assets/lexicon/attribution.ron");
const GRAMMAR_RON: &str = include_str!("../../../assets/lexicon/grammar.ron");

/// The function-word classes (`assets/lexicon/grammar.ron`).
#[derive(Debug, Deserialize)]
struct Grammar {
    between: Vec<String>,
    ties: Vec<String>,
    openers: Vec<String>,
    intros: Vec<String>,
    carry_on: Vec<String>,
    statements: Vec<String>,
    definite: Vec<String>,
    new: Vec<String>,
    numbers: Vec<String>,
    cuts: Vec<String>,
    not_names: Vec<String>,
    publication: Vec<String>,
    imperatives: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Source {
    say: Vec<String>,
    say_base: Vec<String>,
    told: Vec<String>,
    report: Vec<String>,
    learn: Vec<String>,
    opinion: Vec<String>,
    document_verbs: Vec<String>,
    anonymous_heads: Vec<String>,
    official_heads: Vec<String>,
    titles: Vec<String>,
    lawmakers: Vec<String>,
    institutions: Vec<String>,
    expert_institutions: Vec<String>,
    state_actors: Vec<String>,
    experts: Vec<String>,
    documents: Vec<String>,
    media_nouns: Vec<String>,
    outlet_words: Vec<String>,
    outlets: Vec<(String, Vec<String>, bool)>,
    hedges: Vec<String>,
    hedge_phrases: Vec<String>,
    subordinators: Vec<String>,
    non_statements: Vec<String>,
    anonymity: Vec<String>,
    affiliations: Vec<String>,
}

/// Word classes, as bits.
pub mod class {
    pub const SAY: u64 = 1;
    pub const SAY_BASE: u64 = 1 << 1;
    pub const TOLD: u64 = 1 << 2;
    pub const REPORT: u64 = 1 << 3;
    pub const LEARN: u64 = 1 << 4;
    pub const OPINION: u64 = 1 << 5;
    pub const DOC_VERB: u64 = 1 << 6;
    pub const ANON: u64 = 1 << 7;
    pub const OFFICIAL: u64 = 1 << 8;
    pub const TITLE: u64 = 1 << 9;
    pub const LAWMAKER: u64 = 1 << 10;
    pub const INSTITUTION: u64 = 1 << 11;
    pub const EXPERT_INSTITUTION: u64 = 1 << 12;
    pub const EXPERT: u64 = 1 << 13;
    pub const DOCUMENT: u64 = 1 << 14;
    pub const MEDIA: u64 = 1 << 15;
    pub const OUTLET_WORD: u64 = 1 << 16;
    pub const HEDGE: u64 = 1 << 17;
    pub const SUBORDINATOR: u64 = 1 << 18;
    /// Plural of a head noun.
    pub const PLURAL: u64 = 1 << 19;
    // Grammar words the frame and phrase readers ask about (their lists live with them).
    pub const BETWEEN: u64 = 1 << 20;
    pub const OPENER: u64 = 1 << 21;
    pub const INTRO: u64 = 1 << 22;
    pub const CARRY_ON: u64 = 1 << 23;
    pub const STATEMENT: u64 = 1 << 24;
    pub const TIE: u64 = 1 << 25;
    pub const DEFINITE: u64 = 1 << 26;
    pub const NEW: u64 = 1 << 27;
    pub const NUMBER_WORD: u64 = 1 << 28;
    pub const CUT: u64 = 1 << 29;
    pub const NOT_NAME: u64 = 1 << 30;
    /// Some phrase of the lexicon starts with this word.
    pub const PHRASE_START: u64 = 1 << 31;
    /// What a publication calls itself: "this commentary", "this brief".
    pub const PUBLICATION: u64 = 1 << 32;
    /// Verbs a recommendation opens with: "• End the mobilization …", "Renew the mandate".
    pub const IMPERATIVE: u64 = 1 << 33;
    pub const PERSON_HEAD: u64 = ANON | OFFICIAL | TITLE | EXPERT;
    pub const VERB: u64 = SAY | SAY_BASE | TOLD | REPORT | LEARN | OPINION | DOC_VERB;
    pub const HEAD: u64 =
        ANON | OFFICIAL | TITLE | INSTITUTION | EXPERT_INSTITUTION | EXPERT | DOCUMENT | MEDIA;
}

/// A phrase of several words, with what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    Hedge,
    NonStatement,
    Anonymity,
    Affiliation,
    /// A multi-word entry of a word class ("think tank", "white house").
    Class(u64),
    /// A known outlet; the index into [`Lexicon::outlets`].
    Outlet(usize),
    StateActor,
}

#[derive(Debug)]
pub struct Outlet {
    pub name: String,
    /// Every name it goes by, the main one first.
    pub names: Vec<String>,
    pub state_media: bool,
}

pub struct Lexicon {
    words: FxHashMap<String, u64>,
    /// First word → phrases starting with it (the words after the first), longest first.
    phrases: FxHashMap<String, Vec<(Vec<String>, PhraseKind)>>,
    pub outlets: Vec<Outlet>,
}

impl Lexicon {
    /// The classes of one lowercase word (possessive and final stop already stripped).
    pub fn classes(&self, word: &str) -> u64 {
        self.words.get(word).copied().unwrap_or(0)
    }

    pub fn is(&self, word: &str, class: u64) -> bool {
        self.classes(word) & class != 0
    }

    /// The known outlet a name (as written) stands for.
    pub fn outlet_named(&self, name: &str) -> Option<usize> {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let (first, rest) = words.split_first()?;
        self.phrases(first).iter().find_map(|(r, kind)| match kind {
            PhraseKind::Outlet(o) if r.as_slice() == rest => Some(*o),
            _ => None,
        })
    }

    /// Phrases that start with `first`, longest first.
    pub fn phrases(&self, first: &str) -> &[(Vec<String>, PhraseKind)] {
        self.phrases.get(first).map_or(&[], Vec::as_slice)
    }

    fn add_word(&mut self, word: &str, bits: u64) {
        *self.words.entry(word.to_string()).or_default() |= bits;
    }

    fn add(&mut self, entry: &str, kind: PhraseKind) {
        let words: Vec<String> = entry.split_whitespace().map(|w| w.to_lowercase()).collect();
        match (words.as_slice(), kind) {
            ([one], PhraseKind::Class(bits)) => self.add_word(one, bits),
            ([first, rest @ ..], _) => {
                let list = self.phrases.entry(first.clone()).or_default();
                list.push((rest.to_vec(), kind));
                list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
                let first = first.clone();
                self.add_word(&first, class::PHRASE_START);
            }
            _ => {}
        }
    }

    fn add_all(&mut self, entries: &[String], kind: PhraseKind) {
        for e in entries {
            self.add(e, kind);
        }
    }

    /// Singular heads, with their plural forms marked as plural.
    fn add_heads(&mut self, entries: &[String], bits: u64) {
        for e in entries {
            self.add(e, PhraseKind::Class(bits));
            if e.contains(' ') || e.ends_with('s') && bits & class::DOCUMENT == 0 {
                continue;
            }
            let plural = if e.ends_with("man") {
                format!("{}men", &e[..e.len() - 3])
            } else if e.ends_with('y') && !e.ends_with("ey") {
                format!("{}ies", &e[..e.len() - 1])
            } else if e.ends_with("sh") || e.ends_with("ch") || e.ends_with('x') {
                format!("{e}es")
            } else {
                format!("{e}s")
            };
            if self.classes(&plural) & bits == 0 {
                self.add_word(&plural, bits | class::PLURAL);
            }
        }
    }
}

fn compile(src: Source, words: Grammar) -> Lexicon {
    use PhraseKind::*;
    use class::*;
    let mut lex = Lexicon {
        words: FxHashMap::default(),
        phrases: FxHashMap::default(),
        outlets: Vec::new(),
    };
    let verb_lists: [(&[String], u64); 7] = [
        (&src.say, SAY),
        (&src.say_base, SAY_BASE),
        (&src.told, TOLD),
        (&src.report, REPORT),
        (&src.learn, LEARN),
        (&src.opinion, OPINION),
        (&src.document_verbs, DOC_VERB),
    ];
    for (list, bits) in verb_lists {
        lex.add_all(list, Class(bits));
    }
    lex.add_heads(&src.anonymous_heads, ANON);
    lex.add_heads(&src.official_heads, OFFICIAL);
    lex.add_heads(&src.titles, TITLE);
    lex.add_all(&src.lawmakers, Class(LAWMAKER));
    lex.add_heads(&src.institutions, INSTITUTION);
    lex.add_heads(&src.expert_institutions, EXPERT_INSTITUTION);
    lex.add_heads(&src.experts, EXPERT);
    lex.add_heads(&src.documents, DOCUMENT);
    lex.add_heads(&src.media_nouns, MEDIA);
    lex.add_all(&src.outlet_words, Class(OUTLET_WORD));
    lex.add_all(&src.hedges, Class(HEDGE));
    lex.add_all(&src.subordinators, Class(SUBORDINATOR));
    lex.add_all(&src.hedge_phrases, Hedge);
    lex.add_all(&src.non_statements, NonStatement);
    lex.add_all(&src.anonymity, Anonymity);
    lex.add_all(&src.affiliations, Affiliation);
    for actor in &src.state_actors {
        lex.add(actor, StateActor);
    }
    for (name, aliases, state_media) in src.outlets {
        let index = lex.outlets.len();
        for n in std::iter::once(&name).chain(&aliases) {
            lex.add(n, Outlet(index));
        }
        let names = std::iter::once(name.clone()).chain(aliases).collect();
        lex.outlets.push(self::Outlet {
            name,
            names,
            state_media,
        });
    }
    let grammar: [(&[String], u64); 13] = [
        (&words.imperatives, IMPERATIVE),
        (&words.publication, PUBLICATION),
        (&words.between, BETWEEN),
        (&words.openers, OPENER),
        (&words.intros, INTRO),
        (&words.carry_on, CARRY_ON),
        (&words.statements, STATEMENT),
        (&words.ties, TIE),
        (&words.definite, DEFINITE),
        (&words.new, NEW),
        (&words.numbers, NUMBER_WORD),
        (&words.cuts, CUT),
        (&words.not_names, NOT_NAME),
    ];
    for (list, bits) in grammar {
        for w in list {
            lex.add_word(w, bits);
        }
    }
    // Plural-only heads the derivation cannot see.
    for w in [
        "people",
        "men",
        "women",
        "folks",
        "persons",
        "personnel",
        "locals",
        "cadres",
    ] {
        lex.add_word(w, ANON | PLURAL);
    }
    lex
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // The lexicon is a constant of the build, covered by tests; a syntax error in it is a build
    // defect, not a user error.
    let src: Source = ron::from_str(LEXICON_RON).expect("bundled attribution lexicon is valid");
    let words: Grammar = ron::from_str(GRAMMAR_RON).expect("bundled grammar lexicon is valid");
    compile(src, words)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_have_plurals_and_phrases_are_found() {
        let lex = &*LEXICON;
        assert!(lex.is("source", class::ANON));
        assert!(lex.is("sources", class::ANON | class::PLURAL));
        assert_eq!(lex.classes("sources") & class::PLURAL, class::PLURAL);
        assert!(lex.is("spokesmen", class::TITLE));
        assert!(lex.is("authorities", class::INSTITUTION));
        assert!(lex.is("said", class::SAY));
        assert!(lex.phrases("on").iter().any(|(rest, k)| {
            *k == PhraseKind::Anonymity && rest.join(" ") == "condition of anonymity"
        }));
        assert!(
            lex.phrases("radio")
                .iter()
                .any(|(_, k)| matches!(k, PhraseKind::Outlet(_)))
        );
    }
}
