//! Whether a full stop ends a sentence: abbreviations, initials, numbers, addresses and times.

use super::lists::BULLETS;

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "gov",
    "sen", "rep", "prof", "rev", "pres", "st", "mt", "ft", "messrs", "hon", "amb", "supt",
];
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "vol", "p", "pp", "art", "fig", "ch", "sec", "para", "ref", "tel",
];
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Abbreviations that can also end a sentence; they end one only before a common sentence opener.
const FINAL_CAPABLE: &[&str] = &[
    "etc", "inc", "corp", "ltd", "co", "jr", "sr", "bros", "approx", "est", "dept", "govt",
];
const NEVER_FINAL: &[&str] = &["vs", "v", "cf", "viz", "ca", "approx", "e.g", "i.e"];
/// Endings of web addresses written without `www.` or a scheme ("example.org. Please …").
const DOMAINS: &[&str] = &[
    "com", "org", "net", "int", "gov", "edu", "info", "io", "kr", "kp", "ru", "cn", "jp", "ua",
    "uk", "de", "fr",
];
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Meanwhile",
    "According",
    "Some",
    "Many",
    "Most",
    "There",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "Because",
    "So",
    "Yet",
    "Still",
    "Also",
    "Officials",
    "Sources",
    "Residents",
    "As",
    "For",
    "Such",
    "Other",
    "Another",
    "What",
    "Why",
    "How",
    "One",
];

/// The fast path of [`is_boundary`]: a word that none of its special cases can apply to.
fn plain_word_ends(word: &str, lower: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 2
        && bytes.iter().all(u8::is_ascii_alphabetic)
        && (lower.len() > LONGEST_ABBREVIATION || !is_abbreviation(lower))
}

/// The longest entry of the abbreviation lists, in bytes.
const LONGEST_ABBREVIATION: usize = 6;

fn is_abbreviation(lower: &str) -> bool {
    [TITLES, BEFORE_NUMBERS, MONTHS, FINAL_CAPABLE, NEVER_FINAL]
        .iter()
        .any(|list| list.contains(&lower))
}

/// Decides whether the terminator run `term..run_end` ends the sentence that began at
/// `sentence_start`, given that the next token starts at `next`.
pub(super) fn is_boundary(
    text: &str,
    sentence_start: usize,
    term: usize,
    run_end: usize,
    next: usize,
) -> bool {
    let next_char = text[next..].chars().next().unwrap_or(' ');
    if next_char.is_lowercase() {
        return false;
    }
    if run_end - term != 1 || text.as_bytes()[term] != b'.' {
        return true;
    }
    let word = word_before(text, sentence_start, term);
    let next_is_digit = next_char.is_ascii_digit();
    if word.is_empty() {
        // "N°. 1026": the number sign, not a sentence end.
        let number_sign = text[sentence_start..term].ends_with(['°', 'º'])
            && text[sentence_start..term]
                .trim_end_matches(['°', 'º'])
                .ends_with(['N', 'n']);
        return !(number_sign && next_is_digit);
    }
    let mut buf = [0u8; 32];
    let lower = ascii_lower(word, &mut buf);
    // Most stops follow an ordinary word ("said."): no inner dot, not a number, longer than a
    // letter and no abbreviation. Such a stop ends the sentence whatever the rest would find.
    if plain_word_ends(word, lower) {
        return true;
    }
    // "1. First item", "a. first option", "• 9. The item": a list marker opening the sentence.
    let marker_at_start = text[sentence_start..term - word.len()]
        .chars()
        .all(|c| c.is_whitespace() || c == '(' || BULLETS.contains(&c));
    // "Figure 1. The shipyard …", "Table 2. Prices …": a caption's number.
    let numbered_caption = word.chars().all(|c| c.is_ascii_digit())
        && [
            "Figure", "Fig.", "Table", "Chart", "Map", "Image", "Exhibit", "Graph", "Photo",
        ]
        .iter()
        .any(|w| text[sentence_start..term - word.len()].trim_end() == *w);
    if numbered_caption {
        return false;
    }
    if marker_at_start
        && (word.chars().all(|c| c.is_ascii_digit())
            || (word.len() == 1 && word.chars().all(|c| c.is_ascii_lowercase())))
    {
        return false;
    }
    if TITLES.contains(&lower) || NEVER_FINAL.contains(&lower) {
        return false;
    }
    if next_is_digit && (BEFORE_NUMBERS.contains(&lower) || MONTHS.contains(&lower)) {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return single_capital_ends(text, sentence_start, term - word.len(), c);
    }
    let dotted = word.contains('.');
    // "1026.253.553", "127.3E", "version 1.4.2": numbers, not abbreviations.
    if dotted && word.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if is_address(text, sentence_start, term, word) {
        return true;
    }
    if lower == "a.m" || lower == "p.m" {
        // "He left at 6 p.m. Mr. Smith then …" ends a sentence; "At 5 a.m. Mr. Smith went …"
        // is a time fronting its own sentence.
        let rest = &text[next..];
        let clause_before = words_in(&text[sentence_start..term], 5) > 4;
        return starts_with_opener(rest)
            || (clause_before && (starts_with_title(rest) || starts_plain_capitalised(rest)));
    }
    if dotted || FINAL_CAPABLE.contains(&lower) || MONTHS.contains(&lower) {
        return starts_with_opener(&text[next..]);
    }
    true
}

/// A single capital letter before a full stop is an initial ("Kim J. Park") unless it is the
/// pronoun after a lowercase word ("you and I.") or a compass point after a number ("125.7° E.").
fn single_capital_ends(text: &str, floor: usize, letter_at: usize, letter: char) -> bool {
    let before = text[floor..letter_at].trim_end();
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    let previous_word_lowercase = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    (letter == 'I' && previous_word_lowercase)
        || ("NSEW".contains(letter) && (last.is_ascii_digit() || last == '°'))
}

/// `word` in ASCII lowercase, in `buf` (no allocation per candidate boundary); a word longer
/// than the buffer is no abbreviation and comes back empty.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> &'b str {
    let Some(dst) = buf.get_mut(..word.len()) else {
        return "";
    };
    dst.copy_from_slice(word.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).unwrap_or("")
}

/// The full stop ends a web or e-mail address ("…/content.html. Please", "example.org. See").
fn is_address(text: &str, floor: usize, term: usize, word: &str) -> bool {
    let token_start = text[floor..term]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(floor, |(k, c)| floor + k + c.len_utf8());
    let token = &text[token_start..term];
    // A plain word ("said", "U.S") has none of an address's marks: decided without searching.
    if memchr::memchr3(b':', b'@', b'/', token.as_bytes()).is_none() && !token.starts_with("www.") {
        return word
            .rsplit_once('.')
            .is_some_and(|(_, tld)| DOMAINS.contains(&tld) && word == word.to_lowercase());
    }
    token.contains("://")
        || token.starts_with("www.")
        || token.contains('@')
        || (token.contains('/') && token.contains('.'))
        || word
            .rsplit_once('.')
            .is_some_and(|(_, tld)| DOMAINS.contains(&tld) && word == word.to_lowercase())
}

/// The number of words in `s`, counted from its end and only up to `enough`: callers ask
/// "more than four?", and a count of the whole sentence at every "a.m." would cost its square.
fn words_in(s: &str, enough: usize) -> usize {
    s.split_whitespace().rev().take(enough).count()
}

/// How far around a stop with no space after it the token is looked for, in bytes.
const TOKEN_REACH: usize = 256;

/// "He left.She stayed." — a typo'd boundary: a word of two or more letters (not an
/// abbreviation), a full stop, then a capitalised word, with nothing that looks like an address
/// or file name ("North.According", "Matsegora.The", "Council.UN").
pub(super) fn is_missing_space_boundary(
    text: &str,
    sentence_start: usize,
    term: usize,
    run_end: usize,
    next: usize,
) -> bool {
    if run_end != next {
        return false;
    }
    // The capital after the stop first: decimals and inner dots ("3.5", "U.S.") fail it cheaply.
    let mut after = text[next..].chars();
    let (first, second) = (after.next(), after.next());
    let capitalised =
        matches!((first, second), (Some(a), Some(b)) if a.is_uppercase() && b.is_alphabetic());
    if !capitalised {
        return false;
    }
    // The token around the stop, looked for within reach only: a run of text with no space for
    // longer than that is an address, code or noise, not two words missing a space, and
    // searching it from every stop in it would cost the square of its length.
    let reach = text.floor_char_boundary(term.saturating_sub(TOKEN_REACH));
    let floor = reach.max(sentence_start);
    let token_start = match text[floor..term]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
    {
        Some((k, c)) => floor + k + c.len_utf8(),
        None if floor > sentence_start => return false,
        None => sentence_start,
    };
    let ahead = text.floor_char_boundary((next + TOKEN_REACH).min(text.len()));
    let token_end = match text[next..ahead].find(char::is_whitespace) {
        Some(k) => next + k,
        None if ahead < text.len() => return false,
        None => text.len(),
    };
    crate::model::work::step((term - token_start) + (token_end - next));
    let word = word_before(text, token_start, term);
    let plain_word = word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && word.chars().any(char::is_lowercase)
        && !is_abbreviation(&word.to_lowercase());
    if !plain_word {
        return false;
    }
    // "readme.TXT" is a file; "Council.UN" two sentences: an all-capital word after the stop
    // needs a capitalised word before it.
    let next_word_all_capitals = text[next..token_end]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .all(char::is_uppercase);
    if next_word_all_capitals && !word.starts_with(char::is_uppercase) {
        return false;
    }
    let token = &text[token_start..token_end];
    !token.contains(['@', '/', ':', '\\']) && !token.starts_with("www")
}

/// The word that ends at `term`, including inner dots ("U.S", "a.m"), without opening
/// punctuation.
fn word_before(text: &str, floor: usize, term: usize) -> &str {
    let head = &text[floor..term];
    // ASCII first: a scan over bytes, falling back to characters at the first non-ASCII byte.
    let bytes = head.as_bytes();
    let mut k = bytes.len();
    while k > 0 && (bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'.') {
        k -= 1;
    }
    crate::model::work::step(bytes.len() - k);
    if k == 0 || bytes[k - 1] < 0x80 {
        return &head[k..];
    }
    let begin = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &head[begin..]
}

/// The first word of `rest` after opening punctuation, and what follows it.
fn first_word(rest: &str) -> (&str, &str) {
    let rest = rest.trim_start_matches(['“', '"', '‘', '\'', '(', '[']);
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    rest.split_at(word_end)
}

fn starts_with_opener(rest: &str) -> bool {
    SENTENCE_OPENERS.contains(&first_word(rest).0)
}

/// A capitalised word that is not a day, a month or a time zone ("9 a.m. KST", "9 a.m.
/// Pyongyang time", "7 a.m. Monday").
fn starts_plain_capitalised(rest: &str) -> bool {
    let (word, after) = first_word(rest);
    let lower = word.to_ascii_lowercase();
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !DAYS.contains(&lower.as_str())
        && !MONTHS.iter().any(|m| lower.starts_with(m))
        // The next four bytes only: lowercasing the rest of the text here made every "a.m."
        // cost the length of the article.
        && !after
            .trim_start()
            .as_bytes()
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"time"))
}

/// "Mr. Smith", "Dr. Han": a title with its full stop.
fn starts_with_title(rest: &str) -> bool {
    let (word, after) = first_word(rest);
    after.starts_with('.') && TITLES.contains(&word.to_ascii_lowercase().as_str())
}
