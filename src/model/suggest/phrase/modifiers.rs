//! What follows a source phrase's head: its place, affiliation, anonymity, a name or role in
//! apposition, and the outlet a document came from.

use super::*;
use crate::model::suggest::tokens::{is_month, is_weekday};

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
    // "A former construction worker …, who spent seven months in Pyongyang": the same.
    let left = left_home(&p.head_word)
        || (p.tokens.0..b).any(|k| {
            matches!(
                t.lower(k),
                "until"
                    | "formerly"
                    | "former"
                    | "fled"
                    | "left"
                    | "escaped"
                    | "defected"
                    | "once"
                    | "spent"
            )
        });
    p.origin_only |= left;
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
        // "a report in the Asahi Shimbun": the newspaper's report, as "a report by" is.
        let report_by = matches!(w, "by" | "in")
            && i == cut
            && matches!(
                p.head_word.as_str(),
                "report" | "reports" | "article" | "editorial"
            );
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
            && let Some(place) = place_after(t, i + 1, b, ctx)
        {
            p.place = Some(place);
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
    // "who returned in March": a month or a day is a time, not a place.
    if !caps.is_empty()
        && !is_month(t.lower(caps[0]))
        && !is_weekday(t.lower(caps[0]))
        && !matches!(t.lower(caps[0]), "spring" | "summer" | "autumn" | "winter")
        && caps.iter().all(|&j| t.classes(j) & class::HEAD == 0)
    {
        return Some(Whereabouts::Unknown(
            t.slice(caps[0], caps[caps.len() - 1] + 1).to_string(),
        ));
    }
    None
}

/// "Jang*", "Ivan (his name has been changed)", "Kim, a pseudonym": a name given to hide the
/// source, who stays anonymous.
pub(super) fn pseudonym(t: &Tokens, from: usize, b: usize) -> bool {
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
