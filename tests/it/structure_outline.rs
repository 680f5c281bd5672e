//! Outline and sentence checks on the seed corpus: heading counts as a reader counts them,
//! paths, and no heading inside a sentence.

use planmine::structure::{HeadingKind, Structure};

fn seed(prefix: &str) -> (String, Structure) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let path = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .expect("seed file");
    let bytes = std::fs::read(path).expect("read seed");
    let text = planmine::decode(&bytes).expect("decode seed").text;
    let s = planmine::analyze(&text);
    (text, s)
}

fn level_counts(s: &Structure) -> (usize, usize) {
    let top = s.headings.iter().filter(|h| h.depth == 0).count();
    let second = s.headings.iter().filter(|h| h.depth == 1).count();
    (top, second)
}

fn has_path(s: &Structure, path: &str) -> bool {
    s.headings.iter().any(|h| h.path == path)
}

/// Invariants every document must satisfy.
fn check_invariants(text: &str, s: &Structure) {
    for h in &s.headings {
        // No heading starts inside a sentence.
        for x in &s.sentences {
            assert!(
                !(x.span.start < h.span.start && h.span.start < x.span.end),
                "heading {} inside sentence {:?}",
                h.path,
                &text[x.span.clone()]
            );
        }
        assert!(h.scope.start <= h.span.start && h.span.end <= h.scope.end.max(h.span.end));
        assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
        if let Some(p) = h.parent {
            assert!(h.path.starts_with(&s.headings[p].path));
            assert_eq!(h.depth, s.headings[p].depth + 1);
        }
    }
    let mut prev = 0;
    for x in &s.sentences {
        assert!(
            x.span.start >= prev,
            "sentences overlap or are out of order"
        );
        assert!(!x.span.is_empty());
        assert_eq!(x.clauses.first().map(|c| c.start), Some(x.span.start));
        assert_eq!(x.clauses.last().map(|c| c.end), Some(x.span.end));
        prev = x.span.end;
        if let Some(h) = x.heading {
            assert_eq!(&text[x.span.clone()], s.headings[h].title);
        }
    }
    // Every non-empty title is a sentence.
    for (i, h) in s.headings.iter().enumerate() {
        if !h.title.is_empty() {
            assert!(
                s.sentences.iter().any(|x| x.heading == Some(i)),
                "title of {}",
                h.path
            );
        }
    }
}

#[test]
fn seed_000_outline() {
    let (text, s) = seed("000_");
    check_invariants(&text, &s);
    // 一 二 三; (一)-(三) under 一, (一)-(八) under 二, (一)-(三) under 三.
    assert_eq!(level_counts(&s), (3, 14));
    assert!(has_path(&s, "一/(三)/4/(7)"));
    assert!(has_path(&s, "二/(八)/4"));
    assert!(!has_path(&s, "二/(八)/5"));
    let h = s.headings.iter().find(|h| h.path == "一/(三)/1").unwrap();
    assert_eq!(h.title, "学校布局更加合理");
    // `(七)全面提高教育评价质量。` keeps its title without the full stop.
    let h = s.headings.iter().find(|h| h.path == "二/(七)").unwrap();
    assert_eq!(h.title, "全面提高教育评价质量");
}

#[test]
fn seed_001_has_no_outline() {
    let (text, s) = seed("001_");
    check_invariants(&text, &s);
    // A page of site boilerplate and one run-on paragraph: the bulleted site notes are no outline.
    assert_eq!(level_counts(&s), (0, 0));
}

#[test]
fn seed_002_outline() {
    let (text, s) = seed("002_");
    check_invariants(&text, &s);
    // 一 二 三 四 + 专栏一 + 附件; (一)-(七), (一)-(三), (一)-(九), (一)-(五), and 附件/一-八.
    assert_eq!(level_counts(&s), (6, 32));
    for p in [
        "一/(二)/6",
        "三/(二)/2/(3)",
        "三/(五)/4",
        "专栏一",
        "附件/八",
        "四/(五)",
    ] {
        assert!(has_path(&s, p), "{p}");
    }
    let b = s
        .headings
        .iter()
        .find(|h| h.kind == HeadingKind::Box)
        .unwrap();
    assert_eq!(b.title, "“十四五”教育事业发展主要目标");
    // The box sits between 二 and 三 and starts its own path.
    let pos = text.find("学前教育毛入园率(%)").unwrap();
    assert_eq!(s.section_at(pos), Some("专栏一"));
}

#[test]
fn seed_003_outline() {
    let (text, s) = seed("003_");
    check_invariants(&text, &s);
    // 一 二 三 + 附件; (一)-(三) under 二 and under 三. Tasks 1-14 run across (一)(二)(三).
    assert_eq!(level_counts(&s), (4, 6));
    for p in [
        "二/(一)/1",
        "二/(一)/3",
        "二/(二)/4",
        "二/(二)/6",
        "二/(三)/7",
        "二/(三)/14",
    ] {
        assert!(has_path(&s, p), "{p}");
    }
    assert!(!has_path(&s, "二/(一)/4"));
    // `1.强化教育经费保障。正文…`: the title is a sentence of its own, without the label.
    let i = s
        .headings
        .iter()
        .position(|h| h.path == "二/(一)/1")
        .unwrap();
    let title = s.title_sentence(i).expect("title sentence");
    assert_eq!(&text[title.span.clone()], "强化教育经费保障");
    let next = s
        .sentences
        .iter()
        .find(|x| x.span.start >= title.span.end)
        .unwrap();
    assert!(text[next.span.clone()].starts_with("全面落实义务教育经费保障机制"));
    // The annex note `附件:…` at the end of the body is not the annex itself.
    let annex: Vec<_> = s
        .headings
        .iter()
        .filter(|h| h.kind == HeadingKind::Annex)
        .collect();
    assert_eq!(annex.len(), 1);
    let pos = text.find("领导小组下设办公室").unwrap();
    assert_eq!(s.section_at(pos), Some("附件"));
}

#[test]
fn seed_004_outline() {
    let (text, s) = seed("004_");
    check_invariants(&text, &s);
    // 一-六 with tasks 1-32 numbered straight under them.
    assert_eq!(level_counts(&s), (6, 32));
    for p in ["一/1", "一/3", "二/4", "五/18", "六/32"] {
        assert!(has_path(&s, p), "{p}");
    }
    // `2019年全市教育工作要点` is no heading.
    assert!(s
        .headings
        .iter()
        .all(|h| h.kind != HeadingKind::Number || h.number <= 32));
}
