//! Words of one sentence, with their byte offsets, a lowercase form for look-ups and whether
//! they stand inside a quotation.

use super::lexicon::{LEXICON, PhraseKind};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Word,
    Number,
    Comma,
    /// . ! ? … ; :
    Stop,
    OpenQuote,
    CloseQuote,
    OpenParen,
    CloseParen,
    Dash,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    pub tok: Tok,
    /// Inside a double quotation (one opened in this sentence, or before it and still open).
    pub quoted: bool,
    /// Range of the lowercase look-up form in [`Tokens::lower`].
    lower: (u32, u32),
    /// The word ends in a possessive ('s, ’s).
    pub possessive: bool,
    /// The word's lexicon classes, looked up once here for every later question.
    bits: u64,
}

/// Abbreviations whose full stop belongs to the word ("Dr.", "Oct.", "Rep.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "gov", "sen", "rep",
    "prof", "rev", "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "ltd", "co", "jr", "sr", "dept",
    "govt", "approx", "amb",
];

pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    lower: String,
}

impl<'a> Tokens<'a> {
    /// Splits `text` into tokens; `in_quote` says a quotation is already open where it starts.
    pub fn new(text: &'a str, in_quote: bool) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let mut lower = String::with_capacity(text.len());
        let mut quoted = in_quote;
        let bytes = text.as_bytes();
        let mut next = 0;
        while next < text.len() {
            let i = next;
            let c = match bytes[i] {
                b if b < 0x80 => b as char,
                _ => text[i..].chars().next().unwrap_or(' '),
            };
            next = i + c.len_utf8();
            // "Jang*": a pseudonym's asterisk is no word of its own.
            if c.is_whitespace() || c == '*' {
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                // Bytes, decoding a character only where one is not ASCII: this loop sees every
                // letter of the article.
                while let Some(&b) = bytes.get(end) {
                    let (d, len) = if b < 0x80 {
                        (b as char, 1)
                    } else {
                        let d = text[end..].chars().next().unwrap_or(' ');
                        (d, d.len_utf8())
                    };
                    if d.is_alphanumeric() {
                        end += len;
                        continue;
                    }
                    // Inner joiners: "Jong-un", "U.S", "RFE/RL", "Korea’s".
                    let joiner = matches!(d, '-' | '\'' | '’' | '.' | '&' | '/' | '‐');
                    let next_alnum = joiner && alnum_at(text, end + len);
                    if next_alnum {
                        end += len;
                        continue;
                    }
                    // "Workers' Rights": a plural possessive keeps its apostrophe.
                    if matches!(d, '\'' | '’') && text[..end].ends_with('s') && !quoted {
                        end += len;
                    }
                    break;
                }
                let word = &text[i..end];
                // "Dr." "U.S." "N." keep their stop, so that the stop is not a sentence end.
                if text[end..].starts_with('.') {
                    let single =
                        word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
                    if single
                        || word.contains('.')
                        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
                    {
                        end += 1;
                    }
                }
                next = end;
                let word = &text[i..end];
                let numeric = word.starts_with(|c: char| c.is_ascii_digit());
                let from = lower.len() as u32;
                let possessive = push_lookup_form(&mut lower, word);
                let form = &lower[from as usize..];
                toks.push(Token {
                    start: i,
                    end,
                    tok: if numeric { Tok::Number } else { Tok::Word },
                    quoted,
                    lower: (from, lower.len() as u32),
                    possessive,
                    bits: LEXICON.classes(form),
                });
                continue;
            }
            let end = i + c.len_utf8();
            let tok = match c {
                ',' => Tok::Comma,
                '.' | '!' | '?' | '…' | ';' | ':' => Tok::Stop,
                '“' | '«' => Tok::OpenQuote,
                '”' | '»' => Tok::CloseQuote,
                '"' => {
                    let before = text[..i].chars().next_back();
                    let opens = before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b));
                    if opens && !quoted {
                        Tok::OpenQuote
                    } else {
                        Tok::CloseQuote
                    }
                }
                '(' | '[' => Tok::OpenParen,
                ')' | ']' => Tok::CloseParen,
                '—' | '–' | '-' => Tok::Dash,
                _ => Tok::Other,
            };
            if tok == Tok::OpenQuote {
                quoted = true;
            }
            let from = lower.len() as u32;
            toks.push(Token {
                start: i,
                end,
                tok,
                quoted: quoted || tok == Tok::CloseQuote,
                lower: (from, from),
                possessive: false,
                bits: 0,
            });
            if tok == Tok::CloseQuote {
                quoted = false;
            }
        }
        Self { text, toks, lower }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The lowercase look-up form of token `i` ("korea’s" → "korea", "dr." → "dr").
    pub fn lower(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.lower[t.lower.0 as usize..t.lower.1 as usize])
    }

    /// The lexicon classes of token `i` (see [`super::lexicon::class`]).
    pub fn classes(&self, i: usize) -> u64 {
        self.toks.get(i).map_or(0, |t| t.bits)
    }

    /// Token `i` belongs to one of the classes `bits`.
    pub fn has(&self, i: usize, bits: u64) -> bool {
        self.classes(i) & bits != 0
    }

    /// The lexicon phrases that start at token `i`.
    pub fn phrases(&self, i: usize) -> &'static [(Vec<String>, PhraseKind)] {
        match self.toks.get(i) {
            Some(t) if t.bits & super::lexicon::class::PHRASE_START != 0 => {
                LEXICON.phrases(self.lower(i))
            }
            _ => &[],
        }
    }

    /// The token as written.
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).map(|t| t.tok)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tok(i) == Some(Tok::Word)
    }

    /// Token `i` is `word` (lowercase comparison).
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    /// The word starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).starts_with(char::is_uppercase)
    }

    pub fn quoted(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.quoted)
    }

    /// Byte range of tokens `a..b` in the sentence.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if a < b => (x.start, y.end),
            _ => (0, 0),
        }
    }

    /// The text of tokens `a..b` as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.span(a, b);
        &self.text[s..e]
    }

    /// The look-up forms of the words from `a` (a run of words ending before `b` or at the first
    /// non-word), for the gazetteer: `run(n)` is the `n`-th.
    pub fn word_run<'s>(&'s self, a: usize, b: usize) -> impl Fn(usize) -> Option<&'s str> + 's {
        move |n| (a + n < b && self.is_word(a + n)).then(|| self.lower(a + n))
    }

    /// Tokens `at..` spell `words` (lowercase, one per token).
    pub fn matches(&self, at: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.lower(at + k) == *w)
    }
}

/// An alphanumeric character starts at byte `at`.
fn alnum_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// Appends the form used for look-ups: lowercase, typographic apostrophe made plain, possessive
/// and an abbreviation's stop removed. Returns whether the word was possessive.
fn push_lookup_form(lower: &mut String, word: &str) -> bool {
    let from = lower.len();
    if word.is_ascii() {
        lower.push_str(word);
        if let Some(tail) = lower.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
    } else {
        for ch in word.chars() {
            match ch {
                '’' => lower.push('\''),
                c if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
                c => lower.extend(c.to_lowercase()),
            }
        }
    }
    if lower.ends_with('.') || lower.ends_with("s'") {
        lower.pop();
    }
    let possessive = lower.len() - from > 2 && lower.ends_with("'s");
    if possessive {
        lower.truncate(lower.len() - 2);
    }
    possessive
}

/// A month's name or its abbreviation, in lookup form ("oct" for "Oct.").
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// A day of the week, in lookup form.
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_joiners_abbreviations_and_quotes() {
        let t = Tokens::new(
            "“Rice rose,” said Dr. Kim Jong-un of the U.S. Army’s unit.",
            false,
        );
        let words: Vec<&str> = (0..t.len()).map(|i| t.word(i)).collect();
        assert_eq!(
            words,
            [
                "“", "Rice", "rose", ",", "”", "said", "Dr.", "Kim", "Jong-un", "of", "the",
                "U.S.", "Army’s", "unit", "."
            ]
        );
        assert!(t.quoted(1) && t.quoted(4) && !t.quoted(5));
        assert_eq!(t.lower(12), "army");
        assert!(t.toks[12].possessive);
        assert_eq!(t.lower(6), "dr");
    }
}
