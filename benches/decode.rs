//! Decode throughput (MB/s of input) on the corpus: Simplified input (seeds 002–004, UTF-8 and
//! GBK) and Traditional input (seeds 000–001, with pinyin, chrome and garbage).
//!
//! Web pages: the same Simplified text as a county site's article page (UTF-8 and GBK), MB/s
//! of markup: the whole decode, HTML to article text included.
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
    let page = html_page(std::str::from_utf8(&simplified).expect("utf-8"));
    let page_gbk = encoding_rs::GBK.encode(&page).0.into_owned();
    for (name, input) in [("html_utf8", page.as_bytes()), ("html_gbk", &page_gbk)] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| planmine::decode(std::hint::black_box(input)).expect("decodes"))
        });
    }
    // The HTML reader alone (already decoded markup to article text): MB/s of markup.
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html_to_text", |b| {
        b.iter(|| planmine::decode::html_to_text(std::hint::black_box(&page)))
    });
    // A PDF (five pages written by LibreOffice, fonts embedded): MB/s of the file.
    let pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/pdf/long_plan.pdf"
    ))
    .expect("the PDF fixture");
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function("pdf", |b| {
        b.iter(|| planmine::decode(std::hint::black_box(&pdf)).expect("decodes"))
    });
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

/// `text` as a government CMS writes an article: every paragraph styled, site chrome around.
fn html_page(text: &str) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"gb2312\"><title>规划_某县人民政府</title>\
         <script>var _hmt = _hmt || []; (function() { var hm = document.createElement(\"script\"); })();</script>\
         <style>.nav li { float: left; margin: 0 10px; }</style></head><body><div class=\"nav\"><ul>",
    );
    for i in 0..40 {
        page.push_str(&format!(
            "<li><a href=\"/col/col{i}/index.html\" target=\"_blank\">栏目{i}</a></li>"
        ));
    }
    page.push_str("</ul></div><div class=\"main\"><div class=\"TRS_Editor\">");
    for line in text.lines() {
        page.push_str("<p style=\"text-indent: 2em; line-height: 1.75; margin: 0 0 10px\"><span style=\"font-family: 仿宋_GB2312; font-size: 16pt\">");
        page.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
        page.push_str("</span></p>\n");
    }
    page.push_str(
        "</div></div><div class=\"footer\">主办单位:某县人民政府办公室</div></body></html>",
    );
    page
}

criterion_group!(benches, bench);
criterion_main!(benches);
