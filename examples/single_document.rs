//! Runs the whole pipeline on one document and prints what it found.
//!
//! ```sh
//! cargo run --release --example single_document -- corpus/002_aeb0c3b66534d2cc.txt
//! cargo run --release --example single_document            # a built-in sample
//! ```

const SAMPLE: &str = "某县教育事业发展“十四五”规划\n一、发展目标\n\
    到2025年,全县学前教育毛入园率达到95%以上,九年义务教育巩固率保持在98%以上。\n\
    (责任单位:县教育和体育局、县财政局)\n";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (source, bytes) = match std::env::args().nth(1) {
        Some(path) => {
            let bytes = std::fs::read(&path)?;
            (path, bytes)
        }
        None => ("sample.txt".to_owned(), SAMPLE.as_bytes().to_vec()),
    };
    let doc = planmine::process(&source, &bytes);
    if let Some(error) = &doc.error {
        eprintln!("{source}: {} ({})", error.message, error.kind);
        std::process::exit(1);
    }
    if let Some(meta) = &doc.meta {
        println!("title:  {}", meta.title.as_deref().unwrap_or("?"));
        println!("issuer: {}", meta.issuer.as_deref().unwrap_or("?"));
    }
    println!(
        "{} goals, {} deadlines, {} responsibilities, {} targets",
        doc.goals.len(),
        doc.deadlines.len(),
        doc.responsibilities.len(),
        doc.targets.len()
    );
    for goal in &doc.goals {
        println!(
            "  [{}] {} {:?} {}{} (year {:?})",
            goal.section.as_deref().unwrap_or("-"),
            goal.indicator,
            goal.comparator,
            goal.value,
            goal.unit.as_deref().unwrap_or(""),
            goal.year
        );
    }
    // The whole record, as `planmine extract` writes it.
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}
