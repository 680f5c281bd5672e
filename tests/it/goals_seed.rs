//! Seed-level checks of numeric goals: invariants every goal of a real document must hold.

use crate::common;

use planmine::records::GoalStatus;

#[test]
fn seed_goals_are_well_formed() {
    let docs = common::seed_documents();
    assert!(!docs.is_empty());
    let mut total = 0;
    for doc in &docs {
        for g in &doc.goals {
            total += 1;
            assert!(
                !g.indicator.trim().is_empty(),
                "{}: empty indicator {g:?}",
                doc.source
            );
            assert!(g.value.is_finite() && g.value >= 0.0, "{g:?}");
            assert!(g.span[0] <= g.span[1], "{g:?}");
            // Years are never values: a goal in 年 is a duration (每3-5年), not 2025年.
            if g.unit.as_deref() == Some("年") {
                assert!(g.value < 100.0, "{g:?}");
            }
            // A reported result has no due year.
            if g.status == GoalStatus::Achieved {
                assert_eq!(g.year, None, "{g:?}");
            }
            // A unitless value belongs to a rate or ratio.
            if g.unit.is_none() {
                assert!(
                    ["率", "比", "比例", "占比", "系数", "指数"]
                        .iter()
                        .any(|e| g.indicator.ends_with(e)),
                    "{g:?}"
                );
            }
            // Nothing from inside a book title.
            assert!(!g.indicator.contains('《'), "{g:?}");
        }
    }
    // Each seed document is a plan or report full of figures.
    assert!(total >= docs.len() * 5, "only {total} goals");
}

#[test]
fn seed_goal_spans_point_at_their_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        let bytes = std::fs::read(p).expect("read seed");
        let Ok(decoded) = planmine::decode(&bytes) else {
            continue;
        };
        let doc = planmine::process_decoded(&p.to_string_lossy(), &decoded);
        let chars: Vec<char> = decoded.text.chars().collect();
        for g in &doc.goals {
            let slice: String = chars[g.span[0]..g.span[1]].iter().collect();
            assert!(
                slice.contains(g.text.trim()),
                "span {:?} is {slice:?}, text {:?}",
                g.span,
                g.text
            );
        }
    }
}
