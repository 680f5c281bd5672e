//! Property checks: the metadata reader never panics and keeps its promises on any text.

use planmine::extract::meta;
use proptest::prelude::*;

/// Pieces that exercise the reader's patterns, mixed with arbitrary text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("关于印发".to_owned()),
        Just("的通知".to_owned()),
        Just("《".to_owned()),
        Just("》".to_owned()),
        Just("平阴县".to_owned()),
        Just("朝阳区".to_owned()),
        Just("人民政府办公室".to_owned()),
        Just("〔2021〕26号".to_owned()),
        Just("二〇二一年十二月二十日".to_owned()),
        Just("2021-12-20".to_owned()),
        Just("“十四五”规划".to_owned()),
        Just("(2021—2025)".to_owned()),
        Just("_第1页".to_owned()),
        Just("来源:".to_owned()),
        Just("标  题:".to_owned()),
        Just("11370124004209020U".to_owned()),
        Just("\n".to_owned()),
        Just("。".to_owned()),
        Just("(".to_owned()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_normalises(pieces in proptest::collection::vec(piece(), 0..40)) {
        let text: String = pieces.concat();
        let structure = planmine::analyze(&text);
        let m = meta::extract(&text, &structure);
        if let Some(n) = &m.doc_number {
            prop_assert!(n.contains('〔') && n.contains('〕') && n.ends_with('号'));
        }
        if let Some(d) = &m.date {
            prop_assert!(d.len() == 7 || d.len() == 10, "{}", d);
        }
        if let Some(p) = &m.period {
            prop_assert!(p.start < p.end);
        }
        if let Some(t) = &m.title {
            prop_assert!(!t.trim().is_empty());
        }
    }
}
