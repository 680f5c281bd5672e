//! Comparison of extracted goals across regions, by canonical indicator.
//!
//! Goals name their indicators freely (全县学前三年毛入园率, 学前教育普惠率 …). This module maps
//! them onto a [`Catalogue`] of canonical indicators (the national 十四五 education indicators
//! and the county 义务教育优质均衡 indicators, `data/indicators.tsv`), then lays the targets and
//! achieved values out as a region × indicator [`Matrix`], written as CSV
//! ([`Matrix::write_csv`]) or as a self-contained HTML report with one SVG bar chart per
//! indicator ([`Matrix::to_html`]).
//!
//! Command line: `planmine compare OUT.jsonl --csv matrix.csv --html report.html` streams the
//! JSON Lines through a [`MatrixBuilder`] ([`stream_into`]; memory grows with
//! regions × indicators, not with the input). How one value is chosen when several goals fall
//! in one cell is documented on [`Matrix`]; how phrases map to indicators on [`Catalogue`]
//! and in the header of `data/indicators.tsv`.
//!
//! Rows are regions: `meta.region`'s county, else its city or province, else the file stem;
//! documents naming only a county join the fuller entry of the same county when exactly one
//! exists, and equal names in different cities get the city in front (兰州市城关区). Columns
//! are canonical indicators, split by 小学/初中 (or 城区/镇区) where the national standard sets
//! separate values and the goal's phrase names exactly one of them.
//!
//! ```
//! use planmine::compare::{Catalogue, Matrix};
//!
//! let cat = Catalogue::builtin();
//! let m = cat.classify("全县学前三年毛入园率(%)", Some("%")).unwrap();
//! assert_eq!(m.indicator.id, "preschool_ger");
//!
//! let text = "平阴县教育事业发展规划\n到2025年,全县学前三年毛入园率达到95%以上。\n";
//! let doc = planmine::process("a.txt", text.as_bytes());
//! let matrix = Matrix::from_documents(&[doc]);
//! let cell = matrix.get("平阴县", "preschool_ger").unwrap();
//! assert_eq!(cell.target.as_ref().unwrap().value, 95.0);
//! assert!(matrix.to_html().contains("<svg"));
//! ```

mod csv;
mod html;
mod matrix;
mod panel;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub use crate::catalogue::{
    normalize_phrase, Catalogue, CatalogueError, Indicator, Match, Measure, Qualifier, Reference,
    MAX_GAP,
};
pub use csv::CSV_COLUMNS;
pub use html::{CHART_MAX_REGIONS, TABLE_MAX_ROWS};
pub use matrix::{
    Cell, Column, Figure, Matrix, MatrixBuilder, MatrixStats, RegionRow, TEXT_MAX_CHARS,
};
pub use panel::{Panel, PANEL_COLUMNS};

use crate::records::{Comparator, Document, ErrorRecord, Meta, NumericGoal};
use crate::{Error, ErrorKind};

/// What [`read_documents`] found in a JSON Lines file.
#[derive(Debug, Clone, Default)]
pub struct ReadOutcome {
    /// The parsed documents, error records included (the matrix skips them).
    pub documents: Vec<Document>,
    /// Lines that are not a planmine record: (1-based line number, parser message).
    pub malformed: Vec<(usize, String)>,
}

/// Reads planmine's JSON Lines output (`-` reads standard input). Blank lines are ignored;
/// a line that does not parse as a [`Document`] is reported in
/// [`ReadOutcome::malformed`] and the reading goes on.
pub fn read_documents(input: &Path) -> Result<ReadOutcome, Error> {
    if input == Path::new("-") {
        return read_documents_from(std::io::stdin().lock());
    }
    let file = std::fs::File::open(input)
        .map_err(|e| Error::new(ErrorKind::Io, format!("{}: {e}", input.display())))?;
    read_documents_from(file)
}

/// Reads planmine's JSON Lines output from any reader; see [`read_documents`].
pub fn read_documents_from(reader: impl Read) -> Result<ReadOutcome, Error> {
    let mut out = ReadOutcome::default();
    for (n, line) in BufReader::new(reader).split(b'\n').enumerate() {
        let line = line?;
        let Ok(line) = std::str::from_utf8(&line) else {
            out.malformed.push((n + 1, "not UTF-8".to_owned()));
            continue;
        };
        let line = line.trim_start_matches('\u{FEFF}').trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Document>(line) {
            Ok(doc) => out.documents.push(doc),
            Err(e) => out.malformed.push((n + 1, e.to_string())),
        }
    }
    Ok(out)
}

/// The parts of a record the matrix needs; the rest of each line is skipped unparsed into
/// types, which keeps reading fast and memory flat.
#[derive(serde::Deserialize)]
struct RecordParts {
    source: String,
    #[serde(default)]
    meta: Option<Meta>,
    #[serde(default)]
    goals: Vec<NumericGoal>,
    #[serde(default)]
    error: Option<ErrorRecord>,
}

/// Streams JSON Lines of documents from `reader` into `builder`, one line at a time (memory
/// stays flat). Returns the lines that are not records (1-based number and why), which were
/// skipped: text that is not JSON, or not UTF-8, does not stop the stream.
///
/// # Errors
/// Only when reading fails.
pub fn stream_into(
    reader: impl Read,
    builder: &mut MatrixBuilder<'_>,
) -> std::io::Result<Vec<(usize, String)>> {
    stream_into_with_panel::<std::io::Sink>(reader, builder, None)
}

/// [`stream_into`], also writing each document's rows into the tidy `panel`.
///
/// # Errors
/// When reading fails, or writing the panel.
pub fn stream_into_with_panel<W: std::io::Write>(
    reader: impl Read,
    builder: &mut MatrixBuilder<'_>,
    mut panel: Option<&mut Panel<'_, W>>,
) -> std::io::Result<Vec<(usize, String)>> {
    let mut malformed = Vec::new();
    let mut reader = BufReader::new(reader);
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        n += 1;
        let Ok(line) = std::str::from_utf8(&buf) else {
            malformed.push((n, "not UTF-8".to_owned()));
            continue;
        };
        let line = line.trim_start_matches('\u{FEFF}').trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<RecordParts>(line) {
            Ok(r) => {
                builder.add_parts(&r.source, r.meta.as_ref(), &r.goals, r.error.is_some());
                if let Some(panel) = panel.as_deref_mut() {
                    panel.add_parts(&r.source, r.meta.as_ref(), &r.goals)?;
                }
            }
            Err(e) => malformed.push((n, e.to_string())),
        }
    }
    Ok(malformed)
}

/// The contract's name of a comparator (`ge`, `le`, …).
pub fn comparator_str(c: Comparator) -> &'static str {
    c.as_str()
}

/// Formats a number without exponent or trailing zeros: `95`, `99.39`, `0.45`.
pub(crate) fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_plainly() {
        assert_eq!(fmt_num(95.0), "95");
        assert_eq!(fmt_num(99.39), "99.39");
        assert_eq!(fmt_num(0.45), "0.45");
        assert_eq!(fmt_num(1087000000.0), "1087000000");
        assert_eq!(fmt_num(-0.0000001), "0");
        assert_eq!(fmt_num(f64::NAN), "");
    }

    #[test]
    fn reads_jsonl_and_reports_bad_lines() {
        let input = "{\"source\":\"a.txt\",\"goals\":[]}\n\nnot json\n\
                     {\"source\":\"b.txt\",\"error\":{\"kind\":\"empty\",\"message\":\"x\"}}\n";
        let out = read_documents_from(input.as_bytes()).expect("reads");
        assert_eq!(out.documents.len(), 2);
        assert_eq!(out.malformed.len(), 1);
        assert_eq!(out.malformed[0].0, 3);
        assert!(out.documents[1].error.is_some());

        let mut builder = MatrixBuilder::new(Catalogue::builtin());
        let bad = stream_into(input.as_bytes(), &mut builder).expect("streams");
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].0, 3);
        let m = builder.finish();
        assert_eq!((m.stats.documents, m.stats.error_documents), (2, 1));
        assert_eq!(m.regions.len(), 1);
        assert_eq!(m.regions[0].label, "a");
    }
}
