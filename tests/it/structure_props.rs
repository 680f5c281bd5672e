//! Property tests: `analyze` never panics and its spans are well formed on any input.

use proptest::prelude::*;

/// Pieces that exercise every rule: labels, marks, table cells, annex and box lines.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十二、",
    "(一)",
    "(二)",
    "1.",
    "2.",
    "3 .",
    "12.4",
    "1.3万",
    "(1)",
    "(2)",
    "第一章",
    "第二条",
    "专栏一",
    "附件",
    "附件1:",
    "指标",
    "序号",
    "2020年",
    "2025年",
    "属性",
    "约束性",
    "预期性",
    "其中:小学",
    "95",
    "98.5",
    "|",
    " | ",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    "。",
    ",",
    ";",
    ":",
    "!",
    "?",
    "、",
    "\n",
    "\n\n",
    " ",
    "推进改革",
    "县教育和体育局",
    "毛入园率达到98%",
    "2019年",
    "\u{3000}",
    "é",
    "🙂",
];

fn check(text: &str) {
    let s = planmine::analyze(text);
    for h in &s.headings {
        assert!(text.get(h.span.clone()).is_some());
        assert!(h.scope.start <= h.span.start);
        assert!(text.get(h.label_span.clone()).is_some());
        assert!(text.get(h.title_span.clone()).is_some());
        assert!(h.scope.end <= text.len());
        if let Some(p) = h.parent {
            assert!(p < s.headings.len());
        }
    }
    let mut prev = 0;
    for x in &s.sentences {
        assert!(text.get(x.span.clone()).is_some());
        assert!(x.span.start >= prev && x.span.start < x.span.end);
        prev = x.span.end;
        for c in &x.clauses {
            assert!(text.get(c.clone()).is_some());
            assert!(x.span.start <= c.start && c.end <= x.span.end);
        }
    }
    for t in &s.tables {
        assert!(text.get(t.span.clone()).is_some());
        for r in &t.rows {
            assert_eq!(r.cells.len(), t.columns.len());
            assert!(text.get(r.span.clone()).is_some());
        }
    }
    for pos in [0, text.len() / 2, text.len()] {
        let _ = s.section_at(pos);
        let _ = s.table_at(pos);
    }
    let _ = planmine::structure::words::tokenize(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pieces_never_panic(idx in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = idx.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }

    #[test]
    fn any_string_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }
}

/// Inputs that would be quadratic if any rule rescanned: analysis must stay fast enough to
/// finish (no timing assertion, just a size at which quadratic code would hang the test).
#[test]
fn long_pathological_inputs_finish() {
    let many_pipes = "a | b\n".repeat(20_000);
    let one_cell_pipes = "| a |\n".repeat(20_000);
    let many_headers = "指标\n".repeat(20_000);
    let header_runs = "序号\n指标\n属性\n".repeat(10_000);
    let open_quotes = "“".repeat(50_000);
    let labels = "一、甲\n(一)乙\n1.丙\n(1)丁\n".repeat(5_000);
    let inline = "。(1)".repeat(20_000);
    for text in [
        many_pipes,
        one_cell_pipes,
        many_headers,
        header_runs,
        open_quotes,
        labels,
        inline,
    ] {
        let s = planmine::analyze(&text);
        let _ = s.section_at(text.len() / 2);
    }
}
