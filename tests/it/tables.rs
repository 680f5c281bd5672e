//! `planmine extract --tables DIR`: the five CSVs load into SQLite and join by `doc_id`.

use std::process::Command;

/// Runs `planmine extract corpus/ --tables DIR` with `extra` flags; returns the JSON Lines.
fn extract_tables(dir: &std::path::Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_planmine"))
        .args(["extract", "corpus/", "-q", "--tables"])
        .arg(dir)
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run planmine");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

/// Loads `DIR/NAME.csv` into a table NAME of `db` (every column as text, as a researcher's
/// first import would).
fn load(db: &rusqlite::Connection, dir: &std::path::Path, name: &str) -> usize {
    let mut reader = csv::Reader::from_path(dir.join(format!("{name}.csv"))).expect("csv");
    let header = crate::common::csv_header(&mut reader);
    assert!(!header[0].starts_with('\u{FEFF}'), "no BOM by default");
    let columns = header.join(", ");
    db.execute(&format!("CREATE TABLE {name} ({columns})"), [])
        .expect("create");
    let marks = vec!["?"; header.len()].join(", ");
    let mut insert = db
        .prepare(&format!("INSERT INTO {name} VALUES ({marks})"))
        .expect("insert");
    let mut n = 0;
    for record in reader.records() {
        let record = record.expect("row");
        assert_eq!(record.len(), header.len(), "{name}: every row is complete");
        insert
            .execute(rusqlite::params_from_iter(record.iter()))
            .expect("insert row");
        n += 1;
    }
    n
}

#[test]
fn tables_join_in_sqlite_and_agree_with_the_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = extract_tables(dir.path(), &[]);
    let db = rusqlite::Connection::open_in_memory().expect("sqlite");
    let counts: Vec<usize> = planmine::output::TABLES
        .iter()
        .map(|t| load(&db, dir.path(), t))
        .collect();
    let sum = |key: &str| -> usize {
        docs.iter()
            .map(|d| d[key].as_array().map_or(0, Vec::len))
            .sum()
    };
    let departments: usize = docs
        .iter()
        .flat_map(|d| {
            d["responsibilities"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|r| r["departments"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(
        counts,
        [
            docs.len(),
            sum("goals"),
            sum("deadlines"),
            departments,
            sum("targets")
        ]
    );

    // Every goal joins its document, and the region code agrees on both sides.
    let joined: i64 = db
        .query_row(
            "SELECT count(*) FROM goals g JOIN documents d ON g.doc_id = d.doc_id \
             WHERE g.region_code = d.region_code",
            [],
            |row| row.get(0),
        )
        .expect("join");
    assert_eq!(joined as usize, sum("goals"));
    // Per document, the goal count column and the goals table agree with the JSON.
    for (i, doc) in docs.iter().enumerate() {
        let id = (i + 1).to_string();
        let (source, goals, code): (String, String, String) = db
            .query_row(
                "SELECT source, goals, region_code FROM documents WHERE doc_id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("document row");
        assert_eq!(source, doc["source"]);
        assert_eq!(code, doc["meta"]["region"]["code"]);
        assert_eq!(
            goals,
            doc["goals"].as_array().map_or(0, Vec::len).to_string()
        );
        let mapped: i64 = db
            .query_row(
                "SELECT count(*) FROM goals WHERE doc_id = ?1 AND indicator_id <> ''",
                [&id],
                |r| r.get(0),
            )
            .expect("mapped");
        let in_json = doc["goals"].as_array().map_or(0, |g| {
            g.iter().filter(|g| g["indicator_id"].is_string()).count()
        });
        assert_eq!(mapped as usize, in_json, "{source}");
    }
    // A target's goal_indexes name goals of the same document.
    let dangling: i64 = db
        .query_row(
            "WITH RECURSIVE split(doc_id, rest, idx) AS ( \
               SELECT doc_id, goal_indexes || ';', NULL FROM targets \
               UNION ALL SELECT doc_id, substr(rest, instr(rest, ';') + 1), \
                 substr(rest, 1, instr(rest, ';') - 1) FROM split WHERE rest <> '') \
             SELECT count(*) FROM split s WHERE idx IS NOT NULL AND idx <> '' AND NOT EXISTS \
               (SELECT 1 FROM goals g WHERE g.doc_id = s.doc_id AND g.goal_index = s.idx)",
            [],
            |r| r.get(0),
        )
        .expect("targets");
    assert_eq!(dangling, 0);
}

#[test]
fn excel_tables_have_a_bom_and_crlf() {
    let dir = tempfile::tempdir().expect("temp dir");
    extract_tables(dir.path(), &["--excel"]);
    for table in planmine::output::TABLES {
        let bytes = std::fs::read(dir.path().join(format!("{table}.csv"))).expect("table");
        assert!(bytes.starts_with("\u{FEFF}doc_id,".as_bytes()), "{table}");
        let text = String::from_utf8(bytes).expect("utf-8");
        let header = text.lines().next().unwrap_or("");
        assert!(text.contains(&format!("{header}\r\n")), "{table}: CRLF");
    }
}
