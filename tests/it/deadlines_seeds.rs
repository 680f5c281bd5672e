//! Seed-level checks of deadlines: invariants every deadline of a real document must hold, and
//! the kinds of phrase each seed is known to contain.

use crate::common;

use planmine::records::DeadlineRelation;

/// (source, normalised text, document) of every seed.
fn seeds() -> Vec<(String, String, planmine::Document)> {
    common::seed_paths()
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("read seed");
            let decoded = planmine::decode::decode(&bytes).expect("decode seed");
            let source = p.to_string_lossy().into_owned();
            let doc = planmine::process_decoded(&source, &decoded);
            (source, decoded.text, doc)
        })
        .collect()
}

fn slice(text: &str, span: [usize; 2]) -> String {
    text.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

#[test]
fn seed_deadlines_are_well_formed() {
    let seeds = seeds();
    assert!(!seeds.is_empty());
    for (source, text, doc) in &seeds {
        for d in &doc.deadlines {
            // The span points at the phrase.
            assert_eq!(slice(text, d.span), d.text, "{source}: {d:?}");
            match d.relation {
                DeadlineRelation::Recurring => assert_eq!(d.date, None, "{d:?}"),
                _ => {
                    if let Some(date) = d.date.map(|d| d.to_string()) {
                        let year: i32 = date[..4].parse().expect("year");
                        assert!((2000..=2100).contains(&year), "{d:?}");
                        assert!(matches!(date.len(), 4 | 7 | 10), "{d:?}");
                    }
                }
            }
            // History never comes out as a deadline.
            assert!(!d.text.contains("以来"), "{d:?}");
        }
    }
}

#[test]
fn seed_deadlines_cover_each_kind() {
    let seeds = seeds();
    let all: Vec<_> = seeds.iter().flat_map(|(_, _, d)| &d.deadlines).collect();
    let has = |date: Option<&str>, relation: DeadlineRelation| {
        all.iter()
            .any(|d| d.date.map(|d| d.to_string()).as_deref() == date && d.relation == relation)
    };
    // A plan period's end, a dated event, a relative span and a recurring schedule.
    assert!(has(Some("2025"), DeadlineRelation::By));
    assert!(has(Some("2025"), DeadlineRelation::Within));
    assert!(has(Some("2024-09-10"), DeadlineRelation::On));
    assert!(has(Some("2024-12"), DeadlineRelation::By));
    assert!(has(None, DeadlineRelation::Recurring));
    // The one-year work plan resolves 年内/年底 to its own year.
    let work_plan = seeds
        .iter()
        .find(|(_, text, _)| text.contains("2019年全市教育工作要点"))
        .expect("work plan seed");
    let dates: Vec<_> = work_plan
        .2
        .deadlines
        .iter()
        .filter_map(|d| d.date.map(|d| d.to_string()))
        .collect();
    assert!(
        dates.iter().any(|d| d == "2019") && dates.iter().any(|d| d == "2019-12"),
        "{dates:?}"
    );
    // Signature and web-page dates are not deadlines.
    assert!(all
        .iter()
        .all(|d| d.relation != DeadlineRelation::On || d.text.contains('(')));
}
