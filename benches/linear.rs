//! Time per MB of the whole pipeline (`planmine::process`) on one document of 1 to 64 MB, built
//! by repeating the seeds' text, with its line breaks and with none (a page saved as one long
//! line). Every stage must be linear in its input: the MB/s figures of one series stay flat.
//!
//! Slow by nature (a 64 MB document takes seconds); run it alone:
//! `cargo bench --bench linear -- --warm-up-time 1 --measurement-time 10`.

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

mod common;

/// `size` bytes (decimal MB, below the 64 MiB default limit) of the seeds' text, cut at a char
/// boundary; without line breaks when `flat`.
fn document(seeds: &str, size: usize) -> Vec<u8> {
    let mut out = String::with_capacity(size + seeds.len());
    while out.len() < size {
        out.push_str(seeds);
    }
    let mut end = size;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out.into_bytes()
}

fn linear(c: &mut Criterion) {
    let lines = common::seed_texts().join("\n");
    let flat: String = lines.chars().filter(|&c| c != '\n').collect();
    let mut group = c.benchmark_group("linear");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for (name, seeds) in [("lines", &lines), ("one_line", &flat)] {
        for mb in [1, 4, 16, 64] {
            let input = document(seeds, mb * 1_000_000);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(name, format!("{mb}MB")),
                &input,
                |b, input| b.iter(|| planmine::process("bench.txt", std::hint::black_box(input))),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, linear);
criterion_main!(benches);
