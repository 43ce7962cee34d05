//! The cue rules: which phrase in a sentence says who the sentence rests on.
//!
//! One table, organised by the kind each rule points to. All patterns are matched together with
//! a `RegexSet` (one pass per sentence); only the rules that matched are run again to find the
//! cue's span and the stated location.

use crate::model::SourceKind;
use regex::{Regex, RegexSet, RegexSetBuilder};
use std::sync::LazyLock;

/// What a matching rule says about a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The sentence names its own source of this kind.
    Kind(SourceKind),
    /// "he added", "the source said": the previous explicit source carries forward.
    CarryOver,
}

pub struct Rule {
    pub id: &'static str,
    pub effect: Effect,
    /// Higher wins when several rules match one sentence.
    pub priority: u8,
    pub confidence: f32,
    pattern: String,
}

/// Letters in names and words: Latin with accents. Narrower than `\p{L}`, which makes the
/// combined automaton many times larger (and matching slower) for no gain on English reports.
const LETTER: &str = "A-Za-z\u{00C0}-\u{024F}";

/// Verbs of saying that make a phrase an attribution.
const SAY: &str = r"(?:said|says|told|tells|explain(?:s|ed)|note(?:s|d)|add(?:s|ed)|claim(?:s|ed)|report(?:s|ed)|confirm(?:s|ed)|state(?:s|d)|reveal(?:s|ed)|insist(?:s|ed)|warn(?:s|ed)|stress(?:es|ed)|relat(?:es|ed)|recall(?:s|ed)|describe(?:s|d)|estimate(?:s|d)|argue(?:s|d)|wrote|writes|complain(?:s|ed)|disclose(?:s|d)|assert(?:s|ed)|allege(?:s|d)|recount(?:s|ed)|admit(?:s|ted)|predict(?:s|ed)|believes|believed|points? out|pointed out|cautions|cautioned|suggest(?:s|ed))";
/// A place name as written in reports: "Hyesan", "North Hamgyong Province", "China’s Liaoning
/// Province", "the Russian Far East", "the North".
const PLACE: &str = r"(?:the\s+)?[A-Z][\p{L}’'.-]*(?:\s+(?:of\s+)?[A-Z][\p{L}’'.-]*){0,4}";
/// People who can be an anonymous source.
const PERSON: &str = r"(?:source|resident|trader|merchant|insider|worker|defector|smuggler|vendor|farmer|broker|contact|informant|official|businessman|businesswoman|person|citizen|student|driver|soldier|officer|acquaintance|woman|man|local|employee|manager|guard|cadre|agent|dealer|operator|shopkeeper|laborer|labourer|fisherman|sailor|miner|teacher|doctor|nurse|refugee|escapee|relative|businessperson|middleman|courier)";
/// A name of an outlet or person: capitalised words (checked against [`NOT_NAMES`]).
const NAME: &str = r"(?P<name>(?:The\s+)?[A-Z][\p{L}’'-]*(?:\s+[A-Z][\p{L}’'-]*){0,3})";
/// A person's name: two or three capitalised words ("Kang Myong-hui", "Helen Tarrant").
const PERSON_NAME: &str = r"[A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+){1,2}";
/// The name of a news outlet: capitalised words ending in a word outlets use.
const OUTLET: &str = r"(?:the\s+)?(?:[A-Z][\p{L}’'-]*\s+){0,3}(?:Post|Times|News|Radio|Report|Daily|Herald|Journal|Agency|Wire|Watch|Tribune|Broadcasting|TV|Television|Press|Service|Ledger|Monitor|Observer|Gazette|Review|Insider|Today|Network|Channel|Magazine|Weekly|NK|Focus|Ilbo|Yonhap|Reuters|Bloomberg|Kommersant|Izvestia|Vedomosti|Interfax|Dispatch|Bulletin|Chronicle|Express|Mail|Telegraph|Guardian|Standard|Globe|Asahi|Shimbun|Nikkei)\b";
/// Capitalised words that start sentences but name no outlet or person.
/// Words in the role after a name ("Hana Lee, a researcher at …") that make the person an expert
/// or an official rather than a private person.
pub const EXPERT_ROLES: &[&str] = &[
    "analyst",
    "researcher",
    "professor",
    "economist",
    "expert",
    "scholar",
    "fellow",
    "specialist",
    "academic",
    "lecturer",
    "scientist",
    "institute",
    "think tank",
    "university",
];
pub const OFFICIAL_ROLES: &[&str] = &[
    "minister",
    "ministry",
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "governor",
    "diplomat",
    "envoy",
    "secretary",
    "commissioner",
    "consul",
    "lawmaker",
    "senator",
    "deputy",
    "embassy",
    "government",
    "department",
    "mayor",
    "prosecutor",
];
/// Last words of capitalised names that are institutions, not people ("Treasury Department").
pub const INSTITUTIONS: &[&str] = &[
    "Department",
    "Ministry",
    "Agency",
    "Embassy",
    "Committee",
    "Office",
    "Council",
    "Bank",
    "Company",
    "Corporation",
    "Group",
    "Police",
    "Army",
    "Navy",
    "Court",
    "Party",
    "Government",
    "Administration",
    "Service",
    "Bureau",
    "Commission",
    "Command",
    "Assembly",
    "Cabinet",
];
/// Last words of names that are news outlets.
pub const MEDIA_WORDS: &[&str] = &[
    "Report",
    "Post",
    "Times",
    "News",
    "Radio",
    "Daily",
    "Herald",
    "Journal",
    "Wire",
    "Watch",
    "Tribune",
    "Ledger",
    "Monitor",
    "Review",
    "Press",
    "Television",
    "TV",
    "Network",
    "Weekly",
];
pub const NOT_NAMES: &[&str] = &[
    "They",
    "It",
    "He",
    "She",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Officials",
    "Sources",
    "Residents",
    "Traders",
    "Authorities",
    "Experts",
    "Analysts",
    "Some",
    "Many",
    "Others",
    "Police",
    "One",
    "Another",
    "Both",
    "All",
    "None",
    "Most",
    "Such",
];
const STATE_MEDIA: &str = r"(?:KCNA|Korean Central News Agency|Rodong Sinmun|Korean Central Television|KCTV|Xinhua|TASS|RIA Novosti|Uriminzokkiri|Minju Joson|Voice of Korea|[Ss]tate media|[Ss]tate-run media|state broadcaster)";
const HEDGES: &str = r"(?:reportedly|apparently|allegedly|purportedly|supposedly|rumou?red|rumou?rs?|(?:is|are|was|were)\s+(?:said|believed|thought|rumou?red|understood)\s+to|seems?\s+to|seemed\s+to|appears?\s+to|appeared\s+to|unconfirmed|it\s+is\s+understood)";

fn rules() -> Vec<Rule> {
    use Effect::{CarryOver, Kind};
    use SourceKind::*;
    let r = |id, effect, priority, confidence, pattern: String| Rule {
        id,
        effect,
        priority,
        confidence,
        pattern,
    };
    vec![
        // --- not a claim: furniture of the page ---------------------------------------------
        r("caption", Kind(NotAClaim), 100, 0.95,
          r"^(?:Photo|Photos|Image|Picture|Caption|Credit|Photo credit|File photo|Graphic|Video)\s*[:：]".into()),
        r("byline", Kind(NotAClaim), 100, 0.95,
          r"^\(?(?:By|Written by|Reporting by|Additional reporting by|Edited by|Editing by|Translated by|Translation by|Compiled by)\s+[A-Z]".into()),
        r("photo-credit", Kind(NotAClaim), 100, 0.9,
          r"(?:\b(?:file photo|photographed|pictured|[Pp]hoto courtesy of)\b[^.]*[.,]?\s*\([^()]{1,60}\)\s*$|^[^.]*\b(?:file photo|photographed|pictured)\b[^.]*\.?$)".into()),
        r("read-in", Kind(NotAClaim), 100, 0.95,
          r"^Read (?:this (?:article|story) )?in (?:Korean|English|Chinese|Japanese|Russian)\b".into()),
        r("contact-boilerplate", Kind(NotAClaim), 100, 0.95,
          r"^(?:Please (?:direct|send|address)|For (?:comments|questions|inquiries)|Contact us|Send tips|Copyright|All rights reserved|Subscribe|Follow us|Related:|Tags:)".into()),
        r("author-bio", Kind(NotAClaim), 95, 0.8,
          r"^[A-Z][\p{L}’'-]+(?:[\s-][A-Z][\p{L}’'-]+){0,3}\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,4}?(?:reporter|correspondent|journalist|editor|writer|contributor|fellow|columnist)\b(?:\s+(?:at|for|with|of)\b)".into()),
        r("table-header", Kind(NotAClaim), 100, 0.9, r"^[^.!?0-9]*(?:\s\|\s|\t)[^.!?0-9]*$".into()),
        r("table-row", Kind(Document), 99, 0.6, r"^[^|\t]*\d[^|\t]*(?:\s\|\s|\t)|^[^|\t]+(?:\s\|\s|\t)[^|\t]*\d".into()),
        r("dateline", Kind(NotAClaim), 100, 0.9,
          r"^[A-Z][A-Z .’'-]+,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+)\s*(?:\([^)]*\))?\s*[—–-]?$".into()),
        // --- documents ----------------------------------------------------------------------
        r("document-obtained", Kind(Document), 90, 0.92, r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\p{L}-]+\s+){0,3}?(?:order|orders|document|documents|directive|decree|memo|memorandum|lecture materials?|notice|instructions?|records|data|letter|manual|guidelines?|files?|spreadsheet|ledger|invoices?|contract|minutes|report)\s+(?:obtained|seen|reviewed|acquired|viewed|examined)\s+by\b".into()),
        r("document-says", Kind(Document), 88, 0.9,
          r"(?:^|\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|\d{4})\s+)(?:[\p{L}\d-]+\s+){0,3}?(?:document|order|directive|decree|memo|memorandum|lecture materials?|lecture material|records|notice|letter|manual|report|panel’s report|panel's report|filings?|ledger|contract|agreement|advertisements?|listings?|postings?|invoices?)\b[^“”]{0,100}?\s(?:also\s+)?(?:says|said|states|stated|instructs|instructed|reads|read|shows|showed|notes|noted|lists|listed|orders|ordered|is signed|was signed|is dated|calls for|called for|warns|warned|demands|demanded|describes|described|details|detailed|found|finds|identifies|identified|names|named|sets|set out|offered|offers|specifies|specified|requires|required|tells|told|reports|reported)\b".into()),
        r("leaked-document", Kind(Document), 87, 0.88,
          r"\b(?:leaked|internal|confidential|classified|secret)\s+(?:[\p{L}-]+\s+){0,2}?(?:document|documents|contract|agreement|order|orders|memo|files?|records|lecture|directive|materials?|correspondence|cables?)\b|\b(?:document|contract|agreement|order|memo|files?|records)\b[^.“”]{0,120}\b(?:was|were|had been|has been)\s+leaked\b".into()),
        r("according-to-document", Kind(Document), 88, 0.9,
          r"\b(?:[Aa]ccording to|[Cc]iting|[Bb]ased on)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:order|document|documents|directive|decree|memo|lecture materials?|records|data|figures|statistics|customs data|report by the (?:UN|United Nations)|(?:UN|United Nations) (?:Security Council )?[Pp]anel|panel of experts|satellite (?:imagery|images))\b".into()),
        r("data-show", Kind(Document), 86, 0.88,
          r"\b(?:records|data|figures|statistics|filings|logs)\s+(?:also\s+)?(?:show|showed|indicate|indicated|reveal|revealed|suggest|suggested|put)\b".into()),
        r("satellite-imagery", Kind(Document), 86, 0.88,
          r"\b[Ss]atellite (?:imagery|images|photos|pictures)\b".into()),
        r("un-panel", Kind(Document), 86, 0.88,
          r"\b(?:UN|United Nations)\s+(?:Security Council\s+)?(?:[Pp]anel|[Pp]anel of [Ee]xperts)\b".into()),
        // --- state media and officials --------------------------------------------------------
        r("state-media", Kind(Official), 89, 0.92, format!(r"\b{STATE_MEDIA}\b")),
        r("state-actor", Kind(Official), 70, 0.8,
          r"\b(?:Russia|China|North Korea|South Korea|Japan|the United States|Pyongyang|Seoul|Beijing|Moscow|Washington|Tokyo|Kremlin)\s+(?:has\s+|had\s+|also\s+)?(?:told|informed|notified|said|says|announced|denied|insisted|claimed|warned|accused|maintains|maintained|reported|rejected)\b".into()),
        r("official-statement", Kind(Official), 80, 0.88,
          r"\b(?:said|says|announced|stated|declared)\s+in\s+(?:a|an|its|their)\s+(?:[\p{L}-]+\s+)?(?:statement|press release|briefing|notice|announcement)\b".into()),
        r("government-body", Kind(Official), 78, 0.88, r"\b(?:[A-Z][\p{L}’'.-]*\s+)*(?:Ministry|Embassy|embassy|Consulate|Foreign Office|State Department|Treasury|Kremlin|Cabinet|[Gg]overnment|Central Committee|Security Council|[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Aa]uthorities|[Oo]fficials|[Mm]inistry|[Cc]ustoms (?:office|authorities|service)|People’s Committee|[Pp]olice|[Pp]rosecutors|[Cc]ourt|White House|Pentagon|Commission|Administration|Agency)\b[^.“”]*?\b(?:said|says|announced|stated|told|denied|confirmed|reported|warned|claimed|noted|insisted|declared|rejected|dismissed|acknowledged|urged|accused)\b".into()),
        r("titled-official", Kind(Official), 79, 0.88, format!(
            r"\b(?:Minister|Ambassador|Spokesperson|Spokesman|Spokeswoman|Secretary|Governor|Premier|President|Chairman|Vice[- ][A-Z]\p{{L}}+|Deputy [A-Z]\p{{L}}+|Director|Senator|Commissioner|Consul|Mayor|Prime Minister|Foreign Minister)\s+[A-Z]\p{{L}}+[^.“”]*?\b{SAY}\b")),
        r("official-apposition", Kind(Official), 79, 0.88, format!(
            r"\b{PERSON_NAME},\s+(?:an?|the)\s+[^,]{{0,80}}?\b(?:minister|official|spokesperson|spokesman|spokeswoman|ambassador|governor|diplomat|envoy|secretary|director|commissioner|consul|lawmaker|senator|deputy)\b[^,]{{0,80}},\s+{SAY}\b")),
        // --- named people, classified by the role after their name ---
        r("named-apposition", Kind(NamedPerson), 88, 0.85, format!(
            r"^[^,“”]{{0,60}}?\b{PERSON_NAME},\s+(?:an?|the|who)\s+[^“”]{{3,160}}?,\s+(?:also\s+)?{SAY}\b")),
        // --- experts ----------------------------------------------------------------------------
        r("expert", Kind(Expert), 82, 0.88, format!(
            r"\b(?:analyst|analysts|researcher|researchers|professor|economist|economists|expert|experts|scholar|scholars|fellow|specialist|specialists|academic|Dr\.|Prof\.)\s[^.“”]*?\b(?:{SAY}|believe|say|argue|estimate|according)\b")),
        r("according-to-expert", Kind(Expert), 82, 0.88,
          r"\b[Aa]ccording to\s+(?:an?\s+|the\s+|one\s+)?(?:[\p{L}-]+\s+){0,2}?(?:analyst|analysts|researcher|researchers|expert|experts|economist|scholar|professor)\b".into()),
        // --- the outlet's own reporting ---------------------------------------------------------
        r("anonymity", Kind(AnonymousSource), 85, 0.88,
          r"\b(?:on (?:the )?condition of anonymity|(?:asked|requested|spoke on condition) not to be (?:named|identified)|(?:asked|requested) anonymity|declined to be (?:named|identified)|who (?:asked|requested|spoke) (?:for|on condition of) anonymity)\b".into()),
        r("own-learned", Kind(OwnReporting), 84, 0.92, format!(
            r"\b{NAME}\s+(?:has|have|had)\s+(?:learned|learnt|confirmed|verified|established|found|seen|reviewed|obtained|independently confirmed|been able to confirm)\b")),
        r("own-understands", Kind(OwnReporting), 84, 0.9, format!(
            r"\b{NAME}\s+(?:understands|learned|confirmed|can confirm|can reveal|reveals|revealed|verified|independently verified)\b")),
        // --- one anonymous source ---------------------------------------------------------------
        r("anon-source-before-verb", Kind(AnonymousSource), 86, 0.92, format!(
            r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he same)\s+(?:[\p{{L}}-]+\s+){{0,3}}?{PERSON}\s+(?:(?:based|living|who lives|working|stationed)\s+)?(?:in(?:side)?|from|near|of|at)\s+(?P<loc>{PLACE})[^.“”]*?\b{SAY}\b")),
        r("anon-source-after-verb", Kind(AnonymousSource), 86, 0.92, format!(
            r"\b(?:{SAY}|[Aa]ccording to)\s+(?:an?|one|another)\s+(?:[\p{{L}}-]+\s+){{0,3}}?{PERSON}\s+(?:(?:based|living|who lives|working|stationed)\s+)?(?:in(?:side)?|from|near|of|at)\s+(?P<loc>{PLACE})")),
        r("anon-source-unlocated", Kind(AnonymousSource), 74, 0.8, format!(
            r"\b(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\p{{L}}-]+\s+){{0,3}}?(?:source|insider|informant|contact|official who|person familiar)\b[^.“”]*?\b{SAY}\b|\b{SAY}\s+(?:an?|one|another)\s+(?:[\p{{L}}-]+\s+){{0,3}}?(?:source|insider|informant|contact)\b|\b[Aa]ccording to\s+(?:an?|one|another)\s+(?:[\p{{L}}-]+\s+){{0,3}}?(?:source|insider|informant|contact|resident|trader)\b|\b(?:asked|requested) not to be (?:named|identified)|\bon (?:the )?condition of anonymity)")),
        // --- several sources -------------------------------------------------------------------
        r("multiple-sources", Kind(MultipleSources), 77, 0.9, format!(
            r"\b(?:[Mm]ultiple|[Ss]everal|[Mm]any|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Nn]umerous|[Vv]arious|[Oo]ther|[Ss]eparate|[Ii]ndependent)\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?:sources|residents|traders|merchants|defectors|contacts|insiders|workers|locals|smugglers|people|informants|vendors|drivers|brokers)\b[^.“”]*?\b(?:{SAY}|say|tell|report)\b")),
        r("according-to-sources", Kind(MultipleSources), 77, 0.9,
          r"\b(?:[Aa]ccording to|[Cc]iting)\s+(?:multiple\s+|several\s+|two\s+|three\s+|local\s+|other\s+)?(?:sources|residents|traders|locals|insiders|contacts)\b".into()),
        r("sources-in", Kind(MultipleSources), 76, 0.88, format!(
            r"\b(?:[Ss]ources|[Rr]esidents|[Tt]raders|[Ll]ocals|[Mm]erchants|[Dd]efectors|[Ww]orkers)\s+(?:(?:in|inside|from|near|close to|familiar with|of)\s+{PLACE}\s+)?(?:(?:also|have|had)\s+)?(?:{SAY}|say|tell|report)\b")),
        // --- named people on the record -------------------------------------------------------------
        r("named-person", Kind(NamedPerson), 70, 0.85, format!(
            r"\b(?P<person>{PERSON_NAME})(?:,[^,]{{3,140}},)?\s+(?:also\s+)?(?:{SAY}|says)\b")),
        r("named-person-after-verb", Kind(NamedPerson), 70, 0.85, format!(
            r"\b(?:{SAY}|[Aa]ccording to)\s+(?P<person>{PERSON_NAME})\b")),
        // --- other media -------------------------------------------------------------------------
        r("following-reports", Kind(OtherMedia), 72, 0.88,
          r"\b(?:[Ff]ollowing|[Aa]mid|[Aa]fter|[Dd]espite|[Ii]n response to)\s+(?:recent\s+|earlier\s+|media\s+|press\s+|news\s+)*reports?\s+(?:by|in|from|that|of)\b".into()),
        r("according-to-outlet", Kind(OtherMedia), 71, 0.85, format!(
            r"\b(?:[Aa]ccording to|[Cc]iting)\s+(?:a\s+(?:report|story|broadcast)\s+(?:by|in|from|on)\s+)?(?:the\s+)?{OUTLET}|\b(?:a|the)\s+(?:report|story|broadcast)\s+(?:by|in|from|on)\s+{OUTLET}")),
        r("outlet-reported", Kind(OtherMedia), 71, 0.85, format!(
            r"\b{OUTLET}\s+(?:reported|has reported|have reported|reports|wrote|published|broadcast)\b")),
        r("media-reported", Kind(OtherMedia), 73, 0.88,
          r"\b(?:[Ll]ocal|South Korean|Chinese|Russian|Japanese|[Ff]oreign|Western|[Ii]ndependent|[Oo]ther)\s+(?:media|outlets?|newspapers?|press|broadcasters?|news agencies)\s+(?:reported|said|have reported|say|reports)\b".into()),
        // --- carry-overs ---------------------------------------------------------------------------
        r("carry-pronoun", CarryOver, 60, 0.8,
          r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:added|said|says|explained|continued|noted|told|stressed|claimed|insisted|recalled|went on|warned|complained)\b".into()),
        r("carry-the-source", CarryOver, 61, 0.82, format!(
            r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur)\s+(?:same\s+)?(?:source|resident|trader|merchant|defector|contact|informant|worker|vendor|smuggler|woman|man|official|spokesperson|spokesman|spokeswoman|embassy|ministry|researcher|analyst|economist|expert|diplomat)\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:{SAY}|continued|went on)\b|\b[Aa]ccording to (?:the|this|that|our)\s+(?:same\s+)?(?:source|resident|trader|contact|informant|defector|merchant|worker)\b|\b{SAY}\s+the\s+(?:same\s+)?(?:source|resident|trader|contact|informant)\b")),
        r("carry-surname", CarryOver, 59, 0.78, format!(
            r"(?:^|[,”]\s+)(?P<who>[A-Z]\p{{L}}+)\s+(?:also\s+|further\s+)?(?:{SAY}|continued|went on)\b|\b{SAY}\s+(?P<who2>[A-Z]\p{{L}}+)[.,]")),
        // --- hedges: no source, marked as hearsay or inference --------------------------------------
        r("hedge", Kind(Hedged), 20, 0.8, format!(r"\b{HEDGES}\b")),
    ]
}

/// The compiled rule table.
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub set: RegexSet,
    pub regexes: Vec<Regex>,
}

pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let rules = rules();
    // ASCII word boundaries: the rules' words are ASCII, and Unicode `\b` would force the
    // slow NFA simulation on any text with a non-ASCII character (curly quotes, for one).
    let patterns: Vec<String> = rules
        .iter()
        .map(|r| {
            r.pattern
                .replace(r"\b", r"(?-u:\b)")
                .replace(r"[\p{L}", &format!("[{LETTER}"))
                .replace(r"\p{L}", &format!("[{LETTER}]"))
        })
        .collect();
    // The patterns are constants of this file and covered by tests; failing to compile one is a
    // build defect, not a user error.
    // A lazy DFA cache large enough for all rules at once keeps matching on the fast path.
    let set = RegexSetBuilder::new(&patterns)
        .dfa_size_limit(256 << 20)
        .size_limit(256 << 20)
        .build()
        .expect("rule patterns compile");
    let regexes = patterns
        .iter()
        .map(|p| Regex::new(p).expect("rule pattern compiles"))
        .collect();
    RuleSet {
        rules,
        set,
        regexes,
    }
});
