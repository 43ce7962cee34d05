//! The segmentation suite's file format: `## category`, `> input line`, `- expected sentence`.

use std::fmt::Write;

pub struct Case {
    pub category: String,
    pub line: usize,
    pub input: String,
    pub expected: Vec<String>,
}

pub fn load() -> Vec<Case> {
    let text = include_str!("../data/segmentation_cases.txt");
    let mut cases = Vec::new();
    let mut category = String::new();
    let mut current: Option<Case> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(name) = line.strip_prefix("## ") {
            category = name.trim().to_string();
        } else if line == ">" || line.starts_with("> ") {
            let content = line.get(2..).unwrap_or("");
            let case = current.get_or_insert_with(|| Case {
                category: category.clone(),
                line: n + 1,
                input: String::new(),
                expected: Vec::new(),
            });
            assert!(
                case.expected.is_empty(),
                "line {}: input after expectations",
                n + 1
            );
            if !case.input.is_empty() || n + 1 != case.line {
                case.input.push('\n');
            }
            case.input.push_str(content);
        } else if let Some(sentence) = line.strip_prefix("- ") {
            let case = current
                .as_mut()
                .unwrap_or_else(|| panic!("line {}: no input", n + 1));
            case.expected.push(sentence.replace("\\n", "\n"));
        } else if line.trim().is_empty() {
            cases.extend(current.take());
        }
    }
    cases.extend(current);
    cases
}

/// Runs `split` over every case; returns (passed, report of failures).
pub fn run(cases: &[Case], split: impl Fn(&str) -> Vec<String>) -> (usize, String) {
    let mut passed = 0;
    let mut report = String::new();
    for case in cases {
        let got = split(&case.input);
        if got == case.expected {
            passed += 1;
        } else {
            let _ = writeln!(
                report,
                "[{}] line {}:\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                case.category, case.line, case.input, case.expected, got
            );
        }
    }
    (passed, report)
}
