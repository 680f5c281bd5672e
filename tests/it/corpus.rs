//! Batch API: every input exactly once, in path order, for any number of threads.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use planmine::corpus::{self, GoalsCsv, Options, Summary};
use planmine::{Corpus, Document};

const PLAN: &str =
    "一、工作目标\n到2025年,全县学前教育毛入园率达到95%以上,普惠性幼儿园覆盖率达到90%。\n";

/// Deterministic pseudo-random bytes (xorshift), like a compressed or executable file.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

/// A folder holding one input of each kind; returns (folder, expected error kind per file name).
fn mixed_folder() -> (tempfile::TempDir, BTreeMap<String, Option<&'static str>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let mut expect = BTreeMap::new();
    let mut put = |name: &str, bytes: &[u8], kind: Option<&'static str>| {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
        expect.insert(name.to_owned(), kind);
    };
    put("a_utf8.txt", PLAN.as_bytes(), None);
    let (gbk, _, bad) = encoding_rs::GBK.encode(PLAN);
    assert!(!bad);
    put("b_gbk.txt", &gbk, None);
    let traditional = "一、工作目標\n到2025年,全縣學前教育毛入園率達到95%以上。\n";
    let (big5, _, bad) = encoding_rs::BIG5.encode(traditional);
    assert!(!bad);
    put("c_big5.txt", &big5, None);
    put("d_utf16.txt", &utf16le_with_bom(PLAN), None);
    put("e_empty.txt", b"", Some("empty"));
    put(
        "f_noise.bin",
        &noise(4096, 0x9e37_79b9_7f4a_7c15),
        Some("binary"),
    );
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(noise(500, 7));
    put("g_image.png", &png, Some("binary"));
    put("h_big.txt", PLAN.repeat(200).as_bytes(), Some("too_large"));
    put("sub/deeper/i_nested.txt", PLAN.as_bytes(), None);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("missing-target"), root.join("j_dangling.txt"))
            .expect("symlink");
        expect.insert("j_dangling.txt".to_owned(), Some("io"));
        // A FIFO inside a folder would block a reader forever: it must become a record.
        let fifo = root.join("k_fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            expect.insert("k_fifo".to_owned(), Some("io"));
        }
    }
    (dir, expect)
}

fn relative(doc: &Document, root: &Path) -> String {
    Path::new(&doc.source)
        .strip_prefix(root)
        .expect("source under the root")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_input_appears_exactly_once_with_its_error_kind() {
    let (dir, expect) = mixed_folder();
    let mut runs = Vec::new();
    for jobs in [1, 3] {
        let docs: Vec<Document> = Corpus::open(dir.path())
            .expect("open")
            .jobs(jobs)
            .max_bytes(4096)
            .par_extract()
            .collect();
        let names: Vec<String> = docs.iter().map(|d| relative(d, dir.path())).collect();
        let expected_names: Vec<String> = expect.keys().cloned().collect();
        assert_eq!(names, expected_names, "each input once, in path order");
        for (doc, name) in docs.iter().zip(&names) {
            let kind = doc.error.as_ref().map(|e| e.kind.as_str());
            assert_eq!(kind, expect[name], "{name}: {:?}", doc.error);
            if doc.error.is_some() {
                assert!(doc.goals.is_empty() && doc.meta.is_none());
            } else {
                assert!(doc.decode.is_some(), "{name} was processed");
            }
        }
        // The same text in UTF-8, GBK and UTF-16 gives the same records; Big5 is read as Big5.
        let by_name = |n: &str| &docs[names.iter().position(|x| x == n).expect("present")];
        let reference = by_name("a_utf8.txt");
        assert!(!reference.goals.is_empty(), "the plan text has goals");
        for other in ["b_gbk.txt", "d_utf16.txt"] {
            assert_eq!(by_name(other).goals, reference.goals, "{other}");
        }
        let encoding = |n: &str| {
            by_name(n)
                .decode
                .as_ref()
                .map(|d| d.encoding.to_ascii_lowercase())
                .unwrap_or_default()
        };
        assert!(["gbk", "gb18030"].contains(&encoding("b_gbk.txt").as_str()));
        assert_eq!(encoding("c_big5.txt"), "big5");
        runs.push(docs);
    }
    assert_eq!(runs[0], runs[1], "same output for 1 and 3 threads");
}

#[test]
fn order_is_by_path_for_any_thread_count_and_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Uneven sizes so documents finish out of order.
    for i in 0..40 {
        let body = format!("{}第{i}号\n", PLAN.repeat(1 + (i * 7) % 13));
        std::fs::write(dir.path().join(format!("{i:03}.txt")), body).expect("write");
    }
    let corpus = Corpus::open(dir.path()).expect("open");
    assert_eq!(corpus.len(), 40);
    let reference: Vec<Document> = corpus.clone().jobs(1).par_extract().collect();
    let names: Vec<&str> = reference.iter().map(|d| d.source.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    for (jobs, window, window_bytes) in [(2, 1, u64::MAX), (4, 3, u64::MAX), (3, 100, 600)] {
        let options = Options {
            jobs,
            max_in_flight: window,
            max_in_flight_bytes: window_bytes,
            ..Options::default()
        };
        let docs: Vec<Document> = corpus.clone().with_options(options).par_extract().collect();
        assert_eq!(
            docs, reference,
            "jobs {jobs}, window {window}/{window_bytes}"
        );
    }
}

#[test]
fn dropping_the_stream_early_stops_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..30 {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), PLAN).expect("write");
    }
    let mut stream = Corpus::open(dir.path())
        .expect("open")
        .jobs(2)
        .par_extract();
    let first: Vec<Document> = stream.by_ref().take(3).collect();
    assert_eq!(first.len(), 3);
    assert!(stream.bytes_done() >= 3 * PLAN.len() as u64);
    drop(stream); // must not hang
}

#[test]
fn open_fails_on_a_missing_root_but_from_paths_keeps_it_as_a_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope");
    let err = Corpus::open(&missing).expect_err("missing root");
    assert_eq!(err.kind, planmine::ErrorKind::Io);
    let docs: Vec<Document> = Corpus::from_paths([&missing]).par_extract().collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].error.as_ref().map(|e| e.kind.as_str()), Some("io"));
}

#[test]
fn duplicate_and_overlapping_roots_give_each_file_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("x.txt"), PLAN).expect("write");
    std::fs::write(dir.path().join("y.txt"), PLAN).expect("write");
    let corpus = Corpus::from_paths([dir.path().join("y.txt"), dir.path().to_owned()]);
    assert_eq!(corpus.len(), 2);
    assert_eq!(corpus.total_bytes(), 2 * PLAN.len() as u64);
}

#[test]
fn jsonl_input_yields_one_record_per_line_in_order() {
    use base64::Engine as _;
    let (gbk, _, _) = encoding_rs::GBK.encode(PLAN);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&gbk);
    let big = "字".repeat(3000);
    let input = format!(
        "{{\"source\":\"one.txt\",\"text\":{}}}\n\n{{\"source\":\"two.txt\",\"base64\":\"{b64}\"}}\n\
         garbage\n{{\"source\":\"four.txt\"}}\n{{\"source\":\"five.txt\",\"text\":\"{big}\"}}\n\
         {{\"source\":\"six.txt\",\"base64\":\"%%%\"}}\n0\t{{\"text\":\"到2025年建成\"}}",
        serde_json::to_string(PLAN).expect("json")
    );
    let options = Options {
        jobs: 2,
        max_bytes: 4096,
        ..Options::default()
    };
    let docs: Vec<Document> =
        corpus::par_extract_jsonl(Cursor::new(input.into_bytes()), &options).collect();
    let got: Vec<(&str, Option<&str>)> = docs
        .iter()
        .map(|d| (d.source.as_str(), d.error.as_ref().map(|e| e.kind.as_str())))
        .collect();
    assert_eq!(
        got,
        vec![
            ("one.txt", None),
            ("two.txt", None),
            ("<stdin>:4", Some("invalid_input")),
            ("four.txt", Some("invalid_input")),
            // 3000 × 3 bytes of text: over the 4096-byte document limit.
            ("five.txt", Some("too_large")),
            ("six.txt", Some("invalid_input")),
            ("<stdin>:8", None),
        ]
    );
}

#[test]
fn an_overlong_jsonl_line_is_reported_without_losing_the_next() {
    let long = format!(
        "{{\"source\":\"long\",\"text\":\"{}\"}}\n",
        "a".repeat(200_000)
    );
    let input = format!("{long}{{\"source\":\"short\",\"text\":\"到2025年建成\"}}\n");
    let options = Options {
        jobs: 1,
        max_bytes: 1000,
        ..Options::default()
    };
    let docs: Vec<Document> =
        corpus::par_extract_jsonl(Cursor::new(input.into_bytes()), &options).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].source, "<stdin>:1");
    assert_eq!(
        docs[0].error.as_ref().map(|e| e.kind.as_str()),
        Some("too_large")
    );
    assert_eq!(docs[1].source, "short");
    assert!(docs[1].error.is_none());
}

#[test]
fn binary_sniffing_spares_text_in_every_encoding() {
    let wide = format!("{PLAN}{PLAN}一二三 ABC 123");
    let mut le = Vec::new();
    let mut be = Vec::new();
    for unit in wide.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(corpus::sniff_binary(&le), None, "UTF-16LE without BOM");
    assert_eq!(corpus::sniff_binary(&be), None, "UTF-16BE without BOM");
    let (gb, _, _) = encoding_rs::GB18030.encode(&wide);
    assert_eq!(corpus::sniff_binary(&gb), None);
    let mut with_nul = PLAN.as_bytes().to_vec();
    with_nul.push(0);
    assert_eq!(corpus::sniff_binary(&with_nul), None, "one stray NUL");
    assert!(corpus::sniff_binary(&noise(10_000, 42)).is_some());
    assert!(corpus::sniff_binary(b"\x89PNG\r\n\x1a\nrest").is_some());
    // Document formats are decode's to read (docx) or to name (doc, PDF).
    assert!(corpus::sniff_binary(b"%PDF-1.7\n").is_none());
    assert!(corpus::sniff_binary(b"PK\x03\x04rest").is_none());
}

#[test]
fn summary_counts_records_and_errors() {
    let mut summary = Summary::default();
    let ok = planmine::process("a.txt", PLAN.as_bytes());
    let bad = corpus::process_checked("b.txt", b"", 100);
    summary.add(&ok, 10);
    summary.add(&bad, 0);
    assert_eq!(summary.documents, 2);
    assert_eq!(summary.bytes, 10);
    assert_eq!(summary.goals, ok.goals.len());
    assert_eq!(summary.error_count(), 1);
    assert_eq!(summary.errors.get("empty"), Some(&1));
    let report = summary.report(std::time::Duration::from_secs(1));
    assert!(
        report.contains("2 files") && report.contains("empty 1"),
        "{report}"
    );
}

#[test]
fn csv_has_bom_header_quoting_and_a_row_for_every_document() {
    use planmine::records::{Comparator, GoalStatus, Meta, NumericGoal};
    let goal = |indicator: &str, value: f64| {
        let mut goal = NumericGoal::default();
        goal.indicator = indicator.to_owned();
        goal.comparator = Comparator::Ge;
        goal.value = value;
        goal.unit = Some("%".into());
        goal.year = Some(2025);
        goal.status = GoalStatus::Target;
        goal.section = Some("一".into());
        goal.text = "毛入园率达到95%以上,\"普惠\"覆盖".into();
        goal.span = [3, 20];
        goal
    };
    let mut meta = Meta::default();
    meta.title = Some("某县规划".into());
    let mut doc = Document::new("x.txt");
    doc.meta = Some(meta);
    doc.goals = vec![goal("毛入园率", 95.0), goal("覆盖率", 90.5)];
    let failed = corpus::process_checked("y.bin", b"", 10);
    let mut csv = GoalsCsv::new(Vec::new()).expect("csv");
    csv.write_document(&doc).expect("row");
    csv.write_document(&failed).expect("row");
    let bytes = csv.finish().expect("finish");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines.len(),
        5,
        "header, 2 goals, 1 error row, final empty: {lines:?}"
    );
    assert_eq!(lines[0], corpus::CSV_COLUMNS.join(","));
    assert!(lines[1].starts_with("x.txt,某县规划,"));
    assert!(lines[1].contains(",毛入园率,ge,95,%,2025,"), "{}", lines[1]);
    assert!(lines[1].contains("\"毛入园率达到95%以上,\"\"普惠\"\"覆盖\""));
    assert!(lines[2].contains(",覆盖率,ge,90.5,"));
    assert!(lines[3].starts_with("y.bin,") && lines[3].contains(",empty,the input has no bytes,"));
    assert_eq!(lines[3].matches(',').count(), corpus::CSV_COLUMNS.len() - 1);
}

#[cfg(unix)]
#[test]
fn linked_folders_give_each_file_once_and_loops_end() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("a/b")).expect("mkdir");
    std::fs::write(root.join("a/b/plan.txt"), PLAN).expect("write");
    // A link back to an ancestor (a loop) and a second way to the same folder.
    std::os::unix::fs::symlink("../..", root.join("a/b/up")).expect("symlink");
    std::os::unix::fs::symlink("a/b", root.join("again")).expect("symlink");
    let docs: Vec<Document> = Corpus::open(root).expect("open").par_extract().collect();
    let names: Vec<String> = docs.iter().map(|d| relative(d, root)).collect();
    assert_eq!(names, ["a/b/plan.txt"]);
    assert!(docs[0].error.is_none());
}
