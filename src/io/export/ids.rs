//! Identifiers exports give their parts, stable across exports of the same review so that a
//! peer tool re-importing a newer export updates its annotations instead of adding copies.

use sha2::{Digest, Sha256};

/// A `urn:uuid:` IRI derived from `parts` (a name-based UUID: RFC 9562 version 8, the
/// variant bits set, the rest from SHA-256 of the parts).
pub fn urn_uuid(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0u8]);
    }
    let mut b: [u8; 16] = hash.finalize()[..16].try_into().unwrap_or([0; 16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A name made of letters, digits, `_` and `-` only (brat's type names, Label Studio's
/// value names), unique among `taken`.
pub fn plain_name(name: &str, taken: &[String]) -> String {
    let mut plain: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if plain.is_empty() || plain.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        plain.insert(0, 'L');
    }
    let mut candidate = plain.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{plain}_{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_distinct_and_well_formed() {
        let a = urn_uuid(&["abc", "claim", "3"]);
        assert_eq!(a, urn_uuid(&["abc", "claim", "3"]));
        assert_ne!(a, urn_uuid(&["abc", "claim", "4"]));
        assert_ne!(urn_uuid(&["ab", "c"]), urn_uuid(&["a", "bc"]));
        let hex = a.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<usize> = hex.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&hex[14..15], "8");
        assert!(matches!(&hex[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn plain_names_keep_letters_and_stay_unique() {
        let taken = vec!["Source_in_Russia".to_string()];
        assert_eq!(plain_name("Source in Russia", &taken), "Source_in_Russia_2");
        assert_eq!(
            plain_name("Official / on record", &[]),
            "Official___on_record"
        );
        assert_eq!(plain_name("7 days", &[]), "L7_days");
        assert_eq!(plain_name("출처", &[]), "출처");
    }
}
