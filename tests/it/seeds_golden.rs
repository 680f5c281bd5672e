//! Golden outputs of the seeds: every record the pipeline gives for `corpus/*.txt`, one JSON
//! line per record, kept in `tests/data/seeds/<stem>.expected.jsonl`.
//!
//! A rule change that moves any record shows up here as a failing test and, once re-blessed,
//! as a line-level diff in review. Re-bless with
//!
//! ```sh
//! PLANMINE_BLESS=1 cargo test --release golden
//! ```
//!
//! The first line of each file holds the document's `decode` and `meta`; then one line per
//! goal, deadline, responsibility and target, tagged with its kind and index.

use crate::common;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn expected_path(seed: &Path) -> PathBuf {
    let stem = seed.file_stem().and_then(|s| s.to_str()).unwrap_or("seed");
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/seeds")
        .join(format!("{stem}.expected.jsonl"))
}

/// The golden lines of one processed document.
fn lines_of(doc: &planmine::Document) -> Vec<String> {
    let mut head = serde_json::to_value(doc).expect("document serialises");
    if let Value::Object(map) = &mut head {
        map.retain(|k, _| matches!(k.as_str(), "decode" | "meta" | "error"));
    }
    let mut out = vec![head.to_string()];
    let mut push = |kind: &str, items: Vec<Value>| {
        for (i, item) in items.into_iter().enumerate() {
            out.push(json!({"kind": kind, "i": i, "record": item}).to_string());
        }
    };
    push("goal", values(&doc.goals));
    push("deadline", values(&doc.deadlines));
    push("responsibility", values(&doc.responsibilities));
    push("target", values(&doc.targets));
    out
}

/// Records of any kind as JSON values.
fn values<T: serde::Serialize>(records: &[T]) -> Vec<Value> {
    records
        .iter()
        .map(|r| serde_json::to_value(r).expect("record serialises"))
        .collect()
}

#[test]
fn golden_seed_outputs() {
    let bless = std::env::var_os("PLANMINE_BLESS").is_some();
    let mut failures = Vec::new();
    for (path, doc) in common::seed_paths().iter().zip(common::seed_documents()) {
        let got = lines_of(&doc);
        let file = expected_path(path);
        if bless {
            std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
            std::fs::write(&file, got.join("\n") + "\n").expect("write golden file");
            continue;
        }
        let want: Vec<String> = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: {e}; bless with PLANMINE_BLESS=1", file.display()))
            .lines()
            .map(str::to_owned)
            .collect();
        if got == want {
            continue;
        }
        let missing: Vec<&String> = want.iter().filter(|l| !got.contains(l)).collect();
        let added: Vec<&String> = got.iter().filter(|l| !want.contains(l)).collect();
        let mut report = format!(
            "{}: {} lines expected, {} produced",
            file.display(),
            want.len(),
            got.len()
        );
        for l in missing.iter().take(12) {
            report.push_str(&format!("\n  - {l}"));
        }
        for l in added.iter().take(12) {
            report.push_str(&format!("\n  + {l}"));
        }
        failures.push(report);
    }
    assert!(
        failures.is_empty(),
        "seed outputs changed (re-bless with PLANMINE_BLESS=1 when the change is intended):\n{}",
        failures.join("\n")
    );
}
