//! Find in the article (Ctrl+F): every match of the analyst's words in the text and in the
//! notes, in reading order, and which one is current. Matching ignores case; the words are taken
//! literally.

use crate::model::{Session, Span};

/// Beyond this many matches the count says "more than"; the first ones can still be stepped.
pub const MAX_HITS: usize = 100_000;

/// One match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub sentence: usize,
    /// Byte range in the article text; `None` for a match in the sentence's note.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    pub hits: Vec<Hit>,
    /// The match shown, an index into `hits`.
    pub current: Option<usize>,
    /// More than [`MAX_HITS`] matched.
    pub truncated: bool,
    /// The document revision the matches were found in.
    pub revision: u64,
}

impl Find {
    /// All matches of `query` in `session`; the current one is the first at or after `from`
    /// (a sentence), wrapping around.
    pub fn new(session: &Session, query: &str, from: usize, revision: u64) -> Self {
        let (hits, truncated) = search(session, query);
        let current =
            (!hits.is_empty()).then(|| hits.iter().position(|h| h.sentence >= from).unwrap_or(0));
        Find {
            query: query.to_string(),
            hits,
            current,
            truncated,
            revision,
        }
    }

    /// Moves to the next match (`forward`) or the previous one, wrapping; the match now current.
    pub fn step(&mut self, forward: bool) -> Option<Hit> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        let i = match self.current {
            None => 0,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        self.current = Some(i);
        self.hits.get(i).copied()
    }

    pub fn current_hit(&self) -> Option<Hit> {
        self.current.and_then(|i| self.hits.get(i).copied())
    }

    /// "3 of 17", "No matches", "1 of more than 100000".
    pub fn status(&self) -> String {
        match (self.current, self.hits.len()) {
            (_, 0) if self.query.is_empty() => String::new(),
            (_, 0) => "No matches".to_string(),
            (current, n) => {
                let more = if self.truncated { "more than " } else { "" };
                format!("{} of {more}{n}", current.map_or(0, |i| i + 1))
            }
        }
    }
}

fn search(session: &Session, query: &str) -> (Vec<Hit>, bool) {
    if query.is_empty() {
        return (Vec::new(), false);
    }
    let Ok(pattern) = regex::RegexBuilder::new(&regex::escape(query))
        .case_insensitive(true)
        .build()
    else {
        return (Vec::new(), false);
    };
    let text = &session.article().text;
    let sentences = session.sentences();
    let mut hits: Vec<Hit> = Vec::new();
    let mut truncated = false;
    for m in pattern.find_iter(text) {
        if hits.len() == MAX_HITS {
            truncated = true;
            break;
        }
        // The sentence the match starts in (or the last one before it, in a gap between them).
        let sentence = sentences
            .partition_point(|s| s.start <= m.start())
            .saturating_sub(1);
        hits.push(Hit {
            sentence,
            span: Some(Span::new(m.start(), m.end())),
        });
    }
    let notes: Vec<Hit> = session
        .annotations()
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.note.is_empty() && pattern.is_match(&a.note))
        .map(|(sentence, _)| Hit {
            sentence,
            span: None,
        })
        .collect();
    if !notes.is_empty() {
        hits.extend(notes);
        // Reading order; in a sentence, its text before its note.
        hits.sort_by_key(|h| (h.sentence, h.span.is_none(), h.span.map(|s| s.start)));
    }
    (hits, truncated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Command, Taxonomy};

    fn session(text: &str) -> Session {
        Session::new(Article::new("t", None, text), Taxonomy::default_preset())
    }

    #[test]
    fn finds_every_match_ignoring_case_with_notes_in_reading_order() {
        let mut s = session("Rice rose in Hyesan. Prices held.\n\nHYESAN traders said rice fell.");
        s.apply(Command::SetNote {
            sentence: 1,
            note: "ask about hyesan".into(),
        })
        .unwrap();
        let mut f = Find::new(&s, "hyesan", 0, 0);
        let sentences: Vec<usize> = f.hits.iter().map(|h| h.sentence).collect();
        assert_eq!(sentences, [0, 1, 2]);
        assert_eq!(f.hits[1].span, None, "the note's match");
        assert_eq!(f.status(), "1 of 3");
        assert_eq!(f.step(true).map(|h| h.sentence), Some(1));
        assert_eq!(f.step(true).map(|h| h.sentence), Some(2));
        assert_eq!(f.step(true).map(|h| h.sentence), Some(0), "wraps around");
        assert_eq!(f.step(false).map(|h| h.sentence), Some(2), "and back");
        // The current match starts at the selection ("Prices" holds "rice": words match inside
        // words, as in any editor's find).
        assert_eq!(
            Find::new(&s, "rice", 1, 0)
                .current_hit()
                .map(|h| h.sentence),
            Some(1)
        );
        assert_eq!(Find::new(&s, "nothing", 0, 0).status(), "No matches");
        // Taken literally, not as a pattern.
        assert_eq!(Find::new(&s, "r.se", 0, 0).hits.len(), 0);
    }

    #[test]
    fn a_flood_of_matches_is_capped_and_says_so() {
        let text = "a ".repeat(MAX_HITS + 10);
        let f = Find::new(&session(&text), "a", 0, 0);
        assert_eq!(f.hits.len(), MAX_HITS);
        assert!(f.status().contains("more than"), "{}", f.status());
    }
}
