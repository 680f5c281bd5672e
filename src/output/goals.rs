//! The goals table of `planmine extract --format csv`: one row per goal with its document's
//! metadata, so a single file answers most questions.

use std::io::Write;

use super::{cell, json_name, CsvStyle};
use crate::records::{Document, Meta, Region};

/// Column names of the goals CSV. Columns after `error_message` were added in 2026-12 and are
/// appended so that scripts reading columns by position keep working.
pub const CSV_COLUMNS: &[&str] = &[
    "source",
    "title",
    "issuer",
    "doc_number",
    "date",
    "province",
    "city",
    "county",
    "region_code",
    "period",
    "period_start",
    "period_end",
    "doc_kind",
    "indicator",
    "comparator",
    "value",
    "unit",
    "year",
    "baseline_value",
    "baseline_year",
    "status",
    "binding",
    "section",
    "text",
    "span_start",
    "span_end",
    "error_kind",
    "error_message",
    "indicator_id",
    "value_high",
    "as_of",
    "region_level",
];

/// Writes one CSV row per numeric goal, each with its document's metadata columns.
///
/// A document without goals still gets one row (goal columns empty, error columns set for an
/// error record), so no input disappears from the table.
pub struct GoalsCsv<W: Write> {
    out: W,
    style: CsvStyle,
}

impl<W: Write> GoalsCsv<W> {
    /// Starts an Excel-style table (BOM, CRLF), as before styles existed; see
    /// [`GoalsCsv::with_style`].
    ///
    /// # Errors
    /// Any write error of `out`.
    pub fn new(out: W) -> std::io::Result<Self> {
        GoalsCsv::with_style(out, CsvStyle::Excel)
    }

    /// Starts the table in `style`: writes the preamble and the header row.
    ///
    /// # Errors
    /// Any write error of `out`.
    pub fn with_style(mut out: W, style: CsvStyle) -> std::io::Result<Self> {
        out.write_all(&header(style))?;
        Ok(GoalsCsv { out, style })
    }

    /// Writes the rows of one document.
    ///
    /// # Errors
    /// Any write error of the underlying writer.
    pub fn write_document(&mut self, doc: &Document) -> std::io::Result<()> {
        self.out.write_all(&rows(doc, self.style))
    }

    /// Flushes and returns the writer.
    ///
    /// # Errors
    /// Any flush error.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The preamble and header row that start a goals table in `style`.
pub fn header(style: CsvStyle) -> Vec<u8> {
    let mut out = style.preamble().to_vec();
    out.extend(style.row(CSV_COLUMNS));
    out
}

/// The Excel-style (BOM, CRLF) header of [`GoalsCsv::new`].
pub fn csv_header() -> String {
    String::from_utf8(header(CsvStyle::Excel)).unwrap_or_default()
}

/// The Excel-style rows of one document; see [`rows`].
pub fn csv_rows(doc: &Document) -> String {
    String::from_utf8(rows(doc, CsvStyle::Excel)).unwrap_or_default()
}

/// The rows of one document (at least one) in `style`.
pub fn rows(doc: &Document, style: CsvStyle) -> Vec<u8> {
    let (no_meta, no_region) = (Meta::default(), Region::default());
    let meta = doc.meta.as_ref().unwrap_or(&no_meta);
    let region = meta.region.as_ref().unwrap_or(&no_region);
    let period = meta.period.as_ref();
    let head = [
        doc.source.clone(),
        cell(meta.title.as_ref()),
        cell(meta.issuer.as_ref()),
        cell(meta.doc_number.as_ref()),
        cell(meta.date.as_ref()),
        cell(region.province.as_ref()),
        cell(region.city.as_ref()),
        cell(region.county.as_ref()),
        cell(region.code.as_ref()),
        cell(period.and_then(|p| p.name.as_ref())),
        cell(period.map(|p| p.start)),
        cell(period.map(|p| p.end)),
        cell(meta.kind.as_ref()),
    ];
    let error_kind = cell(doc.error.as_ref().map(|e| &e.kind));
    let error_message = cell(doc.error.as_ref().map(|e| &e.message));
    let level = region.level.as_ref().map(json_name).unwrap_or_default();
    let mut out = Vec::new();
    if doc.goals.is_empty() {
        let mut row = head.to_vec();
        row.resize(CSV_COLUMNS.len() - 6, String::new());
        row.extend([error_kind, error_message]);
        row.extend([String::new(), String::new(), String::new(), level]);
        out.extend(style.row(&row));
        return out;
    }
    for goal in &doc.goals {
        let mut row = head.to_vec();
        row.extend([
            goal.indicator.clone(),
            json_name(&goal.comparator),
            goal.value.to_string(),
            cell(goal.unit.as_ref()),
            cell(goal.year),
            cell(goal.baseline.as_ref().map(|b| b.value)),
            cell(goal.baseline.as_ref().and_then(|b| b.year)),
            json_name(&goal.status),
            goal.binding.as_ref().map(json_name).unwrap_or_default(),
            cell(goal.section.as_ref()),
            goal.text.clone(),
            goal.span[0].to_string(),
            goal.span[1].to_string(),
            error_kind.clone(),
            error_message.clone(),
            cell(goal.indicator_id.as_ref()),
            cell(goal.value_high),
            cell(goal.as_of),
            level.clone(),
        ]);
        out.extend(style.row(&row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed_and_styles_set_line_ends() {
        assert_eq!(
            CsvStyle::Excel.row(["平阴县", "a,b"]),
            "平阴县,\"a,b\"\r\n".as_bytes()
        );
        assert_eq!(
            CsvStyle::Plain.row(["say \"hi\"", "two\nlines", ""]),
            "\"say \"\"hi\"\"\",\"two\nlines\",\n".as_bytes()
        );
        assert!(header(CsvStyle::Plain).starts_with(b"source,"));
        assert!(header(CsvStyle::Excel).starts_with("\u{FEFF}source,".as_bytes()));
    }

    #[test]
    fn a_document_without_goals_still_gets_a_full_row() {
        let doc = Document {
            source: "empty.txt".into(),
            ..Document::default()
        };
        let bytes = rows(&doc, CsvStyle::Plain);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[..]);
        let record = reader.records().next().expect("a row").expect("valid");
        assert_eq!(record.len(), CSV_COLUMNS.len());
        assert_eq!(&record[0], "empty.txt");
    }
}
