//! Processes a folder on all cores and writes a CSV of goals (one row per goal, with each
//! document's metadata), as Excel likes it: UTF-8 with BOM and CRLF
//! (`GoalsCsv::with_style(file, CsvStyle::Plain)` writes it for pandas or R instead).
//!
//! ```sh
//! cargo run --release --example batch_to_csv -- corpus/ goals.csv
//! ```

use planmine::corpus::{GoalsCsv, Summary};
use planmine::Corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().unwrap_or_else(|| "corpus/".to_owned());
    let output = args.next().unwrap_or_else(|| "goals.csv".to_owned());

    let start = std::time::Instant::now();
    let corpus = Corpus::open(&folder)?; // sorted, recursive; jobs default to all cores
    let file = std::io::BufWriter::new(std::fs::File::create(&output)?);
    let mut csv = GoalsCsv::new(file)?;
    let mut summary = Summary::default();
    let mut stream = corpus.par_extract();
    let mut done = 0;
    // Documents arrive in path order while later ones are still being processed.
    while let Some(doc) = stream.next() {
        summary.add(&doc, stream.bytes_done() - done);
        done = stream.bytes_done();
        if let Some(error) = &doc.error {
            eprintln!("{}: {} ({})", doc.source, error.message, error.kind);
        }
        csv.write_document(&doc)?;
    }
    csv.finish()?;
    eprintln!("{output}: {}", summary.report(start.elapsed()));
    Ok(())
}
