//! Property checks over the whole pipeline with the words the rules key on: any order of
//! them, with punctuation, line breaks, non-BMP and two-byte chars between, never panics and
//! gives records whose spans and values are well formed.

use proptest::prelude::*;

/// Words and chars that reach deep into the extractors' rules.
const TOKENS: &[&str] = &[
    "到2025年",
    "2023年",
    "2024年底前",
    "年底前",
    "上半年",
    "3月底前",
    "6月30日前",
    "十四五",
    "十三五期间",
    "十五五",
    "累计",
    "确保",
    "力争",
    "同比增长",
    "增长",
    "下降",
    "5.2%",
    "6%左右",
    "4.5%—5%",
    "3-5年",
    "八成",
    "半数",
    "翻一番",
    "超千亿元",
    "1.96万户",
    "16.9/10万",
    "‰",
    "≥",
    ">",
    "-",
    "万吨",
    "亩",
    "千瓦时",
    "微克/立方米",
    "个工作日",
    "(牵头)",
    "牵头单位:",
    "责任单位:",
    "配合单位:",
    "按职责分工负责",
    "由",
    "县教育局",
    "各乡镇",
    "各镇(街道)",
    "领导小组办公室",
    "县安委会",
    "建成",
    "完成",
    "实现全覆盖",
    "动态清零",
    "分别达到",
    "城乡居民人均可支配收入",
    "其中",
    "一、",
    "(一)",
    "1.",
    "(1)",
    "专栏1",
    "附件",
    "政府工作报告",
    "——2024年1月15日在",
    "人民代表大会",
    "主要预期目标是:",
    "工作回顾",
    "。",
    ",",
    ";",
    ":",
    "、",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "“",
    "”",
    "《",
    "》",
    "é",
    "😀",
    "\u{200b}",
    "|",
    "2021年",
    "二〇三五年",
    "第",
    "每年",
    "逐年",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]
    #[test]
    fn pipeline_never_panics_on_rule_words(idx in proptest::collection::vec(0..TOKENS.len(), 0..80)) {
        let text: String = idx.iter().map(|&i| TOKENS[i]).collect();
        let doc = planmine::process("prop.txt", text.as_bytes());
        // Spans are char offsets into the normalised text.
        let chars = planmine::decode(text.as_bytes()).map_or(0, |d| d.text.chars().count());
        for g in &doc.goals {
            prop_assert!(g.value.is_finite());
            prop_assert!(g.value_high.is_none_or(f64::is_finite));
            prop_assert!(g.span[0] <= g.span[1] && g.span[1] <= chars);
        }
        for d in &doc.deadlines {
            prop_assert!(d.span[0] <= d.span[1] && d.span[1] <= chars);
            if let Some(date) = d.date {
                prop_assert!(date.to_string().parse::<planmine::records::PartialDate>().is_ok());
            }
        }
        for t in &doc.targets {
            prop_assert!(t.span[0] <= t.span[1] && t.span[1] <= chars);
            prop_assert!(t.goals.iter().all(|&i| i < doc.goals.len()));
        }
        for r in &doc.responsibilities {
            prop_assert!(r.span[0] <= r.span[1] && r.span[1] <= chars);
            prop_assert!(!r.departments.is_empty());
        }
    }
}

/// Inputs the fuzzer (`fuzz/run.sh`) once crashed on, kept as regressions: each gives a
/// document or an error record, without a panic.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let doc = planmine::process(&path.to_string_lossy(), &bytes);
        assert!(doc.error.is_none() || doc.goals.is_empty());
        seen += 1;
    }
    assert!(seen >= 1);
}
