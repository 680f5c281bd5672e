//! Comparison of extracted goals across regions, by canonical indicator.
//!
//! SKELETON: filled by the comparison work.

use std::path::Path;

use crate::error::{Error, ErrorKind};

/// Entry point of `planmine compare OUT.jsonl --csv matrix.csv --html report.html`.
///
/// PLACEHOLDER so the CLI compiles: the comparison work replaces it with the real one.
///
/// # Errors
/// Always, until the comparison is built.
pub fn run_cli(input: &Path, csv: Option<&Path>, html: Option<&Path>) -> Result<(), Error> {
    let _ = (input, csv, html);
    Err(Error::new(
        ErrorKind::Undecodable,
        "planmine compare is not built yet",
    ))
}
