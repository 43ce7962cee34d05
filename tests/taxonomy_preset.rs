//! The bundled default taxonomy.

use claimlens::model::{SourceKind, Taxonomy};

#[test]
fn default_preset_has_the_required_labels_with_unique_hotkeys() {
    let t = Taxonomy::default_preset();
    for name in [
        "Source inside North Korea",
        "Source in Russia",
        "Source in China",
        "Multiple sources",
        "Outlet's own reporting",
        "Official / on record",
        "Other media",
        "Hedged / reportedly",
        "Unattributed",
        "Not a claim",
    ] {
        let label = t.labels.iter().find(|l| l.name == name);
        let label = label.unwrap_or_else(|| panic!("missing {name}"));
        assert!(label.key.is_some(), "{name} has no hotkey");
        assert!(!label.description.is_empty(), "{name} has no description");
    }
    let mut keys: Vec<char> = t.labels.iter().filter_map(|l| l.key).collect();
    keys.sort();
    assert_eq!(keys, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for kind in SourceKind::ALL {
        assert!(
            t.labels.iter().any(|l| l.kind == kind),
            "no label of kind {kind:?}"
        );
    }
    let nk = t
        .labels
        .iter()
        .find(|l| l.id.as_str() == "inside_nk")
        .unwrap();
    assert_eq!(nk.location.as_deref(), Some("North Korea"));
    assert!(nk.aliases.iter().any(|a| a == "Hyesan"));
}

/// The preset shipped in `assets/` is what every new review starts with: it must parse on its
/// own and give each label its own id, hotkey and colour (a shared key would apply two labels
/// at once; a shared colour would make two kinds look alike).
#[test]
fn the_shipped_preset_gives_each_label_its_own_key_and_colour() {
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/taxonomies/default.ron"
    ))
    .unwrap();
    let preset = Taxonomy::from_ron(&on_disk).unwrap();
    preset.validate().unwrap();
    let labels = &preset.labels;
    assert!(labels.len() >= 9, "the kinds of source analysts mark");
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert_ne!(a.id, b.id);
            assert_ne!(a.color, b.color, "{} and {} share a colour", a.name, b.name);
            if let (Some(x), Some(y)) = (a.key, b.key) {
                assert_ne!(x, y, "{} and {} share the key {x}", a.name, b.name);
            }
        }
        assert!(
            a.key.is_none_or(|k| k.is_ascii_digit()),
            "{}: {:?}",
            a.name,
            a.key
        );
    }
}

#[test]
fn broken_taxonomies_are_refused_with_reasons() {
    let err = Taxonomy::from_ron("(name: \"x\", labels: [])").unwrap_err();
    assert!(err.contains("no labels"), "{err}");
    let dup = r##"(name: "x", labels: [
        (id: "a", name: "A", kind: hedged, color: "#ffffff", key: Some('1')),
        (id: "b", name: "B", kind: hedged, color: "#000000", key: Some('1')),
    ])"##;
    let err = Taxonomy::from_ron(dup).unwrap_err();
    assert!(err.contains("hotkey '1'"), "{err}");
    let bad_colour = r##"(name: "x", labels: [(id: "a", name: "A", kind: hedged, color: "red")])"##;
    assert!(
        Taxonomy::from_ron(bad_colour)
            .unwrap_err()
            .contains("#rrggbb")
    );
}
