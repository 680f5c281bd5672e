//! Extraction throughput (metadata + goals + deadlines + responsibilities + targets) on the
//! normalised seed corpus, in MB/s of normalised text. Decoding and structure analysis run once,
//! outside the measured loop, so this is the extraction stage alone.
//!
//! Run briefly: `cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use planmine::structure::Structure;

mod common;

fn corpus() -> Vec<(String, Structure)> {
    common::seed_texts()
        .into_iter()
        .map(|text| {
            let structure = planmine::analyze(&text);
            (text, structure)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    // Build the process-wide tables (gazetteer, automata) before measuring.
    for (text, structure) in &docs {
        planmine::extract::extract(text, structure);
    }
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(text, structure)| planmine::extract::extract(text, structure).goals.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
