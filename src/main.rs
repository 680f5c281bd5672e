//! The `planmine` command-line tool: a thin layer over the library.
//!
//! SKELETON: `extract [PATHS…]` and `decode FILE`; the batch issue builds the real CLI.

use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            collect(&entry, out);
        }
    } else {
        out.push(path.to_owned());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.first().map(String::as_str) {
        Some("decode") => {
            let Some(path) = args.get(1) else {
                eprintln!("usage: planmine decode FILE");
                std::process::exit(2);
            };
            match std::fs::read(path)
                .map_err(planmine::Error::from)
                .and_then(|b| planmine::decode(&b))
            {
                Ok(decoded) => {
                    let _ = out.write_all(decoded.text.as_bytes());
                }
                Err(err) => {
                    eprintln!("planmine: {path}: {err}");
                    std::process::exit(1);
                }
            }
        }
        Some("extract") => {
            let roots: Vec<PathBuf> = if args.len() > 1 {
                args[1..].iter().map(PathBuf::from).collect()
            } else {
                vec![PathBuf::from("corpus")]
            };
            let mut files = Vec::new();
            for root in &roots {
                collect(root, &mut files);
            }
            for file in files {
                let source = file.display().to_string();
                let doc = match std::fs::read(&file) {
                    Ok(bytes) => planmine::process(&source, &bytes),
                    Err(err) => planmine::Document {
                        source,
                        error: Some(planmine::Error::from(err).to_record()),
                        ..Default::default()
                    },
                };
                let _ = serde_json::to_writer(&mut out, &doc);
                let _ = out.write_all(b"\n");
            }
        }
        _ => {
            eprintln!("usage: planmine extract [PATHS...] | planmine decode FILE");
            std::process::exit(2);
        }
    }
}
