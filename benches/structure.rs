//! Structure + words throughput on the normalised seed corpus (MB/s of normalised text).
//!
//! Run briefly: `cargo bench --bench structure -- --warm-up-time 1 --measurement-time 3`.
//!
//! Besides wall time, the `structure_cpu` group measures the benchmark thread's own CPU time
//! (Linux `/proc/thread-self/schedstat`), which is the per-core figure the issue asks for and
//! stays meaningful on a machine shared by other jobs.

use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use planmine::structure::{analyze, words};

mod common;

/// CPU time of the calling thread in nanoseconds (wall time where /proc is missing).
fn thread_cpu_ns() -> u64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| START.get_or_init(Instant::now).elapsed().as_nanos() as u64)
}

/// Criterion measurement of the benchmark thread's CPU time.
struct ThreadCpu;

/// Formats CPU nanoseconds like wall time, and bytes per CPU second.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns")
        } else if typical < 1e6 {
            (1e-3, "µs")
        } else if typical < 1e9 {
            (1e-6, "ms")
        } else {
            (1e-9, "s")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let (amount, unit, div) = match *throughput {
            Throughput::Bytes(b) => (b as f64, "MiB/s", 1024.0 * 1024.0),
            Throughput::BytesDecimal(b) => (b as f64, "MB/s", 1e6),
            Throughput::Elements(e) => (e as f64, "Melem/s", 1e6),
            Throughput::Bits(b) => (b as f64, "Mb/s", 1e6),
        };
        values.iter_mut().for_each(|v| *v = amount * 1e9 / *v / div);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start).max(1)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

fn run<M: Measurement>(group: &mut BenchmarkGroup<'_, M>, texts: &[String]) {
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
            for t in texts {
                let s = analyze(t);
                for x in &s.sentences {
                    n += words::tokenize_range(t, x.span.clone()).len();
                }
            }
            n
        })
    });
}

fn bench(c: &mut Criterion) {
    let texts = common::seed_texts();
    let bytes = texts.iter().map(String::len).sum::<usize>() as u64;
    // Build the segmenter outside the measurement: it is built once per process.
    let _ = words::segmenter();
    let mut group = c.benchmark_group("structure");
    group.throughput(Throughput::BytesDecimal(bytes));
    run(&mut group, &texts);
    group.finish();

    let mut cpu = Criterion::default()
        .with_measurement(ThreadCpu)
        .configure_from_args();
    let mut group = cpu.benchmark_group("structure_cpu");
    group.throughput(Throughput::BytesDecimal(bytes));
    run(&mut group, &texts);
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
