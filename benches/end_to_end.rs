//! End-to-end throughput: the whole pipeline (decode → structure → extract → records, plus JSON
//! serialisation) over every file of `corpus/`, in MB/s of input.
//!
//! ```sh
//! cargo bench --bench end_to_end -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! `single_thread` is the per-core figure; `corpus_jobs/N` runs the batch API on N threads
//! (reading files and a pool per run included) so the speed-up from 1 to 2 jobs can be read off.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn load_corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<(String, Vec<u8>)> = planmine::Corpus::open(&dir)
        .expect("corpus/ exists")
        .paths()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    files.sort();
    files
}

fn end_to_end(c: &mut Criterion) {
    let files = load_corpus();
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("single_thread", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            for (source, data) in &files {
                let doc = planmine::process(source, data);
                serde_json::to_writer(&mut out, &doc).expect("serialise");
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for jobs in [1, 2] {
        let corpus = planmine::Corpus::open(&dir).expect("corpus/").jobs(jobs);
        group.bench_function(format!("corpus_jobs/{jobs}"), |b| {
            b.iter(|| {
                // As the CLI does: serialise on the workers, write in order here.
                let mut out = Vec::with_capacity(1 << 20);
                for line in corpus.par_map(|doc| serde_json::to_vec(&doc).unwrap_or_default()) {
                    out.extend_from_slice(&line);
                    out.push(b'\n');
                }
                black_box(out.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
