//! The `planmine` binary: extract (files, folders, path lists, JSON Lines), decode, strictness.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PLAN: &str = "一、工作目标\n到2025年,全县学前教育毛入园率达到95%以上。\n";

fn planmine(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planmine"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planmine");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(bytes) = stdin {
            // A run that does not read its input may exit before the write: a closed pipe is
            // no failure of the test.
            if let Err(e) = input.write_all(bytes) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
            }
        }
    }
    child.wait_with_output().expect("wait")
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn sources(docs: &[serde_json::Value]) -> Vec<String> {
    docs.iter()
        .map(|d| d["source"].as_str().expect("source").to_owned())
        .collect()
}

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[test]
fn extract_defaults_to_the_corpus_and_is_the_same_for_any_jobs() {
    let one = planmine(&["extract", "--jobs", "1"], None);
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    let two = planmine(&["extract", "corpus/", "-j", "2"], None);
    assert!(two.status.success());
    assert_eq!(one.stdout, two.stdout, "byte-identical for 1 and 2 jobs");
    let docs = jsonl(&one.stdout);
    let names = sources(&docs);
    let mut listed: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .expect("corpus")
            .map(|e| format!("corpus/{}", e.expect("entry").file_name().to_string_lossy()))
            .collect();
    listed.sort();
    assert_eq!(names, listed);
    // The summary goes to stderr, never into the data.
    let stderr = String::from_utf8_lossy(&one.stderr);
    assert!(
        stderr.contains(&format!("{} files", listed.len())),
        "{stderr}"
    );
    assert!(
        stderr.contains("MB/s") && stderr.contains("goals"),
        "{stderr}"
    );
}

#[test]
fn errors_are_records_and_strict_makes_them_fatal() {
    let dir = folder(&[
        ("a.txt", PLAN.as_bytes()),
        ("b_empty.txt", b""),
        ("c_big.txt", PLAN.repeat(50).as_bytes()),
        ("d/e.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"),
    ]);
    let args = ["extract", s(dir.path()), "--max-size", "1K", "-q"];
    let run = planmine(&args, None);
    assert!(run.status.success(), "errors alone do not fail a run");
    assert!(run.stderr.is_empty(), "--quiet");
    let docs = jsonl(&run.stdout);
    let kinds: Vec<Option<&str>> = docs
        .iter()
        .map(|d| d.get("error").map(|e| e["kind"].as_str().expect("kind")))
        .collect();
    assert_eq!(
        kinds,
        vec![None, Some("empty"), Some("too_large"), Some("binary")]
    );
    for doc in &docs {
        if let Some(error) = doc.get("error") {
            assert!(!error["message"].as_str().expect("message").is_empty());
        }
    }
    let mut strict_args = args.to_vec();
    strict_args.push("--strict");
    let strict = planmine(&strict_args, None);
    assert!(!strict.status.success(), "--strict fails on error records");
    assert_eq!(
        strict.stdout, run.stdout,
        "--strict still writes everything"
    );
    let fine = planmine(
        &["extract", s(&dir.path().join("a.txt")), "--strict", "-q"],
        None,
    );
    assert!(fine.status.success());
}

#[test]
fn paths_from_stdin_output_file_and_csv() {
    let dir = folder(&[("x/1.txt", PLAN.as_bytes()), ("y/2.txt", PLAN.as_bytes())]);
    let list = format!(
        "{}\n\n{}\n",
        s(&dir.path().join("y")),
        s(&dir.path().join("x/1.txt"))
    );
    let out = dir.path().join("out.jsonl");
    let run = planmine(
        &["extract", "--files-from", "-", "-o", s(&out)],
        Some(list.as_bytes()),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.stdout.is_empty(), "data went to -o");
    let docs = jsonl(&std::fs::read(&out).expect("output file"));
    let names = sources(&docs);
    assert_eq!(names.len(), 2);
    assert!(
        names[0].ends_with("1.txt") && names[1].ends_with("2.txt"),
        "{names:?}"
    );

    // Writing into the folder being read: the output of a previous run is not an input.
    let again = planmine(&["extract", s(dir.path()), "-o", s(&out), "-q"], None);
    assert!(again.status.success());
    let docs = jsonl(&std::fs::read(&out).expect("output file"));
    assert_eq!(sources(&docs).len(), 2, "out.jsonl itself is not read");

    let csv = planmine(&["extract", s(dir.path()), "--format", "csv", "-q"], None);
    assert!(csv.status.success());
    let text = String::from_utf8(csv.stdout).expect("utf-8");
    // Plain UTF-8 by default: Python's csv module reads the first header as `source`.
    assert!(text.starts_with("source,title,"), "header without a BOM");
    assert!(!text.contains('\r'), "\\n line ends");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(rows.iter().any(|r| r.contains("1.txt")) && rows.iter().any(|r| r.contains("2.txt")));

    let excel = planmine(
        &["extract", s(dir.path()), "--format", "csv", "--excel", "-q"],
        None,
    );
    let text = String::from_utf8(excel.stdout).expect("utf-8");
    assert!(
        text.starts_with("\u{feff}source,title,"),
        "--excel: BOM then header"
    );
    assert!(text.contains(
        "span_end,error_kind,error_message,indicator_id,value_high,as_of,region_level\r\n"
    ));
}

#[test]
fn stdin_jsonl_is_a_streaming_mapper() {
    let input = format!(
        "{{\"source\":\"a\",\"text\":{}}}\nnot json\n{{\"source\":\"c\",\"base64\":\"5Yiw\"}}\n",
        serde_json::to_string(PLAN).expect("json")
    );
    let run = planmine(
        &["extract", "--stdin-jsonl", "-j", "2"],
        Some(input.as_bytes()),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let docs = jsonl(&run.stdout);
    assert_eq!(sources(&docs), vec!["a", "<stdin>:2", "c"]);
    assert!(docs[0].get("error").is_none());
    assert_eq!(docs[1]["error"]["kind"], "invalid_input");
    assert!(docs[2].get("error").is_none(), "base64 of 到: {}", docs[2]);
    let strict = planmine(
        &["extract", "--stdin-jsonl", "--strict", "-q"],
        Some(input.as_bytes()),
    );
    assert!(!strict.status.success());
}

#[test]
fn decode_prints_text_and_bad_usage_fails() {
    let dir = folder(&[("g.txt", PLAN.as_bytes())]);
    let run = planmine(&["decode", s(&dir.path().join("g.txt"))], None);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stdout).contains("毛入园率"));
    assert!(!planmine(&["decode", s(&dir.path().join("none"))], None)
        .status
        .success());
    assert!(!planmine(&["extract", "--format", "xml"], None)
        .status
        .success());
    assert!(!planmine(&["extract", "--max-size", "12Q"], None)
        .status
        .success());
    let help = planmine(&["compare", "--help"], None);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--html"));
}

#[test]
fn a_missing_path_is_a_usage_error_after_the_rest_is_done() {
    let dir = folder(&[("a.txt", PLAN.as_bytes())]);
    let missing = dir.path().join("nope.txt");
    let run = planmine(&["extract", s(dir.path()), s(&missing), "-q"], None);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("nope.txt"), "{stderr}");
    let docs = jsonl(&run.stdout);
    assert!(docs[0].get("error").is_none(), "the rest is processed");
    assert_eq!(docs.len(), 2, "and the missing path keeps its error record");
    assert_eq!(docs[1]["error"]["kind"], "io");
}

#[test]
fn dash_reads_one_document_from_standard_input() {
    let run = planmine(&["extract", "-", "-q"], Some(PLAN.as_bytes()));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let docs = jsonl(&run.stdout);
    assert_eq!(sources(&docs), vec!["<stdin>"]);
    assert_eq!(docs[0]["goals"][0]["value"], 95.0);
}

#[test]
fn one_file_named_twice_is_read_once() {
    let dir = folder(&[("a.txt", PLAN.as_bytes())]);
    let plain = dir.path().join("a.txt");
    let dotted = dir.path().join(".").join("a.txt");
    let run = planmine(&["extract", s(&plain), s(&dotted), "-q"], None);
    assert!(run.status.success());
    assert_eq!(jsonl(&run.stdout).len(), 1);
}

#[test]
fn jobs_are_bounded() {
    assert!(!planmine(&["extract", "--jobs", "2000"], None)
        .status
        .success());
    assert!(!planmine(&["extract", "--jobs", "0"], None).status.success());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_planmine"))
        .args(["extract", "--jobs", "1", "-q"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planmine");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The read end is dropped here: the rest of the output meets a closed pipe.
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn completions_and_man_page() {
    let bash = planmine(&["completions", "bash"], None);
    assert!(bash.status.success());
    assert!(String::from_utf8_lossy(&bash.stdout).contains("planmine"));
    let man = planmine(&["man"], None);
    assert!(man.status.success());
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH"));
}

#[test]
fn decode_refuses_input_over_its_size_limit() {
    let dir = folder(&[("big.txt", PLAN.repeat(100).as_bytes())]);
    let run = planmine(
        &["decode", s(&dir.path().join("big.txt")), "--max-size", "1K"],
        None,
    );
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("too_large"));
}

#[test]
fn compare_reports_lines_that_are_not_records_and_goes_on() {
    let extracted = planmine(&["extract", "-", "-q"], Some(PLAN.as_bytes()));
    let mut input = b"not json\n\xff\xfe broken\n".to_vec();
    input.extend_from_slice(&extracted.stdout);
    let run = planmine(&["compare", "-"], Some(&input));
    assert_eq!(run.status.code(), Some(1), "not all lines were records");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(":1:") && stderr.contains(":2:"), "{stderr}");
    assert!(
        stderr.contains("1 documents"),
        "the good line still counts: {stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_without_a_writer_does_not_hang() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Bounded by the test harness: before the fix this call never returned.
    let run = planmine(&["extract", s(&fifo), "-q"], None);
    let docs = jsonl(&run.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["error"]["kind"], "empty");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_stay_distinct_and_reversible() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let names: [&[u8]; 2] = [b"bad\xff.txt", b"bad\xfe.txt"];
    for name in names {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(&path, PLAN).is_err() {
            eprintln!("skipped: the file system refuses names that are not UTF-8");
            return;
        }
    }
    let run = planmine(&["extract", s(dir.path()), "-q"], None);
    assert!(run.status.success());
    let docs = jsonl(&run.stdout);
    let found: Vec<(String, Vec<u8>)> = docs
        .iter()
        .map(|d| {
            use base64::Engine as _;
            let raw = base64::engine::general_purpose::STANDARD
                .decode(d["source_bytes"].as_str().expect("source_bytes"))
                .expect("base64");
            (d["source"].as_str().expect("source").to_owned(), raw)
        })
        .collect();
    assert_ne!(found[0].0, found[1].0, "distinct sources");
    for (source, raw) in &found {
        assert!(
            source.ends_with(".txt") && source.contains("bad\\x"),
            "{source}"
        );
        let name = std::path::Path::new(std::ffi::OsStr::from_bytes(raw));
        assert!(names.contains(&name.file_name().expect("name").as_bytes()));
    }
}

#[test]
fn goals_carry_indicator_ids_from_the_builtin_or_a_given_catalogue() {
    let run = planmine(&["extract", "-", "-q"], Some(PLAN.as_bytes()));
    let docs = jsonl(&run.stdout);
    assert_eq!(docs[0]["goals"][0]["indicator_id"], "preschool_ger");

    let dir = folder(&[(
        "mine.tsv",
        "# a researcher's own catalogue\nid\tname\tunit\tsynonyms\nkg_enrol\t入园率\t%\t毛入园率\n"
            .as_bytes(),
    )]);
    let mine = dir.path().join("mine.tsv");
    let run = planmine(
        &["extract", "-", "-q", "--catalogue", s(&mine)],
        Some(PLAN.as_bytes()),
    );
    assert!(run.status.success());
    assert_eq!(
        jsonl(&run.stdout)[0]["goals"][0]["indicator_id"],
        "kg_enrol"
    );

    let other = "一、目标\n到2025年,全县新建公厕12座。\n";
    let run = planmine(
        &["extract", "-", "-q", "--catalogue", s(&mine)],
        Some(other.as_bytes()),
    );
    let goal = &jsonl(&run.stdout)[0]["goals"][0];
    assert!(goal["indicator_id"].is_null(), "{goal}");

    let missing = dir.path().join("missing.tsv");
    let run = planmine(
        &["extract", "-", "--catalogue", s(&missing)],
        Some(PLAN.as_bytes()),
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("missing.tsv"));
}

#[test]
fn compare_writes_a_tidy_panel_with_region_codes() {
    let extracted = planmine(&["extract", "corpus/", "-q"], None);
    let dir = folder(&[("out.jsonl", &extracted.stdout[..])]);
    let input = dir.path().join("out.jsonl");
    let panel = dir.path().join("panel.csv");
    let matrix = dir.path().join("matrix.csv");
    let run = planmine(
        &[
            "compare",
            s(&input),
            "--panel",
            s(&panel),
            "--csv",
            s(&matrix),
        ],
        None,
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut reader = csv::Reader::from_path(&panel).expect("panel");
    let header = crate::common::csv_header(&mut reader);
    assert_eq!(header, planmine::compare::PANEL_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let mapped: usize = jsonl(&extracted.stdout)
        .iter()
        .flat_map(|d| d["goals"].as_array().cloned().unwrap_or_default())
        .filter(|g| g["indicator_id"].is_string())
        .count();
    assert_eq!(rows.len(), mapped, "one row per goal with an indicator");
    assert!(
        rows.iter().all(|r| r[0].len() == 6 && &r[2] == "county"),
        "codes and levels"
    );
    // The matrix: plain UTF-8 by default, regions in code order, the code in every row.
    let text = std::fs::read_to_string(&matrix).expect("matrix");
    assert!(text.starts_with("region,"));
    let codes: Vec<String> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row")[13].to_owned())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
}
