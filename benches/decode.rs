//! Decode throughput (MB/s of input) on the corpus: Simplified input (seeds 002–004, UTF-8 and
//! GBK) and Traditional input (seeds 000–001, with pinyin, chrome and garbage).
//!
//! Run briefly: `cargo bench --bench decode -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;

/// The seeds whose names start with one of `prefixes`, joined by line breaks.
fn corpus(prefixes: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for (p, bytes) in common::seed_files() {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| prefixes.iter().any(|x| n.starts_with(x))) {
            out.extend(bytes);
            out.push(b'\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let simplified = corpus(&["002", "003", "004"]);
    let simplified_gbk = encoding_rs::GBK
        .encode(std::str::from_utf8(&simplified).expect("utf-8"))
        .0
        .into_owned();
    let traditional = corpus(&["000", "001"]);
    let mut group = c.benchmark_group("decode");
    for (name, input) in [
        ("simplified_utf8", &simplified),
        ("simplified_gbk", &simplified_gbk),
        ("traditional_utf8", &traditional),
    ] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| planmine::decode(std::hint::black_box(input)).expect("decodes"))
        });
    }
    // Worst case: high bytes that decode to garbage everywhere.
    let mut x = 7u32;
    let garbage: Vec<u8> = (0..100_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            0x80 | (x >> 16) as u8
        })
        .collect();
    group.throughput(Throughput::Bytes(garbage.len() as u64));
    group.bench_function("garbage_high_bytes", |b| {
        b.iter(|| planmine::decode(std::hint::black_box(&garbage)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
