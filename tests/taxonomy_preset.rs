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

#[test]
fn the_preset_file_on_disk_is_the_one_in_the_binary() {
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/taxonomies/default.ron"
    ))
    .unwrap();
    assert_eq!(
        Taxonomy::from_ron(&on_disk).unwrap(),
        Taxonomy::default_preset()
    );
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
