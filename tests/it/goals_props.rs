//! Property checks: the goal extractor never panics and keeps its invariants on any text.

use proptest::prelude::*;

/// Characters that exercise the number and goal grammar.
const ALPHABET: &[char] = &[
    '1', '2', '0', '5', '9', '.', ',', '%', ':', '-', '+', '(', ')', '一', '二', '两', '十', '百',
    '千', '万', '亿', '〇', '零', '分', '之', '所', '人', '次', '个', '班', '元', '/', '•', '年',
    '月', '到', '至', '余', '多', '近', '约', '以', '上', '下', '不', '低', '于', '的', '、', '和',
    '分', '别', '达', '率', '比', '。', ';', '\n', '《', '》', '“', '”', '第', '每', '由', '调',
    '整', '已', '目', '前', '确', '保', '学', '校', 'I', 'V', '级', ' ', '、', '等',
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn goals_never_panic(idx in proptest::collection::vec(0..ALPHABET.len(), 0..120)) {
        let text: String = idx.iter().map(|&i| ALPHABET[i]).collect();
        let doc = planmine::process("prop.txt", text.as_bytes());
        for g in &doc.goals {
            prop_assert!(g.value.is_finite());
            prop_assert!(g.span[0] <= g.span[1]);
            prop_assert!(!g.indicator.is_empty());
        }
    }
}
