//! Reading one source phrase: its head, number and determiner, the name or title in it, and
//! the modifiers after the head (place, affiliation, anonymity, the outlet it spoke to).

use super::*;

pub(super) fn read(t: &Tokens, a: usize, b: usize, ctx: &Context) -> Option<Phrase> {
    let (mut a, b) = (a, b.min(t.len()));
    while a < b
        && (t.is(a, "and") || t.is(a, "but") || !t.is_word(a) && t.tok(a) != Some(Tok::Number))
    {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let mut p = Phrase {
        tokens: (a, b),
        head: Head::Person,
        head_word: String::new(),
        plural: false,
        definite: false,
        new: false,
        ordinal: None,
        anonymous: false,
        place: None,
        name: None,
        expert_role: false,
        official_role: false,
        state_media: false,
        modifiers: String::new(),
        part_of: false,
        affiliated: false,
        origin_only: false,
        words: String::new(),
        written: String::new(),
    };
    // "one of them", "two of the people familiar with the matter": a part of a group.
    if (t.has(a, class::NUMBER_WORD) || t.is(a, "one") || t.tok(a) == Some(Tok::Number))
        && t.is(a + 1, "of")
    {
        let single = t.is(a, "one");
        let pronoun = matches!(t.lower(a + 2), "them" | "those" | "these");
        let inner = if pronoun && (a + 3 >= b || t.tok(a + 3) == Some(Tok::Comma)) {
            let mut g = p.clone();
            g.head = Head::Pronoun(Pronoun::They);
            // "One of them, a shipping executive in Vladivostok, said": the apposition says
            // where the member is.
            if a + 4 < b
                && let Some(apposition) = classify(t, a + 4, b, ctx)
            {
                g.place = apposition.place;
                g.words = apposition.words;
                // "One of them, a 38-year-old man …": the member's own head noun.
                if !matches!(apposition.head, Head::Pronoun(_) | Head::Person) {
                    g.head = apposition.head;
                    g.head_word = apposition.head_word;
                }
            }
            Some(g)
        } else {
            classify(t, a + 2, b, ctx)
        };
        let mut g = inner?;
        g.tokens = (a, b);
        g.plural = !single;
        g.part_of = true;
        g.definite = true;
        g.new = false;
        return Some(g);
    }
    // "those interviewed", "those we spoke to": the people the reporters talked with.
    if t.is(a, "those")
        && matches!(
            t.lower(a + 1),
            "interviewed" | "questioned" | "surveyed" | "polled" | "contacted" | "we"
        )
    {
        set_head(&mut p, class::ANON | class::PLURAL, "interviewees");
        p.plural = true;
        p.new = true;
        return Some(p);
    }
    // "A group of workers who returned …", "a handful of traders": the people in the group.
    if matches!(t.lower(a), "a" | "one")
        && matches!(t.lower(a + 1), "group" | "handful" | "couple" | "number")
        && t.is(a + 2, "of")
        && let Some(mut g) = classify(t, a + 3, b, ctx)
        && g.head == Head::Anonymous
    {
        g.tokens = (a, b);
        g.plural = true;
        g.new = true;
        g.definite = false;
        return Some(g);
    }
    // "This commentary argues", "our survey found": the publication speaking of itself.
    // "our correspondent in Dandong", "this reporter": the publisher's own people too.
    let own_people = |k: usize| {
        matches!(
            t.lower(k),
            "reporter"
                | "reporters"
                | "correspondent"
                | "correspondents"
                | "journalist"
                | "journalists"
                | "team"
                | "staff"
                | "newspaper"
                | "outlet"
                | "publication"
        )
    };
    let own_head = (a + 1..b.min(a + 4)).find(|&k| t.has(k, class::PUBLICATION) || own_people(k));
    if matches!(t.lower(a), "this" | "our")
        && let Some(k) = own_head
        && (a + 1..if own_people(k) { k + 1 } else { b }).all(|j| !t.capitalised(j))
    {
        p.head = Head::Publisher;
        p.head_word = t.lower(b - 1).to_string();
        return Some(p);
    }
    if b - a == 1
        && let Some(pr) = pronoun(t.lower(a))
    {
        p.head = Head::Pronoun(pr);
        p.plural = pr == Pronoun::They || pr == Pronoun::We;
        return Some(p);
    }
    // The pre-head part ends at the first modifier word or comma.
    let cut = (a + 1..b)
        .find(|&i| {
            t.tok(i) == Some(Tok::Comma)
                || t.tok(i) == Some(Tok::OpenParen)
                || (t.has(i, class::CUT) && !t.capitalised(i) && t.tok(i - 1) != Some(Tok::Dash))
        })
        .unwrap_or(b);
    p.definite = t.has(a, class::DEFINITE);
    // "OHR's source", "Daily NK's reporting partner": a possessive determines the phrase.
    if !p.definite
        && !t.has(a, class::NEW)
        && (a..cut.min(a + 4)).any(|k| t.toks[k].possessive && t.capitalised(k))
        && (a..cut).any(|k| t.has(k, class::ANON))
    {
        p.definite = true;
    }
    p.new = t.has(a, class::NEW);
    p.plural = t.has(a, class::NUMBER_WORD) || t.tok(a) == Some(Tok::Number);
    let mut head_at: Option<usize> = None;
    let mut publisher_mod = false;
    let mut i = a;
    while i < cut {
        let w = t.lower(i);
        if let Some(&(_, n)) = ORDINALS.iter().find(|(o, _)| *o == w) {
            p.ordinal = Some(n);
        }
        if t.has(i, class::NUMBER_WORD) {
            p.plural = true;
        }
        if t.has(i, class::HEDGE) || w == "unnamed" || w == "anonymous" || w == "unidentified" {
            p.anonymous |= w != "reportedly";
        }
        // Publisher, outlets and states first: they are names of several words.
        if is_publisher_at(t, i, ctx).is_some() {
            let n = is_publisher_at(t, i, ctx).unwrap_or(1);
            head_at = Some(i);
            publisher_mod = true;
            p.head = Head::Publisher;
            p.head_word = t.slice(i, i + n).to_string();
            i += n;
            continue;
        }
        if let Some((n, kind)) = name_at(t, i) {
            head_at = Some(i);
            match kind {
                PhraseKind::Outlet(o) => {
                    p.head = Head::Outlet(Some(o));
                    p.state_media = LEXICON.outlets[o].state_media;
                }
                _ => p.head = Head::State,
            }
            p.head_word = t.lower(i).to_string();
            // "Kremlin spokesperson", "KCNA reporter": the name modifies a head that follows.
            push_word(&mut p.modifiers, t.lower(i));
            i += n;
            continue;
        }
        // Multi-word heads: "think tank", "white house", "news agency", "reporting partner".
        if let Some((n, bits)) = class_phrase_at(t, i) {
            head_at = Some(i);
            set_head(&mut p, bits, &t.slice(i, i + n).to_lowercase());
            i += n;
            continue;
        }
        let bits = t.classes(i);
        // A capitalised person word inside a name ("The Pacific Courier") is part of the name;
        // a capitalised institution word ("Korea Development Institute") is its head.
        // "Primorye Governor Oleg Kozhemyako": a title before a name heads the phrase all the
        // same.
        let title_of_name = bits & class::TITLE != 0 && is_name_word(t, i + 1) && i + 1 < cut;
        let inside_name = t.capitalised(i)
            && bits & (class::INSTITUTION | class::EXPERT_INSTITUTION | class::DOCUMENT) == 0
            && i > a
            && is_name_word(t, i - 1)
            && !title_of_name;
        // "the BBC's Korean service", "NHK's Seoul bureau": a part of an outlet is the outlet.
        let part_of_outlet = matches!(p.head, Head::Outlet(_))
            && bits & class::INSTITUTION != 0
            && bits & class::PERSON_HEAD == 0;
        if bits & class::HEAD != 0 && !inside_name && !part_of_outlet {
            // "the ministry source": an earlier head word modifies the last one.
            if head_at.is_some() && !p.head_word.is_empty() {
                let before = std::mem::take(&mut p.head_word);
                push_word(&mut p.modifiers, &before);
            }
            head_at = Some(i);
            set_head(&mut p, bits, w);
        } else if t.is_word(i) && !t.has(i, class::DEFINITE | class::NEW) {
            push_word(&mut p.modifiers, w);
        }
        i += 1;
    }
    // "a Pacific Courier reporter", "according to Korea Lens analysis": the publisher's own.
    if publisher_mod && matches!(p.head, Head::Media | Head::Document) {
        p.head = Head::Publisher;
    }
    // A name after the head or without one: "spokesperson Dmitry Peskov", "Kim Ji-hoon".
    let name_start = head_at.map_or(a, |h| h + 1);
    let name_words: Vec<usize> = (name_start..cut).filter(|&k| is_name_word(t, k)).collect();
    let named = !name_words.is_empty()
        && name_words.windows(2).all(|w| w[1] == w[0] + 1)
        && name_words.last() == Some(&(cut - 1))
        && !matches!(p.head, Head::Outlet(_) | Head::Publisher)
        && !(name_words.len() == 1
            && head_at.is_some()
            && !matches!(p.head, Head::Title | Head::Official))
        && GAZETTEER
            .longest_with(t.word_run(name_words[0], cut), ctx.edition)
            .is_none_or(|(n, _)| n < name_words.len());
    // "the local news site Ussuri Vestnik", "the Tokyo-based Asia Maritime Review": an outlet.
    let known_outlet = !name_words.is_empty() && {
        let k: String = name_words
            .iter()
            .map(|&w| crate::model::suggest::places::key(t.lower(w)))
            .collect();
        ctx.outlets.contains(&k) || ctx.publisher.contains(&k)
    };
    let outlet_name = !name_words.is_empty()
        && name_words.last() == Some(&(cut - 1))
        && (p.head == Head::Media || t.has(cut - 1, class::OUTLET_WORD) || known_outlet);
    if outlet_name && !matches!(p.head, Head::Outlet(_) | Head::Publisher | Head::Anonymous) {
        p.head = Head::Outlet(None);
        p.name = Some(t.slice(name_words[0], cut).to_string());
        p.head_word = t.lower(cut - 1).to_string();
    } else if named {
        let (s, e) = (name_words[0], cut);
        if matches!(p.head, Head::Title | Head::Official) {
            p.official_role = true;
        }
        if p.head == Head::Expert {
            p.expert_role = true;
        }
        p.name = Some(t.slice(s, e).to_string());
        p.head = Head::Person;
        p.plural = false;
        p.anonymous |= pseudonym(t, e, b);
    } else if head_at.is_none() {
        // Capitalised words that are not a known name: a person only if they look like one.
        let words: Vec<usize> = (a..cut).filter(|&k| is_name_word(t, k)).collect();
        let lead = usize::from(p.definite);
        if words.is_empty() || words.len() + lead != cut - a || words.len() > 5 {
            return None;
        }
        let k: String = words
            .iter()
            .map(|&w| crate::model::suggest::places::key(t.lower(w)))
            .collect();
        if t.has(cut - 1, class::OUTLET_WORD) || ctx.outlets.contains(&k) {
            p.head = Head::Outlet(None);
            p.head_word = t.lower(cut - 1).to_string();
            p.name = Some(t.slice(words[0], cut).to_string());
            modifiers_after(t, cut, b, &mut p, ctx);
            return Some(p);
        }
        if GAZETTEER
            .longest_with(t.word_run(a, cut), ctx.edition)
            .is_some_and(|(n, _)| n == cut - a)
        {
            p.head = Head::State;
            p.head_word = t.lower(a).to_string();
        } else {
            p.name = Some(t.slice(a, cut).to_string());
            p.anonymous |= pseudonym(t, cut, b);
        }
    }
    if p.definite && p.head == Head::Person && p.name.is_none() {
        return None;
    }
    // "the Korea Development Institute", "Seoul National University": an expert body by name.
    if matches!(p.head, Head::Person)
        && p.name.as_deref().is_some_and(|n| {
            let l = n.to_lowercase();
            [
                "institute",
                "university",
                "center",
                "centre",
                "academy",
                "foundation",
            ]
            .iter()
            .any(|w| l.ends_with(w))
        })
    {
        p.head = Head::ExpertBody;
        p.name = None;
    }
    // "a media report", "local media": a report by the press is other media, not a document.
    if p.head == Head::Document
        && p.modifiers
            .split(' ')
            .any(|m| matches!(m, "media" | "press" | "news" | "u.s.-based" | "state-run"))
    {
        p.head = Head::Media;
    }
    modifiers_after(t, cut, b, &mut p, ctx);
    // "a Hyesan-based source", "the Vladivostok agent": a place before the head.
    if p.place.is_none()
        && matches!(p.head, Head::Anonymous | Head::Official)
        && let Some(h) = head_at
    {
        for k in a..h {
            let w = t.lower(k);
            let base = w.strip_suffix("-based").unwrap_or(w);
            if (t.capitalised(k) || base != w)
                && let Some(found) = GAZETTEER.lookup(base, ctx.edition)
                && !matches!(found, Found::Country(_) if base == w)
            {
                let written = t.word(k);
                let written = written
                    .strip_suffix("-based")
                    .unwrap_or(written)
                    .to_string();
                p.place = Some(Whereabouts::Found(found, written));
                break;
            }
        }
        // "a Russian site foreman", "a Chinese trader": with nothing more said, the
        // nationality places the source — except those who left it (defectors, exiles).
        let left =
            left_home(&p.head_word) || matches!(p.head_word.as_str(), "diplomat" | "diplomats");
        if p.place.is_none() && !left {
            p.place = (a..h).find_map(|k| demonym(t, k));
        }
    }
    Some(p)
}

/// "Russian", "Chinese", "North Korean" before a head: the country, as a place.
fn demonym(t: &Tokens, k: usize) -> Option<Whereabouts> {
    if !t.capitalised(k) {
        return None;
    }
    let code = match t.lower(k) {
        "russian" => "RU",
        "chinese" => "CN",
        "korean" if t.is(k.wrapping_sub(1), "north") => "KP",
        _ => return None,
    };
    let written = if code == "KP" {
        t.slice(k - 1, k + 1)
    } else {
        t.word(k)
    };
    Some(Whereabouts::Found(
        Found::Country(code.to_string()),
        written.to_string(),
    ))
}

pub(super) fn set_head(p: &mut Phrase, bits: u64, word: &str) {
    use class::*;
    // "a media report", "a news report": the press before a report makes it other media.
    let press_before = p.head == Head::Media && bits & DOCUMENT != 0 && bits & MEDIA != 0;
    if press_before {
        p.head_word = word.to_string();
        return;
    }
    p.head_word.clear();
    p.head_word.push_str(word);
    p.plural |= bits & PLURAL != 0;
    p.head = if bits & LAWMAKER != 0 {
        Head::Lawmaker
    } else if bits & OFFICIAL != 0 {
        Head::Official
    } else if bits & TITLE != 0 {
        Head::Title
    } else if bits & ANON != 0 {
        Head::Anonymous
    } else if bits & EXPERT != 0 {
        Head::Expert
    } else if bits & EXPERT_INSTITUTION != 0 {
        Head::ExpertBody
    } else if bits & DOCUMENT != 0 && bits & MEDIA != 0 {
        // "report": a document unless a media word says otherwise (checked later).
        Head::Document
    } else if bits & INSTITUTION != 0 {
        Head::Institution
    } else if bits & MEDIA != 0 {
        Head::Media
    } else if bits & DOCUMENT != 0 {
        Head::Document
    } else {
        p.head
    };
    if p.head == Head::Institution && word == "authorities" {
        p.plural = false;
    }
}
