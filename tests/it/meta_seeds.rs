//! Seed-level checks of the metadata stage: each seed document runs through the whole
//! pipeline and its `meta` is compared with what a reader of the document sees.

use planmine::records::Meta;

fn meta_of(stem: &str) -> Meta {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let path = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(stem))
        })
        .expect("seed file");
    let bytes = std::fs::read(&path).expect("readable seed");
    let doc = planmine::process(&path.to_string_lossy(), &bytes);
    doc.meta.expect("meta present")
}

fn county(m: &Meta) -> Option<&str> {
    m.region.as_ref().and_then(|r| r.county.as_deref())
}

#[test]
fn seed_000_covering_notice_behind_web_chrome() {
    let m = meta_of("000_");
    assert_eq!(
        m.title.as_deref(),
        Some("平阴县教育事业发展“十四五”规划(2021—2025)")
    );
    assert_eq!(m.issuer.as_deref(), Some("平阴县人民政府办公室"));
    assert_eq!(m.doc_number.as_deref(), Some("平政办字〔2021〕26号"));
    assert_eq!(m.date.as_deref(), Some("2021-12-20"));
    assert_eq!(m.kind.as_deref(), Some("规划"));
    assert_eq!(
        m.period.as_ref().and_then(|p| p.name.as_deref()),
        Some("十四五")
    );
    assert_eq!(county(&m), Some("平阴县"));
}

#[test]
fn seed_001_article_with_page_headers() {
    let m = meta_of("001_");
    assert_eq!(m.title.as_deref(), Some("切实推动教育均衡发展"));
    assert_eq!(
        (m.issuer, m.doc_number, m.date, m.kind),
        (None, None, None, None)
    );
    assert_eq!(m.period, None);
    let r = m.region.expect("region from the county the text names");
    assert_eq!(r.county.as_deref(), Some("徽县"));
    assert_eq!(r.city.as_deref(), Some("陇南市"));
}

#[test]
fn seed_002_plan_starting_with_its_title() {
    let m = meta_of("002_");
    assert_eq!(m.title.as_deref(), Some("迎泽区“十四五”教育事业发展规划"));
    assert_eq!((&m.issuer, &m.doc_number, &m.date), (&None, &None, &None));
    assert_eq!(m.kind.as_deref(), Some("规划"));
    assert_eq!(county(&m), Some("迎泽区"));
}

#[test]
fn seed_003_notice_title_over_two_lines() {
    let m = meta_of("003_");
    assert_eq!(
        m.title.as_deref(),
        Some("创建全国义务教育优质均衡发展县实施方案")
    );
    assert_eq!(m.issuer.as_deref(), Some("沂源县人民政府办公室"));
    assert_eq!(m.doc_number.as_deref(), Some("源政办字〔2024〕17号"));
    assert_eq!(m.date.as_deref(), Some("2024-05-08"));
    assert_eq!(m.kind.as_deref(), Some("实施方案"));
    assert_eq!(m.period, None);
    assert_eq!(county(&m), Some("沂源县"));
}

#[test]
fn seed_004_work_points_with_source_line() {
    let m = meta_of("004_");
    assert_eq!(m.title.as_deref(), Some("2019年全市教育工作要点"));
    assert_eq!((&m.issuer, &m.date), (&None, &None));
    assert_eq!(m.kind.as_deref(), Some("工作要点"));
    assert_eq!(m.period, None);
    assert_eq!(county(&m), Some("荣成市"));
}
