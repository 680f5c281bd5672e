//! Table checks on the seed corpus.

use planmine::structure::ColumnRole;

#[test]
fn seed_002_box_table() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let path = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("002_"))
        .expect("seed 002");
    let text = planmine::decode(&std::fs::read(path).expect("read"))
        .expect("decode")
        .text;
    let s = planmine::analyze(&text);
    assert_eq!(s.tables.len(), 1);
    let t = &s.tables[0];
    assert!(t
        .caption
        .as_deref()
        .is_some_and(|c| c.starts_with("专栏一")));
    let years: Vec<_> = t.columns.iter().map(|c| c.year).collect();
    assert_eq!(years, [None, None, Some(2020), Some(2025), None]);
    assert_eq!(t.column(ColumnRole::Binding), Some(4));
    assert_eq!(t.rows.len(), 6);
    assert_eq!(t.rows[1].cells[1], "学前教育普惠率(%)");
    assert_eq!(t.rows[1].cells[2], "92.63");
    // The box ends with its table: the next section is 三 again.
    let after = text
        .find("三、“十四五”教育事业发展主要任务")
        .expect("heading");
    assert_eq!(s.section_at(t.span.end), Some("二/(三)/8"));
    assert_eq!(s.section_at(after), Some("三"));
    // No sentence comes from a table row.
    assert!(s
        .sentences
        .iter()
        .all(|x| !(t.rows[0].span.start <= x.span.start && x.span.start < t.span.end)));
}

/// A plan whose indicator table was flattened to one cell per line (blank lines between),
/// with category rows, numbered names, a unit column and a sub-row pair.
fn flattened_plan() -> String {
    [
        "XX县“十四五”教育事业发展规划",
        "一、发展目标",
        "到2025年,全县教育现代化水平明显提高。",
        "“十四五”教育事业发展主要指标",
        "指  标",
        "单位",
        "2020年",
        "2025年",
        "属  性",
        "一、普及水平",
        "1.学前教育毛入园率",
        "%",
        "96.5",
        "98以上",
        "约束性",
        "2.九年义务教育巩固率",
        "%",
        "99.2",
        "99.5",
        "约束性",
        "二、办学条件",
        "3.高中阶段教育毛入学率",
        "%",
        "95",
        "97",
        "预期性",
        "二、主要任务",
        "(一)加强党的建设",
        "全面加强党对教育工作的领导。",
    ]
    .join("\n\n")
}

#[test]
fn flattened_indicator_table_gives_goals() {
    use planmine::records::{Binding, Comparator};
    let doc = planmine::process("flat.txt", flattened_plan().as_bytes());
    let goal = |name: &str| {
        doc.goals
            .iter()
            .find(|g| g.indicator == name)
            .unwrap_or_else(|| panic!("no goal {name}: {:#?}", doc.goals))
    };
    let g = goal("学前教育毛入园率");
    assert_eq!(g.value, 98.0);
    assert_eq!(g.comparator, Comparator::Ge);
    assert_eq!(g.year, Some(2025));
    assert_eq!(g.unit.as_deref(), Some("%"));
    let b = g.baseline.as_ref().expect("baseline");
    assert_eq!((b.value, b.year), (96.5, Some(2020)));
    assert_eq!(g.binding, Some(Binding::Binding));
    assert_eq!(g.section.as_deref(), Some("一"));
    let g = goal("九年义务教育巩固率");
    assert_eq!((g.value, g.comparator), (99.5, Comparator::Eq));
    assert_eq!(g.baseline.as_ref().map(|b| b.value), Some(99.2));
    let g = goal("高中阶段教育毛入学率");
    assert_eq!((g.value, g.year), (97.0, Some(2025)));
    assert_eq!(g.binding, Some(Binding::Expected));
    // Category lines are neither goals nor headings; the outline after the table is intact.
    assert!(doc.goals.iter().all(|g| !g.indicator.contains("普及水平")));
    let table_goals = doc.goals.iter().filter(|g| g.binding.is_some()).count();
    assert_eq!(table_goals, 3);
}

#[test]
fn flattened_table_category_lines_are_no_headings() {
    let text = flattened_plan();
    let s = planmine::analyze(&text);
    assert_eq!(s.tables.len(), 1);
    let paths: Vec<_> = s.headings.iter().map(|h| h.path.as_str()).collect();
    assert_eq!(paths, ["一", "二", "二/(一)"]);
    let after = text.find("全面加强").expect("text");
    assert_eq!(s.section_at(after), Some("二/(一)"));
}

#[test]
fn breakdown_rows_are_named_under_their_indicator() {
    let text = [
        "主要发展指标",
        "指标",
        "2020年",
        "2025年",
        "属性",
        "1.义务教育学校大班额比例(%)",
        "其中:小学",
        "初中",
        "6.5",
        "4.2",
        "0",
        "0",
        "约束性",
        "2.专任教师研究生学历比例(%)",
        "3.1",
        "8",
        "预期性",
        "其中:高中教师研究生学历比例",
        "9.4",
        "20",
        "预期性",
        "3.幼儿园数量(所)",
        "45",
        "52",
        "预期性",
    ]
    .join("\n");
    let doc = planmine::process("breakdown.txt", text.as_bytes());
    let names: Vec<(&str, f64, Option<&str>)> = doc
        .goals
        .iter()
        .map(|g| (g.indicator.as_str(), g.value, g.unit.as_deref()))
        .collect();
    for expected in [
        ("义务教育学校大班额比例(小学)", 0.0, Some("%")),
        ("义务教育学校大班额比例(初中)", 0.0, Some("%")),
        ("专任教师研究生学历比例", 8.0, Some("%")),
        (
            "专任教师研究生学历比例(其中高中教师研究生学历比例)",
            20.0,
            Some("%"),
        ),
        // After a breakdown, an indicator of its own is no part of it.
        ("幼儿园数量", 52.0, Some("所")),
    ] {
        assert!(names.contains(&expected), "{expected:?} not in {names:#?}");
    }
}
