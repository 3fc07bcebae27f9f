//! The fidelity ledger (docs/fidelity.md) names real tests: every `FILE::TEST` it cites must be
//! a test defined in that file (a Rust `fn`, a Python `def`, or a JS `test("…")`), and it must
//! list at least 40 rules, each with its kind of evidence, a source and a test; a `recorded` row
//! names a recording held under `fixtures/recordings/` that exists.

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

/// The rows of the rules table: those whose first cell is a number.
fn rule_rows(ledger: &str) -> Vec<&str> {
    ledger
        .lines()
        .filter(|line| {
            line.strip_prefix("| ")
                .and_then(|rest| rest.split(' ').next())
                .is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .collect()
}

/// The kinds of evidence a row may name (docs/fidelity.md explains each).
const EVIDENCE: &[&str] = &["recorded", "documented", "reported", "inferred"];

#[test]
fn every_rule_row_has_its_evidence_a_source_and_a_test() {
    let ledger = std::fs::read_to_string(repo().join("docs/fidelity.md")).unwrap();
    let rows = rule_rows(&ledger);
    assert!(rows.len() >= 40, "only {} rules", rows.len());
    for row in rows {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert!(cells.len() >= 6, "{row}");
        let (evidence, source, test) = (cells[2].trim(), cells[4].trim(), cells[5].trim());
        let kinds: Vec<&str> = evidence.split(';').map(str::trim).collect();
        assert!(
            !evidence.is_empty() && kinds.iter().all(|k| EVIDENCE.contains(k)),
            "the evidence must be one or more of {EVIDENCE:?}: {row}"
        );
        assert!(!source.is_empty() && source != "—", "no source: {row}");
        assert!(
            test.contains("::") || test.starts_with("same "),
            "no test: {row}"
        );
        if kinds.contains(&"recorded") {
            let fixtures = recordings_named(source);
            assert!(
                !fixtures.is_empty(),
                "a recorded row must name its recording under fixtures/recordings/: {row}"
            );
            for fixture in fixtures {
                assert!(
                    repo().join(&fixture).join("provenance.json").is_file(),
                    "{fixture} is not a recording with its provenance: {row}"
                );
            }
        }
    }
}

/// Every `fixtures/recordings/NAME` in backticks in `text`.
fn recordings_named(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|quoted| quoted.starts_with("fixtures/recordings/"))
        .map(|quoted| quoted.split('/').take(3).collect::<Vec<_>>().join("/"))
        .collect()
}

#[test]
fn the_evidence_check_refuses_a_row_without_evidence_or_with_a_missing_recording() {
    // The checks above on planted rows: a check that cannot fail proves nothing.
    let planted = "| 1 | r | guessed | t | s | `a.rs::b` |";
    let cells: Vec<&str> = planted.split(" | ").collect();
    assert!(!EVIDENCE.contains(&cells[2].trim()));
    let missing = recordings_named("`fixtures/recordings/no-such-capture` (ListApps)");
    assert_eq!(missing, ["fixtures/recordings/no-such-capture"]);
    assert!(!repo().join(&missing[0]).join("provenance.json").is_file());
}

#[test]
fn every_recording_has_its_provenance() {
    let folders = std::fs::read_dir(repo().join("fixtures/recordings")).unwrap();
    let mut count = 0;
    for folder in folders {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        count += 1;
        let provenance: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(folder.join("provenance.json")).unwrap())
                .unwrap();
        for member in ["Repository", "Commit", "Recorded", "Files"] {
            assert!(
                provenance.get(member).is_some(),
                "{}: provenance.json has no {member}",
                folder.display()
            );
        }
        assert!(
            folder.join("scenario.json").is_file(),
            "{}",
            folder.display()
        );
    }
    assert!(count >= 2, "only {count} recordings");
}
