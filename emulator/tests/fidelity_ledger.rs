//! The fidelity ledger (docs/fidelity.md) names real tests: every `FILE::TEST` it cites must be
//! a test defined in that file (a Rust `fn`, a Python `def`, or a JS `test("…")`), and it must
//! list at least 40 rules, each with a source and a test.

use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the emulator crate lives in the repository")
}

/// Every `path::name` in backticks in `text`.
fn cited_tests(text: &str) -> Vec<(String, String)> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|quoted| quoted.split_once("::"))
        .filter(|(path, _)| {
            path.ends_with(".rs") || path.ends_with(".py") || path.ends_with(".mjs")
        })
        .map(|(path, name)| (path.to_string(), name.to_string()))
        .collect()
}

fn defines(source: &str, name: &str) -> bool {
    source.contains(&format!("fn {name}("))
        || source.contains(&format!("def {name}("))
        || source.contains(&format!("test(\"{name}\""))
}

#[test]
fn every_test_the_ledger_names_exists() {
    let ledger = std::fs::read_to_string(repo().join("docs/fidelity.md")).unwrap();
    let cited = cited_tests(&ledger);
    assert!(cited.len() >= 40, "only {} tests cited", cited.len());
    let mut missing = Vec::new();
    for (path, name) in &cited {
        let source = std::fs::read_to_string(repo().join(path)).unwrap_or_default();
        if !defines(&source, name) {
            missing.push(format!("{path}::{name}"));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/fidelity.md names tests that do not exist: {missing:#?}"
    );
}

#[test]
fn every_rule_row_has_a_source_and_a_test() {
    let ledger = std::fs::read_to_string(repo().join("docs/fidelity.md")).unwrap();
    let rows: Vec<&str> = ledger
        .lines()
        .filter(|line| {
            line.strip_prefix("| ")
                .and_then(|rest| rest.split(' ').next())
                .is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .collect();
    assert!(rows.len() >= 40, "only {} rules", rows.len());
    for row in rows {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert!(cells.len() >= 5, "{row}");
        let (source, test) = (cells[3].trim(), cells[4].trim());
        assert!(!source.is_empty() && source != "—", "no source: {row}");
        assert!(
            test.contains("::") || test.starts_with("same "),
            "no test: {row}"
        );
    }
}
