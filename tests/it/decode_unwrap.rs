//! Hard-wrapped copies of the seeds (every line cut at 60 columns, as text copied out of a
//! PDF) decode to the same text as the originals wherever the originals' own lines were
//! paragraphs, and give the same records.

use crate::common;

/// Cuts every line of `text` at `width` display columns (CJK chars count two).
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for c in line.chars() {
            let w = if (c as u32) < 0x1100 { 1 } else { 2 };
            if used + w > width {
                out.push('\n');
                used = 0;
            }
            out.push(c);
            used += w;
        }
    }
    out
}

fn goals(doc: &planmine::Document) -> Vec<(String, String)> {
    let mut g: Vec<(String, String)> = doc
        .goals
        .iter()
        .map(|g| (g.indicator.clone(), format!("{:?}", g.value)))
        .collect();
    g.sort();
    g
}

#[test]
fn wrapped_seeds_give_the_originals_goals() {
    let mut checked = 0;
    for path in common::seed_paths() {
        let text = std::fs::read_to_string(&path).expect("seed");
        // The seeds with pinyin or mojibake change line widths once repaired: the others.
        let original = planmine::process("original", text.as_bytes());
        let report = original.decode.as_ref().expect("decodes");
        if report.pinyin_annotations_removed > 0 || !report.corrupt_spans.is_empty() {
            continue;
        }
        assert_eq!(
            report.wrapped_lines_joined,
            0,
            "{}: not wrapped",
            path.display()
        );
        let wrapped = planmine::process("wrapped", hard_wrap(&text, 60).as_bytes());
        let wreport = wrapped.decode.as_ref().expect("decodes");
        assert!(wreport.wrapped_lines_joined > 0, "{}", path.display());
        assert_eq!(goals(&wrapped), goals(&original), "{}", path.display());
        assert_eq!(wrapped.deadlines.len(), original.deadlines.len());
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} seeds checked");
}
