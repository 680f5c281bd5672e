//! Seed-level checks of responsibilities: invariants every statement of a real document must
//! hold.

use crate::common;

use planmine::records::Role;

/// Words that name persons, never bodies.
const PERSON_WORDS: &[&str] = &[
    "校长",
    "教师",
    "家长",
    "学生",
    "书记",
    "县长",
    "局长",
    "主任",
    "领导任",
];

#[test]
fn seed_responsibilities_are_well_formed() {
    let docs = common::seed_documents();
    let mut lists = 0;
    for doc in &docs {
        for r in &doc.responsibilities {
            assert!(!r.departments.is_empty(), "{r:?}");
            assert!(r.span[0] < r.span[1], "{r:?}");
            for d in &r.departments {
                assert!(
                    !PERSON_WORDS.iter().any(|w| d.name.ends_with(w)),
                    "{}: person as department {d:?}",
                    doc.source
                );
                assert!(!d.name.contains(['、', ',', ':', '(', ')']), "{d:?}");
                if let Some(c) = &d.canonical {
                    assert_ne!(c, &d.name, "{d:?}");
                }
            }
            if r.text.contains("责任部门") {
                lists += 1;
                assert!(r.departments.iter().all(|d| d.role == Role::Responsible));
            }
            // Every body of a statement is named once.
            let mut names: Vec<_> = r.departments.iter().map(|d| &d.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), r.departments.len(), "{r:?}");
        }
    }
    // The implementation plan seed labels every task with its bodies.
    assert!(lists >= 10, "{lists} labelled lists");
}

#[test]
fn seed_collectives_stay_whole_and_abbreviations_expand() {
    let docs = common::seed_documents();
    let all: Vec<_> = docs
        .iter()
        .flat_map(|d| &d.responsibilities)
        .flat_map(|r| &r.departments)
        .collect();
    assert!(all.iter().any(|d| d.name == "各镇人民政府"));
    assert!(all.iter().any(|d| d.name == "各街道办事处"));
    assert!(all
        .iter()
        .any(|d| d.canonical.as_deref() == Some("县教育和体育局") && d.name != "县教育和体育局"));
    // The addressee line of a notice (各镇人民政府,各街道办事处,…:) states no duty.
    for doc in &docs {
        for r in &doc.responsibilities {
            assert!(!r.text.trim_end().ends_with(':'), "{r:?}");
        }
    }
}
