//! Decodes a file in any encoding and traces each extracted goal back to the bytes of the
//! original file it came from (for auditing a figure against the source document).
//!
//! ```sh
//! cargo run --release --example decode_provenance -- corpus/000_c43a036862b30370.txt
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/002_aeb0c3b66534d2cc.txt".to_owned());
    let bytes = std::fs::read(&path)?;
    let decoded = planmine::decode(&bytes)?;
    let report = &decoded.report;
    println!(
        "{path}: {} bytes read as {} (script {:?}, mixed {}, {} mojibake runs repaired, {} pinyin \
         annotations and {} boilerplate lines removed)",
        bytes.len(),
        report.encoding,
        report.script,
        report.mixed_encoding,
        report.mojibake_repaired,
        report.pinyin_annotations_removed,
        report.boilerplate_lines_removed
    );
    let doc = planmine::process_decoded(&path, &decoded);
    // Show the original bytes in the encoding they were read as.
    let encoding =
        encoding_rs::Encoding::for_label(report.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    for goal in doc.goals.iter().take(10) {
        let [start, end] = goal.span;
        match decoded.source_range(start..end) {
            Some(range) => {
                let (original, _, _) = encoding.decode(&bytes[range.clone()]);
                println!(
                    "{} = {}{}\n  normalised chars {start}..{end}: {}\n  input bytes {}..{}: {}",
                    goal.indicator,
                    goal.value,
                    goal.unit.as_deref().unwrap_or(""),
                    goal.text,
                    range.start,
                    range.end,
                    original.trim()
                );
            }
            None => println!("{}: no source range for {start}..{end}", goal.indicator),
        }
    }
    if doc.goals.is_empty() {
        // Still show the mapping on the first line of text.
        let chars = decoded.text.chars().take_while(|&c| c != '\n').count();
        if let Some(range) = decoded.source_range(0..chars) {
            println!("first line (chars 0..{chars}) came from input bytes {range:?}");
        }
    }
    Ok(())
}
