//! The seed documents of `corpus/` that the benches measure on.

use std::path::PathBuf;

/// Every file of `corpus/` with its bytes, sorted by path.
pub fn seed_files() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect()
}

/// The normalised text of every seed that decodes, in path order.
#[allow(dead_code)] // not every bench uses it
pub fn seed_texts() -> Vec<String> {
    seed_files()
        .iter()
        .filter_map(|(_, b)| planmine::decode(b).ok().map(|d| d.text))
        .collect()
}
