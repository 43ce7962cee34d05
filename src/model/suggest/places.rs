//! The gazetteer (`assets/places/`): which country a named place lies in, so that "a source in
//! Hyesan", "a trader in Dandong" and "a resident of North Hamkyung Province" land on the right
//! label. Every row carries the edition that added it; a review made with an earlier edition
//! keeps seeing only the places it was made with, until the analyst updates its labels.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const PLACES_TSV: &str = include_str!("../../../assets/places/places.tsv");
const PHRASES_TSV: &str = include_str!("../../../assets/places/phrases.tsv");

/// The newest edition of the bundled gazetteer.
pub const EDITION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The press spelling: "Ryanggang Province", "Hyesan", "Primorsky Krai".
    pub name: String,
    /// ISO 3166 code: KP, KR, CN, RU, UA, …
    pub country: String,
    pub parent: String,
    since: u32,
}

/// What a name refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Found {
    /// A place of the gazetteer (index into [`Gazetteer::places`]).
    Place(usize),
    /// A country-level phrase ("the North", "the Russian Far East"): the country's code.
    Country(String),
    /// A name used in several countries ("Goseong", "Cheorwon"): their codes.
    Ambiguous(Vec<String>),
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    /// Keys of the first word of every name: a cheap test before longer look-ups.
    first_words: rustc_hash::FxHashSet<String>,
    /// Normalized name → (place index or country code, edition that added the name).
    keys: FxHashMap<String, Vec<(Entry, u32)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Place(usize),
    Country(String),
}

/// The English name of a country code, as labels' locations spell it.
pub fn country_name(code: &str) -> &str {
    match code {
        "KP" => "North Korea",
        "KR" => "South Korea",
        "CN" => "China",
        "RU" => "Russia",
        "UA" => "Ukraine",
        "JP" => "Japan",
        "MN" => "Mongolia",
        "US" => "the United States",
        "TH" => "Thailand",
        "LA" => "Laos",
        "VN" => "Vietnam",
        "KH" => "Cambodia",
        other => other,
    }
}

/// The look-up key of a name: lowercase, without diacritics, apostrophes, hyphens or spaces, so
/// that "P'yŏngan-bukto", "Pyongan bukto" and "Pyonganbukto" meet.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_key(&mut out, name);
    out
}

thread_local! {
    /// A buffer for look-up keys: building one per look-up would allocate on every word.
    static KEY_BUFFER: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(64));
}

/// Runs `f` with an empty reusable key buffer.
pub fn with_key_buffer<R>(f: impl FnOnce(&mut String) -> R) -> R {
    KEY_BUFFER.with(|b| match b.try_borrow_mut() {
        Ok(mut k) => {
            k.clear();
            f(&mut k)
        }
        // Only a nested use finds it taken; it gets a buffer of its own.
        Err(_) => f(&mut String::new()),
    })
}

/// Appends the look-up key of `name` to `out` (see [`key`]), without allocating.
pub fn push_key(out: &mut String, name: &str) {
    if name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        out.push_str(name);
        return;
    }
    for c in name.chars() {
        let c = match c {
            'ŏ' | 'Ŏ' | 'ö' | 'Ö' | 'ó' | 'ò' | 'ô' => 'o',
            'ŭ' | 'Ŭ' | 'ü' | 'Ü' | 'ú' | 'ù' | 'û' => 'u',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ç' => 'c',
            '\'' | '’' | 'ʼ' | '`' | '-' | '‐' | '–' | ' ' | '.' => continue,
            c => c,
        };
        out.extend(c.to_lowercase());
    }
}

impl Gazetteer {
    fn parse(places_tsv: &str, phrases_tsv: &str) -> Self {
        let mut g = Gazetteer {
            places: Vec::new(),
            first_words: Default::default(),
            keys: FxHashMap::default(),
        };
        fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
            tsv.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .skip(1)
                .map(|l| l.split('\t').collect::<Vec<_>>())
        }
        // Both files are constants of the build; rows too short to read are skipped.
        for cols in rows(places_tsv) {
            let [country, _type, name, parent, since, names, ..] = cols[..] else {
                continue;
            };
            let since = since.trim().parse().unwrap_or(EDITION);
            let index = g.places.len();
            g.places.push(Place {
                name: name.to_string(),
                country: country.to_string(),
                parent: parent.to_string(),
                since,
            });
            for n in std::iter::once(name).chain(names.split(';')) {
                g.add(n, Entry::Place(index), since);
            }
        }
        for cols in rows(phrases_tsv) {
            let [country, phrase, since, ..] = cols[..] else {
                continue;
            };
            let since = since.trim().parse().unwrap_or(EDITION);
            let phrase = phrase
                .trim()
                .trim_start_matches("inside ")
                .trim_start_matches("in ");
            g.add(phrase, Entry::Country(country.to_string()), since);
        }
        g
    }

    fn add(&mut self, name: &str, entry: Entry, since: u32) {
        let k = key(name.trim());
        if k.is_empty() {
            return;
        }
        if let Some(first) = name.split_whitespace().next() {
            // A first word may itself end in a hyphenated part ("Hamgyong-bukto"): its key is
            // the whole word's.
            self.first_words.insert(key(first));
        }
        let list = self.keys.entry(k).or_default();
        if !list.iter().any(|(e, _)| *e == entry) {
            list.push((entry, since));
        }
    }

    fn country_ref<'s>(&'s self, e: &'s Entry) -> &'s str {
        match e {
            Entry::Place(i) => &self.places[*i].country,
            Entry::Country(c) => c,
        }
    }

    /// What `name` refers to in gazetteer `edition` (0: none).
    pub fn lookup(&self, name: &str, edition: u32) -> Option<Found> {
        self.lookup_key(&key(name), edition)
    }

    pub fn lookup_key(&self, k: &str, edition: u32) -> Option<Found> {
        let mut entries = self
            .keys
            .get(k)?
            .iter()
            .filter(|(_, since)| *since <= edition)
            .map(|(e, _)| e);
        let first = entries.next()?;
        let country = self.country_ref(first);
        // A place beats a country phrase of the same name ("Pyongyang" the city).
        let mut best = first;
        let mut others: Vec<&str> = Vec::new();
        for e in entries {
            let c = self.country_ref(e);
            if c != country && !others.contains(&c) {
                others.push(c);
            }
            if matches!(best, Entry::Country(_)) && matches!(e, Entry::Place(_)) {
                best = e;
            }
        }
        if !others.is_empty() {
            let mut all: Vec<String> = std::iter::once(country)
                .chain(others)
                .map(str::to_string)
                .collect();
            all.sort();
            return Some(Found::Ambiguous(all));
        }
        Some(match best {
            Entry::Place(i) => Found::Place(*i),
            Entry::Country(c) => Found::Country(c.clone()),
        })
    }

    /// The place of that name in one country, for a name several countries use.
    pub fn lookup_in(&self, name: &str, country: &str) -> Option<Found> {
        let list = self.keys.get(&key(name))?;
        list.iter().find_map(|(e, _)| match e {
            Entry::Place(i) if self.places[*i].country == country => Some(Found::Place(*i)),
            Entry::Country(c) if c == country => Some(Found::Country(c.clone())),
            _ => None,
        })
    }

    /// Whether a found place exists in gazetteer `edition`.
    pub fn known_in(&self, found: &Found, edition: u32) -> bool {
        match found {
            Found::Place(i) => self.places[*i].since <= edition,
            Found::Country(_) | Found::Ambiguous(_) => edition >= 1,
        }
    }

    /// The longest name made of the words `word(0)`, `word(1)`, … (at most six), as (number of
    /// words, what it names); no allocation for words that start no name.
    pub fn longest_with<'w>(
        &self,
        word: impl Fn(usize) -> Option<&'w str>,
        edition: u32,
    ) -> Option<(usize, Found)> {
        let first = word(0)?;
        with_key_buffer(|k| self.longest_in(k, first, word, edition))
    }

    fn longest_in<'w>(
        &self,
        k: &mut String,
        first: &str,
        word: impl Fn(usize) -> Option<&'w str>,
        edition: u32,
    ) -> Option<(usize, Found)> {
        push_key(k, first);
        if !self.first_words.contains(k.as_str()) {
            return None;
        }
        let mut best = self.lookup_key(k, edition).map(|f| (1, f));
        for n in 1..6 {
            let Some(w) = word(n) else { break };
            push_key(k, w);
            if let Some(found) = self.lookup_key(k, edition) {
                best = Some((n + 1, found));
            }
        }
        best
    }

    /// The longest name at the start of `words` (lookup forms of consecutive tokens), as
    /// (number of words, what it names).
    pub fn longest(&self, words: &[&str], edition: u32) -> Option<(usize, Found)> {
        let mut k = String::with_capacity(48);
        let mut best = None;
        for (n, w) in words.iter().take(6).enumerate() {
            push_key(&mut k, w);
            // Most words start no name at all: stop as soon as no key begins with these.
            if n == 0 && !self.first_words.contains(k.as_str()) {
                return None;
            }
            if let Some(found) = self.lookup_key(&k, edition) {
                best = Some((n + 1, found));
            }
        }
        best
    }

    /// The country a found name lies in, when it is unambiguous.
    pub fn country<'f>(&'f self, found: &'f Found) -> Option<&'f str> {
        match found {
            Found::Place(i) => Some(self.places[*i].country.as_str()),
            Found::Country(c) => Some(c.as_str()),
            Found::Ambiguous(_) => None,
        }
    }

    /// The names a found place goes by, most specific first: the place, its province, its
    /// country. Labels' locations and aliases are compared with these.
    pub fn chain(&self, found: &Found) -> Vec<String> {
        match found {
            Found::Place(i) => {
                let p = &self.places[*i];
                let mut out = vec![p.name.clone()];
                if !p.parent.is_empty() {
                    out.push(p.parent.clone());
                }
                out.push(country_name(&p.country).to_string());
                out
            }
            Found::Country(c) => vec![country_name(c).to_string()],
            Found::Ambiguous(_) => Vec::new(),
        }
    }
}

pub static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(PLACES_TSV, PHRASES_TSV));

#[cfg(test)]
mod tests {
    use super::*;

    fn country(name: &str) -> Option<String> {
        let g = &*GAZETTEER;
        g.lookup(name, EDITION)
            .and_then(|f| g.country(&f).map(str::to_string))
    }

    #[test]
    fn romanisations_meet_and_ambiguous_names_say_so() {
        for nk in [
            "Hyesan",
            "Ryanggang Province",
            "Yanggang",
            "Yangkang Province",
            "North Hamkyung",
            "Hamgyŏng-bukto",
            "Shinuiju",
            "Chongjin",
            "Musan County",
            "the North",
        ] {
            assert_eq!(country(nk).as_deref(), Some("KP"), "{nk}");
        }
        assert_eq!(country("Dandong").as_deref(), Some("CN"));
        assert_eq!(country("Yanji").as_deref(), Some("CN"));
        assert_eq!(country("Primorye").as_deref(), Some("RU"));
        assert_eq!(country("Vladivostok").as_deref(), Some("RU"));
        assert_eq!(country("Seoul").as_deref(), Some("KR"));
        assert!(matches!(
            GAZETTEER.lookup("Goseong", EDITION),
            Some(Found::Ambiguous(_))
        ));
        assert!(matches!(
            GAZETTEER.lookup("Cheorwon", EDITION),
            Some(Found::Ambiguous(_))
        ));
        assert_eq!(
            GAZETTEER.lookup("Hyesan", 0),
            None,
            "edition 0 knows no places"
        );
    }

    #[test]
    fn every_north_korean_province_is_known() {
        let provinces = GAZETTEER
            .places
            .iter()
            .filter(|p| p.country == "KP" && p.name.ends_with("Province"))
            .count();
        assert_eq!(provinces, 9);
        let counties = GAZETTEER
            .places
            .iter()
            .filter(|p| p.country == "KP" && p.name.ends_with("County"))
            .count();
        assert!(counties >= 140, "{counties} counties");
    }
}
