//! Extraction cases as data: `tests/data/cases/*.toml`, in the manner of regex's
//! `testdata/*.toml`. Each case is a short text, written in our own words after the patterns
//! of real documents, with the records planmine must give for it; adding a case is adding a
//! few lines of TOML, not a function. The format is described in `tests/data/cases/README.md`.
//!
//! One test runs them all and reports every failing case, so a rule change shows at once
//! which patterns it mends and which it breaks. A case marked `known_failure = "why"` states a
//! pattern planmine does not handle yet: it must still fail (so the mark is removed the day
//! it passes), and the run lists it.

use planmine::Document;
use serde_json::Value;
use std::path::Path;
use toml::Value as Toml;

/// The kinds of record a case may check, with the JSON field that holds them.
const KINDS: &[&str] = &["goals", "deadlines", "responsibilities", "targets"];

/// Loads every case file, in name order: (file name, case table). `PLANMINE_CASES` names
/// another folder of case files, for drafting cases outside the repository.
fn load_cases() -> Vec<(String, toml::Table)> {
    let dir = std::env::var_os("PLANMINE_CASES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read case file");
        let table: toml::Table = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not valid TOML: {e}", f.display()));
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let cases = table
            .get("case")
            .and_then(Toml::as_array)
            .unwrap_or_else(|| panic!("{name}: no [[case]] tables"));
        for c in cases {
            let c = c
                .as_table()
                .unwrap_or_else(|| panic!("{name}: a case is not a table"))
                .clone();
            out.push((name.clone(), c));
        }
    }
    out
}

/// Whitespace-free text with full-width punctuation folded, as the scorer compares.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' => ',',
            _ => c,
        })
        .collect()
}

/// One string contains the other (after [`norm`]).
fn contains_either(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn bigram_dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = norm(s).chars().collect();
        let mut v: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let mut common = 0;
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Whether a produced JSON value equals an expected TOML value; the string `"null"` expects
/// a JSON null.
fn same_value(got: Option<&Value>, want: &Toml) -> bool {
    let got = got.unwrap_or(&Value::Null);
    match want {
        Toml::String(s) if s == "null" => got.is_null(),
        Toml::String(s) => got.as_str() == Some(s.as_str()),
        Toml::Integer(i) => got.as_f64().is_some_and(|g| (g - *i as f64).abs() < 1e-6),
        Toml::Float(f) => got
            .as_f64()
            .is_some_and(|g| (g - f).abs() <= 1e-6 * f.abs().max(1.0)),
        Toml::Boolean(b) => got.as_bool() == Some(*b),
        _ => false,
    }
}

/// Whether one produced record of `kind` matches one expected record.
fn record_matches(kind: &str, got: &Value, want: &toml::Table) -> bool {
    want.iter().all(|(field, w)| match (kind, field.as_str()) {
        ("goals", "indicator") | ("deadlines", "text") => w
            .as_str()
            .is_some_and(|w| contains_either(got[field].as_str().unwrap_or(""), w)),
        ("targets", "text") => w.as_str().is_some_and(|w| {
            let g = got["text"].as_str().unwrap_or("");
            contains_either(g, w) || bigram_dice(g, w) >= 0.5
        }),
        ("goals", "baseline_value") => same_value(got["baseline"].get("value"), w),
        ("goals", "baseline_year") => same_value(got["baseline"].get("year"), w),
        ("responsibilities", "departments") => departments_match(&got["departments"], w),
        _ => same_value(got.get(field), w),
    })
}

/// Each expected department (name and, when given, role) is one of the record's, and the
/// record names no other.
fn departments_match(got: &Value, want: &Toml) -> bool {
    let (Some(got), Some(want)) = (got.as_array(), want.as_array()) else {
        return false;
    };
    got.len() == want.len()
        && want.iter().all(|w| {
            let Some(w) = w.as_table() else { return false };
            got.iter().any(|g| {
                let names = [
                    g["name"].as_str(),
                    g.get("canonical").and_then(Value::as_str),
                ];
                let name_ok = w
                    .get("name")
                    .and_then(Toml::as_str)
                    .is_some_and(|n| names.iter().flatten().any(|g| norm(g) == norm(n)));
                let role_ok = w.get("role").is_none_or(|r| same_value(g.get("role"), r));
                name_ok && role_ok
            })
        })
}

/// The meta fields a case may check, read off the document's `meta`.
fn meta_field<'a>(meta: &'a Value, field: &str) -> Option<&'a Value> {
    match field {
        "county" => meta["region"].get("county"),
        "period_name" => meta["period"].get("name"),
        _ => meta.get(field),
    }
}

/// The differences between what a case expects and what the document gives; empty when the
/// case holds.
fn check(doc: &Document, case: &toml::Table) -> Vec<String> {
    let out = serde_json::to_value(doc).expect("document serialises");
    let mut problems = Vec::new();
    if let Some(err) = &doc.error {
        problems.push(format!("error record: {}", err.message));
    }
    for kind in KINDS {
        let Some(want) = case.get(*kind) else {
            continue;
        };
        let want: Vec<&toml::Table> = want
            .as_array()
            .map(|a| a.iter().filter_map(Toml::as_table).collect())
            .unwrap_or_default();
        let got: Vec<&Value> = out[*kind]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let mut free: Vec<bool> = vec![true; got.len()];
        for w in &want {
            let hit = (0..got.len()).find(|&i| free[i] && record_matches(kind, got[i], w));
            match hit {
                Some(i) => free[i] = false,
                None => problems.push(format!("{kind}: missing {}", Toml::Table((*w).clone()))),
            }
        }
        for (i, g) in got.iter().enumerate() {
            if free[i] {
                problems.push(format!("{kind}: extra {}", brief(kind, g)));
            }
        }
    }
    if let Some(meta) = case.get("meta").and_then(Toml::as_table) {
        for (field, w) in meta {
            let got = meta_field(&out["meta"], field);
            if !same_value(got, w) {
                problems.push(format!(
                    "meta.{field}: want {w}, got {}",
                    got.unwrap_or(&Value::Null)
                ));
            }
        }
    }
    problems
}

/// A short rendering of a produced record for failure reports.
fn brief(kind: &str, v: &Value) -> String {
    let keep: &[&str] = match kind {
        "goals" => &[
            "indicator",
            "comparator",
            "value",
            "value_high",
            "unit",
            "year",
            "status",
            "as_of",
            "indicator_id",
        ],
        "deadlines" => &["text", "date", "relation"],
        "responsibilities" => &["departments", "section"],
        _ => &["text", "deadline"],
    };
    let mut m = serde_json::Map::new();
    for k in keep {
        if let Some(x) = v.get(*k) {
            m.insert((*k).to_owned(), x.clone());
        }
    }
    Value::Object(m).to_string()
}

#[test]
fn extraction_cases() {
    let cases = load_cases();
    assert!(!cases.is_empty(), "no cases found");
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut known = 0;
    let mut names = std::collections::HashSet::new();
    for (file, case) in &cases {
        let name = case.get("name").and_then(Toml::as_str).unwrap_or("?");
        assert!(
            names.insert(name.to_owned()),
            "{file}: duplicate case name {name}"
        );
        for tag in ["field", "kind", "text"] {
            assert!(
                case.get(tag).and_then(Toml::as_str).is_some(),
                "{file}: case {name} has no {tag}"
            );
        }
        let text = case["text"].as_str().unwrap_or("");
        let doc = planmine::process(&format!("{name}.txt"), text.as_bytes());
        let problems = check(&doc, case);
        match case.get("known_failure").and_then(Toml::as_str) {
            Some(_) if problems.is_empty() => unexpected_passes.push(format!("{file}: {name}")),
            Some(_) => known += 1,
            None if problems.is_empty() => {}
            None => failures.push(format!("{file}: {name}\n    {}", problems.join("\n    "))),
        }
    }
    eprintln!(
        "{} cases: {} pass, {} known failures, {} failing, {} known failures now passing",
        cases.len(),
        cases.len() - known - failures.len() - unexpected_passes.len(),
        known,
        failures.len(),
        unexpected_passes.len()
    );
    assert!(
        failures.is_empty() && unexpected_passes.is_empty(),
        "failing cases:\n{}\nknown failures that now pass (remove their known_failure mark):\n{}",
        failures.join("\n"),
        unexpected_passes.join("\n")
    );
}
