//! Structure + words throughput on the normalised seed corpus (MB/s of normalised text).
//!
//! Run briefly: `cargo bench --bench structure -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use planmine::structure::{analyze, words};

fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| planmine::decode(&b).ok().map(|d| d.text))
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Build the segmenter outside the measurement: it is built once per process.
    let _ = words::segmenter();
    let mut group = c.benchmark_group("structure");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("analyze", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| std::hint::black_box(analyze(t)).sentences.len())
                .sum::<usize>()
        })
    });
    group.bench_function("analyze+words", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let s = analyze(t);
                for x in &s.sentences {
                    n += words::tokenize_range(t, x.span.clone()).len();
                }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
