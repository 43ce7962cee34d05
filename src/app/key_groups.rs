//! The command table's shortcuts in the groups an analyst looks for them under: the menus in
//! their order, then the label hotkeys, the grades and the note field. The help window lists
//! them so.

use super::command_table::{Action, Entry, MENUS, MenuItem, entries};
use crate::model::Taxonomy;

/// Every command that has a shortcut, each once, grouped under a heading.
pub fn key_groups(taxonomy: Option<&Taxonomy>) -> Vec<(&'static str, Vec<Entry>)> {
    let mut left: Vec<Entry> = entries(taxonomy)
        .into_iter()
        .filter(|e| !e.shortcuts.is_empty())
        .collect();
    let mut take = |wanted: &dyn Fn(Action) -> bool| -> Vec<Entry> {
        let (hit, rest): (Vec<Entry>, Vec<Entry>) = left.drain(..).partition(|e| wanted(e.action));
        left = rest;
        hit
    };
    let mut groups: Vec<(&'static str, Vec<Entry>)> = Vec::new();
    for (title, items) in MENUS {
        let in_menu: Vec<Action> = items
            .iter()
            .filter_map(|i| match i {
                MenuItem::Command(a) => Some(*a),
                _ => None,
            })
            .collect();
        // In the menu's own order, not the table's.
        let mut found = take(&|a| in_menu.contains(&a));
        found.sort_by_key(|e| in_menu.iter().position(|a| *a == e.action));
        groups.push((title, found));
    }
    groups.push(("Labels", take(&|a| matches!(a, Action::Label(_)))));
    groups.push((
        "Grades",
        take(&|a| matches!(a, Action::Reliability(_) | Action::Credibility(_))),
    ));
    groups.push(("Note field", take(&|a| a == Action::FinishNote)));
    groups.push(("Other", take(&|_| true)));
    groups.retain(|(_, g)| !g.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_of_the_table_is_in_exactly_one_group() {
        let taxonomy = Taxonomy::default_preset();
        let groups = key_groups(Some(&taxonomy));
        let listed: Vec<Action> = groups
            .iter()
            .flat_map(|(_, g)| g.iter().map(|e| e.action))
            .collect();
        let with_keys: Vec<Action> = entries(Some(&taxonomy))
            .into_iter()
            .filter(|e| !e.shortcuts.is_empty())
            .map(|e| e.action)
            .collect();
        assert_eq!(listed.len(), with_keys.len());
        for a in &with_keys {
            assert_eq!(listed.iter().filter(|b| *b == a).count(), 1, "{a:?}");
        }
        let titles: Vec<&str> = groups.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            titles,
            [
                "File",
                "Edit",
                "Suggestions",
                "Review",
                "View",
                "Go",
                "Help",
                "Labels",
                "Grades",
                "Note field"
            ]
        );
        // Menus keep their own order: Open before Save in File.
        let file = &groups[0].1;
        assert_eq!(file[0].action, Action::Open);
    }
}
