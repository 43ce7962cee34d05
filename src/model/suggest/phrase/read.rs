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
    if p.place.is_none() && matches!(p.head, Head::Anonymous | Head::Official) {
        if let Some(h) = head_at {
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
            let left = matches!(
                p.head_word.as_str(),
                "defector"
                    | "defectors"
                    | "refugee"
                    | "refugees"
                    | "escapee"
                    | "escapees"
                    | "exile"
                    | "exiles"
                    | "deportee"
                    | "returnee"
                    | "prisoner"
                    | "captive"
                    | "pow"
                    | "deserter"
                    | "diplomat"
                    | "diplomats"
            );
            if p.place.is_none() && !left {
                p.place = (a..h).find_map(|k| demonym(t, k));
            }
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

/// Reads what follows the pre-head part: a place ("in Yanggang Province", "based in Dandong"),
/// an affiliation ("close to the Kremlin"), anonymity ("who asked not to be named") and a role
/// after a name ("Kim Ji-hoon, a researcher at …").
pub(super) fn modifiers_after(t: &Tokens, cut: usize, b: usize, p: &mut Phrase, ctx: &Context) {
    let mut i = cut;
    // Without a role noun, the institution a person belongs to says expert (an institute, a
    // university) or official (a ministry, a council).
    let mut institution_role: Option<bool> = None;
    // "who worked in Moscow Oblast until early 2024", "who fled Hyesan": a place the source
    // has left does not place them.
    let left = (cut..b).any(|k| {
        matches!(
            t.lower(k),
            "until" | "formerly" | "former" | "fled" | "left" | "escaped" | "defected" | "once"
        )
    });
    while i < b {
        let w = t.lower(i);
        if let Some((rest, kind)) = t.phrases(i).iter().find(|(rest, _)| {
            rest.iter()
                .enumerate()
                .all(|(k, r)| t.lower(i + 1 + k) == r)
        }) {
            match kind {
                PhraseKind::Anonymity => p.anonymous = true,
                PhraseKind::Affiliation => {
                    p.affiliated = true;
                    // "close to the Kremlin": who, not where; skip the affiliation's object.
                    i += rest.len() + 1;
                    while i < b && t.tok(i) != Some(Tok::Comma) && !t.has(i, class::CUT) {
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            }
        }
        // "Photos published by the Rodong Sinmun": a document another outlet put out is that
        // outlet's report.
        // "a report by Russia's Kommersant newspaper" too.
        let published_by = matches!(
            w,
            "published" | "released" | "carried" | "aired" | "broadcast" | "shown" | "run"
        ) && t.is(i + 1, "by");
        let report_by =
            w == "by" && i == cut && matches!(p.head_word.as_str(), "report" | "reports");
        if p.head == Head::Document && (published_by || report_by) {
            let mut from = if report_by { i + 1 } else { i + 2 };
            if t.is(from, "the") {
                from += 1;
            }
            // "Russia's Kommersant": past a country's possessive.
            if t.toks.get(from).is_some_and(|k| k.possessive) && t.is_word(from + 1) {
                from += 1;
            }
            if let Some((_, PhraseKind::Outlet(o))) = name_at(t, from) {
                p.head = Head::Outlet(Some(o));
                p.state_media = LEXICON.outlets[o].state_media;
            } else if report_by
                && (from..b.min(from + 5)).any(|k| t.has(k, class::MEDIA | class::OUTLET_WORD))
            {
                p.head = Head::Media;
            }
        }
        // "An analysis of customs data by Harbor Daily found": the publisher's own work; a
        // document "obtained by" or "reviewed by" the publisher stays a document.
        if w == "by"
            && matches!(p.head, Head::Document | Head::Media)
            && i > 0
            && !t.has(i - 1, class::VERB | class::CUT)
            && !t.lower(i - 1).ends_with("ed")
        {
            let from = if t.is(i + 1, "the") { i + 2 } else { i + 1 };
            if is_publisher_at(t, from, ctx).is_some() {
                p.head = Head::Publisher;
            }
        }
        // "the unit's spokesperson, Colonel Yuri Ignat, told …": the name in apposition.
        if t.tok(i) == Some(Tok::Comma)
            && matches!(p.head, Head::Title | Head::Official)
            && p.name.is_none()
        {
            let end = (i + 1..b)
                .find(|&k| t.tok(k) == Some(Tok::Comma))
                .unwrap_or(b);
            let names = (i + 1..end).filter(|&k| is_name_word(t, k)).count();
            let titles = (i + 1..end).filter(|&k| t.has(k, class::TITLE)).count();
            if names >= 2 && names + titles == end - i - 1 {
                p.name = Some(t.slice(i + 1, end).to_string());
                p.official_role = true;
                p.head = Head::Person;
                i = end;
                continue;
            }
        }
        if matches!(
            w,
            "in" | "inside" | "from" | "near" | "at" | "of" | "within" | "across"
        ) && p.place.is_none()
            && !left
        {
            if let Some(place) = place_after(t, i + 1, b, ctx) {
                p.place = Some(place);
            }
        }
        // A role after a name: ", a researcher at …", ", the ministry's spokesperson"; the
        // first role word decides ("the director of the college" is no expert).
        if p.head == Head::Person && !p.expert_role && !p.official_role {
            let bits = t.classes(i);
            if bits & class::EXPERT != 0 {
                p.expert_role = true;
            } else if bits & (class::TITLE | class::OFFICIAL | class::LAWMAKER) != 0 {
                p.official_role = true;
            } else if bits & class::EXPERT_INSTITUTION != 0 {
                institution_role = institution_role.or(Some(true));
            } else if bits & class::INSTITUTION != 0 {
                institution_role = institution_role.or(Some(false));
            }
        }
        i += 1;
    }
    if p.head == Head::Person && !p.expert_role && !p.official_role {
        match institution_role {
            Some(true) => p.expert_role = true,
            Some(false) => p.official_role = true,
            None => {}
        }
    }
}

/// The place named at `i` ("Yanggang Province", "China’s Liaoning Province", "the country").
pub(super) fn place_after(t: &Tokens, i: usize, b: usize, ctx: &Context) -> Option<Whereabouts> {
    let mut k = i;
    let mut contextual = None;
    if t.is(k, "the") {
        let next = t.lower(k + 1);
        if matches!(
            next,
            "country" | "same" | "region" | "area" | "city" | "province" | "county" | "border"
        ) {
            contextual = Some(t.slice(k, (k + 3).min(b)).to_string());
        }
        k += 1;
    }
    let mut best: Option<Whereabouts> = None;
    let end = (k + 7).min(b);
    let mut j = k;
    while j < end {
        if t.tok(j) == Some(Tok::Comma) || t.lower(j) == "who" {
            break;
        }
        if (t.capitalised(j) || j == k && t.is(j, "the"))
            && let Some((n, found)) = GAZETTEER.longest_with(t.word_run(j, end), ctx.edition)
        {
            let written = t.slice(j, j + n).to_string();
            let specific = matches!(found, Found::Place(_) | Found::Ambiguous(_));
            let better = match &best {
                None => true,
                Some(Whereabouts::Found(Found::Country(_), _)) => specific,
                _ => false,
            };
            if better {
                best = Some(Whereabouts::Found(found, written));
            }
            // "China’s Liaoning Province": a country's possessive, then the place itself.
            if t.toks[j + n - 1].possessive {
                j += n;
                continue;
            }
            if specific {
                break;
            }
            j += n;
            continue;
        }
        j += 1;
    }
    if best.is_some() {
        return best;
    }
    if let Some(c) = contextual {
        return Some(Whereabouts::Contextual(c));
    }
    // Capitalised words the gazetteer does not know: a place only if nothing else explains
    // them (an institution is an affiliation: "in the Labor Ministry").
    let caps: Vec<usize> = (k..end).take_while(|&j| t.capitalised(j)).collect();
    if !caps.is_empty() && caps.iter().all(|&j| t.classes(j) & class::HEAD == 0) {
        return Some(Whereabouts::Unknown(
            t.slice(caps[0], caps[caps.len() - 1] + 1).to_string(),
        ));
    }
    None
}

/// "Jang*", "Ivan (his name has been changed)", "Kim, a pseudonym": a name given to hide the
/// source, who stays anonymous.
fn pseudonym(t: &Tokens, from: usize, b: usize) -> bool {
    let end = b.min(from + 12).min(t.len());
    // The tokenizer drops the asterisk: look right after the name's words.
    if (from.saturating_sub(3)..from).any(|k| {
        t.toks
            .get(k)
            .is_some_and(|tok| t.text[tok.end..].starts_with('*'))
    }) {
        return true;
    }
    (from..end).any(|k| {
        let w = t.lower(k);
        matches!(w, "pseudonym" | "pseudonyms" | "alias")
            || (w == "changed"
                && (k.saturating_sub(5)..k).any(|j| matches!(t.lower(j), "name" | "names")))
            || (w == "real"
                && t.matches(k + 1, &["name"])
                && (k.saturating_sub(3)..k).any(|j| t.is(j, "not")))
    })
}
