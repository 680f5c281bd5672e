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
