//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The seed documents `corpus/*.txt`, sorted by path.
pub fn seed_paths() -> Vec<PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

/// Every seed run through the whole pipeline, in path order.
pub fn seed_documents() -> Vec<planmine::Document> {
    seed_paths()
        .iter()
        .map(|p| planmine::process(&p.to_string_lossy(), &std::fs::read(p).expect("read seed")))
        .collect()
}

/// The header row of a CSV file, as owned strings.
pub fn csv_header<R: std::io::Read>(reader: &mut csv::Reader<R>) -> Vec<String> {
    reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect()
}
